// The admin page of a program's MoEngage integration. Plain ES modules, no build step: each section of the
// page has its own module; this one signs in, picks the program and loads the sections.

import { api, token, onSignedOut } from "./api.js";
import { $ } from "./dom.js";
import { setZone, zoneLabel } from "./format.js";
import { state } from "./state.js";
import { initConnection, loadConnection } from "./connection.js";
import { initNaming } from "./naming.js";
import { initRuns, loadRuns } from "./runs.js";
import { initReport } from "./report.js";
import { initMembers, loadMembers } from "./members.js";
import { initLookup, resetLookup } from "./lookup.js";
import { initAlerts, loadAlerts } from "./alerts.js";
import { loadAudit } from "./audit.js";

let programs = [];

function signOut(message) {
  token.clear();
  $("workspace").hidden = true;
  $("tools").hidden = true;
  $("sign-in").hidden = false;
  $("sign-in-error").textContent = message || "";
  for (const dialog of document.querySelectorAll("dialog[open]")) dialog.close();
}

async function signIn(event) {
  event?.preventDefault();
  const entered = $("admin-token").value.trim();
  if (entered) token.set(entered);
  if (!token.get()) return;
  const response = await api("GET", "/v1/programs");
  if (response.status === 401) return;
  if (!response.ok) {
    $("sign-in-error").textContent = response.status === 0 ? "The settings service could not be reached." : `Signing in failed (HTTP ${response.status}).`;
    return;
  }
  programs = response.data || [];
  $("sign-in").hidden = true;
  $("tools").hidden = false;
  $("workspace").hidden = false;
  $("admin-token").value = "";
  $("program").replaceChildren(...programs.map((p) => new Option(`${p.name} (${p.programId})`, p.programId)));
  const remembered = new URLSearchParams(location.hash.slice(1)).get("program");
  if (programs.some((p) => p.programId === remembered)) $("program").value = remembered;
  if (!programs.length) {
    $("moengage-status").textContent = "No loyalty programs exist yet.";
    return;
  }
  await loadProgram();
}

async function loadProgram() {
  state.programId = $("program").value;
  state.program = programs.find((p) => p.programId === state.programId) || null;
  history.replaceState(null, "", `#program=${encodeURIComponent(state.programId)}`);
  setZone(state.program?.timeZone);
  $("page-title").textContent = `MoEngage · ${state.program?.name ?? state.programId}`;
  $("page-lead").textContent = "Every night, after the program's business day closes, Loyalife sends that day's loyalty events and every member's attributes to MoEngage. "
    + `Times on this page are in the program's zone, ${zoneLabel()}.`;
  resetLookup();
  await loadConnection();
  await Promise.all([loadRuns(), loadMembers(), loadAlerts(), loadAudit()]);
}

document.addEventListener("DOMContentLoaded", () => {
  onSignedOut(signOut);
  initConnection();
  initNaming();
  initRuns();
  initReport();
  initMembers();
  initLookup();
  initAlerts();
  $("sign-in").addEventListener("submit", signIn);
  $("sign-out").addEventListener("click", () => signOut(""));
  $("program").addEventListener("change", loadProgram);
  if (token.get()) signIn();
});

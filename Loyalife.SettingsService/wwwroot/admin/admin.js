// The admin page of a program's MoEngage integration. Plain ES modules, no build step: each section of the
// page has its own module; this one finds who is signed in (the session, or the break-glass admin token),
// picks the program and loads the sections.

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

function showSignIn(message) {
  token.clear();
  document.body.classList.remove("read-only");
  $("workspace").hidden = true;
  $("tools").hidden = true;
  $("sign-in").hidden = false;
  $("sign-in-error").textContent = message || "";
  for (const dialog of document.querySelectorAll("dialog[open]")) dialog.close();
}

function signOut() {
  // A session ends on the server (and at the identity provider), which then brings the browser back here.
  if (state.caller?.session && !token.get()) location.assign("/admin/sign-out");
  else showSignIn("");
}

async function useToken(event) {
  event.preventDefault();
  const entered = $("admin-token").value.trim();
  if (!entered) return;
  token.set(entered);
  await start(true);
}

/** Who is calling: the session or the admin token; then the programs they may see. */
async function start(explicit) {
  const me = await api("GET", "/v1/me");
  if (me.status === 401) {
    if (!explicit) showSignIn("");
    return;
  }
  if (!me.ok) {
    $("sign-in-error").textContent = me.status === 0 ? "The settings service could not be reached." : `Signing in failed (HTTP ${me.status}).`;
    return;
  }
  state.caller = me.data;
  state.readOnly = me.data.role !== "loyalife.editor";
  const response = await api("GET", "/v1/programs");
  if (!response.ok) {
    $("sign-in-error").textContent = response.status === 0 ? "The settings service could not be reached." : `Signing in failed (HTTP ${response.status}).`;
    return;
  }
  // The server lists only the caller's programs; the page narrows to them too, so a picker never offers what the API would refuse.
  const mine = me.data.programs || [];
  programs = (response.data || []).filter((p) => mine.includes("*") || mine.includes(p.programId));
  document.body.classList.toggle("read-only", state.readOnly);
  $("read-only-notice").hidden = !state.readOnly;
  $("who").textContent = me.data.name;
  $("sign-in").hidden = true;
  $("tools").hidden = false;
  $("workspace").hidden = false;
  $("admin-token").value = "";
  $("program").replaceChildren(...programs.map((p) => new Option(`${p.name} (${p.programId})`, p.programId)));
  const remembered = new URLSearchParams(location.hash.slice(1)).get("program");
  if (programs.some((p) => p.programId === remembered)) $("program").value = remembered;
  if (!programs.length) {
    $("moengage-status").textContent = "You have no loyalty programs to manage yet.";
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
  onSignedOut(showSignIn);
  initConnection();
  initNaming();
  initRuns();
  initReport();
  initMembers();
  initLookup();
  initAlerts();
  $("token-form").addEventListener("submit", useToken);
  $("sign-out").addEventListener("click", signOut);
  $("program").addEventListener("change", loadProgram);
  start(false);
});

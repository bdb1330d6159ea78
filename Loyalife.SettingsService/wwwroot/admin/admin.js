// Admin page for a program's MoEngage integration. Plain script, no build step. The admin token lives in
// sessionStorage (gone when the tab closes) and goes out as a bearer token on every API call.
"use strict";

const tokenKey = "loyalife-admin-token";
const $ = (id) => document.getElementById(id);
const fields = { appId: "app-id", apiKey: "api-key", dashboardUrl: "dashboard-url" };
let current = null; // the program's settings as last read, or null when not configured

async function api(method, path, body) {
  const response = await fetch(path, {
    method,
    headers: {
      "Authorization": "Bearer " + sessionStorage.getItem(tokenKey),
      ...(body ? { "Content-Type": "application/json" } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (response.status === 401) {
    signOut("The admin token was not accepted.");
    throw new Error("unauthorized");
  }
  const text = await response.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch { data = null; }
  return { status: response.status, ok: response.ok, data };
}

function signOut(message) {
  sessionStorage.removeItem(tokenKey);
  $("workspace").hidden = true;
  $("sign-out").hidden = true;
  $("sign-in").hidden = false;
  $("sign-in-error").textContent = message || "";
}

async function signIn(event) {
  event?.preventDefault();
  const token = $("admin-token").value.trim();
  if (token) sessionStorage.setItem(tokenKey, token);
  if (!sessionStorage.getItem(tokenKey)) return;
  try {
    const programs = await api("GET", "/v1/programs");
    $("sign-in").hidden = true;
    $("sign-out").hidden = false;
    $("workspace").hidden = false;
    $("admin-token").value = "";
    const picker = $("program");
    picker.replaceChildren(...(programs.data || []).map((p) => new Option(`${p.name} (${p.programId})`, p.programId)));
    if (!programs.data?.length) $("moengage-status").textContent = "No loyalty programs exist yet.";
    await loadProgram();
  } catch (error) {
    if (error.message !== "unauthorized") $("sign-in-error").textContent = "The settings service could not be reached.";
  }
}

function programPath() {
  return `/v1/programs/${encodeURIComponent($("program").value)}/integrations/moengage`;
}

async function loadProgram() {
  $("result").textContent = "";
  if (!$("program").value) return;
  const response = await api("GET", programPath());
  current = response.ok ? response.data : null;
  render();
  loadSyncRuns();
}

function render() {
  const configured = current !== null;
  $("enabled").checked = configured && current.enabled;
  $("moengage-status").textContent = !configured ? "Not configured."
    : current.enabled ? "Enabled: data is sent to MoEngage every night." : "Disabled: nothing is sent.";
  $("moengage-details").hidden = !configured;
  $("verify").hidden = !configured;
  $("remove").hidden = !configured;
  $("edit").textContent = configured ? "Change credentials" : "Configure credentials";
  if (configured) {
    $("detail-app-id").textContent = current.appId;
    $("detail-api-key").textContent = current.apiKeyMasked;
    $("detail-dashboard-url").textContent = current.dashboardUrl;
    $("detail-data-center").textContent = `${current.dataCenter} (${current.apiBaseUrl})`;
    $("detail-verified-at").textContent = current.verifiedAt ? new Date(current.verifiedAt).toLocaleString() : "never";
    $("detail-updated").textContent = `${new Date(current.updatedAt).toLocaleString()} by ${current.updatedBy}`;
  }
}

function openDialog(enabled) {
  clearErrors();
  $("app-id").value = current?.appId || "";
  $("api-key").value = "";
  $("api-key-hint").textContent = current ? `Leave empty to keep the stored key (${current.apiKeyMasked}).` : "";
  $("dashboard-url").value = current?.dashboardUrl || "";
  $("dialog-enabled").checked = enabled;
  $("credentials-dialog").showModal();
  $("app-id").focus();
}

function clearErrors() {
  for (const id of Object.values(fields)) {
    $(id).removeAttribute("aria-invalid");
    $(`${id}-error`).textContent = "";
  }
  $("dialog-error").textContent = "";
}

function showErrors(problem) {
  let first = null;
  for (const [name, messages] of Object.entries(problem.errors || {})) {
    const id = fields[name];
    if (!id) { $("dialog-error").textContent = messages.join(" "); continue; }
    $(id).setAttribute("aria-invalid", "true");
    $(`${id}-error`).textContent = messages.join(" ");
    first ??= $(id);
  }
  first?.focus();
}

async function save(event) {
  event.preventDefault();
  clearErrors();
  const body = {
    enabled: $("dialog-enabled").checked,
    appId: $("app-id").value,
    dashboardUrl: $("dashboard-url").value,
  };
  if ($("api-key").value !== "" || !current) body.apiKey = $("api-key").value;
  $("save").disabled = true;
  $("dialog-error").textContent = "Checking the credentials with MoEngage…";
  try {
    const response = await api("PUT", programPath(), body);
    $("dialog-error").textContent = "";
    if (response.ok) {
      current = response.data;
      $("credentials-dialog").close();
      render();
      showResult(true, `Saved. MoEngage data centre ${current.dataCenter} accepted the credentials.`);
    } else if (response.status === 400 && response.data?.errors) {
      showErrors(response.data);
    } else {
      $("dialog-error").textContent = describe(response);
      if (response.status === 422) {
        $("api-key").setAttribute("aria-invalid", "true");
        $("api-key").focus();
      }
    }
  } finally {
    $("save").disabled = false;
  }
}

// The toggle saves at once when credentials exist; otherwise it opens the dialog to enter them.
async function toggle() {
  const wanted = $("enabled").checked;
  if (!current) {
    $("enabled").checked = false;
    openDialog(true);
    return;
  }
  const response = await api("PUT", programPath(), { enabled: wanted, appId: current.appId, dashboardUrl: current.dashboardUrl });
  if (response.ok) {
    current = response.data;
    showResult(true, wanted ? "Enabled." : "Disabled.");
  } else {
    showResult(false, describe(response));
  }
  render();
}

async function verify() {
  showResult(true, "Checking the stored credentials with MoEngage…");
  const response = await api("POST", programPath() + "/verify");
  showResult(response.ok, response.ok ? response.data.message : describe(response));
  if (response.ok) await loadProgram();
}

async function remove() {
  if (!confirm("Remove the MoEngage settings and the stored API key of this program?")) return;
  const response = await api("DELETE", programPath());
  if (response.ok) { current = null; render(); showResult(true, "Removed."); }
  else showResult(false, describe(response));
}

async function loadSyncRuns() {
  const target = $("sync-runs");
  target.textContent = "Loading…";
  try {
    const response = await api("GET", programPath() + "/sync-runs");
    const runs = Array.isArray(response.data) ? response.data : response.data?.items || response.data?.runs;
    if (!response.ok || !Array.isArray(runs)) { target.textContent = "Sync runs unavailable."; return; }
    if (runs.length === 0) { target.textContent = "No sync runs yet."; return; }
    const columns = ["runId", "businessDate", "trigger", "status", "startedAt", "finishedAt"];
    const table = document.createElement("table");
    const head = table.createTHead().insertRow();
    for (const column of columns) head.appendChild(Object.assign(document.createElement("th"), { scope: "col", textContent: column }));
    const rows = table.createTBody();
    for (const run of runs.slice(0, 20)) {
      const row = rows.insertRow();
      for (const column of columns) row.insertCell().textContent = run[column] ?? "";
    }
    target.replaceChildren(table);
  } catch {
    target.textContent = "Sync runs unavailable.";
  }
}

function describe(response) {
  return response.data?.detail || response.data?.title || `The request failed (HTTP ${response.status}).`;
}

function showResult(ok, message) {
  $("result").className = ok ? "ok" : "error";
  $("result").textContent = message;
}

document.addEventListener("DOMContentLoaded", () => {
  $("sign-in").addEventListener("submit", signIn);
  $("sign-out").addEventListener("click", () => signOut(""));
  $("program").addEventListener("change", loadProgram);
  $("enabled").addEventListener("change", toggle);
  $("edit").addEventListener("click", () => openDialog(current ? current.enabled : true));
  $("verify").addEventListener("click", verify);
  $("remove").addEventListener("click", remove);
  $("credentials-form").addEventListener("submit", save);
  $("cancel").addEventListener("click", () => $("credentials-dialog").close());
  if (sessionStorage.getItem(tokenKey)) signIn();
});

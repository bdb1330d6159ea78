// The MoEngage connection: the on/off switch, the stored credentials, and the dialog that checks new ones
// with MoEngage before anything is saved.

import { api, describe, integrationPath } from "./api.js";
import { $ } from "./dom.js";
import { dataCentreName, dateTime } from "./format.js";
import { state, setSettings, onSettingsChanged } from "./state.js";

const fields = { appId: "app-id", apiKey: "api-key", dashboardUrl: "dashboard-url" };

export function initConnection() {
  $("enabled").addEventListener("change", toggle);
  $("edit").addEventListener("click", () => openDialog(state.settings ? state.settings.enabled : true));
  $("verify").addEventListener("click", verify);
  $("remove").addEventListener("click", remove);
  $("credentials-form").addEventListener("submit", save);
  $("cancel").addEventListener("click", () => $("credentials-dialog").close());
  onSettingsChanged(render);
}

export async function loadConnection() {
  showResult(true, "");
  const response = await api("GET", integrationPath(state.programId));
  setSettings(response.ok ? response.data : null);
  if (!response.ok && response.status !== 404) showResult(false, describe(response));
}

function render(current) {
  const configured = current !== null;
  $("enabled").checked = configured && current.enabled;
  $("moengage-status").textContent = !configured ? "Not configured."
    : !current.enabled ? "Disabled: nothing is sent to MoEngage."
    : current.intradayMinutes == null ? "Enabled: members and the day's events go to MoEngage every night."
    : `Enabled: members and the day's events go to MoEngage every night, and the day's events also every ${current.intradayMinutes} minutes during the day.`;
  $("moengage-status").className = configured && current.enabled ? "status on" : "status off";
  $("moengage-details").hidden = !configured;
  $("verify").hidden = !configured;
  $("remove").hidden = !configured;
  $("edit").textContent = configured ? "Change" : "Connect MoEngage";
  if (!configured) return;
  $("detail-workspace").textContent = current.workspaceName || "—";
  $("detail-app-id").textContent = current.appId;
  $("detail-api-key").textContent = current.apiKeyMasked;
  $("detail-data-center").textContent = dataCentreName(current.dataCenter);
  $("detail-dashboard-url").textContent = current.dashboardUrl;
  $("detail-get-user").textContent = current.getUserAvailable === true ? "answers: members can be confirmed before their events go"
    : current.getUserAvailable === false ? "does not answer for this workspace" : "not checked yet";
  $("detail-verified-at").textContent = current.verifiedAt ? dateTime(current.verifiedAt) : "never";
  $("detail-updated").textContent = `${dateTime(current.updatedAt)} by ${current.updatedBy}`;
}

function openDialog(enabled) {
  const current = state.settings;
  clearErrors();
  $("dialog-heading").textContent = current ? "Change MoEngage connection" : "Connect MoEngage";
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
  $("dialog-error").className = "error";
}

function showErrors(problem) {
  let first = null;
  for (const [name, messages] of Object.entries(problem.errors || {})) {
    const id = fields[name];
    if (!id) { $("dialog-error").textContent += messages.join(" ") + " "; continue; }
    $(id).setAttribute("aria-invalid", "true");
    $(`${id}-error`).textContent = messages.join(" ");
    first ??= $(id);
  }
  first?.focus();
}

async function save(event) {
  event.preventDefault();
  clearErrors();
  const current = state.settings;
  const body = { enabled: $("dialog-enabled").checked, appId: $("app-id").value.trim(), dashboardUrl: $("dashboard-url").value.trim() };
  if ($("api-key").value !== "" || !current) body.apiKey = $("api-key").value;
  $("save").disabled = true;
  $("dialog-error").className = "pending";
  $("dialog-error").textContent = "Checking the credentials with MoEngage…";
  try {
    const response = await api("PUT", integrationPath(state.programId), { body });
    $("dialog-error").className = "error";
    $("dialog-error").textContent = "";
    if (response.ok) {
      $("credentials-dialog").close();
      setSettings(response.data);
      const who = response.data.workspaceName ? `workspace “${response.data.workspaceName}”` : `app ${response.data.appId}`;
      showResult(true, `Saved. MoEngage ${dataCentreName(response.data.dataCenter)} answered: ${who} accepted the credentials.`);
    } else if (response.status === 400 && response.data?.errors) {
      showErrors(response.data);
    } else {
      const where = response.data?.dataCenter ? `MoEngage ${dataCentreName(response.data.dataCenter)} answered: ` : "";
      $("dialog-error").textContent = where + describe(response);
      if (response.status === 422) {
        $("api-key").setAttribute("aria-invalid", "true");
        $("api-key").focus();
      }
    }
  } finally {
    $("save").disabled = false;
  }
}

// The switch saves at once when credentials exist; otherwise it opens the dialog to enter them.
async function toggle() {
  const wanted = $("enabled").checked;
  const current = state.settings;
  if (!current) {
    $("enabled").checked = false;
    openDialog(true);
    return;
  }
  $("enabled").disabled = true;
  const response = await api("PUT", integrationPath(state.programId), { body: { enabled: wanted, appId: current.appId, dashboardUrl: current.dashboardUrl } });
  $("enabled").disabled = false;
  if (response.ok) {
    setSettings(response.data);
    showResult(true, wanted ? "Enabled. The next night's run sends to MoEngage." : "Disabled. Nothing more is sent to MoEngage.");
  } else {
    setSettings(current);
    showResult(false, describe(response));
  }
}

async function verify() {
  showResult(true, "Checking the stored credentials with MoEngage…");
  const response = await api("POST", integrationPath(state.programId) + "/verify");
  showResult(response.ok, response.ok ? `MoEngage ${dataCentreName(response.data.dataCenter)} answered: ${response.data.message}` : describe(response));
  if (response.ok) await loadConnection().then(() => showResult(true, `MoEngage ${dataCentreName(response.data.dataCenter)} answered: ${response.data.message}`));
}

async function remove() {
  if (!confirm("Disconnect MoEngage? The settings and the stored API key of this program are removed, and nothing more is sent.")) return;
  const response = await api("DELETE", integrationPath(state.programId));
  if (response.ok) { setSettings(null); showResult(true, "Disconnected."); }
  else showResult(false, describe(response));
}

function showResult(ok, message) {
  $("result").className = ok ? "ok" : "error";
  $("result").textContent = message;
}

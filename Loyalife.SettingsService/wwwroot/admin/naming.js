// What MoEngage receives: the unknown-members policy, the intraday lane and each attribute's MoEngage name.

import { api, describe, integrationPath } from "./api.js";
import { $, el, empty, notAvailable } from "./dom.js";
import { state, setSettings, onSettingsChanged } from "./state.js";

// A copy of MoEngage's reserved names (Loyalife.Domain's AttributeNaming), for feedback while typing only.
// settings-service checks every name again on save and its answer is the one that counts: a name this list
// lets through but the server refuses shows the server's reason.
const reserved = new Set([
  "status", "user_id", "source", "id", "_id",
  "user_attribute_unique_id", "user_attribute_user_email", "user_attribute_user_mobile", "user_attribute_user_name",
  "user_attribute_user_gender", "user_attribute_user_first_name", "user_attribute_user_last_name", "user_attribute_user_bday",
  "user_attribute_notification_pref", "user_attribute_old_id", "user_attribute_dnd_start_time", "user_attribute_dnd_end_time",
  "moe_time_format", "moe_time_timezone", "moe_gaid", "install", "update", "moe_islat",
]);
const maxLength = 200;

export function initNaming() {
  $("naming-form").addEventListener("submit", save);
  onSettingsChanged(render);
}

function render(settings) {
  $("naming-result").textContent = "";
  $("naming-error").textContent = "";
  const body = $("naming-body");
  const form = $("naming-form");
  body.querySelector(".naming-note")?.remove();
  if (!settings) {
    form.hidden = true;
    body.prepend(el("div", { class: "naming-note" }, empty("Connect MoEngage first; then choose here what MoEngage receives.")));
    return;
  }
  if (!settings.attributeNames || !settings.unknownMembers) {
    form.hidden = true;
    body.prepend(el("div", { class: "naming-note" }, notAvailable("Attribute names and the unknown-members policy are", "this settings service does not offer them yet")));
    return;
  }
  form.hidden = false;
  $("unknown-verify").disabled = $("unknown-send").disabled = state.readOnly;
  $(settings.unknownMembers === "send" ? "unknown-send" : "unknown-verify").checked = true;
  $("intraday-on").disabled = $("intraday-minutes").disabled = state.readOnly;
  $("intraday-on").checked = settings.intradayMinutes != null;
  $("intraday-minutes").value = settings.intradayMinutes ?? 15;
  setIntradayProblem("");
  $("names-rows").replaceChildren(...Object.entries(settings.attributeNames).map(([loyalife, moengage]) => row(loyalife, moengage)));
  checkAll();
}

function row(loyalife, moengage) {
  const id = `name-${loyalife}`;
  const input = el("input", { id, "data-loyalife": loyalife, value: moengage, readonly: state.readOnly, autocomplete: "off", spellcheck: "false", "aria-describedby": `${id}-problem` });
  input.addEventListener("input", checkAll);
  return el("tr", {},
    el("th", { scope: "row" }, el("label", { for: id }, el("code", {}, loyalife))),
    el("td", {}, input, el("span", { class: "error", id: `${id}-problem` })));
}

function inputs() {
  return [...$("names-rows").querySelectorAll("input")];
}

/** Why MoEngage would not take a name, as the server's check says it (null when fine). */
function problem(name) {
  if (name.trim() === "") return "is empty";
  if (name.length > maxLength) return `is longer than MoEngage's ${maxLength} characters`;
  if (name.trim() !== name) return "starts or ends with white space";
  if (reserved.has(name.toLowerCase())) return "is a name MoEngage reserves for itself";
  if (name.toLowerCase().startsWith("moe_")) return "starts with moe_, MoEngage's system prefix";
  return null;
}

function checkAll() {
  const byName = new Map();
  for (const input of inputs()) {
    const key = input.value.toLowerCase();
    byName.set(key, [...(byName.get(key) || []), input.dataset.loyalife]);
  }
  let ok = true;
  for (const input of inputs()) {
    const others = byName.get(input.value.toLowerCase()).filter((name) => name !== input.dataset.loyalife);
    const why = problem(input.value) ?? (others.length ? `is also the name of ${others.join(", ")}` : null);
    setProblem(input, why && `“${input.value}” ${why}.`);
    ok &&= !why;
  }
  $("naming-save").disabled = !ok;
  return ok;
}

function setIntradayProblem(message) {
  $("intraday-problem").textContent = message;
  if (message) $("intraday-minutes").setAttribute("aria-invalid", "true");
  else $("intraday-minutes").removeAttribute("aria-invalid");
}

function setProblem(input, message) {
  $(`${input.id}-problem`).textContent = message || "";
  if (message) input.setAttribute("aria-invalid", "true");
  else input.removeAttribute("aria-invalid");
}

async function save(event) {
  event.preventDefault();
  $("naming-error").textContent = "";
  $("naming-result").textContent = "";
  setIntradayProblem("");
  if (!checkAll()) return;
  const current = state.settings;
  const body = {
    enabled: current.enabled, appId: current.appId, dashboardUrl: current.dashboardUrl,
    unknownMembers: $("unknown-send").checked ? "send" : "verify",
    // A whole number as the server wants it; anything else goes as typed, and the server's answer says why not.
    intradayMinutes: $("intraday-on").checked ? (Number.isInteger(Number($("intraday-minutes").value)) ? Number($("intraday-minutes").value) : $("intraday-minutes").value) : null,
    attributeNames: Object.fromEntries(inputs().map((input) => [input.dataset.loyalife, input.value])),
  };
  $("naming-save").disabled = true;
  $("naming-result").textContent = "Saving…";
  const response = await api("PUT", integrationPath(state.programId), { body });
  $("naming-save").disabled = false;
  $("naming-result").textContent = "";
  if (response.ok) {
    setSettings(response.data);
    $("naming-result").textContent = "Saved. The next run sends under these names.";
    return;
  }
  // The server's verdict is the authority: show it on the field it names, or above the button.
  const unplaced = [];
  for (const [key, messages] of Object.entries(response.data?.errors || {})) {
    if (key === "intradayMinutes") {
      setIntradayProblem(messages.join(" "));
      continue;
    }
    const name = key.replace(/^attributeNames[.[]?/i, "").replace(/]$/, "");
    const input = inputs().find((candidate) => candidate.dataset.loyalife === name);
    if (input) setProblem(input, messages.join(" "));
    else unplaced.push(messages.join(" "));
  }
  $("naming-error").textContent = unplaced.length || !response.data?.errors ? (unplaced.join(" ") || describe(response)) : "";
  if (inputs().some((input) => input.getAttribute("aria-invalid") === "true")) $("names").open = true;
}

// Alert targets (webhooks), a test alert, and the last deliveries with their state.

import { api, describe, programPath } from "./api.js";
import { $, el, table, badge } from "./dom.js";
import { dateTime } from "./format.js";
import { showList } from "./lists.js";
import { state } from "./state.js";

export function initAlerts() {
  $("alert-form").addEventListener("submit", add);
  $("alert-test").addEventListener("click", sendTest);
}

export async function loadAlerts() {
  await Promise.all([loadTargets(), loadDeliveries()]);
}

function path(rest) {
  return `${programPath(state.programId)}/alerts${rest}`;
}

async function loadTargets() {
  const response = await api("GET", path("/targets"));
  const targets = showList($("alert-targets"), response, {
    what: "Alerts are",
    notOffered: "this settings service does not offer them yet",
    none: "No webhook yet: nobody is told when a run fails or is held.",
  }, (targets) => table("Webhooks", [
    { head: "Webhook", cell: (t) => el("span", { class: "url" }, t.url) },
    { head: "Signed", cell: (t) => (t.hasSigningSecret ? "yes (HMAC-SHA256)" : "no") },
    { head: "Added", cell: (t) => dateTime(t.createdAt) },
    { head: "", cell: (t) => el("button", { type: "button", class: "quiet danger", "data-change": true, "aria-label": `Remove the webhook ${t.url}`, onclick: () => remove(t) }, "Remove") },
  ], targets));
  $("alert-form").hidden = !targets;
  $("alert-test").disabled = !targets || targets.length === 0;
  $("alert-deliveries-part").hidden = !targets;
}

async function loadDeliveries() {
  const response = await api("GET", path("/deliveries?limit=20"));
  showList($("alert-deliveries"), response, {
    what: "Deliveries",
    notOffered: "not offered yet, or moengage-dispatcher is away",
    none: "No alert sent yet.",
  }, (deliveries) => table("Alert deliveries", [
    { head: "Sent", cell: (d) => dateTime(d.createdAt) },
    { head: "What", cell: (d) => d.kind },
    { head: "To", cell: (d) => el("span", { class: "url" }, d.url) },
    { head: "State", cell: (d) => [badge(d.state), d.attempts > 1 ? el("span", { class: "sub" }, `${d.attempts} attempts`) : null] },
    { head: "Answer", cell: (d) => [d.lastStatus ? `HTTP ${d.lastStatus}` : "", d.lastError ? el("span", { class: "sub" }, d.lastError) : null,
      d.nextAttemptAt && d.state !== "delivered" ? el("span", { class: "sub" }, `next try ${dateTime(d.nextAttemptAt)}`) : null] },
  ], deliveries, { stack: true }));
}

async function add(event) {
  event.preventDefault();
  $("alert-url-error").textContent = "";
  $("alert-url").removeAttribute("aria-invalid");
  const body = { url: $("alert-url").value.trim() };
  if ($("alert-secret").value) body.signingSecret = $("alert-secret").value;
  const response = await api("POST", path("/targets"), { body });
  if (response.ok) {
    $("alert-url").value = "";
    $("alert-secret").value = "";
    say(true, "Webhook added.");
    await loadTargets();
    return;
  }
  const messages = Object.values(response.data?.errors || {}).flat();
  $("alert-url").setAttribute("aria-invalid", "true");
  $("alert-url-error").textContent = messages.length ? messages.join(" ") : describe(response);
  $("alert-url").focus();
}

async function remove(target) {
  if (!confirm(`Stop sending alerts to ${target.url}?`)) return;
  const response = await api("DELETE", path(`/targets/${encodeURIComponent(target.targetId)}`));
  say(response.ok, response.ok ? "Webhook removed." : describe(response));
  await loadTargets();
}

async function sendTest() {
  say(true, "Sending a test alert…");
  const response = await api("POST", path("/test"));
  if (!response.ok) { say(false, describe(response)); return; }
  const n = response.data?.deliveryIds?.length ?? 0;
  say(true, `Test alert queued for ${n} webhook${n === 1 ? "" : "s"}; its delivery shows below.`);
  // Deliveries go out in the background: look again while they do.
  for (const wait of [500, 1500, 3000]) {
    await new Promise((resolve) => setTimeout(resolve, wait));
    await loadDeliveries();
  }
}

function say(ok, message) {
  $("alert-result").className = ok ? "ok" : "error";
  $("alert-result").textContent = message;
}

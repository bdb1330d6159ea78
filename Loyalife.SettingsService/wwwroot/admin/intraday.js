// The intraday lane's days: one line a day (not one a pass), under the sync runs; and its held passes, beside the
// held nights, for the admin to release or skip.

import { api, describe, integrationPath } from "./api.js";
import { $, el, table } from "./dom.js";
import { businessDate, count, dateTime, duration, words } from "./format.js";
import { showList } from "./lists.js";
import { state } from "./state.js";
import { showHeldSection } from "./runs.js";

export async function loadIntradayDays() {
  loadHeldPasses();
  const target = $("intraday-days");
  const response = await api("GET", integrationPath(state.programId) + "/intraday-days");
  showList(target, response, {
    what: "The intraday lane's days",
    notOffered: "moengage-dispatcher is unavailable; try again in a moment",
    none: "No events sent during the day yet. Switch it on under What MoEngage receives.",
  }, (days) => table("Events sent during the day", columns, days, { stack: true }));
}

const columns = [
  { head: "Day", class: "nowrap", cell: (day) => el("span", { class: "strong" }, businessDate(day.businessDate)) },
  { head: "Passes", class: "num", cell: (day) => [el("span", {}, count(day.passes)), day.heldPasses ? el("span", { class: "sub warn-text" }, `${count(day.heldPasses)} held`) : null] },
  { head: "Events sent", class: "num", cell: (day) => count(day.eventsSent) },
  { head: "Members refreshed", class: "num", cell: (day) => count(day.membersRefreshed) },
  { head: "Held back", class: "num", cell: (day) => el("span", { class: day.eventsHeldBack ? "warn-text" : "" }, count(day.eventsHeldBack)) },
  { head: "Delay to MoEngage", cell: (day) => day.delayMedianSeconds == null ? el("span", { class: "sub" }, "—")
    : [el("span", {}, `median ${duration(day.delayMedianSeconds)}`),
      el("span", { class: "sub", title: "From the earliest a pass could see a ledger row to MoEngage accepting its event" },
        `95 % within ${duration(day.delayP95Seconds)}, worst ${duration(day.delayWorstSeconds)}`)] },
];

async function loadHeldPasses() {
  const response = await api("GET", integrationPath(state.programId) + "/intraday-passes/held");
  $("held-passes").replaceChildren(...(response.ok && Array.isArray(response.data) ? response.data.map(heldPassCard) : []));
  showHeldSection();
}

function heldPassCard(pass) {
  const hold = pass.held || {};
  const day = businessDate(pass.businessDate);
  const result = el("p", { role: "status", "aria-live": "polite" });
  const decide = async (decision, question) => {
    if (!confirm(question)) return;
    result.textContent = decision === "release" ? "Releasing…" : "Skipping…";
    const response = await api("POST", `${integrationPath(state.programId)}/intraday-passes/${encodeURIComponent(pass.passId)}/${decision}`);
    result.className = response.ok ? "ok" : "error";
    result.textContent = response.ok
      ? (decision === "release" ? "Released: these events are being sent, and sending during the day resumes." : "Skipped: these events will not be sent, not even at night.")
      : describe(response);
    if (response.ok) await loadHeldPasses();
  };
  return el("article", { class: "held-run", "aria-label": `Held send during ${day}` },
    el("h3", {}, `During the day of ${day}`),
    el("p", {}, "Not sent, and sending during the day stopped: ", el("b", {}, hold.rule ? words(hold.rule) : "a rule tripped"),
      ` (events up to ${dateTime(pass.cutOff)}${hold.heldAt ? `, held ${dateTime(hold.heldAt)}` : ""})`),
    hold.summary ? el("p", { class: "held-summary" }, hold.summary) : null,
    el("p", { class: "hint" }, "Unless you decide, the night sends these events after its own check of the whole day."),
    el("p", { class: "actions" },
      el("button", { type: "button", class: "primary", "data-change": true, onclick: () => decide("release", `Send these events of ${day} to MoEngage now, as they are?`) }, "Release and send"),
      el("button", { type: "button", "data-change": true, onclick: () => decide("skip", `Skip these events of ${day}? They will never be sent, not even by the night.`) }, "Skip these events")),
    result);
}

// The intraday lane's days: one line a day (not one a pass), under the sync runs.

import { api, integrationPath } from "./api.js";
import { $, el, table } from "./dom.js";
import { businessDate, count, duration } from "./format.js";
import { showList } from "./lists.js";
import { state } from "./state.js";

export async function loadIntradayDays() {
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

// The program's change history: who changed what, and who released or skipped a held night.

import { api, integrationPath } from "./api.js";
import { $, table } from "./dom.js";
import { dateTime, words } from "./format.js";
import { showList } from "./lists.js";
import { state } from "./state.js";

const actions = { "sync-run-release": "released a held night", "sync-run-skip": "skipped a held night",
  "intraday-pass-release": "released a held send during the day", "intraday-pass-skip": "skipped a held send during the day", "verification-failed": "check failed" };

export async function loadAudit() {
  const response = await api("GET", integrationPath(state.programId) + "/audit?limit=20");
  showList($("audit-entries"), response, { what: "The history", none: "No change yet." }, (entries) => table("Change history", [
    { head: "When", cell: (e) => dateTime(e.occurredAt) },
    { head: "Who", cell: (e) => e.actor },
    { head: "What", cell: (e) => actions[e.action] || words(e.action) },
    { head: "Changed", cell: (e) => changed(e.changes) },
  ], entries));
}

function changed(changes) {
  if (!changes || typeof changes !== "object") return "";
  return Object.keys(changes).map(words).join(", ");
}

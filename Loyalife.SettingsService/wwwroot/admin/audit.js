// The program's change history: who changed what, and who released or skipped a held night.

import { api, integrationPath } from "./api.js";
import { $, el, table, notAvailable, empty } from "./dom.js";
import { dateTime, words } from "./format.js";
import { state } from "./state.js";

const actions = { "sync-run-release": "released a held night", "sync-run-skip": "skipped a held night", "verification-failed": "check failed" };

export async function loadAudit() {
  const target = $("audit-entries");
  const response = await api("GET", integrationPath(state.programId) + "/audit?limit=20");
  if (!response.ok || !Array.isArray(response.data)) { target.replaceChildren(notAvailable("The history")); return; }
  if (response.data.length === 0) { target.replaceChildren(empty("No change yet.")); return; }
  target.replaceChildren(table("Change history", [
    { head: "When", cell: (e) => dateTime(e.occurredAt) },
    { head: "Who", cell: (e) => e.actor },
    { head: "What", cell: (e) => actions[e.action] || words(e.action) },
    { head: "Changed", cell: (e) => changed(e.changes) },
  ], response.data));
}

function changed(changes) {
  if (!changes || typeof changes !== "object") return "";
  return Object.keys(changes).map(words).join(", ");
}

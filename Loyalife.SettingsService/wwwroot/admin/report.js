// One run's full report, in a dialog opened from the run history or a held run.

import { api, describe, integrationPath } from "./api.js";
import { $, el, table, badge, empty } from "./dom.js";
import { businessDate, clockTime, count, dateTime, duration, figure, words } from "./format.js";
import { state } from "./state.js";

export function initReport() {
  $("run-close").addEventListener("click", () => $("run-dialog").close());
}

export async function openReport(runId) {
  const target = $("run-report");
  target.replaceChildren(empty("Loading the report…"));
  $("run-heading").textContent = "Sync run";
  if (!$("run-dialog").open) $("run-dialog").showModal();
  const response = await api("GET", `${integrationPath(state.programId)}/sync-runs/${encodeURIComponent(runId)}`);
  if (!response.ok || !response.data) {
    target.replaceChildren(el("p", { class: "error" }, `The report is not available: ${describe(response)}`));
    return;
  }
  const run = response.data;
  $("run-heading").textContent = `Night of ${run.businessDate ? businessDate(run.businessDate, { year: true }) : `${run.from} – ${run.to}`}`;
  target.replaceChildren(...render(run));
  $("run-close").focus();
}

function facts(pairs) {
  const shown = pairs.filter(([, value]) => value !== null && value !== undefined && value !== "");
  return el("dl", { class: "facts" }, shown.map(([name, value]) => [el("dt", {}, name), el("dd", {}, value)]));
}

function section(title, ...content) {
  return el("section", { class: "report-part" }, el("h3", {}, title), content);
}

function byName(label, map, what) {
  const entries = Object.entries(map || {}).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
  if (!entries.length) return empty(`No ${what}.`);
  return table(label, [{ head: what[0].toUpperCase() + what.slice(1), cell: ([name]) => words(name) }, { head: "Count", class: "num", cell: ([, n]) => count(n) }], entries);
}

// The phases of a run as an admin reads them; confirmations and the quota's waits come back page after page
// inside the member and event pages, so their time is the sum of those stretches.
const phases = {
  summary: "Reading what the night holds",
  hold_check: "Checking the hold rules",
  member_pages: "Member attributes",
  confirmations: "Confirming members with MoEngage (Get User)",
  event_pages: "Events",
  quota_waits: "Waiting for MoEngage's quota",
  absent_count: "Counting members not in MoEngage",
};

/** Where a run's time went: each phase of each night, when it started and ended, and the time spent in it. */
function timeline(entries, run) {
  const nights = new Set(entries.map((e) => e.date)).size;
  const longest = Math.max(...entries.map((e) => e.seconds), 0.001);
  return table("The run's timeline", [
    ...(nights > 1 ? [{ head: "Night", cell: (e) => businessDate(e.date) }] : []),
    { head: "Phase", cell: (e) => phases[e.phase] || words(e.phase) },
    { head: "Started", class: "num", cell: (e) => clockTime(e.startedAt) },
    { head: "Ended", class: "num", cell: (e) => clockTime(e.endedAt) },
    { head: "Time in it", class: "num", cell: (e) => (e.stretches > 1 ? `${duration(e.seconds)} in ${count(e.stretches)} stretches` : duration(e.seconds)) },
    { head: "", cell: (e) => el("meter", { class: "time-bar", min: 0, max: longest, value: e.seconds, "aria-hidden": "true" }) },
  ], entries, { stack: true });
}

function render(run) {
  const r = run.report || {};
  const parts = [
    el("p", { class: "report-status" }, badge(run.status), run.reason ? ` ${run.reason}` : ""),
    facts([
      ["Trigger", run.dryRun ? `${run.trigger} (dry run)` : run.trigger],
      ["Requested", dateTime(run.requestedAt)],
      ["Started", dateTime(run.startedAt)],
      ["Finished", dateTime(run.finishedAt)],
      ["Duration", run.durationSeconds != null ? duration(run.durationSeconds) : null],
      ["Quota floor", r.quotaLowerBoundSeconds != null ? `${duration(r.quotaLowerBoundSeconds)} (the least the workspace's quotas allow)` : null],
      ["Attempts", run.attempts],
      ["Run ID", el("code", {}, run.runId)],
    ]),
  ];
  if (r.held) {
    parts.push(section("Held", facts([["Rule", words(r.held.rule)], ["Held at", dateTime(r.held.heldAt)],
      ...Object.entries(r.held.figures || {}).map(([name, value]) => [words(name), figure(value)])])));
  }
  parts.push(section("Members", facts([
    ["Sent", count(r.membersSent)],
    ...Object.entries(r.membersSkipped || {}).filter(([, n]) => n > 0).map(([why, n]) => [`Skipped: ${words(why)}`, count(n)]),
    ["Not in MoEngage", r.membersNotInMoEngage != null ? count(r.membersNotInMoEngage) : null],
  ])));
  parts.push(section("Events sent", byName("Events sent", r.eventsSent, "events")));
  if (r.eventsHeldBack || r.eventsSentToUnconfirmed) {
    parts.push(section("Events held back", byName("Events held back", r.eventsHeldBack, "reasons"),
      r.eventsSentToUnconfirmed ? el("p", {}, `${count(r.eventsSentToUnconfirmed)} events went to members MoEngage had not confirmed (the program sends to everyone).`) : null));
  }
  if (r.confirmations) {
    const c = r.confirmations;
    parts.push(section("Member look-ups (Get User)", facts([["Asked", count(c.asked)], ["Found", count(c.found)], ["Not found", count(c.notFound)],
      ["Calls", count(c.calls)], ["Waited for quota", duration(c.waitSeconds)]])));
  }
  if (r.verification) {
    const v = r.verification;
    parts.push(section("Verification", facts([["State", v.state], ["Sampled", count(v.sampled)], ["Match what was sent", count(v.matched)],
      ["Missing in MoEngage", count(v.missing)], ["Flagged", v.flagged ? "yes: most of the sample does not match" : "no"]]),
      v.differed?.length ? table("Members that differ", [{ head: "Customer ID", cell: (d) => d.customerId }, { head: "Attributes", cell: (d) => (d.attributes || []).join(", ") }], v.differed) : null));
  }
  if (r.timeline?.length) parts.push(section("Timeline", timeline(r.timeline, run)));
  parts.push(section("Sending", facts([
    ["Requests", count(r.requests)], ["Retries", count(r.retries)],
    ["Rate-limit waits", r.rateLimitWaits ? `${count(r.rateLimitWaits)} (${duration(r.rateLimitWaitSeconds)})` : "0"],
    ["Paced to the quota", duration(r.pacingWaitSeconds)],
    ["Bodies", r.bodies ? `${count(r.bodies)}, ${Math.round(r.averageBodyFillPercent || 0)} % of MoEngage's 100 KB on average` : null],
    ["Data sent", r.bytes ? `${(r.bytes / 1024 / 1024).toFixed(1)} MB` : null],
    ["Possibly sent twice", r.possibleDuplicates?.members || r.possibleDuplicates?.events
      ? `${count(r.possibleDuplicates.members)} members, ${count(r.possibleDuplicates.events)} events (a request was resent after no answer)` : null],
    ["Rejected elements", count(r.rejectedElements)],
  ])));
  if (run.rejected?.length) {
    parts.push(section("Rejected by MoEngage", table("Rejected elements", [
      { head: "Night", cell: (row) => businessDate(row.businessDate) },
      { head: "Kind", cell: (row) => row.kind },
      { head: "HTTP", class: "num", cell: (row) => String(row.status) },
      { head: "MoEngage answered", cell: (row) => row.answer },
    ], run.rejected)));
  }
  if (r.error || r.previousErrors?.length) {
    parts.push(section("Errors", r.error ? el("p", { class: "error" }, r.error) : null,
      r.previousErrors?.length ? el("ul", {}, r.previousErrors.map((text) => el("li", {}, text))) : null));
  }
  return parts;
}

// Sync runs: the history an admin reads, the nights held for a decision, and the 30-night chart.

import { api, describe, integrationPath } from "./api.js";
import { $, el, table, badge, notAvailable, empty } from "./dom.js";
import { businessDate, count, dateTime, duration, figure, shortDateTime, sum, words } from "./format.js";
import { drawChart } from "./chart.js";
import { showList } from "./lists.js";
import { openReport } from "./report.js";
import { state } from "./state.js";
import { loadIntradayDays } from "./intraday.js";

export function initRuns() {
  $("runs-refresh").addEventListener("click", loadRuns);
}

export async function loadRuns() {
  const target = $("sync-runs");
  target.replaceChildren(empty("Loading…"));
  loadIntradayDays();
  const response = await api("GET", integrationPath(state.programId) + "/sync-runs");
  const runs = showList(target, response, {
    what: "Sync runs",
    notOffered: "moengage-dispatcher is unavailable; try again in a moment",
    none: "No sync runs yet. The first runs after the program's business day closes.",
  }, (shown) => table("Sync runs", columns, shown.slice(0, 30), {
    onRowClick: (run) => openReport(run.runId),
    rowLabel: (run) => `Open the report of the run for ${night(run)}, ${run.status}`,
    stack: true,
  }));
  if (!runs) {
    $("chart").replaceChildren(notAvailable("The chart", "it is drawn from the sync runs"));
    renderHeld([]);
    return;
  }
  renderHeld(runs.filter((run) => run.status === "held"));
  drawChart($("chart"), runs);
}

export function night(run) {
  return run.businessDate ? businessDate(run.businessDate) : `${businessDate(run.from)} – ${businessDate(run.to)}`;
}

const columns = [
  { head: "Night", class: "nowrap", cell: (run) => [el("span", { class: "strong" }, night(run)), el("span", { class: "sub" }, run.dryRun ? `${run.trigger} · dry run` : run.trigger)] },
  { head: "Started", class: "nowrap", cell: (run) => shortDateTime(run.startedAt || run.requestedAt) },
  { head: "Status", cell: (run) => [badge(run.status), run.report?.verification?.flagged ? badge("flagged") : null] },
  { head: "Duration", class: "num", cell: (run) => durationCell(run) },
  { head: "Members", class: "num", cell: (run) => [el("span", {}, run.status === "held" ? "not sent" : `${count(run.report?.membersSent)} sent`), skipped(run)] },
  { head: "Events", cell: (run) => [eventsCell(run.report?.eventsSent), laneCell(run.report)] },
  { head: "Held back", class: "num wrap", cell: (run) => heldBackCell(run.report) },
  { head: "Verification", cell: (run) => verificationCell(run.report?.verification) },
];

function durationCell(run) {
  if (run.durationSeconds === null || run.durationSeconds === undefined) return run.status === "running" ? "running…" : "—";
  const floor = run.report?.quotaLowerBoundSeconds;
  return [el("span", {}, duration(run.durationSeconds)),
    floor ? el("span", { class: "sub", title: "The least time the workspace's per-minute quotas allow for this much data" }, `quota floor ${duration(floor)}`) : null];
}

function skipped(run) {
  const n = sum(run.report?.membersSkipped);
  return n ? el("span", { class: "sub" }, `${count(n)} skipped`) : null;
}

function eventsCell(events) {
  const entries = Object.entries(events || {}).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
  if (!entries.length) return el("span", { class: "sub" }, "none");
  return el("ul", { class: "chips" }, entries.map(([name, n]) => el("li", { title: name }, `${words(name).replace(/^loyalty /, "")} `, el("b", {}, count(n)))));
}

function laneCell(report) {
  const sent = report?.eventsSentByIntradayLane;
  const left = report?.membersLeftToIntradayLane;
  const skipped = report?.eventsSkippedByAdmin;
  if (!sent && !left && !skipped) return null;
  return el("span", { class: "sub", title: "Sent during the day by the intraday lane, or held during the day and skipped by an admin: not sent at night" },
    [sent ? `${count(sent)} already sent during the day` : null, left ? `${count(left)} members already newer` : null,
      skipped ? `${count(skipped)} skipped by an admin` : null].filter(Boolean).join(", "));
}

function heldBackCell(report) {
  if (!report?.eventsHeldBack) return el("span", { class: "sub" }, "—");
  const n = sum(report.eventsHeldBack);
  const reasons = Object.entries(report.eventsHeldBack).filter(([, c]) => c > 0).map(([why, c]) => `${words(why)} ${count(c)}`).join(", ");
  return [el("span", { class: n ? "warn-text" : "" }, count(n)), reasons ? el("span", { class: "sub" }, reasons) : null];
}

export function verificationCell(verification) {
  if (!verification) return el("span", { class: "sub" }, "—");
  if (verification.state === "pending") return el("span", { class: "sub" }, "pending");
  if (verification.state === "skipped") return el("span", { class: "sub" }, "skipped");
  const differed = verification.differed?.length ?? 0;
  return [el("span", { class: verification.flagged ? "bad-text" : "" }, `${count(verification.matched)} of ${count(verification.sampled)} match`),
    differed || verification.missing ? el("span", { class: "sub" }, [differed ? `${differed} differ` : null, verification.missing ? `${verification.missing} missing` : null].filter(Boolean).join(", ")) : null];
}

function renderHeld(held) {
  $("held-runs").replaceChildren(...held.map(heldCard));
  showHeldSection();
}

/** The section shows while a night or a pass of the day waits for a decision. */
export function showHeldSection() {
  $("held").hidden = !$("held-runs").children.length && !$("held-passes").children.length;
}

function heldCard(run) {
  const hold = run.report?.held || {};
  const figures = Object.entries(hold.figures || {});
  const result = el("p", { role: "status", "aria-live": "polite" });
  const decide = async (decision, question) => {
    if (!confirm(question)) return;
    result.textContent = decision === "release" ? "Releasing…" : "Skipping…";
    const response = await api("POST", `${integrationPath(state.programId)}/sync-runs/${encodeURIComponent(run.runId)}/${decision}`);
    result.className = response.ok ? "ok" : "error";
    result.textContent = response.ok ? (decision === "release" ? "Released: the night is being sent." : "Skipped: this night will not be sent.") : describe(response);
    if (response.ok) await loadRuns();
  };
  return el("article", { class: "held-run", "aria-label": `Held run for ${night(run)}` },
    el("h3", {}, `Night of ${night(run)}`),
    el("p", {}, "Not sent: ", el("b", {}, hold.rule ? words(hold.rule) : "a rule tripped"), hold.heldAt ? ` (held ${dateTime(hold.heldAt)})` : ""),
    (hold.breaches?.length ? hold.breaches.map((breach) => breach.summary) : [hold.summary]).filter(Boolean).map((text) => el("p", { class: "held-summary" }, text)),
    figures.length ? el("dl", { class: "facts" }, figures.map(([name, value]) => [el("dt", {}, words(name)), el("dd", {}, figure(value))])) : null,
    el("p", { class: "actions" },
      el("button", { type: "button", class: "primary", "data-change": true, onclick: () => decide("release", `Send the night of ${night(run)} to MoEngage as it is?`) }, "Release and send"),
      el("button", { type: "button", "data-change": true, onclick: () => decide("skip", `Skip the night of ${night(run)}? Its events will not be sent.`) }, "Skip this night"),
      el("button", { type: "button", class: "quiet", onclick: () => openReport(run.runId) }, "Full report")),
    result);
}

// The last 30 nights as plain SVG: members and events sent as bars (left scale), the run's duration as a
// line (right scale). Each night has a <title> for pointer users and the figure has a text summary.

import { el, empty } from "./dom.js";
import { businessDate, count, duration, sum } from "./format.js";

const ns = "http://www.w3.org/2000/svg";
const width = 1000, height = 260, left = 56, right = 64, top = 14, bottom = 30;
const nights = 30;

function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(ns, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  for (const child of children.flat(Infinity)) if (child) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return node;
}

/** The night each date stands for: its latest run that sent something (a retry or release replaces an earlier one). */
function byNight(runs) {
  const chosen = new Map();
  for (const run of runs) {
    if (!run.businessDate || run.dryRun || !["succeeded", "failed"].includes(run.status)) continue;
    const previous = chosen.get(run.businessDate);
    if (!previous || (run.startedAt || "") > (previous.startedAt || "")) chosen.set(run.businessDate, run);
  }
  return chosen;
}

function days(last) {
  const [y, m, d] = last.split("-").map(Number);
  return Array.from({ length: nights }, (_, i) => new Date(Date.UTC(y, m - 1, d - (nights - 1 - i))).toISOString().slice(0, 10));
}

function niceMax(value) {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 2.5, 5, 10].map((step) => step * power).find((candidate) => candidate >= value);
}

export function drawChart(target, runs) {
  const chosen = byNight(runs);
  if (chosen.size === 0) {
    target.replaceChildren(empty("Nothing to chart yet: no night has been sent."));
    return;
  }
  const dates = days([...chosen.keys()].sort().at(-1));
  const points = dates.map((date) => {
    const run = chosen.get(date);
    return { date, run, members: run?.report?.membersSent ?? 0, events: sum(run?.report?.eventsSent), seconds: run?.durationSeconds ?? null };
  });
  const countMax = niceMax(Math.max(...points.map((p) => Math.max(p.members, p.events))));
  // At least 20 s, so a short night still gets readable ticks (0, 5, 10 … s).
  const secondsMax = niceMax(Math.max(20, ...points.map((p) => p.seconds ?? 0)));
  const plotW = width - left - right, plotH = height - top - bottom, slot = plotW / nights, bar = Math.max(2, slot * 0.34);
  const y = (n) => top + plotH - (n / countMax) * plotH;
  const yS = (s) => top + plotH - (s / secondsMax) * plotH;

  const grid = [0, 0.25, 0.5, 0.75, 1].map((f) => [
    svg("line", { class: "gridline", x1: left, x2: width - right, y1: y(countMax * f), y2: y(countMax * f) }),
    svg("text", { class: "axis", x: left - 6, y: y(countMax * f) + 4, "text-anchor": "end" }, compact(countMax * f)),
    svg("text", { class: "axis", x: width - right + 6, y: yS(secondsMax * f) + 4 }, duration(secondsMax * f)),
  ]);
  const bars = points.map((p, i) => {
    const x = left + i * slot + slot / 2;
    const label = p.run ? `${businessDate(p.date)}: ${count(p.members)} members, ${count(p.events)} events, ${duration(p.seconds)}` : `${businessDate(p.date)}: not sent`;
    return svg("g", { class: p.run?.status === "failed" ? "night failed" : "night" },
      svg("title", {}, label),
      svg("rect", { class: "hit", x: left + i * slot, y: top, width: slot, height: plotH }),
      svg("rect", { class: "bar members", x: x - bar, y: y(p.members), width: bar, height: Math.max(0, top + plotH - y(p.members)) }),
      svg("rect", { class: "bar events", x, y: y(p.events), width: bar, height: Math.max(0, top + plotH - y(p.events)) }),
      (nights - 1 - i) % 5 === 0 ? svg("text", { class: "axis", x, y: height - 10, "text-anchor": "middle" }, shortDate(p.date)) : null);
  });
  const line = points.map((p, i) => (p.seconds === null ? null : `${left + i * slot + slot / 2},${yS(p.seconds)}`)).filter(Boolean);
  const dots = points.map((p, i) => (p.seconds === null ? null : svg("circle", { class: "dot", cx: left + i * slot + slot / 2, cy: yS(p.seconds), r: 2.5 })));

  const sent = points.filter((p) => p.run);
  const summary = `${sent.length} of the last ${nights} nights sent; latest ${businessDate(dates.at(-1))}: ${count(points.at(-1).members)} members, `
    + `${count(points.at(-1).events)} events in ${duration(points.at(-1).seconds) || "no run"}; longest run ${duration(Math.max(...sent.map((p) => p.seconds ?? 0)))}.`;
  const figure = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-labelledby": "chart-title chart-desc", class: "chart", preserveAspectRatio: "xMidYMid meet" },
    svg("title", { id: "chart-title" }, "Members and events sent, and run duration, for the last 30 nights"),
    svg("desc", { id: "chart-desc" }, summary),
    grid, bars,
    line.length > 1 ? svg("polyline", { class: "duration", points: line.join(" ") }) : null, dots,
    svg("line", { class: "baseline", x1: left, x2: width - right, y1: top + plotH, y2: top + plotH }));
  const scroller = el("div", { class: "chart-scroll" }, figure);
  target.replaceChildren(scroller, el("p", { class: "sub chart-summary" }, summary));
  // Where the chart scrolls (a phone), the newest nights are the ones to see first.
  requestAnimationFrame(() => { scroller.scrollLeft = scroller.scrollWidth; });
}

function compact(n) {
  return n >= 1e6 ? `${+(n / 1e6).toFixed(1)}M` : n >= 1e3 ? `${+(n / 1e3).toFixed(1)}k` : String(Math.round(n));
}

function shortDate(date) {
  const [, m, d] = date.split("-").map(Number);
  return `${d} ${["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][m - 1]}`;
}

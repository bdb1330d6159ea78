// How figures read on the page: times in the program's own zone, durations in words, counts with separators.

const dataCentres = { "01": "US", "02": "EU", "03": "India", "04": "US", "05": "Singapore", "06": "Indonesia", "101": "region unpublished" };

/** "DC 02 · EU" — the data centre as MoEngage's docs name it. */
export function dataCentreName(code) {
  if (!code) return "";
  return dataCentres[code] ? `DC ${code} · ${dataCentres[code]}` : `DC ${code}`;
}

let zone = undefined;

/** The program's IANA zone; every time on the page is shown in it. Undefined = the browser's. */
export function setZone(timeZone) {
  zone = timeZone || undefined;
}

export function zoneLabel() {
  return zone || Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** "1 Dec 2026, 01:04" in the program's zone; empty for none. */
export function dateTime(iso) {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  return new Intl.DateTimeFormat("en-GB", { timeZone: zone, day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" }).format(date);
}

/** "01:04:09" in the program's zone, for a run's timeline, where seconds matter. */
export function clockTime(iso) {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  return new Intl.DateTimeFormat("en-GB", { timeZone: zone, hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" }).format(date);
}

const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** "Mon 30 Nov" (or "Mon 30 Nov 2026") for a business date: a calendar date, no zone arithmetic. */
export function businessDate(text, { year = false } = {}) {
  if (!text) return "";
  const [y, m, d] = text.split("-").map(Number);
  const weekday = weekdays[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
  return `${weekday} ${d} ${months[m - 1]}${year ? ` ${y}` : ""}`;
}

/** "1 Dec, 00:01" in the program's zone, for tables where the year goes without saying. */
export function shortDateTime(iso) {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  return new Intl.DateTimeFormat("en-GB", { timeZone: zone, day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" }).format(date);
}

/**
 * "2 min 05 s", "48 s", "1 h 03 min"; under 10 s to the tenth ("0.4 s", "< 0.1 s"), so a short run and
 * its quota floor never read as "0 s" against "1 s".
 */
export function duration(seconds) {
  if (seconds === null || seconds === undefined || Number.isNaN(seconds)) return "";
  if (seconds > 0 && seconds < 0.05) return "< 0.1 s";
  const tenths = Math.round(seconds * 10) / 10;
  if (tenths < 10) return `${tenths.toFixed(1).replace(/\.0$/, "")} s`;
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, "0")} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, "0")} min`;
}

export function count(n) {
  return (n ?? 0).toLocaleString("en-GB");
}

const labels = {
  not_in_moengage: "not in MoEngage", unconfirmed: "not yet confirmed",
  missing_reference: "no Relation Reference", disallowed_reference: "Relation Reference MoEngage refuses", unknown_entry_type: "unknown ledger entry type",
  events_spike: "events far above the usual night", members_drop: "member count dropped",
  previousMembers: "members the night before", previousDate: "the night before", dropPercent: "drop (%)", maxDropPercent: "allowed drop (%)",
  median: "median of recent nights", nights: "recent nights compared", factor: "allowed factor", minimum: "never held at or below",
};

/** "points_earned" → "points earned"; the reasons and rules the dispatcher reports by their meaning. */
export function words(name) {
  return labels[name] || String(name).replaceAll("_", " ").replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}

/** A figure as it reads: numbers with separators, names as words, anything else as text. */
export function figure(value) {
  if (typeof value === "number") return count(value);
  if (typeof value === "string") return words(value);
  return JSON.stringify(value);
}

export function sum(map) {
  return Object.values(map || {}).reduce((total, n) => total + (Number(n) || 0), 0);
}

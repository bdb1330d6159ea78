// Look up a member: what Loyalife last sent for one member beside what MoEngage holds now, said in a sentence
// first, then attribute by attribute, then the member's events of that night. By member ID, else by customer ID.

import { api, describe, integrationPath, unavailable } from "./api.js";
import { $, el, table, empty, notAvailable } from "./dom.js";
import { businessDate, count, dateTime, words } from "./format.js";
import { state } from "./state.js";

// Identifiers MoEngage answers beside the attributes; not attributes Loyalife sends.
const identifiers = new Set(["uid", "id", "customer_id", "ID"]);

export function initLookup() {
  $("lookup-form").addEventListener("submit", (event) => { event.preventDefault(); lookUp($("lookup-id").value); });
}

export function resetLookup() {
  $("lookup-id").value = "";
  $("lookup-result").replaceChildren();
}

/** Looks up a member ID, or else a customer ID, and shows the answer (also from a row of the not-in-MoEngage list). */
export async function lookUp(text) {
  const id = (text || "").trim();
  const target = $("lookup-result");
  if (!id) return;
  $("lookup-id").value = id;
  target.replaceChildren(empty("Looking up…"));
  const base = `${integrationPath(state.programId)}/members`;
  const byMember = await api("GET", `${base}/${encodeURIComponent(id)}`);
  if (byMember.ok) {
    target.replaceChildren(member(byMember.data));
  } else if (byMember.status === 404 && byMember.data?.title === "Unknown member") {
    const byCustomer = await api("GET", `${base}?customerId=${encodeURIComponent(id)}`);
    target.replaceChildren(...(byCustomer.ok ? customer(id, byCustomer.data) : [failure(byCustomer)]));
  } else {
    target.replaceChildren(failure(byMember));
  }
  $("member-lookup").scrollIntoView({ block: "nearest" });
}

function failure(response) {
  if (unavailable(response)) return notAvailable("The member lookup", "moengage-dispatcher does not offer it yet or is away");
  return el("p", { class: "error", role: "alert" }, describe(response));
}

function customer(id, data) {
  const members = data?.members || [];
  if (!members.length) return [empty(`No member has Member ID or Customer ID “${id}”.`)];
  const shared = data.matches > 1
    ? el("p", { class: "advice" }, `${count(data.matches)} members share Customer ID ${data.customerId}. A Customer ID should belong to one member: `
      + "MoEngage keeps one profile for it, so these members overwrite each other's attributes."
      + (data.matches > members.length ? ` The first ${count(members.length)} are shown.` : ""))
    : null;
  return [shared, ...members.map(member)].filter(Boolean);
}

function member(lookup) {
  const { text, tone } = sentence(lookup);
  return el("article", { class: "lookup", "aria-label": `Member ${lookup.memberId}` },
    el("p", { class: `lookup-sentence ${tone}`, role: "status" }, text),
    facts(lookup),
    attributes(lookup),
    events(lookup));
}

/** The answer in one sentence, the first thing an admin reads. */
export function sentence(l) {
  if (!l.sendable) {
    const why = {
      missing_reference: "Not sent: no Relation Reference. Add the member's Customer ID in MoEngage as its Relation Reference.",
      disallowed_reference: `Not sent: the Relation Reference “${l.customerId}” is a placeholder MoEngage refuses as a Customer ID.`,
      unknown_entry_type: "Not sent: the ledger holds a points entry of a type Loyalife does not know for this member.",
    }[l.skipReason] || `Not sent: ${words(l.skipReason)}.`;
    return { text: why, tone: "bad" };
  }
  const night = l.lastSentNight ? nightName(l.lastSentNight) : null;
  if (l.inMoEngage === false) {
    return { text: `MoEngage has no profile with Customer ID ${l.customerId}: check the Relation Reference.`, tone: "bad" };
  }
  if (!night) return { text: "Not sent yet: no night has been sent since this member joined.", tone: "warn" };
  if (l.inMoEngage === null || l.inMoEngage === undefined) {
    return { text: `Sent ${night}; what MoEngage holds cannot be read: ${l.getUser === "credentials_rejected" ? "MoEngage refused the credentials" : "Get User is not available for this workspace"}.`, tone: "warn" };
  }
  if (l.differences?.length) {
    const name = l.differences[0];
    const more = l.differences.length > 1 ? ` (${l.differences.length - 1} more attribute${l.differences.length > 2 ? "s" : ""} differ)` : "";
    const held = l.moengageAttributes?.[name];
    return {
      text: held === undefined
        ? `MoEngage holds no ${name}; we sent ${value(l.sent.attributes[name])} on ${businessDate(l.lastSentNight).slice(4)}${more}.`
        : `MoEngage's ${name} is ${value(held)}, we sent ${value(l.sent.attributes[name])} on ${businessDate(l.lastSentNight).slice(4)}${more}.`,
      tone: "warn",
    };
  }
  return { text: `Sent ${night}; MoEngage holds it and agrees.`, tone: "good" };
}

// "last night" when the night sent is the program's latest closed day, else "on Sat 5 Dec".
function nightName(date) {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: state.program?.timeZone || "UTC" }).format(new Date());
  const yesterday = new Date(Date.parse(today + "T00:00:00Z") - 86_400_000).toISOString().slice(0, 10);
  return date === yesterday ? "last night" : `on ${businessDate(date)}`;
}

function value(v) {
  if (v === undefined || v === null) return "—";
  if (typeof v === "number") return count(v);
  if (typeof v === "string") return v;
  return JSON.stringify(v);
}

function facts(l) {
  const held = l.inMoEngage === true ? "Yes" : l.inMoEngage === false ? "No" : "Unknown";
  const how = l.inMoEngageFrom === "get_user" ? "asked MoEngage just now" : l.inMoEngageFrom === "existence_gate" ? `confirmed ${dateTime(l.inMoEngageAsOf)}` : null;
  return el("dl", { class: "facts" },
    el("dt", {}, "Member ID"), el("dd", {}, el("code", {}, l.memberId)),
    el("dt", {}, "Customer ID"), el("dd", {}, l.customerId ? el("code", {}, l.customerId) : "none"),
    el("dt", {}, "Last sent"), el("dd", {}, l.lastSentNight ? `night of ${businessDate(l.lastSentNight, { year: true })}, at ${dateTime(l.lastSentAt)}` : "never"),
    el("dt", {}, "In MoEngage"), el("dd", {}, how ? `${held} (${how})` : held));
}

function attributes(l) {
  const sent = l.sent?.attributes || {};
  const held = l.moengageAttributes || {};
  const names = [...Object.keys(sent), ...Object.keys(held).filter((name) => !(name in sent) && !identifiers.has(name))];
  if (!names.length) return null;
  const differs = new Set(l.differences || []);
  const night = l.lastSentNight ? businessDate(l.lastSentNight).slice(4) : null;
  return el("div", { class: "lookup-part" },
    el("h3", {}, "Attributes"),
    table(`Attributes of member ${l.memberId}`, [
      { head: "Name in MoEngage", cell: (name) => el("code", {}, name) },
      { head: night ? `We sent (${night})` : "We sent", class: "num", cell: (name) => value(sent[name]) },
      { head: "MoEngage holds now", class: "num", cell: (name) => (l.moengageAttributes ? value(held[name]) : "—") },
      { head: "", cell: (name) => (!(name in sent) || !l.moengageAttributes ? "" : differs.has(name)
        ? el("span", { class: "badge warn" }, "differs") : el("span", { class: "badge good" }, "same")) },
    ], names, { stack: true }));
}

function events(l) {
  if (!l.sent) return null;
  const night = businessDate(l.lastSentNight);
  return el("div", { class: "lookup-part" },
    el("h3", {}, `Events of ${night}`),
    l.sent.events.length
      ? table(`Events of member ${l.memberId} on ${night}`, [
        { head: "Event", cell: (e) => words(e.name.replace(/^loyalty_/, "")) },
        { head: "When", cell: (e) => dateTime(e.occurredAt) },
        { head: "Points", class: "num", cell: (e) => (typeof e.attributes?.points === "number" ? count(e.attributes.points) : "") },
        { head: "Fate", cell: (e) => (e.fate === "sent" ? el("span", { class: "badge good" }, "sent")
          : el("span", { class: "badge warn" }, `held back: ${words(e.heldBackReason)}`)) },
      ], l.sent.events, { stack: true })
      : empty("No events of this member that night."));
}

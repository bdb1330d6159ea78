// Members MoEngage does not hold: searchable, paged with the dispatcher's cursor, downloadable as CSV.

import { api, describe, integrationPath } from "./api.js";
import { $, el, table, empty } from "./dom.js";
import { count, dateTime } from "./format.js";
import { showList } from "./lists.js";
import { state } from "./state.js";
import { lookUp } from "./lookup.js";

const pageSize = 20;
let cursors = [null]; // the cursor of each page seen so far; the last is the current page's
let next = null;

export function initMembers() {
  $("missing-search-form").addEventListener("submit", (event) => { event.preventDefault(); cursors = [null]; loadMembers(); });
  $("missing-next").addEventListener("click", () => { cursors.push(next); loadPage(); });
  $("missing-prev").addEventListener("click", () => { cursors.pop(); loadPage(); });
  $("missing-download").addEventListener("click", download);
}

export function loadMembers() {
  cursors = [null];
  return loadPage();
}

function query(extra) {
  const params = new URLSearchParams();
  const search = $("missing-search").value.trim();
  if (search) params.set("search", search);
  for (const [key, value] of Object.entries(extra)) if (value !== null && value !== undefined) params.set(key, value);
  const text = params.toString();
  return `${integrationPath(state.programId)}/members-not-in-moengage${text ? "?" + text : ""}`;
}

async function loadPage() {
  const target = $("missing");
  target.replaceChildren(empty("Loading…"));
  const response = await api("GET", query({ limit: pageSize, after: cursors.at(-1) }));
  const items = showList(target, response, {
    what: "The list",
    notOffered: "moengage-dispatcher does not offer it yet or is away",
    none: $("missing-search").value.trim() ? "No member matches the search." : "None: MoEngage holds every member it was asked about.",
    items: (data) => data?.items,
  }, (members, data) => {
    const first = (cursors.length - 1) * pageSize + 1;
    return [
      el("p", { class: "sub" }, `${count(data.total)} member${data.total === 1 ? "" : "s"}; showing ${count(first)}–${count(first + members.length - 1)}`),
      table("Members not in MoEngage", [
        { head: "Member ID", cell: (m) => el("code", {}, m.memberId) },
        { head: "Customer ID (Relation Reference)", cell: (m) => el("code", {}, m.customerId) },
        { head: "Missing since", cell: (m) => dateTime(m.since) },
        { head: "Last asked", cell: (m) => dateTime(m.lastChecked) },
      ], members, { stack: true, onRowClick: (m) => lookUp(m.memberId), rowLabel: (m) => `Look up member ${m.memberId}` }),
    ];
  });
  if (!items) {
    $("missing-next").hidden = $("missing-prev").hidden = true;
    $("missing-download").disabled = true;
    return;
  }
  next = response.data.next;
  $("missing-download").disabled = response.data.total === 0;
  $("missing-next").hidden = !next;
  $("missing-prev").hidden = cursors.length < 2;
}

async function download() {
  const button = $("missing-download");
  button.disabled = true;
  const response = await api("GET", query({}), { accept: "text/csv" });
  button.disabled = false;
  if (!response.ok) {
    $("missing").prepend(el("p", { class: "error", role: "alert" }, `The CSV could not be downloaded: ${describe(response)}`));
    return;
  }
  // The call carries the admin's token, so the file comes through fetch and is handed over as a local blob.
  const url = URL.createObjectURL(await response.response.blob());
  const link = el("a", { href: url, download: `${state.programId}-members-not-in-moengage.csv`, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

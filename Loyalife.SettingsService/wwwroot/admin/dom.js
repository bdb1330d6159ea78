// A few DOM builders, so every section builds its markup with createElement (the CSP allows no inline HTML).

export const $ = (id) => document.getElementById(id);

/** el("td", {class: "num"}, "12") — attributes, then children (strings, nodes, arrays, null). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "class") node.className = value;
    else if (name === "text") node.textContent = value;
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : value);
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
}

/**
 * A table whose columns are {head, cell(row) → node|string, class?}. Wrapped so it scrolls sideways; with
 * stack, a phone shows each row as a card of labelled lines instead (the label comes from data-label).
 */
export function table(label, columns, rows, { onRowClick, rowLabel, stack = false } = {}) {
  const head = el("tr", {}, columns.map((column) => el("th", { scope: "col", class: column.class }, column.head)));
  const body = rows.map((row) => {
    const cells = columns.map((column, index) =>
      el(index === 0 ? "th" : "td", { scope: index === 0 ? "row" : null, class: column.class, "data-label": column.head || null }, column.cell(row)));
    const tr = el("tr", {}, cells);
    if (onRowClick) {
      tr.classList.add("clickable");
      tr.tabIndex = 0;
      tr.setAttribute("aria-label", rowLabel(row));
      tr.addEventListener("click", () => onRowClick(row));
      tr.addEventListener("keydown", (event) => {
        if (event.key === "Enter" || event.key === " ") { event.preventDefault(); onRowClick(row); }
      });
    }
    return tr;
  });
  return el("div", { class: stack ? "scroll stack" : "scroll", role: "region", "aria-label": label, tabindex: "0" },
    el("table", {}, el("thead", {}, head), el("tbody", {}, body)));
}

/** A status badge: the colour is never the only carrier, the word is always there. */
export function badge(status) {
  const tone = { succeeded: "good", running: "busy", pending: "busy", held: "warn", skipped: "muted", failed: "bad", delivered: "good", retrying: "warn" }[status] || "muted";
  return el("span", { class: `badge ${tone}` }, status || "unknown");
}

/** What a section shows when its endpoint is not there or its backend is away. */
export function notAvailable(what, why) {
  return el("p", { class: "empty unavailable" }, `${what} not available`, why ? ` — ${why}` : ".");
}

export function empty(text) {
  return el("p", { class: "empty" }, text);
}

"use strict";
// The table view: the list with estimated counts; a grid paged by key, sorted by a column, filtered by typed filters;
// foreign keys link to the referenced row, json opens pretty-printed, bytes download; export of the view as CSV/JSON.
let current = null;
const OPS = {
  number: ["eq", "ne", "lt", "le", "gt", "ge"], date: ["eq", "ne", "lt", "le", "gt", "ge"], text: ["contains", "eq", "ne", "lt", "gt"],
  enum: ["eq", "ne"], boolean: ["eq"], json: ["contains"], binary: [], other: ["contains", "eq", "ne"],
};
const OP_TEXT = { contains: "contains", eq: "=", ne: "≠", lt: "<", le: "≤", gt: ">", ge: "≥", null: "is NULL", notnull: "is not NULL" };

async function loadTables() {
  const { tables } = await api("/api/tables");
  const filter = $("table-filter").value.toLowerCase();
  $("table-list").replaceChildren(...tables.filter((t) => (t.schema + "." + t.name).toLowerCase().includes(filter)).map((t) => {
    const count = t.rows === undefined || t.rows === null ? "?" : (t.rowsAtLeast ? "≥" : "~") + t.rows.toLocaleString();
    const li = el("li", { title: t.kind }, [el("span", { textContent: (t.schema === "public" || t.schema === "main" ? "" : t.schema + ".") + t.name }), el("span", { className: "count", textContent: count })]);
    li.dataset.table = t.name;
    li.dataset.schema = t.schema;
    li.addEventListener("click", () => openTable(t, li));
    return li;
  }));
}

async function openTable(table, li, filters = []) {
  li = li || document.querySelector(`#table-list li[data-table="${CSS.escape(table.name)}"][data-schema="${CSS.escape(table.schema)}"]`);
  document.querySelectorAll("#table-list li").forEach((n) => n.classList.toggle("active", n === li));
  current = { table, filters, sort: null, desc: false, columns: [] };
  $("table-title").textContent = table.schema + "." + table.name;
  $("value-panel").hidden = true;
  $("table-tools").hidden = false;
  await reload();
}

// Sorting or filtering starts again at page 1.
function reload() { current.pages = [{ after: null, offset: 0 }]; return showPage(); }

function sortBy(column) {
  if (current.sort !== column) { current.sort = column; current.desc = false; }
  else if (!current.desc) current.desc = true;
  else current.sort = null;
  reload();
}

function view() {
  const t = current.table;
  return { schema: t.schema, table: t.name, sort: current.sort, desc: current.desc, filters: current.filters };
}

async function showPage() {
  const page = current.pages[current.pages.length - 1];
  renderFilters();
  try {
    const result = await api("/api/rows", { ...view(), after: page.after, offset: page.offset });
    current.columns = result.columns;
    renderTable(result);
    current.next = result.next ? { after: result.next, offset: 0 } : result.nextOffset !== undefined ? { after: null, offset: result.nextOffset } : null;
    $("next-page").disabled = !current.next;
    $("first-page").disabled = current.pages.length === 1;
    $("page-info").textContent = "page " + current.pages.length + " · " + result.rows.length + " rows · paged by " + result.paging;
    const query = "/api/export?view=" + encodeURIComponent(JSON.stringify(view()));
    $("export-csv").href = query + "&format=csv";
    $("export-json").href = query + "&format=json";
    renderFilterEditor();
  } catch (e) {
    $("table-grid").replaceChildren(el("div", { className: "error", textContent: e.message }));
  }
}

function renderTable(result) {
  const head = el("tr", {}, result.columns.map((c) => {
    const arrow = current.sort === c.name ? [el("span", { className: "sort", textContent: current.desc ? " ↓" : " ↑" })] : [];
    const type = el("span", { className: "type", textContent: c.type + (c.key ? " · key" : "") + (c.references ? " → " + c.references.table : "") });
    const th = el("th", { textContent: c.name }, [...arrow, type]);
    th.dataset.column = c.name;
    if (c.sortable) {
      th.classList.add("sortable");
      th.title = "sort by " + c.name;
      th.addEventListener("click", () => sortBy(c.name));
    }
    return th;
  }));
  const editable = writeMode && result.rowKeys;
  if (editable) head.append(el("th", { textContent: "" }));
  const rows = result.rows.map((r, i) => el("tr", {}, [...r.map((v, j) => tableCell(v, result.columns[j], result.rowKeys?.[i])), ...(editable ? [rowActions(r, result.rowKeys[i])] : [])]));
  $("table-grid").replaceChildren(el("table", {}, [el("thead", {}, [head]), el("tbody", {}, rows)]));
}

// A foreign key links to the referenced row, json opens pretty-printed, bytes download (rows of a keyed table).
function tableCell(value, column, key) {
  const td = cell(value);
  if (value === null) return td;
  const text = typeof value === "string" ? value : value.text;
  if (column.references && text !== undefined) {
    const ref = column.references;
    const link = el("a", { href: "#", className: "fk", textContent: text, title: "open " + ref.table + " where " + ref.column + " = " + text });
    link.addEventListener("click", (e) => { e.preventDefault(); openTable({ schema: ref.schema, name: ref.table }, null, [{ column: ref.column, op: "eq", value: text }]); });
    td.replaceChildren(link);
  } else if (column.class === "json" && key) {
    td.classList.add("json");
    td.title = "show pretty-printed";
    td.addEventListener("click", () => showValue(column, key, value));
  } else if (column.class === "binary" && key && "bytes" in value) {
    td.replaceChildren(el("a", { className: "download", textContent: value.bytes + " bytes ⤓", href: cellUrl(column, key), download: "", title: "download" }));
  }
  return td;
}

function cellUrl(column, key) {
  const t = current.table;
  return "/api/cell?" + new URLSearchParams({ schema: t.schema, table: t.name, column: column.name, key: JSON.stringify(key) });
}

async function showValue(column, key, value) {
  // A value cut at 1,000 characters is fetched whole before it is parsed.
  const text = typeof value === "string" ? value : await (await fetch(cellUrl(column, key))).text();
  let shown;
  try { shown = JSON.stringify(JSON.parse(text), null, 2); } catch { shown = text; }
  $("value-title").textContent = column.name;
  $("value-text").textContent = shown;
  $("value-panel").hidden = false;
}

// Filters: one chip per active filter; the editor offers the operators of the column's class and enum labels as a list.
function renderFilters() {
  $("filters").replaceChildren(...current.filters.map((f, i) => {
    const remove = el("button", { type: "button", textContent: "×", title: "remove this filter", className: "remove" });
    remove.addEventListener("click", () => { current.filters.splice(i, 1); reload(); });
    return el("span", { className: "chip" }, [f.column + " " + OP_TEXT[f.op] + (f.value === undefined || f.value === null ? "" : " " + f.value) + " ", remove]);
  }));
}

function renderFilterEditor() {
  const column = $("filter-column");
  const chosen = column.value;
  column.replaceChildren(...current.columns.map((c) => el("option", { value: c.name, textContent: c.name })));
  if (current.columns.some((c) => c.name === chosen)) column.value = chosen;
  filterOps();
}

function filterOps() {
  const c = current.columns.find((x) => x.name === $("filter-column").value);
  if (!c) return;
  const ops = [...(OPS[c.class] || OPS.other), "null", "notnull"];
  $("filter-op").replaceChildren(...ops.map((op) => el("option", { value: op, textContent: OP_TEXT[op] })));
  filterValue();
}

function filterValue() {
  const c = current.columns.find((x) => x.name === $("filter-column").value);
  const op = $("filter-op").value;
  const choices = c.values || (c.class === "boolean" ? ["true", "false"] : null);
  const input = op === "null" || op === "notnull" ? el("span")
    : choices ? el("select", {}, choices.map((v) => el("option", { value: v, textContent: v })))
    : el("input", { type: "text", placeholder: c.class === "date" ? "2026-01-31" : c.class === "number" ? "42" : "value" });
  input.id = "filter-value";
  $("filter-value").replaceWith(input);
}

function addFilter(e) {
  e.preventDefault();
  const op = $("filter-op").value;
  const value = op === "null" || op === "notnull" ? null : $("filter-value").value;
  current.filters.push({ column: $("filter-column").value, op, value });
  reload();
}

function setUpTables() {
  $("table-filter").addEventListener("input", loadTables);
  $("next-page").addEventListener("click", () => { current.pages.push(current.next); showPage(); });
  $("first-page").addEventListener("click", () => { current.pages = [current.pages[0]]; showPage(); });
  $("filter-column").addEventListener("change", filterOps);
  $("filter-op").addEventListener("change", filterValue);
  $("filter-form").addEventListener("submit", addFilter);
  $("value-close").addEventListener("click", () => { $("value-panel").hidden = true; });
}

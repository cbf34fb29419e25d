"use strict";
// The studio page: plain DOM, no framework, nothing loaded from elsewhere. Values are set with textContent only.
const $ = (id) => document.getElementById(id);
const el = (tag, props = {}, children = []) => {
  const node = Object.assign(document.createElement(tag), props);
  for (const child of children) node.append(child);
  return node;
};

async function api(path, body) {
  const init = body === undefined ? {} : { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) };
  const response = await fetch(path, init);
  const text = await response.text();
  const data = text.startsWith("{") ? JSON.parse(text) : { error: text };
  if (!response.ok) throw new Error((data.code ? data.code + ": " : "") + (data.error || response.statusText));
  return data;
}

function cell(value) {
  const td = el("td");
  if (value === null) { td.textContent = "NULL"; td.className = "null"; }
  else if (typeof value === "string") { td.textContent = value; if (value === "") td.className = "empty"; td.title = value; }
  else if ("bytes" in value) { td.textContent = "<" + value.bytes + " bytes>"; td.className = "bytes"; }
  else { td.textContent = value.text + "…"; td.className = "truncated"; td.title = "cut at 1,000 characters"; }
  return td;
}

function renderGrid(target, result) {
  const head = el("tr", {}, result.columns.map((c) => el("th", { textContent: c.name }, [el("span", { className: "type", textContent: c.type + (c.key ? " · key" : "") })])));
  const rows = result.rows.map((r) => el("tr", {}, r.map(cell)));
  target.replaceChildren(el("table", {}, [el("thead", {}, [head]), el("tbody", {}, rows)]));
}

// Tables: the list with estimated counts, a grid paged by key.
let current = null;
async function loadTables() {
  const { tables } = await api("/api/tables");
  const filter = $("table-filter").value.toLowerCase();
  $("table-list").replaceChildren(...tables.filter((t) => (t.schema + "." + t.name).toLowerCase().includes(filter)).map((t) => {
    const count = t.rows === undefined || t.rows === null ? "?" : (t.rowsAtLeast ? "≥" : "~") + t.rows.toLocaleString();
    const li = el("li", { title: t.kind }, [el("span", { textContent: (t.schema === "public" || t.schema === "main" ? "" : t.schema + ".") + t.name }), el("span", { className: "count", textContent: count })]);
    li.dataset.table = t.name;
    li.addEventListener("click", () => openTable(t, li));
    return li;
  }));
}

async function openTable(table, li) {
  document.querySelectorAll("#table-list li").forEach((n) => n.classList.toggle("active", n === li));
  current = { table, pages: [{ after: null, offset: 0 }] };
  $("table-title").textContent = table.schema + "." + table.name;
  await showPage();
}

async function showPage() {
  const page = current.pages[current.pages.length - 1];
  try {
    const result = await api("/api/rows", { schema: current.table.schema, table: current.table.name, after: page.after, offset: page.offset });
    renderGrid($("table-grid"), result);
    current.next = result.next ? { after: result.next, offset: 0 } : result.nextOffset !== undefined ? { after: null, offset: result.nextOffset } : null;
    $("next-page").disabled = !current.next;
    $("first-page").disabled = current.pages.length === 1;
    $("page-info").textContent = "page " + current.pages.length + " · " + result.rows.length + " rows · paged by " + result.paging;
  } catch (e) {
    $("table-grid").replaceChildren(el("div", { className: "error", textContent: e.message }));
  }
}

// SQL console: one statement; read-only unless the studio was started with --write.
async function runSql() {
  $("sql-error").hidden = true;
  $("sql-info").textContent = "running…";
  try {
    const result = await api("/api/sql", { sql: $("sql-text").value });
    renderGrid($("sql-grid"), result);
    $("sql-info").textContent = result.affected !== undefined ? result.affected + " row(s) affected" : result.rows.length + " row(s)" + (result.more ? " (more not read)" : "");
  } catch (e) {
    $("sql-info").textContent = "";
    $("sql-error").textContent = e.message;
    $("sql-error").hidden = false;
    $("sql-grid").replaceChildren();
  }
}

// Migrations: the engine's status and the lint findings of pending files.
async function loadMigrations() {
  $("migrations-error").hidden = true;
  try {
    const data = await api("/api/migrations");
    $("migrations-info").textContent = (data.environment ? "environment " + data.environment + " · " : "") + data.migrations.length + " migration(s)";
    const rows = data.migrations.map((m) => el("tr", { className: "status-" + m.status }, [m.version ?? "R", m.name, m.status, m.appliedAt ?? "", m.detail ?? ""].map((v) => el("td", { textContent: String(v) }))));
    $("migrations-table").replaceChildren(el("tr", {}, ["version", "name", "status", "applied at", "detail"].map((h) => el("th", { textContent: h }))), ...rows);
    const findings = data.findings.map((f) => el("tr", {}, [f.severity, f.rule, f.location, f.message, f.statement].map((v) => el("td", { textContent: v, title: v }))));
    $("findings-table").replaceChildren(el("tr", {}, ["severity", "rule", "where", "message", "statement"].map((h) => el("th", { textContent: h }))), ...findings);
  } catch (e) {
    $("migrations-error").textContent = e.message;
    $("migrations-error").hidden = false;
  }
}

function show(view) {
  document.querySelectorAll("nav button").forEach((b) => b.classList.toggle("active", b.dataset.view === view));
  document.querySelectorAll(".view").forEach((s) => { s.hidden = s.id !== view; });
  if (view === "migrations") loadMigrations();
}

async function start() {
  const info = await api("/api/info");
  $("database").textContent = info.database;
  $("mode").textContent = info.write ? "write mode" : "read-only";
  $("mode").classList.toggle("write", info.write);
  if (!info.migrations) document.querySelector('nav button[data-view="migrations"]').hidden = true;
  document.querySelectorAll("nav button").forEach((b) => b.addEventListener("click", () => show(b.dataset.view)));
  $("table-filter").addEventListener("input", loadTables);
  $("next-page").addEventListener("click", () => { current.pages.push(current.next); showPage(); });
  $("first-page").addEventListener("click", () => { current.pages = [current.pages[0]]; showPage(); });
  $("run-sql").addEventListener("click", runSql);
  $("sql-text").addEventListener("keydown", (e) => { if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) runSql(); });
  await loadTables();
}

start().catch((e) => document.body.prepend(el("div", { className: "error", textContent: e.message })));

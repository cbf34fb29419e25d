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

// A console result: plain cells (a table page adds links and downloads: table.js).
function renderGrid(target, result) {
  const head = el("tr", {}, result.columns.map((c) => el("th", { textContent: c.name }, [el("span", { className: "type", textContent: c.type })])));
  const rows = result.rows.map((r) => el("tr", {}, r.map(cell)));
  target.replaceChildren(el("table", {}, [el("thead", {}, [head]), el("tbody", {}, rows)]));
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

// Migrations: the engine's status (each file's SQL, drift as two checksums), lint findings of pending files, the lock.
async function loadMigrations() {
  $("migrations-error").hidden = true;
  try {
    const data = await api("/api/migrations");
    $("migrations-info").textContent = (data.environment ? "environment " + data.environment + " · " : "") + data.migrations.length + " migration(s)";
    $("migration-lock").textContent = "Migration lock: " + (data.lock ? data.lock.text : "unknown");
    $("migration-lock").classList.toggle("held", !!data.lock?.held);
    const rows = data.migrations.map((m) => {
      const tr = el("tr", { className: "status-" + m.status }, [m.version ?? "R", m.name, m.status, m.appliedAt ?? "", m.detail ?? ""].map((v) => el("td", { textContent: String(v) })));
      tr.addEventListener("click", () => showMigration(m, tr));
      return tr;
    });
    $("migrations-table").replaceChildren(el("tr", {}, ["version", "name", "status", "applied at", "detail"].map((h) => el("th", { textContent: h }))), ...rows);
    const findings = data.findings.map((f) => el("tr", {}, [f.severity, f.rule, f.location, f.message, f.statement].map((v) => el("td", { textContent: v, title: v }))));
    $("findings-table").replaceChildren(el("tr", {}, ["severity", "rule", "where", "message", "statement"].map((h) => el("th", { textContent: h }))), ...findings);
  } catch (e) {
    $("migrations-error").textContent = e.message;
    $("migrations-error").hidden = false;
  }
}

function showMigration(m, tr) {
  document.querySelectorAll("#migrations-table tr").forEach((n) => n.classList.toggle("active", n === tr));
  const drift = m.checksum && m.appliedChecksum && m.checksum !== m.appliedChecksum
    ? [el("p", { className: "error", textContent: "Drift: the file changed after it was applied. Applied checksum " + m.appliedChecksum + ", file now " + m.checksum + "." })] : [];
  $("migration-detail").replaceChildren(
    el("h2", { textContent: m.name + " (" + m.status + ")" }),
    el("p", { textContent: (m.path ?? "no file") + (m.transactional ? "" : " · runs outside a transaction (-- strata:no-transaction)") }),
    ...drift,
    ...(m.sql !== undefined ? [el("h3", { textContent: "Up" }), el("pre", { className: "sql", textContent: m.sql })] : []),
    ...(m.down !== undefined ? [el("h3", { textContent: "Down" }), el("pre", { className: "sql", textContent: m.down })] : []));
}

function show(view) {
  document.querySelectorAll("nav button").forEach((b) => b.classList.toggle("active", b.dataset.view === view));
  document.querySelectorAll(".view").forEach((s) => { s.hidden = s.id !== view; });
  if (view === "migrations") loadMigrations();
  if (view === "schema" && !schema) loadSchema();
}

async function start() {
  const info = await api("/api/info");
  $("database").textContent = info.database;
  $("mode").textContent = info.write ? "write mode" : "read-only";
  $("mode").classList.toggle("write", info.write);
  if (!info.migrations) document.querySelector('nav button[data-view="migrations"]').hidden = true;
  document.querySelectorAll("nav button").forEach((b) => b.addEventListener("click", () => show(b.dataset.view)));
  setUpTables();
  setUpEditing(info.write);
  setUpSchema();
  $("run-sql").addEventListener("click", runSql);
  $("sql-text").addEventListener("keydown", (e) => { if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) runSql(); });
  await loadTables();
}

start().catch((e) => document.body.prepend(el("div", { className: "error", textContent: e.message })));

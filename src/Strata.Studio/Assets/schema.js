"use strict";
// The schema view: the relationship diagram (SVG drawn by the server, Mermaid text for export) and each table's
// structure: columns, indexes, constraints, foreign keys, triggers, comments. Read from the catalog only.
let schema = null;

async function loadSchema() {
  $("schema-error").hidden = true;
  try {
    schema = await api("/api/schema");
    $("schema-list").replaceChildren(...schema.tables.map((t, i) => {
      const li = el("li", { title: t.kind }, [el("span", { textContent: (t.schema === "public" || t.schema === "main" ? "" : t.schema + ".") + t.name }), el("span", { className: "count", textContent: t.columns.length + " col" })]);
      li.dataset.table = t.name;
      li.addEventListener("click", () => showStructure(i, li));
      return li;
    }));
    $("diagram-image").src = "/api/diagram.svg?t=" + Date.now();
    $("mermaid-text").textContent = schema.mermaid;
    $("schema-info").textContent = schema.tables.length + " table(s) and view(s)";
  } catch (e) {
    $("schema-error").textContent = e.message;
    $("schema-error").hidden = false;
  }
}

function list(title, items, render) {
  if (items.length === 0) return [];
  return [el("h3", { textContent: title }), el("ul", { className: "defs" }, items.map((item) => el("li", {}, render(item))))];
}

function showStructure(index, li) {
  document.querySelectorAll("#schema-list li").forEach((n) => n.classList.toggle("active", n === li));
  const t = schema.tables[index];
  const head = el("tr", {}, ["column", "type", "null", "default", "key", "comment"].map((h) => el("th", { textContent: h })));
  const rows = t.columns.map((c) => el("tr", {}, [c.name, c.type, c.nullable ? "null" : "not null", c.default ?? "", c.key ? "key" : "", c.comment ?? ""].map((v) => el("td", { textContent: v }))));
  const code = (name, definition) => [el("strong", { textContent: name + " " }), el("code", { textContent: definition })];
  $("schema-detail").replaceChildren(
    el("h2", { textContent: t.schema + "." + t.name + " (" + t.kind + ")" }),
    ...(t.comment ? [el("p", { textContent: t.comment })] : []),
    el("table", { id: "structure" }, [el("thead", {}, [head]), el("tbody", {}, rows)]),
    ...list("Indexes", t.indexes, (i) => code(i.name, i.definition)),
    ...list("Constraints", t.constraints, (c) => code(c.name, c.definition)),
    ...list("Foreign keys", t.foreignKeys, (f) => [el("code", { textContent: "(" + f.columns.join(", ") + ") → " + f.refSchema + "." + f.refTable + " (" + f.refColumns.join(", ") + ")" })]),
    ...list("Triggers", t.triggers, (tr) => code(tr.name, tr.definition)),
    ...(t.definition ? [el("h3", { textContent: "Definition" }), el("pre", { textContent: t.definition })] : []));
}

function setUpSchema() {
  $("show-mermaid").addEventListener("click", () => { $("mermaid-text").hidden = !$("mermaid-text").hidden; });
}

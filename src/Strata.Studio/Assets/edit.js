"use strict";
// Write mode (strata studio --write): edit, insert or delete a row. Every change is shown first as the statement and
// parameters the server will run; Run sends it, and the server runs it in a transaction that commits only if exactly
// that row changed. Without --write none of this is shown, and the server refuses it.
let writeMode = false;
let pending = null;

function rowActions(row, key) {
  const edit = el("button", { type: "button", className: "edit", textContent: "Edit" });
  edit.addEventListener("click", () => openEditor("update", row, key));
  const remove = el("button", { type: "button", className: "delete", textContent: "Delete" });
  remove.addEventListener("click", () => openEditor("delete", row, key));
  return el("td", { className: "actions" }, [edit, " ", remove]);
}

function openEditor(action, row, key) {
  const fields = current.columns.map((c, i) => {
    const value = row ? row[i] : null;
    const editable = action !== "delete" && c.class !== "binary" && (value === null || typeof value === "string");
    const text = typeof value === "string" ? value : "";
    const input = c.values
      ? el("select", {}, c.values.map((v) => el("option", { value: v, textContent: v, selected: v === text })))
      : el("input", { type: "text", value: text });
    input.name = c.name;
    input.disabled = !editable;
    const isNull = el("input", { type: "checkbox", checked: row ? value === null : false, disabled: !editable, title: "NULL" });
    input.dataset.original = row ? JSON.stringify(value) : "";
    return el("label", { className: "field" }, [el("span", { textContent: c.name }), input, el("span", { className: "null-box" }, [isNull, " NULL"])]);
  });
  pending = { action, key };
  $("edit-title").textContent = action === "insert" ? "Insert a row" : action === "delete" ? "Delete this row" : "Edit this row";
  $("edit-fields").replaceChildren(...fields);
  $("edit-sql").textContent = "";
  $("edit-error").hidden = true;
  $("edit-run").disabled = true;
  $("edit-panel").hidden = false;
}

// The values the change sets: for an edit only those that differ from the row as read; for an insert those filled in.
function changedValues() {
  const values = {};
  for (const label of $("edit-fields").children) {
    const input = label.querySelector("[name]");
    const isNull = label.querySelector("input[type=checkbox]").checked;
    if (input.disabled) continue;
    const value = isNull ? null : input.value;
    if (pending.action === "insert" ? (isNull || value !== "") : JSON.stringify(value) !== input.dataset.original) values[input.name] = value;
  }
  return values;
}

async function sendEdit(apply) {
  $("edit-error").hidden = true;
  const body = { schema: current.table.schema, table: current.table.name, action: pending.action, key: pending.key, values: pending.action === "delete" ? null : changedValues(), apply };
  try {
    const result = await api("/api/edit", body);
    const params = result.parameters.map((p, i) => "$" + (i + 1) + " = " + (p === null ? "NULL" : "'" + p + "'")).join("\n");
    $("edit-sql").textContent = result.sql + (params ? "\n-- " + params.replaceAll("\n", "\n-- ") : "");
    $("edit-run").disabled = apply;
    if (apply) {
      $("edit-panel").hidden = true;
      $("page-info").textContent = result.affected + " row(s) changed";
      await showPage();
    }
  } catch (e) {
    $("edit-error").textContent = e.message;
    $("edit-error").hidden = false;
  }
}

function setUpEditing(write) {
  writeMode = write;
  $("insert-row").hidden = !write;
  $("insert-row").addEventListener("click", () => openEditor("insert", null, null));
  $("edit-preview").addEventListener("click", () => sendEdit(false));
  $("edit-run").addEventListener("click", () => sendEdit(true));
  $("edit-cancel").addEventListener("click", () => { $("edit-panel").hidden = true; });
  $("edit-fields").addEventListener("input", () => { $("edit-run").disabled = true; });
}

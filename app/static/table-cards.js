// On a phone a table becomes a stack of cards (app.css), which hides its header row: each cell is
// given its column's heading as data-label, which the stylesheet shows before the cell's content.
// Every table on every page, and those htmx swaps in later. A cell that already has a label (or a
// table marked .keep-table, which stays a table) is left alone; so is an empty heading.
(function () {
  "use strict";

  function headings(table) {
    const row = table.tHead && table.tHead.rows[table.tHead.rows.length - 1];
    if (!row) { return null; }
    const labels = [];
    Array.from(row.cells).forEach(function (cell) {
      const text = cell.textContent.replace(/\s+/g, " ").trim();
      for (let i = 0; i < (cell.colSpan || 1); i += 1) { labels.push(text); }
    });
    return labels;
  }

  function label(root) {
    root.querySelectorAll("table:not(.keep-table)").forEach(function (table) {
      const labels = headings(table);
      if (!labels) { return; }
      Array.from(table.tBodies).forEach(function (body) {
        Array.from(body.rows).forEach(function (row) {
          let column = 0;
          Array.from(row.cells).forEach(function (cell) {
            const text = labels[column];
            // A cell across several columns is a message ("nothing yet"), not a value of one.
            if (text && cell.tagName === "TD" && (cell.colSpan || 1) === 1 && !cell.hasAttribute("data-label")) {
              cell.setAttribute("data-label", text);
            }
            column += cell.colSpan || 1;
          });
        });
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () { label(document); });
  document.addEventListener("htmx:afterSettle", function (event) { label(event.target || document); });
})();

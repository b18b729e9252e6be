import { createHash } from 'node:crypto';

/**
 * The report's one script: the filters and the search, run in the reader's browser with no server.
 * It only reads the page and toggles `hidden`; it never builds markup from report text. The page's
 * CSP allows exactly this script by its hash, so inline event handlers and any other script stay
 * blocked. Without JavaScript the filter bar stays hidden and the full report shows.
 */
export const REPORT_SCRIPT = `(() => {
  "use strict";
  const form = document.getElementById("filters");
  if (!form) return;
  const items = Array.from(document.querySelectorAll("[data-filter-item]"));
  const count = document.getElementById("filter-count");
  const tables = Array.from(document.querySelectorAll("table")).filter((t) => t.querySelector("[data-filter-item]"));
  const value = (name) => form.elements.namedItem(name).value;
  const has = (list, wanted) => (list || "").split(" ").indexOf(wanted) >= 0;
  function apply() {
    const speaker = value("speaker");
    const source = value("source");
    const type = value("type");
    const query = value("q").trim().toLocaleLowerCase();
    let shown = 0;
    let total = 0;
    for (const item of items) {
      const visible =
        (speaker === "" || item.dataset.speaker === speaker) &&
        (source === "" || has(item.dataset.sources, source)) &&
        (type === "" || has(item.dataset.types, type)) &&
        (query === "" || item.textContent.toLocaleLowerCase().indexOf(query) >= 0);
      item.hidden = !visible;
      if (item.dataset.filterItem === "statement") {
        total += 1;
        if (visible) shown += 1;
      }
    }
    // A table whose every row is filtered out goes too, rather than leaving a bare header.
    for (const table of tables) {
      const rows = table.querySelectorAll("[data-filter-item]");
      table.hidden = rows.length > 0 && Array.from(rows).every((row) => row.hidden);
    }
    document.body.classList.toggle("filtered", speaker !== "" || source !== "" || type !== "" || query !== "");
    if (count) count.textContent = shown + " of " + total + " statements shown";
  }
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("reset", () => setTimeout(apply, 0));
  form.hidden = false;
  apply();
})();`;

/** The CSP source expression that allows REPORT_SCRIPT and nothing else. */
export const REPORT_SCRIPT_HASH = `'sha256-${createHash('sha256').update(REPORT_SCRIPT, 'utf8').digest('base64')}'`;

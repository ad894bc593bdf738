// The scorecard page's rescoring runs: while one waits or runs, poll its progress and move its bar;
// once none is left running, reload to show what they changed.
(function () {
  "use strict";
  const list = document.querySelector("[data-testid=rescorings][data-poll]");
  if (!list) return;
  const every = 1500;

  function show(run) {
    const item = list.querySelector("[data-run='" + run.id + "']");
    if (!item) return;
    const bar = item.querySelector("progress");
    const count = item.querySelector("[data-testid=rescoring-count]");
    const total = run.progress.total || 0;
    if (bar && total > 0) {
      bar.max = total;
      bar.value = Math.min(run.progress.done || 0, total);
    }
    if (count && total > 0 && list.dataset.template) {
      count.textContent = list.dataset.template.replace("{done}", String(Math.min(run.progress.done || 0, total)))
        .replace("{total}", String(total));
    }
  }

  async function poll() {
    try {
      const response = await fetch(list.dataset.poll, { headers: { Accept: "application/json" },
                                                        credentials: "same-origin" });
      if (!response.ok) throw new Error(String(response.status));
      const body = await response.json();
      body.items.forEach(show);
      const changed = body.items.some(function (run) {
        const item = list.querySelector("[data-run='" + run.id + "']");
        return !item || item.dataset.state !== run.state;
      });
      if (changed) {  // started, finished or failed: the page says what happened
        window.location.reload();
        return;
      }
    } catch (error) {
      // a dropped request is retried on the next tick; the page stays usable
    }
    window.setTimeout(poll, every);
  }

  window.setTimeout(poll, every);
})();

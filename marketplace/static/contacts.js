// Contact imports: poll the import's progress while it runs, then reload to show the report.
(function () {
  "use strict";
  const box = document.getElementById("import-progress");
  if (!box) return;
  const bar = box.querySelector("progress");
  const label = box.querySelector("[data-progress-label]");
  const url = box.dataset.url;
  const every = 1500;
  const template = label ? label.dataset.template : "";

  function show(progress) {
    const total = progress.total || 0;
    const done = Math.min(progress.done || 0, total || progress.done || 0);
    if (total > 0) {
      bar.max = total;
      bar.value = done;
    } else {
      bar.removeAttribute("value");
    }
    if (label && template) {
      const percent = total > 0 ? Math.floor((done * 100) / total) : 0;
      label.textContent = template.replace("{done}", done.toLocaleString())
        .replace("{total}", total ? total.toLocaleString() : "?").replace("{percent}", String(percent));
    }
  }

  async function poll() {
    try {
      const response = await fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" });
      if (!response.ok) throw new Error(String(response.status));
      const body = await response.json();
      show(body.progress || {});
      if (body.state === "done" || body.state === "failed") {
        window.location.reload();
        return;
      }
    } catch (error) {
      // A dropped request is retried on the next tick; the page stays usable.
    }
    window.setTimeout(poll, every);
  }

  window.setTimeout(poll, every);
})();

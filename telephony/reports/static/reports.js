// Report downloads with progress: a download link marked data-progress is fetched here, its
// bytes counted as they arrive (a long range streams row by row), then saved under the name the
// server gave. Without JavaScript the link downloads as usual.
(function () {
  "use strict";

  function filenameOf(response, fallback) {
    var header = response.headers.get("Content-Disposition") || "";
    var match = /filename="([^"]+)"/.exec(header);
    return match ? match[1] : fallback;
  }

  function save(blob, name) {
    var url = URL.createObjectURL(blob);
    var link = document.createElement("a");
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  async function download(link, status) {
    var template = status.dataset;
    status.hidden = false;
    status.textContent = template.started;
    link.setAttribute("aria-busy", "true");
    try {
      var response = await fetch(link.href, { credentials: "same-origin" });
      if (!response.ok || !response.body) {
        throw new Error(String(response.status));
      }
      var reader = response.body.getReader();
      var chunks = [];
      var received = 0;
      for (;;) {
        var part = await reader.read();
        if (part.done) { break; }
        chunks.push(part.value);
        received += part.value.length;
        status.textContent = template.progress.replace("%(kb)s", Math.round(received / 1024));
      }
      save(new Blob(chunks, { type: response.headers.get("Content-Type") || "" }), filenameOf(response, "report"));
      status.textContent = template.done;
    } catch (error) {
      status.textContent = template.failed;
    } finally {
      link.removeAttribute("aria-busy");
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    var status = document.querySelector("[data-download-status]");
    if (!status || !window.fetch || !window.ReadableStream) { return; }
    document.querySelectorAll("a[data-progress]").forEach(function (link) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        download(link, status);
      });
    });
  });
})();

// Quiz countdown: shows the time left until the server's deadline and submits the answers when it
// runs out. The server enforces the limit itself; this only keeps the member informed.
(function () {
  "use strict";
  var el = document.getElementById("countdown");
  var form = document.getElementById("quiz-form");
  if (!el || !form) { return; }
  var deadline = Date.parse(el.getAttribute("data-deadline"));
  var sent = false;
  function tick() {
    var left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
    var m = Math.floor(left / 60), s = left % 60;
    el.textContent = m + ":" + (s < 10 ? "0" : "") + s;
    if (left <= 30) { el.classList.add("urgent"); }
    if (left === 0 && !sent) { sent = true; form.submit(); return; }
    window.setTimeout(tick, 1000);
  }
  form.addEventListener("submit", function () { sent = true; });
  tick();
})();

// The live wallboard: server-sent events from data-stream (the server closes each stream after a
// while and the browser reconnects), polling data-poll every 2 s when the stream cannot be opened.
(function () {
  "use strict";
  var root = document.getElementById("wallboard");
  if (!root) { return; }
  var states = JSON.parse(root.getAttribute("data-states") || "{}");
  var conn = document.querySelector("[data-conn]");
  var SVG = "http://www.w3.org/2000/svg";

  function text(value, unit) {
    if (value === null || value === undefined) { return "–"; }
    if (unit === "%") { return Math.round(value * 100) + "%"; }
    if (unit === "s") { return (Math.round(value * 10) / 10) + " s"; }
    return String(value);
  }

  function el(tag, content, cls) {
    var node = document.createElement(tag);
    if (content !== undefined) { node.textContent = content; }
    if (cls) { node.className = cls; }
    return node;
  }

  function svg(tag, attrs) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }

  function drawChart(rows) {
    var box = root.querySelector("[data-chart]");
    while (box.firstChild) { box.removeChild(box.firstChild); }
    if (!rows || !rows.length) { return; }
    var W = 600, H = 148, top = 1;
    rows.forEach(function (r) {
      top = Math.max(top, r.offered || 0, r.forecast_calls || 0, r.agents || 0, r.rostered || 0);
    });
    var w = W / rows.length;
    function y(v) { return H - (v / top) * (H - 10); }
    function line(key, colour) {
      var pts = [];
      rows.forEach(function (r, i) { if (r[key] !== null && r[key] !== undefined) { pts.push((i * w + w / 2) + "," + y(r[key])); } });
      if (pts.length) { box.appendChild(svg("polyline", {points: pts.join(" "), fill: "none", stroke: colour, "stroke-width": 2})); }
    }
    rows.forEach(function (r, i) {
      if (r.label && (rows.length <= 8 || i % 2 === 0)) {
        var label = svg("text", {x: i * w + w / 2, y: H + 9, "text-anchor": "middle", "font-size": 9, fill: "#666"});
        label.textContent = r.label;
        box.appendChild(label);
      }
      box.appendChild(svg("rect", {x: i * w + w * 0.15, y: y(r.offered), width: w * 0.35, height: H - y(r.offered), fill: "#1095c1"}));
      box.appendChild(svg("rect", {x: i * w + w * 0.5, y: y(r.agents), width: w * 0.35, height: H - y(r.agents), fill: "#2e7d32"}));
    });
    line("forecast_calls", "#d9822b");
    line("rostered", "#7b1fa2");
  }

  function render(data) {
    root.querySelectorAll("[data-k]").forEach(function (node) {
      node.textContent = text(data[node.getAttribute("data-k")], node.getAttribute("data-unit"));
    });
    root.querySelectorAll("[data-agents]").forEach(function (node) {
      node.textContent = String((data.agents || {})[node.getAttribute("data-agents")] || 0);
    });
    var updated = document.querySelector("[data-live-at]");
    if (updated && data.at_text) { updated.textContent = data.at_text; }
    var body = root.querySelector("[data-agents-list]");
    body.textContent = "";
    (data.agents_list || []).forEach(function (a) {
      var tr = el("tr");
      tr.appendChild(el("td", a.name || ("#" + a.member_id)));
      tr.appendChild(el("td", states[a.state] || a.state));
      tr.appendChild(el("td", a.seconds_in_state === null ? "–" : text(a.seconds_in_state, "s")));
      body.appendChild(tr);
    });
    var list = root.querySelector("[data-interactions]");
    list.textContent = "";
    (data.interactions || []).forEach(function (item) {
      var li = el("li");
      var link = el("a", "#" + item.id + " · " + item.state_text + " · " + item.queued_text);
      link.href = "/telephony/interactions/" + item.id;
      li.appendChild(link);
      li.appendChild(el("div", (item.timeline || []).map(function (e) { return e.text; }).join(" → "), "muted small"));
      list.appendChild(li);
    });
    drawChart(data.chart);
  }

  var polling = null;
  function poll() {
    fetch(root.getAttribute("data-poll"), {credentials: "same-origin", headers: {Accept: "application/json"}})
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) { if (data) { render(data); } })
      .catch(function () {});
  }
  function startPolling() {
    if (polling) { return; }
    if (conn) { conn.textContent = conn.getAttribute("data-label-poll"); }
    poll();
    polling = window.setInterval(poll, 2000);
  }

  if (window.EventSource) {
    var source = new EventSource(root.getAttribute("data-stream"));
    var failures = 0;
    source.addEventListener("live", function (event) {
      failures = 0;
      if (polling) { window.clearInterval(polling); polling = null; }
      if (conn) { conn.textContent = conn.getAttribute("data-label-live"); }
      render(JSON.parse(event.data));
    });
    source.onerror = function () {
      failures += 1;  // a closed stream reconnects by itself; fall back to polling if that keeps failing
      if (failures > 2) { startPolling(); }
    };
  } else {
    startPolling();
  }
  poll();
})();

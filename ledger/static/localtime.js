// The auditor console: times the server wrote in UTC (<time data-local>) are shown in this browser's
// time zone, in the page's language, the zone named; and the search form says which zone it reads.
(function () {
  var lang = document.documentElement.lang || undefined;
  var browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  var format = new Intl.DateTimeFormat(lang, {dateStyle: "medium", timeStyle: "medium"});
  document.querySelectorAll("time[data-local]").forEach(function (node) {
    var moment = new Date(node.getAttribute("datetime"));
    if (!isNaN(moment)) { node.textContent = format.format(moment) + " (" + browserZone + ")"; }
  });
  document.querySelectorAll("input[data-browser-zone]").forEach(function (input) {
    if (!input.value) { input.value = browserZone; }
  });
  document.querySelectorAll("[data-zone-name]").forEach(function (node) {
    if (!node.textContent.trim()) { node.textContent = browserZone; }
  });
})();

// Material downloads its search index (150 KB for a small group, more as records grow) as
// every page loads, a cost on a phone's data even for a reader who never searches. Its script
// asks for the index through XMLHttpRequest, at search/search_index.json: that one request
// waits until the reader goes to search (opens it, or focuses or touches it). Loaded before
// Material's script (overrides/main.html). Should a later Material fetch the index another
// way, nothing waits and search works as before (tests/test_page_weight.py would say so).
(function () {
  var open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send;
  var waiting = [], wanted = false;
  var index = /\/search\/search_index\.json$/;
  function want() {
    if (wanted) return;
    wanted = true;
    waiting.splice(0).forEach(function (go) { go(); });
  }
  XMLHttpRequest.prototype.open = function (method, url) {
    this.coprodSearchIndex = index.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this, args = arguments;
    if (wanted || !request.coprodSearchIndex) return send.apply(request, args);
    waiting.push(function () { send.apply(request, args); });
  };
  var inSearch = function (event) {
    return event.target instanceof Element && event.target.closest('.md-search, label[for="__search"]');
  };
  document.addEventListener("focusin", function (event) { if (inSearch(event)) want(); });
  document.addEventListener("pointerdown", function (event) { if (inSearch(event)) want(); });
  document.addEventListener("change", function (event) {
    if (event.target.id === "__search" && event.target.checked) want();
  });
})();

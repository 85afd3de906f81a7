// Material downloads its search index (150 KB for a small group, more as records grow) and its
// search worker (a 40 KB script) as every page loads, a cost on a phone's data even for a reader
// who never searches. Its script asks for the index through XMLHttpRequest, at
// search/search_index.json, and starts the worker with `new Worker(...)`, from
// assets/javascripts/workers/search.*.js: both wait until the reader goes to search (opens it, or
// focuses or touches it). Loaded before Material's script (overrides/main.html). Should a later
// Material fetch the index or start the worker another way, nothing waits and search works as
// before (tests/test_page_weight.py would say so).
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
  // Material's script only ever talks to its worker once the index has come: until then the
  // worker is a stand-in, which starts the real one when the reader goes to search, or when a
  // message is sent to it (whichever is first), and passes on what the real one says.
  var Worker = window.Worker, searchWorker = /\/workers\/search\.[\w.]*\.js$/;
  function standIn(url, options) {
    var real = null, shown = new EventTarget();
    function start() {
      if (real) return;
      real = new Worker(url, options);
      ["message", "messageerror", "error"].forEach(function (type) {
        real.addEventListener(type, function (event) {
          var copy = type === "error" ? new Event(type) : new MessageEvent(type, {data: event.data});
          shown.dispatchEvent(copy);
          if (typeof shown["on" + type] === "function") shown["on" + type](copy);
        });
      });
    }
    shown.postMessage = function () { start(); return real.postMessage.apply(real, arguments); };
    shown.terminate = function () { if (real) real.terminate(); };
    waiting.push(start);
    return shown;
  }
  if (typeof Worker === "function" && typeof EventTarget === "function") {
    window.Worker = function (url, options) {
      if (wanted || !searchWorker.test(String(url))) return new Worker(url, options);
      try { return standIn(url, options); } catch (notHere) { return new Worker(url, options); }
    };
    window.Worker.prototype = Worker.prototype;
  }
  var inSearch = function (event) {
    return event.target instanceof Element && event.target.closest('.md-search, label[for="__search"]');
  };
  document.addEventListener("focusin", function (event) { if (inSearch(event)) want(); });
  document.addEventListener("pointerdown", function (event) { if (inSearch(event)) want(); });
  document.addEventListener("change", function (event) {
    if (event.target.id === "__search" && event.target.checked) want();
  });
})();

/* coprod_site: "Copy link" buttons and "Print this poster" buttons.
   The link is always shown in a text field that works without this script;
   the script only reveals the buttons. Nothing is loaded from other websites.
   And links that last: /actions/#ACT-021 is every action's address, also once
   done actions are listed by year; the actions page then finds the year's page. */
(function () {
  "use strict";

  function findAction() {
    var index = document.querySelector("[data-coprod-action-index]");
    var id = decodeURIComponent(location.hash.slice(1));
    if (!index || !/^[A-Za-z0-9_-]+$/.test(id) || document.getElementById(id)) {
      return;
    }
    fetch(index.getAttribute("data-coprod-action-index")).then(function (response) {
      return response.ok ? response.json() : {};
    }).then(function (where) {
      if (Object.prototype.hasOwnProperty.call(where, id)) {
        location.replace(where[id] + "#" + encodeURIComponent(id));
      } else {
        index.scrollIntoView();
      }
    }).catch(function () { index.scrollIntoView(); });
  }

  function copyField(field) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(field.value);
    }
    field.select();
    return document.execCommand("copy") ? Promise.resolve() : Promise.reject(new Error("not copied"));
  }

  // A screen reader reads a live region out when its words change: a second press set the
  // same words again, and was not heard. The words are cleared first and set a moment later,
  // so every press is heard.
  function announce(status, words) {
    status.textContent = "";
    setTimeout(function () { status.textContent = words; }, 100);
  }

  function setUpCopy(button) {
    var field = document.getElementById(button.getAttribute("data-coprod-copy"));
    var box = button.closest(".coprod-share");
    var status = box ? box.querySelector(".coprod-share__status") : null;
    if (!field || !status) {
      return;
    }
    field.addEventListener("focus", function () { field.select(); });
    button.hidden = false;
    button.addEventListener("click", function () {
      copyField(field).then(function () {
        announce(status, "Link copied. You can paste it into a message.");
      }, function () {
        field.focus();
        announce(status, "The link is selected. Copy it, then paste it where you want to share it.");
      });
    });
  }

  function setUpPrint(button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  }

  function setUp() {
    document.querySelectorAll("[data-coprod-copy]").forEach(setUpCopy);
    document.querySelectorAll("[data-coprod-print]").forEach(setUpPrint);
    findAction();
    window.addEventListener("hashchange", findAction);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
}());

/* coprod_site: "Copy link" buttons and "Print this poster" buttons.
   The link is always shown in a text field that works without this script;
   the script only reveals the buttons. Nothing is loaded from other websites. */
(function () {
  "use strict";

  function copyField(field) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(field.value);
    }
    field.select();
    return document.execCommand("copy") ? Promise.resolve() : Promise.reject(new Error("not copied"));
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
        status.textContent = "Link copied. You can paste it into a message.";
      }, function () {
        field.focus();
        status.textContent = "The link is selected. Copy it, then paste it where you want to share it.";
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
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
}());

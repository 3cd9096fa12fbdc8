/* Hữu Nghị Press: small enhancements. Everything reads without this file. */
(function () {
  "use strict";
  var root = document.documentElement;
  var KEY = "hnp-font-size";
  var MIN = -1, MAX = 3;

  function storedSize() {
    try { var n = parseInt(localStorage.getItem(KEY), 10); return isNaN(n) ? 0 : n; } catch (e) { return 0; }
  }
  function applySize(n) {
    if (n === 0) { root.removeAttribute("data-font-size"); } else { root.setAttribute("data-font-size", String(n)); }
  }
  applySize(storedSize()); /* before first paint of the body where possible */

  var SCALE = { "-1": 0.9, "0": 1, "1": 1.15, "2": 1.3, "3": 1.5 };

  function initFontSize() {
    var box = document.querySelector("[data-font-control]");
    if (!box) { return; }
    var status = box.querySelector("[data-font-status]");
    var buttons = box.querySelectorAll("[data-font-step]");
    function show(n, announce) {
      applySize(n);
      for (var i = 0; i < buttons.length; i++) {
        var step = buttons[i].getAttribute("data-font-step");
        buttons[i].disabled = (step === "-1" && n <= MIN) || (step === "1" && n >= MAX);
        buttons[i].setAttribute("aria-pressed", step === "0" && n === 0 ? "true" : "false");
      }
      if (announce) {
        var percent = new Intl.NumberFormat(root.lang || undefined, { style: "percent" }).format(SCALE[String(n)]);
        status.textContent = box.getAttribute("data-announce").replace("%(percent)s", percent);
      }
    }
    box.addEventListener("click", function (event) {
      var button = event.target.closest("[data-font-step]");
      if (!button) { return; }
      var step = parseInt(button.getAttribute("data-font-step"), 10);
      var n = step === 0 ? 0 : Math.max(MIN, Math.min(MAX, storedSize() + step));
      try { localStorage.setItem(KEY, String(n)); } catch (e) { /* private mode: not remembered */ }
      show(n, true);
    });
    show(storedSize(), false);
    box.hidden = false;
  }

  function initTicker() {
    var ticker = document.querySelector("[data-ticker]");
    if (!ticker) { return; }
    var toggle = ticker.querySelector(".ticker__toggle");
    var motion = window.matchMedia("(prefers-reduced-motion: reduce)");
    function update() {
      var reduced = motion.matches;
      ticker.classList.toggle("is-moving", !reduced);
      toggle.hidden = reduced;
    }
    toggle.addEventListener("click", function () {
      var paused = ticker.classList.toggle("is-paused");
      toggle.textContent = toggle.getAttribute(paused ? "data-label-play" : "data-label-pause");
    });
    if (motion.addEventListener) { motion.addEventListener("change", update); }
    update();
  }

  function initPrint() {
    var buttons = document.querySelectorAll("[data-print]");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].addEventListener("click", function () { window.print(); });
      buttons[i].closest(".print-item").hidden = false;
    }
  }

  function init() { initFontSize(); initTicker(); initPrint(); }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();

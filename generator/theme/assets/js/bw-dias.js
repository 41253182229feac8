/* Barrièrewijzer slides: one slide at a time, arrow keys to move (our own code, no framework).
   Without this file every slide is a screen of its own and the Vorige/Volgende links move between
   them. The slide number lives in the address (#dia-3) only; nothing is stored or sent. */
(function () {
  "use strict";
  var dias = Array.prototype.slice.call(document.querySelectorAll("section.dia"));
  if (!dias.length) {
    return;
  }
  document.documentElement.className += " bw-js";

  function current() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    for (var i = 0; i < dias.length; i += 1) {
      if (dias[i].id === id) {
        return i;
      }
    }
    return 0;
  }

  function show(n, focus) {
    for (var i = 0; i < dias.length; i += 1) {
      dias[i].hidden = i !== n;
    }
    if (focus) {
      dias[n].focus();
    }
  }

  function go(n) {
    var i = Math.max(0, Math.min(dias.length - 1, n));
    show(i, true);
    if (window.location.hash !== "#" + dias[i].id) {
      window.location.hash = dias[i].id;
    }
  }

  window.addEventListener("hashchange", function () {
    show(current(), true);
  });
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) {
      return;
    }
    var n = current();
    switch (event.key) {
      case "ArrowRight":
      case "ArrowDown":
      case "PageDown":
        go(n + 1);
        break;
      case "ArrowLeft":
      case "ArrowUp":
      case "PageUp":
        go(n - 1);
        break;
      case "Home":
        go(0);
        break;
      case "End":
        go(dias.length - 1);
        break;
      default:
        return;
    }
    event.preventDefault();
  });
  show(current(), false);
}());

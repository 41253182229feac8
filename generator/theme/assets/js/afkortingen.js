// Progressive enhancement: the first use of each abbreviation on a page can be reached with Tab, and
// on focus its explanation shows below it. The text is set with textContent, never as HTML (Material's
// own tooltips are off: they render a title attribute as HTML). Nothing is stored or sent. Without
// JavaScript the explanation stays in the title attribute and on the page Begrippen.
(function () {
  var tip = document.createElement("div");
  tip.id = "bw-afkorting-uitleg";
  tip.className = "bw-afkorting-uitleg";
  tip.setAttribute("role", "tooltip");
  tip.hidden = true;
  document.body.appendChild(tip);
  function show(abbr) {
    var box = abbr.getBoundingClientRect();
    tip.textContent = abbr.getAttribute("title");
    tip.style.left = window.scrollX + box.left + "px";
    tip.style.top = window.scrollY + box.bottom + 4 + "px";
    tip.hidden = false;
    abbr.setAttribute("aria-describedby", tip.id);
  }
  function hide() { tip.hidden = true; }
  var seen = {};
  document.querySelectorAll("article abbr[title]").forEach(function (abbr) {
    var key = abbr.textContent;
    if (seen[key]) return;
    seen[key] = true;
    abbr.setAttribute("tabindex", "0");
    abbr.addEventListener("focus", function () { show(abbr); });
    abbr.addEventListener("blur", hide);
  });
  document.addEventListener("keydown", function (event) { if (event.key === "Escape") hide(); });
})();

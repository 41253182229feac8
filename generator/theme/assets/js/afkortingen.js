// Progressive enhancement: the first use of each abbreviation on a page can be reached with Tab,
// so its explanation (Material's tooltip, shown on focus) is there for keyboard users too.
// Nothing is stored or sent. Without JavaScript the explanation stays in the title attribute and
// on the page Begrippen.
(function () {
  var seen = {};
  document.querySelectorAll("article abbr[title]").forEach(function (abbr) {
    var key = abbr.textContent;
    if (seen[key]) return;
    seen[key] = true;
    abbr.setAttribute("tabindex", "0");
  });
})();

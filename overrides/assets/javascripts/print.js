// Printing. On every page: collapsed blocks print open. On the print view (print/, made by
// macros/pages/print_view.py): links point inside the document, and `?part=ID&part=ID` keeps
// only those parts (a convening packet), with the cover and the contents.
(function () {
  "use strict";

  // <details> print open, and close again afterwards.
  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = Array.prototype.filter.call(document.querySelectorAll("details"), function (d) {
      return !d.open;
    });
    opened.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });

  function all(selector, root) {
    return Array.prototype.slice.call((root || document).querySelectorAll(selector));
  }

  function unwrap(a) {
    a.replaceWith.apply(a, Array.prototype.slice.call(a.childNodes));
  }

  function targetOf(a) {
    var id = decodeURIComponent(a.getAttribute("href").slice(1));
    return id && document.getElementById(id);
  }

  function headingText(heading) {
    var copy = heading.cloneNode(true);
    all(".headerlink", copy).forEach(function (n) { n.remove(); });
    return copy.textContent.trim();
  }

  // A part runs from its heading to the next part's heading.
  function removeBody(chapter) {
    var node = chapter.nextSibling;
    while (node && !(node.classList && node.classList.contains("pb-chapter"))) {
      var next = node.nextSibling;
      node.remove();
      node = next;
    }
  }

  // `headingOnly`: parts kept for their heading alone (the states' heading above a state).
  function keepParts(article, wanted, headingOnly) {
    var chapters = all(".pb-chapter", article);
    var kept = [];
    chapters.forEach(function (chapter) {
      if (chapter.id === "pb-contents") return;
      if (headingOnly.indexOf(chapter.id) !== -1) {
        removeBody(chapter);
        return;
      }
      if (wanted.indexOf(chapter.id) !== -1) {
        kept.push(headingText(chapter));
        return;
      }
      removeBody(chapter);
      chapter.remove();
    });
    var note = article.querySelector(".pb-packet");
    if (note && kept.length) {
      note.textContent = "In this packet: " + kept.join("; ") + ".";
      note.hidden = false;
    }
  }

  function setUpPrintView() {
    var cover = document.getElementById("pb-cover");
    if (!cover) return;
    var article = cover.closest("article") || document.body;
    var wanted = new URLSearchParams(window.location.search).getAll("part");
    // A state keeps the states' heading above it (not the map of every state), so that
    // the outline stays a tree.
    var headingOnly = [];
    if (wanted.some(function (id) { return id.indexOf("pb-state-") === 0; })) {
      headingOnly.push("pb-states");
    }
    if (wanted.length) keepParts(article, wanted, headingOnly);
    // Links to pages of the site: to the same place in this document, or plain text.
    all("a[href]", article).forEach(function (a) {
      var href = a.getAttribute("href");
      if (href.charAt(0) === "#") {
        if (!targetOf(a)) unwrap(a);
        return;
      }
      var url = new URL(href, window.location.href);
      if (url.origin !== window.location.origin) return;
      var id = decodeURIComponent(url.hash.slice(1));
      if (id && document.getElementById(id)) a.setAttribute("href", "#" + id);
      else unwrap(a);
    });
    // Contents entries whose part was left out.
    all(".pb-print-toc li", article).reverse().forEach(function (li) {
      if (!li.querySelector("a")) li.remove();
    });
    document.documentElement.setAttribute("data-pb-print-ready", "");
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpPrintView);
  } else {
    setUpPrintView();
  }
})();

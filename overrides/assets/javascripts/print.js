// Printing. On every page: collapsed blocks print open. On the print view (print/, made by
// macros/pages/print_view.py): links point inside the document, and `?part=ID&part=ID` keeps
// only those parts (a convening packet), with the cover and the contents.
(function () {
  "use strict";

  // Where this script was loaded from: Paged.js, when the site ships it, sits beside it.
  var SCRIPT = document.currentScript ? document.currentScript.src : "";

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
    chapters.forEach(function (chapter) {
      if (chapter.id === "pb-contents") return;
      if (headingOnly.indexOf(chapter.id) !== -1) {
        removeBody(chapter);
        return;
      }
      if (wanted.indexOf(chapter.id) !== -1) return;
      removeBody(chapter);
      chapter.remove();
    });
  }

  function chapterOf(node) {
    // The part (theme, state, …) a node is in: the nearest chapter heading before it.
    if (node.classList && node.classList.contains("pb-chapter")) return node;
    var chapters = all(".pb-chapter");
    var found = null;
    chapters.forEach(function (chapter) {
      if (chapter.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING) {
        found = chapter;
      }
    });
    return found;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function pageRef(id, className) {
    var ref = element("span", "pb-page-ref" + (className ? " " + className : ""));
    ref.setAttribute("data-ref", id);
    return ref;
  }

  // The cover (everything before the contents) is a page of its own, named so that the
  // print stylesheet gives it no running header and no page number.
  function wrapCover(article) {
    var cover = document.getElementById("pb-cover");
    var section = element("section", "pb-cover");
    cover.parentNode.insertBefore(section, cover);
    var node = cover;
    while (node && !(node.classList && node.classList.contains("pb-chapter"))) {
      var next = node.nextSibling;
      section.appendChild(node);
      node = next;
    }
    return section;
  }

  // A story (its heading, meta line and text) becomes one block that print keeps whole;
  // a long one may break between paragraphs (its heading kept with its first lines).
  function wrapStories(article) {
    all("h4[id^='story-'], h4[id*='-story-'], h3[id^='story-']", article).forEach(function (h) {
      var card = element("section", "pb-print-story");
      h.parentNode.insertBefore(card, h);
      var node = h;
      do {
        var next = node.nextElementSibling;
        card.appendChild(node);
        node = next;
      } while (
        node &&
        !/^H[1-6]$/.test(node.tagName) &&
        ["pb-story-meta", "pb-story-body", "pb-summary", "pb-online"].some(function (c) {
          return node.classList.contains(c);
        })
      );
      // Over about a quarter of a page: kept whole (with the heading before it), it could
      // leave most of a page empty.
      if (card.textContent.length > 600) card.classList.add("pb-long");
    });
  }

  // Stories are printed once: a state's copy of a story told in full elsewhere in the
  // document (under its theme) keeps its title and meta line and points there by page.
  function storiesOnce(article) {
    all(".pb-print-story > [id*='-story-']", article).forEach(function (heading) {
      var id = heading.id.replace(/^pb-state-[a-z]+-/, "");
      var full = document.getElementById(id);
      if (!full || full === heading) return;
      var card = heading.parentNode;
      var note = element("p", "pb-told-in-full");
      var a = element("a", "", "Told in full under its theme");
      a.setAttribute("href", "#" + id);
      note.appendChild(a);
      card.appendChild(note);
    });
  }

  // The contents: each entry with dotted leaders to its page number.
  function contentsLines(article) {
    all(".pb-print-toc a[href^='#']", article).forEach(function (a) {
      var line = element("span", "pb-toc-line");
      a.parentNode.insertBefore(line, a);
      line.appendChild(a);
      var leader = element("span", "pb-toc-leader");
      leader.setAttribute("aria-hidden", "true");
      line.appendChild(leader);
      line.appendChild(pageRef(a.getAttribute("href").slice(1)));
    });
  }

  // "(p. 12)" after a link to another part of the document: on paper a link goes nowhere.
  function crossReferences(article) {
    all("a[href^='#']", article).forEach(function (a) {
      if (a.closest(".pb-print-toc, .pb-cover, .pb-online, svg, table, h1, h2, h3, h4, h5, h6")) {
        return;
      }
      if (a.classList.contains("pb-term")) return;
      var target = targetOf(a);
      if (!target || chapterOf(target) === chapterOf(a)) return;
      a.parentNode.insertBefore(pageRef(target.id, "pb-xref"), a.nextSibling);
    });
  }

  // A packet's glossary keeps only the terms its pages use (and the letters that still
  // have terms; the A-Z index of the site is no use on paper).
  function glossaryOfPacket(article) {
    var lists = all("dl.pb-glossary", article);
    if (!lists.length) return;
    var used = {};
    all("a.pb-term[href^='#']", article).forEach(function (a) {
      if (!a.closest("dl.pb-glossary")) used[a.getAttribute("href").slice(1)] = true;
    });
    lists.forEach(function (list) {
      all("dt", list).forEach(function (dt) {
        if (used[dt.id]) return;
        var dd = dt.nextElementSibling;
        if (dd && dd.tagName === "DD") dd.remove();
        dt.remove();
      });
      if (list.querySelector("dt")) return;
      var letter = list.previousElementSibling;
      if (letter && letter.classList.contains("pb-az__letter")) letter.remove();
      list.remove();
    });
    all(".pb-az", article).forEach(function (n) { n.remove(); });
  }

  function cssString(text) {
    return '"' + String(text).replace(/[\\"]/g, "\\$&").replace(/\n/g, " ") + '"';
  }

  // The running header (title and version) and footer (the playbook's address, page N of
  // M), as @page margin boxes in the print font. The address comes from the page's
  // canonical link, which MkDocs writes when mkdocs.yml sets site_url.
  // An @page rule that draws nothing in the page's margins (no header, footer or number).
  function bareMargins(selector) {
    return "@page " + selector + " { @top-left { content: none; } @top-right { content: none; } " +
      "@bottom-left { content: none; } @bottom-right { content: none; } " +
      "@bottom-center { content: none; } }\n";
  }

  function runningHeads(cover, doubleSided) {
    var title = headingText(document.getElementById("pb-cover"));
    var version = document.querySelector(".pb-version");
    var header = title + (version ? " · " + version.textContent.split(" · ")[0] : "");
    var canonical = document.querySelector("link[rel='canonical']");
    var address = canonical ? canonical.href.replace(/print\/?$/, "") : "";
    var shown = address.replace(/^https?:\/\//, "").replace(/\/$/, "");
    var font = "font: 8.5pt/1 var(--pb-print-font); color: #333;";
    var head = "content: " + cssString(header) + "; " + font;
    var foot = "content: " + cssString(shown) + "; " + font;
    var css = "@page { @top-right { " + head + " } @bottom-left { " + foot + " } }\n";
    if (doubleSided) {
      // On a left-hand page the header and the page number sit on the outer (left) side.
      var number = "content: \"Page \" counter(page) \" of \" counter(pages); " + font;
      css += "@page :left { @top-right { content: none; } @top-left { " + head + " } " +
        "@bottom-left { " + number + " } @bottom-right { " + foot + " } }\n";
    }
    if (cover) css += bareMargins(":first");
    // A blank page before a right-hand opening carries nothing (after :left, which
    // Chromium would otherwise let win over the page's name).
    css += bareMargins("pb-blank") + bareMargins("pb-blank:left");
    var style = element("style", "pb-running-heads");
    style.setAttribute("media", "print");
    style.textContent = css;
    document.head.appendChild(style);
    if (shown && cover) {
      var line = element("p", "pb-site-address", "Online: ");
      var a = element("a", "", shown);
      a.href = address;
      line.appendChild(a);
      cover.insertBefore(line, version ? version.nextSibling : null);
    }
  }

  // The packet's cover lists its parts with their pages.
  function packetList(cover, keptIds) {
    var note = cover.querySelector(".pb-packet");
    if (!note || !keptIds.length) return;
    note.textContent = "In this packet";
    note.hidden = false;
    cover.classList.add("pb-packet-cover");
    // The playbook's introduction gives way to the list (and its terms to the packet's).
    all(".pb-prose", cover).forEach(function (n) { n.remove(); });
    var list = element("ul", "pb-packet-list pb-print-toc");
    keptIds.forEach(function (id) {
      var heading = document.getElementById(id);
      if (!heading) return;
      var li = element("li");
      var a = element("a", "", headingText(heading));
      a.setAttribute("href", "#" + id);
      li.appendChild(a);
      list.appendChild(li);
    });
    note.parentNode.insertBefore(list, note.nextSibling);
  }

  // The page numbers: `pages` gives the page of each id; `blanks`, the chapters to be
  // preceded by a blank page so that they open on a right-hand page.
  function fillNumbers(pages, blanks) {
    all(".pb-blank").forEach(function (n) { n.remove(); });
    (blanks || []).forEach(function (id) {
      var chapter = document.getElementById(id);
      if (!chapter) return;
      var blank = element("div", "pb-blank");
      blank.setAttribute("aria-hidden", "true");
      chapter.parentNode.insertBefore(blank, chapter);
    });
    var filled = 0;
    all("[data-ref]").forEach(function (n) {
      var page = pages[n.getAttribute("data-ref")];
      n.textContent = page ? String(page) : "";
      if (page) filled += 1;
    });
    return filled;
  }

  // Called by `playbook pdf` (macros/pdf/printer.py), which reads each print back: from then
  // on, the numbers are its own (the published ones below are not filled in over them).
  // `paginating`: the promise of the page numbers' work on this page (see `published`),
  // resolved with the number of pages when Paged.js laid the packet out, else 0.
  window.pbPaged = {
    paginating: Promise.resolve(0),
    targets: function () {
      return all("[data-ref]").map(function (n) { return n.getAttribute("data-ref"); });
    },
    fill: function (pages, blanks) {
      window.pbPaged.driven = true;
      return fillNumbers(pages, blanks);
    },
  };

  // A "where are we?" worksheet for a theme (`part=pb-worksheet-<theme id>`): its key
  // strategies, as the contents list them, each with boxes to tick and lines for notes.
  function worksheet(article, id) {
    var themeId = "pb-theme-" + id.slice("pb-worksheet-".length);
    var theme = document.getElementById(themeId);
    var entry = article.querySelector(".pb-print-toc a[href='#" + themeId + "']");
    if (!theme || !entry) return null;
    var title = "Where are we? " + headingText(theme).replace(/^\d+\.\s*/, "");
    var part = document.createDocumentFragment();
    var heading = element("h1", "pb-chapter pb-worksheet-title", title);
    heading.id = id;
    part.appendChild(heading);
    part.appendChild(element("p", "pb-worksheet-intro",
      "For your group to fill in together: for each key strategy, tick how far your " +
      "partnership has got, and note what you would do next and who will do it."));
    all("li li > a", entry.closest("li")).forEach(function (a) {
      var item = element("section", "pb-worksheet-item");
      item.appendChild(element("h2", "", a.textContent));
      var scale = element("p", "pb-worksheet-scale");
      ["Not started", "Under way", "Part of how we work"].forEach(function (label) {
        var box = element("span", "pb-box");
        box.setAttribute("aria-hidden", "true");
        scale.appendChild(box);
        scale.appendChild(element("span", "pb-box-label", label));
      });
      item.appendChild(scale);
      item.appendChild(element("p", "pb-notes", "Notes and next steps:"));
      var lines = element("div", "pb-note-lines");
      lines.setAttribute("aria-hidden", "true");
      for (var i = 0; i < 3; i += 1) lines.appendChild(element("div", "pb-note-line"));
      item.appendChild(lines);
      part.appendChild(item);
    });
    var li = element("li");
    var link = element("a", "", title);
    link.setAttribute("href", "#" + id);
    li.appendChild(link);
    return { part: part, entry: li };
  }

  function addWorksheets(article, wanted) {
    var glossary = document.getElementById("pb-glossary");
    var toc = article.querySelector(".pb-print-toc > ul");
    var glossaryEntry = toc && toc.querySelector(":scope > li > a[href='#pb-glossary']");
    wanted.forEach(function (id) {
      if (id.indexOf("pb-worksheet-") !== 0) return;
      var sheet = worksheet(article, id);
      if (!sheet) return;
      if (glossary) glossary.parentNode.insertBefore(sheet.part, glossary);
      else article.appendChild(sheet.part);
      if (toc) toc.insertBefore(sheet.entry, glossaryEntry ? glossaryEntry.parentNode : null);
    });
  }

  // A sheet (`sheet=1`, the state downloads): the parts alone, without cover or contents.
  function asSheet(article) {
    ["pb-contents", "pb-states"].forEach(function (id) {
      var heading = document.getElementById(id);
      if (!heading) return;
      removeBody(heading);
      heading.remove();
    });
    var cover = document.getElementById("pb-cover");
    var node = cover.nextSibling;
    while (node && !(node.classList && node.classList.contains("pb-chapter"))) {
      var next = node.nextSibling;
      node.remove();
      node = next;
    }
    if (node) node.classList.remove("pb-chapter");
    cover.remove();
  }

  // Figures on paper. The map's alternative text names the states it shows (its tiles
  // are links on screen, words in a PDF). The matrix's empty cells say so in words, so
  // that every row of the table has all its cells (PDF/UA: a regular table).
  function figures(article) {
    all(".pb-tile-figure", article).forEach(function (figure) {
      var shown = all("a.pb-tile[aria-label]", figure).map(function (a) {
        return a.getAttribute("aria-label");
      });
      var text = "Tile map of the United States, one square per state. " +
        (shown.length ? "States in this playbook: " + shown.join("; ") + "." : "");
      figure.setAttribute("aria-label", text.trim());
    });
    all(".pb-matrix td", article).forEach(function (td) {
      if (td.textContent.trim()) return;
      td.appendChild(element("span", "pb-print-none", "none"));
    });
  }

  // The "Make a packet" form above the cover (print_packet_form.html.j2): the choice in
  // the address ticked, and a print button (without JavaScript: the browser's Print).
  function packetForm(params) {
    var form = document.querySelector(".pb-packet-form");
    if (!form) return;
    var wanted = params.getAll("part");
    all("input[name='part']", form).forEach(function (box) {
      if (params.has("part")) box.checked = wanted.indexOf(box.value) !== -1;
    });
    var worksheets = form.querySelector("input[name='worksheets']");
    if (worksheets) worksheets.checked = params.get("worksheets") === "1";
    var button = form.querySelector(".pb-print-button");
    if (button) {
      button.hidden = false;
      // Once Paged.js has laid the packet out, when it does (Ctrl+P cannot wait for it).
      button.addEventListener("click", function () {
        Promise.resolve(window.pbPaged.paginating).then(function () { window.print(); });
      });
    }
  }

  // The packet's length, when the site was published with its PDFs: the pages each part
  // took in the printed playbook (print/pages.json, written by `playbook pdf`), its
  // glossary cut to the terms it keeps, one page of contents.
  function packetCount(article, wanted, pages) {
    var count = document.querySelector(".pb-packet-form .pb-packet-count");
    if (!count || !pages) return;
    var kept = all("dl.pb-glossary dt", article).length;
    var parts = wanted.length ? wanted : Object.keys(pages.parts);
    var total = pages.cover + (wanted.length ? 1 : pages.contents);
    parts.forEach(function (id) {
      var length = pages.parts[id] || 0;
      if (id === "pb-glossary" && pages.terms) length *= kept / pages.terms;
      if (id.indexOf("pb-worksheet-") === 0) length = 1;
      total += length;
    });
    count.textContent = "About " + Math.max(1, Math.round(total)) + " pages.";
  }

  function sameParts(a, b) {
    return a.length === b.length && a.slice().sort().join(" ") === b.slice().sort().join(" ");
  }

  // A browser prints once, so it cannot work page numbers out. `playbook pdf` wrote into
  // pages.json the numbers of every document it printed, each read back from its PDF: the
  // whole playbook and each theme with its glossary. When the reader asks for the same
  // parts, those numbers are filled in; for any other choice, none (never wrong ones), and
  // the form says so.
  var NO_NUMBERS = "Page numbers: a browser cannot work them out for this choice, so the " +
    "contents and cross-references will have none. The whole playbook, and each theme " +
    "with its glossary, print with page numbers.";
  var NOT_PUBLISHED = "Page numbers: this copy of the site was made without its PDFs, so " +
    "a printed packet's contents and cross-references will have none.";
  // The numbers are Chromium's pages: another engine may break pages elsewhere.
  var OTHER_BROWSER = "Page numbers: they come out right in Chrome, Edge and other " +
    "Chromium browsers only; printed from this browser, the contents and cross-references " +
    "will have none.";
  var CHROMIUM = / (Chrome|Chromium|HeadlessChrome)\//.test(navigator.userAgent);
  // The numbers were read from PDFs printed with the print dialog's defaults.
  var DEFAULT_SETTINGS = "Page numbers: filled in for the print dialog's usual settings " +
    "(Scale: Default, Margins: Default, no headers and footers); with others they may be off.";

  // Paged.js (the npm package `pagedjs`, shipped with the site when it was built with it
  // installed: assets/javascripts/pagedjs/) lays the packet out in pages in the browser and
  // so gives real page numbers for any choice, in any modern browser. The page then shows
  // the packet page by page, as it will print.
  var WORKING = "Page numbers: being worked out for this choice; the packet below will be " +
    "shown page by page when they are filled in. Please wait for that before printing.";
  var PAGED = "Page numbers: filled in. The packet below is shown page by page, as it " +
    "prints with the print dialog's usual settings (Scale: Default, Margins: Default, no " +
    "headers and footers); with others the pages may be cut.";
  var PAGED_FAILED = "Page numbers: this browser could not work them out, so the " +
    "contents and cross-references will have none.";

  // Set before this script runs when `playbook pdf` prints the page (macros/pdf/chromium.py,
  // PRINTER_FLAG): it lays the pages out with Chromium and gives their numbers itself
  // (window.pbPaged.fill), so Paged.js is never loaded then.
  var PDF_PRINTER = window.pbPdfPrinter === true;

  function pagedScript() {
    var form = document.querySelector(".pb-packet-form[data-pb-paged]");
    return form && SCRIPT && !PDF_PRINTER ? new URL("pagedjs/paged.js", SCRIPT).href : "";
  }

  function loadScript(src) {
    if (window.Paged) return Promise.resolve();
    return new Promise(function (resolve, reject) {
      var script = element("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = function () { reject(new Error("Paged.js did not load: " + src)); };
      document.head.appendChild(script);
    });
  }

  function fetchText(href) {
    return window.fetch(href).then(function (r) {
      if (!r.ok) throw new Error(href + ": " + r.status);
      return r.text();
    });
  }

  // What Paged.js needs besides the print stylesheets. The glossary in one column: Paged.js
  // lays each page out in CSS columns, and columns inside them came out otherwise on paper
  // than on the screen it measures (the last entries were cut). Double-sided: right-hand
  // openings, with Paged.js's own blank pages, nothing in their margins.
  function pagedRules(doubleSided) {
    var css = ".pb-paper dl.pb-glossary { columns: auto; max-width: 12.2cm; }\n";
    if (!doubleSided) return css;
    return css + ".pb-paper h1.pb-chapter { break-before: right; }\n" + bareMargins(":blank");
  }

  // What print.css keeps with what follows it (break-after: avoid). Paged.js honours that
  // for one element before the one that does not fit, and only when that one starts below
  // the page: a heading followed by a heading (a state's name, then its first theme), or by
  // a list whose first item does not fit (the glossary's letters), stayed at the foot of
  // the page. `keepWithNext` moves the page break up, before such headings.
  var KEEP_WITH_NEXT = "h1, h2, h3, h4, h5, h6, dt, .pb-story-meta, .pb-approaches-intro";

  // The element just before `node` on the page (climbing out of first children), or null
  // when text comes before it or nothing does.
  function flowBefore(node, page) {
    while (node && node !== page) {
      var prev = node.previousSibling;
      while (prev && prev.nodeType !== 1 && !(prev.nodeType === 3 && prev.textContent.trim())) {
        prev = prev.previousSibling;
      }
      if (prev) return prev.nodeType === 1 ? prev : null;
      node = node.parentNode;
    }
    return null;
  }

  // A Paged.js onOverflow hook: `overflow` is the range that does not fit on the page.
  function keepWithNext(overflow, page) {
    if (!overflow) return undefined;
    var node = overflow.startContainer;
    var first = node.nodeType === 3 ? node : node.childNodes[overflow.startOffset];
    if (!first || (node.nodeType === 3 && node.textContent.slice(0, overflow.startOffset).trim())) {
      return undefined;
    }
    var moved = null;
    var before = flowBefore(first, page);
    while (before && before.matches(KEEP_WITH_NEXT)) {
      moved = before;
      before = flowBefore(moved, page);
    }
    // Not when the headings are all the page holds: the break stays where it was.
    if (!moved || !before) return undefined;
    var range = document.createRange();
    range.setStartBefore(moved);
    range.setEnd(overflow.endContainer, overflow.endOffset);
    return range;
  }

  // Lays the packet out with Paged.js: the article's content (not the form) goes into
  // Paged.js's pages, styled by print.css, print.js's running heads and `pagedRules`; every
  // page reference is then filled with the page its target ended up on. Resolves with the
  // number of pages.
  function paginate(article, doubleSided) {
    var form = article.querySelector(".pb-packet-form");
    var sheet = document.querySelector("link[rel='stylesheet'][href*='print.css']");
    var heads = all("style.pb-running-heads");
    var content = element("div", "pb-paper");
    var bare = element("style");
    return loadScript(pagedScript()).then(function () {
      return fetchText(sheet.href);
    }).then(function (css) {
      // Paged.js applies the sheets it is given to the whole screen: print.css's rules for
      // the article (.md-typeset) are given for this wrapper of its content only, so that
      // they style the pages and not the form, the footer or the screen's colours.
      css = css.replace(/\.md-typeset(?![\w-])/g, ".pb-paper");
      all(":scope > *", article).forEach(function (node) {
        if (node !== form) content.appendChild(node);
      });
      all(".headerlink, .pb-no-print", content).forEach(function (n) { n.remove(); });
      // Paged.js keeps its own `data-ref` on every element: ours are renamed. A number of
      // two digits holds their place (a shorter one cannot lengthen a line).
      all("[data-ref]", content).forEach(function (n) {
        n.setAttribute("data-pb-ref", n.getAttribute("data-ref"));
        n.removeAttribute("data-ref");
        n.textContent = "00";
      });
      var pages = element("div", "pb-paged");
      pages.setAttribute("role", "region");
      pages.setAttribute("aria-label", "The packet, page by page");
      pages.tabIndex = 0;
      article.appendChild(pages);
      var fragment = document.createDocumentFragment();
      fragment.appendChild(content);
      var sheets = [{}, {}];
      sheets[0][sheet.href] = css;
      sheets[1][window.location.href] = heads.map(function (s) { return s.textContent; })
        .join("\n") + "\n" + pagedRules(doubleSided);
      // From now on Paged.js draws the margins in its pages; Chromium's own @page margin
      // boxes (print.css, the running heads) would print a second header and footer.
      heads.forEach(function (s) { s.remove(); });
      bare.setAttribute("media", "print");
      bare.textContent = bareMargins("");
      document.head.appendChild(bare);
      var previewer = new window.Paged.Previewer();
      previewer.chunker.hooks.onOverflow.register(keepWithNext);
      return previewer.preview(fragment, sheets, pages);
    }).then(function (flow) {
      // Laid out: packet.css may now scale the pages down to a phone's width.
      article.querySelector(".pb-paged").setAttribute("data-pb-laid-out", "");
      all("[data-pb-ref]", article).forEach(function (n) {
        var target = document.getElementById(n.getAttribute("data-pb-ref"));
        var page = target && target.closest(".pagedjs_page");
        n.textContent = page ? page.getAttribute("data-page-number") : "";
      });
      return flow.total;
    }).catch(function (error) {
      unpaginate(article, content, heads, bare);
      throw error;
    });
  }

  // When Paged.js failed half-way: the document as it was (less its permalinks), to print
  // without numbers.
  function unpaginate(article, content, heads, bare) {
    all(".pb-paged, style[data-pagedjs-inserted-styles]").forEach(function (n) { n.remove(); });
    bare.remove();
    heads.forEach(function (s) { if (!s.parentNode) document.head.appendChild(s); });
    all("[data-pb-ref]", content).forEach(function (n) {
      n.setAttribute("data-ref", n.getAttribute("data-pb-ref"));
      n.removeAttribute("data-pb-ref");
      n.textContent = "";
    });
    while (content.firstChild) article.appendChild(content.firstChild);
  }

  function note(text) {
    var actions = document.querySelector(".pb-packet-form .pb-packet-actions");
    if (!actions) return;
    var line = document.querySelector(".pb-packet-form .pb-packet-numbers");
    if (!line) {
      line = element("p", "pb-packet-numbers");
      line.setAttribute("role", "status");
      actions.parentNode.insertBefore(line, actions.nextSibling);
    }
    line.textContent = text;
  }

  function numbersAre(state) {
    document.documentElement.setAttribute("data-pb-page-numbers", state);
  }

  // Called once the published numbers are known: they are filled in when they hold for this
  // choice; else Paged.js works them out when the site has it. `window.pbPaged.paginating`
  // is the promise of that work (resolved with the number of pages, or 0 without).
  function publishedNumbers(article, wanted, pages, how) {
    var plain = how.plain;
    var entry = null;
    ((pages && pages.numbered) || []).forEach(function (e) {
      if (sameParts(e.parts, wanted)) entry = e;
    });
    var numbered = Boolean(entry && plain && CHROMIUM);
    if (numbered && !window.pbPaged.driven) fillNumbers(entry.pages, []);
    if (!numbered && !how.sheet && pagedScript() && !window.pbPaged.driven) {
      note(WORKING);
      numbersAre("working");
      return paginate(article, how.doubleSided).then(function (total) {
        note(PAGED);
        var count = document.querySelector(".pb-packet-form .pb-packet-count");
        if (count) count.textContent = total + (total === 1 ? " page." : " pages.");
        numbersAre("paged");
        return total;
      }, function (error) {
        note(PAGED_FAILED);
        numbersAre("none");
        if (window.console) window.console.error(error);
        return 0;
      });
    }
    note(numbered ? DEFAULT_SETTINGS
      : !pages ? NOT_PUBLISHED : entry && plain ? OTHER_BROWSER : NO_NUMBERS);
    numbersAre(numbered ? "filled" : "none");
    return Promise.resolve(0);
  }

  // `how`: plain (printed as `playbook pdf` printed the published numbers), sheet (no
  // numbers to give), doubleSided.
  function published(article, wanted, how) {
    var ask = window.fetch
      ? window.fetch("pages.json").then(function (r) { return r.ok ? r.json() : null; })
      : Promise.resolve(null);
    window.pbPaged.paginating = ask.catch(function () { return null; }).then(function (pages) {
      packetCount(article, wanted, pages);
      return publishedNumbers(article, wanted, pages, how);
    });
  }

  function setUpPrintView() {
    var cover = document.getElementById("pb-cover");
    if (!cover) return;
    var article = cover.closest("article") || document.body;
    var params = new URLSearchParams(window.location.search);
    var wanted = params.getAll("part");
    // Extras alone (the form's glossary is ticked from the start) make no packet.
    if (!wanted.some(function (id) { return /^pb-(theme|state)-/.test(id); })) wanted = [];
    var doubleSided = params.get("sides") === "2";
    var sheet = params.get("sheet") === "1" && wanted.length > 0;
    // From the "Make a packet" form: a worksheet for each chosen theme.
    if (params.get("worksheets") === "1") {
      wanted.filter(function (id) { return id.indexOf("pb-theme-") === 0; }).forEach(function (id) {
        var sheetId = "pb-worksheet-" + id.slice("pb-theme-".length);
        if (wanted.indexOf(sheetId) === -1) wanted.push(sheetId);
      });
    }
    packetForm(params);
    // A state keeps the states' heading above it (not the map of every state), so that
    // the outline stays a tree.
    var headingOnly = [];
    if (wanted.some(function (id) { return id.indexOf("pb-state-") === 0; })) {
      headingOnly.push("pb-states");
    }
    addWorksheets(article, wanted);
    if (wanted.length) keepParts(article, wanted, headingOnly);
    var coverSection = sheet ? null : wrapCover(article);
    runningHeads(coverSection, doubleSided);
    if (sheet) asSheet(article);
    else packetList(coverSection, wanted.filter(function (id) { return id !== "pb-states"; }));
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
    // After the links above point inside the document, and the cover lost its summary.
    if (wanted.length) glossaryOfPacket(article);
    // What print shows open, open from the start: the page as it will print.
    all("details", article).forEach(function (d) { d.open = true; });
    wrapStories(article);
    storiesOnce(article);
    figures(article);
    contentsLines(article);
    crossReferences(article);
    published(article, wanted, { plain: !doubleSided && !sheet, sheet: sheet, doubleSided: doubleSided });
    document.documentElement.setAttribute("data-pb-print-ready", "");
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpPrintView);
  } else {
    setUpPrintView();
  }
})();

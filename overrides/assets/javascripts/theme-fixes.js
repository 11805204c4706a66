// Fixes to Material's own markup that a block or CSS cannot reach.
// Material's search is a role="dialog" without a name (axe: aria-dialog-name). It works
// only with JavaScript (without it Material hides it), so naming it here covers every
// reader who can open it.
(function () {
  "use strict";
  var search = document.querySelector(".md-search[role='dialog']");
  if (search && !search.hasAttribute("aria-label")) {
    search.setAttribute("aria-label", "Search the playbook");
  }
})();

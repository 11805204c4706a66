"""Walk a page with the Tab key, in a real browser, as a keyboard user does.

    tab_to(page, selector)   presses Tab until the focus is on an element matching selector

Every press is a real key press, sent one by one, but the focus is checked only after each
TAB_BATCH of them: a round trip to the browser costs CPU, and a walk through a page's header
and navigation takes dozens of presses. Once the element is reached, the page swallows the
rest of the batch's presses (it cancels their keydown), so that the focus stays on it.
"""

from __future__ import annotations

import pytest

TAB_BATCH = 10
MOST_TABS = 400  # the longest walk, through the header and navigation of the stories page
STOP_AT_JS = """selector => {
  const stop = {selector, presses: 0, reached: false};
  stop.listener = event => {
    if (event.key !== 'Tab') return;
    if (stop.reached) event.preventDefault();
    else stop.presses += 1;
  };
  stop.watcher = () => { stop.reached ||= document.activeElement.matches(selector); };
  addEventListener('keydown', stop.listener, true);
  addEventListener('focusin', stop.watcher, true);
  window.testTabStop = stop;
}"""
# Once reached (the page then stops swallowing presses): the presses it took, and whether
# the focus is still there; null before.
REACHED_JS = """() => {
  const stop = window.testTabStop;
  if (!stop.reached) return null;
  removeEventListener('keydown', stop.listener, true);
  removeEventListener('focusin', stop.watcher, true);
  return {presses: stop.presses, kept: document.activeElement.matches(stop.selector)};
}"""


def tab_to(page, selector: str, most: int = MOST_TABS) -> int:
    """Press Tab until the element with the focus matches `selector`, failing the test past
    `most` presses; the number of presses."""
    page.evaluate(STOP_AT_JS, selector)
    for _ in range(0, most, TAB_BATCH):
        for _ in range(TAB_BATCH):
            page.keyboard.press("Tab")
        reached = page.evaluate(REACHED_JS)
        if reached is not None:
            assert reached["kept"], f"the focus left {selector} after reaching it"
            return reached["presses"]
    pytest.fail(f"{selector} is not reachable with the Tab key")

"""Keyboard use of the sample site in Chromium: the skip link, Tab order, visible focus."""

import pytest

from .pages import resolve

MARK = """() => {
  const selector = 'a[href], button, input, select, textarea, summary, [tabindex]';
  const shown = e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden'
    && !e.closest('[hidden], [inert], [aria-hidden="true"]');
  const controls = [...document.querySelectorAll(selector)]
    .filter(e => !e.disabled && e.tabIndex >= 0 && shown(e));
  controls.forEach((e, i) => e.dataset.kbd = i);
  return controls.map(e => e.outerHTML.slice(0, 120));
}"""
STYLE = """e => { const s = getComputedStyle(e);
  return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow].join(' | '); }"""
ACTIVE = """() => { const e = document.activeElement;
  return e && e.dataset.kbd !== undefined ? Number(e.dataset.kbd) : null; }"""


@pytest.mark.parametrize("kind,lang", [("home", "vi"), ("article", "vi"), ("home", "en")])
def test_skip_link_is_the_first_stop_and_moves_focus_to_main(
    page, sample_site, sample_url, kind, lang
):
    page.goto(sample_url + resolve(sample_site.root, kind, lang))
    page.keyboard.press("Tab")
    first = page.evaluate("document.activeElement.className")
    assert "skip-link" in first
    box = page.evaluate("JSON.stringify(document.activeElement.getBoundingClientRect())")
    assert '"top":-' not in box, f"the focused skip link is on screen: {box}"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    assert page.evaluate("location.hash") == "#main"
    page.keyboard.press("Tab")
    inside = page.evaluate("document.getElementById('main').contains(document.activeElement)")
    assert inside, "the next Tab stays in the main content"


@pytest.mark.parametrize(
    "kind,lang", [("home", "vi"), ("article", "vi"), ("article", "en"), ("gallery", "km")]
)
def test_every_control_is_reached_by_tab_and_shows_focus(page, sample_site, sample_url, kind, lang):
    page.goto(sample_url + resolve(sample_site.root, kind, lang))
    controls = page.evaluate(MARK)
    assert len(controls) > 10
    unfocused = [page.eval_on_selector(f'[data-kbd="{i}"]', STYLE) for i in range(len(controls))]
    reached, invisible = [], []
    for _ in range(len(controls) + 20):
        page.keyboard.press("Tab")
        index = page.evaluate(ACTIVE)
        if index is None:
            continue  # e.g. focus left the page's controls for the browser's own UI
        if reached and index == reached[0]:
            break
        reached.append(index)
        focused = page.eval_on_selector(f'[data-kbd="{index}"]', STYLE)
        outline, _, _, shadow = focused.split(" | ")
        if focused == unfocused[index] or (outline == "none" and shadow == "none"):
            invisible.append(controls[index])
    missing = [controls[i] for i in range(len(controls)) if i not in reached]
    assert missing == [], f"not reachable with Tab: {missing}"
    assert invisible == [], f"no visible focus style: {invisible}"
    assert reached == sorted(reached), "Tab order follows the document order"

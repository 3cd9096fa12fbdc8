"""axe-core in Chromium: 0 WCAG 2.0/2.1/2.2 A and AA violations on one page of every template
type in each of the six language trees of the sample site (tests/browser/pages.py), plus the
portal fixture's paginated listing; a page with planted faults shows that the gate fails."""

import pytest
from axe_playwright_python.sync_playwright import Axe

import contract

from .pages import CASES, IDS, resolve

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
# Only the portal fixture has enough articles for a second page of a listing.
PAGINATED = ("/luu-tru/2024/trang/2/", "/en/archive/2024/page/2/")


@pytest.fixture(scope="module")
def axe():
    return Axe()


@pytest.fixture(scope="module")
def one_page(browser):
    """One tab for the whole table: a new context per page costs more than the check."""
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(10000)
    yield page
    context.close()


def violations(page, axe, url):
    response = page.goto(url)
    assert response.status == 200, url
    # resultTypes: only violations carry every node (less to collect and serialise).
    options = {"runOnly": {"type": "tag", "values": TAGS}, "resultTypes": ["violations"]}
    results = axe.run(page, options=options)
    assert results.response["passes"], "axe ran no checks"
    return results


@pytest.mark.parametrize("kind,lang", CASES, ids=IDS)
def test_no_axe_violations_sample_site(one_page, sample_site, sample_url, axe, kind, lang):
    url = resolve(sample_site.root, kind, lang)
    if lang != contract.DEFAULT_LANG and url == resolve(sample_site.root, kind, "vi"):
        # No page of this kind in this language: the tree links to the original, which the
        # row of the original's language checks.
        return
    results = violations(one_page, axe, sample_url + url)
    assert results.response["violations"] == [], f"{url}\n" + results.generate_report()


@pytest.mark.parametrize("url", PAGINATED)
def test_no_axe_violations_paginated_listing(page, site_url, axe, url):
    results = violations(page, axe, site_url + url)
    assert results.response["violations"] == [], results.generate_report()


def test_axe_reports_a_planted_image_without_alt_and_a_missing_lang(
    page, sample_site, tmp_path, axe
):
    html = sample_site.path("/").read_text(encoding="utf-8")
    assert '<html lang="vi">' in html
    broken = html.replace('<html lang="vi">', "<html>", 1).replace(
        "</main>", '<img src="/theme/none.png" width="10" height="10"></main>', 1
    )
    page.set_content(broken)
    found = {v["id"] for v in axe.run(page).response["violations"]}
    assert {"image-alt", "html-has-lang"} <= found, found

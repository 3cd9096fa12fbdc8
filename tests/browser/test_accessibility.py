"""axe-core in Chromium: 0 WCAG 2.2 AA violations on every kind of page, in vi and en."""

import pytest
from axe_playwright_python.sync_playwright import Axe

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PAGES = {
    "home": ("/", "/en/"),
    "article": ("/2024/ban-tin-huu-nghi-so-13/", "/en/2024/ban-tin-huu-nghi-so-13/"),
    "category": ("/chuyen-muc/hoi-nghi/", "/en/category/conferences/"),
    "tag": ("/tu-khoa/cum-3/", "/en/tag/people-to-people-diplomacy/"),
    "archive": ("/luu-tru/2024/trang/2/", "/en/archive/2024/"),
    "gallery": ("/thu-vien-anh/", "/en/gallery/"),
    "404": ("/404.html", "/en/404.html"),
}
CASES = [(kind, url) for kind, urls in PAGES.items() for url in urls]


@pytest.fixture(scope="module")
def axe():
    return Axe()


@pytest.mark.parametrize(
    "kind,url", CASES, ids=[f"{k}-{'en' if u.startswith('/en/') else 'vi'}" for k, u in CASES]
)
def test_no_axe_violations(page, site_url, axe, kind, url):
    response = page.goto(site_url + url)
    assert response.status == 200, url
    results = axe.run(page, options={"runOnly": {"type": "tag", "values": TAGS}})
    violations = results.response["violations"]
    assert results.response["passes"], "axe ran no checks"
    assert violations == [], results.generate_report()

"""Gate: every internal reference of every page resolves on a local server; external ones listed."""

from press.build import ROOT
from press.linkcheck import check_site

REPORT = ROOT / "reports" / "links.txt"


def test_no_broken_link_fragment_image_stylesheet_script_or_feed(sample_site):
    report = check_site(sample_site.root)
    report.write(REPORT)
    assert report.pages == len(sample_site.files())
    assert report.internal > report.pages * 10
    assert report.broken == [], "\n".join(map(str, report.broken))
    assert "https://vufo.org.vn" in report.external, "external links are listed"
    assert "mailto:lienhe@example.org" in report.external


def test_planted_dead_links_are_each_reported(site_copy):
    home = site_copy / "index.html"
    planted = {
        "/khong-co-trang-nay/": "HTTP 404",
        "/#khong-co-muc-nay": "no id 'khong-co-muc-nay'",
        "/images/khong-co.png": "HTTP 404",
        "/feeds/khong-co.atom.xml": "HTTP 404",
        "/tai-lieu/khong-co.pdf": "HTTP 404",
    }
    html = home.read_text(encoding="utf-8")
    extra = (
        '<a href="/khong-co-trang-nay/">x</a><a href="/#khong-co-muc-nay">y</a>'
        '<img src="/images/khong-co.png" alt="z"><a href="/tai-lieu/khong-co.pdf">pdf</a>'
        '<link rel="alternate" type="application/atom+xml" href="/feeds/khong-co.atom.xml">'
        '<a href="#main">ok</a><a href="https://example.com/ngoai">external</a>'
    )
    home.write_text(html.replace("</footer>", extra + "</footer>", 1), encoding="utf-8")
    report = check_site(site_copy, pages=[home])
    found = {b.url: b.reason for b in report.broken}
    assert found == planted
    assert {b.page for b in report.broken} == {"/"}
    assert "https://example.com/ngoai" in report.external


def test_a_feed_or_document_that_exists_is_fine(site_copy):
    (site_copy / "feeds").mkdir(exist_ok=True)
    (site_copy / "feeds" / "co.atom.xml").write_text("<feed/>")
    home = site_copy / "index.html"
    html = home.read_text(encoding="utf-8")
    link = '<link rel="alternate" type="application/atom+xml" href="/feeds/co.atom.xml">'
    home.write_text(html.replace("</head>", link + "</head>", 1), encoding="utf-8")
    assert check_site(site_copy, pages=[home]).broken == []

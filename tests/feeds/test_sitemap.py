"""sitemap.xml: every published page once, lastmod, reciprocal hreflang alternates; robots.txt."""

import xml.etree.ElementTree as ET

from conftest import FIXTURES, build_site
from feeds_support import DEV_BASE, LANG_TAGS, feeds_site  # noqa: F401 (fixture)

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def entries(site, name="sitemap.xml"):
    root = ET.parse(site.root / name).getroot()
    assert root.tag == f"{SM}urlset"
    result = {}
    for url in root.findall(f"{SM}url"):
        loc = url.findtext(f"{SM}loc")
        assert loc not in result, f"{loc} listed twice"
        alternates = {}
        for link in url.findall(f"{XHTML}link"):
            assert link.get("rel") == "alternate"
            assert link.get("hreflang") not in alternates
            alternates[link.get("hreflang")] = link.get("href")
        result[loc] = {"lastmod": url.findtext(f"{SM}lastmod"), "alternates": alternates}
    return result


def local(site, url):
    assert url.startswith(DEV_BASE + "/"), url
    return site.path(url[len(DEV_BASE):])


def test_sitemap_lists_every_published_page_once_and_nothing_else(feeds_site):
    listed = entries(feeds_site)
    pages = {
        f"{DEV_BASE}/" + name.removesuffix("index.html")
        for name in feeds_site.files()
        if not name.endswith("404.html")
        and not name.removesuffix("index.html").rstrip("/").endswith(("tim-kiem", "search"))
    }
    assert set(listed) == pages
    for loc in listed:
        assert local(feeds_site, loc).is_file(), loc
    assert not any("404" in loc or "ban-nhap" in loc or "tim-kiem" in loc for loc in listed)


def test_lastmod_comes_from_modified_or_date(feeds_site):
    listed = entries(feeds_site)
    assert listed[f"{DEV_BASE}/2024/hoi-nghi-cum-3-tai-khanh-hoa/"]["lastmod"] == "2024-03-02T16:45:00+07:00"
    assert listed[f"{DEV_BASE}/en/2024/hoi-nghi-cum-3-tai-khanh-hoa/"]["lastmod"] == "2024-02-29T09:30:00+07:00"
    assert listed[f"{DEV_BASE}/luu-tru/2023/"]["lastmod"] == "2023-06-15T14:00:00+07:00"
    # A listing's lastmod is its newest article's.
    assert listed[f"{DEV_BASE}/chuyen-muc/hoi-nghi/"]["lastmod"] == "2024-03-02T16:45:00+07:00"


def test_alternates_are_reciprocal_with_x_default(feeds_site):
    listed = entries(feeds_site)
    valid_tags = set(LANG_TAGS.values()) | {"x-default"}
    for loc, entry in listed.items():
        alternates = entry["alternates"]
        assert "x-default" in alternates, loc
        assert set(alternates) <= valid_tags, loc
        assert loc in alternates.values(), f"{loc} is not among its own alternates"
        for tag, href in alternates.items():
            assert href in listed, f"{loc}: alternate {href} is not in the sitemap"
            assert listed[href]["alternates"] == alternates, f"{loc} and {href} disagree"
    article = listed[f"{DEV_BASE}/2024/hoi-nghi-cum-3-tai-khanh-hoa/"]["alternates"]
    assert article == {
        "vi": f"{DEV_BASE}/2024/hoi-nghi-cum-3-tai-khanh-hoa/",
        "en": f"{DEV_BASE}/en/2024/hoi-nghi-cum-3-tai-khanh-hoa/",
        "fr": f"{DEV_BASE}/fr/2024/hoi-nghi-cum-3-tai-khanh-hoa/",
        "x-default": f"{DEV_BASE}/2024/hoi-nghi-cum-3-tai-khanh-hoa/",
    }
    untranslated = listed[f"{DEV_BASE}/2023/ky-tu-dac-biet-script-trong-tieu-de/"]["alternates"]
    assert set(untranslated) == {"vi", "x-default"}


def test_robots_txt_names_the_sitemap(feeds_site):
    robots = (feeds_site.root / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {DEV_BASE}/sitemap.xml" in robots.splitlines()


def test_a_large_site_gets_a_sitemap_index(tmp_path, feeds_site):
    site = build_site(
        FIXTURES / "feeds", tmp_path / "out",
        FEEDS={"sitemap_max_urls": 20},
    )
    root = ET.parse(site.root / "sitemap.xml").getroot()
    assert root.tag == f"{SM}sitemapindex"
    parts = [s.findtext(f"{SM}loc") for s in root.findall(f"{SM}sitemap")]
    assert len(parts) > 1
    together = {}
    for part in parts:
        chunk = entries(site, part[len(DEV_BASE) + 1:])
        assert 0 < len(chunk) <= 20
        together.update(chunk)
    assert set(together) == set(entries(feeds_site))

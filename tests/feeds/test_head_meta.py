"""Sharing and structured metadata: canonical, description, OpenGraph, JSON-LD."""

import json
import struct
import zlib

import pytest

from conftest import FIXTURES, ROOT
from feeds_support import DEV_BASE, feeds_site  # noqa: F401 (fixture)
from press.build import build

VI_ARTICLE = "/2024/hoi-nghi-cum-3-tai-khanh-hoa/"
SPECIAL = "/2023/ky-tu-dac-biet-script-trong-tieu-de/"


def og(soup):
    values = {}
    for meta in soup.head.select("meta[property]"):
        values.setdefault(meta["property"], []).append(meta["content"])
    return values


def json_ld(soup):
    return [json.loads(s.string) for s in soup.head.select('script[type="application/ld+json"]')]


def of_type(soup, kind):
    found = [data for data in json_ld(soup) if data["@type"] == kind]
    assert len(found) == 1, kind
    return found[0]


def test_article_has_canonical_description_and_opengraph(feeds_site):
    soup = feeds_site.html(VI_ARTICLE)
    assert soup.head.select_one('link[rel="canonical"]')["href"] == DEV_BASE + VI_ARTICLE
    assert soup.head.select_one('meta[name="description"]')["content"] == (
        "Mười một Liên hiệp miền Trung – Tây Nguyên nhìn lại năm 2023."
    )
    values = og(soup)
    assert values["og:type"] == ["article"]
    assert values["og:title"] == ["Hội nghị Cụm 3 tại Khánh Hòa"]
    assert values["og:url"] == [DEV_BASE + VI_ARTICLE]
    assert values["og:image"] == [f"{DEV_BASE}/images/2024/hoi-nghi.png"]
    assert values["og:image:width"] == ["64"] and values["og:image:height"] == ["48"]
    assert values["og:locale"] == ["vi_VN"]
    assert sorted(values["og:locale:alternate"]) == ["en_US", "fr_FR"]
    assert values["article:published_time"] == ["2024-02-28T10:01:00+07:00"]
    assert values["article:modified_time"] == ["2024-03-02T16:45:00+07:00"]


@pytest.mark.parametrize("url", [VI_ARTICLE, "/en/2024/hoi-nghi-cum-3-tai-khanh-hoa/", SPECIAL])
def test_articles_have_news_article_json_ld_with_required_fields(feeds_site, url):
    data = of_type(feeds_site.html(url), "NewsArticle")
    assert data["@context"] == "https://schema.org"
    for key in ("headline", "datePublished", "dateModified", "author", "publisher",
                "inLanguage", "image", "mainEntityOfPage"):
        assert data[key], key
    assert data["mainEntityOfPage"]["@id"] == DEV_BASE + url
    publisher = data["publisher"]
    assert publisher["@type"] == "Organization" and publisher["name"]
    logo = publisher["logo"]
    assert logo["url"].endswith(".png") and (feeds_site.root / "theme/img/logo.png").is_file()
    assert (logo["width"], logo["height"]) == (192, 192)
    for image in data["image"]:
        assert image["url"].startswith(DEV_BASE + "/")


def test_json_ld_values_are_the_articles(feeds_site):
    data = of_type(feeds_site.html("/en/2024/hoi-nghi-cum-3-tai-khanh-hoa/"), "NewsArticle")
    assert data["headline"] == "Cluster 3 meets in Khánh Hòa"
    assert data["inLanguage"] == "en"
    assert data["author"] == [{"@type": "Person", "name": "Ý Nhi"}]
    assert data["datePublished"] == "2024-02-29T09:30:00+07:00"
    assert data["image"] == [{"@type": "ImageObject", "url": f"{DEV_BASE}/images/2024/hoi-nghi.png",
                              "width": 64, "height": 48}]


def test_text_cannot_break_out_of_json_ld(feeds_site):
    html = feeds_site.path(SPECIAL).read_text(encoding="utf-8")
    head = html.split("</head>")[0]
    for block in head.split('<script type="application/ld+json">')[1:]:
        data = block.split("</script>")[0]
        assert "<" not in data and ">" not in data and "&" not in data
    soup = feeds_site.html(SPECIAL)
    assert of_type(soup, "NewsArticle")["headline"] == "Ký tự đặc biệt </script> & <!— trong tiêu đề"
    assert soup.head.select_one('meta[name="description"]')["content"] == "Tóm tắt có dấu < và & để thử."


def test_home_has_website_and_listings_have_breadcrumbs(feeds_site):
    site = of_type(feeds_site.html("/en/"), "WebSite")
    assert site["url"] == f"{DEV_BASE}/en/" and site["inLanguage"] == "en"
    assert og(feeds_site.html("/en/"))["og:type"] == ["website"]
    trail = of_type(feeds_site.html("/en/category/conferences/"), "BreadcrumbList")
    assert [(i["position"], i["name"], i["item"]) for i in trail["itemListElement"]] == [
        (1, "Home", f"{DEV_BASE}/en/"),
        (2, "Conferences", f"{DEV_BASE}/en/category/conferences/"),
    ]
    trail = of_type(feeds_site.html("/luu-tru/2023/"), "BreadcrumbList")
    assert [i["item"] for i in trail["itemListElement"]] == [
        f"{DEV_BASE}/", f"{DEV_BASE}/luu-tru/", f"{DEV_BASE}/luu-tru/2023/"
    ]


def test_404_page_has_no_canonical(feeds_site):
    assert feeds_site.html("/404.html").head.select_one('link[rel="canonical"]') is None


def png(width, height):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IEND", b"")


def jpeg(width, height):
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    sof2 = b"\xff\xc2" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + app0 + b"\xff\xc4\x00\x04\x00\x00" + sof2 + b"\xff\xd9"


def test_image_sizes_are_read_from_headers(tmp_path):
    from feeds.imagesize import image_size

    (tmp_path / "a.png").write_bytes(png(1200, 630))
    (tmp_path / "b.jpg").write_bytes(jpeg(800, 533))
    (tmp_path / "c.gif").write_bytes(b"GIF89a" + struct.pack("<HH", 40, 30) + b"\x00" * 8)
    (tmp_path / "d.txt").write_bytes(b"not an image")
    assert image_size(str(tmp_path / "a.png")) == (1200, 630)
    assert image_size(str(tmp_path / "b.jpg")) == (800, 533)
    assert image_size(str(tmp_path / "c.gif")) == (40, 30)
    assert image_size(str(tmp_path / "d.txt")) is None
    assert image_size(str(tmp_path / "missing.png")) is None


def test_wrong_feeds_settings_fail_the_build_with_one_clear_message(tmp_path):
    result = build(
        ROOT / "pelicanconf.py", content=FIXTURES / "feeds", output=tmp_path / "out",
        overrides={"FEEDS": {"max_items": "ten", "colour": "red"}},
    )
    assert not result.ok
    assert any("FEEDS['max_items'] must be of type int" in e for e in result.errors), result.errors
    assert any("unknown key 'colour'" in e for e in result.errors), result.errors
    assert not (tmp_path / "out").exists()

"""Language trees: URLs, translation links, hreflang, lang attributes, fallback listings."""

import re

import pytest

LANGS = ["vi", "en", "fr", "lo", "zh", "km"]
TAGS = {"vi": "vi", "en": "en", "fr": "fr", "lo": "lo", "zh": "zh-Hans", "km": "km"}
VI_ARTICLE = "/2024/hoi-nghi-cum-3-tai-khanh-hoa/"
EN_ARTICLE = "/en/2024/hoi-nghi-cum-3-tai-khanh-hoa/"


@pytest.mark.parametrize("code", LANGS)
def test_every_language_tree_has_a_home_page_in_its_language(fixture_site, code):
    home = fixture_site.html("/" if code == "vi" else f"/{code}/")
    assert home.html["lang"] == TAGS[code]


def test_vietnamese_is_at_the_root_and_english_under_en(fixture_site):
    assert fixture_site.path(VI_ARTICLE).exists()
    assert fixture_site.path(EN_ARTICLE).exists()
    assert fixture_site.html(VI_ARTICLE).html["lang"] == "vi"
    assert fixture_site.html(EN_ARTICLE).html["lang"] == "en"


def test_all_paths_are_ascii_clean_urls(fixture_site):
    for name in fixture_site.files("**/*"):
        assert name.isascii(), name
    for name in fixture_site.files():
        assert (
            name.endswith("/index.html") or name in ("index.html",) or name.endswith("404.html")
        ), name


def test_slug_of_a_vietnamese_original_without_slug_comes_from_its_title(fixture_site):
    slug = (
        "lien-hiep-huu-nghi-cum-so-5-chia-se-kinh-nghiem-tai-dong-thap-trong-nam-dau-"
        "thuc-hien-chi-thi-so-12-cttw-cua-ban-bi-thu-ve-doi-ngoai-nhan-dan"
    )
    assert fixture_site.path(f"/2022/{slug}/").exists()


def test_translation_without_slug_shares_its_originals_slug(fixture_site):
    # The English file has neither Slug nor Lang: both come from its file name.
    assert fixture_site.path(EN_ARTICLE).exists()
    assert fixture_site.path("/en/gioi-thieu/").exists()


def switcher(page):
    nav = page.select_one("nav.language-switcher")
    return {a["hreflang"]: a for a in nav.select("a")}


def test_language_links_are_reciprocal_with_endonyms(fixture_site):
    vi_links = switcher(fixture_site.html(VI_ARTICLE))
    en_links = switcher(fixture_site.html(EN_ARTICLE))
    assert vi_links["en"]["href"] == EN_ARTICLE
    assert en_links["vi"]["href"] == VI_ARTICLE
    assert vi_links["en"].get_text() == "English"
    assert en_links["vi"].get_text() == "Tiếng Việt"
    assert en_links["vi"]["lang"] == "vi"
    assert [a.get_text() for a in vi_links.values()] == [
        "Tiếng Việt",
        "English",
        "Français",
        "ລາວ",
        "中文",
        "ខ្មែរ",
    ]


def test_language_link_without_translation_goes_to_that_languages_home(fixture_site):
    links = switcher(fixture_site.html(VI_ARTICLE))
    assert links["fr"]["href"] == "/fr/"
    assert links["zh-Hans"]["href"] == "/zh/"


def alternates(page):
    return {
        link["hreflang"]: link["href"]
        for link in page.select('head link[rel="alternate"][hreflang]')
    }


def test_hreflang_lists_real_translations_and_x_default(fixture_site):
    expected = {"vi": VI_ARTICLE, "en": EN_ARTICLE, "x-default": VI_ARTICLE}
    assert alternates(fixture_site.html(VI_ARTICLE)) == expected
    assert alternates(fixture_site.html(EN_ARTICLE)) == expected


def test_untranslated_article_has_no_alternate_but_x_default(fixture_site):
    page = fixture_site.html("/tu-khoa/cum-5/")
    link = page.select_one("a[href^='/2022/']")
    article = fixture_site.html(link["href"])
    assert set(alternates(article)) == {"vi", "x-default"}


def test_listing_pages_exist_in_every_language(fixture_site):
    page = fixture_site.html("/chuyen-muc/hoi-nghi/")
    assert alternates(page) == {
        "vi": "/chuyen-muc/hoi-nghi/",
        "en": "/en/category/conferences/",
        "fr": "/fr/category/conferences/",
        "lo": "/lo/category/conferences/",
        "zh-Hans": "/zh/category/conferences/",
        "km": "/km/category/conferences/",
        "x-default": "/chuyen-muc/hoi-nghi/",
    }


def test_untranslated_articles_are_listed_in_their_own_language(fixture_site):
    page = fixture_site.html("/fr/category/conferences/")
    items = page.select(".article-item")
    assert len(items) == 2
    for item in items:
        assert item["lang"] == "vi"
        assert item.select_one(".lang-badge").get_text() == "Tiếng Việt"
        assert item.a["href"].startswith("/2")  # the Vietnamese page, not a copy under /fr/
    assert not any(name.startswith("fr/20") for name in fixture_site.files())


def test_english_tree_lists_the_translation_not_the_original(fixture_site):
    page = fixture_site.html("/en/category/conferences/")
    hrefs = [a["href"] for a in page.select(".article-item__title a")]
    assert EN_ARTICLE in hrefs
    assert VI_ARTICLE not in hrefs


def test_every_page_has_one_h1_and_a_lang(fixture_site):
    for name in fixture_site.files():
        page = fixture_site.html("/" + name)
        assert page.html.get("lang"), name
        assert len(page.find_all("h1")) == 1, name


def test_interface_is_in_the_page_language(fixture_site):
    assert fixture_site.html("/").select_one(".skip-link").get_text() == "Chuyển đến nội dung chính"
    assert (
        fixture_site.html("/fr/").select_one(".skip-link").get_text()
        == "Aller au contenu principal"
    )
    assert re.search(
        "[\u4e00-\u9fff]", fixture_site.html("/zh/").select_one(".skip-link").get_text()
    )

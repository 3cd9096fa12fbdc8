"""Each language tree speaks its own language: no interface string of another catalog on its
pages, outdated translations say so, numbers are formatted per locale."""

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from jinja2 import Environment

from multilingual import i18n
from multilingual.languages import make_languages

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "translations"
LANGS = ["vi", "en", "fr", "lo", "zh", "km"]
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")
EDGE_PUNCTUATION = " \t\n:：;,.。()（）%-–—«»\"'“”’៖។"
TRANSLATED = "2024/giao-luu-huu-nghi-viet-lao/"  # translated into all six languages
OUTDATED_EN = "/en/2024/hoi-nghi-cum-3-tai-khanh-hoa/"


def prefix(code):
    return "/" if code == "vi" else f"/{code}/"


def catalog_strings(code) -> set:
    with open(TRANSLATIONS / code / "LC_MESSAGES" / "messages.po", "rb") as handle:
        catalog = read_po(handle)
    strings = set()
    for message in catalog:
        if not message.id:
            continue
        texts = message.string if isinstance(message.string, (tuple, list)) else [message.string]
        for text in texts:
            for fragment in PLACEHOLDER.split(text):
                fragment = fragment.strip(EDGE_PUNCTUATION)
                if len(fragment) >= 2:
                    strings.add(fragment)
    return strings


@pytest.fixture(scope="module")
def fragments():
    return {code: catalog_strings(code) for code in LANGS}


def spaced_script(text):
    return bool(re.search(r"[A-Za-zÀ-ỹ]", text))


def interface_text(page, tag) -> str:
    """The page's own interface text: content and anything marked as another language removed."""
    for element in page.select("[lang]"):
        if element.name != "html" and element["lang"] != tag:
            element.decompose()
    for selector in (
        ".prose",
        ".lead",
        "article h1",
        ".article-item__title",
        ".article-item__summary",
        ".teaser__title",
        ".teaser__summary",
        ".event__title",
        "a.tag",
        ".union-name",
        ".site-name",
        "title",
    ):
        for element in page.select(selector):
            element.decompose()
    texts = [page.get_text(" ")]
    for attribute in ("aria-label", "title", "alt", "placeholder"):
        texts += [element[attribute] for element in page.select(f"[{attribute}]")]
    return " ".join(texts)


def foreign_strings(text, code, fragments):
    own = fragments[code]
    found = []
    for other in LANGS:
        if other == code:
            continue
        for fragment in fragments[other]:
            if fragment in own or any(fragment in mine for mine in own):
                continue  # the same words in both languages ("Archives" in en and fr)
            if spaced_script(fragment):
                hit = re.search(rf"(?<!\w){re.escape(fragment)}(?!\w)", text)
            else:
                hit = fragment in text
            if hit:
                found.append((other, fragment))
    return found


TAGS = {"vi": "vi", "en": "en", "fr": "fr", "lo": "lo", "zh": "zh-Hans", "km": "km"}


@pytest.mark.parametrize("code", LANGS)
@pytest.mark.parametrize("kind", ["home", "article", "archives"])
def test_pages_show_no_interface_string_of_another_language(
    translations_site, fragments, code, kind
):
    url = {
        "home": prefix(code),
        "article": prefix(code) + TRANSLATED,
        "archives": prefix(code) + ("luu-tru/" if code == "vi" else "archive/"),
    }[kind]
    page = translations_site.html(url)
    assert page.html["lang"] == TAGS[code]
    text = interface_text(page, TAGS[code])
    own_hits = [f for f in fragments[code] if f in text]
    assert len(own_hits) >= 3, f"{url}: expected the interface in {code}, found {own_hits}"
    assert foreign_strings(text, code, fragments) == [], url


def test_the_check_finds_another_languages_interface_text(fragments):
    assert ("en", "Related news") in foreign_strings("Trang chủ · Related news", "vi", fragments)
    assert ("zh", "首页") in foreign_strings("Home 首页", "en", fragments)
    assert foreign_strings("Related news · Archives", "en", fragments) == []


def test_outdated_translation_shows_a_notice_linking_to_the_newer_original(translations_site):
    page = translations_site.html(OUTDATED_EN)
    notice = page.select_one("aside.translation-notice")
    assert notice is not None
    assert "older than the original" in notice.get_text()
    link = notice.select_one("a")
    assert link["href"] == "/2024/hoi-nghi-cum-3-tai-khanh-hoa/"
    assert link["hreflang"] == "vi" and link.get_text() == "Tiếng Việt"
    assert notice.select_one("time")["datetime"] == "2024-03-05T08:00:00+07:00"


@pytest.mark.parametrize(
    "url",
    [
        "/fr/2024/hoi-nghi-cum-3-tai-khanh-hoa/",
        "/2024/hoi-nghi-cum-3-tai-khanh-hoa/",
        "/lo/" + TRANSLATED,
    ],
)
def test_current_translations_and_originals_show_no_notice(translations_site, url):
    assert translations_site.html(url).select_one(".translation-notice") is None


def test_untranslated_article_is_listed_in_its_language_without_duplicate_page(translations_site):
    home = translations_site.html("/zh/")
    item = next(li for li in home.select("li[lang]") if "học bổng" in li.get_text())
    assert item["lang"] == "vi"
    assert item.select_one(".lang-badge").get_text() == "Tiếng Việt"
    assert item.select_one("a")["href"] == "/2023/trao-hoc-bong-cho-hoc-sinh-ngheo-vuot-kho/"
    assert not translations_site.path(
        "/zh/2023/trao-hoc-bong-cho-hoc-sinh-ngheo-vuot-kho/"
    ).exists()


def render_number(code, template, **values):
    env = Environment(extensions=["jinja2.ext.i18n"], autoescape=True)
    i18n.install(env, i18n.load_catalogs(TRANSLATIONS, LANGS), "vi")
    return env.from_string(template).render(lang=make_languages()[code], **values)


@pytest.mark.parametrize(
    "code, expected",
    [("vi", "1.000"), ("en", "1,000"), ("fr", "1\u202f000"), ("lo", "1.000"), ("zh", "1,000")],
)
def test_number_filter_formats_per_locale(code, expected):
    assert render_number(code, "{{ n|number }}", n=1000) == expected


def test_archive_counts_use_the_number_filter_and_plural_forms():
    template = '{{ ngettext("(%(num)s article)", "(%(num)s articles)", n, num=n|number) }}'
    assert render_number("en", template, n=1234) == "(1,234 articles)"
    assert render_number("en", template, n=1) == "(1 article)"
    assert render_number("vi", template, n=1234) == "(1.234 bài viết)"
    assert render_number("fr", template, n=1234) == "(1\u202f234 articles)"


def test_archive_page_counts_articles_in_each_language(translations_site):
    years = (
        translations_site.html("/en/archive/").select_one(".year-list").get_text(" ", strip=True)
    )
    assert "2024 (2 articles)" in years and "2023 (1 article)" in years
    years = translations_site.html("/luu-tru/").select_one(".year-list").get_text(" ", strip=True)
    assert "2024 (2 bài viết)" in years


def test_notice_appears_on_rebuild_when_the_original_changes(tmp_path):
    """Rebuilding into the same output (page cache on) picks up a newly outdated translation."""
    import shutil

    from conftest import FIXTURES, build_site

    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "translations", content)
    original = content / "articles" / "2024" / "hoi-nghi-cum-3-tai-khanh-hoa.vi.md"
    text = original.read_text(encoding="utf-8")
    original.write_text(text.replace("Modified: 2024-03-05 08:00\n", ""), encoding="utf-8")
    site = build_site(content, tmp_path / "output")
    assert site.html(OUTDATED_EN).select_one(".translation-notice") is None
    original.write_text(text, encoding="utf-8")
    site = build_site(content, tmp_path / "output")
    assert site.html(OUTDATED_EN).select_one(".translation-notice") is not None


def test_footnote_back_links_are_labelled_in_the_pages_language(content_copy, tmp_path):
    """Python-Markdown titles a footnote's back-link in English; each page labels it in its own
    language instead."""
    from conftest import build_site

    for code in ("vi", "en"):
        article = content_copy / f"articles/2024/hoi-nghi-cum-3-tai-khanh-hoa.{code}.md"
        article.write_text(
            article.read_text(encoding="utf-8")
            + "\nChỉ thị số 12-CT/TW.[^1] Công văn số 8485-CV/TU.[^2]\n\n"
            + "[^1]: Ban Bí thư, 2022.\n[^2]: Tỉnh ủy, 2024.\n",
            encoding="utf-8",
        )
    site = build_site(content_copy, tmp_path / "out", CACHE_PATH=str(tmp_path / "cache"))
    expected = {"vi": "Quay lại chú thích {n} trong bài", "en": "Back to note {n} in the text"}
    for code, label in expected.items():
        url = ("" if code == "vi" else f"{code}/") + "2024/hoi-nghi-cum-3-tai-khanh-hoa/"
        page = site.html(url)
        links = page.select(".prose .footnote a.footnote-backref")
        assert [(a["href"], a["aria-label"]) for a in links] == [
            (f"#fnref:{n}", label.format(n=n)) for n in (1, 2)
        ], code
        assert "Jump back" not in site.path(url).read_text(encoding="utf-8"), code

"""Every article in content/ (the sample site, or unseen articles dropped into it) builds
into a page in its language, with reciprocal language links and hreflang alternates."""

from pathlib import Path

import pytest
from conftest import ROOT

TAGS = {"vi": "vi", "en": "en", "fr": "fr", "lo": "lo", "zh": "zh-Hans", "km": "km"}
ARTICLE_FILES = sorted((ROOT / "content" / "articles").rglob("*.md"))


def plain(text):
    """Undo typography (curly quotes, no-break spaces) to compare with the source."""
    for typeset, ascii_ in (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'), ("\xa0", " ")):
        text = text.replace(typeset, ascii_)
    return text


def test_sample_content_has_enough_articles():
    vi = [p for p in ARTICLE_FILES if p.name.endswith(".vi.md")]
    en = [p for p in ARTICLE_FILES if p.name.endswith(".en.md")]
    assert len(vi) >= 6 and len(en) >= 4
    stems = {p.name.split(".")[0] for p in en}
    assert any(p.name.split(".")[0] not in stems for p in vi), "one article only in Vietnamese"


@pytest.mark.parametrize("source", ARTICLE_FILES, ids=lambda p: p.name)
def test_article_builds_with_language_links(sample_site, source: Path):
    lang = source.name.split(".")[-2]
    prefix = "" if lang == "vi" else f"{lang}/"
    year = source.parent.name
    candidates = [name for name in sample_site.files(f"{prefix}{year}/*/index.html")]
    # The page whose <title> comes from this file's Title.
    title = next(
        line.split(":", 1)[1].strip()
        for line in source.read_text(encoding="utf-8").splitlines()
        if line.lower().startswith("title:")
    )
    matches = [
        name
        for name in candidates
        if plain(sample_site.html("/" + name).h1.get_text()) == plain(title)
    ]
    assert len(matches) == 1, (source, title)
    url = "/" + matches[0].removesuffix("index.html")
    assert url.isascii()
    page = sample_site.html(url)
    assert page.html["lang"] == TAGS[lang]
    alternates = {
        link["hreflang"]: link["href"]
        for link in page.select('head link[rel="alternate"][hreflang]')
    }
    assert alternates[TAGS[lang]] == url
    assert "x-default" in alternates
    for hreflang, href in alternates.items():
        if hreflang in ("x-default", TAGS[lang]):
            continue
        other = sample_site.html(href)
        back = {
            link["hreflang"]: link["href"]
            for link in other.select('head link[rel="alternate"][hreflang]')
        }
        assert back[TAGS[lang]] == url, "translations link to each other"
        switcher = {a["hreflang"]: a["href"] for a in other.select("nav.language-switcher a")}
        assert switcher[TAGS[lang]] == url
    time = page.select_one("article time")
    assert time["datetime"].endswith("+07:00")

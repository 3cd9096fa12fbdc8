"""Atom and RSS feeds: valid, in their language, absolute links, linked from page heads."""

import feedparser
import pytest
from feeds_support import DEV_BASE, LANG_TAGS, feeds_site  # noqa: F401 (fixture)

ATOM_VI = "feeds/all.atom.xml"


def parse(site, name):
    return feedparser.parse((site.root / name).read_bytes())


def all_feeds(site):
    return site.files("**/feeds/**/*.xml")


def tree_code(name):
    first = name.split("/", 1)[0]
    return first if first in LANG_TAGS else "vi"


def test_every_language_has_atom_and_rss_feeds(feeds_site):
    names = set(all_feeds(feeds_site))
    for code in LANG_TAGS:
        prefix = "" if code == "vi" else f"{code}/"
        assert f"{prefix}feeds/all.atom.xml" in names
        assert f"{prefix}feeds/all.rss.xml" in names
    assert "feeds/chuyen-muc/hoi-nghi.atom.xml" in names
    assert "en/feeds/category/conferences.rss.xml" in names
    assert "feeds/tu-khoa/cum-3.atom.xml" in names
    assert "en/feeds/tag/cluster-3.atom.xml" in names


def test_every_feed_parses_without_errors_in_its_language_with_absolute_links(feeds_site):
    names = all_feeds(feeds_site)
    assert len(names) > 50
    for name in names:
        parsed = parse(feeds_site, name)
        assert not parsed.bozo, (name, parsed.get("bozo_exception"))
        assert parsed.version in ("atom10", "rss20"), name
        assert parsed.feed.language == LANG_TAGS[tree_code(name)], name
        assert parsed.feed.link.startswith(DEV_BASE + "/"), name
        for entry in parsed.entries:
            assert entry.link.startswith(DEV_BASE + "/"), (name, entry.link)
            assert entry.id.startswith(DEV_BASE + "/"), (name, entry.id)


def test_feeds_hold_the_articles_of_their_language_with_summary_and_full_content(feeds_site):
    vi = parse(feeds_site, ATOM_VI)
    assert [e.title for e in vi.entries] == [
        "Hội nghị Cụm 3 tại Khánh Hòa",
        "Ký tự đặc biệt </script> & <!— trong tiêu đề",
    ]
    first = vi.entries[0]
    assert "Mười một Liên hiệp" in first.summary
    assert "Chỉ thị số 12-CT/TW" in first.content[0].value
    assert first.updated.startswith("2024-03-02T16:45")
    assert first.published.startswith("2024-02-28T10:01")
    # Images in the full content have absolute URLs too.
    assert f'src="{DEV_BASE}/images/2024/hoi-nghi.png"' in first.content[0].value
    english = parse(feeds_site, "en/feeds/all.rss.xml")
    assert [e.title for e in english.entries] == ["Cluster 3 meets in Khánh Hòa"]
    assert "Directive No. 12-CT/TW" in english.entries[0].content[0].value
    assert "Eleven friendship unions" in english.entries[0].summary
    french = parse(feeds_site, "fr/feeds/category/conferences.atom.xml")
    assert [e.title for e in french.entries] == ["Le groupe 3 se réunit à Khánh Hòa"]


def test_drafts_stay_out_of_feeds(feeds_site):
    for name in all_feeds(feeds_site):
        assert "Bản nháp" not in (feeds_site.root / name).read_text(encoding="utf-8"), name


def test_feed_titles_are_translated(feeds_site):
    assert parse(feeds_site, ATOM_VI).feed.title.endswith(": bài viết mới nhất")
    assert parse(feeds_site, "fr/feeds/all.atom.xml").feed.title.endswith(" : derniers articles")
    assert parse(feeds_site, "fr/feeds/category/conferences.atom.xml").feed.title.endswith(
        " : Conférences"
    )
    assert parse(feeds_site, "en/feeds/tag/cluster-3.atom.xml").feed.title.endswith(
        ": articles tagged Cluster 3"
    )


@pytest.mark.parametrize(
    "url, expected",
    [
        ("/", ["feeds/all.atom.xml", "feeds/all.rss.xml"]),
        (
            "/en/2024/hoi-nghi-cum-3-tai-khanh-hoa/",
            ["en/feeds/all.atom.xml", "en/feeds/all.rss.xml"],
        ),
        (
            "/chuyen-muc/hoi-nghi/",
            [
                "feeds/all.atom.xml",
                "feeds/all.rss.xml",
                "feeds/chuyen-muc/hoi-nghi.atom.xml",
                "feeds/chuyen-muc/hoi-nghi.rss.xml",
            ],
        ),
        (
            "/en/tag/cluster-3/",
            [
                "en/feeds/all.atom.xml",
                "en/feeds/all.rss.xml",
                "en/feeds/tag/cluster-3.atom.xml",
                "en/feeds/tag/cluster-3.rss.xml",
            ],
        ),
    ],
)
def test_page_heads_link_their_feeds(feeds_site, url, expected):
    head = feeds_site.html(url).head
    links = head.select(
        'link[rel="alternate"][type="application/atom+xml"], '
        'link[rel="alternate"][type="application/rss+xml"]'
    )
    hrefs = [link["href"] for link in links]
    assert hrefs == [f"{DEV_BASE}/{name}" for name in expected]
    for link in links:
        assert link["title"]
        assert (feeds_site.root / link["href"][len(DEV_BASE) + 1 :]).is_file()


def test_rebuild_keeps_the_feeds_an_edit_does_not_change(tmp_path, caplog):
    """multilingual.filecache: after an edit to a Vietnamese article, the English feeds are
    the previous build's files (hard links, same inode); the Vietnamese "all" feed is new
    and has the edit. test_pagecache compares such rebuilds with cold builds, byte for byte."""
    import shutil  # noqa: PLC0415

    from conftest import FIXTURES, build_site  # noqa: PLC0415

    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "portal", content)
    options = {"CACHE_PATH": str(tmp_path / "cache")}
    first = build_site(content, tmp_path / "out", **options)
    inodes = {name: (first.root / name).stat().st_ino for name in all_feeds(first)}
    article = content / "articles/2024/ban-tin-huu-nghi-so-5.vi.md"
    article.write_text(article.read_text(encoding="utf-8") + "\nMột câu mới thêm vào.\n")
    caplog.set_level("INFO", logger="feeds")
    second = build_site(content, tmp_path / "out", **options)

    assert (second.root / "en/feeds/all.atom.xml").stat().st_ino == inodes["en/feeds/all.atom.xml"]
    assert (second.root / ATOM_VI).stat().st_ino != inodes[ATOM_VI]
    assert "Một câu mới thêm" in (second.root / ATOM_VI).read_text(encoding="utf-8")
    kept = [r.getMessage() for r in caplog.records if r.getMessage().startswith("Feeds: ")]
    counts = kept[-1].split()
    assert 0 < int(counts[1]) < int(counts[3]) == len(inodes), kept

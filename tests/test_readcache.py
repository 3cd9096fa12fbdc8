"""The read cache and the sanitiser's cache, saved once every file is read: a second build
of unchanged content converts and cleans nothing again."""

import pytest
from conftest import FIXTURES, build_site
from validation import sanitize

import readcache


def test_a_second_build_converts_and_cleans_nothing_again(tmp_path, monkeypatch):
    cache, output = str(tmp_path / "cache"), tmp_path / "out"
    build_site(FIXTURES / "bilingual", output, CACHE_PATH=cache)

    converted, cleaned = [], []
    convert, clean = readcache.convert, sanitize.clean
    monkeypatch.setattr(readcache, "convert", lambda *a: converted.append(a) or convert(*a))
    monkeypatch.setattr(sanitize, "clean", lambda *a: cleaned.append(a) or clean(*a))
    build_site(FIXTURES / "bilingual", output, CACHE_PATH=cache)
    assert converted == []
    assert cleaned == []

    # and the caches still hold every file after that second build
    build_site(FIXTURES / "bilingual", output, CACHE_PATH=cache)
    assert converted == []
    assert cleaned == []


def test_one_files_link_definitions_and_footnotes_do_not_reach_the_next(content_copy, tmp_path):
    """Each process converts every file with one Markdown instance, reset between files: a
    reference-link definition or a footnote in one article must not leak into another."""
    first = content_copy / "articles/2022/cum-5-dong-thap.vi.md"
    second = content_copy / "articles/2024/hoi-nghi-cum-3-tai-khanh-hoa.vi.md"
    first.write_text(
        first.read_text(encoding="utf-8")
        + "\nXem [Chỉ thị][ct] và [Công văn][cv].[^1]\n\n"
        + "[ct]: https://vufo.org.vn/chi-thi-12\n\n[^1]: Ghi chú của bài thứ nhất.\n",
        encoding="utf-8",
    )
    second.write_text(
        second.read_text(encoding="utf-8")
        + "\nXem [Công văn][cv] và [Chỉ thị][ct].[^1]\n\n"
        + "[cv]: https://vufo.org.vn/cong-van-8485\n\n[^1]: Ghi chú của bài thứ hai.\n",
        encoding="utf-8",
    )
    site = build_site(content_copy, tmp_path / "out", CACHE_PATH=str(tmp_path / "cache"))

    long_slug = (
        "lien-hiep-huu-nghi-cum-so-5-chia-se-kinh-nghiem-tai-dong-thap-trong-nam-dau-"
        "thuc-hien-chi-thi-so-12-cttw-cua-ban-bi-thu-ve-doi-ngoai-nhan-dan"
    )

    def body(url):
        return site.html(url).select_one("main article")

    for url, own, other, note in (
        ("2022/" + long_slug + "/", "chi-thi-12", "cong-van-8485", "thứ nhất"),
        ("2024/hoi-nghi-cum-3-tai-khanh-hoa/", "cong-van-8485", "chi-thi-12", "thứ hai"),
    ):
        hrefs = [a["href"] for a in body(url).select("a[href^='https://vufo']")]
        assert hrefs == [f"https://vufo.org.vn/{own}"], url
        assert other not in str(body(url)), url
        notes = body(url).select(".footnote li")
        assert [li.get("id") for li in notes] == ["fn:1"], url
        assert note in notes[0].get_text(), url


@pytest.mark.parametrize(
    "text",
    [
        "2024-03-01",
        "2024-03-01 19:00",
        "2024-03-01 19:00:05",
        "2024-03-01T19:00",
        "2024-03-01  19:00",
        "2024-03-01 19:00+07:00",
        "2024/03/01 19:00",
        "01-03-2024",
        "2024-02-29 08:15",
        "2023-02-29",
        "2024-03-01 24:00",
    ],
)
def test_dates_read_directly_are_the_dates_pelican_reads(text):
    """The plain ISO dates of the contract skip dateutil; every date must come out as
    Pelican's own parser gives it (same value, type and zone), or fail as it fails."""
    from pelican import readers, utils

    readcache.parse_dates_directly()
    assert readers.get_date.direct
    try:
        expected = utils.get_date(text)
    except ValueError:
        with pytest.raises(ValueError):
            readers.get_date(text)
        return
    got = readers.get_date(text)
    assert (got, type(got), repr(got.tzinfo)) == (expected, type(expected), repr(expected.tzinfo))

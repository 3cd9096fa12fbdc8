"""Pages asked for first (multilingual.site.pages_wanted_first_signal) are written before
any other page, announced with first_pages_written_signal, and the site is the same."""

import hashlib

from conftest import FIXTURES, build_site, digests

from multilingual.site import first_pages_written_signal, pages_wanted_first_signal


def test_pages_wanted_first_are_written_before_the_others_and_change_nothing(tmp_path):
    content, cache = FIXTURES / "portal", str(tmp_path / "cache")
    build_site(content, tmp_path / "out", CACHE_PATH=cache, DEFAULT_PAGINATION=3)
    seen = {}

    def wanted(generator):
        article = next(
            p
            for p in generator.output_pages
            if p.template == "article.html" and p.lang.code == "vi"
        )
        seen["wanted"] = article.url
        return [article.url, "no/such/page/"]

    def written(generator, pages):
        seen["pages"] = [(url, path.read_bytes()) for url, path in pages]
        staging = path_root(pages[0][1], pages[0][0])
        seen["other pages then"] = [p for p in staging.rglob("index.html") if p != pages[0][1]]

    pages_wanted_first_signal.connect(wanted)
    first_pages_written_signal.connect(written)
    try:
        site = build_site(content, tmp_path / "out", CACHE_PATH=cache, DEFAULT_PAGINATION=3)
    finally:
        pages_wanted_first_signal.disconnect(wanted)
        first_pages_written_signal.disconnect(written)

    [(url, early)] = seen["pages"]
    assert url == seen["wanted"]
    assert seen["other pages then"] == []  # written before every other page
    assert site.path(url).read_bytes() == early  # what the build published
    cold = build_site(
        content,
        tmp_path / "cold",
        CACHE_PATH=str(tmp_path / "no-cache"),
        DEFAULT_PAGINATION=3,
        MULTILINGUAL={"page_cache": False},
    )
    assert digests(site.root) == digests(cold.root)


def path_root(file, url):
    """The output folder a page's file was written in (the build's staging folder)."""
    root = file
    for _ in range(url.count("/") + 1):
        root = root.parent
    return root

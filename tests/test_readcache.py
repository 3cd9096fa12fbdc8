"""The read cache and the sanitiser's cache, saved once every file is read: a second build
of unchanged content converts and cleans nothing again."""

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

"""One Pagefind bundle per language, cached while that language's pages stay the same."""

import json
import shutil

from conftest import FIXTURES, build_site
from search.languages import PageHashes, link_file, pages_digest, parts_of
from test_merge import page_urls


def bundles(cache):
    """The merged bundle of each language in the cache (its parts' bundles left out)."""
    return {
        path.name.split("-")[0]: path.name
        for path in (cache / "pagefind").iterdir()
        if path.is_dir() and ".part-" not in path.name
    }


def test_an_edit_reindexes_only_its_language(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "search", content)
    cache = tmp_path / "cache"
    build_site(content, tmp_path / "out", CACHE_PATH=str(cache))
    first = bundles(cache)
    assert set(first) == {"vi", "en"}

    build_site(content, tmp_path / "out", CACHE_PATH=str(cache))
    assert bundles(cache) == first, "unchanged pages: both languages come from the cache"

    article = next(content.rglob("*.vi.md"))
    article.write_text(article.read_text(encoding="utf-8") + "\nMột câu mới.\n", "utf-8")
    build_site(content, tmp_path / "out", CACHE_PATH=str(cache))
    second = bundles(cache)
    assert second["en"] == first["en"]
    assert second["vi"] != first["vi"]

    site = tmp_path / "out" / "pagefind"
    assert sorted(p.name for p in site.iterdir()) == ["en", "vi"]
    for code in ("en", "vi"):
        entry = json.loads((site / code / "pagefind-entry.json").read_text("utf-8"))
        assert list(entry["languages"]) == [code], "one language per bundle"
        info = entry["languages"][code]
        assert (site / code / f"pagefind.{info['hash']}.pf_meta").is_file()
        assert (site / code / "pagefind.js").is_file()
        assert (site / code / "pagefind-worker.js").is_file()
    assert not list(site.rglob("pagefind-ui.js")), "Pagefind's own UI is not published"


def test_a_bundle_file_replaces_one_already_in_the_site(tmp_path):
    """An output built in place (plain `pelican`, not press/build.py's staging folder) still
    has the previous build's pagefind-entry.json: the new bundle's must replace it."""
    source, target = tmp_path / "new.json", tmp_path / "site.json"
    source.write_text('{"languages": {"vi": {"hash": "vi_new"}}}', "utf-8")
    target.write_text('{"languages": {"vi": {"hash": "vi_old"}}}', "utf-8")
    link_file(source, target)
    assert target.read_text("utf-8") == source.read_text("utf-8")
    assert target.stat().st_ino == source.stat().st_ino, "linked, not copied"


def test_a_language_larger_than_a_part_is_indexed_in_parts_and_merged(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "search", content)
    cache, out = tmp_path / "cache", tmp_path / "out"
    build_site(content, out, CACHE_PATH=str(cache), SEARCH={"part_size": 1})
    parts = {path.name for path in (cache / "pagefind").glob("vi.part-*")}
    assert len(parts) >= 2
    trees = {"en", "fr", "lo", "zh", "km"}
    vi_pages = sorted(
        "/" + str(path.parent.relative_to(out)) + "/"
        for path in out.rglob("index.html")
        if path.relative_to(out).parts[0] not in trees
        and "data-pagefind-body" in path.read_text(encoding="utf-8")
    )
    assert len(vi_pages) == len(parts), "parts of one page at part_size 1"
    assert page_urls(out / "pagefind" / "vi") == vi_pages, "every page, numbered by URL"

    article = content / "articles" / "2025" / "nha-tho-dong.vi.md"
    article.write_text(article.read_text(encoding="utf-8") + "\nMột câu mới.\n", "utf-8")
    build_site(content, out, CACHE_PATH=str(cache), SEARCH={"part_size": 1})
    after = {path.name for path in (cache / "pagefind").glob("vi.part-*")}
    assert len(after - parts) == 1 and len(parts - after) == 1, "only the edited part again"

    build_site(content, out, CACHE_PATH=str(cache))  # parts of 60 again: one part
    assert len(list((cache / "pagefind").glob("vi.part-*"))) == 1, "the old parts go"
    assert page_urls(out / "pagefind" / "vi") == vi_pages
    assert len(list((cache / "pagefind").glob("vi-*"))) == 1


def test_parts_are_runs_of_paths_that_a_new_page_barely_moves():
    paths = [f"{2000 + n % 20}/bai-{n:05}/index.html" for n in range(3000)]
    parts = parts_of(paths, 150)
    assert [path for part in parts for path in part] == sorted(paths), "consecutive, each once"
    assert 10 <= len(parts) <= 40
    assert all(75 <= len(part) <= 300 for part in parts[:-1]), "between half and twice 150"
    grown = parts_of([*paths, "2010/bai-moi/index.html"], 150)
    changed = [part for part in grown if part not in parts]
    assert len(changed) <= 2, "a new page changes the part it joins (and may move one cut)"
    assert sum(part in grown for part in parts) >= len(parts) - 2


def test_page_hashes_follow_the_file_and_are_kept_between_builds(tmp_path):
    site, cache = tmp_path / "site", tmp_path / "pages.pickle"
    page = site / "2024" / "bai" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text("<main data-pagefind-body>Một</main>", "utf-8")
    paths = ["2024/bai/index.html"]

    def by_bytes():  # no cache: every page read
        return pages_digest(site, paths, PageHashes(tmp_path / "none.pickle"))

    first = by_bytes()
    hashes = PageHashes(cache)
    assert pages_digest(site, paths, hashes) == first
    hashes.save()
    assert pages_digest(site, paths, PageHashes(cache)) == first, "known from the cache"
    page.unlink()  # the build writes a page anew, never into the file it kept
    page.write_text("<main data-pagefind-body>Hai</main>", "utf-8")
    assert pages_digest(site, paths, PageHashes(cache)) == by_bytes() != first

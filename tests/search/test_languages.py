"""One Pagefind bundle per language, cached while that language's pages stay the same."""

import json
import shutil

from conftest import FIXTURES, build_site


def bundles(cache):
    return {path.name.split("-")[0]: path.name for path in (cache / "pagefind").iterdir()}


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

"""One Pagefind run per language, cached while that language's pages stay the same."""

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

    entry = json.loads((tmp_path / "out" / "pagefind" / "pagefind-entry.json").read_text("utf-8"))
    assert sorted(entry["languages"]) == ["en", "vi"]
    for info in entry["languages"].values():
        assert (tmp_path / "out" / "pagefind" / f"pagefind.{info['hash']}.pf_meta").is_file()

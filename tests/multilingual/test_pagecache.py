"""The page cache's fast path gives byte-identical output to a cold build.

Each case builds a content tree (so the cache is warm), changes the content, rebuilds
with the cache and compares every file with a cold build of the changed content made
without any cache. A template reading something the cache does not track shows up here
as a stale page: give templates derived data through attributes of content objects or
trees, or through methods of objects with a `cache_key` listed in the context under
`multilingual.pagecache.PROVIDERS_KEY` (see that module's docstring).
"""

import hashlib
import shutil

import pytest
from conftest import FIXTURES, ROOT, build_site, digests

ARTICLES = "articles/2024"
SAMPLE_ARTICLE = "articles/2024/cum-lien-hiep-huu-nghi-so-3-tong-ket-nam-2023.vi.md"


def edit_body(content):
    path = content / ARTICLES / "ban-tin-huu-nghi-so-5.vi.md"
    path.write_text(
        path.read_text(encoding="utf-8") + "\nMột câu mới thêm vào.\n", encoding="utf-8"
    )


def edit_title(content):
    path = content / ARTICLES / "ban-tin-huu-nghi-so-5.vi.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Title: ", "Title: Đã sửa – ", 1), encoding="utf-8")


def add_article(content):
    source = (content / ARTICLES / "ban-tin-huu-nghi-so-5.vi.md").read_text(encoding="utf-8")
    lines = [
        line
        for line in source.splitlines()
        if not line.startswith(("Title:", "Date:", "Slug:", "Featured:"))
    ]
    (content / ARTICLES / "bai-moi-cung-the.vi.md").write_text(
        "Title: Bài mới cùng từ khóa\nDate: 2024-12-30 09:00\n" + "\n".join(lines) + "\n",
        encoding="utf-8",
    )


def delete_article(content):
    (content / ARTICLES / "ban-tin-huu-nghi-so-5.vi.md").unlink()


def retag(content):
    path = content / ARTICLES / "ban-tin-huu-nghi-so-6.vi.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Tags: ", "Tags: Từ khóa mới, ", 1), encoding="utf-8")


def sample_edit_title_and_body(content):
    path = content / SAMPLE_ARTICLE
    text = path.read_text(encoding="utf-8").replace("Title: ", "Title: Đã sửa – ", 1)
    path.write_text(text + "\nThêm một câu trích Chỉ thị 12-CT/TW.\n", encoding="utf-8")


def sample_add_citing_article(content):
    (content / "articles" / "2024" / "bai-moi-trich-chi-thi.vi.md").write_text(
        "Title: Bài mới trích dẫn chỉ thị\nDate: 2024-12-30 09:00\nCategory: directives\n"
        "Tags: đối ngoại nhân dân\nProvinces: Khánh Hòa\nCluster: 3\n"
        "Event_start: 2024-12-31\nEvent_location: Khánh Hòa\n\n"
        "Các tỉnh tiếp tục thực hiện Chỉ thị số 12-CT/TW và Quy chế số 03/QC-C3.\n",
        encoding="utf-8",
    )


def sample_delete_translation(content):
    (content / SAMPLE_ARTICLE.replace(".vi.md", ".en.md")).unlink()


CASES = [
    ("portal", edit_body),
    ("portal", edit_title),
    ("portal", add_article),
    ("portal", delete_article),
    ("portal", retag),
    ("sample", sample_edit_title_and_body),
    ("sample", sample_add_citing_article),
    ("sample", sample_delete_translation),
]


@pytest.mark.parametrize("tree, change", CASES, ids=lambda c: getattr(c, "__name__", c))
def test_fast_rebuild_equals_cold_build(tmp_path, tree, change):
    assert_fast_rebuild_equals_cold_build(tmp_path, tree, change)


@pytest.mark.parametrize("change", [sample_edit_title_and_body, sample_add_citing_article])
def test_fast_rebuild_equals_cold_build_with_many_batches(tmp_path, monkeypatch, change):
    """Workers send their pages back in batches (render.BATCH); the page cache recognises a
    batch's shared dependencies by id(), which another batch may reuse once the first is
    freed. Batches of 7 pages on both workers: a mix-up would keep a stale page."""
    from multilingual import render  # noqa: PLC0415 - the plugin path is set by conftest

    monkeypatch.setattr(render, "PARALLEL_THRESHOLD", 0)
    monkeypatch.setattr(render, "BATCH", 7)
    assert_fast_rebuild_equals_cold_build(tmp_path, "sample", change, MULTILINGUAL={"workers": 2})


def assert_fast_rebuild_equals_cold_build(tmp_path, tree, change, **settings):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "portal" if tree == "portal" else ROOT / "content", content)
    cache = str(tmp_path / "cache")
    options = {"CACHE_PATH": cache, "DEFAULT_PAGINATION": 3, **settings}
    fast = build_site(content, tmp_path / "fast", **options)
    change(content)
    fast = build_site(content, tmp_path / "fast", **options)
    cold = build_site(
        content,
        tmp_path / "cold",
        CACHE_PATH=str(tmp_path / "no-cache"),
        DEFAULT_PAGINATION=3,
        MULTILINGUAL={"page_cache": False},
    )
    fast_files, cold_files = digests(fast.root), digests(cold.root)
    stale = sorted(
        name
        for name in set(fast_files) | set(cold_files)
        if fast_files.get(name) != cold_files.get(name)
    )
    assert not stale, f"pages differ from a cold build (stale page cache?): {stale[:10]}"


def test_unchanged_content_renders_nothing_again(tmp_path, caplog):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "portal", content)
    options = {"CACHE_PATH": str(tmp_path / "cache"), "DEFAULT_PAGINATION": 3}
    build_site(content, tmp_path / "out", **options)
    caplog.set_level("INFO", logger="multilingual.generator")
    build_site(content, tmp_path / "out", **options)
    rendered = [r.getMessage() for r in caplog.records if r.getMessage().startswith("Rendered")]
    assert rendered and rendered[-1].startswith("Rendered 0 of ")


@pytest.mark.parametrize("workers", [1, 2])
def test_sample_site_rebuild_renders_nothing_again(tmp_path, caplog, monkeypatch, workers):
    """Every page of the sample site is cacheable, the document index (document entries
    nest deeper than the other pages' data) included, whichever order the workers
    describe shared objects in."""
    from multilingual import render  # noqa: PLC0415 - the plugin path is set by conftest

    monkeypatch.setattr(render, "PARALLEL_THRESHOLD", 0)  # fork even for the sample site
    options = {"CACHE_PATH": str(tmp_path / "cache"), "MULTILINGUAL": {"workers": workers}}
    build_site(ROOT / "content", tmp_path / "out", **options)
    caplog.set_level("INFO", logger="multilingual.generator")
    build_site(ROOT / "content", tmp_path / "out", **options)
    rendered = [r.getMessage() for r in caplog.records if r.getMessage().startswith("Rendered")]
    assert rendered and rendered[-1].startswith("Rendered 0 of "), rendered

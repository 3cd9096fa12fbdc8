"""The page cache's fast path gives byte-identical output to a cold build.

Each case builds the portal fixture (so the cache is warm), changes the content,
rebuilds with the cache and compares every file with a cold build of the changed
content made without any cache. A template reading something the cache does not
track shows up here as a stale page.
"""

import hashlib
import shutil

import pytest
from conftest import FIXTURES, build_site

ARTICLES = "articles/2024"


def digests(folder):
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


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


@pytest.mark.parametrize("change", [edit_body, edit_title, add_article, delete_article, retag])
def test_fast_rebuild_equals_cold_build(tmp_path, change):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "portal", content)
    cache = str(tmp_path / "cache")
    options = {"CACHE_PATH": cache, "DEFAULT_PAGINATION": 3}
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
    assert digests(fast.root) == digests(cold.root)


def test_unchanged_content_renders_nothing_again(tmp_path, caplog):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "portal", content)
    options = {"CACHE_PATH": str(tmp_path / "cache"), "DEFAULT_PAGINATION": 3}
    build_site(content, tmp_path / "out", **options)
    caplog.set_level("INFO", logger="multilingual.generator")
    build_site(content, tmp_path / "out", **options)
    rendered = [r.getMessage() for r in caplog.records if r.getMessage().startswith("Rendered")]
    assert rendered and rendered[-1].startswith("Rendered 0 of ")

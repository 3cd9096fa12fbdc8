"""Translations whose titles coincide are not duplicates.

Pelican derives a slug from each file's own title before the multilingual plugin gives a
translation its original's slug. Two English translations titled alike ("Delegation
welcomed in 2025") used to make Pelican warn "There are 2 items with slug …", which fails a
strict (CI) build although the site has no duplicate page.
"""

from conftest import build


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_translations_with_the_same_title_build_strictly(tmp_path):
    content = tmp_path / "content"
    for stem, title in (("don-doan-a", "Đón đoàn Hàn Quốc"), ("don-doan-b", "Đón đoàn Nhật Bản")):
        write(
            content / "articles/2025" / f"{stem}.vi.md",
            f"Title: {title}\nDate: 2025-03-01 09:00\nCategory: conferences\n\nNội dung.\n",
        )
        write(
            content / "articles/2025" / f"{stem}.en.md",
            "Title: Delegation welcomed\nDate: 2025-03-01 09:00\nCategory: conferences\n\nBody.\n",
        )
    result = build(content=content, output=tmp_path / "out", strict=True)
    assert result.ok, result.errors + result.warnings
    assert not result.warnings
    for slug in ("don-doan-han-quoc", "don-doan-nhat-ban"):  # the originals' slugs
        assert (tmp_path / "out" / "en" / "2025" / slug / "index.html").is_file()

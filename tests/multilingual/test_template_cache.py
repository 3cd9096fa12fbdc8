"""Compiled templates are kept between builds (multilingual.generator.bytecode_cache), and
an edited template, or other Jinja options, are never served from what was compiled before."""

import shutil

from conftest import FIXTURES, ROOT, build_site


def theme_copy(tmp_path):
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    return theme


def compiled(cache):
    return sorted(p for p in cache.glob("jinja-*/*") if p.is_file())


def test_a_build_keeps_the_compiled_templates_and_the_next_uses_the_edited_one(tmp_path):
    theme, cache = theme_copy(tmp_path), tmp_path / "cache"
    settings = {"THEME": str(theme), "CACHE_PATH": str(cache)}
    first = build_site(FIXTURES / "bilingual", tmp_path / "out", **settings)
    assert len(compiled(cache)) >= 10  # base, pages, partials and macros
    assert "Bản tin thử nghiệm" not in first.path("").read_text(encoding="utf-8")

    base = theme / "templates" / "base.html"
    text = base.read_text(encoding="utf-8")
    assert "</main>" in text
    base.write_text(text.replace("</main>", "<p>Bản tin thử nghiệm</p></main>", 1))
    second = build_site(FIXTURES / "bilingual", tmp_path / "out", **settings)
    assert "Bản tin thử nghiệm" in second.path("").read_text(encoding="utf-8")
    assert "Bản tin thử nghiệm" in second.path("en/").read_text(encoding="utf-8")


def test_other_jinja_options_compile_into_another_folder(tmp_path):
    cache = tmp_path / "cache"
    build_site(FIXTURES / "bilingual", tmp_path / "a", CACHE_PATH=str(cache))
    options = {"trim_blocks": False, "lstrip_blocks": False, "autoescape": True}
    build_site(
        FIXTURES / "bilingual", tmp_path / "b", CACHE_PATH=str(cache), JINJA_ENVIRONMENT=options
    )
    folders = sorted(p.name for p in cache.glob("jinja-*"))
    assert len(folders) == 2, folders
    # Without trim_blocks, the block tags' line ends stay in the page: a stale compilation
    # of the trimmed templates would not have them.
    a = (tmp_path / "a" / "index.html").read_text(encoding="utf-8")
    b = (tmp_path / "b" / "index.html").read_text(encoding="utf-8")
    assert b.count("\n") > a.count("\n")

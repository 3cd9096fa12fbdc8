"""The search plugin without a browser: folding, symbol forms, settings, and what the build
writes (search pages, index-only markup, the Pagefind bundle, rebuilt on every build)."""

import gzip
import re
import unicodedata

import pytest
from conftest import FIXTURES, build_site
from search import fold, index_size
from search.search import index_only, settings_problems, symbol_forms

VOWELS = "aăâeêioôơuưy"
BASE = {"ă": "a", "â": "a", "ê": "e", "ô": "o", "ơ": "o", "ư": "u"}
TONES = ("\u0300", "\u0301", "\u0309", "\u0303", "\u0323", "")  # huyền sắc hỏi ngã nặng, none


@pytest.mark.parametrize("vowel", VOWELS)
def test_fold_removes_every_tone_and_vowel_mark_in_both_cases(vowel):
    for tone in TONES:
        letter = unicodedata.normalize("NFC", vowel + tone)
        assert len(letter) == 1, "a precomposed letter"
        plain = BASE.get(vowel, vowel)
        assert fold(letter) == plain
        assert fold(letter.upper()) == plain.upper()


def test_fold_maps_d_with_stroke_and_keeps_other_scripts():
    assert fold("đ Đ") == "d D"
    assert fold("Đồng Tháp được Chỉ thị Liên hiệp hữu nghị Khánh Hòa") == (
        "Dong Thap duoc Chi thi Lien hiep huu nghi Khanh Hoa"
    )
    # Decomposed input folds the same way as precomposed input.
    assert fold(unicodedata.normalize("NFD", "Ở Đắk Lắk")) == "O Dak Lak"
    # Lao and Khmer vowel signs are combining marks too: they must stay.
    for text in ("ມິດຕະພາບ", "មិត្តភាព", "越南友好组织联合会", "12-CT/TW"):
        assert fold(text) == text


def test_symbol_forms_cover_what_readers_type():
    forms = symbol_forms("Chỉ thị số 12-CT/TW và Quy chế 03/QC-C3, Hướng dẫn số 27-HD/LHHN.")
    assert "12 CT TW" in forms and "12CTTW" in forms and "12-CT/TW" in forms
    assert "03 QC C3" in forms and "03QCC3" in forms
    assert "27 HD LHHN" in forms
    assert "12-CT/TW" in symbol_forms("Chỉ thị 12/CT-TW"), "either shape, one document"
    assert "93 2009 ND CP" in symbol_forms("Nghị định 93/2009/NĐ-CP")
    assert symbol_forms("Năm 2024 có 12 hội nghị, ngày 20/7/2021, COVID-19") == []


def test_index_only_text_folds_the_words_with_d_stroke_in_order():
    folded, symbols = index_only(
        "Đồng Tháp", "<p>Chỉ thị <em>12-CT/TW</em> được đoàn ĐỒNG THÁP đón</p>"
    )
    # Pagefind folds the other marks itself (tests/browser/test_search.py checks each letter).
    assert folded == "Dong duoc doan DONG don"
    assert symbols == "12-CT/TW 12 CT TW 12CTTW"
    assert index_only("Khánh Hòa", "<p>Chỉ thị</p>") == ("", "")
    assert index_only("Plain English", "<p>text</p>") == ("", "")


def test_settings_are_checked():
    assert settings_problems({"index": True, "fold": False, "bundle_dir": "pagefind"}) == []
    problems = settings_problems({"fold": "yes", "colour": 1, "bundle_dir": "../x"})
    assert any("'fold'" in p and "bool" in p for p in problems)
    assert any("unknown key 'colour'" in p for p in problems)
    assert any("bundle_dir" in p for p in problems)
    assert settings_problems([]) == ["SEARCH must be a dict (see pelicanconf.py)"]
    assert settings_problems({"part_size": 500}) == []
    for wrong in (0, -3, True, "2000"):
        assert any("part_size" in p for p in settings_problems({"part_size": wrong})), wrong


SEARCH_URLS = {
    "vi": "tim-kiem/",
    "en": "en/search/",
    "fr": "fr/search/",
    "lo": "lo/search/",
    "zh": "zh/search/",
    "km": "km/search/",
}


def test_every_language_tree_has_a_search_page(sample_site):
    for code, url in SEARCH_URLS.items():
        html = sample_site.html(url)
        assert html.html["lang"].startswith(code)
        # fr, lo, zh and km list the Vietnamese originals: they search those.
        searched = code if code == "en" else "vi"
        assert html.select_one("[data-search]")["data-bundle"] == f"/pagefind/{searched}/"
        scripts = html.find_all("script")
        assert all(s.get("src") and not s.string for s in scripts), "no inline script"
        assert any(s["src"].endswith("/theme/js/search.js") for s in scripts)
        form = html.select_one("form[role=search]")
        assert form.has_attr("hidden"), "the form appears only with JavaScript"
        field = form.select_one("input[type=search]")
        assert form.select_one(f"label[for={field['id']}]").get_text(strip=True)
        assert html.select_one("[data-search-status]")["aria-live"] == "polite"
    vi = sample_site.html("tim-kiem/")
    assert vi.h1.get_text() == "Tìm kiếm"
    assert vi.select_one("form label").get_text() == "Tìm trong bản tin"
    assert "{count}" in vi.select_one("[data-search]")["data-text-many"]
    nojs = vi.select_one("[data-search-nojs]")
    assert "JavaScript" in nojs.get_text()
    links = [a["href"] for a in nojs.find_all("a")]
    assert "/luu-tru/" in links and "/chuyen-muc/hoi-nghi/" in links
    assert (
        sample_site.html("en/search/").select_one("[data-search-nojs] a")["href"] == "/en/archive/"
    )


def test_only_content_pages_carry_the_index_region(sample_site):
    marked = set()
    for name in sample_site.files():
        if name.startswith("pagefind/"):
            continue
        if "data-pagefind-body" in sample_site.root.joinpath(name).read_text(encoding="utf-8"):
            marked.add(name)
    assert "2022/cum-5-chia-se-kinh-nghiem-dong-thap/index.html" in marked
    assert "en/gioi-thieu/index.html" in marked
    content_page = re.compile(r"^([a-z]{2}/)?(\d{4}/[^/]+|gioi-thieu|lien-he)/index\.html$")
    assert all(content_page.match(name) for name in marked), sorted(marked)
    for listing in (
        "index.html",
        "en/index.html",
        "chuyen-muc/hoi-nghi/index.html",
        "luu-tru/index.html",
        "luu-tru/2024/index.html",
        "tim-kiem/index.html",
    ):
        assert listing not in marked


def test_article_carries_folded_copy_filters_and_meta(sample_site):
    html = sample_site.html("2022/cum-5-chia-se-kinh-nghiem-dong-thap/")
    body = html.select_one("[data-pagefind-body]")
    copy = body.select_one(".search-index-only")
    assert copy.has_attr("hidden") and copy["aria-hidden"] == "true"
    words = copy.get_text().split()
    assert "Dong" in words and "12CTTW" in words
    assert "Thap" not in words, "Pagefind folds the marks of tháp itself"
    assert "Đồng Tháp" in body.select_one(".prose").get_text()
    assert body.select_one("[data-pagefind-filter=category]").get_text() == "Hội nghị"
    assert body.select_one("time")["data-pagefind-filter"] == "year:2022"
    assert body.select_one("time")["data-pagefind-meta"] == "date"
    assert body.select("[data-pagefind-filter=province]")
    assert body.select_one('[data-pagefind-meta="language:Tiếng Việt"]') is not None


def fragments(site):
    """The pages of the Pagefind index: URL -> indexed text."""
    pages = {}
    for path in (site.root / "pagefind").glob("*/fragment/*.pf_fragment"):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(b"pagefind_dcd")
        import json

        entry = json.loads(data[len(b"pagefind_dcd") :])
        pages[entry["url"]] = entry["content"]
    return pages


def test_pagefind_indexes_each_language_and_only_content_pages(sample_site):
    bundles = sample_site.root / "pagefind"
    metas = {p.parent.name: p.name.split("_")[0] for p in bundles.glob("*/pagefind.*.pf_meta")}
    assert metas == {"vi": "pagefind.vi", "en": "pagefind.en"}
    assert (bundles / "vi" / "pagefind.js").is_file() and (bundles / "en" / "pagefind.js").is_file()
    pages = fragments(sample_site)
    assert "/2022/cum-5-chia-se-kinh-nghiem-dong-thap/" in pages
    assert "/en/2022/cum-5-chia-se-kinh-nghiem-dong-thap/" in pages
    assert "/" not in pages and "/tim-kiem/" not in pages and "/luu-tru/" not in pages
    assert "duoc" in pages["/2024/trien-khai-chi-thi-12-tai-dia-phuong/"]
    assert index_size(sample_site.root) > 0


def test_the_index_is_rebuilt_on_every_build(content_copy, tmp_path):
    output = tmp_path / "output"
    first = build_site(content_copy, output)
    assert not any("Ngày hội giao lưu" in text for text in fragments(first).values())
    (content_copy / "articles" / "2024" / "ngay-hoi.vi.md").write_text(
        "Title: Ngày hội giao lưu\nDate: 2024-05-01 08:00\nCategory: local-activities\n\n"
        "Đoàn đại biểu đã đến dự.\n",
        encoding="utf-8",
    )
    second = build_site(content_copy, output)
    texts = fragments(second)
    assert any("Ngày hội giao lưu" in text and "Doan dai da den" in text for text in texts.values())


def test_a_bad_search_setting_stops_the_build_with_one_clear_message(tmp_path):
    from press.build import build

    result = build(
        content=FIXTURES / "bilingual",
        output=tmp_path / "output",
        overrides={"SEARCH": {"fold": "yes"}},
    )
    assert not result.ok
    assert any("SEARCH['fold'] must be a bool" in e for e in result.errors)
    assert not (tmp_path / "output").exists()

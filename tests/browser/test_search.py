"""Search in Chromium: the search pages of the vi and en trees and Pagefind's JavaScript API.

The site is a copy of content/ with the articles of tests/fixtures/search/ dropped in, as an
editor would add them: an unseen article and its translation, a Đồng Nai article beside one
with the plain word "Dong", and a page holding every marked Vietnamese letter.
"""

import shutil
import unicodedata
from pathlib import Path

import pytest

from press.browser import serve
from press.build import ROOT, build

FIXTURE = ROOT / "tests" / "fixtures" / "search"
DONG_THAP = "/2022/cum-5-chia-se-kinh-nghiem-dong-thap/"
KHANH_HOA = "/2024/trang-tin-lien-hiep-khanh-hoa-co-sau-ngon-ngu/"
CHI_THI_12 = "/2024/trien-khai-chi-thi-12-tai-dia-phuong/"
DIEN_BIEN = "/2025/dien-bien-giao-luu-huu-nghi/"
DONG_NAI = "/2025/dong-nai-don-doan-thanh-nien/"
ALPHABET = "/2025/bang-chu-cai-co-dau/"


@pytest.fixture(scope="session")
def search_site(tmp_path_factory):
    content = tmp_path_factory.mktemp("search") / "content"
    shutil.copytree(ROOT / "content", content)
    shutil.copytree(FIXTURE / "articles", content / "articles", dirs_exist_ok=True)
    result = build(content=content, output=content.parent / "output")
    assert result.ok, result.errors
    return result.output


@pytest.fixture(scope="session")
def search_url(search_site):
    with serve(search_site) as base:
        yield base


def text_of(site: Path, url: str) -> str:
    return (site / url.lstrip("/") / "index.html").read_text(encoding="utf-8")


def ui_search(page, base, path, query):
    """Type a query into a search page and press Enter; the result URLs, best first."""
    if not page.url.startswith(base + path):
        page.goto(base + path)
    box = page.get_by_role("searchbox")
    box.fill(query)
    box.press("Enter")
    page.wait_for_function(
        """q => document.querySelector('[data-search]').getAttribute('data-state') === 'done'
               && document.querySelector('[data-search-status]').textContent.includes(q)""",
        arg=query,
    )
    return page.eval_on_selector_all(
        ".search-result__title a", "links => links.map(a => new URL(a.href).pathname)"
    )


VI_FIRST = {
    "dong thap": DONG_THAP,
    "Đồng Tháp": DONG_THAP,
    "khanh hoa": KHANH_HOA,
    "Khánh Hòa": KHANH_HOA,
    "chi thi 12": CHI_THI_12,
    "Chỉ thị 12": CHI_THI_12,
    "dong nai": DONG_NAI,
    "Đồng Nai": DONG_NAI,
    # The article dropped into the content: its words and its symbol as typed.
    "dien bien": DIEN_BIEN,
    "Điện Biên": DIEN_BIEN,
    "27-HD/LHHN": DIEN_BIEN,
    "27-hd/lhhn": DIEN_BIEN,
    "27 HD LHHN": DIEN_BIEN,
}
EN_FIRST = {
    "dong thap": "/en" + DONG_THAP,
    "Đồng Tháp": "/en" + DONG_THAP,
    "khanh hoa": "/en" + KHANH_HOA,
    "Khánh Hòa": "/en" + KHANH_HOA,
    "dien bien": "/en" + DIEN_BIEN,
    "Điện Biên": "/en" + DIEN_BIEN,
    "27-HD/LHHN": "/en" + DIEN_BIEN,
    "27 hd lhhn": "/en" + DIEN_BIEN,
}
# Queries many pages answer: the first result must contain the words as written.
VI_CONTAINS = {
    "duoc": ["được"],
    "được": ["được"],
    "lien hiep huu nghi": ["Liên hiệp", "hữu nghị"],
    "Liên hiệp hữu nghị": ["Liên hiệp", "hữu nghị"],
}
SYMBOL_12 = ("12-CT/TW", "12-ct/tw", "12 CT TW")


def test_vi_queries_with_and_without_tone_marks_find_the_article_first(page, search_url):
    for query, expected in VI_FIRST.items():
        urls = ui_search(page, search_url, "/tim-kiem/", query)
        assert urls and urls[0] == expected, (query, urls[:3])


def test_en_queries_find_the_english_article_first(page, search_url):
    for query, expected in EN_FIRST.items():
        urls = ui_search(page, search_url, "/en/search/", query)
        assert urls and urls[0] == expected, (query, urls[:3])
        assert all(u.startswith("/en/") for u in urls), "the English index only"


def test_common_words_typed_without_marks_find_pages_containing_them(page, search_url, search_site):
    for query, words in VI_CONTAINS.items():
        urls = ui_search(page, search_url, "/tim-kiem/", query)
        assert len(urls) >= 5, (query, urls)
        for url in urls[:3]:
            text = text_of(search_site, url)
            assert all(word in text for word in words), (query, url)


@pytest.mark.parametrize("path", ["/tim-kiem/", "/en/search/"])
def test_document_symbol_as_typed_finds_the_articles_citing_it(page, search_url, search_site, path):
    for query in SYMBOL_12:
        urls = ui_search(page, search_url, path, query)
        assert len(urls) >= 3, (query, urls)
        for url in urls[:3]:
            text = text_of(search_site, url)
            assert "12-CT/TW" in text or "12/CT-TW" in text, (query, url)


def test_results_show_title_date_language_and_highlighted_excerpt(page, search_url):
    ui_search(page, search_url, "/tim-kiem/", "dong thap")
    first = page.locator(".search-result").first
    assert (
        first.locator("h2 a").text_content().replace("\xa0", " ")
        == "Cụm số 5 chia sẻ kinh nghiệm đối ngoại nhân dân tại Đồng Tháp"
    )
    meta = first.locator(".search-result__meta").text_content()
    assert "04/10/2022" in meta and "Tiếng Việt" in meta
    marks = first.locator(".search-result__excerpt mark").all_text_contents()
    # The match came from the folded copy; the excerpt shows the page's own words.
    assert "Đồng" in marks and any(m.startswith("Tháp") for m in marks), marks
    status = page.locator("[data-search-status]")
    assert status.get_attribute("aria-live") == "polite"
    assert status.text_content().endswith("kết quả cho “dong thap”")


TRANSLATED = """Title: Cluster 5 shares its experience in Đồng Tháp
Date: 2022-10-04 15:00
Category: conferences
Tags: Cluster 5

The meeting in Đồng Tháp looked back on the first year of Directive No. 12-CT/TW.
"""


@pytest.fixture(scope="session")
def translated_url(tmp_path_factory):
    """A site where every article and page is in Vietnamese and English: as many English
    content pages as Vietnamese ones."""
    content = tmp_path_factory.mktemp("translated") / "content"
    shutil.copytree(ROOT / "tests" / "fixtures" / "bilingual", content)
    (content / "articles" / "2022" / "cum-5-dong-thap.en.md").write_text(TRANSLATED, "utf-8")
    result = build(content=content, output=content.parent / "output")
    assert result.ok, result.errors
    with serve(result.output) as base:
        yield base


@pytest.mark.parametrize("path", ["/fr/search/", "/lo/search/", "/zh/search/", "/km/search/"])
def test_an_interface_only_tree_searches_the_originals_it_lists(page, translated_url, path):
    """fr, lo, zh and km list the Vietnamese originals: their search pages search those, not
    whichever language has the most pages (Pagefind's choice for a language it has no index
    for; on a tie, English, which comes first)."""
    urls = ui_search(page, translated_url, path, "12-CT/TW")
    # Both Vietnamese articles cite it (and both English ones).
    assert len(urls) == 2 and all(url.startswith("/20") for url in urls), urls


def test_filters_by_year_category_and_province(page, search_url):
    everything = ui_search(page, search_url, "/tim-kiem/", "hữu nghị")
    page.get_by_role("combobox", name="Năm").select_option("2022")
    page.wait_for_function(
        "document.querySelector('[data-search]').getAttribute('data-state') === 'done'"
    )
    page.wait_for_function(
        "[...document.querySelectorAll('.search-result__title a')].every(a => a.pathname.startsWith('/2022/'))"
    )
    in_2022 = page.eval_on_selector_all(".search-result__title a", "ls => ls.map(a => a.pathname)")
    assert in_2022 and len(in_2022) < len(everything)
    page.get_by_role("combobox", name="Năm").select_option("")
    page.get_by_role("combobox", name="Tỉnh, thành phố").select_option("Điện Biên")
    page.wait_for_function(
        "[...document.querySelectorAll('.search-result__title a')].map(a => a.pathname).join() === '/2025/dien-bien-giao-luu-huu-nghi/'"
    )
    page.get_by_role("combobox", name="Tỉnh, thành phố").select_option("")
    page.get_by_role("combobox", name="Chuyên mục").select_option("Chỉ đạo, điều hành")
    page.wait_for_function(
        "document.querySelectorAll('.search-result').length > 0 && [...document.querySelectorAll('.search-result__title a')].some(a => a.pathname === '"
        + CHI_THI_12
        + "')"
    )


def api_search(page, base, path, queries):
    """Pagefind's JavaScript API, as other clients call it: the result URLs per query."""
    page.goto(base + path)
    return page.evaluate(
        """async (queries) => {
             const bundle = document.querySelector('[data-search]').getAttribute('data-bundle');
             const pagefind = await import(bundle + 'pagefind.js');
             await pagefind.init();
             const out = {};
             for (const q of queries) {
               const search = await pagefind.search(q);
               out[q] = await Promise.all(search.results.map(r => r.data().then(d => d.url)));
             }
             return out;
           }""",
        queries,
    )


def alphabet_words(site):
    text = text_of(site, ALPHABET)
    body = text.split('<div class="prose">', 1)[1].split("</div>", 1)[0]
    words = body.replace("&nbsp;", " ").replace("<p>", " ").replace("</p>", " ").split()
    assert len(words) == 12 * 6 * 2 + 2
    return words


def test_every_marked_letter_and_d_with_stroke_fold_in_the_index(page, search_url, search_site):
    words = alphabet_words(search_site)
    queries = {}
    for word in words:
        plain = word.translate({ord("đ"): "d", ord("Đ"): "D"})
        plain = "".join(
            c for c in unicodedata.normalize("NFD", plain) if not unicodedata.combining(c)
        )
        for query in (word, plain, plain.lower(), word.lower()):
            queries[query] = word
    results = api_search(page, search_url, "/tim-kiem/", list(queries))
    missing = [q for q, urls in results.items() if urls[:1] != [ALPHABET]]
    assert not missing, f"no hit for {missing}"


def test_the_api_alone_finds_tone_free_queries_and_only_content_pages(page, search_url):
    results = api_search(
        page, search_url, "/tim-kiem/", ["duoc", "dong nai", "12 CT TW", "hữu nghị"]
    )
    assert results["dong nai"][0] == DONG_NAI
    assert "/2025/gap-go-nha-tho-kim-dong/" not in results["dong nai"][:1]
    assert results["duoc"] and results["12 CT TW"]
    content_page = r"^/(\d{4}/[^/]+|gioi-thieu|lien-he)/$"
    import re

    for urls in results.values():
        assert all(re.match(content_page, u) for u in urls), urls


@pytest.fixture(scope="session")
def split_url(search_site, tmp_path_factory):
    """The same site with its Vietnamese pages indexed in parts of 8 and merged (merge.py)."""
    content = tmp_path_factory.mktemp("split") / "content"
    shutil.copytree(ROOT / "content", content)
    shutil.copytree(FIXTURE / "articles", content / "articles", dirs_exist_ok=True)
    cache = content.parent / "cache"
    settings = {"SEARCH": {"part_size": 8}, "CACHE_PATH": str(cache)}
    result = build(content=content, output=content.parent / "output", overrides=settings)
    assert result.ok, result.errors
    assert len(list((cache / "pagefind").glob("vi.part-*"))) > 1
    with serve(result.output) as base:
        yield base


def test_a_bundle_merged_from_parts_finds_what_one_run_finds(page, search_url, split_url):
    queries = ["dong nai", "Điện Biên", "12-CT/TW", "hữu nghị", "duoc", "thap", "nhân dân"]
    one_run = api_search(page, search_url, "/tim-kiem/", queries)
    merged = api_search(page, split_url, "/tim-kiem/", queries)
    for query in queries:
        assert one_run[query], query
        assert sorted(merged[query]) == sorted(one_run[query]), query
    assert merged["dong nai"][0] == DONG_NAI
    assert ui_search(page, split_url, "/tim-kiem/", "Điện Biên")[0] == DIEN_BIEN


def test_without_javascript_the_page_says_so_and_links_to_archives(browser, search_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(search_url + "/tim-kiem/")
    notice = page.locator("[data-search-nojs]")
    assert notice.is_visible() and "JavaScript" in notice.text_content()
    assert notice.get_by_role("link", name="Lưu trữ").get_attribute("href") == "/luu-tru/"
    assert notice.get_by_role("link", name="Hội nghị").is_visible()
    assert not page.get_by_role("searchbox").is_visible()
    context.close()


def test_keyboard_only_search_and_more_results(page, search_url):
    page.goto(search_url + "/en/search/")
    assert not page.locator("[data-search-nojs]").is_visible()
    page.keyboard.press("Tab")  # skip link
    box = page.get_by_role("searchbox", name="Search the bulletins")
    box.focus()
    page.keyboard.type("friendship")
    page.keyboard.press("Enter")
    page.wait_for_function(
        "document.querySelector('[data-search]').getAttribute('data-state') === 'done'"
    )
    status = page.locator("[data-search-status]").text_content()
    assert status.endswith("results for “friendship”"), status
    more = page.get_by_role("button", name="Show more results")
    if more.is_visible():
        more.focus()
        page.keyboard.press("Enter")
        page.wait_for_function("document.querySelectorAll('.search-result').length > 10")
        assert page.evaluate("document.activeElement.closest('.search-result') !== null")


CSP_WASM = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'"
CSP_STRICT = "default-src 'self'; script-src 'self'; style-src 'self'"


def test_search_runs_under_strict_csp_with_wasm_unsafe_eval_only(browser, search_site):
    """Pagefind compiles WebAssembly: script-src needs exactly 'wasm-unsafe-eval' beside 'self'."""
    for policy, works in ((CSP_WASM, True), (CSP_STRICT, False)):
        with serve(search_site, {"Content-Security-Policy": policy}) as base:
            context = browser.new_context()
            page = context.new_page()
            page.set_default_timeout(5000)
            page.goto(base + "/tim-kiem/")
            page.get_by_role("searchbox").fill("dong thap")
            page.get_by_role("searchbox").press("Enter")
            # A locator, not wait_for_function: Playwright's string predicates are eval()ed,
            # which this very policy forbids.
            page.locator(
                "[data-search][data-state=done], [data-search][data-state=failed]"
            ).wait_for()
            state = page.locator("[data-search]").get_attribute("data-state")
            assert (state == "done") is works, (policy, state)
            context.close()


@pytest.mark.parametrize("path,query", [("/tim-kiem/", "dong thap"), ("/en/search/", "Khánh Hòa")])
def test_search_page_with_results_has_no_axe_violations(page, search_url, path, query):
    from axe_playwright_python.sync_playwright import Axe

    ui_search(page, search_url, path, query)
    tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": tags}})
    assert results.response["passes"], "axe ran no checks"
    assert results.response["violations"] == [], results.generate_report()

"""Document references in real builds: links, document pages, index, warnings."""

import re

import pytest

REFERENCES = "2024/cac-dang-tham-chieu/"
UNSEEN = "2023/lien-hiep-quan-triet-van-ban/"


def words(text):
    return " ".join(text.split())


def document_links(soup):
    return [(words(a.get_text()), a["href"]) for a in soup.select("a.document-ref")]


# (what the writer typed, the document page it must link to)
SHAPES_VI = [
    ("Chỉ thị số 12-CT/TW", "/van-ban/12-ct-tw/"),
    ("Chỉ thị 12-CT/TW", "/van-ban/12-ct-tw/"),
    ("Chỉ thị 12/CT-TW", "/van-ban/12-ct-tw/"),  # swapped separators
    ("Chị thị 12-CT/TW", "/van-ban/12-ct-tw/"),  # typo in the kind word
    ("28-CT/TW", "/van-ban/28-ct-tw/"),
    ("8485-CV/TU", "/van-ban/8485-cv-tu/"),
    ("12-KL/TW", "/van-ban/12-kl-tw/"),
    ("3935/KH-UBND", "/van-ban/3935-kh-ubnd/"),
    ("03/QC-C3", "/van-ban/03-qc-c3/"),
    ("Kế hoạch số 3935/KH -UBND", "/van-ban/3935-kh-ubnd/"),  # stray space
]
SHAPES_EN = [
    ("Directive No. 12-CT/TW", "/en/documents/12-ct-tw/"),
    ("Conclusion No. 12-KL/TW", "/en/documents/12-kl-tw/"),
    ("Plan No. 3935/KH-UBND", "/en/documents/3935-kh-ubnd/"),
]


@pytest.mark.parametrize("typed, url", SHAPES_VI, ids=[s for s, _ in SHAPES_VI])
def test_vietnamese_reference_shapes_link_to_their_page(domain_site, typed, url):
    assert (typed, url) in document_links(domain_site.html(REFERENCES))


@pytest.mark.parametrize("typed, url", SHAPES_EN, ids=[s for s, _ in SHAPES_EN])
def test_english_reference_shapes_link_to_the_english_page(domain_site, typed, url):
    assert (typed, url) in document_links(domain_site.html("en/" + REFERENCES))


# Text that looks like a symbol but is not one: none of it may be linked.
NON_REFERENCES = [
    "20/7/2021",
    "27/5",
    "024.3826.2345",
    "0912-345-678",
    "(028) 3829 1234",
    "COVID-19",
    "G-20",
    "2019 - 2024",
    "3/4",
    "Kế hoạch 2024",
    "14:30",
    "https://example.org/12-CT/TW",
    "105A/12",
]


@pytest.mark.parametrize("text", NON_REFERENCES)
def test_non_references_are_not_linked(domain_site, text):
    soup = domain_site.html("2024/khong-phai-van-ban/")
    prose = soup.select_one(".prose")
    assert text in words(prose.get_text())
    assert not prose.select("a.document-ref")


def test_headings_links_and_code_are_never_linked(domain_site):
    soup = domain_site.html(REFERENCES)
    prose = soup.select_one(".prose")
    heading = prose.find("h2")
    assert "12-CT/TW" in heading.get_text() and not heading.find("a")
    existing = prose.find("a", href="https://example.org/van-ban")
    assert existing is not None and "28-CT/TW" in existing.get_text()
    assert not existing.find("a")
    for code in prose.find_all(["code", "pre"]):
        assert "12-CT/TW" in code.get_text() and not code.find("a")
    assert not prose.select("a a")


def test_ambiguous_reference_is_text_and_a_warning_with_file_and_line(domain_site):
    prose = domain_site.html(REFERENCES).select_one(".prose")
    assert "Hướng dẫn số 780" in words(prose.get_text())
    assert not any("780" in a.get_text() for a in prose.find_all("a"))
    warnings = [w for w in domain_site.result.warnings if "Hướng dẫn số 780" in w]
    assert warnings == [warnings[0]]
    assert warnings[0].startswith("articles/2024/cac-dang-tham-chieu.vi.md:23:")


def test_acknowledged_ambiguous_reference_is_only_noted(tmp_path, caplog):
    from conftest import FIXTURES, build_site

    caplog.set_level("INFO", logger="documents")
    site = build_site(
        FIXTURES / "domain",
        tmp_path / "output",
        DOCUMENTS={"acknowledged": ["hướng dẫn  số 780"]},
    )
    assert not [w for w in site.result.warnings if "Hướng dẫn số 780" in w]
    noted = [r for r in caplog.records if "Hướng dẫn số 780" in r.getMessage()]
    assert noted and all(r.levelname == "INFO" for r in noted)


def test_unregistered_documents_are_listed_once_for_editors(tmp_path, caplog):
    from conftest import FIXTURES, build_site

    caplog.set_level("INFO", logger="documents")
    build_site(FIXTURES / "domain", tmp_path / "output")
    listed = [r.getMessage() for r in caplog.records if "not registered" in r.getMessage()]
    assert len(listed) == 1
    for symbol in ("03/QC-C3", "12-KL/TW", "28-CT/TW", "3935/KH-UBND", "8485-CV/TU"):
        assert symbol in listed[0]
    assert "12-CT/TW" not in listed[0]


def citing_urls(soup):
    section = soup.select_one(".document__citations")
    return [a["href"] for a in section.select(".article-item__title a")]


def test_registered_document_page_vi(domain_site):
    soup = domain_site.html("van-ban/12-ct-tw/")
    assert words(soup.h1.get_text()) == "Chỉ thị số 12-CT/TW"
    facts = words(soup.select_one(".document__facts").get_text())
    assert "Ban Bí thư" in facts and "05/01/2022" in facts
    assert "tăng cường sự lãnh đạo" in soup.select_one(".document__title").get_text()
    # every citing article, newest first
    assert citing_urls(soup) == [
        "/2024/cac-dang-tham-chieu/",
        "/2023/lien-hiep-quan-triet-van-ban/",
    ]


def test_registered_document_page_en(domain_site):
    soup = domain_site.html("en/documents/12-ct-tw/")
    assert words(soup.h1.get_text()) == "Directive No. 12-CT/TW"
    facts = words(soup.select_one(".document__facts").get_text())
    assert "Secretariat of the Party Central Committee" in facts
    assert "Strengthening" in soup.select_one(".document__title").get_text()
    assert citing_urls(soup) == [
        "/en/2024/cac-dang-tham-chieu/",
        "/en/2023/lien-hiep-quan-triet-van-ban/",
    ]
    alternates = {
        link["hreflang"]: link["href"] for link in soup.select("link[rel=alternate][hreflang]")
    }
    assert alternates["vi"] == "/van-ban/12-ct-tw/"


def test_unregistered_document_gets_a_page_from_its_symbol(domain_site):
    soup = domain_site.html("van-ban/8485-cv-tu/")
    assert words(soup.h1.get_text()) == "Công văn số 8485-CV/TU"
    assert soup.select_one(".document__unregistered") is not None
    assert citing_urls(soup) == [
        "/2024/cac-dang-tham-chieu/",
        "/2023/lien-hiep-quan-triet-van-ban/",
    ]
    assert domain_site.path("fr/documents/8485-cv-tu/").exists()


def test_unseen_article_links_each_reference_and_pages_link_back(domain_site):
    """An article written like the sources (odd spacing, typos, swapped separators)."""
    expected = {"12-ct-tw", "12-kl-tw", "8485-cv-tu", "3935-kh-ubnd", "28-ct-tw", "03-qc-c3"}
    for prefix, documents in (("", "van-ban"), ("en/", "en/documents")):
        links = document_links(domain_site.html(prefix + UNSEEN))
        slugs = {re.fullmatch(rf"/{documents}/([^/]+)/", href)[1] for _, href in links}
        assert slugs == (expected - {"28-ct-tw"} if prefix else expected)
        for slug in slugs:
            assert "/" + prefix + UNSEEN in citing_urls(domain_site.html(f"{documents}/{slug}/"))


def test_documents_index_groups_by_kind_with_counts(domain_site):
    soup = domain_site.html("en/documents/")
    groups = {
        words(section.h2.get_text()): [words(li.get_text()) for li in section.select("li")]
        for section in soup.select("section.document-group")
    }
    assert list(groups)[:2] == ["Directive", "Conclusion"]
    assert any(
        item.startswith("12-CT/TW") and "(cited in 2 articles)" in item
        for item in groups["Directive"]
    )
    assert any(
        item.startswith("03/QC-C3") and item.endswith("(cited in 1 article)")
        for item in groups["Regulation"]
    )
    vi = domain_site.html("van-ban/")
    assert "12-CT/TW" in vi.get_text() and "Chỉ thị" in vi.get_text()


def test_sample_content_documents(sample_site):
    soup = sample_site.html("van-ban/12-ct-tw/")
    assert "Ban Bí thư" in soup.get_text()
    assert "/2024/trien-khai-chi-thi-12-tai-dia-phuong/" in citing_urls(soup)
    page = sample_site.html("2024/trien-khai-chi-thi-12-tai-dia-phuong/")
    assert ("Chỉ thị 12/CT-TW", "/van-ban/12-ct-tw/") in document_links(page)
    assert sample_site.path("en/documents/03-qc-c3/").exists()


def test_article_documents_attribute_for_related_news(tmp_path):
    """`article.documents` lists the canonical symbols an article cites."""
    from documents import LinkCache, link_content

    class Article:
        lang = "vi"
        source_path = str(tmp_path / "a.vi.md")
        _content = "<p>Theo Chỉ thị 12/CT-TW và Quy chế 03/QC-C3, lại Chỉ thị số 12-CT/TW.</p>"

    (tmp_path / "a.vi.md").write_text("Title: A\n\nx\n", encoding="utf-8")
    article = Article()
    settings = {"SITEURL": "", "PATH": str(tmp_path), "CACHE_PATH": str(tmp_path / "cache")}
    link_content(article, LinkCache(settings), settings)
    assert article.documents == ("12-CT/TW", "03/QC-C3")
    assert article._content.count('href="/van-ban/12-ct-tw/"') == 2


def test_bad_registry_entry_fails_the_build_with_a_clear_message(tmp_path):
    # Its own build: the shared broken fixture also has an unknown province, which content
    # validation reports before Pelican (and so this plugin) runs at all.
    import shutil

    from conftest import FIXTURES

    from press.build import build

    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "domain", content)
    (content / "directives" / "x.vi.md").write_text(
        "Title: X\nSymbol: không phải ký hiệu\nKind: directive\nLang: vi\n\nX.\n",
        encoding="utf-8",
    )
    result = build(content=content, output=tmp_path / "output")
    assert not result.ok
    assert any(
        e.startswith("directives/x.vi.md: Symbol: 'không phải ký hiệu' is not a document symbol")
        for e in result.errors
    )

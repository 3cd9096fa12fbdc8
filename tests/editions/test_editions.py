"""Editions: edition pages, indexes and typeset PDFs of the editions fixture (vi and en).

The PDFs are checked with poppler-utils (pdftotext, pdffonts, pdfinfo, pdfimages); PNG
renders of a cover and a content page are written by pdftoppm for a person to look at.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

import pytest
from babel.numbers import format_decimal
from conftest import FIXTURES, IN_CI, ROOT, build_site

sys.path.insert(0, str(ROOT / "plugins"))

from press.build import build  # noqa: E402

EDITIONS_FIXTURE = FIXTURES / "editions"
POPPLER = ("pdftotext", "pdffonts", "pdfinfo", "pdftoppm", "pdfimages")
VI_PDF = "tap-san/2024-01/tap-san-2024-01.pdf"
EN_PDF = "en/editions/2024-01/bulletin-2024-01.pdf"
VI_TITLES = [
    "Hội nghị tổng kết Cụm Liên hiệp hữu nghị số 3 tại Khánh Hòa",
    "Thừa Thiên Huế sơ kết ba năm thực hiện Chỉ thị 12-CT/TW",
    "Đắk Lắk trao học bổng “Ươm mầm hữu nghị” cho sinh viên Lào",
    "Quảng Nam đón đoàn tình nguyện viên Hàn Quốc đến Hội An",
]
EN_TITLES = [
    "Cluster 3 friendship unions review their year in Khánh Hòa",
    "Thừa Thiên Huế reviews three years of Directive 12-CT/TW",
    "Đắk Lắk awards “Seeds of Friendship” scholarships to Lao students",
]
MISSING_IN_EN = "quang-nam-tinh-nguyen-vien"


def normal(text: str) -> str:
    """NFC, one space for any run of white space (line ends, no-break spaces)."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


@pytest.fixture(scope="session")
def editions_site(tmp_path_factory):
    """Built with an empty cache, so every PDF is typeset in this session."""
    folder = tmp_path_factory.mktemp("editions")
    return build_site(EDITIONS_FIXTURE, folder / "output", CACHE_PATH=str(folder / "cache"))


def require(available: bool, message: str):
    if not available:
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="session")
def pdfs(editions_site):
    """The built site, once WeasyPrint and poppler-utils are known to be there."""
    from editions import pdf

    require(pdf.available(), f"WeasyPrint cannot be imported ({pdf.import_problem()}): no PDFs")
    missing = [tool for tool in POPPLER if shutil.which(tool) is None]
    require(
        not missing,
        (
            f"poppler-utils missing ({', '.join(missing)}): the PDF checks cannot run; "
            "install it with `apt-get install poppler-utils` (.ci/run does)"
        ),
    )
    return editions_site


def run(*args) -> str:
    return subprocess.run([str(a) for a in args], check=True, capture_output=True, text=True).stdout


def page_count(path) -> int:
    return int(re.search(r"^Pages:\s+(\d+)", run("pdfinfo", path), re.M)[1])


def page_texts(path) -> list[str]:
    return [
        run("pdftotext", "-f", n, "-l", n, "-layout", path, "-")
        for n in range(1, page_count(path) + 1)
    ]


# --- Pages -----------------------------------------------------------------------------


def test_edition_page_in_each_language_lists_its_articles_in_order(editions_site):
    vi = editions_site.html("tap-san/2024-01/")
    assert normal(vi.h1.get_text()) == "Đối ngoại nhân dân miền Trung – Tây Nguyên, quý I/2024"
    links = vi.select(".edition-contents a")
    assert [normal(a.get_text()) for a in links] == VI_TITLES
    assert links[0]["href"] == "/2024/hoi-nghi-cum-3/"
    assert vi.select_one(".edition-editorial").get_text().count("Kính gửi") == 1
    assert vi.select_one(".edition-cover img")["src"] == "/images/2024/hoi-nghi-cum-3.jpg"

    en = editions_site.html("en/editions/2024-01/")
    links = en.select(".edition-contents a")
    assert [normal(a.get_text()) for a in links] == EN_TITLES
    assert links[0]["href"] == "/en/2024/hoi-nghi-cum-3/"


def test_edition_translations_are_linked_by_hreflang(editions_site):
    vi = editions_site.html("tap-san/2024-01/")
    alternates = {
        link["hreflang"]: link["href"] for link in vi.select('link[rel="alternate"][hreflang]')
    }
    assert alternates["vi"] == "/tap-san/2024-01/"
    assert alternates["en"] == "/en/editions/2024-01/"
    assert "fr" not in alternates
    switcher = {a["hreflang"]: a["href"] for a in vi.select(".language-switcher a")}
    assert switcher["en"] == "/en/editions/2024-01/"
    assert switcher["fr"] == "/fr/"  # no French edition: that tree's home page


def test_missing_translation_is_reported_not_silently_dropped(editions_site):
    warnings = [w for w in editions_site.result.warnings if MISSING_IN_EN in w]
    assert warnings == [
        f"editions/2024-01.en.md: article '{MISSING_IN_EN}' has no en version; "
        "it is left out of this edition"
    ]
    en = editions_site.html("en/editions/2024-01/")
    assert MISSING_IN_EN not in str(en.select_one(".edition-contents"))


def test_date_range_edition_selects_articles_by_date_and_category(editions_site):
    page = editions_site.html("tap-san/2024-02/")
    titles = [normal(a.get_text()) for a in page.select(".edition-contents a")]
    # directives on 20 Jan, conferences on 28 Feb; local activities are not in this edition
    assert titles == [VI_TITLES[1], VI_TITLES[0]]


def test_editions_index_per_language_is_in_the_navigation(editions_site):
    vi_home = editions_site.html("")
    nav = {a["href"]: normal(a.get_text()) for a in vi_home.select(".site-nav a")}
    assert nav["/tap-san/"] == "Tập san Hữu nghị"
    en_home = editions_site.html("en/")
    nav = {a["href"]: normal(a.get_text()) for a in en_home.select(".site-nav a")}
    assert nav["/en/editions/"] == "Friendship Bulletin"

    vi_index = editions_site.html("tap-san/")
    assert [a["href"] for a in vi_index.select(".edition-list > li > a")] == [
        "/tap-san/2024-02/",
        "/tap-san/2024-01/",
    ]
    fr_index = editions_site.html("fr/editions/")
    assert "Aucun numéro n’a encore paru dans cette langue." in fr_index.get_text()
    others = fr_index.select(".edition-list li")
    assert {li["lang"] for li in others} == {"vi"}
    assert len(others) == 2


# --- PDFs ------------------------------------------------------------------------------


def test_pdfs_sit_next_to_the_edition_pages(pdfs):
    for url in (VI_PDF, EN_PDF, "tap-san/2024-02/tap-san-2024-02.pdf"):
        assert pdfs.path(url).read_bytes()[:5] == b"%PDF-"
    assert not pdfs.path("fr/editions/2024-01/").exists()


@pytest.mark.parametrize("url, titles", [(VI_PDF, VI_TITLES), (EN_PDF, EN_TITLES)])
def test_pdf_has_every_title_with_its_diacritics(pdfs, url, titles):
    text = normal(run("pdftotext", pdfs.path(url), "-"))
    for title in titles:
        assert text.count(normal(title)) >= 2, title  # table of contents and article
    if url == EN_PDF:
        assert "Quảng Nam" not in text


@pytest.mark.parametrize("url, titles", [(VI_PDF, VI_TITLES), (EN_PDF, EN_TITLES)])
def test_table_of_contents_page_numbers_match_where_articles_start(pdfs, url, titles):
    pages = [normal(t) for t in page_texts(pdfs.path(url))]
    contents = pages[1]
    for title in titles:
        match = re.search(re.escape(normal(title)) + r" ?\.{3,} ?(\d+)", contents)
        assert match, f"{title!r} not in the contents: {contents}"
        listed = int(match[1])
        starts = next(n for n, text in enumerate(pages[2:], 3) if normal(title) in text)
        assert listed == starts, title
    # each page after the cover has its number in the footer
    for number, text in enumerate(pages[1:], 2):
        assert text.endswith(f" {number}"), (number, text[-40:])


def test_running_header_names_the_bulletin_and_its_number(pdfs):
    vi = [normal(t) for t in page_texts(pdfs.path(VI_PDF))]
    assert vi[0].startswith("Liên hiệp các tổ chức hữu nghị Việt Nam Tập san Hữu nghị Số 1")
    for text in vi[1:]:
        assert text.startswith("Tập san Hữu nghị Số 1 · tháng 3 năm 2024"), text[:60]
    en = [normal(t) for t in page_texts(pdfs.path(EN_PDF))]
    for text in en[1:]:
        assert text.startswith("Friendship Bulletin No. 1 · March 2024"), text[:60]


def test_articles_show_babel_dates_bylines_captions_and_sources(pdfs):
    vi = normal(run("pdftotext", pdfs.path(VI_PDF), "-"))
    assert "Thứ Tư, 28/02/2024 10:01" in vi
    assert "Tác giả: Nguyễn Thị Hường, Trần Quốc Việt" in vi
    assert "Đại biểu dự hội nghị tổng kết tại Nha Trang" in vi  # caption
    assert "Nguồn: Liên hiệp các tổ chức hữu nghị tỉnh Khánh Hòa" in vi
    assert "Xem văn bản 12-CT/TW." in vi  # a link printed as its text
    assert "3935/KH-UBND" in vi
    en = normal(run("pdftotext", pdfs.path(EN_PDF), "-"))
    assert "Thursday, February 29, 2024" in en
    assert "By Ý Nhi" in en
    # the cover, the picture of an article, a picture in an article's text
    image_pages = [
        int(line.split()[0])
        for line in run("pdfimages", "-list", pdfs.path(VI_PDF)).splitlines()[2:]
    ]
    assert len(image_pages) == 3 and image_pages[0] == 1


def test_vietnamese_is_not_hyphenated_english_is(pdfs):
    def hyphenated_lines(url):
        return [
            line
            for line in run("pdftotext", pdfs.path(url), "-").splitlines()
            if re.search(r"[^\W\d_][-\u2010\u00ad]$", line.rstrip())
        ]

    assert hyphenated_lines(VI_PDF) == []
    assert hyphenated_lines(EN_PDF)  # the same layout does hyphenate English


@pytest.mark.parametrize("url", [VI_PDF, EN_PDF])
def test_every_font_is_embedded_and_pages_are_a4(pdfs, url):
    fonts = run("pdffonts", pdfs.path(url)).splitlines()[2:]
    assert fonts
    for line in fonts:
        name, emb = line.split()[0], line.split()[-5]
        assert emb == "yes", f"{name} is not embedded"
    assert any("Noto-Serif" in line for line in fonts)
    count = page_count(pdfs.path(url))
    sizes = re.findall(
        r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts",
        run("pdfinfo", "-f", 1, "-l", count, pdfs.path(url)),
        re.M,
    )
    assert len(sizes) == count
    for width, height in sizes:
        assert (round(float(width)), round(float(height))) == (595, 842)


def test_pdf_metadata_is_dated_from_the_edition(pdfs):
    info = run("pdfinfo", "-isodates", pdfs.path(VI_PDF))
    assert re.search(r"^CreationDate:\s+2024-03-31T00:00:00\+07", info, re.M)
    assert re.search(r"^ModDate:\s+2024-03-31T00:00:00\+07", info, re.M)
    assert "Title:           Tập san Hữu nghị – Số 1" in info


def test_pdfs_are_reproducible_and_cached(pdfs, tmp_path):
    cache = tmp_path / "cache"
    again = build_site(EDITIONS_FIXTURE, tmp_path / "output", CACHE_PATH=str(cache))
    for url in (VI_PDF, EN_PDF):
        assert again.path(url).read_bytes() == pdfs.path(url).read_bytes(), url
    cached = sorted((cache / "editions").glob("*.pdf"))
    assert len(cached) == 3
    # a rebuild takes the PDFs from the cache: same bytes (a changed article is typeset
    # anew: see test_rebuild_updates_the_pdf_size_on_every_article_page_of_the_edition)
    third = build_site(EDITIONS_FIXTURE, tmp_path / "third", CACHE_PATH=str(cache))
    assert third.path(VI_PDF).read_bytes() == pdfs.path(VI_PDF).read_bytes()
    assert sorted((cache / "editions").glob("*.pdf")) == cached


def test_pdfs_are_reproducible_with_fonttools_subsetting_too(pdfs, tmp_path, monkeypatch):
    """Without HarfBuzz's subsetter (libharfbuzz-subset0, which Debian's Chromium happens to
    pull in) WeasyPrint subsets fonts with fontTools, which stamps each font with the time
    it was written: two builds made a second apart differed. The stamp is the edition's
    date, as for the PDF's own dates."""
    from weasyprint.pdf import fonts

    monkeypatch.setattr(fonts, "harfbuzz_subset", None)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first = build_site(EDITIONS_FIXTURE, tmp_path / "a", CACHE_PATH=str(tmp_path / "ca"))
    time.sleep(1.1)  # the fonts' timestamps count seconds
    second = build_site(EDITIONS_FIXTURE, tmp_path / "b", CACHE_PATH=str(tmp_path / "cb"))
    for url in (VI_PDF, EN_PDF):
        assert first.path(url).read_bytes() == second.path(url).read_bytes(), url
    assert "SOURCE_DATE_EPOCH" not in os.environ  # set only while a PDF is written


def test_png_renders_of_cover_and_content_page(pdfs):
    """Renders for a person to look at; the path is printed (pytest -s shows it)."""
    folder = Path(tempfile.mkdtemp(prefix="edition-renders-"))
    for url, name in ((VI_PDF, "vi"), (EN_PDF, "en")):
        run(
            "pdftoppm", "-png", "-r", 60, "-f", 1, "-l", 1, pdfs.path(url), folder / f"{name}-cover"
        )
        run("pdftoppm", "-png", "-r", 60, "-f", 4, "-l", 4, pdfs.path(url), folder / f"{name}-page")
    renders = sorted(folder.glob("*.png"))
    print(f"edition renders: {folder}")
    assert len(renders) == 4
    for render in renders:
        assert render.stat().st_size > 5_000


def test_article_page_offers_its_edition_pdf_with_its_size(pdfs):
    size = pdfs.path(VI_PDF).stat().st_size
    assert size < 1_000_000
    link = pdfs.html("2024/hoi-nghi-cum-3/").select_one(".edition-download a")
    assert link["href"] == f"/{VI_PDF}"
    expected = format_decimal(round(size / 1000), "#,##0", locale="vi")
    assert normal(link.get_text()) == f"Tải tập san số này (PDF, {expected} kB)"

    link = pdfs.html("en/2024/hoi-nghi-cum-3/").select_one(".edition-download a")
    assert link["href"] == f"/{EN_PDF}"
    assert re.fullmatch(r"Download this edition \(PDF, \d+ kB\)", normal(link.get_text()))
    # a Vietnamese-only article is in the Vietnamese edition; one in no edition has no link
    assert pdfs.html("2024/quang-nam-tinh-nguyen-vien/").select_one(".edition-download")
    assert pdfs.html("2024/gia-lai-campuchia/").select_one(".edition-download") is None


# --- Bad input -------------------------------------------------------------------------


@pytest.fixture
def editions_copy(tmp_path):
    destination = tmp_path / "content"
    shutil.copytree(EDITIONS_FIXTURE, destination)
    return destination


@pytest.mark.parametrize(
    "change, message",
    [
        (
            ("Articles: hoi-nghi-cum-3,", "Articles: khong-co-bai-nay, hoi-nghi-cum-3,"),
            "editions/2024-01.vi.md:6: no published article has the slug 'khong-co-bai-nay'",
        ),
        (
            ("Number: 1", "Number: 1\nVolume: 3"),
            "editions/2024-01.vi.md:3: unknown key 'volume' (allowed: Title, Number, Date, Lang, "
            "Image, Image_caption, Articles, From, To, Categories)",
        ),
        (
            ("Date: 2024-03-31", "Date: 2024-03-31\nFrom: 2024-01-01"),
            "editions/2024-01.vi.md:7: give either 'Articles' (comma-separated slugs, in order) "
            "or 'From', 'To' and 'Categories', not both",
        ),
    ],
)
def test_bad_edition_fails_the_build_with_one_clear_message(
    editions_copy, tmp_path, change, message
):
    path = editions_copy / "editions" / "2024-01.vi.md"
    path.write_text(path.read_text(encoding="utf-8").replace(*change), encoding="utf-8")
    output = tmp_path / "output"
    output.mkdir()
    (output / "keep.txt").write_text("previous site")
    result = build(content=editions_copy, output=output, overrides={"EDITIONS": {"pdf": False}})
    assert not result.ok
    assert result.errors == [message]
    assert (output / "keep.txt").read_text() == "previous site"


def test_unknown_editions_setting_is_refused(tmp_path):
    result = build(
        content=EDITIONS_FIXTURE,
        output=tmp_path / "output",
        overrides={"EDITIONS": {"pdf": True, "paper": "A5"}},
    )
    assert not result.ok
    assert any("EDITIONS: unknown keys ['paper']" in error for error in result.errors)


def test_editions_command_typesets_the_pdfs_alone(pdfs, tmp_path):
    output = tmp_path / "output"
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "press",
            "editions",
            "--content",
            EDITIONS_FIXTURE,
            "--output",
            output,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert completed.returncode == 0, completed.stderr
    assert sorted(p.relative_to(output).as_posix() for p in output.rglob("*") if p.is_file()) == [
        EN_PDF,
        VI_PDF,
        "tap-san/2024-02/tap-san-2024-02.pdf",
    ]
    assert re.search(rf"^{VI_PDF}: 8 pages, [\d,]+ bytes, [\d.]+ s$", completed.stdout, re.M)
    assert (output / VI_PDF).read_bytes() == pdfs.path(VI_PDF).read_bytes()


def test_rebuild_updates_the_pdf_size_on_every_article_page_of_the_edition(editions_copy, tmp_path):
    """The page cache keeps unchanged pages; an article page whose edition PDF changed
    size (because another article of the edition changed) must be rendered again."""
    from editions import pdf

    require(pdf.available(), f"WeasyPrint cannot be imported ({pdf.import_problem()})")
    output = tmp_path / "output"
    cache = str(tmp_path / "cache")  # the page cache and the PDF cache, both in use
    first = build_site(editions_copy, output, CACHE_PATH=cache)
    size_before = first.path(VI_PDF).stat().st_size
    text_before = normal(
        first.html("2024/dak-lak-hoc-bong/").select_one(".edition-download").get_text()
    )

    article = editions_copy / "articles" / "2024" / "hoi-nghi-cum-3.vi.md"
    article.write_text(
        article.read_text(encoding="utf-8") + "\n" + "Thêm một đoạn văn.\n" * 400, encoding="utf-8"
    )
    second = build_site(editions_copy, output, CACHE_PATH=cache)
    size_after = second.path(VI_PDF).stat().st_size
    assert size_after > size_before + 2000
    text_after = normal(
        second.html("2024/dak-lak-hoc-bong/").select_one(".edition-download").get_text()
    )
    expected = format_decimal(round(size_after / 1000), "#,##0", locale="vi")
    assert text_after == f"Tải tập san số này (PDF, {expected} kB)" != text_before


def test_without_weasyprint_the_build_says_so_once_and_links_no_pdf(tmp_path, monkeypatch):
    from editions import pdf

    monkeypatch.setattr(pdf, "_weasyprint", None)
    monkeypatch.setattr(pdf, "_problem", "cannot load library 'libpango-1.0-0'")
    site = build_site(EDITIONS_FIXTURE, tmp_path / "output")
    notices = [w for w in site.result.warnings if "Edition PDFs skipped" in w]
    assert notices == [
        "Edition PDFs skipped: WeasyPrint cannot be imported (cannot load library "
        "'libpango-1.0-0'); install its system libraries (see .ci/run)"
    ]
    assert site.files("**/*.pdf") == []
    assert site.path("tap-san/2024-01/").is_file()
    assert site.html("2024/hoi-nghi-cum-3/").select_one(".edition-download") is None

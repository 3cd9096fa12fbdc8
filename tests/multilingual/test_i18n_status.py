"""`invoke i18n-status`: the translation plan editors read, checked on a fixture whose
articles are untranslated, outdated and fully translated."""

import shutil
import subprocess
import sys
from pathlib import Path

from multilingual import status

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "translations"


def run_status(content: Path) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "invoke", "i18n-status", "--content", str(content)],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    return done.stdout


def table(output: str) -> dict:
    rows = {}
    for line in output.splitlines():
        cells = line.split()
        if len(cells) == 5 and cells[0] in ("vi", "en", "fr", "lo", "zh", "km"):
            rows[cells[0]] = cells[1:]
    return rows


def test_status_table_counts_translated_missing_and_outdated_articles():
    output = run_status(FIXTURE)
    assert output.startswith("3 articles")
    assert table(output) == {
        # interface, translated, missing, outdated
        "vi": ["100%", "0", "0", "0"],
        "en": ["100%", "2", "1", "1"],
        "fr": ["100%", "2", "1", "0"],
        "lo": ["100%", "1", "2", "0"],
        "zh": ["100%", "1", "2", "0"],
        "km": ["100%", "1", "2", "0"],
    }
    assert (
        "outdated [en] articles/2024/hoi-nghi-cum-3-tai-khanh-hoa.en.md: the original "
        "articles/2024/hoi-nghi-cum-3-tai-khanh-hoa.vi.md changed on 2024-03-05 08:00, "
        "the translation on 2024-02-29 09:30"
    ) in output


def test_updating_a_translation_makes_it_current_and_drafts_do_not_count(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    english = content / "articles" / "2024" / "hoi-nghi-cum-3-tai-khanh-hoa.en.md"
    english.write_text(
        english.read_text(encoding="utf-8").replace(
            "Date: 2024-02-29 09:30", "Date: 2024-02-29 09:30\nModified: 2024-03-07 10:00"
        ),
        encoding="utf-8",
    )
    (content / "articles" / "2024" / "ban-nhap.vi.md").write_text(
        "Title: Bản nháp\nDate: 2024-06-01 08:00\nStatus: draft\n\nChưa xong.\n", encoding="utf-8"
    )
    rows = table(run_status(content))
    assert rows["en"] == ["100%", "2", "1", "0"]
    assert rows["zh"] == ["100%", "1", "2", "0"]


def test_interface_completeness_counts_empty_and_fuzzy_messages_as_missing(tmp_path):
    translations = tmp_path / "translations"
    shutil.copytree(ROOT / "translations", translations)
    po = translations / "fr" / "LC_MESSAGES" / "messages.po"
    text = po.read_text(encoding="utf-8")
    text = text.replace('msgstr "Accueil"', 'msgstr ""')
    text = text.replace('msgid "Hot news"', '#, fuzzy\nmsgid "Hot news"')
    po.write_text(text, encoding="utf-8")
    with open(translations / "messages.pot", encoding="utf-8") as handle:
        total = handle.read().count("\nmsgid ") - 1  # minus the header entry
    assert status.interface_completeness(translations, "fr") == 100.0 * (total - 2) / total
    assert status.interface_completeness(translations, "en") == 100.0


def test_headers_are_read_without_the_body(tmp_path):
    source = tmp_path / "x.vi.md"
    source.write_text(
        "Title: Một\nDate: 2024-01-02 03:04\nSummary: dòng một\n    dòng hai\n\nModified: 2030-01-01\n",
        encoding="utf-8",
    )
    assert status.read_header(source) == {
        "title": "Một", "date": "2024-01-02 03:04", "summary": "dòng một dòng hai",
    }


def test_status_of_the_sample_content_matches_what_the_build_publishes(sample_site):
    """The report's counts agree with the built sample site, language by language."""
    import re

    groups, statuses = status.report(ROOT / "content", ROOT / "translations")
    assert groups, "the sample content has articles"
    files = sample_site.files()
    originals = {g.original.lang for g in groups}
    assert originals == {"vi"}
    article_pages = {
        code: [f for f in files if re.fullmatch(rf"{code}/\d{{4}}/[^/]+/index\.html", f)]
        for code in ("en", "fr", "lo", "zh", "km")
    }
    by_code = {s.code: s for s in statuses}
    for code, pages in article_pages.items():
        assert len(by_code[code].translated) == len(pages), code
        assert len(by_code[code].translated) + len(by_code[code].missing) == len(groups)
    # The sample content has at least one untranslated article and one outdated translation,
    # and the outdated ones are exactly the pages that show the notice.
    assert by_code["en"].missing and by_code["en"].outdated
    with_notice = sorted(
        page for pages in article_pages.values() for page in pages
        if sample_site.html("/" + page).select_one(".translation-notice")
    )
    reported = sorted(
        f"{s.code}/{version.date:%Y}/{g.original.slug or g.original.stem}/index.html"
        for s in statuses for g, version in s.outdated
    )
    assert with_notice == reported

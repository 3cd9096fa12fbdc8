"""Content validation: every malformed input yields its exact message, all at once."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT

from press.build import load_settings, validate

CASES = Path(__file__).parent / "cases"
CASE_NAMES = sorted(p.name for p in CASES.iterdir() if p.is_dir())


def case_settings(case: Path, content=None):
    overrides = {}
    if (case / "validation.json").exists():
        overrides["VALIDATION"] = json.loads((case / "validation.json").read_text())
    return load_settings(
        ROOT / "pelicanconf.py", content=content or case / "content", overrides=overrides
    )


def run_press(*args, env=None):
    return subprocess.run(
        [sys.executable, "-m", "press", *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "CI": "", **(env or {})},
    )


def test_the_corpus_has_at_least_thirty_malformed_inputs():
    assert len(CASE_NAMES) >= 30


@pytest.mark.parametrize("name", CASE_NAMES)
def test_malformed_input_gives_its_exact_message(name):
    case = CASES / name
    problems, errors, warnings = validate(case_settings(case))
    expected = (case / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert [p.format() for p in problems] == expected


def test_the_fixture_content_is_valid():
    problems, errors, warnings = validate(case_settings(CASES, FIXTURES / "bilingual"))
    assert problems == []


def test_all_problems_are_reported_at_once(tmp_path):
    content = tmp_path / "content"
    for name in ("date-impossible", "script-tag", "unknown-category", "not-utf8"):
        source = CASES / name / "content" / "articles" / "2024" / "a.vi.md"
        target = content / "articles" / "2024" / f"{name}.vi.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(source, target)
    done = run_press("check", "--content", content)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    lines = [line for line in done.stderr.splitlines() if ".vi.md:" in line]
    # four files, four mistakes, and two of them share the title "Hội nghị Cụm 3", so a slug
    assert len(lines) == 5, done.stderr
    assert any("the slug 'hoi-nghi-cum-3' in vi is already used by" in line for line in lines)
    assert any(
        "date-impossible.vi.md:2: Date: '2024-02-30 10:00' is not a real date" in line
        for line in lines
    )
    assert any(
        "script-tag.vi.md:7: body: raw HTML <script> is not allowed" in line for line in lines
    )
    assert "Content check failed: 5 error(s), 0 warning(s)" in done.stderr


@pytest.mark.parametrize(
    "name", ["not-utf8", "byte-order-mark", "header-line-without-colon", "slug-escapes-output"]
)
def test_check_command_exits_non_zero_without_traceback(name):
    done = run_press("check", "--content", CASES / name / "content")
    expected = (CASES / name / "expected.txt").read_text(encoding="utf-8").strip()
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    path, rest = expected.split(":", 1)
    assert f"{path}:{rest}" in done.stderr


def test_build_stops_before_pelican_on_errors_and_keeps_output(tmp_path):
    output = tmp_path / "out"
    output.mkdir()
    (output / "index.html").write_text("previous site")
    done = run_press(
        "build", "--content", CASES / "date-impossible" / "content", "--output", output
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "a.vi.md:2: Date: '2024-02-30 10:00' is not a real date or time" in done.stderr
    assert "Done: Processed" not in done.stderr + done.stdout  # Pelican never ran
    assert [p.name for p in output.iterdir()] == ["index.html"]
    assert (output / "index.html").read_text() == "previous site"


def test_warnings_are_listed_but_fatal_only_when_strict(tmp_path):
    content = CASES / "page-missing-translation" / "content"
    relaxed = run_press("check", "--content", content)
    assert relaxed.returncode == 0
    assert "gioi-thieu.vi.md:1: Lang: the page has no en translation" in relaxed.stderr
    assert run_press("check", "--strict", "--content", content).returncode == 1
    in_ci = run_press("check", "--content", content, env={"CI": "true"})
    assert in_ci.returncode == 1
    assert "strict: warnings are fatal" in in_ci.stderr


def test_check_never_runs_markdown(monkeypatch):
    """The check parses headers itself and scans the Markdown source: it must stay fast."""
    import markdown

    def refuse(*args, **kwargs):
        raise AssertionError("the check ran Markdown")

    monkeypatch.setattr(markdown.Markdown, "convert", refuse)
    problems, errors, warnings = validate(case_settings(CASES / "script-tag"))
    assert len(errors) == 1


def test_light_settings_of_the_check_agree_with_pelicans():
    from press.check import DEFAULTS, read_settings_light

    light = read_settings_light(ROOT / "pelicanconf.py", content=FIXTURES / "bilingual")
    full = load_settings(ROOT / "pelicanconf.py", content=FIXTURES / "bilingual")
    for key in DEFAULTS:
        expected = full[key]
        if key == "SLUG_REGEX_SUBSTITUTIONS":
            expected = [tuple(pair) for pair in expected]
            assert [tuple(pair) for pair in light[key]] == expected
        else:
            assert light[key] == expected, key


def problems_of_one_article(tmp_path, text: str) -> list:
    """What the check finds in a content folder holding one article with `text`."""
    from press.check import read_settings_light

    folder = tmp_path / "content" / "articles" / "2024"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "a.vi.md").write_text(text, encoding="utf-8")
    settings = read_settings_light(ROOT / "pelicanconf.py", content=tmp_path / "content")
    return validate(settings)[0]


def test_a_date_without_time_is_the_whole_day(tmp_path):
    text = (
        "Title: Bài\nDate: 2024-03-01 19:00\nModified: 2024-03-01\n"
        "Event_start: 2024-03-01 19:45\nEvent_end: 2024-03-01\n\nNội dung.\n"
    )
    assert problems_of_one_article(tmp_path, text) == []


def test_a_footnote_is_not_a_link(tmp_path):
    """`[^1]: text` defines a footnote (Markdown extra), not a link whose target is "text";
    a reference definition with a relative target is still an error."""
    text = (
        "Title: Bài\nDate: 2024-03-01 19:00\n\nTheo Chỉ thị số 12-CT/TW.[^1]\n\n"
        "[^1]: Ghi chú về chỉ thị.\n[^ghi-chu]:   Một ghi chú nữa.\n"
    )
    assert problems_of_one_article(tmp_path, text) == []

    text = "Title: Bài\nDate: 2024-03-01 19:00\n\nXem [ghi chú][g].\n\n[g]: Ghi\n"
    problems = problems_of_one_article(tmp_path, text)
    assert [(p.line, p.field) for p in problems] == [(6, "body")]
    assert "the relative link 'Ghi'" in problems[0].message

"""Gates: ruff (lint and format) over the project's Python; the template lint."""

import subprocess
import sys

import pytest

from press.build import ROOT
from press.templatelint import lint_template, lint_templates

RUFF = [sys.executable, "-m", "ruff"]


def ruff(*args, cwd=ROOT):
    return subprocess.run([*RUFF, *args], cwd=cwd, capture_output=True, text=True)


def test_ruff_check_passes_on_the_project():
    done = ruff("check", "--no-cache", ".")
    assert done.returncode == 0, done.stdout + done.stderr


def test_ruff_format_check_passes_on_the_project():
    done = ruff("format", "--check", "--no-cache", ".")
    assert done.returncode == 0, done.stdout + done.stderr


def test_ruff_reports_a_planted_unused_import_and_bad_format(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("import os\nx = {'a':1}\n")
    settings = ["--config", str(ROOT / "pyproject.toml"), "--no-cache"]
    check = ruff("check", *settings, str(bad), cwd=tmp_path)
    assert check.returncode == 1 and "F401" in check.stdout, check.stdout
    form = ruff("format", "--check", *settings, str(bad), cwd=tmp_path)
    assert form.returncode == 1 and "bad.py" in form.stdout + form.stderr


def test_theme_templates_have_no_inline_script_or_style_attribute():
    findings = lint_templates(ROOT / "theme" / "templates")
    assert findings == [], "\n".join(map(str, findings))


@pytest.mark.parametrize(
    "snippet,message",
    [
        ("<script>alert(1)</script>", "inline <script>"),
        ('<script type="module">go()</script>', "inline <script>"),
        ('<p class="x" style="color: red">', "style= attribute"),
        ("<div\n  style='margin:0'>", "style= attribute"),
        ('<button onclick="go()">', "inline event handler"),
    ],
)
def test_template_lint_reports_planted_inline_script_and_style(snippet, message):
    findings = lint_template("<main>\n" + snippet + "\n</main>", "bad.html")
    assert [f.message.split(" (")[0] for f in findings] == [message]
    assert findings[0].line == 2


def test_template_lint_allows_script_files_json_ld_and_comments():
    text = (
        '<script src="/theme/js/site.js" defer></script>\n'
        '<script type="application/ld+json">{"@type": "NewsArticle"}</script>\n'
        '{# <p style="x"> is fine inside a comment #}\n<p class="stylex" data-style="y">'
    )
    assert lint_template(text, "ok.html") == []

"""Gate: the Nu Html Checker finds no error in any page or stylesheet of the six language trees.

One JVM checks the whole sample site and, beside it, copies with planted errors (the proof that
the gate fails): vnu's start-up costs seconds, each page milliseconds.
"""

import os

import pytest

from press.validate import site_files, validate

PLANTED = "__planted__"
MAIN = '<main id="main" tabindex="-1">'
UNCLOSED = MAIN + '<div class="planted">'  # never closed: </main> comes first


@pytest.fixture(scope="module")
def problems(sample_site, vnu, tmp_path_factory):
    """vnu's errors for every file of the sample site plus the planted files, by file."""
    tree = tmp_path_factory.mktemp("validate")
    files = []
    for source in site_files(sample_site.root):
        target = tree / source.relative_to(sample_site.root)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.link(source, target)
        files.append(target)
    planted = tree / PLANTED
    planted.mkdir()
    home = sample_site.path("/").read_text(encoding="utf-8")
    assert MAIN in home
    (planted / "good.html").write_text(home, encoding="utf-8")
    (planted / "unclosed.html").write_text(home.replace(MAIN, UNCLOSED, 1), encoding="utf-8")
    css = (sample_site.root / "theme/css/main.css").read_text(encoding="utf-8")
    (planted / "bad.css").write_text(css + "\n.planted { colour: red; width: 10 px; }\n")
    files += sorted(planted.iterdir())
    by_file = {}
    for problem in validate(tree, files):
        by_file.setdefault(problem.file, []).append(problem)
    return by_file


def test_every_page_and_stylesheet_of_every_language_is_valid(sample_site, problems):
    files = site_files(sample_site.root)
    assert len([f for f in files if f.suffix == ".html"]) > 100
    assert any(f.suffix == ".css" for f in files)
    for code in ("en", "fr", "lo", "zh", "km"):
        assert (sample_site.root / code / "index.html").exists(), code
    site = [p for name, found in problems.items() if not name.startswith(PLANTED) for p in found]
    assert site == [], "\n".join(map(str, site))


def test_validation_reports_an_unclosed_element_and_bad_css(problems):
    planted = {name for name in problems if name.startswith(PLANTED)}
    assert planted == {f"{PLANTED}/unclosed.html", f"{PLANTED}/bad.css"}
    messages = " ".join(p.message for p in problems[f"{PLANTED}/unclosed.html"])
    assert "Unclosed element" in messages and "div" in messages, messages
    css = " ".join(p.message for p in problems[f"{PLANTED}/bad.css"])
    assert "colour" in css, css

"""`invoke bench` at a tiny size: the benchmark is not a test, but it must keep working.

Runs bench/run.py as `invoke bench` does (stock Pelican, this project and Hugo on one generated
corpus, then --scaling) on 4 article pairs, and checks that every row of the report is there
and filled in. Timings are not checked: they are what the benchmark is for
(docs/performance.md).
"""

import os
import re
import shlex
import subprocess
import sys

from press.build import ROOT

BENCH = ROOT / "bench"
TOOLS = {
    "baseline": "Pelican 4.12 + i18n_subsites + typogrify + cache (before)",
    "project": "Hữu Nghị Press (after)",
    "hugo": "Hugo 0.168.0",
}


def rows(report: str, heading: str) -> list[list[str]]:
    """The body rows of the first Markdown table after `heading` (or the first table)."""
    text = report.split(heading, 1)[1] if heading else report
    table = re.search(r"^\|.*(?:\n\|.*)*", text, re.M)[0].splitlines()
    return [[cell.strip() for cell in line.strip("|").split("|")] for line in table[2:]]


def test_the_benchmark_runs_every_tool_and_reports_every_figure():
    results = sorted((BENCH / "results").glob("*.md"))
    # The project's own command as `invoke bench` runs it, with this interpreter instead of uv.
    project = (
        f"{shlex.quote(sys.executable)} -m press build --content {{content}} --output {{output}}"
        " -e CACHE_PATH='\"{cache}\"'"
    )
    done = subprocess.run(
        [
            sys.executable,
            str(BENCH / "run.py"),
            "--n",
            "4",
            "--runs",
            "1",
            "--scaling",
            "4,6",
            "--no-save",
            "--project-cmd",
            project,
            "--preview-cmd",
            f"{shlex.quote(sys.executable)} bench/preview.py {{content}} {{output}} {{cache}}"
            " {article} {sentence}",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    report = done.stdout
    main = {row[0]: row for row in rows(report, "")}
    assert set(main) == set(TOOLS.values()), report
    for name, row in main.items():
        cold, rebuild = row[1], row[3]
        assert re.fullmatch(r"\d+\.\d\d / \d+\.\d\d", cold), (name, cold)
        assert re.fullmatch(r"\d+\.\d\d / \d+\.\d\d", rebuild), (name, rebuild)
        html = int(row[8])
        assert html > 0, (name, row)
        assert row[10].endswith("×") and row[11].endswith("×"), (name, row)
        if os.path.exists("/usr/bin/time"):  # GNU time measures it (.ci/run installs it)
            assert int(row[5]) > 0, ("peak RSS", name, row)
    assert main[TOOLS["hugo"]][10] == "1.0×"
    # The project writes the six language trees: more pages than the two-language baseline.
    assert int(main[TOOLS["project"]][8]) > int(main[TOOLS["baseline"]][8])
    preview = {row[0]: row for row in rows(report, "## Edit rebuilds, and the preview server")}
    assert len(preview) == 2 and TOOLS["project"] in preview, report
    for name, row in preview.items():
        assert re.fullmatch(r"\d+\.\d\d / \d+\.\d\d", row[1]), (name, row)
        assert row[4].endswith("×") and row[5].endswith("×"), (name, row)
    served_first = next(row for name, row in preview.items() if name != TOOLS["project"])
    assert re.fullmatch(r"\d+\.\d\d / \d+\.\d\d", served_first[6]), served_first
    assert served_first[7].endswith("×"), served_first  # the open page, shown before the end
    assert preview[TOOLS["project"]][6] == "–"  # a new process has no browser to show it in
    assert re.search(r"Search index \(project, Pagefind, search.index_size\): [\d,]+ KB", report)
    scaling = rows(report, "## Scaling")
    assert [(row[0], row[1]) for row in scaling] == [
        (size, tool) for size in ("4", "6") for tool in ("baseline", "project", "hugo")
    ]
    assert all(float(row[2]) > 0 and int(row[7]) > 0 for row in scaling), scaling
    assert "## Environment" in report
    assert sorted((BENCH / "results").glob("*.md")) == results, "--no-save writes nothing"

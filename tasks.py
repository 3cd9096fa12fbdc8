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

CONFIG = {
    "settings_base": ROOT / "pelicanconf.py",
    "settings_publish": ROOT / "publishconf.py",
    "content_path": ROOT / "content",
    "deploy_path": ROOT / "output",
    "translations": ROOT / "translations",
    "languages": contract.LANGUAGES,
    "host": "127.0.0.1",
    "port": 8000,
}


def press(c, *args, **kwargs):
    """Run the project's build command (python -m press …) in this environment."""
    command = " ".join(shlex.quote(str(a)) for a in (sys.executable, "-m", "press", *args))
    return c.run(command, pty=False, **kwargs)


@task
def clean(c):
    """Remove the generated site."""
    shutil.rmtree(CONFIG["deploy_path"], ignore_errors=True)


@task(help={"content": "content folder (default: content/)", "output": "output folder"})
def build(c, content=None, output=None):
    """Build the site into output/ (development settings)."""
    press(
        c,
        "build",
        "--settings", CONFIG["settings_base"],
        "--content", content or CONFIG["content_path"],
        "--output", output or CONFIG["deploy_path"],
    )


@task(help={"content": "content folder (default: content/)", "output": "output folder"})
def editions(c, content=None, output=None):
    """Typeset the edition PDFs (tập san) alone into output/ (a full build also does)."""
    press(
        c,
        "editions",
        "--settings", CONFIG["settings_base"],
        "--content", content or CONFIG["content_path"],
        "--output", output or CONFIG["deploy_path"],
    )


@task(help={"port": "port to serve on (default 8000)"})
def serve(c, port=None):
    """Build the site, serve it on http://127.0.0.1:8000 and rebuild when files change."""
    build(c)
    c.run(
        f"{shlex.quote(sys.executable)} -m pelican --autoreload --listen "
        f"--bind {CONFIG['host']} --port {port or CONFIG['port']} "
        f"-s {shlex.quote(str(CONFIG['settings_base']))} "
        f"-o {shlex.quote(str(CONFIG['deploy_path']))} "
        f"{shlex.quote(str(CONFIG['content_path']))}",
        pty=False,
    )


@task
def screenshots(c):
    """PNGs of home and an article at 375 px and 1280 px, in vi and en, into screenshots/."""
    from press.browser import screenshots as take

    for path in take(ROOT / "screenshots"):
        print(path.relative_to(ROOT))


@task(help={"args": "extra arguments for pytest, e.g. -k dates"})
def test(c, args=""):
    """Run the whole test suite."""
    c.run(f"{shlex.quote(sys.executable)} -m pytest {args}", pty=False)


def pybabel(c, *args):
    command = " ".join(shlex.quote(str(a)) for a in (sys.executable, "-m", "babel.messages.frontend", *args))
    c.run(command, pty=False)


@task(name="i18n-extract")
def i18n_extract(c):
    """Collect the interface strings of the theme and the code into translations/messages.pot."""
    pybabel(
        c, "extract", "-F", ROOT / "babel.cfg", "-k", "N_", "--no-location", "--sort-output",
        "-o", CONFIG["translations"] / "messages.pot", ROOT,
    )


@task(name="i18n-update", pre=[i18n_extract])
def i18n_update(c):
    """Merge new and changed strings into every language's catalog."""
    pybabel(
        c, "update", "-i", CONFIG["translations"] / "messages.pot", "-d", CONFIG["translations"],
        "--no-wrap", "--ignore-obsolete",
    )


@task(name="i18n-init", help={"locale": "language code, e.g. fr"})
def i18n_init(c, locale):
    """Start a catalog for a new language."""
    pybabel(
        c, "init", "-i", CONFIG["translations"] / "messages.pot", "-d", CONFIG["translations"],
        "-l", locale, "--no-wrap",
    )


@task(name="i18n-compile")
def i18n_compile(c):
    """Compile the catalogs to .mo files (the build also compiles them in memory)."""
    pybabel(c, "compile", "-d", CONFIG["translations"], "--statistics")

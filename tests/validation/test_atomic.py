"""Atomic and reproducible builds: faults injected by the test never touch output/."""

import hashlib
import json
import os
import runpy
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, build_site, digests, wait_for

from press.build import build

FAULT_PLUGINS = Path(__file__).parent / "plugins"
PROJECT_SETTINGS = runpy.run_path(str(ROOT / "pelicanconf.py"))


def press_with_fault(content, output, fault, *extra, marker=None, overrides=None):
    """`python -m press build` with the test-only fault_injection plugin enabled."""
    settings = dict(overrides or {})
    settings.update(
        PLUGIN_PATHS=[str(ROOT / "plugins"), str(FAULT_PLUGINS)],
        PLUGINS=[*PROJECT_SETTINGS["PLUGINS"], "fault_injection"],
    )
    command = [
        sys.executable,
        "-c",
        # `python -m press`, with Python's own SIGINT handler even when this test run ignores
        # SIGINT (a suite a shell started in the background does, and so would its children):
        # what is tested is how the build handles an interrupt.
        "import runpy, signal; signal.signal(signal.SIGINT, signal.default_int_handler); "
        "runpy.run_module('press', run_name='__main__', alter_sys=True)",
        "build",
        "--content",
        str(content),
        "--output",
        str(output),
    ]
    for key, value in settings.items():
        command += ["-e", f"{key}={json.dumps(value)}"]
    env = {**os.environ, "CI": "", "PRESS_TEST_FAULT": fault}
    if marker:
        env["PRESS_TEST_FAULT_MARKER"] = str(marker)
    return subprocess.Popen(
        [*command, *extra],
        cwd=ROOT,
        env=env,
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


@pytest.fixture
def published(tmp_path, content_copy):
    """An output/ from a good build, and content changed since, so a new build differs."""
    output = tmp_path / "out"
    build_site(content_copy, output)
    (content_copy / "articles" / "2024" / "moi.vi.md").write_text(
        "Title: Bài mới\nDate: 2024-05-01 08:00\n\nNội dung mới.\n", encoding="utf-8"
    )
    return content_copy, output, digests(output)


def test_failing_build_leaves_output_byte_for_byte(tmp_path, published):
    content, output, before = published
    process = press_with_fault(content, output, "raise")
    stdout, stderr = process.communicate(timeout=300)
    assert process.returncode == 1
    assert "The build stopped: RuntimeError: fault injected by the test" in stdout + stderr
    assert "Traceback" not in stdout + stderr
    assert digests(output) == before
    assert not list(tmp_path.glob(".out-*"))


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL], ids=["SIGINT", "SIGKILL"])
def test_killed_build_leaves_output_byte_for_byte(tmp_path, published, sig):
    content, output, before = published
    marker = tmp_path / "reached"
    process = press_with_fault(content, output, "sleep", marker=marker)
    deadline = time.monotonic() + 240
    while not marker.exists():
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.05)
    staging = Path(marker.read_text())
    assert staging.is_dir() and (staging / "index.html").exists()  # the new site was written
    process.send_signal(sig)
    stdout, stderr = process.communicate(timeout=60)
    assert process.returncode != 0
    assert "Traceback" not in stderr
    assert digests(output) == before
    if sig == signal.SIGINT:
        assert "Interrupted; the output folder was left as it was." in stderr
        assert not staging.exists()  # cleaned up on the way out
    # The next good build publishes and sweeps whatever a killed build left behind.
    build_site(content, output)
    assert digests(output) != before
    assert leftovers_vanish(tmp_path)


def leftovers_vanish(folder: Path, seconds=60) -> bool:
    """Killed builds' staging folders are deleted in the background; the previous site is
    kept only as the next build's spare, emptied of its files."""
    if not wait_for(
        lambda: not (list(folder.glob(".out-building-*")) + list(folder.glob(".out-old-*"))),
        seconds,
    ):
        return False
    return not [p for p in folder.glob(".out-spare/**/*") if not p.is_dir()]


def fault_build(content, output, monkeypatch, fault, **kwargs):
    """An in-process build with the test-only fault_injection plugin enabled."""
    monkeypatch.setenv("PRESS_TEST_FAULT", fault)
    overrides = kwargs.pop("overrides", {})
    overrides.update(
        PLUGIN_PATHS=[str(ROOT / "plugins"), str(FAULT_PLUGINS)],
        PLUGINS=[*PROJECT_SETTINGS["PLUGINS"], "fault_injection"],
    )
    return build(content=content, output=output, overrides=overrides, **kwargs)


def test_strict_mode_counts_only_unfiltered_warnings(tmp_path, monkeypatch):
    content = FIXTURES / "bilingual"
    result = fault_build(content, tmp_path / "a", monkeypatch, "warn", strict=True)
    assert not result.ok and not result.errors
    assert result.warnings == ["Injected warning for the strict-mode test"]
    assert not (tmp_path / "a").exists()
    # Filtered out with LOG_FILTER, the same warning no longer fails a strict build
    # (Pelican's own `--fatal warnings` would still trip on it).
    result = fault_build(
        content,
        tmp_path / "b",
        monkeypatch,
        "warn",
        strict=True,
        overrides={"LOG_FILTER": [(30, "Injected warning for the strict-mode test")]},
    )
    assert result.ok and result.warnings == []
    assert (tmp_path / "b" / "index.html").exists()
    # Not strict: the warning is listed but the site is published.
    result = fault_build(content, tmp_path / "c", monkeypatch, "warn")
    assert result.ok and result.warnings == ["Injected warning for the strict-mode test"]
    assert (tmp_path / "c" / "index.html").exists()


def test_strict_build_command_fails_on_a_warning(tmp_path):
    process = press_with_fault(FIXTURES / "bilingual", tmp_path / "a", "warn", "--strict")
    stdout, stderr = process.communicate(timeout=300)
    assert process.returncode == 1, stderr
    assert "Injected warning for the strict-mode test" in stdout
    assert "Build failed with 0 error(s) and 1 warning(s) (strict)" in stderr


@pytest.fixture(scope="module", params=["fixture", "sample"])
def two_builds(request, tmp_path_factory):
    content = {"fixture": FIXTURES / "bilingual", "sample": ROOT / "content"}[request.param]
    folder = tmp_path_factory.mktemp(f"twice-{request.param}")
    first = build_site(content, folder / "one" / "output")
    second = build_site(content, folder / "two" / "output")
    return digests(first.root), digests(second.root)


def test_two_builds_of_the_same_content_are_byte_identical(two_builds):
    first, second = two_builds
    assert len(first) > 50
    # Every file, the whole search bundle included (plugins/search/canonical.py).
    assert first == second
    assert any(path.startswith("pagefind/vi/filter/") for path in first)


def test_source_date_epoch_is_the_build_time(monkeypatch):
    from press.build import load_settings

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1709103660")
    settings = load_settings(ROOT / "pelicanconf.py", content=FIXTURES / "bilingual")
    assert settings["BUILD_TIME"].isoformat() == "2024-02-28T07:01:00+00:00"
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert "BUILD_TIME" not in load_settings(
        ROOT / "pelicanconf.py", content=FIXTURES / "bilingual"
    )


def test_a_failed_build_leaves_the_caches_describing_the_published_site(tmp_path, monkeypatch):
    """A build that fails after writing its pages (here, at `finalized`) must not leave the
    page cache describing its unpublished pages: the next build would keep the published,
    older, page of an edited article as if it were the edited one."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "bilingual", content)
    output, cache = tmp_path / "out", tmp_path / "cache"
    settings = {"CACHE_PATH": str(cache)}
    assert fault_build(content, output, monkeypatch, "", overrides=dict(settings)).ok
    article = content / "articles" / "2022" / "cum-5-dong-thap.vi.md"
    article.write_text(article.read_text("utf-8") + "\nThêm một đoạn sau lần dựng hỏng.\n", "utf-8")
    failed = fault_build(content, output, monkeypatch, "raise", overrides=dict(settings))
    assert not failed.ok and not failed.published
    assert fault_build(content, output, monkeypatch, "", overrides=dict(settings)).ok
    pages = [p for p in output.rglob("index.html") if "Thêm một đoạn" in p.read_text("utf-8")]
    assert pages, "the edited article's page was kept from the site before the edit"

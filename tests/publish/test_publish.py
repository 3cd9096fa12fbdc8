"""`press publish` (uv run invoke publish): rsync, GitHub Pages, folder and archive targets,
dry runs, the safety check and precompressed copies."""

import functools
import gzip
import io
import os
import shutil
import subprocess
import sys
import tarfile
from contextlib import redirect_stderr, redirect_stdout
from unittest import mock

import brotli
import pytest

from conftest import FIXTURES, IN_CI, ROOT, build_site
from press import publish as publish_module
from press.__main__ import main as press_main

SITEURL = "https://example.net/bulletin"


def press(*args, env=None):
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("PUBLISH_", "SITEURL"))}
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "press", *map(str, args)],
        cwd=ROOT, capture_output=True, text=True, timeout=300, env=environment,
    )


@functools.cache
def _built(base):
    site = build_site(FIXTURES / "feeds", base / "publish-built" / "output", SITEURL=SITEURL).root
    # Once, quickly; the copies keep their times, so publishing them does not compress again.
    publish_module.precompress(site, dict(publish_module.DEFAULTS, brotli_quality=4))
    return site


@pytest.fixture
def site(tmp_path, tmp_path_factory):
    """A fresh copy of a production build of the feeds fixture (built once per session)."""
    copy = tmp_path / "site"
    shutil.copytree(_built(tmp_path_factory.getbasetemp()), copy)
    return copy


def snapshot(folder):
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*")) if p.is_file()
    }


def publish(site, *args, env=None):
    """`python -m press publish --no-build …`, run in this process (no interpreter start-up)."""
    return press_here("publish", "--no-build", "--output", site, *args, env=env)


def press_here(*args, env=None):
    out, err = io.StringIO(), io.StringIO()
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("PUBLISH_", "SITEURL"))}
    environment.update(env or {})
    with mock.patch.dict(os.environ, environment, clear=True), redirect_stdout(out), redirect_stderr(err):
        code = press_main(list(map(str, args)))
    return subprocess.CompletedProcess(args, code, out.getvalue(), err.getvalue())


def need(tool):
    if shutil.which(tool) is None:
        if IN_CI:
            pytest.fail(f"{tool} is missing in CI: .ci/run must install it")
        pytest.skip(f"{tool} is not installed here (install it to run this test; CI always does)")


def test_rsync_to_a_local_path_publishes_the_site_with_precompressed_copies(site, tmp_path):
    need("rsync")
    target = tmp_path / "www"
    target.mkdir()
    (target / "stale.html").write_text("an old page")
    done = publish(site, env={"PUBLISH_TARGET": "rsync", "PUBLISH_RSYNC_DEST": str(target)})
    assert done.returncode == 0, done.stderr
    assert "Published: rsync" in done.stdout
    published = snapshot(target)
    assert published == snapshot(site)  # --delete removed stale.html
    assert "stale.html" not in published
    html = published["en/index.html"]
    assert gzip.decompress(published["en/index.html.gz"]) == html
    assert brotli.decompress(published["en/index.html.br"]) == html
    assert brotli.decompress(published["sitemap.xml.br"]) == published["sitemap.xml"]
    assert "theme/img/logo.png.gz" not in published  # images are not text
    # Publishing again sends nothing.
    again = publish(site, "--target", "rsync", "--dest", target)
    assert again.returncode == 0, again.stderr
    assert "0 new, 0 changed, 0 deleted" in again.stdout


def test_dry_runs_change_nothing(site, tmp_path):
    need("rsync")
    target = tmp_path / "www"
    target.mkdir()
    (target / "index.html").write_text("the live site")
    for n in range(3):
        (target / f"old-{n}.html").write_text("old")
    bare = tmp_path / "pages.git"
    subprocess.run(["git", "init", "--quiet", "--bare", bare], check=True)
    before_site, before_target = snapshot(site), snapshot(target)
    for target_args in (["--target", "rsync", "--dest", target],
                        ["--target", "directory", "--dest", target],
                        ["--target", "archive", "--dest", tmp_path / "site.tar.gz"],
                        ["--target", "ghpages", "--dest", bare]):
        done = publish(site, "--dry-run", *target_args)
        assert done.returncode == 0, (target_args, done.stderr)
        assert "Dry run, nothing was changed" in done.stdout
        assert "\n  new      " in done.stdout
    assert "deleted  old-1.html" in publish(site, "--dry-run", "--target", "rsync", "--dest", target).stdout
    assert snapshot(site) == before_site
    assert snapshot(target) == before_target
    assert not (tmp_path / "site.tar.gz").exists()
    refs = subprocess.run(["git", "--git-dir", bare, "for-each-ref"], capture_output=True, text=True)
    assert refs.stdout == ""


@pytest.mark.parametrize("target", ["rsync", "directory", "ghpages", "archive"])
def test_the_safety_check_refuses_an_empty_site(tmp_path, target):
    if target == "rsync":
        need("rsync")
    empty = tmp_path / "empty"
    empty.mkdir()
    live = tmp_path / "www"
    live.mkdir()
    (live / "index.html").write_text("the live site")
    dest = {"ghpages": tmp_path / "pages.git", "archive": tmp_path / "a.tar.gz"}.get(target, live)
    if target == "ghpages":
        subprocess.run(["git", "init", "--quiet", "--bare", dest], check=True)
    done = publish(empty, "--target", target, "--dest", dest)
    assert done.returncode == 1
    assert "refusing to publish an empty or broken site" in done.stderr
    assert "Traceback" not in done.stderr
    assert snapshot(live) == {"index.html": b"the live site"}
    assert not (tmp_path / "a.tar.gz").exists()


def test_the_safety_check_refuses_a_tiny_site_or_deleting_most_of_the_live_one(site, tmp_path):
    need("rsync")
    tiny = tmp_path / "tiny"
    tiny.mkdir()
    (tiny / "index.html").write_text("<p>hello</p>")
    live = tmp_path / "www"
    shutil.copytree(site, live)
    done = publish(tiny, "--target", "rsync", "--dest", live)
    assert done.returncode == 1 and "suspiciously small" in done.stderr
    # A real site that would delete most of what is published (say, the build lost a language).
    partial = tmp_path / "partial"
    shutil.copytree(site, partial, ignore=shutil.ignore_patterns("en", "fr", "lo", "zh", "km"))
    before = snapshot(live)
    done = publish(partial, "--target", "rsync", "--dest", live)
    assert done.returncode == 1 and "refusing" in done.stderr, done.stdout
    assert snapshot(live) == before
    forced = publish(partial, "--target", "rsync", "--dest", live, "--force")
    assert forced.returncode == 0, forced.stderr
    assert not (live / "en").exists()


def git(bare, *args):
    return subprocess.run(["git", "--git-dir", bare, *args], capture_output=True, text=True, check=True).stdout


def test_github_pages_branch_of_a_bare_repository(site, tmp_path):
    bare = tmp_path / "pages.git"
    subprocess.run(["git", "init", "--quiet", "--bare", bare], check=True)
    done = publish(site, "--target", "ghpages", "--dest", bare, env={"PUBLISH_GH_CNAME": "bulletin.example.net"})
    assert done.returncode == 0, done.stderr
    files = set(git(bare, "ls-tree", "-r", "--name-only", "gh-pages").split())
    assert {"index.html", "en/index.html", "sitemap.xml", "feeds/all.atom.xml", ".nojekyll", "CNAME"} <= files
    assert "en/index.html.br" in files
    assert git(bare, "show", "gh-pages:en/index.html").encode() == (site / "en/index.html").read_bytes()
    # A second publication is a new commit on top of the first: the branch keeps its history.
    (site / "robots.txt").write_text("User-agent: *\nDisallow:\n")
    done = publish(site, "--target", "ghpages", "--dest", bare)
    assert done.returncode == 0, done.stderr
    assert "0 new, 1 changed, 0 deleted" in done.stdout
    assert len(git(bare, "rev-list", "gh-pages").split()) == 2
    assert git(bare, "show", "gh-pages:robots.txt") == "User-agent: *\nDisallow:\n"


def test_directory_and_archive_targets(site, tmp_path):
    folder = tmp_path / "upload"
    done = publish(site, "--target", "directory", "--dest", folder)
    assert done.returncode == 0, done.stderr
    assert snapshot(folder) == snapshot(site)
    archive = tmp_path / "site.tar.gz"
    done = publish(site, "--target", "archive", "--dest", archive)
    assert done.returncode == 0, done.stderr
    with tarfile.open(archive) as tar:
        names = tar.getnames()
        assert tar.extractfile("en/index.html").read() == (site / "en/index.html").read_bytes()
    assert sorted(names) == sorted(snapshot(site))
    first = archive.read_bytes()
    publish(site, "--target", "archive", "--dest", archive)
    assert archive.read_bytes() == first  # reproducible


def test_publish_builds_with_publishconf_and_needs_siteurl_and_a_target(tmp_path):
    output, folder = tmp_path / "out", tmp_path / "upload"
    fast = tmp_path / "fastconf.py"  # publishconf.py with quicker brotli, for the test's time
    fast.write_text("from publishconf import *\nPUBLISH = dict(PUBLISH, brotli_quality=4)\n")
    done = press_here("publish", "--target", "directory", "--dest", folder,
                      "--content", FIXTURES / "feeds", "--output", output)
    assert done.returncode == 2 and "SITEURL" in done.stderr
    done = press_here("publish", "--content", FIXTURES / "feeds", "--output", output,
                      env={"SITEURL": SITEURL})
    assert done.returncode == 2 and "PUBLISH_TARGET" in done.stderr
    done = press("publish", "--content", FIXTURES / "feeds", "--output", output, "--settings", fast,
                 env={"SITEURL": SITEURL, "PUBLISH_TARGET": "directory", "PUBLISH_DIR": str(folder),
                      "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr
    assert (folder / "index.html.gz").is_file()
    assert f'href="{SITEURL}/en/"' in (folder / "index.html").read_text(encoding="utf-8")

"""The build command: exit codes, and the published output survives a failed build."""

import subprocess
import sys
import time

from conftest import FIXTURES, ROOT, build_site, wait_for


def run_press(*args):
    return subprocess.run(
        [sys.executable, "-m", "press", *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


def snapshot(folder):
    return {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_build_command_succeeds_on_good_content(tmp_path):
    done = run_press("build", "--content", FIXTURES / "bilingual", "--output", tmp_path / "out")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out" / "index.html").exists()
    assert "Traceback" not in done.stderr


def test_failed_build_leaves_previous_output_untouched(tmp_path, content_copy):
    output = tmp_path / "out"
    build_site(content_copy, output)
    before = snapshot(output)
    # A template that cannot render makes the build fail after content was read.
    broken_theme = tmp_path / "theme"
    import shutil

    shutil.copytree(ROOT / "theme", broken_theme)
    (broken_theme / "templates" / "article.html").write_text("{{ missing.attribute.here }}")
    (content_copy / "articles" / "2024" / "new.vi.md").write_text(
        "Title: Bài mới\nDate: 2024-05-01 08:00\n\nNội dung.\n", encoding="utf-8"
    )
    done = run_press_with_theme(content_copy, output, broken_theme)
    assert done.returncode != 0
    assert snapshot(output) == before
    assert not list(tmp_path.glob(".out-building-*"))


def run_press_with_theme(content, output, theme):
    code = (
        "import sys; from press.build import build; "
        f"r = build(content={str(content)!r}, output={str(output)!r}, "
        f"overrides={{'THEME': {str(theme)!r}}}); "
        "sys.exit(0 if r.ok else 1)"
    )
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300
    )


def folders(site):
    return {p.relative_to(site) for p in site.rglob("*") if p.is_dir()}


def test_a_build_starts_from_the_folders_of_the_site_before_last(tmp_path, content_copy):
    """After a swap the previous site is emptied of its files in the background and kept as
    the next build's starting folder (press/retire.py), so a rebuild creates almost no
    folders. What it publishes is still exactly a fresh build's: no stale file, and no folder
    of a page that is gone."""
    cache = str(tmp_path / "cache")
    output, spare = tmp_path / "out", tmp_path / ".out-spare"
    build_site(content_copy, output, CACHE_PATH=cache)
    about = output / "gioi-thieu"
    first_about = about.stat().st_ino
    build_site(content_copy, output, CACHE_PATH=cache)  # the first site becomes the spare
    published = snapshot(output)
    assert wait_for(spare.exists)
    assert not [p for p in spare.rglob("*") if not p.is_dir()]
    assert snapshot(output) == published  # emptying the spare left the published site alone

    (content_copy / "articles" / "2022" / "cum-5-dong-thap.vi.md").unlink()
    build_site(content_copy, output, CACHE_PATH=cache)
    assert about.stat().st_ino == first_about  # the first site's folder, reused
    assert not (output / "2022").exists()
    fresh = tmp_path / "fresh"
    build_site(content_copy, fresh, CACHE_PATH=str(tmp_path / "fresh-cache"))
    assert folders(output) == folders(fresh)
    assert snapshot(output) == snapshot(fresh)


def test_building_again_at_once_waits_for_the_spare(tmp_path, content_copy, monkeypatch):
    """The preview server builds again as soon as an edit is saved: the next build waits for
    the previous site to be emptied into the spare instead of making every folder again.
    The emptying is slowed here (1.5 s before press/retire.py starts) so that it is surely
    still running when the next build starts."""
    import press.build

    slow = tmp_path / "slow_retire.py"
    slow.write_text(
        "import runpy, sys, time\n"
        "time.sleep(1.5)\n"
        f"sys.argv = [{press.build.retire.__file__!r}] + sys.argv[1:]\n"
        f"runpy.run_path({press.build.retire.__file__!r}, run_name='__main__')\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(press.build.retire, "__file__", str(slow))
    cache, output = str(tmp_path / "cache"), tmp_path / "out"
    build_site(content_copy, output, CACHE_PATH=cache)
    first_about = (output / "gioi-thieu").stat().st_ino
    build_site(content_copy, output, CACHE_PATH=cache)  # the first site is being emptied…
    build_site(content_copy, output, CACHE_PATH=cache)  # …and this build starts from it
    assert (output / "gioi-thieu").stat().st_ino == first_about


def test_a_build_leaves_the_staging_folder_of_a_build_still_running(tmp_path, content_copy):
    """A folder `.out-building-*` is a killed build's leftover only when its build is gone:
    two builds of the same output at once must not delete each other's staging folder."""
    cache = str(tmp_path / "cache")
    output = tmp_path / "out"
    running = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    try:
        other = tmp_path / f".out-building-{running.pid}-abc123"
        (other / "2024").mkdir(parents=True)
        (other / "2024" / "index.html").write_text("half a site", encoding="utf-8")
        build_site(content_copy, output, CACHE_PATH=cache)
        build_site(content_copy, output, CACHE_PATH=cache)
        time.sleep(2)  # the sweep runs in the background
        assert (other / "2024" / "index.html").exists()
    finally:
        running.kill()
        running.wait()
    build_site(content_copy, output, CACHE_PATH=cache)  # now it is a leftover
    assert wait_for(lambda: not other.exists())

"""`invoke serve`: the preview rebuilds on change, shows invalid content as an error page in
the browser and comes back when it is fixed; the reload script never reaches the site."""

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
from conftest import FIXTURES, ROOT

ARTICLE = "/2024/hoi-nghi-cum-3-tai-khanh-hoa/"
TIMEOUT = 90


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def wait_for(predicate, what, process, log):
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"invoke serve exited ({process.returncode}): {log.read_text()}")
        try:
            result = predicate()
            if result:
                return result
        except (urllib.error.URLError, ConnectionError, OSError):
            pass
        time.sleep(0.3)
    pytest.fail(f"timed out waiting for {what}; serve log:\n{log.read_text()}")


@pytest.fixture
def served(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "translations", content)
    port = free_port()
    log = tmp_path / "serve.log"
    with open(log, "w") as out:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "invoke",
                "serve",
                "--port",
                str(port),
                "--content",
                str(content),
                "--output",
                str(tmp_path / "preview"),
            ],
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(lambda: fetch(base + "/__preview__/version")[0] == 200, "the server", process, log)
        yield base, content, tmp_path / "preview", process, log
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)


def test_serve_rebuilds_shows_errors_in_the_browser_and_recovers(served):
    base, content, preview, process, log = served
    status, page = fetch(base + ARTICLE)
    assert status == 200 and "Hội nghị Cụm 3 tại" in page
    assert '<script src="/__preview__/reload.js" defer></script>' in page
    assert fetch(base + "/__preview__/reload.js")[0] == 200

    source = content / "articles" / "2024" / "hoi-nghi-cum-3-tai-khanh-hoa.vi.md"
    good = source.read_text(encoding="utf-8")
    source.write_text(
        good.replace("nhìn lại năm 2023", "tổng kết công tác đối ngoại"), encoding="utf-8"
    )
    wait_for(
        lambda: "tổng kết công tác" in fetch(base + ARTICLE)[1], "the edited summary", process, log
    )

    source.write_text(good.replace("Date: 2024-02-28 10:01", "Date: hôm qua"), encoding="utf-8")
    status, page = wait_for(
        lambda: (lambda r: r if r[0] == 500 else None)(fetch(base + ARTICLE)),
        "the error page",
        process,
        log,
    )
    assert "hoi-nghi-cum-3-tai-khanh-hoa.vi.md" in page
    assert '<script src="/__preview__/reload.js" defer></script>' in page
    assert "ERROR" in log.read_text()  # the terminal shows the problem too

    source.write_text(good, encoding="utf-8")
    status, page = wait_for(
        lambda: (lambda r: r if r[0] == 200 else None)(fetch(base + ARTICLE)),
        "the page again",
        process,
        log,
    )
    assert "Hội nghị Cụm 3 tại" in page
    assert process.poll() is None

    # The reload script is added as pages are served, never written into the site.
    for html in preview.rglob("*.html"):
        assert "__preview__" not in html.read_text(encoding="utf-8"), html
    assert "[build] reading:" in log.read_text()  # progress lines for build stages


def test_serve_shows_an_open_page_before_the_build_ends_and_does_not_reload_it_again(served):
    """The page a browser has open is written first and shown while the build goes on; when
    the build ends with the same page, its version stays, so it does not reload twice."""
    import threading
    from urllib.parse import quote

    base, content, preview, process, log = served
    versions, stop = {}, threading.Event()

    def reload_script():  # what the page's reload script does: ask every 0.7 s
        while not stop.is_set():
            try:
                status, body = fetch(f"{base}/__preview__/version?page={quote(ARTICLE)}")
                if status == 200:
                    versions["article"] = json.loads(body)["version"]
            except OSError:
                pass
            stop.wait(0.7)

    poller = threading.Thread(target=reload_script, daemon=True)
    poller.start()
    try:
        wait_for(lambda: "article" in versions, "the first answer", process, log)
        before = versions["article"]
        builds = log.read_text().count("[serve] built in")
        source = content / "articles" / "2024" / "hoi-nghi-cum-3-tai-khanh-hoa.vi.md"
        source.write_text(
            source.read_text(encoding="utf-8") + "\nCâu mới viết thêm, xemtruocsom.\n",
            encoding="utf-8",
        )
        wait_for(lambda: "open page(s) shown" in log.read_text(), "the page shown", process, log)
        status, page = fetch(base + ARTICLE)
        assert status == 200 and "xemtruocsom" in page
        assert '<script src="/__preview__/reload.js" defer></script>' in page
        wait_for(lambda: versions["article"] != before, "the page's new version", process, log)
        pinned = versions["article"]
        wait_for(
            lambda: log.read_text().count("[serve] built in") > builds,
            "the build's end",
            process,
            log,
        )
        time.sleep(1.5)  # two more answers
        assert versions["article"] == pinned  # the same page: no second reload
        home = json.loads(fetch(base + "/__preview__/version?page=/")[1])["version"]
        assert home > pinned  # other pages reload once the build is done
        assert "xemtruocsom" in fetch(base + ARTICLE)[1]
    finally:
        stop.set()
        poller.join(timeout=5)

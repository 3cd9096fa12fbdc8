"""The editors' preview: `invoke serve`.

Builds the site in preview mode (drafts and scheduled articles shown, with a banner) into
its own folder, serves it over HTTP, watches content/, theme/, translations/ and the
settings, and rebuilds when a file changes. Open pages reload themselves after a rebuild.

The reload script is never written into the site: the server adds
`<script src="/__preview__/reload.js" defer>` to HTML pages as it sends them, and serves the
script from that separate path. When a build fails (invalid content), every page shows an
error page listing the messages, which are printed in the terminal too; the page comes back
by itself once the file is fixed.

The script tells the server which page it shows. While the site is rebuilt, the pages open
in browsers are written first (editor.pages_wanted_first) and shown at once: an edited
article of the 1,000-pair bench corpus showed after 2.16-2.61 s, the whole rebuild took
5.0-6.1 s. A page shown so does not reload again when the build ends with the same page.
"""

import html
import json
import os
import sys
import threading
import time
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs

from multilingual.site import file_of

PREFIX = "/__preview__/"
RELOAD_TAG = f'<script src="{PREFIX}reload.js" defer></script>'
RELOAD_JS = (
    """\
(function () {
  "use strict";
  var seen = null;
  function check() {
    fetch("%sversion?page=" + encodeURIComponent(window.location.pathname), {cache: "no-store"})
      .then(function (response) { return response.json(); })
      .then(function (state) {
        if (seen !== null && state.version !== seen) { window.location.reload(); return; }
        seen = state.version;
        setTimeout(check, 700);
      })
      .catch(function () { setTimeout(check, 1500); });
  }
  check();
})();
"""
    % PREFIX
)
ERROR_CSS = """\
body { font: 1rem/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem;
  color: #1b1b1b; }
h1 { color: #8b1a1a; }
li { margin: .5rem 0; white-space: pre-wrap; font-family: ui-monospace, monospace; }
"""
IGNORED_NAMES = (".swp", "~", ".tmp", ".part")
# The settings `invoke serve` builds with (bench/preview.py times its builds with them too).
PREVIEW_SETTINGS = {"EDITOR": {"preview": True, "progress": True}}
# A page counts as open while its reload script asked about it this recently (it asks every
# 0.7 s, or 1.5 s after a failed request).
OPEN_FOR = 5.0


def page_url(path: str) -> str:
    """The OutputPage.url of a request path: "/bai-viet/x/" -> "bai-viet/x/", "/" -> ""."""
    url = path.lstrip("/")
    return url[: -len("index.html")] if url == "index.html" or url.endswith("/index.html") else url


class PreviewState:
    """The last build's outcome; `version` changes after every build, for reloading pages.

    `first` holds the pages of the build under way that were written first, as served
    until it ends; `pinned` the version at which each of those was shown, which the page
    keeps when the build ends with the same page (no second reload)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.version = 0
        self.errors: list[str] = []
        self.warnings: list[str] = []
        self.building = False
        self.first: dict[str, bytes] = {}
        self.pinned: dict[str, int] = {}
        self.seen: dict[str, float] = {}  # page URL -> when its script last asked

    def update(self, errors, warnings, published=None):
        """A build ended; `published(url)` gives the bytes it published for a page."""
        with self.lock:
            self.errors, self.warnings = list(errors), list(warnings)
            self.version += 1
            first, self.first = self.first, {}
            self.pinned = {
                url: version
                for url, version in self.pinned.items()
                if not errors and published and url in first and published(url) == first[url]
            }

    def show_first(self, pages: dict[str, bytes]):
        with self.lock:
            self.version += 1
            self.first = dict(pages)
            self.pinned = {url: self.version for url in pages}

    def looked_at(self, url: str):
        with self.lock:
            self.seen[url] = time.monotonic()

    def open_pages(self) -> list[str]:
        with self.lock:
            recent = time.monotonic() - OPEN_FOR
            self.seen = {url: when for url, when in self.seen.items() if when >= recent}
            return sorted(self.seen)

    def snapshot(self, url=None):
        with self.lock:
            version = self.pinned.get(url, self.version)
            return version, list(self.errors), list(self.warnings), self.first.get(url)


def error_page(errors, warnings) -> bytes:
    items = "".join(f"<li>{html.escape(message)}</li>" for message in errors)
    warning_items = "".join(f"<li>{html.escape(message)}</li>" for message in warnings)
    warnings_block = f"<h2>Cảnh báo / Warnings</h2><ul>{warning_items}</ul>" if warnings else ""
    page = f"""<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Lỗi dựng trang / Build error</title>
<link rel="stylesheet" href="{PREFIX}error.css">
</head>
<body>
<main class="preview-error">
<h1>Nội dung chưa hợp lệ / The content is not valid</h1>
<p>Sửa các lỗi dưới đây rồi lưu tệp; trang sẽ tự tải lại.
Fix the problems below and save the file; this page reloads by itself.
See “What the messages mean” in docs/editor-guide.vi.md / docs/editor-guide.en.md.</p>
<ul class="preview-error__list">{items}</ul>
{warnings_block}
</main>
{RELOAD_TAG}
</body>
</html>
"""
    return page.encode("utf-8")


def inject_reload(document: bytes) -> bytes:
    marker = b"</body>"
    index = document.rfind(marker)
    tag = RELOAD_TAG.encode()
    return document[:index] + tag + document[index:] if index >= 0 else document + tag


class PreviewHandler(SimpleHTTPRequestHandler):
    state: PreviewState = None

    def log_message(self, format, *args):  # quiet: the terminal shows builds, not requests
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def _send(self, status, body: bytes, content_type: str):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_HEAD(self):
        self.do_GET()

    def do_GET(self):
        path, _, query = self.path.split("#", 1)[0].partition("?")
        if path == PREFIX + "version":
            shown = parse_qs(query).get("page", [None])[0]
            url = page_url(shown) if shown is not None else None
            if url is not None:
                self.state.looked_at(url)
            version, errors, _, _ = self.state.snapshot(url)
            body = json.dumps({"version": version, "ok": not errors}).encode()
            return self._send(HTTPStatus.OK, body, "application/json")
        version, errors, warnings, first = self.state.snapshot(page_url(path))
        if path == PREFIX + "reload.js":
            return self._send(HTTPStatus.OK, RELOAD_JS.encode(), "text/javascript; charset=utf-8")
        if path == PREFIX + "error.css":
            return self._send(HTTPStatus.OK, ERROR_CSS.encode(), "text/css; charset=utf-8")
        is_page = path.endswith("/") or path.endswith(".html")
        if is_page and first is not None:  # written first by the build under way
            return self._send(HTTPStatus.OK, inject_reload(first), "text/html; charset=utf-8")
        if errors and is_page:
            return self._send(
                HTTPStatus.INTERNAL_SERVER_ERROR,
                error_page(errors, warnings),
                "text/html; charset=utf-8",
            )
        if is_page:
            file_path = Path(self.translate_path(path))
            if file_path.is_dir():
                file_path = file_path / "index.html"
            if file_path.is_file():
                return self._send(
                    HTTPStatus.OK, inject_reload(file_path.read_bytes()), "text/html; charset=utf-8"
                )
            not_found = Path(self.directory) / "404.html"
            if not_found.is_file():
                return self._send(
                    HTTPStatus.NOT_FOUND,
                    inject_reload(not_found.read_bytes()),
                    "text/html; charset=utf-8",
                )
        return super().do_GET()


def watched_files(paths) -> dict:
    """{path: (mtime, size)} of every file under the watched folders and files."""
    stamps = {}
    for root in paths:
        root = Path(root)
        if root.is_file():
            stat = root.stat()
            stamps[str(root)] = (stat.st_mtime_ns, stat.st_size)
            continue
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = [d for d in dirnames if not d.startswith(".") and d != "__pycache__"]
            for name in filenames:
                if name.startswith(".") or name.endswith(IGNORED_NAMES):
                    continue
                path = os.path.join(dirpath, name)
                try:
                    stat = os.stat(path)
                except FileNotFoundError:
                    continue
                stamps[path] = (stat.st_mtime_ns, stat.st_size)
    return stamps


def changed(before: dict, after: dict) -> list:
    return sorted(p for p in set(before) | set(after) if before.get(p) != after.get(p))


class Preview:
    def __init__(
        self, build, watch, output: Path, host="127.0.0.1", port=8000, interval=0.3, out=sys.stderr
    ):
        self.build_function = build  # () -> result with .errors and .warnings
        self.watch = [Path(p) for p in watch]
        self.output = Path(output)
        self.host, self.port, self.interval = host, port, interval
        self.state = PreviewState()
        self.out = out
        self.stopping = threading.Event()

    def say(self, message):
        print(message, file=self.out, flush=True)

    def rebuild(self, reason="start"):
        started = time.monotonic()
        self.say(f"[serve] building ({reason})…")
        result = self.build_function()
        seconds = time.monotonic() - started
        self.state.update(result.errors, result.warnings, self.published)
        if result.errors:
            self.say(
                f"[serve] the build found {len(result.errors)} problem(s) in {seconds:.1f} s; "
                "the browser shows them until they are fixed:"
            )
            for message in result.errors:
                self.say(f"  ERROR {message}")
        else:
            self.say(f"[serve] built in {seconds:.1f} s")
        for message in result.warnings:
            self.say(f"  WARNING {message}")

    def published(self, url: str) -> bytes | None:
        try:
            return (self.output / file_of(url)).read_bytes()
        except OSError:
            return None

    # What the editor plugin asks of the server during a build (editor.live_preview).
    def open_pages(self) -> list[str]:
        return self.state.open_pages()

    def show_first(self, pages: dict[str, bytes]) -> None:
        self.state.show_first(pages)
        if pages:
            self.say(f"[serve] {len(pages)} open page(s) shown; the build goes on")

    def watch_loop(self):
        before = watched_files(self.watch)
        while not self.stopping.wait(self.interval):
            after = watched_files(self.watch)
            if after == before:
                continue
            time.sleep(self.interval)  # let an editor finish saving several files
            after = watched_files(self.watch)
            paths = changed(before, after)
            before = after
            shown = ", ".join(os.path.relpath(p) for p in paths[:3])
            more = f" and {len(paths) - 3} more" if len(paths) > 3 else ""
            try:
                self.rebuild(f"changed: {shown}{more}")
            except Exception as error:  # keep serving; show the problem in the browser
                self.state.update([f"The build stopped: {error}"], [])
                self.say(f"[serve] the build stopped: {error}")

    def serve_forever(self):
        import editor  # noqa: PLC0415 - the plugin package this module belongs to

        self.output.mkdir(parents=True, exist_ok=True)
        editor.live_preview = self
        self.rebuild()
        handler = type("Handler", (PreviewHandler,), {"state": self.state})
        server = ThreadingHTTPServer(
            (self.host, self.port), partial(handler, directory=str(self.output))
        )
        server.daemon_threads = True
        watcher = threading.Thread(target=self.watch_loop, daemon=True)
        watcher.start()
        host, port = server.server_address[:2]
        self.say(f"[serve] preview on http://{host}:{port}/ (Ctrl+C stops it)")
        try:
            server.serve_forever(poll_interval=0.2)
        except KeyboardInterrupt:
            pass
        finally:
            self.stopping.set()
            server.server_close()
            editor.live_preview = None

"""Look at the built site in a real browser: a local static server and Debian's Chromium.

Shared by `invoke screenshots` and the browser tests (tests/browser/conftest.py).
"""

import functools
import http.server
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

from .build import ROOT, build

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
PORTAL_FIXTURE = ROOT / "tests" / "fixtures" / "portal"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@contextmanager
def serve(directory: Path, headers: dict | None = None):
    """Serve `directory` on 127.0.0.1 at a free port, adding `headers` to every response (a
    Content-Security-Policy, say); yields the base URL (no trailing /)."""

    class Handler(QuietHandler):
        def end_headers(self):
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            super().end_headers()

    handler = functools.partial(Handler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def chromium():
    """A headless Chromium browser (Debian's package; Playwright downloads nothing)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def screenshot_content() -> Path:
    """The sample content when there is one, else the theme's rich fixture."""
    content = ROOT / "content"
    return content if (content / "articles").is_dir() else PORTAL_FIXTURE


def first_article_url(site: Path, prefix: str) -> str:
    """The newest article page of a language tree, found from its home page's first link."""
    import re

    home = (site / prefix / "index.html").read_text(encoding="utf-8")
    for href in re.findall(r'class="teaser__title"><a href="([^"]+)"', home):
        path = urlparse(href).path  # absolute when SITEURL is set
        if (site / path.lstrip("/") / "index.html").exists():
            return path
    raise RuntimeError(f"no article linked from /{prefix}")


def screenshots(destination: Path, widths=(375, 1280), languages=("vi", "en")) -> list[Path]:
    """PNG screenshots of home and an article per language and width."""
    destination.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as scratch:
        result = build(content=screenshot_content(), output=Path(scratch) / "output")
        if not result.ok:
            raise RuntimeError(f"build failed: {result.errors}")
        with serve(result.output) as base, chromium() as browser:
            for code in languages:
                prefix = "" if code == "vi" else f"{code}/"
                pages = {"home": f"/{prefix}", "article": first_article_url(result.output, prefix)}
                for width in widths:
                    page = browser.new_page(viewport={"width": width, "height": 900})
                    for name, url in pages.items():
                        page.goto(base + url)
                        path = destination / f"{name}-{code}-{width}.png"
                        page.screenshot(path=str(path), full_page=True)
                        written.append(path)
                    page.close()
    return written

"""Link checker for a built site, served on 127.0.0.1 (stdlib + BeautifulSoup's html.parser).

Every HTML page of the output folder is fetched over HTTP and every reference in it is checked:
links (`a`, `area`), `link` (stylesheets, feeds, alternates, icons), images (`src`, `srcset`),
scripts, media, frames and `url(...)` in stylesheets. An internal reference must answer 200, and
its `#fragment` must name an `id` (or `<a name>`) on the target page. Feeds, sitemaps, calendars
and PDFs (.xml, .atom, .rss, .ics, .pdf, ...) are files like any other: they must exist.
External references (other hosts, mailto:, tel:) are listed, never fetched.

    report = check_site(Path("output"))
    report.broken        # [Broken(page, url, reason), ...]
    report.external      # {url: {pages}}
    report.write(Path("reports/links.txt"))
"""

import re
import urllib.error
import urllib.request
from collections import defaultdict
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlparse

from bs4 import BeautifulSoup

from .browser import serve

# element -> attributes holding one URL; srcset-like attributes are handled apart.
URL_ATTRIBUTES = {
    "a": ("href",),
    "area": ("href",),
    "link": ("href",),
    "img": ("src",),
    "script": ("src",),
    "iframe": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "source": ("src",),
    "track": ("src",),
    "form": ("action",),
    "blockquote": ("cite",),
    "q": ("cite",),
}
SRCSET = {"img", "source"}
CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""")
SAFE_SCHEMES = {"data"}
EXTERNAL_SCHEMES = {"http", "https", "mailto", "tel", "sms", "ftp"}


@dataclass(frozen=True)
class Broken:
    page: str
    url: str
    reason: str

    def __str__(self):
        return f"{self.page}: {self.url}: {self.reason}"


@dataclass
class Target:
    status: int
    content_type: str = ""
    ids: frozenset = frozenset()
    body: bytes = b""
    urls: tuple = ()


@dataclass
class Report:
    pages: int = 0
    internal: int = 0
    broken: list = field(default_factory=list)
    external: dict = field(default_factory=lambda: defaultdict(set))

    def write(self, path: Path) -> Path:
        """A plain-text report: broken references first, then every external link."""
        path.parent.mkdir(parents=True, exist_ok=True)
        lines = [
            f"# {self.pages} pages, {self.internal} internal references checked, "
            f"{len(self.broken)} broken, {len(self.external)} external links (not fetched)",
            "",
            "## Broken",
            *(str(b) for b in self.broken),
            "",
            "## External (url, then the number of pages linking to it and the first of them)",
        ]
        for url in sorted(self.external):
            pages = sorted(self.external[url])
            lines.append(f"{url}\t{len(pages)}\t{pages[0]}")
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return path


def page_url(root: Path, file: Path) -> str:
    """The URL path a file is served at (a folder's index.html at the folder)."""
    relative = file.relative_to(root).as_posix()
    if relative == "index.html":
        return "/"
    if relative.endswith("/index.html"):
        return "/" + relative[: -len("index.html")]
    return "/" + relative


def references(html: bytes) -> tuple[list[str], frozenset]:
    """(every URL referenced by a page, every id/name a fragment can point at)."""
    soup = BeautifulSoup(html, "html.parser")
    urls = []
    for name, attributes in URL_ATTRIBUTES.items():
        for element in soup.find_all(name):
            for attribute in attributes:
                value = element.get(attribute)
                if value is not None:
                    urls.append(value.strip())
            if name in SRCSET and element.get("srcset"):
                for candidate in element["srcset"].split(","):
                    if candidate.strip():
                        urls.append(candidate.split()[0])
    for style in soup.find_all("style"):
        urls.extend(m.group(2).strip() for m in CSS_URL.finditer(style.get_text()))
    ids = {e["id"] for e in soup.find_all(id=True)}
    ids |= {e["name"] for e in soup.find_all("a", attrs={"name": True})}
    return urls, frozenset(ids)


class Checker:
    def __init__(self, base: str, site_url: str = ""):
        self.base = base.rstrip("/")
        self.host = urlparse(self.base).netloc
        self.site_url = site_url.rstrip("/")
        self.targets: dict[str, Target] = {}
        self.report = Report()

    def fetch(self, path: str) -> Target:
        if path not in self.targets:
            try:
                with urllib.request.urlopen(self.base + path, timeout=10) as response:
                    body = response.read()
                    kind = response.headers.get_content_type()
                    target = Target(response.status, kind, body=body)
            except urllib.error.HTTPError as error:
                target = Target(error.code)
            if target.status == 200 and target.content_type == "text/html":
                urls, target.ids = references(target.body)
                target.urls = tuple(urls)
            self.targets[path] = target
        return self.targets[path]

    def internal_path(self, page: str, url: str) -> tuple[str | None, str]:
        """(path on this server or None when external, fragment)."""
        if self.site_url and url.startswith(self.site_url + "/"):
            url = url[len(self.site_url) :]
        absolute = urljoin(self.base + page, url)
        absolute, fragment = urldefrag(absolute)
        parts = urlparse(absolute)
        if parts.scheme not in ("http", "https") or parts.netloc != self.host:
            return None, fragment
        return (parts.path or "/") + (f"?{parts.query}" if parts.query else ""), fragment

    def check_reference(self, page: str, url: str):
        scheme = urlparse(url).scheme.lower()
        if scheme in SAFE_SCHEMES:
            return
        if scheme == "javascript":
            self.report.broken.append(Broken(page, url, "javascript: URL"))
            return
        path, fragment = self.internal_path(page, url)
        if path is None:
            if scheme in EXTERNAL_SCHEMES or not scheme:
                self.report.external[url].add(page)
            else:
                self.report.broken.append(Broken(page, url, f"unknown scheme {scheme}:"))
            return
        self.report.internal += 1
        target = self.fetch(path)
        if target.status != 200:
            self.report.broken.append(Broken(page, url, f"HTTP {target.status}"))
        elif self.missing_fragment(target, fragment):
            self.report.broken.append(Broken(page, url, f"no id {unquote(fragment)!r}"))

    @staticmethod
    def missing_fragment(target: Target, fragment: str) -> bool:
        """`#top` and an empty fragment need no id (HTML's rule); other files have no ids."""
        if not fragment or fragment == "top" or target.content_type != "text/html":
            return False
        return unquote(fragment) not in target.ids

    def check_page(self, page: str):
        target = self.fetch(page)
        self.report.pages += 1
        if target.status != 200:
            self.report.broken.append(Broken(page, page, f"HTTP {target.status}"))
            return
        for url in target.urls:
            if url == "":
                continue  # the page itself
            self.check_reference(page, url)

    def check_stylesheets(self):
        """url(...) inside every stylesheet fetched so far (fonts, background images)."""
        for path, target in list(self.targets.items()):
            if target.status == 200 and target.content_type == "text/css":
                text = target.body.decode("utf-8", "replace")
                for match in CSS_URL.finditer(text):
                    self.check_reference(path, match.group(2).strip())


def check_site(
    root: Path, base_url: str | None = None, site_url: str = "", pages: list[Path] | None = None
) -> Report:
    """Check every reference of every HTML page under `root` (or of the given `pages` only).

    The site is served from `root` on 127.0.0.1 unless `base_url` names a server already
    serving it. `site_url` (SITEURL of a publish build) marks absolute URLs as internal.
    """
    root = Path(root)
    files = sorted(pages) if pages is not None else sorted(root.rglob("*.html"))
    with nullcontext(base_url) if base_url else serve(root) as base:
        checker = Checker(base, site_url)
        for file in files:
            checker.check_page(page_url(root, file))
        checker.check_stylesheets()
    return checker.report

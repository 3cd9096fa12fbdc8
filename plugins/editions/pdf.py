"""Typeset an edition as an A4 PDF with WeasyPrint.

The print template and stylesheet live in print/ beside this module and are rendered with
the site's Jinja environment (same catalogs, same Babel filters). Images are read from the
content folder; no other URL is fetched. PDFs are reproducible: their dates come from
SOURCE_DATE_EPOCH when set, else from the edition's Date, and their identifier from the
edition's key and language.
"""

import contextlib
import datetime
import hashlib
import logging
import os
import re
import tempfile
import time
from pathlib import Path

from babel import numbers
from jinja2 import FileSystemLoader, pass_context
from markupsafe import Markup, escape

logger = logging.getLogger(__name__)

PRINT_DIR = Path(__file__).resolve().parent / "print"

_weasyprint = None
_problem = None


def _import():
    global _weasyprint, _problem
    if _weasyprint is None and _problem is None:
        try:
            import weasyprint

            _weasyprint = weasyprint
        except (ImportError, OSError) as error:  # OSError: Pango or HarfBuzz missing
            _problem = str(error).splitlines()[0] if str(error) else type(error).__name__
    return _weasyprint


def available() -> bool:
    return _import() is not None


def import_problem() -> str:
    _import()
    return _problem or ""


@pass_context
def decimal(context, value, places=1):
    """A number with a fixed count of decimals, in the page's locale (1.2 / 1,2)."""
    pattern = "#,##0" + ("." + "0" * places if places else "")
    return numbers.format_decimal(value, pattern, locale=context["lang"].locale)


ANCHOR = re.compile(r"</?a\b[^>]*>", re.IGNORECASE)
ROOTED_SRC = re.compile(r'(<img\b[^>]*?\bsrc=")/+', re.IGNORECASE)


def print_html(html: str, siteurl: str = "") -> Markup:
    """Article HTML for paper: links become their text (document references are read,
    not clicked) and site-rooted image paths point into the content folder."""
    html = ANCHOR.sub("", html or "")
    if siteurl:
        html = html.replace(f'src="{siteurl.rstrip("/")}/', 'src="')
    return keep_symbols(ROOTED_SRC.sub(r"\1", html))


# Document symbols ("12-CT/TW", "3935/KH-UBND", "25/2023/NĐ-CP") must not break at a line end.
# A word tied to the symbol by a no-break space (typogrify's widont) goes into the same span:
# WeasyPrint breaks lines badly before an unbreakable span that follows a no-break space.
SYMBOL = re.compile(r"(?:[^\s<>&]+(?:\xa0|&nbsp;|&#160;))*\b\d+(?:/\d+)*(?:[-/][A-ZĐ][A-ZĐ0-9]*)+")
TAG = re.compile(r"(<[^>]+>)")


def keep_symbols(html) -> Markup:
    """Wrap document symbols of (trusted, pipeline-made) HTML in unbreakable spans."""
    parts = TAG.split(str(html))
    for index in range(0, len(parts), 2):  # text between tags
        parts[index] = SYMBOL.sub(r'<span class="symbol">\g<0></span>', parts[index])
    return Markup("".join(parts))


def timestamp(edition) -> datetime.datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), datetime.UTC)
    return edition.date


@contextlib.contextmanager
def fonts_dated(when: datetime.datetime):
    """Date the embedded fonts like the PDF (`timestamp`, which is SOURCE_DATE_EPOCH when
    that is set). Where HarfBuzz's subsetter is missing (libharfbuzz-subset0), WeasyPrint
    subsets fonts with fontTools, which writes the current time into each font unless
    SOURCE_DATE_EPOCH says otherwise: two builds a second apart gave different PDFs."""
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(int(when.timestamp()))
    try:
        yield
    finally:
        if previous is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous


def render_html(site, edition) -> str:
    from multilingual.generator import union_info

    env = site.env.overlay(loader=FileSystemLoader(str(PRINT_DIR)))
    env.filters["print_html"] = lambda html: print_html(html, site.settings.get("SITEURL", ""))
    env.filters["keep_symbols"] = lambda text: keep_symbols(escape(text))
    lang = site.languages[edition.lang]
    return env.get_template("edition.html").render(
        lang=lang,
        languages=site.languages,
        edition=edition,
        union=union_info(site.settings, edition.lang),
        stamp=timestamp(edition).isoformat(timespec="seconds"),
        SITENAME=site.settings.get("SITENAME", ""),
    )


IMAGE_SRC = re.compile(r'<img\b[^>]*?\bsrc="([^"]+)"', re.IGNORECASE)


def cache_key(site, edition, html: str, identifier: str) -> str:
    """Everything the PDF's bytes depend on: the print HTML (which holds the text, the
    dates and the translations), the stylesheet, the pictures, WeasyPrint's version."""
    digest = hashlib.sha256()
    for part in (
        html,
        (PRINT_DIR / "edition.css").read_text(encoding="utf-8"),
        identifier,
        _import().__version__,
    ):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    content_root = Path(site.settings["PATH"])
    for src in sorted(set(IMAGE_SRC.findall(html))):
        path = content_root / src
        digest.update(src.encode("utf-8"))
        digest.update(path.read_bytes() if path.is_file() else b"missing")
    return digest.hexdigest()


def typeset(
    site, edition, target: Path, cache_dir: Path | None = None
) -> tuple[int, float, int, bool]:
    """Write one edition's PDF; return (pages, seconds, bytes, taken from the cache).

    With a cache folder, a PDF whose inputs are unchanged since an earlier build is
    copied from the cache instead of being typeset again (the output is the same bytes).
    """
    weasyprint = _import()
    started = time.perf_counter()
    html = render_html(site, edition)
    identifier = hashlib.sha256(f"{edition.key}.{edition.lang}".encode()).hexdigest()[:32]
    cached = None
    if cache_dir is not None:
        cached = cache_dir / f"{cache_key(site, edition, html, identifier)}.pdf"
        try:
            data = cached.read_bytes()
            pages = int(cached.with_suffix(".pages").read_text())
        except (OSError, ValueError):
            pass
        else:
            write_atomically(target, data)
            return pages, time.perf_counter() - started, len(data), True
    content_root = Path(site.settings["PATH"]).resolve()
    fetcher = weasyprint.URLFetcher(allowed_protocols={"file", "data"})
    document = weasyprint.HTML(
        string=html, base_url=content_root.as_uri() + "/", url_fetcher=fetcher
    ).render(stylesheets=[weasyprint.CSS(filename=str(PRINT_DIR / "edition.css"))])
    with fonts_dated(timestamp(edition)):
        data = document.write_pdf(pdf_identifier=identifier.encode("ascii"))
    write_atomically(target, data)
    if cached is not None:
        write_atomically(cached.with_suffix(".pages"), str(len(document.pages)).encode())
        write_atomically(cached, data)
    return len(document.pages), time.perf_counter() - started, len(data), False


def write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        if path.read_bytes() == data:
            return
    except FileNotFoundError:
        pass
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
    with os.fdopen(handle, "wb") as file:
        file.write(data)
    os.chmod(temporary, 0o644)
    os.replace(temporary, path)


def write_all(site, editions, cache: bool = True) -> list[tuple]:
    """Typeset every edition; an edition that fails is logged as an error."""
    timings = []
    output = Path(site.output_path)
    cache_dir = Path(site.settings["CACHE_PATH"]) / "editions" if cache else None
    for edition in editions:
        target = output / edition.pdf_url
        try:
            pages, seconds, size, cached = typeset(site, edition, target, cache_dir)
        except Exception as error:  # a template or WeasyPrint failure: one message per PDF
            logger.error("%s: could not typeset the PDF: %s", edition.source, error)
            continue
        edition.pdf_size, edition.pdf_pages, edition.pdf_seconds = size, pages, seconds
        edition.pdf_cached = cached
        timings.append((edition.pdf_url, pages, seconds, size))
        logger.info(
            "%s %s: %d pages, %d bytes in %.2f s",
            "Reused" if cached else "Typeset",
            edition.pdf_url,
            pages,
            size,
            seconds,
        )
    return timings

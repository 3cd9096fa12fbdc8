"""Typeset an edition as an A4 PDF with WeasyPrint.

The print template and stylesheet live in print/ beside this module and are rendered with
the site's Jinja environment (same catalogs, same Babel filters). Images are read from the
content folder; no other URL is fetched. PDFs are reproducible: their dates come from
SOURCE_DATE_EPOCH when set, else from the edition's Date, and their identifier from the
edition's key and language.
"""

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
SYMBOL = re.compile(
    r"(?:[^\s<>&]+(?:\xa0|&nbsp;|&#160;))*\b\d+(?:/\d+)*(?:[-/][A-ZĐ][A-ZĐ0-9]*)+"
)
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
        return datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc)
    return edition.date


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


def typeset(site, edition, target: Path) -> tuple[int, float, int]:
    """Write one edition's PDF; return (pages, seconds, bytes)."""
    weasyprint = _import()
    started = time.perf_counter()
    html = render_html(site, edition)
    content_root = Path(site.settings["PATH"]).resolve()
    fetcher = weasyprint.URLFetcher(allowed_protocols={"file", "data"})
    document = weasyprint.HTML(
        string=html, base_url=content_root.as_uri() + "/", url_fetcher=fetcher
    ).render(stylesheets=[weasyprint.CSS(filename=str(PRINT_DIR / "edition.css"))])
    identifier = hashlib.sha256(f"{edition.key}.{edition.lang}".encode()).hexdigest()[:32]
    data = document.write_pdf(pdf_identifier=identifier.encode("ascii"))
    write_atomically(target, data)
    return len(document.pages), time.perf_counter() - started, len(data)


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


def write_all(site, editions) -> list[tuple]:
    """Typeset every edition; an edition that fails is logged as an error."""
    timings = []
    output = Path(site.output_path)
    for edition in editions:
        target = output / edition.pdf_url
        try:
            pages, seconds, size = typeset(site, edition, target)
        except Exception as error:  # a template or WeasyPrint failure: one message per PDF
            logger.error("%s: could not typeset the PDF: %s", edition.source, error)
            continue
        edition.pdf_size, edition.pdf_pages, edition.pdf_seconds = size, pages, seconds
        timings.append((edition.pdf_url, pages, seconds, size))
        logger.info(
            "Typeset %s: %d pages, %d bytes in %.2f s", edition.pdf_url, pages, size, seconds
        )
    return timings

"""Editions: the printable bulletin (tập san) as web pages and typeset PDFs.

Edition files `content/editions/<yyyy>-<nn>.<lang>.md` (see model.py for the keys) are
read here with Pelican's Markdown reader, not as articles or pages (the settings exclude
the folder). For every language version this plugin adds

- an edition page `<prefix><word>/<yyyy>-<nn>/` (cover, editorial, table of contents),
- an editions index `<prefix><word>/` in every language tree that has an edition
  (`tap-san` in the Vietnamese tree, `editions` in the others),
- a PDF beside the edition page, typeset with WeasyPrint (pdf.py), when WeasyPrint can
  be imported; otherwise one notice is logged and the pages link no PDF.

Extension point used (the one other plugins use too): multilingual's `tree_pages_signal`
(plugins/multilingual/site.py) is sent once per language tree, after the trees and
`context["article_groups"]` exist; a receiver `(tree, context, settings)` returns the
OutputPages of that tree. Pages with the same `identity` in several trees are linked as
translations (language switcher, hreflang) and rendered with all other pages:

    from multilingual.site import OutputPage, tree_pages_signal

    def tree_pages(tree, context, settings):
        yield OutputPage(("edition", key), tree.lang, url, "edition.html", {"edition": e})

    tree_pages_signal.connect(tree_pages)

Objects that templates read through those pages carry a `cache_key` and are listed in
`context["page_cache_providers"]`, so the page cache renders a page again when they change.
Article slugs in an edition file must be stable: give the listed articles a `Slug`, since a
slug derived from the title changes with the title.

The PDFs are written on Pelican's `all_generators_finalized` signal, before any page is
rendered, so article pages know the size of their edition's PDF. `python -m press
editions` (`invoke editions`) runs only the reading and this step.

Settings (pelicanconf.py):

    EDITIONS = {
        "path": "editions",  # folder of the edition files under the content folder
        "pdf": True,         # typeset the PDFs (when WeasyPrint is importable)
        "cache": True,       # reuse a PDF from <CACHE_PATH>/editions/ when its inputs
    }                        # (print HTML, CSS, pictures, WeasyPrint version) are unchanged
"""

import logging
import time
from pathlib import Path

from pelican import signals

import contract
from multilingual.site import tree_pages_signal

from .model import ArticleEditions, read_editions

logger = logging.getLogger(__name__)

DEFAULTS = {"path": "editions", "pdf": True, "cache": True}
CONTEXT_KEY = "editions"
# Path segment of the editions in each tree, and the PDF file name's stem.
WORDS = {"vi": ("tap-san", "tap-san"), "*": ("editions", "bulletin")}


def options(settings) -> dict:
    merged = dict(DEFAULTS)
    merged.update(settings.get("EDITIONS") or {})
    unknown = set(merged) - set(DEFAULTS)
    if unknown:
        raise ValueError(f"EDITIONS: unknown keys {sorted(unknown)} (allowed: {sorted(DEFAULTS)})")
    if not isinstance(merged["path"], str) or not merged["path"].strip("/"):
        raise ValueError("EDITIONS['path'] must be a folder name under the content folder")
    for key in ("pdf", "cache"):
        if not isinstance(merged[key], bool):
            raise ValueError(f"EDITIONS['{key}'] must be True or False")
    return merged


def check_settings(pelican):
    options(pelican.settings)


def words(code):
    return WORDS.get(code, WORDS["*"])


def index_url(lang) -> str:
    return f"{lang.prefix}{words(lang.code)[0]}/"


def edition_urls(edition, lang) -> tuple[str, str]:
    folder = f"{index_url(lang)}{edition.key}/"
    return folder, f"{folder}{words(lang.code)[1]}-{edition.key}.pdf"


def editions_of(context, settings) -> list:
    """Read the edition files once per build (the first tree asks; the others reuse them)."""
    from multilingual.pagecache import PROVIDERS_KEY

    if CONTEXT_KEY in context:
        return context[CONTEXT_KEY]
    editions = read_editions(
        Path(settings["PATH"]),
        options(settings)["path"],
        settings,
        context.get("article_groups", []),
    )
    trees = context["trees"]
    for edition in editions:
        edition.url, edition.pdf_url = edition_urls(edition, trees[edition.lang].lang)
    context[CONTEXT_KEY] = editions
    context["article_editions"] = ArticleEditions(editions)
    context["editions_index_urls"] = (
        {code: index_url(tree.lang) for code, tree in trees.items()} if editions else {}
    )
    # Tracked by the page cache: pages that read an edition are rendered again when it changes.
    context.setdefault(PROVIDERS_KEY, []).extend([context["article_editions"], *editions])
    return editions


def tree_pages(tree, context, settings):
    """Receiver of multilingual's tree_pages_signal: a tree's edition pages and index."""
    from multilingual.site import OutputPage

    editions = editions_of(context, settings)
    if not editions:
        return []
    lang = tree.lang
    pages = [
        OutputPage(("edition", e.key), lang, e.url, "edition.html", {"edition": e})
        for e in editions
        if e.lang == lang.code
    ]
    newest_first = sorted(editions, key=lambda e: (e.date, e.key), reverse=True)
    here = [e for e in newest_first if e.lang == lang.code]
    elsewhere = [
        e
        for e in newest_first
        if not lang.is_default
        and e.lang == contract.DEFAULT_LANG
        and not any(t.lang == lang.code for t in e.translations)
    ]
    pages.append(
        OutputPage(
            ("editions",),
            lang,
            index_url(lang),
            "editions.html",
            {"editions_here": here, "editions_elsewhere": elsewhere},
        )
    )
    return pages


def add_filters(generator):
    from .pdf import decimal

    generator.env.filters.update(decimal=decimal)


def write_pdfs(generators):
    """Typeset every edition's PDF into the output folder (all_generators_finalized)."""
    from multilingual.generator import MultilingualGenerator

    site = next((g for g in generators if isinstance(g, MultilingualGenerator)), None)
    if site is None or not site.context.get(CONTEXT_KEY):
        return
    if not options(site.settings)["pdf"]:
        return
    from . import pdf

    if not pdf.available():
        logger.warning(
            "Edition PDFs skipped: WeasyPrint cannot be imported (%s); "
            "install its system libraries (see .ci/run)",
            pdf.import_problem(),
        )
        return
    started = time.perf_counter()
    editions = site.context[CONTEXT_KEY]
    pdf.write_all(site, editions, cache=options(site.settings)["cache"])
    if "editor" in site.settings.get("PLUGINS", []):
        from editor import progress  # noqa: PLC0415

        count = len(editions) if hasattr(editions, "__len__") else 0
        progress(site.settings, "edition PDFs", f"{count} editions", time.perf_counter() - started)


def register():
    signals.initialized.connect(check_settings)
    signals.generator_init.connect(add_filters)
    tree_pages_signal.connect(tree_pages)
    signals.all_generators_finalized.connect(write_pdfs)

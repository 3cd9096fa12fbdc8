"""Editions: the printable bulletin (tập san) as web pages and typeset PDFs.

Edition files `content/editions/<yyyy>-<nn>.<lang>.md` (see model.py for the keys) are
read here with Pelican's Markdown reader, not as articles or pages (the settings exclude
the folder). For every language version this plugin adds

- an edition page `<prefix><word>/<yyyy>-<nn>/` (cover, editorial, table of contents),
- an editions index `<prefix><word>/` in every language tree that has an edition
  (`tap-san` in the Vietnamese tree, `editions` in the others),
- a PDF beside the edition page, typeset with WeasyPrint (pdf.py), when WeasyPrint can
  be imported; otherwise one notice is logged and the pages link no PDF.

Extension point used (reusable by other plugins): the multilingual generator sends the
blinker signal "multilingual.output_pages" once per build, after the language trees and
`context["article_groups"]` exist; a receiver takes the generator and returns OutputPages.
They are linked to their translations (language switcher, hreflang) by `identity` and
rendered with all other pages:

    from blinker import signal
    from multilingual.pagecache import PROVIDERS_KEY
    from multilingual.site import OutputPage

    def add_pages(generator):
        for code, tree in generator.trees.items():
            yield OutputPage(("edition", key), tree.lang, url, "edition.html", {...})

    signal("multilingual.output_pages").connect(add_pages)

The PDFs are written on Pelican's `all_generators_finalized` signal, before any page is
rendered, so article pages know the size of their edition's PDF. `python -m press
editions` (`invoke editions`) runs only the reading and this step.

Settings (pelicanconf.py):

    EDITIONS = {
        "path": "editions",  # folder of the edition files under the content folder
        "pdf": True,         # typeset the PDFs (when WeasyPrint is importable)
    }
"""

import logging
from pathlib import Path

from blinker import signal
from pelican import signals

import contract

from .model import ArticleEditions, read_editions

logger = logging.getLogger(__name__)

DEFAULTS = {"path": "editions", "pdf": True}
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
    if not isinstance(merged["pdf"], bool):
        raise ValueError("EDITIONS['pdf'] must be True or False")
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


def add_output_pages(generator):
    """Receiver of "multilingual.output_pages": edition pages and the editions indexes."""
    from multilingual.pagecache import PROVIDERS_KEY
    from multilingual.site import OutputPage

    settings = generator.settings
    editions = read_editions(
        Path(settings["PATH"]), options(settings)["path"], settings,
        generator.context.get("article_groups", []),
    )
    context = generator.context
    context[CONTEXT_KEY] = editions
    context["article_editions"] = ArticleEditions(editions)
    context["editions_index_urls"] = {}
    if not editions:
        return []
    # Tracked by the page cache: pages that read an edition are rendered again when it changes.
    context.setdefault(PROVIDERS_KEY, []).extend([context["article_editions"], *editions])
    pages = []
    for edition in editions:
        lang = generator.languages[edition.lang]
        edition.url, edition.pdf_url = edition_urls(edition, lang)
        pages.append(OutputPage(
            ("edition", edition.key), lang, edition.url, "edition.html", {"edition": edition}
        ))
    newest_first = sorted(editions, key=lambda e: (e.date, e.key), reverse=True)
    for code, lang in generator.languages.items():
        context["editions_index_urls"][code] = index_url(lang)
        pages.append(OutputPage(
            ("editions",), lang, index_url(lang), "editions.html",
            {
                "editions_here": [e for e in newest_first if e.lang == code],
                "editions_elsewhere": [
                    e for e in newest_first
                    if e.lang == contract.DEFAULT_LANG and not any(
                        t.lang == code for t in e.translations
                    ) and code != contract.DEFAULT_LANG
                ],
            },
        ))
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
            "install its system libraries (see .ci/run)", pdf.import_problem(),
        )
        return
    pdf.write_all(site, site.context[CONTEXT_KEY])


def register():
    signals.initialized.connect(check_settings)
    signals.generator_init.connect(add_filters)
    signal("multilingual.output_pages").connect(add_output_pages)
    signals.all_generators_finalized.connect(write_pdfs)

"""Editor: what makes an editor's day easier, inside the build.

- Preview mode (`EDITOR["preview"]`, set only by `invoke serve`): drafts (`Status: draft`)
  and scheduled articles (dated in the future) are built too, each marked with
  `preview_state` ("draft" or "scheduled") so the article page shows a banner. The
  published build never has them: Pelican keeps them as drafts (`WITH_FUTURE_DATES = False`).
- Editors' notes: HTML comments in an article body (the commented keys that `invoke new`
  writes, the original that `invoke translate` keeps for reference) are removed from the
  built page, so they never reach the published HTML.
- Progress (`EDITOR["progress"]`): one plain line per build stage with counts and timings.
- First pages (preview mode, while `invoke serve` runs): the pages open in the preview's
  browsers are written before any other, and the server shows them at once, while the build
  goes on (multilingual's `pages_wanted_first_signal`).

Scaffolding (`invoke new`, `invoke translate`) lives in scaffold.py, the preview server
(`invoke serve`) in server.py.
"""

import datetime
import re
import sys
import time

from pelican import signals

from multilingual.site import first_pages_written_signal, pages_wanted_first_signal

DEFAULTS = {"preview": False, "progress": False}
HTML_COMMENT = re.compile(r"<!--.*?-->\s*", re.S)

_clock = {}


class SettingsError(ValueError):
    pass


def settings_of(settings) -> dict:
    editor = settings.get("EDITOR", {})
    if not isinstance(editor, dict):
        raise SettingsError("EDITOR in pelicanconf.py must be a dict such as {'preview': False}")
    unknown = set(editor) - set(DEFAULTS)
    if unknown:
        raise SettingsError(
            f"EDITOR in pelicanconf.py: unknown key(s) {sorted(unknown)}; allowed: {sorted(DEFAULTS)}"
        )
    for key, value in editor.items():
        if not isinstance(value, bool):
            raise SettingsError(f"EDITOR[{key!r}] in pelicanconf.py must be True or False")
    return {**DEFAULTS, **editor}


def progress(settings, stage: str, detail: str, seconds: float) -> None:
    """One line per stage, e.g. `[build] reading: 12 articles, 2 pages (0.4 s)`."""
    if settings_of(settings)["progress"]:
        print(f"[build] {stage}: {detail} ({seconds:.1f} s)", file=sys.stderr, flush=True)


def check_settings(pelican):
    settings_of(pelican.settings)  # raises with a clear message on a bad EDITOR dict
    _clock["start"] = time.monotonic()


def strip_editor_notes(content):
    text = getattr(content, "_content", None)
    if text and "<!--" in text:
        content._content = HTML_COMMENT.sub("", text)


def preview_state(article, now=None):
    if str(article.metadata.get("status", "")).lower() == "draft":
        return "draft"
    now = now or datetime.datetime.now(datetime.UTC)
    date = article.date if article.date.tzinfo else article.date.replace(tzinfo=datetime.UTC)
    return "scheduled" if date > now else "draft"


def include_drafts(generator):
    """In preview mode, list drafts and scheduled articles like published ones."""
    if not settings_of(generator.settings)["preview"]:
        return
    for article in list(generator.drafts) + list(generator.drafts_translations):
        article.preview_state = preview_state(article)
        article.status = "published"  # so it gets the URL it will have once published
    generator.articles = list(generator.articles) + list(generator.drafts)
    generator.translations = list(generator.translations) + list(generator.drafts_translations)
    generator.drafts, generator.drafts_translations = [], []


def read_done(generators):
    start = _clock.get("start", time.monotonic())
    articles = pages = 0
    for generator in generators:
        found = len(getattr(generator, "translations", ()) or ())
        if hasattr(generator, "articles"):
            articles += len(generator.articles) + found
        elif hasattr(generator, "pages"):
            pages += len(generator.pages) + found
    settings = generators[0].settings if generators else {}
    progress(settings, "reading", f"{articles} articles, {pages} pages", time.monotonic() - start)
    _clock["read"] = time.monotonic()
    _clock["generators"] = generators


def pages_detail(generators) -> str:
    """ "11308 pages" or, when the page cache kept some, "11308 pages, 12 rendered"."""
    total = sum(len(getattr(g, "output_pages", ())) for g in generators)
    rendered = [g.rendered_count for g in generators if hasattr(g, "rendered_count")]
    if rendered and sum(rendered) != total:
        return f"{total} pages, {sum(rendered)} rendered"
    return f"{total} pages"


def write_done(pelican):
    start = _clock.get("read", time.monotonic())
    progress(
        pelican.settings,
        "rendering and writing",
        pages_detail(_clock.get("generators", ())),
        time.monotonic() - start,
    )


# The preview server (server.Preview) while it serves: it says which pages its browsers
# have open and takes them as soon as they are written. None outside `invoke serve`.
live_preview = None


def pages_wanted_first(generator):
    if live_preview is None or not settings_of(generator.settings)["preview"]:
        return ()
    return live_preview.open_pages()


def first_pages_written(generator, pages):
    if live_preview is not None and settings_of(generator.settings)["preview"]:
        live_preview.show_first({url: path.read_bytes() for url, path in pages if path.is_file()})


def register():
    signals.initialized.connect(check_settings)
    signals.content_object_init.connect(strip_editor_notes)
    signals.article_generator_pretaxonomy.connect(include_drafts)
    signals.all_generators_finalized.connect(read_done)
    signals.finalized.connect(write_done)
    pages_wanted_first_signal.connect(pages_wanted_first)
    first_pages_written_signal.connect(first_pages_written)

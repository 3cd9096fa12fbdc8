"""Index-only text for tone-free Vietnamese and document symbols; running Pagefind."""

import html
import logging
import re
import threading
import time
import unicodedata
from pathlib import Path

from documents.symbols import find_references

import contract
from multilingual.site import CONTENT_TEMPLATES, OutputPage

from .languages import index_by_language

logger = logging.getLogger(__name__)

DEFAULTS = {
    "index": True,  # run Pagefind after every build
    "fold": True,  # add the folded copy of each content page's "đ" words to the index
    "bundle_dir": "pagefind",  # where the index goes, inside the output folder
    # Pagefind indexes each language in parts of about this many pages, merged into one bundle
    # (languages.py, merge.py): an edit re-indexes its part only, and one Pagefind run over
    # 10,000 articles peaked at 2.5 GB.
    "part_size": 60,
}

# Combining marks Vietnamese (and French) put on Latin letters: the tone marks (grave,
# acute, hook above, tilde, dot below) and the vowel marks (circumflex, breve, horn).
# Only these are removed: Lao and Khmer vowel signs are combining marks too and must stay.
LATIN_MARKS = re.compile("[\u0300-\u036f]")


def fold(text: str) -> str:
    """Vietnamese without diacritics, case kept: "Đồng Tháp được" -> "Dong Thap duoc".

    Not plugins/vntext.fold: that one lowercases and drops every combining character,
    which would also strip Lao and Khmer vowel signs from the index-only copy.
    """
    # Pagefind folds the marks itself but never folds đ to d (measured with Pagefind 1.5.2).
    # str.replace, not str.translate with a table: 3.6x faster on a corpus's articles.
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return unicodedata.normalize("NFC", LATIN_MARKS.sub("", decomposed))


def symbol_forms(text: str) -> list[str]:
    """Index forms of the document symbols cited in `text` (found by documents.symbols), so
    that "12-CT/TW", "12-ct/tw", "12 CT TW" and "12CTTW" all find them, whichever of the two
    shapes the writer used ("12/CT-TW" is the same document): the canonical symbol, its parts
    as words and the parts run together, with đ folded to d."""
    forms = []
    for reference in find_references(text):
        parts = [fold(part) for part in re.split(r"[-/]", reference.symbol) if part]
        forms += [reference.symbol, " ".join(parts), "".join(parts)]
    return list(dict.fromkeys(forms))


# Tags and comments of the sanitised HTML of an article (nh3's output: well formed, `<` in
# text escaped). A regular expression rather than html.parser, which took 2.7x as long.
MARKUP = re.compile(r"<!--.*?-->|<[a-zA-Z/!?](?:[^>\"']|\"[^\"]*\"|'[^']*')*>", re.S)


def plain_text(fragment: str) -> str:
    """The text of an HTML fragment: a tag separates words, a comment does not."""
    text = MARKUP.sub(lambda tag: "" if tag[0][1] in "!?" else " ", str(fragment or ""))
    return " ".join(html.unescape(text).split())


def index_only(*fragments) -> tuple[str, str]:
    """What a content page adds to its index entry: the folded copy of its words that hold
    "đ" (empty when none does) and the index forms of the document symbols it cites.

    Pagefind 1.5 matches "thap" with "tháp" itself (it indexes words without their marks and
    ranks a query's own marks higher), but it never takes "d" for "đ": only those words need
    a copy. A copy of every word, as before, made Pagefind's work a third larger (1,000
    articles: 3.2 -> 2.4 s, 397 -> 300 MB, index 7.2 -> 6.0 MB). The copy keeps the words in
    their order, so the search page can show the original word of a match found in it
    (theme/static/js/search.js)."""
    text = " ".join(plain_text(f) for f in fragments if f)
    folded = fold(" ".join(word for word in text.split() if "đ" in word or "Đ" in word))
    return folded, " ".join(symbol_forms(text))


def settings_problems(search) -> list[str]:
    if not isinstance(search, dict):
        return ["SEARCH must be a dict (see pelicanconf.py)"]
    problems = []
    for key, value in search.items():
        if key not in DEFAULTS:
            problems.append(f"SEARCH: unknown key {key!r}; allowed: {', '.join(DEFAULTS)}")
        elif not isinstance(value, type(DEFAULTS[key])):
            kind = type(DEFAULTS[key]).__name__
            problems.append(f"SEARCH[{key!r}] must be a {kind}, not {value!r}")
    part_size = search.get("part_size", DEFAULTS["part_size"])
    if isinstance(part_size, int) and (isinstance(part_size, bool) or part_size < 1):
        problems.append(
            f"SEARCH['part_size'] must be a number of pages, 1 or more, not {part_size!r}"
        )
    bundle = search.get("bundle_dir", DEFAULTS["bundle_dir"])
    if isinstance(bundle, str) and not re.fullmatch(r"[a-z0-9_-]+", bundle):
        problems.append(
            f"SEARCH['bundle_dir'] must be one folder name (a-z, 0-9, _ -), not {bundle!r}"
        )
    return problems


def options(settings) -> dict:
    merged = dict(DEFAULTS)
    search = settings.get("SEARCH", {})
    if isinstance(search, dict):
        merged.update(search)
    return merged


def check_settings(pelican):
    for problem in settings_problems(pelican.settings.get("SEARCH", {})):
        logger.error(problem)


def install_filters(generator):
    fold_on = options(generator.settings)["fold"]
    generator.env.filters["search_index_only"] = (
        (lambda *fragments: index_only(*fragments)) if fold_on else (lambda *fragments: ("", ""))
    )
    generator.env.globals["search_bundle"] = options(generator.settings)["bundle_dir"]
    generator.env.globals["search_url"] = search_url


def search_url(lang) -> str:
    """The search page of a language tree: /tim-kiem/ in Vietnamese, /<lang>/search/ else."""
    return f"{lang.prefix}{lang.words['search']}/"


def search_pages(tree, context=None, settings=None):
    """The search page of each language tree (multilingual's tree_pages_signal). Which
    language's bundle it loads is filled in by list_content_pages."""
    page_context = {"search_language": None}
    return [OutputPage(("search",), tree.lang, search_url(tree.lang), "search.html", page_context)]


def pagefind_executable() -> Path:
    from pagefind_bin import get_executable

    return get_executable()


# Pages of multilingual's CONTENT_TEMPLATES carry data-pagefind-body: the only ones indexed.
_content_pages: dict[str, list[str]] = {}  # language code -> save_as paths of its content pages


def list_content_pages(generators):
    """List each language's content pages, and tell every search page which language's
    bundle to load: its own, or, in a tree without content of its own (fr, lo, zh, km list
    the originals), the default language's."""
    _content_pages.clear()
    search = []
    for generator in generators:
        for page in getattr(generator, "output_pages", ()):
            if page.template in CONTENT_TEMPLATES:
                _content_pages.setdefault(page.lang.code, []).append(page.save_as)
            elif page.template == "search.html":
                search.append(page)
    for paths in _content_pages.values():
        paths.sort()
    for page in search:
        code = page.lang.code if page.lang.code in _content_pages else contract.DEFAULT_LANG
        page.context["search_language"] = code if code in _content_pages else None


def pagefind_command(site: Path, output: Path) -> list[str]:
    return [
        str(pagefind_executable()),
        "--site",
        str(site),
        "--output-path",
        str(output),
        "--quiet",
    ]


_running: dict = {}  # the indexing thread of the current build and what it found


def start_index(generator):
    """Start indexing as soon as the content pages are written (multilingual's
    content_pages_written_signal): Pagefind runs while the listings are rendered and the
    other plugins write feeds, calendars and PDFs."""
    opts = options(generator.settings)
    if not opts["index"]:
        return
    stop_index()  # left over from a build that stopped before it finished
    site = Path(generator.output_path)
    cache = Path(generator.settings.get("CACHE_PATH") or site.parent / ".cache") / "pagefind"
    pages = {code: list(paths) for code, paths in _content_pages.items()}

    def run():
        try:
            index_by_language(
                site,
                pages,
                opts["bundle_dir"],
                cache,
                pagefind_command,
                opts["part_size"],
            )
        except (OSError, ImportError, RuntimeError, ValueError, KeyError) as error:
            _running["error"] = error

    thread = threading.Thread(target=run, name="search-index", daemon=True)
    _running.update(thread=thread, started=time.perf_counter())
    thread.start()


def stop_index():
    thread = _running.get("thread")
    if thread is not None:
        thread.join()
    _running.clear()


def build_index(pelican):
    """Wait for the index of the site Pelican just wrote (press/build.py's staging folder,
    before it is swapped in), so the published index always matches the published pages."""
    opts = options(pelican.settings)
    if not opts["index"]:
        return
    site = Path(pelican.output_path)
    if "thread" not in _running:
        start_index(pelican)  # the pages were written without the multilingual generator
    started = _running["started"]
    _running["thread"].join()
    error = _running.get("error")
    _running.clear()
    if error is not None:
        logger.error("Search index: Pagefind failed: %s", error)
        return
    size_kb = index_size(site, opts["bundle_dir"]) / 1024
    seconds = time.perf_counter() - started
    logger.info("Search index: %.0f KB in %s/ (%.1f s)", size_kb, opts["bundle_dir"], seconds)
    stage_done(pelican.settings, "search index", f"{size_kb:.0f} KB", seconds)


def stage_done(settings, stage, detail, seconds):
    """A progress line through the editor plugin, when it is enabled."""
    if "editor" in settings.get("PLUGINS", []):
        from editor import progress  # noqa: PLC0415

        progress(settings, stage, detail, seconds)


def index_size(output_path, bundle_dir: str = DEFAULTS["bundle_dir"]) -> int:
    """Bytes of the search index a reader may download: the index, fragment and filter files
    of every language's bundle (not the JavaScript/WASM runtime, which does not grow with
    content)."""
    total = 0
    for bundle in Path(output_path, bundle_dir).glob("*/"):
        for folder in ("index", "fragment", "filter"):
            total += sum(p.stat().st_size for p in (bundle / folder).glob("*") if p.is_file())
        total += sum(p.stat().st_size for p in bundle.glob("pagefind-entry.json"))
        total += sum(p.stat().st_size for p in bundle.glob("pagefind.*.pf_meta"))
    return total

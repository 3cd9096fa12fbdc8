"""Read cache: Markdown and typography run once per file content, on every core.

Pelican's own content cache stores the Markdown output from before typogrify, so
typogrify still runs on every file on every build, and its reading is sequential.
This plugin replaces the Markdown reader with one that returns the typeset HTML from a
cache keyed by the file's bytes and the settings that shape the output; files missing
from the cache are converted in a process pool before Pelican starts reading.

Settings (pelicanconf.py):

    READ_CACHE = {
        "typogrify": True,   # typeset content, titles and summaries (cached with them)
        "workers": 0,        # processes for uncached files; 0 = one per core
        "path": "",          # cache file; "" = <CACHE_PATH>/read-cache.pickle
    }

Pelican's own TYPOGRIFY must be False (the plugin checks): it would typeset twice.
"""

import hashlib
import logging
import os
import re
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from importlib.metadata import version
from multiprocessing import get_context

import picklecache
from markdown import Markdown
from pelican import readers, signals, urlwrappers
from pelican.readers import DUPLICATES_DEFINITIONS_ALLOWED, MarkdownReader
from pelican.utils import SafeDatetime

logger = logging.getLogger(__name__)

DEFAULTS = {"typogrify": True, "workers": 0, "path": ""}
# Below this many uncached files, starting worker processes costs more than it saves.
POOL_THRESHOLD = 16


@dataclass(frozen=True)
class Converted:
    content: str
    meta: dict  # lower-cased key -> list of raw values, as Markdown's meta extension gives
    formatted: dict  # FORMATTED_FIELDS rendered (and typeset) to HTML


def options(settings) -> dict:
    merged = dict(DEFAULTS)
    merged.update(settings.get("READ_CACHE", {}))
    unknown = set(merged) - set(DEFAULTS)
    if unknown:
        raise ValueError(
            f"READ_CACHE: unknown keys {sorted(unknown)} (allowed: {sorted(DEFAULTS)})"
        )
    if merged["typogrify"] and settings.get("TYPOGRIFY"):
        raise ValueError("READ_CACHE typesets the content: set TYPOGRIFY = False")
    return merged


def fingerprint(settings) -> str:
    """What, besides a file's bytes, decides the converted output."""
    md_settings = markdown_options(settings)
    parts = [
        repr(sorted(md_settings["extension_configs"].items())),
        repr(md_settings["extensions"]),
        repr(settings["FORMATTED_FIELDS"]),
        repr(options(settings)["typogrify"]),
        repr(settings.get("TYPOGRIFY_IGNORE_TAGS")),
        repr(settings.get("TYPOGRIFY_OMIT_FILTERS")),
        repr(settings.get("TYPOGRIFY_DASHES")),
        version("markdown"),
        version("typogrify"),
        version("smartypants"),
        "readcache-1",
    ]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


# smartypants runs five steps on every run of text between tags (about 50 per article),
# each a series of `re.sub` calls, and each step can only change a text that contains one
# of these characters (every pattern it substitutes needs one): a text without them is
# returned as it is. On a 1,000-pair corpus these steps made 2 million `re.sub` calls.
SMARTYPANTS_TRIGGERS = {
    "process_escapes": "\\",
    "convert_dashes": "-",
    "convert_dashes_oldschool": "-",
    "convert_dashes_oldschool_inverted": "-",
    "convert_ellipses": ".",
    "convert_backticks": "`'",
    "convert_single_backticks": "`'",
    "convert_quotes": "'\"",
}


def skip_untouched_text(smartypants) -> None:
    """Give smartypants' steps the shortcut above (once per process)."""
    for name, triggers in SMARTYPANTS_TRIGGERS.items():
        step = getattr(smartypants, name)
        if getattr(step, "triggers", None) is None:
            setattr(smartypants, name, shortcut(step, triggers))


def shortcut(step, triggers):
    def run(text):
        for char in triggers:
            if char in text:
                return step(text)
        return text

    run.triggers, run.step = triggers, step
    return run


def typesetter(settings):
    if not options(settings)["typogrify"]:
        return lambda html: html
    import smartypants  # noqa: PLC0415
    from typogrify.filters import typogrify  # noqa: PLC0415

    skip_untouched_text(smartypants)

    dashes = settings.get("TYPOGRIFY_DASHES", "default")
    smartypants.Attr.default = {
        "oldschool": smartypants.Attr.set2,
        "oldschool_inverted": smartypants.Attr.set3,
    }.get(dashes, smartypants.Attr.set1) | smartypants.Attr.w
    ignore = settings.get("TYPOGRIFY_IGNORE_TAGS", [])
    omit = dict.fromkeys(settings.get("TYPOGRIFY_OMIT_FILTERS", []), False)
    return lambda html: typogrify(html, ignore, **omit)


def markdown_options(settings) -> dict:
    """Pelican's Markdown settings, completed the way its reader completes them."""
    md_settings = dict(settings["MARKDOWN"])
    configs = md_settings.get("extension_configs", {})
    extensions = list(md_settings.get("extensions", []))
    extensions += [name for name in configs if name not in extensions]
    if "markdown.extensions.meta" not in extensions:
        extensions.append("markdown.extensions.meta")
    md_settings.update(extensions=extensions, extension_configs=configs)
    return md_settings


class Converter:
    """Markdown and typography for one settings dict. Making a Markdown instance (its
    extensions and their patterns) cost about 0.3 ms per file, as much as a sixth of
    converting one, so each process keeps its instances and resets them between files, as
    Python-Markdown intends."""

    def __init__(self, settings):
        self.settings = settings
        md_options = markdown_options(settings)
        self.md = Markdown(**md_options)
        # Formatted fields (the summary) are Markdown too, but hold no metadata block.
        self.fields_md = Markdown(**md_options)
        self.fields_md.preprocessors.deregister("meta")
        self.typeset = typesetter(settings)

    def convert(self, text: str) -> Converted:
        md, typeset = self.md, self.typeset
        md.reset()
        content = typeset(md.convert(text))
        meta = {name.lower(): list(values) for name, values in getattr(md, "Meta", {}).items()}
        formatted = {}
        for name in self.settings["FORMATTED_FIELDS"]:
            if name in meta:
                self.fields_md.reset()
                formatted[name] = typeset(self.fields_md.convert("\n".join(meta[name])))
        if "title" in meta and meta["title"]:
            meta["title"] = [typeset(meta["title"][0])] + meta["title"][1:]
        return Converted(content, meta, formatted)


_converter: Converter | None = None


def convert(settings, text: str) -> Converted:
    """Markdown and typography for one file's text, the way Pelican's reader does them."""
    global _converter
    if _converter is None or _converter.settings is not settings:
        _converter = Converter(settings)
    return _converter.convert(text)


def read_text(path) -> tuple[str, str]:
    with open(path, "rb") as source:
        data = source.read()
    return hashlib.sha1(data).hexdigest(), data.decode("utf-8-sig")


class ReadCache:
    """One pickle file: source path -> (file digest, Converted)."""

    def __init__(self, settings):
        self.settings = settings
        self.fingerprint = fingerprint(settings)
        path = options(settings)["path"] or os.path.join(
            settings["CACHE_PATH"], "read-cache.pickle"
        )
        self.path = path
        self.entries = picklecache.load(path, self.fingerprint)
        self.used = {}
        self.dirty = False

    def get(self, path, digest):
        hit = self.used.get(path) or self.entries.get(path)
        if hit and hit[0] == digest:
            self.used[path] = hit
            return hit[1]
        return None

    def put(self, path, digest, converted):
        self.used[path] = (digest, converted)
        self.dirty = True

    def save(self):
        """Keep what this build used, written atomically (parallel builds may share it)."""
        if not self.dirty and len(self.used) == len(self.entries):
            return
        picklecache.save(self.path, self.fingerprint, self.used)


_cache: ReadCache | None = None


class CachedMarkdownReader(MarkdownReader):
    """Pelican's Markdown reader, answering from the read cache."""

    def read(self, source_path):
        self._source_path = source_path
        digest, text = read_text(source_path)
        converted = _cache.get(source_path, digest) if _cache else None
        if converted is None:
            converted = convert(self.settings, text)
            if _cache:
                _cache.put(source_path, digest, converted)
        return converted.content, self.metadata(converted)

    def metadata(self, converted):
        output = {}
        for name, values in converted.meta.items():
            if name in converted.formatted:
                output[name] = self.process_metadata(name, converted.formatted[name])
            elif not DUPLICATES_DEFINITIONS_ALLOWED.get(name, True):
                if len(values) > 1:
                    logger.warning(
                        "Duplicate definition of `%s` for %s. Using first one.",
                        name,
                        self._source_path,
                    )
                output[name] = self.process_metadata(name, values[0])
            elif len(values) > 1:
                output[name] = self.process_metadata(name, values)
            else:
                output[name] = self.process_metadata(name, values[0])
        return output


def markdown_files(settings):
    ignores = settings.get("IGNORE_FILES", [])
    import fnmatch  # noqa: PLC0415

    for folder, dirs, files in os.walk(settings["PATH"], followlinks=True):
        dirs[:] = sorted(d for d in dirs if not any(fnmatch.fnmatch(d, i) for i in ignores))
        for name in sorted(files):
            if name.endswith(".md") and not any(fnmatch.fnmatch(name, i) for i in ignores):
                yield os.path.abspath(os.path.join(folder, name))


_worker_settings = None


def _convert_file(path):
    digest, text = read_text(path)
    return path, digest, convert(_worker_settings, text)


def prefill(settings, cache: ReadCache) -> None:
    """Convert every uncached Markdown file under PATH, on all cores."""
    missing = []
    for path in markdown_files(settings):
        try:
            digest, _ = read_text(path)
        except (OSError, UnicodeDecodeError):
            continue  # Pelican's reader reports it
        if cache.get(path, digest) is None:
            missing.append(path)
    workers = options(settings)["workers"] or os.cpu_count() or 1
    if len(missing) < POOL_THRESHOLD or workers < 2:
        return  # the reader converts them as Pelican meets them
    global _worker_settings
    _worker_settings = settings
    chunk = max(1, len(missing) // (workers * 8))
    with ProcessPoolExecutor(workers, mp_context=get_context("fork")) as pool:
        for path, digest, converted in pool.map(_convert_file, missing, chunksize=chunk):
            cache.put(path, digest, converted)


def start(pelican):
    global _cache
    _cache = ReadCache(pelican.settings)
    prefill(pelican.settings, _cache)


def use_cached_reader(readers):
    readers.reader_classes["md"] = CachedMarkdownReader
    readers.reader_classes["markdown"] = CachedMarkdownReader
    readers.reader_classes["mkd"] = CachedMarkdownReader
    readers.reader_classes["mdown"] = CachedMarkdownReader


def release_cache(generators):
    """Save the cache once every file is read, and let it go: its HTML is one more copy of
    every article, which the rest of the build (rendering 100,000 pages on a large site)
    does not need. A file read after this is converted without the cache."""
    global _cache
    if _cache:
        _cache.save()
    _cache = None


def memoise_slugs() -> None:
    """Pelican makes a Tag, Category or Author object for every one an article names, and
    each computes its slug with `slugify` (Unicode normalisation, unidecode, regular
    expressions): 13,000 calls for 60 distinct names on a 1,000-pair corpus, 0.25 s of every
    build's reading. The slug depends only on the arguments, so each is made once."""
    if getattr(urlwrappers.slugify, "memoised", False):
        return
    slugify, known = urlwrappers.slugify, {}

    def memoised(value, regex_subs=(), preserve_case=False, use_unicode=False):
        key = (value, tuple(map(tuple, regex_subs)), preserve_case, use_unicode)
        slug = known.get(key)
        if slug is None:
            slug = known[key] = slugify(value, regex_subs, preserve_case, use_unicode)
        return slug

    memoised.memoised = True
    urlwrappers.slugify = memoised


# The content contract's dates: "2024-03-01" or "2024-03-01 19:00" (seconds allowed), no zone.
PLAIN_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?")


def parse_dates_directly() -> None:
    """Pelican reads every Date and Modified with dateutil's general parser, about 90 µs a
    value (1.9 s of a 10,000-pair rebuild). The contract's plain ISO dates are read by
    `fromisoformat`, which gives the same naive SafeDatetime; anything else (a zone, another
    layout, an impossible date) still goes to Pelican's parser and its error."""
    if getattr(readers.get_date, "direct", False):
        return
    general = readers.get_date

    def get_date(string):
        if PLAIN_DATE.fullmatch(string):
            try:
                return SafeDatetime.fromisoformat(string)
            except ValueError:
                pass
        return general(string)

    get_date.direct = True
    readers.get_date = get_date


def register():
    memoise_slugs()
    parse_dates_directly()
    signals.initialized.connect(start)
    signals.readers_init.connect(use_cached_reader)
    signals.all_generators_finalized.connect(release_cache)

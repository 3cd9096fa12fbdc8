"""The Pelican generator that writes every page of every language tree in one run."""

import hashlib
import logging
import re
from pathlib import Path

import jinja2
from markupsafe import Markup
from pelican.generators import Generator

import contract

from . import i18n
from .filecache import FINGERPRINT_KEY, write_if_changed
from .languages import make_languages
from .pagecache import KEPT, PROVIDERS_KEY, PageCache, Recorder, object_key
from .render import render_all
from .site import (
    CONTENT_TEMPLATES,
    build_tree,
    content_pages_written_signal,
    first_pages_written_signal,
    group_translations,
    link_translations,
    pages_wanted_first_signal,
    tree_pages,
    tree_pages_signal,
)

logger = logging.getLogger(__name__)

# Where the Articles and Pages generators leave what they read (see __init__.py).
SOURCES_KEY = "multilingual_sources"


def prepare_environment(generator):
    """Give a generator's Jinja environment the catalogs and the theme's helpers.

    Every generator gets them, because Pelican's own generators still load the theme's
    templates (they only skip writing them).
    """
    catalogs = i18n.load_catalogs(Path(generator.settings["TRANSLATIONS_PATH"]), contract.LANGUAGES)
    i18n.install(generator.env, catalogs, contract.DEFAULT_LANG)
    generator.env.globals.update(
        category_label=lambda key: contract.CATEGORIES.get(key, {}).get("label", key),
        nav_section=nav_section,
    )
    generator.env.filters.update(source_parts=source_parts)
    generator.env.bytecode_cache = bytecode_cache(generator.env, generator.settings)


def bytecode_cache(env, settings) -> jinja2.FileSystemBytecodeCache:
    """The theme's templates as compiled by an earlier build: a build's main process took
    0.11 s of CPU to compile its 18 page templates before the workers fork, 0.005 s to load
    them from here.

    Jinja checks each template's source against what it compiled; the folder's name covers
    what else the compiled code depends on: the environment's syntax and i18n options and
    Jinja's version."""
    options = (
        jinja2.__version__,
        env.block_start_string,
        env.block_end_string,
        env.variable_start_string,
        env.variable_end_string,
        env.comment_start_string,
        env.comment_end_string,
        env.line_statement_prefix,
        env.line_comment_prefix,
        env.trim_blocks,
        env.lstrip_blocks,
        env.newline_sequence,
        env.keep_trailing_newline,
        env.optimized,
        getattr(env.autoescape, "__qualname__", env.autoescape),
        sorted(env.extensions),
        getattr(env, "newstyle_gettext", None),  # the i18n extension compiles these in
        env.policies.get("ext.i18n.trimmed"),
    )
    digest = hashlib.sha256(repr(options).encode()).hexdigest()[:16]
    folder = Path(settings["CACHE_PATH"]) / f"jinja-{digest}"
    folder.mkdir(parents=True, exist_ok=True)
    return jinja2.FileSystemBytecodeCache(str(folder))


class MultilingualGenerator(Generator):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.languages = make_languages()
        self.output_pages = []
        self.recorder = Recorder(self.env)

    def generate_context(self):
        sources = self.context.get(SOURCES_KEY, {})
        default = contract.DEFAULT_LANG
        groups = group_translations(sources.get("articles", []), default)
        page_groups = group_translations(sources.get("pages", []), default)
        self.trees = {
            code: build_tree(lang, groups, page_groups) for code, lang in self.languages.items()
        }
        self.context["article_groups"] = groups
        self.context["trees"] = self.trees
        self.output_pages = []
        for tree in self.trees.values():
            self.output_pages.extend(tree_pages(tree, self.settings))
            for _receiver, pages in tree_pages_signal.send(
                tree, context=self.context, settings=self.settings
            ):
                self.output_pages.extend(pages or ())
        link_translations(self.output_pages, self.languages, default)

    def generate_output(self, writer):
        base = dict(self.context)
        base["languages"] = self.languages
        self.base, self.fragments = base, {}
        for name in {page.template for page in self.output_pages}:
            self.env.get_template(name)  # compile once, before workers fork
        options = self.settings.get("MULTILINGUAL", {})
        self.objects = self.content_objects()
        self.page_cache = None
        if options.get("page_cache", True):
            self.page_cache = PageCache(self.settings, *self.cache_inputs())
            # Other plugins keep their derived files under the same fingerprint (filecache).
            self.context[FINGERPRINT_KEY] = self.page_cache.global_digest
        # Each worker decides for its share whether a page can be kept from the previous
        # output (its recorded inputs are unchanged) or must be rendered: on a rebuild the
        # check is most of the work, so it runs on every core too. Content pages go first,
        # so that the search index is made while the listings are rendered.
        self.rendered_count = 0
        first = self.write_first(base)
        pages = [page for page in self.output_pages if id(page) not in first]
        content = [page for page in pages if page.template in CONTENT_TEMPLATES]
        listings = [page for page in pages if page.template not in CONTENT_TEMPLATES]
        render_all(
            [content, listings],
            lambda page: self.keep_or_render(page, base),
            self.collect,
            lambda pages: content_pages_written_signal.send(self) if pages is content else None,
            options.get("workers", 0),
        )
        if self.page_cache:
            self.page_cache.save()
            self.page_cache = None
        logger.info(
            "Rendered %d of %d pages (%d unchanged)",
            self.rendered_count,
            len(self.output_pages),
            len(self.output_pages) - self.rendered_count,
        )

    def write_first(self, base) -> set:
        """Write the pages that receivers of `pages_wanted_first_signal` ask for, here and
        before any other (the preview shows an edited page while the build goes on: 2.16-2.61
        s after an edit on the 1,000-pair corpus, where the whole rebuild took 5.0-6.1 s).
        Returns the ids of the pages written."""
        wanted = set()
        for _receiver, urls in pages_wanted_first_signal.send(self):
            wanted.update(urls or ())
        first = [page for page in self.output_pages if page.url in wanted]
        if not first:
            return set()
        self.collect([self.keep_or_render(page, base) for page in first])
        output = Path(self.output_path)
        first_pages_written_signal.send(
            self, pages=[(page.url, output / page.save_as) for page in first]
        )
        return {id(page) for page in first}

    def collect(self, results) -> None:
        """A batch of rendered or kept pages, back from a worker: their page-cache entries
        are stored (their dependencies shared with equal ones) at once, not after every page
        is back."""
        self.rendered_count += sum(1 for _, _, rendered in results if rendered)
        if self.page_cache:
            self.page_cache.store_batch((save_as, entry) for save_as, entry, _ in results)

    def content_objects(self) -> dict:
        sources = self.context.get(SOURCES_KEY, {})
        objects = {object_key(item): item for items in sources.values() for item in items}
        objects.update((object_key(tree), tree) for tree in self.trees.values())
        objects.update((object_key(p), p) for p in self.context.get(PROVIDERS_KEY, []))
        return objects

    def cache_inputs(self):
        """What every page may depend on: code, templates, catalogs, config, and any
        content file that is not an article or page (registries, data, images)."""
        plugins_root = Path(__file__).resolve().parent.parent
        code = [
            plugins_root,
            Path(self.settings["THEME"]),
            Path(self.settings["TRANSLATIONS_PATH"]),
        ]
        sources = {
            item.source_path for item in self.objects.values() if hasattr(item, "source_path")
        }
        stamped = [
            str(path)
            for path in Path(self.settings["PATH"]).rglob("*")
            if path.is_file() and str(path) not in sources
        ]
        return code, stamped

    def fragment(self, name, context, **values):
        """A partial that depends on the language and the given values only, rendered once
        per process for each: the footer and text-size controls (language only), the site
        navigation (and its current section), an article's item in listings (an article
        is listed on about ten pages of each tree). What it read is recorded once and added
        to every page that shows it, so the page cache still sees each page's real inputs."""
        key = (name, context["lang"].code, *((k, object_key(v) or v) for k, v in values.items()))
        known = self.fragments.get(key)
        if known is None:
            recorder = self.recorder
            outer, recorder.reads = recorder.reads, set()
            try:
                html = self.env.get_template(name).render(
                    fragment_context(self.base, context, values)
                )
                known = self.fragments[key] = (Markup(html), frozenset(recorder.reads))
            finally:
                recorder.reads = outer
        if self.recorder.reads is not None:
            self.recorder.reads.update(known[1])
        return known[0]

    def keep_or_render(self, page, base):
        """(save_as, cache entry, whether the page was rendered) for one page."""
        cache = self.page_cache
        if cache and cache.reusable(page, self.objects) and cache.keep(page):
            return page.save_as, KEPT, False
        return (*self.render(page, base), True)

    def render(self, page, base):
        template = self.env.get_template(page.template)
        context = dict(base)
        context.update(page.context)
        context.update(
            lang=page.lang,
            tree=self.trees[page.lang.code],
            output_page=page,
            page_url=page.url,
            union=union_info(self.settings, page.lang.code),
        )
        context["language_fragment"] = lambda name, **values: self.fragment(name, context, **values)
        recorder = self.recorder
        recorder.reads = set()
        try:
            html = template.render(context)
            reads = recorder.reads
        finally:
            recorder.reads = None
        write_if_changed(Path(self.output_path) / page.save_as, html.encode("utf-8"))
        entry = self.page_cache.record(page, reads, self.objects) if self.page_cache else None
        return page.save_as, entry


LANGUAGE_KEYS = ("lang", "tree", "union", "languages")


def nav_section(page) -> str:
    """The section menu's entry a page belongs to: "home", "category:<key>", "documents"…
    ("" for none). The menu is a fragment per language and section (partials/site_nav.html)."""
    kind = page.identity[0]
    if kind == "category":
        return f"category:{page.identity[1]}"
    if kind in ("editions", "edition"):
        return "editions"
    return kind if len(page.identity) == 1 else ""


def fragment_context(base: dict, context: dict, values: dict) -> dict:
    """What a fragment may see: the site-wide context, the language's values and its own."""
    return {**base, **{key: context[key] for key in LANGUAGE_KEYS if key in context}, **values}


def union_info(settings, code) -> dict:
    """The union's details in a language, falling back to English, then Vietnamese."""
    union = settings.get("UNION", {})
    return union.get(code) or union.get("en") or union.get(contract.DEFAULT_LANG) or {}


SOURCE_WITH_URL = re.compile(r"^(?P<name>.*?)\s*<(?P<url>https?://[^\s>]+)>\s*$")


def source_parts(source: str) -> tuple:
    """`Name <https://url>` -> ("Name", "https://url"); a bare name -> ("Name", None)."""
    match = SOURCE_WITH_URL.match(source.strip())
    if match:
        return match["name"], match["url"]
    return source.strip(), None

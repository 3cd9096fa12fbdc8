"""Feeds, sitemap, robots.txt and sharing metadata, from the multilingual plugin's trees.

- Atom and RSS 2.0 feeds per language tree (all articles, per category, per tag), with
  absolute URLs, the tree's language, summaries and full content.
- sitemap.xml with every published page once, its lastmod and its hreflang alternates
  (an index of sitemap-N.xml files past FEEDS["sitemap_max_urls"]), and robots.txt.
- `head_meta()` for partials/head_meta.html: canonical URL, description, OpenGraph,
  feed links and JSON-LD (NewsArticle, WebSite, BreadcrumbList).

Settings: FEEDS in pelicanconf.py (see common.DEFAULTS).
"""

import logging
from pathlib import Path

from jinja2 import pass_context
from pelican import signals
from pelican.generators import Generator

from multilingual.filecache import FINGERPRINT_KEY, FileCache, write_if_changed

from .common import check_settings, forget_build, options
from .feeds import formats, newest_in, tree_feeds, write_feed
from .meta import head_meta
from .sitemap import robots_txt, write_sitemaps

logger = logging.getLogger(__name__)


def validate(pelican):
    pelican.settings["FEEDS"] = check_settings(pelican.settings)
    forget_build()  # the catalogs may have changed since the last build (preview)


def install_globals(generator):
    settings = generator.settings

    @pass_context
    def _head_meta(context):
        page, tree = context.get("output_page"), context.get("tree")
        if page is None or tree is None:
            return None
        return head_meta(settings, page, tree)

    generator.env.globals["head_meta"] = _head_meta


class FeedsGenerator(Generator):
    """Writes the feeds, sitemap and robots.txt once every page of every tree is listed."""

    pages_source = None  # the multilingual generator, found when all generators are ready

    def generate_context(self):
        pass

    def generate_output(self, writer):
        output = Path(self.output_path)
        trees = self.context.get("trees", {})
        # A rebuild after one edit changes a few feeds: the others are kept.
        files = FileCache(self.settings, "feeds", self.context.get(FINGERPRINT_KEY))
        for tree in trees.values():
            updated = newest_in(tree)
            for feed in tree_feeds(tree, self.settings):
                for fmt in formats(self.settings):
                    write_feed(feed, fmt, self.settings, files, updated)
        files.save()
        logger.info("Feeds: %d of %d kept from the previous build", files.kept, len(files.fresh))
        opts = options(self.settings)
        pages = getattr(self.pages_source, "output_pages", [])
        if opts["sitemap"]:
            write_sitemaps(pages, self.settings, output, write_if_changed)
        if opts["robots"]:
            write_if_changed(output / "robots.txt", robots_txt(self.settings).encode("utf-8"))


def find_pages(generators):
    source = next((g for g in generators if hasattr(g, "output_pages")), None)
    for generator in generators:
        if isinstance(generator, FeedsGenerator):
            generator.pages_source = source


def get_generators(pelican):
    return FeedsGenerator


def register():
    signals.initialized.connect(validate)
    signals.generator_init.connect(install_globals)
    signals.get_generators.connect(get_generators)
    signals.all_generators_finalized.connect(find_pages)

"""Multilingual: one read of the content, one language tree per interface language.

Vietnamese lives at the site root, every other language under /<code>/. Pelican's own
writers are switched off by the settings (empty *_SAVE_AS); this plugin's generator
writes every page of every tree, so the content is read and parsed once, not once per
language as pelican-i18n-subsites does.
"""

from pelican import signals

from .generator import SOURCES_KEY, MultilingualGenerator, prepare_environment


def collect_articles(generator):
    generator.context.setdefault(SOURCES_KEY, {})["articles"] = (
        generator.articles + generator.translations
    )
    # With nowhere to write, Pelican's page step still makes every tag, category and
    # author listing, filtering all dated articles per term (quadratic in the articles):
    # skip it. Pelican's feeds step stays, and is off by the settings too.
    generator.generate_pages = skip_pelican_pages


def skip_pelican_pages(writer):
    """This plugin's generator writes every page."""


def collect_pages(generator):
    generator.context.setdefault(SOURCES_KEY, {})["pages"] = (
        generator.pages + generator.translations
    )


def get_generators(pelican):
    return MultilingualGenerator


def register():
    signals.generator_init.connect(prepare_environment)
    signals.article_generator_finalized.connect(collect_articles)
    signals.page_generator_finalized.connect(collect_pages)
    signals.get_generators.connect(get_generators)

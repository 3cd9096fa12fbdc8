"""The Pelican generator that writes every page of every language tree in one run."""

import logging
import re
from pathlib import Path

from pelican.generators import Generator

import contract

from . import i18n, status
from .languages import make_languages
from .render import render_all
from .site import build_tree, group_translations, link_translations, tree_pages

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
        outdated_original=status.outdated_original,
    )
    generator.env.filters.update(source_parts=source_parts)


class MultilingualGenerator(Generator):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.languages = make_languages()
        self.output_pages = []

    def generate_context(self):
        sources = self.context.get(SOURCES_KEY, {})
        default = contract.DEFAULT_LANG
        groups = group_translations(sources.get("articles", []), default)
        page_groups = group_translations(sources.get("pages", []), default)
        self.trees = {
            code: build_tree(lang, groups, page_groups) for code, lang in self.languages.items()
        }
        self.output_pages = [
            page for tree in self.trees.values() for page in tree_pages(tree, self.settings)
        ]
        link_translations(self.output_pages, self.languages, default)
        self.context["article_groups"] = groups
        self.context["trees"] = self.trees

    def generate_output(self, writer):
        base = dict(self.context)
        base["languages"] = self.languages
        for name in {page.template for page in self.output_pages}:
            self.env.get_template(name)  # compile once, before workers fork
        render_all(
            self.output_pages,
            lambda page: self.render(page, base),
            self.settings.get("MULTILINGUAL", {}).get("workers", 0),
        )

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
        html = template.render(context)
        write_if_changed(Path(self.output_path) / page.save_as, html)


def write_if_changed(path: Path, text: str) -> bool:
    data = text.encode("utf-8")
    try:
        if path.read_bytes() == data:
            return False
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


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

"""Search: a static full-text index per language, built by Pagefind after every build.

Pagefind (PyPI `pagefind[bin]`, the binary ships inside the wheel) reads the finished site
and writes one bundle per language, `pagefind/<lang>/`. Only content pages are indexed:
their templates mark the body with `data-pagefind-body`. Vietnamese typed without tone marks
and with `d` for `đ` is found: Pagefind matches words without their tone and vowel marks
itself, and each content page carries, in index-only markup, a folded copy of its words that
hold `đ`, which Pagefind never takes for `d` (see `index_only`). Pagefind runs once per
language while the other plugins write their files, and a language whose pages did not change
comes from the cache (languages.py). Settings: the `SEARCH` dict in pelicanconf.py.
"""

from pelican import signals

from multilingual.site import content_pages_written_signal, tree_pages_signal

from .search import (
    build_index,
    check_settings,
    fold,
    index_size,
    install_filters,
    list_content_pages,
    search_pages,
    start_index,
)

__all__ = ["fold", "index_size", "register"]


def register():
    signals.initialized.connect(check_settings)
    signals.generator_init.connect(install_filters)
    signals.all_generators_finalized.connect(list_content_pages)
    signals.finalized.connect(build_index)
    tree_pages_signal.connect(search_pages)
    content_pages_written_signal.connect(start_index)

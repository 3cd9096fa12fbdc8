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

__all__ = ["fold", "index_size", "register"]


def register():
    # Imported here, not above: the merge (merge.py) runs in a process of its own, which
    # imports this package and needs neither Pelican nor the other plugins (0.29 s).
    from pelican import signals  # noqa: PLC0415

    from multilingual.site import content_pages_written_signal, tree_pages_signal  # noqa: PLC0415

    from .search import (  # noqa: PLC0415
        build_index,
        check_settings,
        install_filters,
        list_content_pages,
        search_pages,
        start_index,
    )

    signals.initialized.connect(check_settings)
    signals.generator_init.connect(install_filters)
    signals.all_generators_finalized.connect(list_content_pages)
    signals.finalized.connect(build_index)
    tree_pages_signal.connect(search_pages)
    content_pages_written_signal.connect(start_index)


def __getattr__(name):
    if name in ("fold", "index_size"):
        from . import search  # noqa: PLC0415

        return getattr(search, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

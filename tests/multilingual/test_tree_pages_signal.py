"""Other plugins add pages to every language tree through `tree_pages_signal`."""

from conftest import FIXTURES, build_site

from multilingual.site import OutputPage, tree_pages_signal


def test_pages_added_by_a_receiver_get_translations_and_are_written(tmp_path, tmp_path_factory):
    def extra_pages(tree, context, settings):
        yield OutputPage(("extra",), tree.lang, f"{tree.lang.prefix}extra/", "404.html", {})

    tree_pages_signal.connect(extra_pages)
    try:
        site = build_site(FIXTURES / "bilingual", tmp_path / "out", CACHE_PATH=str(tmp_path / "c"))
    finally:
        tree_pages_signal.disconnect(extra_pages)
    page = site.html("/en/extra/")
    alternates = {link["hreflang"] for link in page.select('head link[rel="alternate"][hreflang]')}
    assert alternates == {"vi", "en", "fr", "lo", "zh-Hans", "km", "x-default"}

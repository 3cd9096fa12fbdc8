"""Stock Pelican 4.12 configuration for the benchmark's "before" row.

Stock Pelican + pelican-i18n-subsites + typogrify + the content cache, the bundled `simple`
theme, Markdown, clean URLs, category/tag/author/archive pages, Atom feeds per category and tag.
Nothing project-specific. Run (the runner passes the paths):

    python -m pelican CONTENT -s bench/baseline/pelicanconf.py -o OUTPUT \
        -e 'CACHE_PATH="CACHE"'
"""

from pathlib import Path

AUTHOR = "Liên hiệp các tổ chức hữu nghị"
SITENAME = "Tập san Hữu Nghị"
SITEURL = ""
FEED_DOMAIN = "https://tapsan.huunghi.example"
TIMEZONE = "Asia/Ho_Chi_Minh"
DEFAULT_LANG = "vi"
DEFAULT_DATE_FORMAT = "%d/%m/%Y"

THEME = "simple"  # bundled with Pelican
READERS = {"rst": None}  # the corpus is Markdown only
ARTICLE_PATHS = ["articles"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images"]

# The contract lets editors omit Lang and Slug: the file name <slug>.<lang>.md carries both.
# i18n_subsites needs a lang on every file, and translations are paired by slug.
FILENAME_METADATA = r"(?P<slug>[^.]+)\.(?P<lang>[a-z]{2,3})"

# --- clean URLs ------------------------------------------------------------
ARTICLE_URL = "articles/{date:%Y}/{slug}/"
ARTICLE_SAVE_AS = "articles/{date:%Y}/{slug}/index.html"
ARTICLE_LANG_URL = ARTICLE_URL  # each language lives in its own subsite
ARTICLE_LANG_SAVE_AS = ARTICLE_SAVE_AS
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
PAGE_LANG_URL = PAGE_URL
PAGE_LANG_SAVE_AS = PAGE_SAVE_AS
CATEGORY_URL = "categories/{slug}/"
CATEGORY_SAVE_AS = "categories/{slug}/index.html"
CATEGORIES_SAVE_AS = "categories/index.html"
TAG_URL = "tags/{slug}/"
TAG_SAVE_AS = "tags/{slug}/index.html"
TAGS_SAVE_AS = "tags/index.html"
AUTHOR_URL = "authors/{slug}/"
AUTHOR_SAVE_AS = "authors/{slug}/index.html"
AUTHORS_SAVE_AS = "authors/index.html"
ARCHIVES_SAVE_AS = "archives/index.html"
YEAR_ARCHIVE_SAVE_AS = ""
MONTH_ARCHIVE_SAVE_AS = ""
DAY_ARCHIVE_SAVE_AS = ""

DEFAULT_PAGINATION = 10
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)

# --- feeds: site, per category, per tag ---------------------------------------
FEED_ATOM = "feeds/atom.xml"
FEED_ALL_ATOM = "feeds/all.atom.xml"
CATEGORY_FEED_ATOM = "feeds/categories/{slug}.atom.xml"
TAG_FEED_ATOM = "feeds/tags/{slug}.atom.xml"
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
FEED_MAX_ITEMS = 20

# --- the "before" features ----------------------------------------------------
TYPOGRIFY = True
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CONTENT_CACHING_LAYER = "reader"
CHECK_MODIFIED_METHOD = "mtime"
# CACHE_PATH is given by the runner (-e CACHE_PATH=...); i18n_subsites appends /en for the subsite.

MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.meta": {},
    },
    "output_format": "html5",
}

# --- i18n subsites ----------------------------------------------------------
PLUGINS = ["pelican.plugins.i18n_subsites"]
JINJA_ENVIRONMENT = {"extensions": ["jinja2.ext.i18n"]}  # required by i18n_subsites


def _empty_catalog(lang: str) -> str:
    """The bundled theme ships no gettext catalogs (a real site would have its own); an empty
    one for the subsite language keeps i18n_subsites from logging a traceback per build."""
    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo

    localedir = Path(__file__).resolve().parent.parent / "work" / "locale"
    mo = localedir / lang / "LC_MESSAGES" / "messages.mo"
    if not mo.exists():
        mo.parent.mkdir(parents=True, exist_ok=True)
        with open(mo, "wb") as fh:
            write_mo(fh, Catalog(locale=lang))
    return str(localedir)


I18N_GETTEXT_LOCALEDIR = _empty_catalog("en")
# The subsite's OUTPUT_PATH, CACHE_PATH and SITEURL default to <main>/en, so they follow -o and
# CACHE_PATH from the command line; only the per-language settings are overridden here.
I18N_SUBSITES = {
    "en": {
        "SITENAME": "Friendship Bulletin",
        "DEFAULT_DATE_FORMAT": "%d %B %Y",
    },
}
I18N_UNTRANSLATED_ARTICLES = "hide"
I18N_UNTRANSLATED_PAGES = "hide"

RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = False

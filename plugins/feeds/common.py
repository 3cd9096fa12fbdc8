"""What feeds, sitemap and head metadata share: settings, absolute URLs, translations, titles."""

import functools
import logging
from pathlib import Path

from babel.core import get_global
from markupsafe import Markup

import contract
from multilingual import i18n
from multilingual.generator import union_info

logger = logging.getLogger(__name__)

DEFAULTS = {
    "atom": True,  # Atom 1.0 feeds
    "rss": True,  # RSS 2.0 feeds
    "max_items": 30,  # newest articles per feed
    "per_category": True,
    "per_tag": True,
    # Feeds, sitemaps and canonical URLs must be absolute. A development build has
    # SITEURL = "" and is served by `invoke serve` at this address.
    "dev_siteurl": "http://127.0.0.1:8000",
    "sitemap": True,
    "sitemap_max_urls": 50000,  # the sitemap protocol's limit per file; past it, an index
    "sitemap_exclude": ["404", "search"],  # page kinds (first part of a page's identity)
    "robots": True,
    "logo": "img/logo.png",  # under the theme's static folder; a raster image for JSON-LD
}

TYPES = {
    "atom": bool,
    "rss": bool,
    "max_items": int,
    "per_category": bool,
    "per_tag": bool,
    "dev_siteurl": str,
    "sitemap": bool,
    "sitemap_max_urls": int,
    "sitemap_exclude": list,
    "robots": bool,
    "logo": str,
}


def check_settings(settings) -> dict:
    """FEEDS merged over the defaults; one clear error per wrong key (the build then fails)."""
    given = settings.get("FEEDS") or {}
    if not isinstance(given, dict):
        logger.error("pelicanconf.py: FEEDS must be a dict of settings, not %r", given)
        given = {}
    merged = dict(DEFAULTS)
    for key, value in given.items():
        if key not in DEFAULTS:
            logger.error(
                "pelicanconf.py: FEEDS has an unknown key %r; allowed keys: %s",
                key,
                ", ".join(sorted(DEFAULTS)),
            )
        elif not isinstance(value, TYPES[key]) or (TYPES[key] is int and isinstance(value, bool)):
            logger.error(
                "pelicanconf.py: FEEDS[%r] must be of type %s, not %r",
                key,
                TYPES[key].__name__,
                value,
            )
        elif TYPES[key] is int and value < 1:
            logger.error("pelicanconf.py: FEEDS[%r] must be at least 1, not %r", key, value)
        else:
            merged[key] = value
    siteurl = settings.get("SITEURL") or ""
    if siteurl and "://" not in siteurl:
        logger.error(
            "SITEURL must be empty (development) or an absolute URL such as "
            "https://example.org/lien-hiep/bulletin, not %r",
            siteurl,
        )
    return merged


def options(settings) -> dict:
    given = settings.get("FEEDS")
    return dict(DEFAULTS, **given) if isinstance(given, dict) else dict(DEFAULTS)


def site_base(settings) -> str:
    """The absolute URL of the site root, without a trailing slash."""
    siteurl = settings.get("SITEURL") or ""
    if "://" not in siteurl:
        siteurl = options(settings)["dev_siteurl"]
    return siteurl.rstrip("/")


def absolute(settings, url: str) -> str:
    return f"{site_base(settings)}/{url}"


_build_memo: dict = {}


def build_memo() -> dict:
    """A dict for values that stay the same for one build (its settings, its catalogs);
    `forget_build` empties it when a build starts."""
    return _build_memo


def forget_build() -> None:
    _build_memo.clear()


def translator(settings, code):
    """The catalog of a language; asked for several times per page, so it is looked up
    once per build."""
    key = ("translator", settings["TRANSLATIONS_PATH"], code)
    memo = build_memo()
    if key not in memo:
        catalogs = i18n.load_catalogs(Path(settings["TRANSLATIONS_PATH"]), contract.LANGUAGES)
        memo[key] = catalogs.get(code) or catalogs[contract.DEFAULT_LANG]
    return memo[key]


def site_name(settings, code) -> str:
    return union_info(settings, code).get("name") or settings.get("SITENAME", "")


def text(value) -> str:
    """Plain text of a title or summary our pipeline produced as HTML (typogrify's
    no-break spaces, which keep last words together on screen, become plain spaces)."""
    return Markup(str(value or "")).striptags().replace("\xa0", " ")


def og_locale(lang) -> str:
    """Babel's likely territory for a language: vi -> vi_VN, zh-Hans -> zh_CN."""
    return _likely_locale(str(lang.locale), lang.locale.language)


@functools.cache  # asked about six times a page
def _likely_locale(locale: str, code: str) -> str:
    likely = get_global("likely_subtags")
    full = likely.get(locale) or likely.get(code) or code
    parts = full.split("_")
    territory = next((p for p in parts[1:] if len(p) == 2 and p.isupper()), None)
    return f"{code}_{territory}" if territory else code


def feed_path(tree, kind, key=None, fmt="atom") -> str:
    """Site-relative URL of a feed: feeds/all.atom.xml, en/feeds/category/conferences.rss.xml."""
    prefix = tree.lang.prefix
    if kind == "all":
        stem = "all"
    else:
        stem = tree.url(kind, key)[len(prefix) :].rstrip("/")
    return f"{prefix}feeds/{stem}.{fmt}.xml"


def category_label(settings, code, key) -> str:
    """A category's label in a language (labels are N_() strings of the contract)."""
    label = contract.CATEGORIES.get(key, {}).get("label", key)
    return translator(settings, code).gettext(label)


def modified(item):
    """Modified, else Date; None for a page without dates."""
    return getattr(item, "modified", None) or getattr(item, "date", None)


def page_title(settings, page) -> str:
    """The title of an OutputPage in its language, as the <title> of its template says it."""
    gettext = translator(settings, page.lang.code).gettext
    kind = page.identity[0]
    context = page.context
    if kind in ("article", "page"):
        return text(context[kind].title)
    if kind == "category":
        return category_label(settings, page.lang.code, page.identity[1])
    if kind == "tag":
        return gettext("Tag: %(tag)s") % {"tag": context.get("tag_name", "")}
    if kind == "author":
        return gettext("Articles by %(author)s") % {"author": context.get("author_name", "")}
    if kind == "archives":
        return gettext("Archives")
    if kind == "year":
        return gettext("Articles of %(year)s") % {"year": context.get("year", "")}
    return site_name(settings, page.lang.code)

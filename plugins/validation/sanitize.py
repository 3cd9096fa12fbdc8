"""The second line of defence: HTML that reaches templates with |safe is sanitised.

Validation already rejects unsafe raw HTML in the sources; this cleans what the reader
produced (content, title, summary) with nh3 (the Ammonia sanitiser) in case something got
past it, and marks links to other sites rel="noopener".
"""

import hashlib
import re
from urllib.parse import urlsplit

import nh3
import picklecache

from .body import ALLOWED_TAGS

TAGS = set(ALLOWED_TAGS) | {"h1", "img", "sup", "sub", "figure", "figcaption"}
GENERIC = {"class", "id", "lang", "dir", "title"}
ATTRIBUTES = {
    "*": GENERIC,
    "a": GENERIC | {"href", "hreflang", "rel", "rev"},
    "img": GENERIC | {"src", "alt", "width", "height", "loading"},
    "td": GENERIC | {"colspan", "rowspan", "align"},
    "th": GENERIC | {"colspan", "rowspan", "scope", "align"},
    "time": GENERIC | {"datetime"},
    "ol": GENERIC | {"start"},
    "blockquote": GENERIC | {"cite"},
    "q": GENERIC | {"cite"},
    "del": GENERIC | {"cite", "datetime"},
    "ins": GENERIC | {"cite", "datetime"},
}
SCHEMES = {"http", "https", "mailto", "tel"}
ANCHOR = re.compile(r"<a\s([^>]*)>")
HREF = re.compile(r'\bhref="([^"]*)"')
REL = re.compile(r'\brel="([^"]*)"')


def clean(html: str, siteurl: str = "") -> str:
    if not html:
        return html
    own_host = urlsplit(siteurl).hostname if siteurl else None

    def same_site_sources(tag, attribute, value):
        """Pictures only from this site: no request to another host."""
        if attribute == "src" and ("://" in value or value.startswith("//")):
            return value if own_host and urlsplit(value).hostname == own_host else None
        return value

    cleaned = nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=SCHEMES,
        link_rel=None,
        strip_comments=True,
        attribute_filter=same_site_sources,
    )
    return add_noopener(cleaned, siteurl)


def add_noopener(html: str, siteurl: str = "") -> str:
    own_host = urlsplit(siteurl).hostname if siteurl else None

    def mark(match):
        attributes = match[1]
        href = HREF.search(attributes)
        if not href:
            return match[0]
        host = urlsplit(href[1]).hostname
        if not host or host == own_host:
            return match[0]
        rel = REL.search(attributes)
        if rel:
            values = rel[1].split()
            if "noopener" in values:
                return match[0]
            attributes = REL.sub(f'rel="{" ".join(values + ["noopener"])}"', attributes, count=1)
        else:
            attributes = attributes.rstrip() + ' rel="noopener"'
        return f"<a {attributes}>"

    return ANCHOR.sub(mark, html) if 'href="http' in html or 'href="//' in html else html


class CleanCache:
    """Sanitised HTML by (siteurl, sha1 of the HTML): unchanged articles are not cleaned again.

    One pickle file beside Pelican's cache, written atomically, keeping only this build's
    entries; an unreadable or outdated file is ignored.
    """

    VERSION = (
        "clean-1",
        nh3.__version__ if hasattr(nh3, "__version__") else "",
        repr(sorted(TAGS)),
        repr(sorted((k, sorted(v)) for k, v in ATTRIBUTES.items())),
    )

    def __init__(self, path: str | None):
        self.path = path
        self.entries = picklecache.load(path, self.VERSION) if path else {}
        self.used = {}

    def clean(self, html: str, siteurl: str = "") -> str:
        if not html:
            return html
        key = (siteurl, hashlib.sha1(html.encode("utf-8", "surrogatepass")).digest())
        cleaned = self.used.get(key) or self.entries.get(key)
        if cleaned is None:
            cleaned = clean(html, siteurl)
        self.used[key] = cleaned
        return cleaned

    def save(self):
        if not self.path or self.used.keys() == self.entries.keys():
            return
        picklecache.save(self.path, self.VERSION, self.used)

"""Atom and RSS 2.0 feeds of each language tree: all articles, per category, per tag."""

import datetime
import functools
import hashlib
import re
from dataclasses import dataclass

from feedgenerator import Atom1Feed, Rss201rev2Feed

import contract
from contract import N_

from .common import (
    absolute,
    build_memo,
    category_label,
    feed_path,
    modified,
    options,
    site_base,
    site_name,
    text,
    translator,
)

# Feed titles, translated through the catalogs.
TITLES = {
    "all": N_("%(site)s: latest articles"),
    "category": N_("%(site)s: %(category)s"),
    "tag": N_("%(site)s: articles tagged %(tag)s"),
}
FORMAT_TITLES = {"atom": N_("%(feed)s (Atom feed)"), "rss": N_("%(feed)s (RSS feed)")}
MIME_TYPES = {"atom": "application/atom+xml", "rss": "application/rss+xml"}


class StableDates:
    """An empty feed's date is its tree's newest article's, not the time of the build, so a
    rebuild of unchanged content writes the same bytes."""

    def latest_post_date(self):
        if self.items:
            return super().latest_post_date()
        return self.feed["empty_updated"]


class AtomFeed(StableDates, Atom1Feed):
    pass


class Rss2Feed(StableDates, Rss201rev2Feed):
    """RSS 2.0 with the full text in <content:encoded>, beside the summary in <description>."""

    def rss_attributes(self):
        attributes = super().rss_attributes()
        attributes["xmlns:content"] = "http://purl.org/rss/1.0/modules/content/"
        return attributes

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item["content"] is not None:
            handler.addQuickElement("content:encoded", item["content"])


FEED_CLASSES = {"atom": AtomFeed, "rss": Rss2Feed}
EPOCH = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)


@dataclass
class Feed:
    kind: str  # "all", "category", "tag"
    key: str | None
    tree: object
    articles: list  # newest first, only those written in the tree's language

    def path(self, fmt):
        return feed_path(self.tree, self.kind, self.key, fmt)

    def title(self, settings) -> str:
        code = self.tree.lang.code
        gettext = translator(settings, code).gettext
        values = {"site": site_name(settings, code)}
        if self.kind == "category":
            values["category"] = category_label(settings, code, self.key)
        elif self.kind == "tag":
            values["tag"] = self.tree.tags[self.key][0]
        return gettext(TITLES[self.kind]) % values

    def page_url(self) -> str:
        return self.tree.url("home") if self.kind == "all" else self.tree.url(self.kind, self.key)


def formats(settings):
    opts = options(settings)
    return [fmt for fmt in ("atom", "rss") if opts[fmt]]


def tree_feeds(tree, settings):
    """Every feed of one language tree."""
    opts = options(settings)
    own = [a for a in tree.articles if a.lang == tree.lang.code]
    yield Feed("all", None, tree, own)
    if opts["per_category"]:
        for key in contract.CATEGORIES:
            items = [a for a in own if getattr(a, "category", None) and a.category.slug == key]
            yield Feed("category", key, tree, items)
    if opts["per_tag"]:
        tagged = {slug: [] for slug in tree.tags}  # one pass, not one per tag
        for article in own:
            for slug in dict.fromkeys(t.slug for t in getattr(article, "tags", ())):
                if slug in tagged:
                    tagged[slug].append(article)
        for slug in tree.tags:
            yield Feed("tag", slug, tree, tagged[slug])


def page_feeds(tree, identity, settings):
    """The feeds a page links to: its language's feed, and its category's or tag's feed."""
    opts = options(settings)
    feeds = [Feed("all", None, tree, [])]
    kind = identity[0]
    if kind == "category" and opts["per_category"]:
        feeds.append(Feed("category", identity[1], tree, []))
    elif kind == "tag" and opts["per_tag"] and identity[1] in tree.tags:
        feeds.append(Feed("tag", identity[1], tree, []))
    return feeds


def feed_links(settings, tree, identity) -> list[dict]:
    """<link rel=alternate> attributes for a page's head (the same for most pages of a tree:
    made once per build for each language and feed, see common.build_memo)."""
    kind = identity[0] if identity[0] in ("category", "tag") else "all"
    key = ("feed_links", tree.lang.code, kind, identity[1] if kind != "all" else None)
    memo = build_memo()
    if key not in memo:
        memo[key] = _feed_links(settings, tree, identity)
    return memo[key]


def _feed_links(settings, tree, identity) -> list[dict]:
    gettext = translator(settings, tree.lang.code).gettext
    links = []
    for feed in page_feeds(tree, identity, settings):
        title = feed.title(settings)
        for fmt in formats(settings):
            links.append(
                {
                    "href": absolute(settings, feed.path(fmt)),
                    "type": MIME_TYPES[fmt],
                    "title": gettext(FORMAT_TITLES[fmt]) % {"feed": title},
                }
            )
    if "events" in settings.get("PLUGINS", []):
        from events import feed_url  # noqa: PLC0415 - the events plugin writes this calendar

        links.append(
            {
                "href": absolute(settings, feed_url(tree.lang.code)),
                "type": "text/calendar",
                "title": gettext("Subscribe to the events calendar (iCalendar)"),
            }
        )
    return links


ROOT_RELATIVE = re.compile(r'(\s(?:href|src)=")/(?!/)')


def absolute_content(html: str, settings) -> str:
    """Feed readers have no page to resolve links against: make root-relative URLs absolute."""
    base = site_base(settings)
    origin = base.split("/", 3)
    origin = "/".join(origin[:3]) if len(origin) > 3 else base
    return _absolute_content(str(html), origin)


@functools.lru_cache(maxsize=4096)
def _absolute_content(html: str, origin: str) -> str:
    # An article is in about ten feeds (all, category, tags; Atom and RSS): rewrite it once.
    return ROOT_RELATIVE.sub(lambda m: f"{m.group(1)}{origin}/", html)


def newest_in(tree):
    """The newest Modified/Date of a tree: what an empty feed says it was updated."""
    return max((modified(a) for a in tree.articles), default=EPOCH)


def feed_item(article, settings) -> tuple[dict, str]:
    """What a feed shows of an article, and a digest of it: made once per build, since an
    article is in about ten feeds (all, category, tags; Atom and RSS)."""
    memo = build_memo()
    key = ("feed_item", id(article))  # articles live as long as the build's memo
    if key not in memo:
        item = {
            "title": text(article.title),
            "link": absolute(settings, article.url),
            "summary": article.summary if "summary" in article.metadata else None,
            "content": article.content,
            "author_name": ", ".join(a.name for a in getattr(article, "authors", ())) or None,
            "pubdate": article.date,
            "updateddate": modified(article),
            "categories": [t.name for t in getattr(article, "tags", ())],
        }
        digest = hashlib.sha256(repr(item).encode("utf-8", "surrogatepass")).hexdigest()
        memo[key] = (item, digest)
    return memo[key]


def write_feed(feed, fmt, settings, files, updated=None):
    """Write one feed through `files` (multilingual.filecache.FileCache), which keeps the
    previous build's file when the feed's entries are the same; `updated` is
    newest_in(feed.tree), passed in when the caller writes many feeds of one tree (it costs
    a pass over all the tree's articles)."""
    opts = options(settings)
    lang = feed.tree.lang
    page_link = absolute(settings, feed.page_url())
    feed_url = absolute(settings, feed.path(fmt))
    title = feed.title(settings)
    updated = updated or newest_in(feed.tree)
    shown = [feed_item(article, settings) for article in feed.articles[: opts["max_items"]]]
    items, digests = [item for item, _ in shown], [digest for _, digest in shown]

    def make() -> bytes:
        generator = FEED_CLASSES[fmt](
            title=title,
            link=page_link,
            description="",
            language=lang.tag,
            feed_url=feed_url,
            feed_guid=feed_url,
            empty_updated=updated,
        )
        for item in items:
            summary = item["summary"]
            generator.add_item(
                title=item["title"],
                link=item["link"],
                unique_id=item["link"],
                description=absolute_content(str(summary), settings) if summary else None,
                content=absolute_content(item["content"], settings),
                author_name=item["author_name"],
                pubdate=item["pubdate"],
                updateddate=item["updateddate"],
                categories=item["categories"],
            )
        return generator.writeString("utf-8").encode("utf-8")

    description = repr((fmt, title, page_link, feed_url, lang.tag, updated, digests))
    files.write(feed.path(fmt), description, make)

"""Per-tree portal data, computed once per language tree and looked up by the templates."""

import datetime
import heapq
import itertools
import logging
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from babel import dates

import contract
from multilingual.pagecache import PROVIDERS_KEY

logger = logging.getLogger(__name__)

TIMEZONE = ZoneInfo("Asia/Ho_Chi_Minh")

DEFAULTS = {
    "ticker": {},  # language code -> [message, ...]
    "links": [],  # [{"name": {code: name}, "url": "https://..."}]
    "per_category_on_home": 4,
    "hot_news": 5,
    "related": 5,
    "other_news": 5,
    "photo_strip": 8,
    "events_on_home": 5,
}
COUNTS = [key for key, value in DEFAULTS.items() if isinstance(value, int)]


def settings_problems(portal) -> list[str]:
    """Every problem of the PORTAL setting, one sentence each."""
    if not isinstance(portal, dict):
        return ["PORTAL must be a dict (see pelicanconf.py)"]
    problems = []
    for key in portal:
        if key not in DEFAULTS:
            problems.append(f"PORTAL: unknown key {key!r}; allowed: {', '.join(DEFAULTS)}")
    ticker = portal.get("ticker", {})
    if not isinstance(ticker, dict) or not all(
        isinstance(v, list) and all(isinstance(m, str) for m in v) for v in ticker.values()
    ):
        problems.append("PORTAL['ticker'] must map a language code to a list of messages")
    links = portal.get("links", [])
    if not isinstance(links, list):
        problems.append("PORTAL['links'] must be a list of {'name': {lang: name}, 'url': ...}")
    else:
        for number, link in enumerate(links, 1):
            if not (
                isinstance(link, dict)
                and isinstance(link.get("name"), dict)
                and link["name"]
                and str(link.get("url", "")).startswith(("https://", "http://"))
            ):
                problems.append(
                    f"PORTAL['links'] item {number}: needs 'name' ({{lang: name}}) and an "
                    "http(s) 'url'"
                )
    for key in COUNTS:
        value = portal.get(key, DEFAULTS[key])
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            problems.append(f"PORTAL[{key!r}] must be a whole number ≥ 0, not {value!r}")
    return problems


def check_settings(pelican):
    for problem in settings_problems(pelican.settings.get("PORTAL", {})):
        logger.error(problem)


def is_featured(article) -> bool:
    return str(article.metadata.get("featured", "")).strip().lower() in ("true", "yes", "1")


def split_list(value) -> list[str]:
    if not value:
        return []
    if isinstance(value, (list, tuple)):
        return [str(v).strip() for v in value if str(v).strip()]
    return [part.strip() for part in str(value).split(",") if part.strip()]


@dataclass(frozen=True)
class Event:
    article: object
    start: datetime.datetime
    has_time: bool
    end: datetime.datetime | None
    end_has_time: bool

    @property
    def location(self):
        return self.article.metadata.get("event_location")


class PortalTree:
    """What the portal shows in one language tree."""

    def __init__(self, tree, settings):
        self.tree = tree
        self.settings = settings
        articles = tree.articles  # newest first
        self.position = {id(article): index for index, article in enumerate(articles)}
        self.rank = self.position  # lower = newer
        featured = [a for a in articles if is_featured(a)]
        self.hot_news = (featured or articles)[: settings["hot_news"]]
        self.photos = [a for a in articles if a.metadata.get("image")]
        self.reference = articles[0].date if articles else None
        self.events = self._upcoming_events(articles)
        self._related = {}  # id of an article (the tree keeps it) -> its related articles

    def _upcoming_events(self, articles):
        """Events starting on or after the newest article's day, soonest first.

        The newest article's date, not the clock, is "now": the same content always
        builds the same site.
        """
        if self.reference is None:
            return []
        today = self.reference.astimezone(TIMEZONE).date()
        events = []
        for article in articles:
            parsed = contract.parse_event_date(article.metadata.get("event_start"))
            if parsed is None:
                continue
            start, has_time = parsed
            if start.date() < today:
                continue
            end = contract.parse_event_date(article.metadata.get("event_end"))
            events.append(Event(article, start, has_time, *(end or (None, False))))
        events.sort(key=lambda e: (e.start, e.article.slug))
        return events

    def latest(self, category_key, limit=None):
        items = self.tree.categories.get(category_key, [])
        return items[: limit if limit is not None else self.settings["per_category_on_home"]]

    def _newest_of(self, lists, exclude, limit):
        """Merge newest-first lists lazily; the first `limit` distinct articles."""
        streams = [((self.rank[id(a)], id(a), a) for a in items) for items in lists]
        merged = heapq.merge(*streams, key=lambda entry: entry[0])
        seen, found = set(exclude), []
        for _, key, article in merged:
            if key in seen:
                continue
            seen.add(key)
            found.append(article)
            if len(found) == limit:
                break
        return found

    def related(self, article):
        """Articles sharing a tag with this one, newest first; then its category's. Made
        once per article: its page asks, and so does other_news, in every check of the page
        cache too."""
        known = self._related.get(id(article))
        if known is None:
            known = self._related[id(article)] = self._find_related(article)
        return list(known)

    def _find_related(self, article):
        limit = self.settings["related"]
        exclude = {id(article)}
        tag_lists = [
            self.tree.tags[tag.slug][1]
            for tag in getattr(article, "tags", ()) or ()
            if tag.slug in self.tree.tags
        ]
        found = self._newest_of(tag_lists, exclude, limit)
        if len(found) < limit:
            exclude |= {id(a) for a in found}
            found += self._newest_of([self.category_items(article)], exclude, limit - len(found))
        return found

    def category_items(self, article):
        category = getattr(article, "category", None)
        return self.tree.categories.get(category.slug, []) if category else []

    def other_news(self, article):
        """The latest in the article's category that `related` did not already show."""
        shown = {id(a) for a in self.related(article)} | {id(article)}
        items = (a for a in self.category_items(article) if id(a) not in shown)
        return list(itertools.islice(items, self.settings["other_news"]))

    def neighbours(self, article):
        """(newer, older) article within the tree, or None at either end."""
        index = self.position.get(id(article))
        if index is None:
            return None, None
        articles = self.tree.articles
        newer = articles[index - 1] if index > 0 else None
        older = articles[index + 1] if index + 1 < len(articles) else None
        return newer, older

    def places(self, article):
        return {
            "provinces": split_list(article.metadata.get("provinces")),
            "cluster": str(article.metadata.get("cluster") or "").strip() or None,
        }

    @property
    def cache_key(self):
        """Lets the page cache record and re-check what templates ask of this tree."""
        return ("portal", self.tree.lang.code)

    def copyright_year(self):
        if self.reference is None:
            return None
        return dates.format_skeleton("y", self.reference, locale=self.tree.lang.locale)


class Portal:
    def __init__(self, trees, settings):
        self.settings = settings
        self.ticker = settings["ticker"]
        self.links = settings["links"]
        self.trees = {code: PortalTree(tree, settings) for code, tree in trees.items()}

    def __getitem__(self, code):
        return self.trees[code]

    def ticker_messages(self, code, fallback):
        """(messages, language code they are written in)."""
        if self.ticker.get(code):
            return self.ticker[code], code
        return self.ticker.get(fallback, []), fallback

    def link_name(self, link, code, fallback):
        """(name, language code of the name)."""
        names = link["name"]
        for candidate in (code, "en", fallback, *names):
            if candidate in names:
                return names[candidate], candidate
        return link["url"], code


def install(generators):
    """Give the templates `portal` once every generator has read its content."""
    context = generators[0].context
    trees = context.get("trees")
    if trees is None:
        return
    settings = dict(DEFAULTS)
    settings.update(generators[0].settings.get("PORTAL", {}))
    portal = Portal(trees, settings)
    context["portal"] = portal
    # Settings-only answers (ticker, links) need no tracking: settings are in the cache's
    # global digest. The per-language trees depend on content, so they are tracked.
    context.setdefault(PROVIDERS_KEY, []).extend(portal.trees.values())

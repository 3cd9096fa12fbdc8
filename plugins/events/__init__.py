"""Conferences as events: an events page, event blocks, schema.org data and iCalendar.

An article with `Event_start` (`YYYY-MM-DD` or `YYYY-MM-DD HH:MM`, Asia/Ho_Chi_Minh)
and optional `Event_end` and `Event_location` is an event:

* ``article.event`` holds its parsed dates (an ``EventInfo``), read by the templates;
* every language tree gets an events page (``su-kien/``, ``<lang>/events/``): upcoming
  events first, soonest first, then past events by year, newest first. "Upcoming" is
  relative to a reference date that is not the build clock: ``SOURCE_DATE_EPOCH`` when
  set, else the date of the tree's newest article, so the same content always builds
  the same site;
* ``events_index[lang.code].jsonld(article)`` gives the schema.org ``Event`` JSON-LD of
  an article page, escaped for a ``<script type="application/ld+json">`` element;
* an iCalendar feed per language (``events.ics`` at the tree's root) and a ``.ics`` per
  event (``<article url>event.ics``), RFC 5545: UID ``<slug>@<uid_domain>`` (the same
  in every build and language), times with TZID Asia/Ho_Chi_Minh and its VTIMEZONE,
  all-day events as DATE values, DTSTAMP from the article's date.

Setting (optional): ``EVENTS = {"uid_domain": "example.org"}``; the default is the
host of SITEURL, else ``huu-nghi-press.invalid``.
"""

from __future__ import annotations

import datetime
import functools
import json
import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlparse
from zoneinfo import ZoneInfo

from markupsafe import Markup
from pelican import signals
from pelican.generators import Generator

import contract
from multilingual.filecache import FINGERPRINT_KEY, FileCache
from multilingual.pagecache import PROVIDERS_KEY
from multilingual.site import OutputPage, tree_pages_signal

if TYPE_CHECKING:
    import icalendar

logger = logging.getLogger(__name__)

TZID = "Asia/Ho_Chi_Minh"
TIMEZONE = ZoneInfo(TZID)
CONTEXT_KEY = "events_index"
FEED_NAME = "events.ics"
EVENT_FILE = "event.ics"
DEFAULT_DOMAIN = "huu-nghi-press.invalid"
SETTINGS_KEYS = ("uid_domain",)


@dataclass(frozen=True)
class EventInfo:
    start: datetime.datetime  # aware, Asia/Ho_Chi_Minh
    has_time: bool
    end: datetime.datetime | None
    end_has_time: bool
    location: str | None

    @property
    def last_day(self) -> datetime.date:
        return (self.end or self.start).date()

    @property
    def multi_day(self) -> bool:
        return self.end is not None and self.end.date() != self.start.date()


def _line_of(path, key):
    try:
        for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
            if line.lower().startswith(key.lower() + ":"):
                return number
    except OSError:
        pass
    return "?"


def read_events(generator):
    """Give every article its `event` (or None); one ERROR per unreadable date."""
    for article in (*generator.articles, *generator.translations, *generator.drafts):
        article.event = None
        meta = article.metadata
        if not meta.get("event_start"):
            continue
        relative = os.path.relpath(article.source_path, generator.settings["PATH"])
        start = contract.parse_event_date(meta.get("event_start"))
        end = (
            contract.parse_event_date(meta.get("event_end"))
            if meta.get("event_end")
            else (None, False)
        )
        problem = None
        if start is None:
            problem = ("Event_start", meta.get("event_start"), "YYYY-MM-DD or YYYY-MM-DD HH:MM")
        elif end is None:
            problem = ("Event_end", meta.get("event_end"), "YYYY-MM-DD or YYYY-MM-DD HH:MM")
        elif end[0] is not None and (
            end[0] < start[0] if end[1] else end[0].date() < start[0].date()
        ):
            problem = ("Event_end", meta.get("event_end"), "a date not before Event_start")
        if problem:
            key, value, allowed = problem
            logger.error(
                "%s:%s: %s: %r is not allowed; write %s",
                relative,
                _line_of(article.source_path, key),
                key,
                str(value),
                allowed,
            )
            continue
        location = str(meta.get("event_location") or "").strip() or None
        article.event = EventInfo(start[0], start[1], end[0], end[1], location)


def reference_date(tree) -> datetime.date | None:
    """ "Today" for the events page: SOURCE_DATE_EPOCH, else the newest article's day."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), TIMEZONE).date()
    if tree.articles:
        return tree.articles[0].date.astimezone(TIMEZONE).date()
    return None


def tree_events(tree):
    return [a for a in tree.articles if getattr(a, "event", None) is not None]


def split_events(tree):
    """(upcoming soonest first, [(year, past events newest first)])."""
    today = reference_date(tree)
    events = tree_events(tree)
    upcoming = sorted(
        (a for a in events if today is None or a.event.last_day >= today),
        key=lambda a: (a.event.start, a.slug),
    )
    past = sorted(
        (a for a in events if today is not None and a.event.last_day < today),
        key=lambda a: (a.event.start, a.slug),
        reverse=True,
    )
    years = {}
    for article in past:
        years.setdefault(article.event.start.year, []).append(article)
    return upcoming, list(years.items())


def events_url(code):
    prefix = "" if code == contract.DEFAULT_LANG else f"{code}/"
    words = contract.PATH_WORDS.get(code, contract.PATH_WORDS["*"])
    return f"{prefix}{words['events']}/"


def feed_url(code):
    prefix = "" if code == contract.DEFAULT_LANG else f"{code}/"
    return f"{prefix}{FEED_NAME}"


def plain(html_text) -> str:
    return Markup(str(html_text or "")).striptags().replace("\xa0", " ")


def json_for_script(data) -> str:
    """JSON that cannot close its <script> element or open a comment."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=None)
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _iso(moment, has_time):
    return moment.isoformat() if has_time else moment.date().isoformat()


class EventsTree:
    """Per-language answers for templates (tracked by the page cache)."""

    def __init__(self, tree, settings):
        self.tree = tree
        self.siteurl = settings.get("SITEURL", "")

    @property
    def cache_key(self):
        return ("events", self.tree.lang.code)

    def jsonld(self, article):
        """schema.org Event data of an article page, ready for a ld+json script."""
        event = getattr(article, "event", None)
        if event is None:
            return ""
        data = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": plain(article.title),
            "startDate": _iso(event.start, event.has_time),
            "inLanguage": contract.LANGUAGE_TAGS.get(article.lang, article.lang),
            "url": f"{self.siteurl}/{article.url}",
        }
        if event.end is not None:
            data["endDate"] = _iso(event.end, event.end_has_time)
        if event.location:
            data["location"] = {"@type": "Place", "name": event.location}
        summary = plain(getattr(article, "summary", ""))
        if summary:
            data["description"] = summary
        return json_for_script(data)


def event_pages(tree, context, settings):
    provider = EventsTree(tree, settings)
    context.setdefault(CONTEXT_KEY, {})[tree.lang.code] = provider
    context.setdefault(PROVIDERS_KEY, []).append(provider)
    upcoming, past = split_events(tree)
    return [
        OutputPage(
            ("events",),
            tree.lang,
            events_url(tree.lang.code),
            "events.html",
            {
                "upcoming_events": upcoming,
                "past_events": past,
                "reference_day": reference_date(tree),
                "calendar_url": feed_url(tree.lang.code),
            },
        )
    ]


# ---------------------------------------------------------------------------
# iCalendar
# ---------------------------------------------------------------------------


def uid_domain(settings) -> str:
    options = settings.get("EVENTS") or {}
    domain = options.get("uid_domain")
    if domain:
        return domain
    return urlparse(settings.get("SITEURL", "")).hostname or DEFAULT_DOMAIN


def vevent(article, settings) -> icalendar.Event:
    import icalendar  # noqa: PLC0415 - 0.13 s to import; most rebuilds keep every calendar

    event = article.event
    component = icalendar.Event()
    component.add("uid", f"{article.slug}@{uid_domain(settings)}")
    component.add("dtstamp", article.date.astimezone(datetime.UTC))
    component.add("summary", plain(article.title))
    if event.has_time:
        component.add("dtstart", event.start)
        if event.end is not None:
            end = (
                event.end
                if event.end_has_time
                else datetime.datetime.combine(
                    event.end.date() + datetime.timedelta(days=1), datetime.time(), TIMEZONE
                )
            )
            component.add("dtend", end)
    else:
        component.add("dtstart", event.start.date())
        component.add("dtend", event.last_day + datetime.timedelta(days=1))
    if event.location:
        component.add("location", event.location)
    summary = plain(getattr(article, "summary", ""))
    if summary:
        component.add("description", summary)
    if settings.get("SITEURL"):  # an absolute URI only; a development build has none
        component.add("url", f"{settings['SITEURL']}/{article.url}")
    return component


@functools.cache
def timezone_component() -> icalendar.Timezone:
    """The VTIMEZONE, built once: icalendar takes 25 ms to derive it from tzdata, and every
    event file with a time carries it (3 s a build on 1,000 article pairs, measured)."""
    import icalendar  # noqa: PLC0415

    return icalendar.Timezone.from_tzid(TZID)


def calendar(articles, settings, name) -> bytes:
    import icalendar  # noqa: PLC0415

    cal = icalendar.Calendar()
    cal.add("prodid", "-//Huu Nghi Press//Events//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", TZID)
    if any(a.event.has_time for a in articles):
        cal.add_component(timezone_component())
    for article in articles:
        cal.add_component(vevent(article, settings))
    return cal.to_ical()


class EventsGenerator(Generator):
    """Writes the iCalendar files once every tree is known."""

    def generate_context(self):
        pass

    def generate_output(self, writer):
        trees = self.context.get("trees") or {}
        sitename = self.settings.get("SITENAME", "")
        # A rebuild after one edit changes a few calendars: the others are kept.
        files = FileCache(self.settings, "events", self.context.get(FINGERPRINT_KEY))

        def write(relative, articles, name):
            files.write(
                relative,
                calendar_inputs(articles, name),
                lambda: calendar(articles, self.settings, name),
            )

        for code, tree in trees.items():
            events = sorted(tree_events(tree), key=lambda a: (a.event.start, a.slug))
            write(feed_url(code), events, sitename)
            for article in events:
                if article.lang == code:
                    write(f"{article.url}{EVENT_FILE}", [article], plain(article.title))
        files.save()


def calendar_inputs(articles, name) -> str:
    """Everything `calendar` reads from its articles (see vevent), for multilingual.filecache."""
    return repr(
        (
            name,
            [
                (a.slug, a.date, str(a.title), a.event, str(getattr(a, "summary", "")), a.url)
                for a in articles
            ],
        )
    )


def check_settings(pelican):
    options = pelican.settings.get("EVENTS", {})
    if not isinstance(options, dict):
        logger.error("EVENTS must be a dict, e.g. {'uid_domain': 'example.org'}")
        return
    for key in options:
        if key not in SETTINGS_KEYS:
            logger.error("EVENTS: unknown key %r; allowed: %s", key, ", ".join(SETTINGS_KEYS))
    domain = options.get("uid_domain")
    if domain is not None and not (
        isinstance(domain, str) and re.fullmatch(r"[A-Za-z0-9.-]+", domain)
    ):
        logger.error("EVENTS['uid_domain'] must be a host name such as example.org, not %r", domain)


def get_generators(pelican):
    return EventsGenerator


def register():
    signals.initialized.connect(check_settings)
    signals.article_generator_finalized.connect(read_events)
    tree_pages_signal.connect(event_pages)
    signals.get_generators.connect(get_generators)

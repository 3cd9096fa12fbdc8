"""The content contract: what editors may write, in one place.

Shared by the plugins (rendering, validation) and the tasks. docs/content-contract.md is the
editors' version of this module; keep the two in step.
"""

import datetime
import re
from zoneinfo import ZoneInfo

TIMEZONE = ZoneInfo("Asia/Ho_Chi_Minh")
EVENT_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}))?$")


def parse_event_date(value):
    """`Event_start`/`Event_end`: `YYYY-MM-DD` or `YYYY-MM-DD HH:MM`, Asia/Ho_Chi_Minh time.

    Returns (aware datetime, has_time), or None for a value that does not match (validation
    reports those; the portal and the events plugin leave the article out of events).
    """
    if isinstance(value, datetime.datetime):
        return (value if value.tzinfo else value.replace(tzinfo=TIMEZONE)), True
    match = EVENT_DATE.match(str(value or "").strip())
    if not match:
        return None
    year, month, day, hour, minute = match.groups()
    try:
        moment = datetime.datetime(
            int(year), int(month), int(day), int(hour or 0), int(minute or 0), tzinfo=TIMEZONE
        )
    except ValueError:
        return None
    return moment, hour is not None


def N_(message: str) -> str:
    """Mark a string for extraction into the catalogs; it is translated when rendered."""
    return message


DEFAULT_LANG = "vi"

# Interface languages, in the order the language switcher shows them.
LANGUAGES = ("vi", "en", "fr", "lo", "zh", "km")

# BCP 47 tags for `lang`/`hreflang` where the short code is not precise enough:
# Chinese is written in Simplified characters here, which picks the right system fonts.
LANGUAGE_TAGS = {"zh": "zh-Hans"}

# Category key -> interface label (translated through the catalogs) and the path segment
# of its pages in the Vietnamese tree (other trees use the key itself).
CATEGORIES = {
    "conferences": {"label": N_("Conferences"), "vi_slug": "hoi-nghi"},
    "directives": {"label": N_("Directives and guidance"), "vi_slug": "chi-dao-dieu-hanh"},
    "local-activities": {"label": N_("Local activities"), "vi_slug": "hoat-dong-dia-phuong"},
    "international-cooperation": {
        "label": N_("International cooperation"),
        "vi_slug": "hop-tac-quoc-te",
    },
    "ngo-aid": {"label": N_("Foreign NGO aid"), "vi_slug": "vien-tro-phi-chinh-phu"},
}

# Path segments of the listing pages: Vietnamese words in the root tree, English elsewhere.
PATH_WORDS = {
    "vi": {
        "category": "chuyen-muc",
        "tag": "tu-khoa",
        "author": "tac-gia",
        "archive": "luu-tru",
        "page": "trang",
        "gallery": "thu-vien-anh",
        "links": "lien-ket",
        "documents": "van-ban",
        "provinces": "tinh-thanh",
        "clusters": "cum",
        "events": "su-kien",
        "search": "tim-kiem",
    },
    "*": {
        "category": "category",
        "tag": "tag",
        "author": "author",
        "archive": "archive",
        "page": "page",
        "gallery": "gallery",
        "links": "links",
        "documents": "documents",
        "provinces": "provinces",
        "clusters": "clusters",
        "events": "events",
        "search": "search",
    },
}

ARTICLE_KEYS = (
    "title",
    "date",
    "modified",
    "lang",
    "slug",
    "category",
    "tags",
    "authors",
    "summary",
    "source",
    "image",
    "image_caption",
    "provinces",
    "cluster",
    "event_start",
    "event_end",
    "event_location",
    "featured",
    "status",
)

# Keys an article or page must have (the validation plugin reports missing or empty ones).
REQUIRED_KEYS = {"article": ("title", "date"), "page": ("title",)}

# What each key allows, as validation messages show it (docs/content-contract.md in short).
KEY_SPECS = {
    "title": "the headline, one line",
    "date": "YYYY-MM-DD HH:MM, a real date, Asia/Ho_Chi_Minh time",
    "modified": "YYYY-MM-DD HH:MM, not before Date",
    "lang": "one of " + ", ".join(LANGUAGES),
    "slug": "ASCII lowercase words joined by hyphens, e.g. hoi-nghi-cum-3",
    "category": "one of " + ", ".join(CATEGORIES),
    "source": "Name <https://url> or just a name",
    "image": "a path under content/images/, e.g. images/2024/cum-3.jpg",
    "image_caption": "Image_caption: the caption and alt text of the picture",
    "event_start": "YYYY-MM-DD or YYYY-MM-DD HH:MM",
    "event_end": "YYYY-MM-DD or YYYY-MM-DD HH:MM, not before Event_start",
}

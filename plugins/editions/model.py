"""Edition files: reading, checking and resolving them against the articles.

An edition is `content/editions/<yyyy>-<nn>.<lang>.md`, read with Pelican's Markdown reader:

    Title: Tập san Hữu nghị – Quý I/2024
    Number: 1
    Date: 2024-03-31
    Lang: vi                              (optional, the file name says it)
    Image: images/2024/cover.jpg          (optional cover)
    Image_caption: …                      (optional)
    Articles: slug-one, slug-two, …       (an ordered list of article slugs)
    -- or --
    From: 2024-01-01
    To: 2024-03-31
    Categories: conferences, local-activities

    The editorial, in Markdown.

Files of one edition in several languages share `<yyyy>-<nn>` and their `Number`.
"""

import datetime
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from pelican.readers import MarkdownReader

import contract

logger = logging.getLogger(__name__)

FILE_NAME = re.compile(r"^(?P<key>(?P<year>\d{4})-(?P<nn>\d{2}))\.(?P<lang>[a-z]{2})\.md$")
KEYS = (
    "title", "number", "date", "lang", "image", "image_caption",
    "articles", "from", "to", "categories",
)
REQUIRED = ("title", "number", "date")


@dataclass
class Edition:
    """One language version of one edition."""

    key: str  # "2024-01", shared by the translations
    lang: str
    source: str  # path relative to the content folder, for messages
    title: str
    number: str
    date: datetime.datetime
    editorial: str  # HTML from Markdown
    image: str | None = None
    image_caption: str | None = None
    articles: list = field(default_factory=list)  # Article objects, in edition order
    url: str = ""
    pdf_url: str = ""
    pdf_size: int | None = None  # bytes, once the PDF is written
    pdf_pages: int = 0
    pdf_seconds: float = 0.0  # time to typeset it
    pdf_cached: bool = False  # taken from the PDF cache, not typeset in this build
    translations: list = field(default_factory=list)  # the other languages' Editions

    @property
    def cache_key(self) -> tuple:
        """Identity for the multilingual page cache (reads of its fields are tracked)."""
        return ("edition", self.key, self.lang)


class ArticleEditions:
    """Which editions hold an article in a language, for article pages.

    A page-cache provider: article pages call `of(code, slug)`, the call and its result
    (the editions, whose PDF size is tracked) are recorded, so an article page is rendered
    again when the PDF of its edition changes.
    """

    cache_key = ("editions", "by-article")

    def __init__(self, editions=()):
        self._index = {}
        for edition in editions:
            for article in edition.articles:
                self._index.setdefault((edition.lang, article.slug), []).append(edition)

    def of(self, code: str, slug: str) -> list:
        return list(self._index.get((code, slug), ()))

    def __bool__(self):
        return bool(self._index)


class EditionError(Exception):
    """A problem in one edition file; the message names the file, line and field."""


def line_of(path: Path, key: str) -> int:
    """The line of `Key:` in a file's header (1 when the key is missing)."""
    pattern = re.compile(rf"^{re.escape(key)}\s*:", re.IGNORECASE)
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            break
        if pattern.match(line):
            return number
    return 1


def problem(path: Path, relative: str, key: str | None, message: str) -> EditionError:
    line = line_of(path, key) if key else 1
    return EditionError(f"{relative}:{line}: {message}")


def parse_day(value: str) -> datetime.date:
    return datetime.date.fromisoformat(value.strip())


def split_list(value) -> list[str]:
    if isinstance(value, list):
        value = ",".join(value)
    return [part.strip() for part in str(value).split(",") if part.strip()]


def read_edition(path: Path, content_root: Path, settings) -> tuple[Edition, dict]:
    """Read one edition file; raise EditionError for the first problem found."""
    relative = path.relative_to(content_root).as_posix()
    match = FILE_NAME.match(path.name)
    if not match:
        raise problem(path, relative, None, (
            "an edition file is named <yyyy>-<nn>.<lang>.md, e.g. 2024-01.vi.md"
        ))
    try:
        editorial, meta = MarkdownReader(settings).read(str(path))
    except Exception as error:  # a malformed Date, an unreadable file
        raise problem(path, relative, "date", f"cannot read the file: {error}") from None

    unknown = sorted(set(meta) - set(KEYS))
    if unknown:
        raise problem(path, relative, unknown[0], (
            f"unknown key '{unknown[0]}' (allowed: {', '.join(k.capitalize() for k in KEYS)})"
        ))
    for key in REQUIRED:
        if not str(meta.get(key, "")).strip():
            raise problem(path, relative, None, f"'{key.capitalize()}' is required")

    lang = str(meta.get("lang", match["lang"])).strip()
    if lang not in contract.LANGUAGES:
        raise problem(path, relative, "lang", (
            f"language '{lang}' is not one of {', '.join(contract.LANGUAGES)}"
        ))
    if lang != match["lang"]:
        raise problem(path, relative, "lang", (
            f"Lang is '{lang}' but the file name says '{match['lang']}'"
        ))

    date = meta["date"]
    if not isinstance(date, datetime.datetime):
        raise problem(path, relative, "date", "Date must be YYYY-MM-DD or YYYY-MM-DD HH:MM")
    if date.tzinfo is None:
        date = date.replace(tzinfo=ZoneInfo(settings.get("TIMEZONE") or "UTC"))

    image = str(meta.get("image", "")).strip() or None
    if image and not (content_root / image).is_file():
        raise problem(path, relative, "image", (
            f"cover image '{image}' not found (a path under the content folder, "
            "e.g. images/2024/cover.jpg)"
        ))

    selection = {}
    has_list = "articles" in meta
    has_range = any(k in meta for k in ("from", "to", "categories"))
    if has_list == has_range:
        raise problem(path, relative, "articles" if has_list else None, (
            "give either 'Articles' (comma-separated slugs, in order) or "
            "'From', 'To' and 'Categories', not both"
        ))
    if has_list:
        slugs = split_list(meta["articles"])
        if not slugs:
            raise problem(path, relative, "articles", "'Articles' lists no slug")
        selection["slugs"] = slugs
    else:
        for key in ("from", "to", "categories"):
            if key not in meta:
                raise problem(path, relative, None, f"'{key.capitalize()}' is required with a date range")
        try:
            selection["from"] = parse_day(str(meta["from"]))
        except ValueError:
            raise problem(path, relative, "from", "From must be a date, YYYY-MM-DD") from None
        try:
            selection["to"] = parse_day(str(meta["to"]))
        except ValueError:
            raise problem(path, relative, "to", "To must be a date, YYYY-MM-DD") from None
        if selection["to"] < selection["from"]:
            raise problem(path, relative, "to", "To is before From")
        categories = split_list(meta["categories"])
        wrong = [c for c in categories if c not in contract.CATEGORIES]
        if wrong or not categories:
            raise problem(path, relative, "categories", (
                f"unknown category '{wrong[0] if wrong else ''}' "
                f"(allowed: {', '.join(contract.CATEGORIES)})"
            ))
        selection["categories"] = categories

    edition = Edition(
        key=match["key"],
        lang=lang,
        source=relative,
        title=str(meta["title"]).strip(),
        number=str(meta["number"]).strip(),
        date=date,
        editorial=editorial.strip(),
        image=image,
        image_caption=str(meta.get("image_caption", "")).strip() or None,
    )
    return edition, selection


def select_articles(edition: Edition, selection: dict, groups, path: Path) -> list:
    """The edition's articles in its language; a missing translation is warned about."""
    by_slug = {group.slug: group for group in groups}
    chosen = []
    if "slugs" in selection:
        candidates = []
        for slug in selection["slugs"]:
            group = by_slug.get(slug)
            if group is None:
                raise problem(path, edition.source, "articles", (
                    f"no published article has the slug '{slug}'"
                ))
            candidates.append(group)
    else:
        def in_range(article):
            day = article.date.date()
            category = getattr(article, "category", None)
            return (
                selection["from"] <= day <= selection["to"]
                and category is not None
                and category.slug in selection["categories"]
            )

        candidates = sorted(
            (g for g in groups if any(in_range(a) for a in g.versions.values())),
            key=lambda g: (g.original.date, g.slug),
        )
    for group in candidates:
        article = group.versions.get(edition.lang)
        if article is None:
            logger.warning(
                "%s: article '%s' has no %s version; it is left out of this edition",
                edition.source, group.slug, edition.lang,
            )
            continue
        chosen.append(article)
    return chosen


def read_editions(content_root: Path, folder: str, settings, groups) -> list[Edition]:
    """Every edition file under content/<folder>/; problems are logged as errors."""
    editions = []
    for path in sorted((content_root / folder).glob("*.md")):
        try:
            edition, selection = read_edition(path, content_root, settings)
            edition.articles = select_articles(edition, selection, groups, path)
        except EditionError as error:
            logger.error("%s", error)
            continue
        editions.append(edition)

    by_key = {}
    for edition in editions:
        by_key.setdefault(edition.key, []).append(edition)
    for versions in by_key.values():
        numbers = {e.number for e in versions}
        if len(numbers) > 1:
            logger.error(
                "%s: the translations of edition %s must share its Number (found %s)",
                ", ".join(e.source for e in versions), versions[0].key,
                ", ".join(sorted(numbers)),
            )
        for edition in versions:
            edition.translations = [e for e in versions if e is not edition]
    return editions

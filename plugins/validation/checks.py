"""Validation of a content tree against the content contract (docs/content-contract.md).

`check(settings)` reads every Markdown file once, with the fast header parser, and returns
every problem found, errors and warnings, each with file, line, field, what is wrong and
what is allowed. It does not run Markdown or Pelican.
"""

import difflib
import os
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path, PurePosixPath

from markupsafe import Markup
from unidecode import unidecode

import contract

from . import body, headers

DEFAULTS = {
    "image_max_bytes": 500 * 1024,  # 500 KB
    "iframe_hosts": [],  # hosts whose <iframe> editors may embed (also allowed by the CSP)
    "clusters": list(range(1, 11)),  # numbers of the provincial friendship-union clusters
    "page_translations": ["en"],  # languages every page should exist in (warning if not)
}

ERROR, WARNING = "error", "warning"
DATE_FORMS = ("%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d")
DATE_SHAPE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}(?: \d{1,2}:\d{2}(?::\d{2})?)?$")
SLUG_SHAPE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FILE_NAME = re.compile(r"^(?P<stem>[^.]+)\.(?P<lang>[^.]+)\.md$")
LINK_PLACEHOLDER = re.compile(r"^\{(?P<kind>filename|static|attach)\}(?P<path>[^?#]*)")
STATUSES = ("draft", "published", "hidden")
BOOLEANS = ("true", "false", "yes", "no")


@dataclass(frozen=True)
class Problem:
    path: str  # relative to the content folder, with "/"
    line: int
    field: str
    message: str
    allowed: str
    level: str = ERROR

    def format(self, prefix: str = "") -> str:
        text = f"{prefix}{self.path}:{self.line}: {self.field}: {self.message}"
        if self.allowed:
            text += f" ({self.allowed})"
        return text if self.level == ERROR else text + " [warning]"


def options(settings) -> dict:
    merged = dict(DEFAULTS)
    merged.update(settings.get("VALIDATION", {}))
    unknown = set(merged) - set(DEFAULTS)
    if unknown:
        raise ValueError(
            f"VALIDATION: unknown keys {sorted(unknown)} (allowed: {sorted(DEFAULTS)})"
        )
    return merged


def did_you_mean(word, choices) -> str:
    close = difflib.get_close_matches(word.lower(), list(choices), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def parse_date(value: str):
    """A datetime, or None when the value is not a real date of an allowed form."""
    if not DATE_SHAPE.match(value):
        return None
    for form in DATE_FORMS:
        try:
            return datetime.strptime(value, form)
        except ValueError:
            continue
    return None


def is_before(later_text, later, earlier, earlier_text) -> bool:
    """A date without a time means the whole day: 2024-03-01 is not before 2024-03-01 19:00."""
    if " " not in later_text.strip() or " " not in earlier_text.strip():
        return later.date() < earlier.date()
    return later < earlier


def date_problem(value: str) -> str:
    if not DATE_SHAPE.match(value):
        return f"'{value}' is not a date"
    return f"'{value}' is not a real date or time"


# Pelican's defaults (pelican.settings.DEFAULT_CONFIG), for settings read without Pelican.
DEFAULT_SLUG_SUBSTITUTIONS = [
    (r"[^\w\s-]", ""),
    (r"(?u)\A\s*", ""),
    (r"(?u)\s*\Z", ""),
    (r"[-\s]+", "-"),
]
_compiled_subs = {}


def slugify(title: str, settings) -> str:
    """The slug Pelican derives from a title (tone marks removed, đ→d, lowercase, hyphens).

    The same steps as pelican.utils.slugify (tests compare the two on arbitrary input),
    with the substitutions compiled once: checking a thousand files stays fast.
    """
    subs = tuple(
        tuple(pair) for pair in settings.get("SLUG_REGEX_SUBSTITUTIONS", DEFAULT_SLUG_SUBSTITUTIONS)
    )
    compiled = _compiled_subs.get(subs)
    if compiled is None:
        compiled = _compiled_subs[subs] = [
            (
                re.compile(unicodedata.normalize("NFKC", src), re.IGNORECASE),
                unicodedata.normalize("NFKC", dst),
            )
            for src, dst in subs
        ]
    value = unicodedata.normalize("NFKC", Markup(title).striptags())
    if not settings.get("SLUGIFY_USE_UNICODE", False):
        value = unidecode(value)
    for pattern, replacement in compiled:
        value = pattern.sub(replacement, value)
    if not settings.get("SLUGIFY_PRESERVE_CASE", False):
        value = value.lower()
    return value.strip()


class Checker:
    def __init__(self, settings):
        self.settings = settings
        self.options = options(settings)
        self.root = Path(settings["PATH"]).resolve()
        self.problems: list[Problem] = []
        self.provinces = province_hook()

    # -- reporting -------------------------------------------------------------------
    def add(self, path, line, field, message, allowed, level=ERROR):
        self.problems.append(Problem(path, line, field, message, allowed, level))

    # -- files -----------------------------------------------------------------------
    def markdown_files(self, folders):
        for folder in folders:
            base = self.root / folder
            if not base.is_dir():
                continue
            for directory, dirs, files in os.walk(base):
                dirs.sort()
                for name in sorted(files):
                    if name.endswith(".md"):
                        path = Path(directory) / name
                        yield path.relative_to(self.root).as_posix(), path

    def read(self, rel, path) -> str | None:
        data = path.read_bytes()
        if data.startswith(b"\xef\xbb\xbf"):
            self.add(
                rel,
                1,
                "file",
                "the file starts with a byte-order mark (BOM)",
                "UTF-8 without BOM; save it again as 'UTF-8' not 'UTF-8 with BOM'",
            )
            data = data[3:]
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError as error:
            line = data[: error.start].count(b"\n") + 1
            self.add(
                rel,
                line,
                "file",
                f"byte {data[error.start]:#04x} is not UTF-8 text",
                "UTF-8 encoded text; save the file as UTF-8",
            )
            return None

    # -- the whole tree --------------------------------------------------------------
    def run(self) -> list[Problem]:
        settings = self.settings
        kinds = [
            ("article", settings.get("ARTICLE_PATHS", ["articles"])),
            ("page", settings.get("PAGE_PATHS", ["pages"])),
        ]
        entries = []  # (kind, rel, header, file lang, stem)
        for kind, folders in kinds:
            for rel, path in self.markdown_files(folders):
                text = self.read(rel, path)
                if text is None:
                    continue
                entry = self.check_file(kind, rel, text)
                if entry:
                    entries.append(entry)
        self.check_groups(entries)
        self.check_document_references(entries)
        return sorted(
            self.problems, key=lambda p: (p.path, p.line)
        )  # stable: found order within a line

    # -- one file --------------------------------------------------------------------
    def check_file(self, kind, rel, text):
        header = headers.parse(text)
        name = PurePosixPath(rel).name
        match = FILE_NAME.match(name)
        if not match:
            self.add(
                rel,
                1,
                "file",
                f"the file name '{name}' has no language part",
                "<slug>.<lang>.md with lang one of " + ", ".join(contract.LANGUAGES),
            )
            file_lang, stem = None, name.split(".", 1)[0]
        else:
            file_lang, stem = match["lang"], match["stem"]
            if file_lang not in contract.LANGUAGES:
                self.add(
                    rel,
                    1,
                    "file",
                    f"the language '{file_lang}' in the file name is unknown",
                    "one of "
                    + ", ".join(contract.LANGUAGES)
                    + did_you_mean(file_lang, contract.LANGUAGES),
                )
        if header.stray_line:
            line = header.body.split("\n", 1)[0].strip()
            self.add(
                rel,
                header.stray_line,
                "header",
                f"the line '{line[:40]}' is not a 'Key: value' line, so the header ends before it",
                "'Key: value' lines, then one blank line, then the body",
            )
        keys = (
            getattr(contract, "PAGE_KEYS", contract.ARTICLE_KEYS)
            if kind == "page"
            else contract.ARTICLE_KEYS
        )
        for item in header.duplicates:
            first = header.fields[item.name.lower()]
            self.add(
                rel,
                item.line,
                item.name,
                f"is defined twice (first on line {first.line})",
                "each key once",
            )
        for key, item in header.fields.items():
            if key not in keys:
                self.add(
                    rel,
                    item.line,
                    item.name,
                    "is not a key of the content contract" + did_you_mean(key, keys),
                    "keys: " + ", ".join(k.capitalize() for k in keys),
                )
        required = getattr(contract, "REQUIRED_KEYS", {}).get(kind, ("title",))
        for key in required:
            item = header.fields.get(key)
            if item is None:
                self.add(
                    rel, 1, key.capitalize(), "is missing", contract.KEY_SPECS.get(key, "required")
                )
            elif not item.value:
                self.add(
                    rel, item.line, item.name, "is empty", contract.KEY_SPECS.get(key, "required")
                )
        self.check_values(rel, header)
        # The file name decides the language for grouping; a Lang saying otherwise is reported.
        lang = file_lang if file_lang in contract.LANGUAGES else None
        status = header.get("status").lower()
        if not header.body.strip():
            self.add(
                rel,
                header.body_line if header.body_line > 1 else 1,
                "body",
                "the article has no text" if kind == "article" else "the page has no text",
                "a blank line after the header, then the text in Markdown",
            )
        else:
            self.check_body(rel, header)
        return (kind, rel, header, lang, file_lang, stem, status)

    def check_values(self, rel, header):
        fields = header.fields
        hosts = self.options["iframe_hosts"]
        dates = {}
        for key in ("date", "modified", "event_start", "event_end"):
            item = fields.get(key)
            if item and item.value:
                parsed = parse_date(item.value)
                if parsed is None:
                    self.add(
                        rel, item.line, item.name, date_problem(item.value), contract.KEY_SPECS[key]
                    )
                else:
                    dates[key] = parsed
        for later, earlier in (("modified", "date"), ("event_end", "event_start")):
            if (
                later in dates
                and earlier in dates
                and is_before(
                    fields[later].value, dates[later], dates[earlier], fields[earlier].value
                )
            ):
                item = fields[later]
                self.add(
                    rel,
                    item.line,
                    item.name,
                    f"{item.value} is before {fields[earlier].name} {fields[earlier].value}",
                    f"not before {fields[earlier].name}",
                )
        item = fields.get("lang")
        if item:
            name_lang = FILE_NAME.match(PurePosixPath(rel).name)
            if item.value not in contract.LANGUAGES:
                self.add(
                    rel,
                    item.line,
                    item.name,
                    f"'{item.value}' is not a language of the site"
                    + did_you_mean(item.value, contract.LANGUAGES),
                    "one of " + ", ".join(contract.LANGUAGES),
                )
            elif (
                name_lang
                and name_lang["lang"] in contract.LANGUAGES
                and name_lang["lang"] != item.value
            ):
                self.add(
                    rel,
                    item.line,
                    item.name,
                    f"'{item.value}' contradicts the file name, which says '{name_lang['lang']}'",
                    "the same language as the file name's .<lang>.md",
                )
        item = fields.get("slug")
        if item and item.value and not SLUG_SHAPE.match(item.value):
            self.add(
                rel,
                item.line,
                item.name,
                f"'{item.value}' is not a valid slug",
                contract.KEY_SPECS["slug"],
            )
        item = fields.get("category")
        if item and item.value and item.value not in contract.CATEGORIES:
            self.add(
                rel,
                item.line,
                item.name,
                f"'{item.value}' is not a category" + did_you_mean(item.value, contract.CATEGORIES),
                "one of " + ", ".join(contract.CATEGORIES),
            )
        item = fields.get("cluster")
        if item and item.value:
            clusters = [str(c) for c in self.options["clusters"]]
            if item.value not in clusters:
                self.add(
                    rel,
                    item.line,
                    item.name,
                    f"'{item.value}' is not a cluster",
                    "one of " + ", ".join(clusters),
                )
        item = fields.get("provinces")
        if item and item.value and self.provinces:
            for name in (n.strip() for n in item.value.split(",")):
                if not name:
                    continue
                known, suggestion = self.provinces(name)
                if not known:
                    hint = f"; did you mean '{suggestion}'?" if suggestion else ""
                    self.add(
                        rel,
                        item.line,
                        item.name,
                        f"'{name}' is not a province of Vietnam{hint}",
                        "province names as written, comma-separated",
                    )
        for key, choices in (("status", STATUSES), ("featured", BOOLEANS)):
            item = fields.get(key)
            if item and item.value and item.value.lower() not in choices:
                self.add(
                    rel,
                    item.line,
                    item.name,
                    f"'{item.value}' is not allowed" + did_you_mean(item.value, choices),
                    "one of " + ", ".join(choices),
                )
        for key in ("title", "summary", "image_caption", "event_location"):
            item = fields.get(key)
            if item and item.value:
                findings, _ = body.scan(item.value, item.line, item.name, hosts)
                for finding in findings:
                    self.add(rel, finding.line, finding.field, finding.message, finding.allowed)
        item = fields.get("source")
        if item and "<" in item.value:
            url = item.value[item.value.rfind("<") + 1 :].rstrip(">").strip()
            if not re.match(r"^https?://[^\s<>\"]+$", url):
                self.add(
                    rel,
                    item.line,
                    item.name,
                    f"'{url}' is not a web address",
                    contract.KEY_SPECS["source"],
                )
        item = fields.get("image")
        if item and item.value:
            self.check_image_path(rel, item.line, item.name, item.value)
            caption = fields.get("image_caption")
            if caption is None or not caption.value:
                self.add(
                    rel,
                    item.line,
                    "Image_caption",
                    "the picture has no caption (it is also its alt text)",
                    contract.KEY_SPECS["image_caption"],
                )

    def inside(self, path: Path) -> bool:
        try:
            path.resolve().relative_to(self.root)
            return True
        except ValueError:
            return False

    def check_image_path(self, rel, line, field, value):
        posix = PurePosixPath(value)
        if posix.is_absolute() or ".." in posix.parts or "\\" in value or ":" in value:
            self.add(
                rel,
                line,
                field,
                f"'{value}' leaves the content folder",
                "a path under content/images/, e.g. images/2024/cum-3.jpg",
            )
            return
        if not value.startswith("images/"):
            self.add(
                rel,
                line,
                field,
                f"'{value}' is not under images/",
                "a path under content/images/, e.g. images/2024/cum-3.jpg",
            )
            return
        self.check_file_exists(rel, line, field, self.root / value, value, image=True)

    def check_file_exists(self, rel, line, field, target: Path, shown, image=False):
        if not self.inside(target):
            self.add(
                rel, line, field, f"'{shown}' leaves the content folder", "a file inside content/"
            )
        elif not target.is_file():
            what = "picture" if image else "file"
            self.add(
                rel,
                line,
                field,
                f"the {what} '{shown}' does not exist",
                "a file inside content/, path spelled exactly",
            )
        elif image:
            size = target.stat().st_size
            limit = self.options["image_max_bytes"]
            if size > limit:
                self.add(
                    rel,
                    line,
                    field,
                    f"the picture '{shown}' is {size / 1024:.1f} KB",
                    f"at most {limit / 1024:.1f} KB; resize or compress it",
                )

    def check_body(self, rel, header):
        findings, links = body.scan(
            header.body, header.body_line, "body", self.options["iframe_hosts"]
        )
        for finding in findings:
            self.add(rel, finding.line, finding.field, finding.message, finding.allowed)
        folder = (self.root / rel).parent
        for link in links:
            target = link.target.strip()
            if link.image and link.alt is not None and not link.alt.strip():
                self.add(
                    rel,
                    link.line,
                    "body",
                    f"the picture '{target}' has no alt text",
                    "![what the picture shows](path)",
                )
            match = LINK_PLACEHOLDER.match(target)
            if match:
                path = match["path"]
                resolved = self.root / path.lstrip("/") if path.startswith("/") else folder / path
                self.check_file_exists(rel, link.line, "body", resolved, target, image=link.image)
                continue
            if link.image and ("://" in target or target.startswith("//")):
                self.add(
                    rel,
                    link.line,
                    "body",
                    f"the picture '{target}' is on another site",
                    "pictures in content/images/, linked as {static}/images/…; the site makes no requests to other hosts",
                )
                continue
            if not target or target.startswith(("#", "mailto:", "tel:")) or "://" in target:
                if target.startswith("//"):
                    self.add(
                        rel, link.line, "body", f"the address '{target}' has no scheme", "https://…"
                    )
                continue
            if target.startswith("/"):
                static = [
                    p.rstrip("/") + "/" for p in self.settings.get("STATIC_PATHS", ["images"])
                ]
                if (
                    any(target.lstrip("/").startswith(s) for s in static)
                    or ".." in PurePosixPath(target).parts
                ):
                    self.check_file_exists(
                        rel,
                        link.line,
                        "body",
                        self.root / target.lstrip("/").split("#")[0],
                        target,
                        image=link.image,
                    )
                continue
            self.add(
                rel,
                link.line,
                "body",
                f"the relative link '{target}' breaks on translated pages",
                "{filename}/articles/…/x.vi.md, {static}/images/…, /path/ or https://…",
            )

    # -- across files ----------------------------------------------------------------
    def check_document_references(self, entries):
        """A document cited in an article but not in the registry (content/directives/)."""
        symbols = symbols_module()
        registry = self.root / "directives"
        if symbols is None or not registry.is_dir():
            return
        registered = set()
        for rel, path in self.markdown_files(["directives"]):
            text = self.read(rel, path)
            if text is None:
                continue
            symbol = headers.parse(text).get("symbol")
            canonical = symbols.canonical_symbol(symbol) if symbol else None
            if canonical:
                registered.add(canonical)
        for kind, rel, header, *_ in entries:
            if kind != "article" or not header.body.strip():
                continue
            for reference in symbols.find_references(header.body):
                if reference.symbol not in registered:
                    line = header.body_line + header.body.count("\n", 0, reference.start)
                    self.add(
                        rel,
                        line,
                        "body",
                        f"the document {reference.symbol} is not in the registry",
                        f"a registry entry content/directives/{symbols.symbol_slug(reference.symbol)}.vi.md",
                        WARNING,
                    )

    def check_groups(self, entries):
        default = contract.DEFAULT_LANG
        by_stem = defaultdict(list)
        for entry in entries:
            kind, rel = entry[0], entry[1]
            by_stem[(kind, str(PurePosixPath(rel).parent), entry[5])].append(entry)
        slugs = {}
        seen = {}
        for key in sorted(by_stem):
            members = by_stem[key]
            original = next((m for m in members if m[3] == default), None)
            for member in members:
                kind, rel, header, lang = member[:4]
                explicit = header.get("slug")
                if member is original or explicit:
                    slug = explicit or slugify(header.get("title"), self.settings)
                elif original is not None:
                    slug = original[2].get("slug") or slugify(
                        original[2].get("title"), self.settings
                    )
                elif lang is None:
                    slug = ""  # the file name's language is already reported
                else:
                    item = header.fields.get("lang")
                    self.add(
                        rel,
                        item.line if item else 1,
                        "Lang",
                        f"this {lang} translation has no original {key[2]}.{default}.md beside it",
                        f"the original {key[2]}.{default}.md in the same folder, or a Slug of its own for an article first written in {lang}",
                    )
                    slug = slugify(header.get("title"), self.settings)
                slugs[rel] = slug
                if not slug or member[6] == "draft":
                    continue
                identity = (kind, slug, lang)
                item = header.fields.get("slug") or header.fields.get("title")
                if identity in seen:
                    self.add(
                        rel,
                        item.line if item else 1,
                        item.name if item else "Slug",
                        f"the slug '{slug}' in {lang} is already used by {seen[identity]}",
                        "one " + kind + " per slug and language; set a different Slug",
                    )
                else:
                    seen[identity] = rel
            if key[0] == "page" and original is not None:
                have = {m[3] for m in members}
                for code in self.options["page_translations"]:
                    if code not in have:
                        self.add(
                            original[1],
                            1,
                            "Lang",
                            f"the page has no {code} translation",
                            f"{key[2]}.{code}.md beside it",
                            WARNING,
                        )


def symbols_module():
    """documents.symbols (the document-symbol recogniser) when installed, else None."""
    import importlib  # noqa: PLC0415

    try:
        return importlib.import_module("documents.symbols")
    except ImportError:
        return None


def province_hook():
    """`places.lookup`/`places.suggest` when the places plugin is installed, else None."""
    import importlib  # noqa: PLC0415

    places = None
    for name in ("places", "places.places"):  # the package, or its module of that name
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        if hasattr(module, "lookup"):
            places = module
            break
    if places is None:
        return None
    lookup = getattr(places, "lookup", None)
    suggest = getattr(places, "suggest", None)
    if lookup is None:
        return None

    answers = {}

    def check(name):
        if name not in answers:
            answers[name] = answer(name)
        return answers[name]

    def answer(name):
        try:
            found = lookup(name)
        except (KeyError, LookupError, ValueError):
            found = None
        if found:
            return True, None
        hint = None
        if suggest is not None:
            try:
                hint = suggest(name)
            except (KeyError, LookupError, ValueError):
                hint = None
            if isinstance(hint, (list, tuple)):
                hint = hint[0] if hint else None
            if hint is not None and not isinstance(hint, str):
                hint = getattr(hint, "name", str(hint))
        return False, hint

    return check


def check(settings) -> list[Problem]:
    """Every problem of the content under settings['PATH'], sorted by file and line."""
    return Checker(settings).run()

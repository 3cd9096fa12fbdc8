"""The translation status report (`invoke i18n-status`): what is left to translate.

For each language: how complete its interface catalog is, how many articles it has a
translation of, how many it lacks, and which translations are older than their original
(the original's `Modified` is later than the translation's `Modified`, or `Date` when it
has none). Content is read quickly: only the `Key: value` header of each file, never the
Markdown body, so the report runs in well under a second on a large site.

The article page applies the same rule (theme/templates/partials/translation_notice.html).
"""

import datetime
import os
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.pofile import read_po

import contract

FILE_NAME = re.compile(r"^(?P<stem>[^.]+)\.(?P<lang>[a-z]{2})\.md$")
HEADER_LINE = re.compile(r"^(?P<key>[A-Za-z][A-Za-z0-9_-]*)\s*:\s*(?P<value>.*)$")


@dataclass
class Source:
    """One content file, known by its header only."""

    path: Path
    stem: str
    lang: str
    meta: dict

    @property
    def slug(self):
        return self.meta.get("slug")

    @property
    def is_draft(self) -> bool:
        return self.meta.get("status", "").strip().lower() == "draft"

    @property
    def date(self):
        return parse_date(self.meta.get("date"))

    @property
    def last_change(self):
        """`Modified` when given, else `Date`."""
        return parse_date(self.meta.get("modified")) or self.date


@dataclass
class Group:
    """An article and its translations."""

    original: Source
    versions: dict = field(default_factory=dict)  # code -> Source

    @property
    def name(self) -> str:
        return self.original.slug or self.original.stem


@dataclass
class LanguageStatus:
    code: str
    interface: float  # percent of the catalog's messages translated (not fuzzy)
    translated: list  # groups with a version in this language that is not the original
    missing: list  # groups without a version in this language
    outdated: list  # (group, translation) pairs where the original changed later


def parse_date(value):
    if not value:
        return None
    value = value.strip()
    for pattern in ("%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d", "%Y-%m-%dT%H:%M"):
        try:
            return datetime.datetime.strptime(value, pattern)
        except ValueError:
            continue
    try:
        return datetime.datetime.fromisoformat(value).replace(tzinfo=None)
    except ValueError:
        return None


def read_header(path: Path) -> dict:
    """The metadata header of a Markdown file: `Key: value` lines up to the first blank line."""
    meta, key = {}, None
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if not line.strip():
                break
            match = HEADER_LINE.match(line)
            if match:
                key = match["key"].lower()
                meta[key] = match["value"].strip()
            elif key and line[:1] in (" ", "\t"):
                meta[key] += " " + line.strip()  # continuation line
            else:
                break
    return meta


def read_sources(folder: Path) -> list[Source]:
    sources = []
    for dirpath, _dirs, files in os.walk(folder):
        for name in sorted(files):
            match = FILE_NAME.match(name)
            if not match:
                continue
            path = Path(dirpath) / name
            meta = read_header(path)
            lang = (meta.get("lang") or match["lang"]).strip()
            sources.append(Source(path, match["stem"], lang, meta))
    return sources


def group_sources(sources, default_lang=contract.DEFAULT_LANG) -> list[Group]:
    """Group like the build does: files with one name stem in one folder, or one `Slug`."""

    def pick_original(members):
        in_default = [m for m in members if m.lang == default_lang]
        return (in_default or sorted(members, key=lambda m: (m.date or datetime.datetime.max, str(m.path))))[0]

    by_stem = defaultdict(list)
    for source in sources:
        by_stem[(source.path.parent, source.stem)].append(source)
    # Merge stem groups that share an explicit slug (a translation filed under another name).
    merged, by_slug = [], {}
    for members in by_stem.values():
        slugs = {m.slug for m in members if m.slug}
        target = next((by_slug[s] for s in slugs if s in by_slug), None)
        if target is None:
            target = []
            merged.append(target)
        target.extend(members)
        for slug in slugs:
            by_slug[slug] = target
    groups = []
    for members in merged:
        original = pick_original(members)
        versions = {}
        for member in sorted(members, key=lambda m: m is not original):
            versions.setdefault(member.lang, member)
        groups.append(Group(original, versions))
    return sorted(groups, key=lambda g: str(g.original.path))


def is_outdated(original_change, translation_change) -> bool:
    """A translation is outdated when its original changed after it did."""
    return bool(original_change and translation_change and original_change > translation_change)


def interface_completeness(translations_dir: Path, code: str) -> float:
    """Percent of the template's messages that the language's catalog translates (not fuzzy)."""
    pot_path = Path(translations_dir) / "messages.pot"
    po_path = Path(translations_dir) / code / "LC_MESSAGES" / "messages.po"
    with open(pot_path, "rb") as handle:
        wanted = [m.id for m in read_po(handle) if m.id]
    if not wanted:
        return 100.0
    if not po_path.exists():
        return 0.0
    with open(po_path, "rb") as handle:
        catalog = read_po(handle, locale=code)
    done = 0
    for msgid in wanted:
        message = catalog.get(msgid[0] if isinstance(msgid, tuple) else msgid)
        if message is None or message.fuzzy:
            continue
        strings = message.string if isinstance(message.string, (tuple, list)) else [message.string]
        if strings and all(strings):
            done += 1
    return 100.0 * done / len(wanted)


def language_status(code, groups, translations_dir) -> LanguageStatus:
    translated, missing, outdated = [], [], []
    for group in groups:
        version = group.versions.get(code)
        if version is None:
            missing.append(group)
            continue
        if version is group.original:
            continue
        translated.append(group)
        if is_outdated(group.original.last_change, version.last_change):
            outdated.append((group, version))
    return LanguageStatus(
        code, interface_completeness(translations_dir, code), translated, missing, outdated
    )


def report(content_dir: Path, translations_dir: Path, codes=contract.LANGUAGES):
    """The status of every language, from the articles under `content_dir/articles`."""
    articles = Path(content_dir) / "articles"
    sources = [s for s in read_sources(articles) if not s.is_draft] if articles.is_dir() else []
    groups = group_sources(sources)
    return groups, [language_status(code, groups, translations_dir) for code in codes]


def format_report(groups, statuses, root: Path | None = None, details=True) -> str:
    """A plain-text table, one row per language, then the outdated translations by name."""
    headers = ("Language", "Interface", "Translated", "Missing", "Outdated")
    rows = [
        (s.code, f"{s.interface:.0f}%", str(len(s.translated)), str(len(s.missing)), str(len(s.outdated)))
        for s in statuses
    ]
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]

    def line(cells):
        return "  ".join(
            cell.ljust(width) if i == 0 else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(cells, widths))
        ).rstrip()

    out = [f"{len(groups)} articles", line(headers), line(["-" * w for w in widths])]
    out += [line(row) for row in rows]
    if details:

        def show(path):
            try:
                return str(Path(path).relative_to(root)) if root else str(path)
            except ValueError:
                return str(path)

        for status in statuses:
            for group, version in status.outdated:
                out.append(
                    f"outdated [{status.code}] {show(version.path)}: the original "
                    f"{show(group.original.path)} changed on "
                    f"{group.original.last_change:%Y-%m-%d %H:%M}, the translation on "
                    f"{version.last_change:%Y-%m-%d %H:%M}"
                )
    return "\n".join(out)


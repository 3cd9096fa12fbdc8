"""Provinces, the 2025 provincial units and friendship-union clusters.

Pure Python (no Pelican).  The data lives in ``provinces.toml`` next to this file
and is loaded once, on first use.

* ``lookup(name)`` resolves a province name as editors write it (``Provinces:``
  metadata) to one of the 63 pre-2025 provinces/cities, or None.
* ``suggest(name)`` proposes close names for error messages.
* ``cluster(number)`` returns a friendship-union cluster with its members.
* ``successor(province)`` returns the unit the province became part of on
  1 July 2025 (Resolution 202/2025/QH15).

Matching rules of ``lookup``: Unicode NFC/NFD, case, old/new tone-mark placement
("Khánh Hoà" = "Khánh Hòa", "thuý" = "thúy"), hyphen/en-dash/space variants
("Bà Rịa-Vũng Tàu", "Thừa Thiên - Huế") and the prefixes "tỉnh", "thành phố",
"TP."/"Tp", "thủ đô" are ignored.  Input written entirely without diacritics
("thua thien hue", "khanh-hoa") is matched on the folded name; input *with*
diacritics must carry the right ones ("Khánh Hoa" is not found, but
``suggest`` offers "Khánh Hòa").
"""

from __future__ import annotations

import difflib
import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from vntext import TONE_MARKS, fold

__all__ = [
    "DATA_FILE",
    "Cluster",
    "ClusterRole",
    "Province",
    "Unit",
    "cluster",
    "clusters",
    "lookup",
    "name_key",
    "province",
    "provinces",
    "split_names",
    "successor",
    "suggest",
    "unit",
    "units",
]

DATA_FILE = Path(__file__).with_name("provinces.toml")


@dataclass(frozen=True)
class Province:
    """One of the 63 provincial-level units in force until 30 June 2025."""

    slug: str
    name: str
    name_en: str
    kind: str  # "province" | "city"
    aliases: tuple[str, ...]
    successor_slug: str
    cluster_number: int | None


@dataclass(frozen=True)
class Unit:
    """One of the 34 provincial-level units in force since 1 July 2025."""

    slug: str
    name: str
    name_en: str
    kind: str
    predecessor_slugs: tuple[str, ...]

    @property
    def predecessors(self) -> tuple[Province, ...]:
        return tuple(province(s) for s in self.predecessor_slugs)


@dataclass(frozen=True)
class ClusterRole:
    year: int
    role: str  # "chair" (cụm trưởng), "vice-chair" (cụm phó)
    province_slug: str


@dataclass(frozen=True)
class Cluster:
    number: int
    name: str
    short_name: str
    name_en: str
    members: tuple[Province, ...]
    formed_under: str | None = None
    regulation: str | None = None
    source: str | None = None
    roles: tuple[ClusterRole, ...] = ()


# ---------------------------------------------------------------------------
# Name normalisation
# ---------------------------------------------------------------------------

_DASHES = re.compile(r"[\-\u2010-\u2015\u2212_/]+")
_SPACES = re.compile(r"\s+")
_TONE_DIGIT = {"\u0300": "2", "\u0301": "1", "\u0303": "4", "\u0309": "3", "\u0323": "5"}
# Prefixes compared on folded words; "tp." / "t.p." may be glued to the name.
_PREFIX_WORDS = (("thanh", "pho"), ("thu", "do"), ("tinh",), ("tp",), ("t.p",))
_GLUED_PREFIX = re.compile(r"^(?:tp|t\.p)\.\s*")


def _tone_word(word: str) -> str:
    """Word without tone marks + tone digits: placement-independent."""
    decomposed = unicodedata.normalize("NFD", word)
    tones = "".join(sorted(_TONE_DIGIT[c] for c in decomposed if c in TONE_MARKS))
    base = "".join(c for c in decomposed if c not in TONE_MARKS)
    return unicodedata.normalize("NFC", base) + tones


def _words(text: str) -> list[str]:
    t = unicodedata.normalize("NFC", text).casefold().strip()
    t = _GLUED_PREFIX.sub("", t)
    words = _SPACES.split(_DASHES.sub(" ", t).strip())
    words = [w for w in words if w]
    for prefix in _PREFIX_WORDS:
        n = len(prefix)
        if len(words) > n and tuple(fold(w).rstrip(".") for w in words[:n]) == prefix:
            words = words[n:]
            break
    return [w.replace(".", "") for w in words if w.replace(".", "")]


def name_key(text: str) -> str:
    """Comparison key: case, NFC/NFD, tone placement, dashes, prefixes ignored."""
    return " ".join(_tone_word(w) for w in _words(text))


def _folded_key(text: str) -> str:
    return " ".join(fold(w) for w in _words(text))


# ---------------------------------------------------------------------------
# Data
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Data:
    provinces: tuple[Province, ...]
    units: tuple[Unit, ...]
    clusters: dict[int, Cluster]
    by_slug: dict[str, Province]
    units_by_slug: dict[str, Unit]
    by_key: dict[str, Province]
    by_folded: dict[str, Province | None]  # None: folded name is ambiguous
    suggestions: dict[str, str]  # folded spelling → province name


@cache
def _data() -> _Data:
    raw = tomllib.loads(DATA_FILE.read_text(encoding="utf-8"))
    provs = tuple(
        Province(
            slug=p["slug"],
            name=p["name"],
            name_en=p["name_en"],
            kind=p["kind"],
            aliases=tuple(p.get("aliases", ())),
            successor_slug=p["successor"],
            cluster_number=p.get("cluster"),
        )
        for p in raw["province"]
    )
    by_slug = {p.slug: p for p in provs}
    if len(by_slug) != len(provs):
        raise ValueError(f"{DATA_FILE}: duplicate province slug")
    us = tuple(
        Unit(
            slug=u["slug"],
            name=u["name"],
            name_en=u["name_en"],
            kind=u["kind"],
            predecessor_slugs=tuple(p.slug for p in provs if p.successor_slug == u["slug"]),
        )
        for u in raw["unit"]
    )
    units_by_slug = {u.slug: u for u in us}
    for p in provs:
        if p.successor_slug not in units_by_slug:
            raise ValueError(f"{DATA_FILE}: {p.name}: unknown successor {p.successor_slug!r}")

    clusters_: dict[int, Cluster] = {}
    for c in raw.get("cluster", ()):
        number = int(c["number"])
        roles = tuple(
            ClusterRole(int(r["year"]), r["role"], r["province"]) for r in c.get("roles", ())
        )
        for r in roles:
            if r.province_slug not in by_slug:
                raise ValueError(f"{DATA_FILE}: cluster {number}: unknown {r.province_slug!r}")
        clusters_[number] = Cluster(
            number=number,
            name=c["name"],
            short_name=c.get("short_name", c["name"]),
            name_en=c.get("name_en", f"Cluster {number}"),
            members=tuple(p for p in provs if p.cluster_number == number),
            formed_under=c.get("formed_under"),
            regulation=c.get("regulation"),
            source=c.get("source"),
            roles=roles,
        )
    for p in provs:
        if p.cluster_number is not None and p.cluster_number not in clusters_:
            raise ValueError(f"{DATA_FILE}: {p.name}: unknown cluster {p.cluster_number}")

    by_key: dict[str, Province] = {}
    by_folded: dict[str, Province | None] = {}
    suggestions: dict[str, str] = {}
    for p in provs:
        for spelling in (p.name, p.name_en, p.slug, *p.aliases):
            key = name_key(spelling)
            if by_key.get(key, p) is not p:
                raise ValueError(f"{DATA_FILE}: {spelling!r} names two provinces")
            by_key[key] = p
            folded = _folded_key(spelling)
            by_folded[folded] = p if by_folded.get(folded, p) is p else None
            suggestions.setdefault(folded, p.name)
    return _Data(provs, us, clusters_, by_slug, units_by_slug, by_key, by_folded, suggestions)


# ---------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------


def provinces() -> tuple[Province, ...]:
    """The 63 pre-2025 provinces and centrally run cities, in data-file order."""
    return _data().provinces


def units() -> tuple[Unit, ...]:
    """The 34 provincial-level units in force since 1 July 2025."""
    return _data().units


def clusters() -> tuple[Cluster, ...]:
    """Known friendship-union clusters, by number."""
    return tuple(c for _, c in sorted(_data().clusters.items()))


def province(slug: str) -> Province:
    """Province by slug; KeyError if unknown."""
    return _data().by_slug[slug]


def unit(slug: str) -> Unit:
    """2025 unit by slug; KeyError if unknown."""
    return _data().units_by_slug[slug]


@lru_cache(maxsize=4096)  # every article names its provinces again in every build
def lookup(name: str) -> Province | None:
    """The province ``name`` refers to, or None (see module docstring)."""
    if not name or not name.strip():
        return None
    data = _data()
    found = data.by_key.get(name_key(name))
    if found is not None:
        return found
    if name.isascii():
        return data.by_folded.get(_folded_key(name))
    return None


def suggest(name: str, n: int = 3) -> list[str]:
    """Up to ``n`` province names close to ``name`` (for "did you mean …?")."""
    data = _data()
    matches = difflib.get_close_matches(
        _folded_key(name), list(data.suggestions), n=max(n * 4, 8), cutoff=0.6
    )
    out: list[str] = []
    for m in matches:
        pname = data.suggestions[m]
        if pname not in out:
            out.append(pname)
    return out[:n]


def cluster(number: int | str) -> Cluster | None:
    """Cluster by number (``3`` or ``"3"``), or None when not in the data."""
    try:
        key = int(str(number).strip())
    except ValueError:
        return None
    return _data().clusters.get(key)


def successor(prov: Province | str) -> Unit:
    """The 2025 unit that ``prov`` (a Province, a name or a slug) became part of.

    Raises KeyError for an unknown name.
    """
    if isinstance(prov, str):
        found = _data().by_slug.get(prov) or lookup(prov)
        if found is None:
            raise KeyError(prov)
        prov = found
    return _data().units_by_slug[prov.successor_slug]


def split_names(value: str) -> list[str]:
    """Split a ``Provinces:`` metadata value ("Khánh Hòa, Quảng Nam") into names."""
    return [part.strip() for part in re.split(r"[,;]", value or "") if part.strip()]

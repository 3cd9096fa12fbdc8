"""Recognise references to Party and State documents in Vietnamese/English text.

Vietnamese official documents carry a *symbol* (số, ký hiệu) of two shapes:

* Party documents:  ``<number>-<TYPE>/<ISSUER>``  e.g. ``12-CT/TW``, ``8485-CV/TU``
* State documents:  ``<number>/<TYPE>-<ISSUER>``  e.g. ``3935/KH-UBND``, ``03/QC-C3``
* State legal documents also carry a year: ``<number>/<yyyy>/<TYPE>-<ISSUER>``
  (``93/2009/NĐ-CP``) or, for the National Assembly, ``<number>/<yyyy>/QH<term>``
  (``202/2025/QH15``).

``find_references(text)`` returns every full symbol (optionally with the kind word
and connector in front of it: "Chỉ thị số 12-CT/TW", "Directive No. 12-CT/TW") and
``find_ambiguous(text)`` returns kind words followed by a bare number
("Hướng dẫn số 780") which cannot be resolved to one document, so callers can warn.

Canonical form (``Reference.symbol``, ``canonical_symbol()``)
-------------------------------------------------------------
1. Spaces inside the symbol are removed ("3935/KH -UBND" → "3935/KH-UBND",
   "12 - CT/TW" → "12-CT/TW"); en dashes become hyphens.
2. The number is kept exactly as written, leading zeros included ("03/QC-C3").
3. The type and issuer are upper-cased ("12-ct/tw" → "12-CT/TW"), except fixed
   mixed-case codes: types ``CTr`` (chương trình), ``QĐi`` (Party quy định),
   issuer ``TTg`` (Thủ tướng), ``SNgV`` (Sở Ngoại vụ). ASCII spellings of codes
   with Đ are restored: QD → QĐ, ND → NĐ, DU → ĐU, HDND → HĐND, BCSD → BCSĐ;
   ``TƯ`` (Trung ương) → ``TW``.
4. The shape is chosen from the issuer (the part after the type, up to any
   "-suffix"):

   * a known **Party** issuer (TW, TU, HU, QU, ĐU, ĐUK, BCSĐ, ĐĐ, or any code
     ending in TW/TU such as BTGTW, BĐNTW, BTGTU) always gives the Party shape
     ``<n>-<TYPE>/<ISSUER>``; so the swapped "Chỉ thị 12/CT-TW" becomes 12-CT/TW;
   * a known **State** issuer (UBND, HĐND, CP, TTg, BNG, VPCP, …) always gives
     the State shape ``<n>/<TYPE>-<ISSUER>`` (the symmetric correction);
   * any other issuer keeps the shape of the separators the writer used
     ("03/QC-C3" stays State-shaped).

   Year forms are always ``<n>/<yyyy>/<TYPE>-<ISSUER>`` / ``<n>/<yyyy>/QH<k>``.

``symbol_slug(symbol)`` folds the canonical symbol to an ASCII path slug
("12-CT/TW" → "12-ct-tw", "01/QĐ-UBND" → "01-qd-ubnd"). Because the slug ignores
the separators, the two shapes of one symbol always give the same slug.

Kind (``Reference.kind``) comes from the type code (``KINDS``), so one document has
one kind however it is introduced; the year form ``…/QH15`` has no type code and
takes the kind of the word in front of it, or ``"document"``.

What is *not* a reference: a type code must be one of ``KINDS`` and an issuer must
follow, so dates ("20/7/2021", "27/5"), ranges ("2019 - 2024"), phone numbers,
"COVID-19", "G-20", times and fractions never match; a symbol glued to a letter,
digit, "/" or "-" on its left, or lying inside a URL, is ignored. Symbols written
in lower case ("12-ct/tw") are accepted only with a known issuer, so prose such
as "5 - tb/tháng" is not taken for a notice.

The module is pure Python (no Pelican) and uses precompiled regular expressions.
Input in NFD (decomposed) Unicode is handled; returned spans index the original
text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import NamedTuple

from vntext import fold, slugify

__all__ = [
    "CONNECTORS",
    "KINDS",
    "KIND_NAMES",
    "PARTY_ISSUERS",
    "STATE_ISSUERS",
    "AmbiguousReference",
    "Kind",
    "Reference",
    "canonical_symbol",
    "find_ambiguous",
    "find_references",
    "scan",
    "symbol_slug",
]


# ---------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------


class Kind(NamedTuple):
    """A kind of document: key, Vietnamese and English names, words writers use.

    ``vi_words`` / ``en_words`` are matched case-insensitively and, for the
    Vietnamese ones, ignoring tone and vowel marks (so "Chị thị", "Chi thi" and
    "CHỈ THỊ" all match "Chỉ thị"); typos seen in sources are listed anyway.
    """

    key: str
    vi: str
    en: str
    vi_words: tuple[str, ...]
    en_words: tuple[str, ...]


_DIRECTIVE = Kind("directive", "Chỉ thị", "Directive", ("Chỉ thị", "Chị thị"), ("Directive",))
_RESOLUTION = Kind("resolution", "Nghị quyết", "Resolution", ("Nghị quyết",), ("Resolution",))
_CONCLUSION = Kind("conclusion", "Kết luận", "Conclusion", ("Kết luận",), ("Conclusion",))
_LETTER = Kind(
    "official-letter",
    "Công văn",
    "Official letter",
    ("Công văn",),
    ("Official Letter", "Official Dispatch", "Dispatch", "Letter"),
)
_PLAN = Kind("plan", "Kế hoạch", "Plan", ("Kế hoạch",), ("Plan",))
_GUIDELINE = Kind(
    "guideline",
    "Hướng dẫn",
    "Guideline",
    ("Hướng dẫn",),
    ("Guideline", "Guidelines", "Guidance"),
)
_REGULATION = Kind(
    "regulation",
    "Quy chế",
    "Regulation",
    ("Quy chế", "Qui chế"),
    ("Regulation", "Regulations"),
)
_DECISION = Kind("decision", "Quyết định", "Decision", ("Quyết định",), ("Decision",))
_NOTICE = Kind("notice", "Thông báo", "Notice", ("Thông báo",), ("Notice", "Notification"))
_REPORT = Kind("report", "Báo cáo", "Report", ("Báo cáo",), ("Report",))
_PROGRAMME = Kind(
    "programme",
    "Chương trình",
    "Programme",
    ("Chương trình",),
    ("Programme", "Program"),
)
_DECREE = Kind("decree", "Nghị định", "Decree", ("Nghị định",), ("Decree",))
_CIRCULAR = Kind("circular", "Thông tư", "Circular", ("Thông tư",), ("Circular",))
_RULES = Kind("rules", "Quy định", "Rules", ("Quy định", "Qui định"), ("Rules",))
_LAW = Kind("law", "Luật", "Law", ("Luật",), ("Law",))
_DOCUMENT = Kind("document", "Văn bản", "Document", ("Văn bản",), ("Document",))

#: Type code (as it appears in a symbol) → kind.  Keys are canonical codes plus
#: the ASCII spellings people type for codes with Đ (QD, ND, QDi).
KINDS: dict[str, Kind] = {
    "CT": _DIRECTIVE,
    "NQ": _RESOLUTION,
    "KL": _CONCLUSION,
    "CV": _LETTER,
    "KH": _PLAN,
    "HD": _GUIDELINE,
    "QC": _REGULATION,
    "QĐ": _DECISION,
    "QD": _DECISION,
    "TB": _NOTICE,
    "BC": _REPORT,
    "CTr": _PROGRAMME,
    "NĐ": _DECREE,
    "ND": _DECREE,
    "TT": _CIRCULAR,
    "QĐi": _RULES,
    "QDi": _RULES,
}

#: Kind key → Kind, for every kind including those without a type code
#: (``law``, ``document``: used by year-form symbols such as 202/2025/QH15).
KIND_NAMES: dict[str, Kind] = {k.key: k for k in (*KINDS.values(), _LAW, _DOCUMENT)}

#: Words between the kind word and the number ("Chỉ thị số 12-CT/TW",
#: "Directive No. 12-CT/TW"); matched case-insensitively, "số" also as "so".
CONNECTORS: tuple[str, ...] = ("số", "so", "No.", "No", "Nº", "N°", "number", "#")

#: Issuers of Party documents (canonical spelling).  Any code ending in TW or TU
#: (BTGTW, BĐNTW, VPTW, BTGTU, UBKTTU, …) also counts as a Party issuer.
PARTY_ISSUERS: frozenset[str] = frozenset(
    {"TW", "TU", "HU", "QU", "TXU", "ĐU", "ĐUK", "BCSĐ", "ĐĐ", "BCĐ"}
)

#: Issuers of State documents (canonical spelling); also used to accept symbols
#: written in lower case.
STATE_ISSUERS: frozenset[str] = frozenset(
    {
        "UBND",
        "HĐND",
        "CP",
        "TTg",
        "VPCP",
        "QH",
        "UBTVQH",
        "BNG",
        "BNV",
        "BCA",
        "BQP",
        "BTC",
        "BKHĐT",
        "BTTTT",
        "BGDĐT",
        "BYT",
        "BTP",
        "BVHTTDL",
        "SNgV",
        "SNV",
        "MTTQ",
        "LHHN",
        "LHHNVN",
        "UBMTTQ",
    }
)

_TYPE_CANON = {code.upper(): code for code in KINDS}
_TYPE_CANON.update({"QD": "QĐ", "ND": "NĐ", "QDI": "QĐi"})

_ISSUER_CANON = {
    "TTG": "TTg",
    "SNGV": "SNgV",
    "TƯ": "TW",
    "DU": "ĐU",
    "DUK": "ĐUK",
    "HDND": "HĐND",
    "BCSD": "BCSĐ",
    "BCD": "BCĐ",
}

_KNOWN_ISSUERS = PARTY_ISSUERS | STATE_ISSUERS


# ---------------------------------------------------------------------------
# Regular expressions
# ---------------------------------------------------------------------------


def _letter_classes() -> dict[str, str]:
    """ASCII base letter → regex class of every Latin letter folding to it."""
    groups: dict[str, set[str]] = {}
    ranges = [(0x41, 0x5B), (0x61, 0x7B), (0xC0, 0x250), (0x1E00, 0x1F00)]
    for lo, hi in ranges:
        for cp in range(lo, hi):
            ch = chr(cp)
            if not ch.isalpha():
                continue
            base = fold(ch)
            if len(base) == 1 and base.isascii() and base.isalpha():
                groups.setdefault(base, set()).update({ch, ch.upper(), ch.lower()})
    return {base: "[" + "".join(sorted(chars)) + "]" for base, chars in groups.items()}


_LETTER_CLASS = _letter_classes()


def _mark_insensitive(word: str) -> str:
    """Regex for ``word`` ignoring case, tone and vowel marks, đ/d."""
    out = []
    for ch in word:
        if ch.isspace():
            out.append(r"\s+")
            continue
        base = fold(ch)
        cls = _LETTER_CLASS.get(base) if len(base) == 1 else None
        out.append(cls if cls else re.escape(ch))
    return "".join(out)


def _alternation(words) -> str:
    """Regex alternation, longest first (so "CTr" is tried before "CT")."""
    return "|".join(sorted(words, key=len, reverse=True))


_WORD_KIND: dict[str, str] = {}  # folded word → kind key
for _kind in KIND_NAMES.values():
    for _w in (*_kind.vi_words, *_kind.en_words):
        _WORD_KIND[" ".join(fold(_w).split())] = _kind.key


_SP = r"[ \t\u00a0]{0,2}"
_DASH = r"[\-\u2010\u2011\u2012\u2013]"
_NUM = r"[0-9]{1,5}"
_TYPE = "(?i:" + _alternation(re.escape(c) for c in _TYPE_CANON.keys() | set(KINDS)) + ")"
_ISSUER = r"[^\W\d_][^\W_]*(?:-[^\W\d_][^\W_]*)*"  # letters are case-free
_GLUE = r"[\w/\\@+\-\u2010\u2011\u2012\u2013]"

_SYMBOL_BODY = rf"""
    (?P<num>{_NUM})
    (?:
        /(?P<year>(?:19|20)[0-9]{{2}})/
        (?:
            (?P<ytype>{_TYPE}){_SP}{_DASH}{_SP}(?P<yiss>{_ISSUER})
          | (?P<qh>(?i:QH)[0-9]{{1,2}})
        )
      | {_SP}{_DASH}{_SP}(?P<ptype>{_TYPE}){_SP}/{_SP}(?P<piss>{_ISSUER})
      | {_SP}/{_SP}(?P<stype>{_TYPE}){_SP}{_DASH}{_SP}(?P<siss>{_ISSUER})
    )
    (?!\w)
"""
# The search pattern starts with a plain digit class so the regex engine can skip
# ahead quickly; the check "not glued to a word character, '/', '-', …" is a
# two-character lookbehind right after that first digit.
_SYMBOL = re.compile(
    _SYMBOL_BODY.replace(
        f"(?P<num>{_NUM})",
        rf"(?P<num>[0-9](?<!{_GLUE}[0-9])[0-9]{{0,4}})",
        1,
    ),
    re.VERBOSE,
)
_SYMBOL_FULL = re.compile(_SYMBOL_BODY, re.VERBOSE)

# Kind word (+ connector) immediately before a number.  It is matched on the
# *reversed* text just before the number, so one anchored ``match`` replaces a
# search through a window: kind words, connectors and the boundary are reversed.
_ALL_WORDS = sorted(
    {w for k in KIND_NAMES.values() for w in (*k.vi_words, *k.en_words)}, key=len, reverse=True
)
_KIND_WORDS_REV = "|".join(_mark_insensitive(w[::-1]) for w in _ALL_WORDS)
_CONN_REV = r"(?::[ \t\u00a0]*)?(?:[oố]s|\.?[oº°]n|rebmun|\#)"
_PREFIX_REV = re.compile(
    rf"(?:[ \t\u00a0]*(?P<conn>{_CONN_REV})\s+|\s+)(?P<kind>{_KIND_WORDS_REV})(?!\w)",
    re.IGNORECASE,
)
_PREFIX_WINDOW = 48
# Characters a kind word or connector can end with (any case, any marks): a cheap
# test before the regex, since most numbers follow other words ("ngày 27/5").
_LAST_CHARS = frozenset(
    "".join(
        _LETTER_CLASS[fold(w[-1])].strip("[]") if fold(w[-1]) in _LETTER_CLASS else w[-1]
        for w in (*_ALL_WORDS, *CONNECTORS, "số:", "No:")
    )
)
_BLANKS = frozenset(" \t\u00a0\n\r")

# A bare number after a kind word: digits (+ "-x" / "/x" tails without spaces).
_BARE_NUMBER = re.compile(
    rf"[0-9](?<!{_GLUE}[0-9])[0-9]{{0,4}}(?:[/\-\u2013][0-9A-Za-zĐđ]+)*(?![\w/\-\u2013])"
)

_URL = re.compile(r"(?:[a-z][a-z0-9+.\-]*://|www\.)[^\s<>\"'`]+", re.IGNORECASE)
_HAS_DIGIT = re.compile(r"[0-9]")
_NUMBER_PARTS = re.compile(r"[/\-\u2013]")
_SPACES = re.compile(r"[\s\u00a0]+")


# ---------------------------------------------------------------------------
# Results
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Reference:
    """A recognised document reference.

    ``text[start:end] == raw``; the span covers the kind word and connector when
    present ("Chỉ thị số 12-CT/TW"), otherwise just the symbol.
    """

    start: int
    end: int
    symbol: str
    kind: str
    raw: str

    @property
    def slug(self) -> str:
        return symbol_slug(self.symbol)


@dataclass(frozen=True)
class AmbiguousReference:
    """A kind word with a bare number ("Hướng dẫn số 780"): not resolvable.

    ``line`` is 1-based, for "file:line" warnings.
    """

    start: int
    end: int
    kind: str
    number: str
    raw: str
    line: int


# ---------------------------------------------------------------------------
# Canonicalisation
# ---------------------------------------------------------------------------


def _is_party(issuer: str) -> bool:
    return issuer in PARTY_ISSUERS or issuer.endswith(("TW", "TU"))


def _canon_issuer(written: str) -> tuple[str, str]:
    parts = [p.upper() for p in _SPACES.sub("", written).split("-")]
    parts = [_ISSUER_CANON.get(p, p) for p in parts]
    return "-".join(parts), parts[0]


def _looks_upper(written: str) -> bool:
    return (
        written == written.upper()
        or written in _TYPE_CANON.values()
        or (written in _ISSUER_CANON.values())
    )


def _canonical(m: re.Match) -> tuple[str, str | None] | None:
    """(canonical symbol, kind key or None) for a symbol match, or None to reject."""
    num = m["num"]
    if m["year"]:
        if m["qh"]:
            return f"{num}/{m['year']}/{m['qh'].upper()}", None
        wtype, wiss = m["ytype"], m["yiss"]
    elif m["ptype"]:
        wtype, wiss = m["ptype"], m["piss"]
    else:
        wtype, wiss = m["stype"], m["siss"]
    code = _TYPE_CANON[wtype.upper()]
    issuer, base = _canon_issuer(wiss)
    written_upper = _looks_upper(wtype) and all(_looks_upper(p) for p in wiss.split("-"))
    if not written_upper and base not in _KNOWN_ISSUERS:
        # Lower/mixed case is accepted only with a known issuer ("12-ct/tw").
        return None
    kind = KINDS[code].key
    if m["year"]:
        return f"{num}/{m['year']}/{code}-{issuer}", kind
    if _is_party(base):
        party = True
    elif base in STATE_ISSUERS:
        party = False
    else:
        party = bool(m["ptype"])
    symbol = f"{num}-{code}/{issuer}" if party else f"{num}/{code}-{issuer}"
    return symbol, kind


def canonical_symbol(text: str) -> str | None:
    """Canonical form of a single symbol such as ``"12/ct-TW"``; None if not one."""
    m = _SYMBOL_FULL.fullmatch(unicodedata.normalize("NFC", text.strip()))
    if not m:
        return None
    result = _canonical(m)
    return result[0] if result else None


def symbol_slug(symbol: str) -> str:
    """ASCII path slug of a symbol: "12-CT/TW" → "12-ct-tw", "01/QĐ-UBND" → "01-qd-ubnd"."""
    return slugify(symbol)


# ---------------------------------------------------------------------------
# Finding
# ---------------------------------------------------------------------------


def _nfc_with_map(text: str) -> tuple[str, list[int] | None]:
    """NFC text and, if it differs from ``text``, map NFC index → original index."""
    if unicodedata.is_normalized("NFC", text):
        return text, None
    out: list[str] = []
    index: list[int] = []
    i, n = 0, len(text)
    combining = unicodedata.combining
    while i < n:
        j = i + 1
        while j < n and combining(text[j]):
            j += 1
        seg = unicodedata.normalize("NFC", text[i:j])
        out.append(seg)
        index.extend([i] * len(seg))
        i = j
    index.append(n)
    return "".join(out), index


def _url_spans(text: str) -> list[tuple[int, int]]:
    if "://" not in text and "www." not in text and "WWW." not in text:
        return []
    return [m.span() for m in _URL.finditer(text)]


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def _word_kind(word: str) -> str:
    return _WORD_KIND.get(" ".join(fold(word).split()), "document")


def _prefix(norm: str, s: int) -> tuple[int, str, bool] | None:
    """Kind word (+ connector) ending right before ``norm[s]``: (start, word, has_conn)."""
    j = s - 1
    while j >= 0 and norm[j] in _BLANKS:
        j -= 1
    if j < 0 or norm[j] not in _LAST_CHARS:
        return None
    lo = max(0, s - _PREFIX_WINDOW)
    rev = norm[lo:s][::-1]
    m = _PREFIX_REV.match(rev)
    if not m:
        return None
    return s - m.end(), m["kind"][::-1], m["conn"] is not None


def _scan(text: str) -> tuple[str, list[int] | None, list[tuple[int, int, str, str]]]:
    """Find references in NFC coordinates: (start, end, symbol, kind)."""
    norm, index = _nfc_with_map(text)
    found: list[tuple[int, int, str, str]] = []
    if not _HAS_DIGIT.search(norm):
        return norm, index, found
    urls = _url_spans(norm)
    for m in _SYMBOL.finditer(norm):
        s, e = m.span()
        if urls and _inside(urls, s, e):
            continue
        result = _canonical(m)
        if result is None:
            continue
        symbol, kind = result
        p = _prefix(norm, s)
        if p:
            s = p[0]
            if kind is None:
                kind = _word_kind(p[1])
        found.append((s, e, symbol, kind or "document"))
    return norm, index, found


def _to_original(index: list[int] | None, s: int, e: int) -> tuple[int, int]:
    return (s, e) if index is None else (index[s], index[e])


def _references(text: str, index, found) -> list[Reference]:
    refs = []
    for s, e, symbol, kind in found:
        s, e = _to_original(index, s, e)
        refs.append(Reference(s, e, symbol, kind, text[s:e]))
    return refs


def find_references(text: str) -> list[Reference]:
    """All full document references in ``text``, in order of appearance."""
    _, index, found = _scan(text)
    return _references(text, index, found)


def scan(text: str) -> tuple[list[Reference], list[AmbiguousReference]]:
    """``(find_references(text), find_ambiguous(text))`` in one pass."""
    norm, index, found = _scan(text)
    return _references(text, index, found), _ambiguous(text, norm, index, found)


def find_ambiguous(text: str) -> list[AmbiguousReference]:
    """Kind word + bare number ("Hướng dẫn số 780", "Directive No. 12").

    Reported when a connector (số/No./…) is present, or when the kind word is
    capitalised and the number is neither a year (1900–2099) nor date-like
    ("Kế hoạch 2024", "Thông báo 27/5" are not reported).  Phrases that are part
    of a full reference are never reported.
    """
    norm, index, found = _scan(text)
    return _ambiguous(text, norm, index, found)


def _ambiguous(text, norm, index, found) -> list[AmbiguousReference]:
    out: list[AmbiguousReference] = []
    if not _HAS_DIGIT.search(norm):
        return out
    for m in _BARE_NUMBER.finditer(norm):
        ns, e = m.span()
        p = _prefix(norm, ns)
        if p is None:
            continue
        s, word, has_conn = p
        if any(fs < e and s < fe for fs, fe, _, _ in found):
            continue
        number = m.group()
        if not has_conn:
            if not word[0].isupper():
                continue
            parts = _NUMBER_PARTS.split(number)
            if all(x.isdigit() for x in parts) and (
                len(parts) > 1 or (len(number) == 4 and number[:2] in ("19", "20"))
            ):
                continue
        s, e = _to_original(index, s, e)
        out.append(
            AmbiguousReference(
                s, e, _word_kind(word), number, text[s:e], text.count("\n", 0, s) + 1
            )
        )
    return out

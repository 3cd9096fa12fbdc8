"""Small Vietnamese text helpers shared by plugins (slugs, search, lookups).

No Pelican import; pure standard library.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["TONE_MARKS", "fold", "slugify"]

# Combining marks that carry the five Vietnamese tones (grave, acute, tilde,
# hook above, dot below).  Vowel-quality marks (circumflex, breve, horn) are
# different combining characters and are not tones.
TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")

_D_MAP = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "Ð": "d"})
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """Remove all diacritics (tones and vowel marks), map đ→d, lowercase.

    >>> fold("Thừa Thiên Huế")
    'thua thien hue'
    >>> fold("ĐẮK LẮK")
    'dak lak'

    Characters without an ASCII base (dashes, CJK, …) are kept as they are.
    """
    decomposed = unicodedata.normalize("NFD", text.translate(_D_MAP))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped).lower()


def slugify(text: str) -> str:
    """ASCII slug: fold, then runs of anything but [a-z0-9] become one hyphen.

    >>> slugify("Hội nghị Cụm 3 tại Khánh Hòa")
    'hoi-nghi-cum-3-tai-khanh-hoa'
    """
    return _NON_ALNUM.sub("-", fold(text)).strip("-")

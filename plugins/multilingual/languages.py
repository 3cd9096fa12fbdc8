"""The site's languages: codes, BCP 47 tags, endonyms and URL prefixes, from Babel's locale data."""

from dataclasses import dataclass, field

from babel import Locale

import contract


@dataclass(frozen=True)
class Language:
    code: str  # the code in file names, metadata and URLs: "zh"
    tag: str  # the BCP 47 tag for lang/hreflang attributes: "zh-Hans"
    locale: Locale = field(compare=False, repr=False)
    name: str = field(compare=False)  # endonym, e.g. "Tiếng Việt"
    prefix: str = ""  # URL prefix of the language tree: "" for the default, "en/" otherwise
    words: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def is_default(self) -> bool:
        return self.prefix == ""


def endonym(locale: Locale) -> str:
    name = locale.get_display_name(locale) or locale.language
    # Babel gives "français"; a language menu capitalises it like a proper name.
    return name[:1].upper() + name[1:]


def make_languages(codes=contract.LANGUAGES, default=contract.DEFAULT_LANG) -> dict[str, Language]:
    languages = {}
    for code in codes:
        tag = contract.LANGUAGE_TAGS.get(code, code)
        locale = Locale.parse(tag.replace("-", "_"))
        languages[code] = Language(
            code=code,
            tag=tag,
            locale=locale,
            name=endonym(Locale.parse(code)),
            prefix="" if code == default else f"{code}/",
            words=contract.PATH_WORDS.get(code, contract.PATH_WORDS["*"]),
        )
    return languages

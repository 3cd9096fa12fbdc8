"""One page of every template type in every language tree of the sample site.

KINDS maps a template type to a function (site root, language) -> URL. Adding a template type is
one line. Every row must resolve to an existing page.
"""

from pathlib import Path

import contract
from press.browser import first_article_url


def prefix(lang: str) -> str:
    return "" if lang == contract.DEFAULT_LANG else f"{lang}/"


def word(lang: str, key: str) -> str:
    words = contract.PATH_WORDS.get(lang, contract.PATH_WORDS["*"])
    return words.get(key, key)  # a type without a path word yet uses its own name


def listing(key: str):
    """The listing page of `key` (/<lang>/<word>/)."""
    return lambda root, lang: f"/{prefix(lang)}{word(lang, key)}/"


def first_child(key: str):
    """The first page under /<lang>/<word>/ (a category, a tag, a year ...)."""

    def resolve(root: Path, lang: str) -> str | None:
        folder = root / prefix(lang) / word(lang, key)
        children = sorted(p.parent for p in folder.glob("*/index.html"))
        # Pagination folders are numbers; so are archive years and cluster numbers.
        children = [c for c in children if not c.name.isdigit() or key in ("archive", "clusters")]
        if not children:
            return None
        return "/" + children[0].relative_to(root).as_posix() + "/"

    return resolve


def translated(vi_url: str):
    """The page in this language, else the original the language tree links to."""

    def resolve(root: Path, lang: str) -> str:
        own = f"/{prefix(lang)}{vi_url.lstrip('/')}"
        return own if (root / own.lstrip("/") / "index.html").exists() else vi_url

    return resolve


def edition(index: bool):
    """An edition page (or the editions index); trees without editions link to vi's."""

    def resolve(root: Path, lang: str) -> str | None:
        from editions import WORDS

        for code in dict.fromkeys((lang, contract.DEFAULT_LANG)):
            word_ = WORDS.get(code, WORDS["*"])[0]
            folder = root / prefix(code) / word_
            if index and (folder / "index.html").exists():
                return f"/{prefix(code)}{word_}/"
            children = sorted(p.parent.name for p in folder.glob("*/index.html"))
            if not index and children:
                return f"/{prefix(code)}{word_}/{children[0]}/"
        return None

    return resolve


KINDS = {
    "home": lambda root, lang: f"/{prefix(lang)}",
    "article": lambda root, lang: first_article_url(root, prefix(lang)),
    "category": first_child("category"),
    "tag": first_child("tag"),
    "author": first_child("author"),
    "archive": listing("archive"),
    "archive-year": first_child("archive"),
    "gallery": listing("gallery"),
    "links": listing("links"),
    "page": translated("/gioi-thieu/"),
    "404": lambda root, lang: f"/{prefix(lang)}404.html",
    "search": listing("search"),
    "editions": edition(index=True),
    "edition": edition(index=False),
    "documents": listing("documents"),
    "document": first_child("documents"),
    "province": first_child("provinces"),
    "cluster": first_child("clusters"),
    "events": listing("events"),
}
CASES = [(kind, lang) for kind in KINDS for lang in contract.LANGUAGES]
IDS = [f"{kind}-{lang}" for kind, lang in CASES]


def exists(root: Path, url: str) -> bool:
    path = url.lstrip("/")
    return (root / (path + "index.html" if path == "" or path.endswith("/") else path)).is_file()


def resolve(root: Path, kind: str, lang: str) -> str:
    """The URL of this kind's page in this language."""
    url = KINDS[kind](root, lang)
    if url and exists(root, url):
        return url
    raise AssertionError(f"the {kind} page of the {lang} tree is missing: {url}")

"""Cited documents: links in article bodies, a page per document, a documents index.

* After Pelican reads the content, every reference in an article's (or page's) body
  ("Chỉ thị số 12-CT/TW", "Directive No. 12-CT/TW", "Chỉ thị 12/CT-TW", …, see
  ``symbols``) is linked to the document's page in the article's own language tree;
  headings, links and code are left alone. ``article.documents`` lists the canonical
  symbols an article cites. Ambiguous references ("Hướng dẫn số 780") are left as
  text and reported as warnings naming the file and line.
* Registry entries in ``content/directives/<slug>.<lang>.md`` (keys Title, Symbol,
  Kind, Issuer, Issued, Lang; the body is a short description) give a document its
  metadata; they are read with Pelican's Markdown reader. A document cited but not
  registered still gets a page from its symbol; the build lists such documents once.
* Every language tree gets a page per cited document (``van-ban/<slug>/`` in
  Vietnamese, ``<lang>/documents/<slug>/`` elsewhere) listing the citing articles,
  newest first, and a documents index grouped by kind, with citation counts.
"""

from __future__ import annotations

import datetime
import hashlib
import logging
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import picklecache
from pelican import signals
from pelican.readers import Readers

import contract
from contract import N_
from multilingual.site import OutputPage, tree_pages_signal

from .linking import link_html, source_line
from .symbols import KIND_NAMES, canonical_symbol, symbol_slug

logger = logging.getLogger(__name__)

# Kind key (symbols.KIND_NAMES) -> interface label, translated through the catalogs.
KIND_LABELS = {
    "directive": N_("Directive"),
    "resolution": N_("Resolution"),
    "conclusion": N_("Conclusion"),
    "official-letter": N_("Official letter"),
    "plan": N_("Plan"),
    "guideline": N_("Guideline"),
    "regulation": N_("Regulation"),
    "decision": N_("Decision"),
    "notice": N_("Notice"),
    "report": N_("Report"),
    "programme": N_("Programme"),
    "decree": N_("Decree"),
    "circular": N_("Circular"),
    "rules": N_("Rules"),
    "law": N_("Law"),
    "document": N_("Document"),
}
KIND_ORDER = list(KIND_LABELS)
assert set(KIND_LABELS) == set(KIND_NAMES), "a kind without an interface label"

REGISTRY_FOLDER = "directives"
CONTEXT_KEY = "documents"
ISSUED = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def document_url(code: str, slug: str) -> str:
    """Site-relative URL of a document's page in the tree of language `code`."""
    if code not in contract.LANGUAGES:
        code = contract.DEFAULT_LANG
    prefix = "" if code == contract.DEFAULT_LANG else f"{code}/"
    words = contract.PATH_WORDS.get(code, contract.PATH_WORDS["*"])
    return f"{prefix}{words['documents']}/{slug}/"


def index_url(code: str) -> str:
    prefix = "" if code == contract.DEFAULT_LANG else f"{code}/"
    words = contract.PATH_WORDS.get(code, contract.PATH_WORDS["*"])
    return f"{prefix}{words['documents']}/"


@dataclass(frozen=True)
class Entry:
    """A registry entry: what is known about a document, in one language."""

    symbol: str
    lang: str
    title: str | None
    issuer: str | None
    issued: datetime.date | None
    kind: str | None
    description: str  # HTML from our Markdown pipeline
    source: str  # path relative to the content folder


@dataclass(frozen=True)
class Document:
    """One document as a language tree shows it."""

    symbol: str
    slug: str
    kind: str
    kind_label: str
    url: str
    entry: Entry | None  # in the tree's language when there is one
    articles: tuple = ()  # citing articles of the tree, newest first

    @property
    def registered(self) -> bool:
        return self.entry is not None


@dataclass(frozen=True)
class KindGroup:
    kind: str
    label: str
    documents: tuple


@dataclass
class Registry:
    entries: dict = field(default_factory=dict)  # symbol -> {lang: Entry}

    def entry(self, symbol, code):
        versions = self.entries.get(symbol) or {}
        for candidate in (code, "en", contract.DEFAULT_LANG):
            if candidate in versions:
                return versions[candidate]
        return next(iter(versions.values()), None)


# ---------------------------------------------------------------------------
# Reading the registry
# ---------------------------------------------------------------------------


def _meta_text(metadata, key):
    value = metadata.get(key)
    if value is None:
        return None
    return str(value).strip() or None


def read_registry(settings) -> Registry:
    registry = Registry()
    folder = Path(settings["PATH"]) / REGISTRY_FOLDER
    if not folder.is_dir():
        return registry
    readers = Readers(settings)
    reader = readers.readers.get("md")
    for path in sorted(folder.glob("*.md")):
        relative = os.path.relpath(path, settings["PATH"])
        try:
            body, metadata = reader.read(str(path))
        except Exception as error:  # an unreadable file is one clear message, not a crash
            logger.error("%s: cannot read this registry entry: %s", relative, error)
            continue
        written = _meta_text(metadata, "symbol")
        symbol = canonical_symbol(written or "")
        if symbol is None:
            logger.error(
                "%s: Symbol: %r is not a document symbol; write it as in the document, "
                "e.g. 12-CT/TW or 3935/KH-UBND",
                relative,
                written or "",
            )
            continue
        kind = _meta_text(metadata, "kind")
        if kind is not None and kind not in KIND_NAMES:
            logger.error(
                "%s: Kind: %r is not a known kind; allowed: %s",
                relative,
                kind,
                ", ".join(KIND_ORDER),
            )
            continue
        issued_text = _meta_text(metadata, "issued")
        issued = None
        if issued_text is not None:
            try:
                if not ISSUED.match(issued_text):
                    raise ValueError
                issued = datetime.date.fromisoformat(issued_text)
            except ValueError:
                logger.error("%s: Issued: %r must be a date YYYY-MM-DD", relative, issued_text)
                continue
        lang = _meta_text(metadata, "lang") or path.name.split(".")[-2]
        if lang not in contract.LANGUAGES:
            logger.error(
                "%s: Lang: %r is not one of %s", relative, lang, ", ".join(contract.LANGUAGES)
            )
            continue
        title = metadata.get("title")
        registry.entries.setdefault(symbol, {})[lang] = Entry(
            symbol=symbol,
            lang=lang,
            title=str(title).strip() if title else None,
            issuer=_meta_text(metadata, "issuer"),
            issued=issued,
            kind=kind,
            description=body or "",
            source=relative,
        )
    return registry


# ---------------------------------------------------------------------------
# Linking article bodies
# ---------------------------------------------------------------------------


def _body_offset(raw: str) -> int:
    """Where the Markdown body starts, after the `Key: value` header."""
    match = re.search(r"\n[ \t]*\n", raw)
    return match.end() if match else 0


def acknowledged(settings) -> set:
    """References editors have marked as known to have no full symbol (DOCUMENTS setting)."""
    names = settings.get("DOCUMENTS", {}).get("acknowledged", [])
    if not isinstance(names, (list, tuple)) or not all(isinstance(n, str) for n in names):
        raise ValueError("DOCUMENTS['acknowledged'] must be a list of reference texts")
    return {" ".join(name.split()).casefold() for name in names}


def warn_ambiguous(content, ambiguous, settings):
    """Warn about references without a full symbol, naming file and line. A reference listed
    in DOCUMENTS["acknowledged"] is only noted (INFO): editors know it cannot be linked, and a
    strict build (CI) should not fail on it again and again."""
    if not ambiguous:
        return
    known = acknowledged(settings)
    relative = os.path.relpath(content.source_path, settings["PATH"])
    try:
        raw = Path(content.source_path).read_text(encoding="utf-8")
    except OSError:
        raw = ""
    body = _body_offset(raw)
    seen = set()
    for reference in ambiguous:
        line = source_line(raw[body:], reference.raw)
        line = (
            line + raw.count("\n", 0, body) if line is not None else source_line(raw, reference.raw)
        )
        key = (reference.raw, line)
        if key in seen:
            continue
        seen.add(key)
        level = (
            logging.INFO if " ".join(reference.raw.split()).casefold() in known else logging.WARNING
        )
        logger.log(
            level,
            "%s:%s: ambiguous document reference %r: it has no full symbol "
            "(such as 12-CT/TW or 3935/KH-UBND), so it is not linked",
            relative,
            line if line is not None else "?",
            reference.raw,
        )


class LinkCache:
    """`link_html`'s results of the last build, by HTML and language: on a rebuild almost
    every article is unchanged, and linking 2,000 of them cost 0.5 s. Kept in
    <CACHE_PATH>/document-links.pickle under a fingerprint of this plugin's code, the
    contract and SITEURL (all a link depends on)."""

    def __init__(self, settings):
        self.siteurl = settings.get("SITEURL", "")
        self.path = Path(settings["CACHE_PATH"]) / "document-links.pickle"
        digest = hashlib.sha256(self.siteurl.encode())
        for path in [*sorted(Path(__file__).parent.glob("*.py")), Path(contract.__file__)]:
            digest.update(path.read_bytes())
        self.fingerprint = digest.hexdigest()
        self.previous = picklecache.load(self.path, self.fingerprint)
        self.current = {}

    def link(self, source: str, code: str):
        key = hashlib.sha256(f"{code}\0{source}".encode("utf-8", "surrogatepass")).digest()
        result = self.current.get(key) or self.previous.get(key)
        if result is None:
            siteurl = self.siteurl

            def href(slug):
                return f"{siteurl}/{document_url(code, slug)}"

            result = link_html(source, href)
        self.current[key] = result
        return result

    def save(self):
        picklecache.save(self.path, self.fingerprint, self.current)


_link_cache = None  # this build's, from the articles' step to the pages' step


def link_content(content, links: LinkCache, settings):
    """Link the references of one article or page; remember what it cites."""
    code = getattr(content, "lang", contract.DEFAULT_LANG)
    linked, refs, ambiguous = links.link(content._content or "", code)
    if refs:
        content._content = linked
    symbols = []
    for ref in refs:
        if ref.symbol not in symbols:
            symbols.append(ref.symbol)
    content.documents = tuple(symbols)
    content.document_kinds = {ref.symbol: ref.kind for ref in refs}
    warn_ambiguous(content, ambiguous, settings)


def link_articles(generator):
    global _link_cache
    _link_cache = LinkCache(generator.settings)
    for article in (*generator.articles, *generator.translations):
        link_content(article, _link_cache, generator.settings)
    kinds = {}
    for article in (*generator.articles, *generator.translations):
        for symbol, kind in article.document_kinds.items():
            kinds.setdefault(symbol, kind)
    registry = read_registry(generator.settings)
    generator.context[CONTEXT_KEY] = {"registry": registry, "kinds": kinds}
    unregistered = sorted(set(kinds) - set(registry.entries))
    if unregistered:
        logger.info(  # INFO: a strict publish fails on warnings, and this is not a fault
            "Documents cited but not registered in %s/ (their pages show the symbol only): %s",
            REGISTRY_FOLDER,
            ", ".join(unregistered),
        )


def link_pages(generator):
    global _link_cache
    links = _link_cache or LinkCache(generator.settings)
    for page in (*generator.pages, *generator.translations):
        link_content(page, links, generator.settings)
    links.save()
    _link_cache = None


# ---------------------------------------------------------------------------
# Pages
# ---------------------------------------------------------------------------


def tree_documents(tree, data) -> list[Document]:
    registry, kinds = data["registry"], data["kinds"]
    citing = {}
    for article in tree.articles:  # newest first
        for symbol in getattr(article, "documents", ()):
            citing.setdefault(symbol, []).append(article)
    documents = []
    for symbol in sorted(kinds, key=lambda s: symbol_slug(s)):
        entry = registry.entry(symbol, tree.lang.code)
        kind = (entry.kind if entry and entry.kind else None) or kinds[symbol]
        slug = symbol_slug(symbol)
        documents.append(
            Document(
                symbol=symbol,
                slug=slug,
                kind=kind,
                kind_label=KIND_LABELS.get(kind, KIND_LABELS["document"]),
                url=document_url(tree.lang.code, slug),
                entry=entry,
                articles=tuple(citing.get(symbol, ())),
            )
        )
    return documents


def document_pages(tree, context, settings):
    data = context.get(CONTEXT_KEY)
    if data is None:
        return []
    documents = tree_documents(tree, data)
    pages = [
        OutputPage(("document", doc.slug), tree.lang, doc.url, "document.html", {"document": doc})
        for doc in documents
    ]
    groups = []
    for kind in KIND_ORDER:
        members = tuple(d for d in documents if d.kind == kind)
        if members:
            groups.append(KindGroup(kind, KIND_LABELS[kind], members))
    pages.append(
        OutputPage(
            ("documents",),
            tree.lang,
            index_url(tree.lang.code),
            "documents.html",
            {"kind_groups": groups},
        )
    )
    return pages


def register():
    signals.article_generator_finalized.connect(link_articles)
    signals.page_generator_finalized.connect(link_pages)
    tree_pages_signal.connect(document_pages)

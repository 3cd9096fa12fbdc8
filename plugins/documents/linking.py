"""Link document references in HTML produced by our Markdown pipeline.

Pure Python (no Pelican). ``link_html(html, href)`` walks the text between tags and
wraps every recognised reference ("Chỉ thị số 12-CT/TW") in a link; text inside
headings, existing links, code, preformatted blocks, scripts and styles is left alone.
Ambiguous references ("Hướng dẫn số 780") are returned so the caller can warn.
"""

from __future__ import annotations

import html
import re

from .symbols import AmbiguousReference, Reference, scan

# Elements whose text is never linked.
SKIP = frozenset(
    {"a", "code", "pre", "kbd", "samp", "script", "style", "h1", "h2", "h3", "h4", "h5", "h6"}
)
VOID = frozenset({"br", "img", "hr", "input", "meta", "link", "wbr", "source", "area", "col"})
_TAG = re.compile(
    r"<!--.*?-->|<(/?)([a-zA-Z][a-zA-Z0-9]*)\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*?(/?)>", re.S
)
_DIGIT = re.compile(r"[0-9]")


def link_text(text_html: str, href) -> tuple[str, list[Reference], list[AmbiguousReference]]:
    """Link references in one HTML text node (entities allowed)."""
    if not _DIGIT.search(text_html):
        return text_html, [], []
    plain = html.unescape(text_html)
    refs, ambiguous = scan(plain)
    if not refs:
        return text_html, [], ambiguous
    out, last = [], 0
    for ref in refs:
        out.append(html.escape(plain[last : ref.start], quote=False))
        out.append(
            f'<a class="document-ref" href="{html.escape(href(ref.slug))}">'
            f"{html.escape(ref.raw, quote=False)}</a>"
        )
        last = ref.end
    out.append(html.escape(plain[last:], quote=False))
    return "".join(out), refs, ambiguous


def link_html(source: str, href) -> tuple[str, list[Reference], list[AmbiguousReference]]:
    """(linked HTML, references linked, ambiguous references) for an HTML fragment.

    ``href(slug)`` gives the URL of a document's page.
    """
    out, refs, ambiguous = [], [], []
    skipping = []  # open elements whose text must not be linked

    def text_node(text):
        if skipping:
            out.append(text)
            return
        linked, found, unclear = link_text(text, href)
        out.append(linked)
        refs.extend(found)
        ambiguous.extend(unclear)

    last = 0
    for match in _TAG.finditer(source):
        if match.start() > last:
            text_node(source[last : match.start()])
        out.append(match.group())
        last = match.end()
        closing, name, self_closing = match.group(1), (match.group(2) or "").lower(), match.group(3)
        if not name or name not in SKIP or self_closing or name in VOID:
            continue
        if closing:
            if name in skipping:
                # close up to the most recent element of that name
                index = len(skipping) - 1 - skipping[::-1].index(name)
                del skipping[index:]
        else:
            skipping.append(name)
    if last < len(source):
        text_node(source[last:])
    return "".join(out), refs, ambiguous


_WS = re.compile(r"\s+")


def source_line(raw_source: str, phrase: str) -> int | None:
    """1-based line of ``phrase`` in a Markdown source (whitespace may differ), or None."""
    index = raw_source.find(phrase)
    if index < 0:
        words = [re.escape(w) for w in phrase.split()]
        if not words:
            return None
        found = re.search(r"\s+".join(words), raw_source)
        if not found:
            return None
        index = found.start()
    return raw_source.count("\n", 0, index) + 1

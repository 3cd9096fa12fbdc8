"""Checks on the Markdown source of a body (or a header value): raw HTML and links.

The source is scanned directly, without running Markdown: code spans and fenced code
blocks are blanked out first (keeping line numbers), then raw HTML tags and Markdown
links are found with their line numbers.
"""

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlsplit

# Raw HTML an editor may write; anything else is reported.
ALLOWED_TAGS = frozenset(
    [
        "a",
        "abbr",
        "b",
        "blockquote",
        "br",
        "caption",
        "cite",
        "code",
        "dd",
        "del",
        "details",
        "div",
        "dl",
        "dt",
        "em",
        "figcaption",
        "figure",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "i",
        "img",
        "ins",
        "kbd",
        "li",
        "mark",
        "ol",
        "p",
        "pre",
        "q",
        "s",
        "small",
        "span",
        "strong",
        "sub",
        "summary",
        "sup",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "time",
        "tr",
        "u",
        "ul",
    ]
)
ALLOWED_ATTRIBUTES = frozenset(
    [
        "href",
        "src",
        "alt",
        "title",
        "class",
        "id",
        "lang",
        "dir",
        "datetime",
        "cite",
        "colspan",
        "rowspan",
        "scope",
        "width",
        "height",
        "hreflang",
        "start",
    ]
)
URL_ATTRIBUTES = ("href", "src", "cite")
SAFE_SCHEMES = ("http", "https", "mailto", "tel")

FENCE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})")
CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
# [text](target "title") and ![alt](target); reference definitions [id]: target
INLINE_LINK = re.compile(
    r"(?P<bang>!?)\[(?P<text>[^\]]*)\]\(\s*<?(?P<target>(?:[^()\s>]|\([^()\s]*\))*)>?(?:\s+[\"'(][^)]*)?\)"
)
# One pattern starting with a literal "[", so the regex engine can skip to candidates fast.
LINK_OR_REFERENCE = re.compile(
    r"\[(?P<text>[^\]\n]*)\]"
    r"(?:\(\s*<?(?P<target>(?:[^()\s>]|\([^()\s]*\))*)>?(?:\s+[\"'(][^)]*)?\)"
    r"|:[ \t]*<?(?P<ref>[^\s>]+)>?)"
)


@dataclass
class Finding:
    line: int
    field: str
    message: str
    allowed: str


@dataclass
class Link:
    line: int
    target: str
    image: bool
    alt: str | None  # alt text of an image (None for links)


def blank_code(text: str) -> str:
    """The text with code blocks and code spans replaced by spaces, line numbers kept."""
    if (
        "`" not in text
        and "~~~" not in text
        and "\n    " not in text
        and not text.startswith("    ")
    ):
        return text
    out = []
    fence = None
    for line in text.split("\n"):
        match = FENCE.match(line)
        if fence:
            if match and match[1][0] == fence[0] and len(match[1]) >= len(fence):
                fence = None
            out.append("")
            continue
        if match:
            fence = match[1]
            out.append("")
            continue
        if line.startswith("    ") and (not out or out[-1].strip() == "" or out[-1] == "\0"):
            out.append("\0")  # an indented code block (after a blank line)
            continue
        out.append(CODE_SPAN.sub(lambda m: " " * len(m[0]), line))
    return "\n".join("" if line == "\0" else line for line in out)


def check_url(url: str, line: int, field: str) -> Finding | None:
    """A URL in raw HTML or Markdown: only safe schemes."""
    if url.startswith(("https://", "http://", "{", "/", "#")):
        return None
    cleaned = "".join(url.split()).lower()
    scheme = urlsplit(cleaned).scheme if ":" in cleaned.split("/", 1)[0] else ""
    if scheme and scheme not in SAFE_SCHEMES:
        return Finding(
            line,
            field,
            f"the URL {url!r} uses the scheme '{scheme}:'",
            "http:, https:, mailto:, tel: or a path in the site",
        )
    return None


class _Scanner(HTMLParser):
    def __init__(self, field, first_line, iframe_hosts):
        super().__init__(convert_charrefs=True)
        self.field = field
        self.first_line = first_line
        self.iframe_hosts = iframe_hosts
        self.findings: list[Finding] = []
        self.links: list[Link] = []

    def line(self):
        return self.first_line + self.getpos()[0] - 1

    def report(self, message, allowed):
        self.findings.append(Finding(self.line(), self.field, message, allowed))

    def handle_starttag(self, tag, attrs):
        self.check_tag(tag, attrs)

    def handle_startendtag(self, tag, attrs):
        self.check_tag(tag, attrs)

    def check_tag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "iframe":
            host = urlsplit(attributes.get("src") or "").hostname or ""
            if host not in self.iframe_hosts:
                allowed = (
                    ", ".join(sorted(self.iframe_hosts))
                    or "none are allowed in VALIDATION['iframe_hosts']"
                )
                self.report(
                    f"raw HTML <iframe> from {host or 'no host'!r} is not allowed",
                    f"iframes from: {allowed}",
                )
        elif tag not in ALLOWED_TAGS:
            self.report(f"raw HTML <{tag}> is not allowed", "Markdown, or the tags " + _TAG_LIST)
            return  # one message for the tag, none for its attributes
        for name, value in attrs:
            if name.startswith("on"):
                self.report(
                    f"the event attribute {name}= on <{tag}> is not allowed",
                    "no scripts in content",
                )
            elif name == "style":
                self.report(
                    f"the attribute style= on <{tag}> is not allowed",
                    "the theme's styles, no style attributes",
                )
            elif name in URL_ATTRIBUTES and value is not None:
                finding = check_url(value, self.line(), self.field)
                if finding:
                    self.findings.append(finding)
                elif tag != "iframe":
                    self.links.append(
                        Link(
                            self.line(),
                            value,
                            tag == "img",
                            attributes.get("alt") if tag == "img" else None,
                        )
                    )
            elif name not in ALLOWED_ATTRIBUTES and not name.startswith(("aria-", "data-")):
                self.report(
                    f"the attribute {name}= on <{tag}> is not allowed",
                    "attributes " + ", ".join(sorted(ALLOWED_ATTRIBUTES)),
                )
        if tag == "img" and not (attributes.get("alt") or "").strip():
            self.report("the picture has no alt text", 'alt="what the picture shows"')


_TAG_LIST = ", ".join(sorted(ALLOWED_TAGS))


def scan(
    text: str, first_line: int, field: str, iframe_hosts=()
) -> tuple[list[Finding], list[Link]]:
    """Findings and links of a Markdown text whose first line is `first_line` in its file."""
    source = blank_code(text)
    findings: list[Finding] = []
    links: list[Link] = []
    if "<" in source:
        scanner = _Scanner(field, first_line, frozenset(iframe_hosts))
        try:
            scanner.feed(source)
            scanner.close()
        except Exception as error:  # noqa: BLE001 - html.parser is lenient; be safe anyway
            findings.append(
                Finding(first_line, field, f"unreadable raw HTML ({error})", "well-formed HTML")
            )
        findings += scanner.findings
        links += scanner.links
    if "[" in source:
        counted, number = 0, first_line
        for match in LINK_OR_REFERENCE.finditer(source):
            number += source.count("\n", counted, match.start())
            counted = match.start()
            start = match.start()
            if match["target"] is not None:
                target = match["target"]
                bang = start > 0 and source[start - 1] == "!"
            else:  # a reference definition only at the start of a line
                line_start = source.rfind("\n", 0, start) + 1
                if source[line_start:start].strip(" ") or start - line_start > 3:
                    continue
                if match["text"].startswith("^"):
                    continue  # a footnote's text (Markdown extra), not a link
                target, bang = match["ref"], False
            finding = check_url(target, number, field)
            if finding:
                findings.append(finding)
                continue
            image = bang
            links.append(Link(number, target, image, match["text"] if image else None))
    return findings, links

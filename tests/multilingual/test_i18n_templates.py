"""No user-visible text in the theme's templates outside the translation functions.

Each template is split with Jinja's own lexer: the text between tags, with every tag,
expression and comment replaced by a marker, is parsed as HTML and its text nodes and
user-visible attributes (alt, title, aria-label, placeholder, button values) must hold no
letters; text inside `{% trans %}` blocks is translated and skipped. Jinja's AST is then
searched for string literals printed by `{{ … }}` outside `_()`/`ngettext()`.
"""

import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import pytest
from jinja2 import Environment, nodes

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "theme" / "templates"
MARK = "\ue000"  # stands for a Jinja tag or expression
VISIBLE_ATTRIBUTES = {"alt", "title", "aria-label", "aria-description", "placeholder", "label"}
# Text that is the same in every language: brand names and the font-size glyphs. Keep explicit.
SAME_IN_EVERY_LANGUAGE = {"Facebook", "Zalo", "X", "A−", "A", "A+"}
TRANSLATING_CALLS = {"_", "gettext", "ngettext", "pgettext", "npgettext"}

ENV = Environment(
    extensions=["jinja2.ext.i18n", "jinja2.ext.do", "jinja2.ext.loopcontrols"],
    trim_blocks=True,
    lstrip_blocks=True,
)


def has_letters(text: str) -> bool:
    return any(unicodedata.category(ch).startswith("L") for ch in text.replace(MARK, ""))


def skeleton(source: str) -> str:
    """The template with tags replaced by MARK (line numbers kept) and trans blocks emptied."""
    out, line, in_trans, expect_name = [], 1, 0, False
    for lineno, token, value in ENV.lex(source):
        if lineno > line:  # newlines inside tags, which the tokens do not carry
            out.append("\n" * (lineno - line))
            line = lineno
        if token == "data":
            if not in_trans:
                out.append(value)
            else:
                out.append("\n" * value.count("\n"))
            line += value.count("\n")
            continue
        if token == "block_begin":
            expect_name = True
            out.append(MARK)
            continue
        if token == "whitespace":
            continue
        if expect_name and token == "name":
            if value == "trans":
                in_trans += 1
            elif value == "endtrans":
                in_trans -= 1
        expect_name = False
        if token in ("variable_begin", "comment_begin", "raw_begin"):
            out.append(MARK)
    return "".join(out)


class _TextFinder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        attributes = dict(attrs)
        for name, value in attrs:
            visible = name in VISIBLE_ATTRIBUTES or (
                name == "value" and tag == "input"
                and attributes.get("type") in ("submit", "button", "reset")
            )
            if visible and value and has_letters(value):
                self.found.append((self.getpos()[0], f'{name}="{value}"'))

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if data.replace(MARK, " ").strip() in SAME_IN_EVERY_LANGUAGE:
            return
        if not self.skip and has_letters(data):
            self.found.append((self.getpos()[0], data.strip().replace(MARK, "…")))


def _printed_literals(node):
    """String constants that an output expression prints without translating them."""
    if isinstance(node, nodes.Const):
        if isinstance(node.value, str) and has_letters(node.value):
            yield node
    elif isinstance(node, nodes.Call):
        return  # _() translates; other calls (tree.url('home'), macros) take arguments
    elif isinstance(node, nodes.Filter):
        yield from _printed_literals(node.node)
        if node.name == "default":
            for arg in node.args:
                yield from _printed_literals(arg)
    elif isinstance(node, nodes.CondExpr):
        yield from _printed_literals(node.expr1)
        if node.expr2 is not None:
            yield from _printed_literals(node.expr2)
    elif isinstance(node, (nodes.Concat, nodes.Add)):
        for child in node.iter_child_nodes():
            yield from _printed_literals(child)


def untranslated_text(source: str) -> list:
    """[(line, text)] of user-visible text that does not go through the catalogs."""
    finder = _TextFinder()
    finder.feed(skeleton(source))
    finder.close()
    found = list(finder.found)
    for output in ENV.parse(source).find_all(nodes.Output):
        for child in output.nodes:
            if not isinstance(child, nodes.TemplateData):
                found += [(const.lineno, repr(const.value)) for const in _printed_literals(child)]
    return sorted(found)


TEMPLATE_FILES = sorted(p.relative_to(TEMPLATES).as_posix() for p in TEMPLATES.rglob("*.html"))


@pytest.mark.parametrize("name", TEMPLATE_FILES)
def test_template_has_no_text_outside_translation_functions(name):
    problems = untranslated_text((TEMPLATES / name).read_text(encoding="utf-8"))
    assert not problems, (
        f"theme/templates/{name}: user-visible text outside _()/{{% trans %}} "
        f"(line, text): {problems}"
    )


@pytest.mark.parametrize(
    "source",
    [
        "<p>Latest news</p>",
        '<a href="/">{{ _("Home") }}</a> | Archives',
        '<img src="x.jpg" alt="Logo of the union">',
        '<nav aria-label="Sections"></nav>',
        '<input type="submit" value="Search">',
        "{% if x %}\n  <span>Read more</span>\n{% endif %}",
        '{{ "Untitled" }}',
        '{{ title|default("Untitled") }}',
        "{% set link %}<a href=\"{{ url }}\">here</a>{% endset %}",
    ],
)
def test_scanner_finds_untranslated_text(source):
    assert untranslated_text(source), source


@pytest.mark.parametrize(
    "source",
    [
        '<p>{{ _("Latest news") }}</p>',
        "{% trans %}Latest news{% endtrans %}",
        "{% trans count=n %}{{ count }} article{% pluralize %}{{ count }} articles{% endtrans %}",
        '<a href="{{ url }}" title="{{ _(\'Home\') }}">{{ article.title }}</a> – 2024 · 1/2 (3)',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '{{ tree.url("archives") }} {{ items|join(", ") }}',
        "{# A comment for developers #}<p>{{ _(\"Page %(n)s\", n=1) }}:</p>",
        "<script src=\"/x.js\"></script><style>body { color: red }</style>",
    ],
)
def test_scanner_accepts_translated_text_punctuation_and_numbers(source):
    assert untranslated_text(source) == [], source

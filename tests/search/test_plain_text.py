"""search.plain_text (a regular expression) gives what Python's HTML parser gives for the
sanitised HTML of an article: the text, a tag separating words, a comment not."""

from html.parser import HTMLParser

from hypothesis import given
from hypothesis import strategies as st
from search.search import plain_text


class ParsedText(HTMLParser):
    """The reference: what plain_text computed with html.parser before."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []

    def handle_starttag(self, tag, attrs):
        self.parts.append(" ")

    def handle_endtag(self, tag):
        self.parts.append(" ")

    def handle_data(self, data):
        self.parts.append(data)


def parsed_text(fragment: str) -> str:
    parser = ParsedText()
    parser.feed(fragment)
    parser.close()
    return " ".join("".join(parser.parts).split())


WORDS = st.sampled_from(
    ["Đồng", "Tháp", "12-CT/TW", "a", " ", "\n", "&amp;", "&#8220;", "&nbsp;", "&lt;b&gt;", "x>y"]
)
ATTRIBUTES = st.sampled_from(
    ["", ' href="/van-ban/12-ct-tw/"', " title='a > b'", ' class="document-ref"', " hidden"]
)
TAGS = st.builds(
    lambda name, attributes, form: form.format(name=name, attributes=attributes),
    st.sampled_from(["p", "a", "em", "strong", "li", "h2", "br", "img"]),
    ATTRIBUTES,
    st.sampled_from(["<{name}{attributes}>", "</{name}>", "<{name}{attributes}/>"]),
)
COMMENTS = st.sampled_from(["<!-- ghi chú -->", "<!-- a > b -->", "<!---->"])
FRAGMENTS = st.lists(st.one_of(WORDS, TAGS, COMMENTS), max_size=25).map("".join)


@given(FRAGMENTS)
def test_plain_text_is_what_the_html_parser_reads(fragment):
    assert plain_text(fragment) == parsed_text(fragment)


def test_tags_separate_words_and_comments_do_not():
    assert plain_text("<p>Đồng</p><p>Tháp</p>") == "Đồng Tháp"
    assert plain_text("Đồng<!-- x -->Tháp &amp; <a title='a > b'>VUFO</a>") == "ĐồngTháp & VUFO"

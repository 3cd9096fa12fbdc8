"""Typogrify is on, and safe for Vietnamese: symbols, abbreviations and links survive."""

import smartypants
from hypothesis import given
from hypothesis import strategies as st

from readcache import SMARTYPANTS_TRIGGERS, skip_untouched_text

VI_ARTICLE = "/2024/hoi-nghi-cum-3-tai-khanh-hoa/"


def body(site):
    return site.html(VI_ARTICLE).select_one(".prose")


def test_document_symbols_and_abbreviations_are_left_whole(fixture_site):
    prose = body(fixture_site)
    text = prose.get_text()
    assert "12-CT/TW" in text
    assert "3935/KH-UBND" in text
    assert "VUFO" in text and "UBND" in text
    assert not prose.select("span.caps")


def test_links_survive(fixture_site):
    link = body(fixture_site).find("a", href="https://example.org/12-CT/TW")
    assert link is not None
    assert link.get_text() == "văn bản 12-CT/TW"


def test_quotes_and_dashes_are_typeset(fixture_site):
    text = body(fixture_site).get_text().replace("\xa0", " ")  # widont's no-break space
    assert "“đối ngoại nhân dân”" in text
    assert "—" in text  # from "--"
    assert '"' not in text


# Texts made of the characters smartypants' patterns look for and their neighbours, often
# without one step's trigger, where the shortcut answers instead of the step.
SMARTYPANTS_TEXT = st.text(alphabet=st.sampled_from(list("aạ 1.-'\"`\\&;#\n")), max_size=30)


@given(SMARTYPANTS_TEXT)
def test_smartypants_shortcut_returns_what_each_step_returns(text):
    skip_untouched_text(smartypants)
    for name in SMARTYPANTS_TRIGGERS:
        step = getattr(smartypants, name)
        assert step(text) == step.step(text), name

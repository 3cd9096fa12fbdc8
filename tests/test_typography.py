"""Typogrify is on, and safe for Vietnamese: symbols, abbreviations and links survive."""

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

"""Dates through Babel: Vietnamese portal style, other locales' own formats, ISO datetime."""

VI_ARTICLE = "/2024/hoi-nghi-cum-3-tai-khanh-hoa/"
EN_ARTICLE = "/en/2024/hoi-nghi-cum-3-tai-khanh-hoa/"


def test_vietnamese_article_date_line(fixture_site):
    time = fixture_site.html(VI_ARTICLE).select_one("article time")
    assert time.get_text() == "Thứ Tư, 28/02/2024 10:01"
    assert time["datetime"] == "2024-02-28T10:01:00+07:00"


def test_english_article_date_line(fixture_site):
    time = fixture_site.html(EN_ARTICLE).select_one("article time")
    assert time.get_text() == "Thursday, February 29, 2024, 9:30\u202fAM"
    assert time["datetime"] == "2024-02-29T09:30:00+07:00"


def test_list_dates_per_locale(fixture_site):
    assert (
        fixture_site.html("/chuyen-muc/hoi-nghi/").select_one(".article-item time").get_text()
        == "28/02/2024"
    )
    assert (
        fixture_site.html("/en/category/conferences/").select_one(".article-item time").get_text()
        == "Feb 29, 2024"
    )
    assert (
        fixture_site.html("/fr/category/conferences/").select_one(".article-item time").get_text()
        == "28 févr. 2024"
    )


def test_every_time_element_has_an_offset_datetime(fixture_site):
    for name in fixture_site.files():
        for time in fixture_site.html("/" + name).find_all("time"):
            assert time["datetime"].endswith("+07:00"), (name, time)

"""The portal theme's pages, built from tests/fixtures/portal (no browser needed)."""

import gzip
import json
import re

import pytest
from conftest import FIXTURES, build_site

from contract import LANGUAGES

VI_HOME, EN_HOME = "/", "/en/"
ARTICLE = "/2024/ban-tin-huu-nghi-so-12/"  # featured, local-activities, tags incl. Cụm 3
EN_ARTICLE = "/en/2024/ban-tin-huu-nghi-so-12/"
IMAGE_ARTICLE = "/2024/ban-tin-huu-nghi-so-13/"


def texts(nodes):
    return [n.get_text(" ", strip=True) for n in nodes]


def test_home_has_ticker_with_the_configured_messages_static_in_the_html(portal_site):
    ticker = portal_site.html(VI_HOME).select_one("[data-ticker]")
    items = texts(ticker.select(".ticker__list li"))
    assert items[0] == "Chào mừng bạn đọc đến với bản tin đối ngoại nhân dân."
    toggle = ticker.select_one("button.ticker__toggle")
    assert toggle.has_attr("hidden"), "the pause button appears only when the script runs"
    en = portal_site.html(EN_HOME).select_one("[data-ticker] .ticker__list li").get_text()
    assert en.startswith("Welcome")


def test_hot_news_lists_featured_articles_first(portal_site):
    hot = portal_site.html(VI_HOME).select(".hot-news .teaser__title a")
    assert [a["href"] for a in hot] == [
        "/2024/ban-tin-huu-nghi-so-12/",
        "/2024/ban-tin-huu-nghi-so-7/",
    ]


def test_hot_news_falls_back_to_the_newest_without_featured(tmp_path):
    content = tmp_path / "content"
    import shutil

    shutil.copytree(FIXTURES / "portal", content)
    for path in content.rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("Featured: true\n", ""), encoding="utf-8")
    site = build_site(content, tmp_path / "output")
    hot = site.html("/").select(".hot-news .teaser__title a")
    assert hot[0]["href"] == "/2024/ban-tin-huu-nghi-so-14/"
    assert len(hot) == 5


def test_home_lists_latest_of_each_category_and_upcoming_events_only(portal_site):
    home = portal_site.html(VI_HOME)
    conferences = home.select_one("#cat-conferences").find_parent("section")
    hrefs = [a["href"] for a in conferences.select(".teaser__title a")]
    assert hrefs == [
        "/2024/ban-tin-huu-nghi-so-10/",
        "/2024/ban-tin-huu-nghi-so-5/",
        "/2023/tong-ket-cong-tac-huu-nghi-nam-2023/",
    ]
    events = home.select(".events .event")
    # no. 2's event (2024-01-10) is before the newest article (2024-03-15): not upcoming.
    assert [e.select_one("a")["href"] for e in events] == [
        "/2024/ban-tin-huu-nghi-so-14/",
        "/2024/ban-tin-huu-nghi-so-11/",
    ]
    assert events[0].select_one("time")["datetime"] == "2024-04-20T08:00:00+07:00"
    assert events[0].select_one("time").get_text() == "Thứ Bảy, 20/04/2024 08:00"
    assert "Nha Trang, Khánh Hòa" in events[0].get_text()


def test_home_has_a_photo_strip_and_one_h1(portal_site):
    home = portal_site.html(VI_HOME)
    photos = home.select(".photo-strip img")
    assert [img["src"] for img in photos] == [
        "/images/2024/vien-tro.png",
        "/images/2024/giao-luu.png",
        "/images/2024/hoi-nghi.png",
    ]
    assert all(img["alt"] for img in photos)
    assert portal_site.path("/images/2024/vien-tro.png").exists()
    assert len(home.select("h1")) == 1


def test_article_page_parts(portal_site):
    page = portal_site.html(IMAGE_ARTICLE)
    crumbs = page.select("nav.breadcrumb li")
    assert texts(crumbs)[:2] == ["Trang chủ", "Hợp tác quốc tế"]
    assert crumbs[-1].select_one("[aria-current=page]")
    assert len(page.select("h1")) == 1
    assert page.select_one(".article-meta time").get_text() == "Thứ Năm, 14/03/2024 09:13"
    assert "Ban biên tập" in page.select_one(".byline").get_text()
    assert page.select_one(".source a")["href"] == "https://example.org/nguon"
    assert "Tóm tắt bản tin số 13" in page.select_one(".lead").get_text()
    figure = page.select_one("figure.figure")
    assert figure.img["alt"] == "Ảnh minh họa cho bản tin số 13"
    assert figure.figcaption.get_text() == "Ảnh minh họa cho bản tin số 13"
    places = texts(page.select(".places"))
    assert places == ["Tỉnh, thành: Thừa Thiên Huế"]
    cluster = portal_site.html(ARTICLE).select(".places")
    assert texts(cluster) == ["Tỉnh, thành: Lào Cai", "Cụm 3"]


def test_related_news_share_tags_newest_first_then_other_news_of_the_category(portal_site):
    page = portal_site.html(ARTICLE)
    related = [a["href"] for a in page.select(".related .teaser__title a")]
    # Every article sharing a tag, newest first, never the article itself.
    assert related == [f"/2024/ban-tin-huu-nghi-so-{n}/" for n in (14, 13, 11, 10, 9)]
    others = [a["href"] for a in page.select(".other-news .teaser__title a")]
    assert others and ARTICLE not in others and not set(others) & set(related)
    assert all(
        h in ("/2024/ban-tin-huu-nghi-so-7/", "/2024/ban-tin-huu-nghi-so-2/") for h in others
    )


def test_related_news_fill_up_from_the_category_when_tags_run_out(portal_site):
    # The 2023 article's only tag is shared by all; the English tree's no. 4 has a tag
    # shared only by the other English translations, then its category fills the list.
    related = [
        a["href"]
        for a in portal_site.html("/en/2024/ban-tin-huu-nghi-so-4/").select(
            ".related .teaser__title a"
        )
    ]
    assert related[:3] == [f"/en/2024/ban-tin-huu-nghi-so-{n}/" for n in (14, 13, 12)]
    assert related[3:] == ["/2024/ban-tin-huu-nghi-so-9/"]


def test_previous_and_next_within_the_tree(portal_site):
    nav = portal_site.html(ARTICLE).select_one("nav.prev-next")
    assert nav.select_one("a[rel=prev]")["href"] == "/2024/ban-tin-huu-nghi-so-11/"
    assert nav.select_one("a[rel=next]")["href"] == "/2024/ban-tin-huu-nghi-so-13/"
    en = portal_site.html(EN_ARTICLE).select_one("nav.prev-next a[rel=next]")
    assert en["href"] == "/en/2024/ban-tin-huu-nghi-so-13/"


def test_share_links_are_plain_links_and_print_waits_for_the_script(portal_site):
    share = portal_site.html(ARTICLE).select_one("nav.share")
    hrefs = [a["href"] for a in share.select("a")]
    assert hrefs[0].startswith("https://www.facebook.com/sharer/sharer.php?u=")
    assert any(h.startswith("https://zalo.me/") for h in hrefs)
    assert any(h.startswith("https://x.com/intent/post?url=") for h in hrefs)
    assert any(h.startswith("mailto:?subject=") for h in hrefs)
    assert share.select_one(".print-item").has_attr("hidden")


def test_no_inline_script_no_style_attributes_anywhere(portal_site):
    for name in portal_site.files():
        html = (portal_site.root / name).read_text(encoding="utf-8")
        page = portal_site.html("/" + name)
        for script in page.select("script"):
            if script.get("type") == "application/ld+json":  # data, never run (schema.org Event)
                assert "<" not in script.get_text() and json.loads(script.get_text()), name
                continue
            assert script.get("src", "").startswith("/theme/js/"), name
            assert not script.get_text().strip(), name
        assert not page.select("[style]"), name
        assert not re.search(r"\son[a-z]+=", html), name


@pytest.mark.parametrize("url", ["/", "/en/", ARTICLE, "/404.html", "/en/gallery/"])
def test_footer_on_every_page_with_contact_and_copyright_from_newest_article(portal_site, url):
    footer = portal_site.html(url).select_one("footer.site-footer")
    text = footer.get_text(" ", strip=True)
    assert "105A" in text
    assert "+84 000 000 000" in text and "+84 000 000 001" in text
    assert footer.select_one('a[href="mailto:lienhe@example.org"]')
    assert "© 2024" in footer.select_one(".copyright").get_text()


def test_partner_links_fall_back_to_english_marked_with_lang(portal_site):
    links = portal_site.html("/fr/links/").select(".partner-links a")
    assert links[0]["href"] == "https://vufo.org.vn"
    assert links[0]["lang"] == "en"
    vi_links = portal_site.html("/lien-ket/").select(".partner-links a")
    assert not vi_links[0].has_attr("lang")


def test_gallery_gathers_images_with_captions_linking_back(portal_site):
    for url, caption in (
        ("/thu-vien-anh/", "Ảnh minh họa cho bản tin số 13"),
        ("/en/gallery/", "Illustration for bulletin no. 13"),
    ):
        items = portal_site.html(url).select(".gallery figure")
        assert len(items) == 3
        assert items[0].figcaption.get_text() == caption
        assert items[0].a["href"].endswith("/2024/ban-tin-huu-nghi-so-13/")


def test_pagination_says_where_you_are(portal_site):
    page = portal_site.html("/luu-tru/2024/trang/2/")
    assert page.select_one(".pagination [aria-current=page]").get_text() == "Trang 2/5"
    assert (
        portal_site.html("/en/archive/2024/page/2/")
        .select_one(".pagination [aria-current=page]")
        .get_text()
        == "Page 2 of 5"
    )


def gzip_size(path):
    return len(gzip.compress(path.read_bytes(), 9))


def test_weight_budget_article_30kb_home_60kb_gzip(portal_site):
    assets = gzip_size(portal_site.root / "theme/css/main.css") + gzip_size(
        portal_site.root / "theme/js/site.js"
    )
    article = gzip_size(portal_site.path(ARTICLE)) + assets
    home = gzip_size(portal_site.path("/")) + assets
    print(f"article {article} B, home {home} B gzip")
    assert article <= 30 * 1024
    assert home <= 60 * 1024


def test_weight_budget_on_every_article_and_home_of_the_sample_site(sample_site):
    """Every article page (all trees) ≤ 30 KB and every home ≤ 60 KB, HTML + CSS + JS gzip."""
    root = sample_site.root
    assets = sum(gzip_size(p) for p in (*root.glob("theme/**/*.css"), *root.glob("theme/**/*.js")))
    articles = [p for p in root.glob("**/[12][0-9][0-9][0-9]/*/index.html")]
    homes = [root / "index.html", *(root / code / "index.html" for code in LANGUAGES[1:])]
    assert len(articles) >= 10 and len(homes) == 6
    heaviest = max(gzip_size(p) for p in articles) + assets
    home = max(gzip_size(p) for p in homes) + assets
    print(f"sample site: heaviest article {heaviest} B, heaviest home {home} B gzip")
    assert heaviest <= 30 * 1024
    assert home <= 60 * 1024


def test_a_bad_portal_setting_fails_the_build_with_one_clear_message(tmp_path):
    from press.build import build

    result = build(
        content=FIXTURES / "portal",
        output=tmp_path / "out",
        overrides={"PORTAL": {"hot_news": "five", "colour": 1}},
    )
    assert not result.ok
    assert any("PORTAL['hot_news'] must be a whole number" in e for e in result.errors)
    assert any("unknown key 'colour'" in e for e in result.errors)
    assert not (tmp_path / "out").exists()

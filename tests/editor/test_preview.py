"""Drafts and scheduled articles: in the preview with a banner, never in the published site."""

import shutil

import pytest
from conftest import FIXTURES, build_site

DRAFT = "/2024/ban-tin-nhap/"
SCHEDULED = "/2099/hoi-nghi-tuong-lai/"


@pytest.fixture(scope="module")
def content(tmp_path_factory):
    folder = tmp_path_factory.mktemp("drafts") / "content"
    shutil.copytree(FIXTURES / "translations", folder)
    (folder / "articles" / "2024" / "ban-tin-nhap.vi.md").write_text(
        "Title: Bản tin nháp\nDate: 2024-06-01 08:00\nStatus: draft\nCategory: conferences\n\n"
        "Chưa xong.\n",
        encoding="utf-8",
    )
    (folder / "articles" / "2099").mkdir()
    (folder / "articles" / "2099" / "hoi-nghi-tuong-lai.vi.md").write_text(
        "Title: Hội nghị tương lai\nDate: 2099-01-02 09:00\nCategory: conferences\n\n"
        "Sẽ đăng sau.\n",
        encoding="utf-8",
    )
    return folder


@pytest.fixture(scope="module")
def published(content, tmp_path_factory):
    return build_site(content, tmp_path_factory.mktemp("published") / "output")


@pytest.fixture(scope="module")
def preview(content, tmp_path_factory):
    return build_site(
        content,
        tmp_path_factory.mktemp("preview") / "output",
        EDITOR={"preview": True, "progress": False},
    )


def test_published_site_has_no_draft_and_no_scheduled_article(published):
    assert not published.path(DRAFT).exists()
    assert not published.path(SCHEDULED).exists()
    everything = "".join(published.path(f).read_text(encoding="utf-8") for f in published.files())
    assert "Bản tin nháp" not in everything and "Hội nghị tương lai" not in everything
    assert "preview-banner" not in everything


def test_preview_shows_drafts_and_scheduled_articles_with_a_banner(preview):
    draft = preview.html(DRAFT).select_one(".preview-banner--draft")
    assert draft is not None and "Bản nháp" in draft.get_text()
    scheduled = preview.html(SCHEDULED).select_one(".preview-banner--scheduled")
    assert scheduled is not None and "Hẹn giờ" in scheduled.get_text()
    assert "2099" in scheduled.get_text()
    assert preview.html("/2024/hoi-nghi-cum-3-tai-khanh-hoa/").select_one(".preview-banner") is None


def link_to(page, title):
    """The link whose text is `title` (typogrify joins the last two words with a no-break space)."""
    return page.find("a", string=lambda text: (text or "").replace("\xa0", " ") == title)


def test_preview_listings_mark_drafts_and_scheduled_articles(preview):
    """Listings (a category's article list, the home page's teasers) say which items are not
    published yet; published items carry no badge."""
    listing = preview.html("/chuyen-muc/hoi-nghi/")
    for title, state, label in (
        ("Bản tin nháp", "draft", "Bản nháp"),
        ("Hội nghị tương lai", "scheduled", "Hẹn giờ đăng"),
    ):
        item = link_to(listing, title).find_parent("li")
        assert item.select_one(f".preview-badge--{state}").get_text(strip=True) == label
    badges = listing.select(".preview-badge")
    assert len(badges) == 2, "only the draft and the scheduled article"
    home = preview.html("/")
    newest = link_to(home, "Hội nghị tương lai").find_parent("li")
    assert newest.select_one(".preview-badge--scheduled").get_text(strip=True) == "Hẹn giờ đăng"


def test_published_listings_have_no_badge(published):
    for url in ("/", "/chuyen-muc/hoi-nghi/"):
        assert published.html(url).select_one(".preview-badge") is None

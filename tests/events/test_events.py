"""Events: the events page, the article's event block and JSON-LD, iCalendar files."""

import datetime
import json

from conftest import FIXTURES, build_site
from icalendar import Calendar

UPCOMING = "2024/hoi-nghi-cum-3-sap-toi/"
PAST = "2023/hoi-nghi-cum-5-da-hop/"


def parse(site, url):
    return Calendar.from_ical(site.path(url).read_bytes())


def events_by_uid(calendar):
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


def test_events_page_lists_upcoming_first_then_past_by_year(domain_site):
    soup = domain_site.html("su-kien/")
    sections = soup.select("main section")
    upcoming = [a["href"] for a in sections[0].select(".event__title a")]
    assert upcoming == ["/" + UPCOMING]
    years = [s.h2["id"] for s in sections[1:]]
    assert years == ["past-2023"]
    assert [a["href"] for a in sections[1].select(".event__title a")] == ["/" + PAST]
    en = domain_site.html("en/events/")
    assert [a["href"] for a in en.select("main section")[0].select("a")] == ["/en/" + UPCOMING]
    # a Vietnamese-only event in the English tree is marked with its language
    assert en.select_one(f'li.event[lang="vi"] a[href="/{PAST}"]') is not None


def test_article_page_has_event_block_and_schema_org_event(domain_site):
    soup = domain_site.html(UPCOMING)
    block = soup.select_one(".event-block")
    assert "Nha Trang, Khánh Hòa; Hội trường A" in block.get_text()
    assert block.select_one(f'a[href="/{UPCOMING}event.ics"]') is not None
    assert [t["datetime"] for t in block.select("time")] == [
        "2024-03-15T08:30:00+07:00",
        "2024-03-16T17:00:00+07:00",
    ]
    blocks = [json.loads(s.string) for s in soup.select('script[type="application/ld+json"]')]
    [data] = [b for b in blocks if b.get("@type") == "Event"]
    assert data["@type"] == "Event"
    assert data["startDate"] == "2024-03-15T08:30:00+07:00"
    assert data["endDate"] == "2024-03-16T17:00:00+07:00"
    assert data["location"] == {"@type": "Place", "name": "Nha Trang, Khánh Hòa; Hội trường A"}
    assert domain_site.html("2024/cac-dang-tham-chieu/").select_one(".event-block") is None


def test_json_ld_cannot_close_its_script_element():
    from events import json_for_script

    text = json_for_script({"name": "</script><script>alert(1)</script> & <!--"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)["name"] == "</script><script>alert(1)</script> & <!--"


def test_events_feed_parses_with_time_zone_and_escaped_text(domain_site):
    calendar = parse(domain_site, "events.ics")
    assert str(calendar["VERSION"]) == "2.0" and calendar["PRODID"]
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Asia/Ho_Chi_Minh"]
    events = events_by_uid(calendar)
    timed = events["hoi-nghi-cum-3-sap-toi@huu-nghi-press.invalid"]
    assert timed["DTSTART"].params["TZID"] == "Asia/Ho_Chi_Minh"
    start = timed.decoded("DTSTART")
    assert start.isoformat() == "2024-03-15T08:30:00+07:00"
    assert timed.decoded("DTEND").isoformat() == "2024-03-16T17:00:00+07:00"
    assert str(timed["LOCATION"]) == "Nha Trang, Khánh Hòa; Hội trường A"
    assert "LOCATION:Nha Trang\\, Khánh Hòa\\; Hội trường A" in domain_site.path(
        "events.ics"
    ).read_text(encoding="utf-8").replace("\r\n ", "")
    # DTSTAMP comes from the article's date, not from the clock
    assert timed.decoded("DTSTAMP") == datetime.datetime(2024, 3, 1, 3, 0, tzinfo=datetime.UTC)
    all_day = events["hoi-nghi-cum-5-da-hop@huu-nghi-press.invalid"]
    assert all_day["DTSTART"].params.get("VALUE") == "DATE"
    assert all_day.decoded("DTSTART") == datetime.date(2023, 5, 27)
    assert all_day.decoded("DTEND") == datetime.date(2023, 5, 28)


def test_per_event_ics_and_language_feeds(domain_site):
    single = parse(domain_site, UPCOMING + "event.ics")
    assert list(events_by_uid(single)) == ["hoi-nghi-cum-3-sap-toi@huu-nghi-press.invalid"]
    english = parse(domain_site, "en/events.ics")
    events = events_by_uid(english)
    assert str(events["hoi-nghi-cum-3-sap-toi@huu-nghi-press.invalid"]["SUMMARY"]) == (
        "Cluster 3 will meet in Nha Trang in 2024"
    )
    assert len(events) == 2
    assert domain_site.path("en/" + UPCOMING + "event.ics").exists()
    assert domain_site.path("lo/events.ics").exists()


def test_uids_are_stable_across_builds(domain_site, tmp_path):
    again = build_site(FIXTURES / "domain", tmp_path / "output")
    for url in ("events.ics", "en/events.ics", UPCOMING + "event.ics"):
        assert domain_site.path(url).read_bytes() == again.path(url).read_bytes()
    assert sorted(events_by_uid(parse(again, "events.ics"))) == [
        "hoi-nghi-cum-3-sap-toi@huu-nghi-press.invalid",
        "hoi-nghi-cum-5-da-hop@huu-nghi-press.invalid",
    ]


def test_sample_content_events(sample_site):
    calendar = parse(sample_site, "en/events.ics")
    assert "doan-chu-tich-vufo-hop-lan-thu-ix@huu-nghi-press.invalid" in events_by_uid(calendar)
    assert sample_site.path("su-kien/index.html").exists()


def test_page_heads_link_the_events_calendar_of_their_language(sample_site):
    for url, calendar in (("/", "/events.ics"), ("/en/", "/en/events.ics")):
        link = sample_site.html(url).select_one('head link[rel="alternate"][type="text/calendar"]')
        assert link is not None and link["href"].endswith(calendar)
        assert sample_site.path(calendar).is_file()


def test_rebuild_keeps_the_calendars_an_edit_does_not_change(tmp_path):
    """multilingual.filecache: moving one Vietnamese event rewrites the calendars that list
    it (every tree lists an untranslated event); another event's file is the previous
    build's (a hard link, same inode)."""
    import shutil  # noqa: PLC0415

    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "portal", content)
    options = {"CACHE_PATH": str(tmp_path / "cache")}
    first = build_site(content, tmp_path / "out", **options)
    own, other = "2024/ban-tin-huu-nghi-so-2/event.ics", "en/2024/ban-tin-huu-nghi-so-14/event.ics"
    changed = ("events.ics", "en/events.ics", own)
    inodes = {url: first.path(url).stat().st_ino for url in (*changed, other)}
    article = content / "articles/2024/ban-tin-huu-nghi-so-2.vi.md"
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("Event_start: 2024-01-10", "Event_start: 2024-01-12"))
    second = build_site(content, tmp_path / "out", **options)

    assert second.path(other).stat().st_ino == inodes[other]
    for url in changed:
        assert second.path(url).stat().st_ino != inodes[url]
        starts = {
            str(e["UID"]).split("@")[0]: e.decoded("DTSTART")
            for e in parse(second, url).walk("VEVENT")
        }
        assert starts["ban-tin-huu-nghi-so-2"] == datetime.date(2024, 1, 12), starts

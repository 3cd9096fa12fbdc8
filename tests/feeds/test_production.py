"""Production builds: SITEURL from the environment, absolute URLs, deployment under a subpath."""

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import feedparser

from conftest import FIXTURES, ROOT, build_site
from feeds_support import SUBPATH_SITEURL, feeds_site, run_press, subpath_site  # noqa: F401

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
URL_ATTRIBUTES = {"href", "src", "action", "poster", "data"}


class LinkCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            if name in URL_ATTRIBUTES:
                self.links.append(value)
            elif name == "srcset":
                self.links.extend(part.split()[0] for part in value.split(",") if part.strip())
            elif name == "content" and value.startswith(("http://", "https://", "/")):
                self.links.append(value)  # OpenGraph URLs


def page_url(site, name):
    """The public URL of an output file, as the server shows it."""
    path = name.removesuffix("index.html")
    return f"{SUBPATH_SITEURL}/{path}"


def target_file(site, url):
    """The output file a URL under the subpath points at, or None when it escapes."""
    path = urlsplit(url).path
    prefix = urlsplit(SUBPATH_SITEURL).path + "/"
    if not (path + "/").startswith(prefix):
        return None
    relative = path[len(prefix):]
    candidate = site.root / relative
    if relative == "" or relative.endswith("/") or candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate


def test_production_build_without_siteurl_stops_with_a_clear_message(tmp_path):
    output = tmp_path / "out"
    output.mkdir()
    (output / "keep.html").write_text("previous site")
    done = run_press("build", "--production", "--content", FIXTURES / "feeds", "--output", output)
    assert done.returncode == 2
    assert "SITEURL environment variable" in done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    assert [p.name for p in output.iterdir()] == ["keep.html"]
    done = run_press("build", "--production", "--output", output, env={"SITEURL": "example.org/x"})
    assert done.returncode == 2 and "absolute http(s) URL" in done.stderr


def test_no_link_escapes_the_subpath_or_points_at_a_missing_file(subpath_site):
    assert_crawl_clean(subpath_site, minimum=500)


def test_the_sample_site_under_a_subpath_crawls_clean(tmp_path):
    """The project's own sample content with the full theme, built once under a subpath."""
    site = build_site(ROOT / "content", tmp_path / "out", SITEURL=SUBPATH_SITEURL)
    assert_crawl_clean(site, minimum=2000)


def assert_crawl_clean(subpath_site, minimum):
    host = urlsplit(SUBPATH_SITEURL).netloc
    checked, problems = 0, []
    for name in subpath_site.files("**/*.html"):
        collector = LinkCollector()
        collector.feed((subpath_site.root / name).read_text(encoding="utf-8"))
        base = page_url(subpath_site, name)
        for link in collector.links:
            if link.startswith(("#", "mailto:", "tel:", "data:")):
                continue
            absolute = urljoin(base, link)
            parts = urlsplit(absolute)
            if parts.scheme in ("http", "https") and parts.netloc != host:
                continue  # another site (a cited source)
            checked += 1
            target = target_file(subpath_site, absolute)
            if target is None:
                problems.append(f"{name}: {link} escapes {SUBPATH_SITEURL}")
            elif not target.is_file():
                problems.append(f"{name}: {link} points at a missing file")
    assert not problems, "\n".join(problems[:20])
    assert checked > minimum


def test_css_has_no_root_relative_urls(subpath_site):
    for name in subpath_site.files("**/*.css"):
        css = (subpath_site.root / name).read_text(encoding="utf-8")
        assert not re.search(r"url\(\s*['\"]?/(?!/)", css), name


def test_feeds_sitemap_and_robots_use_the_subpath(subpath_site):
    for name in subpath_site.files("**/feeds/**/*.xml"):
        parsed = feedparser.parse((subpath_site.root / name).read_bytes())
        assert not parsed.bozo, name
        links = [parsed.feed.link] + [e.link for e in parsed.entries]
        links += [l.href for l in parsed.feed.get("links", [])]
        for link in links:
            assert link.startswith(SUBPATH_SITEURL + "/"), (name, link)
            assert target_file(subpath_site, link).is_file(), (name, link)
        for entry in parsed.entries:
            for match in re.findall(r'(?:href|src)="([^"]+)"', entry.content[0].value):
                if urlsplit(match).netloc == urlsplit(SUBPATH_SITEURL).netloc:
                    assert target_file(subpath_site, match).is_file(), (name, match)
    root = ET.parse(subpath_site.root / "sitemap.xml").getroot()
    locs = [u.findtext(f"{SM}loc") for u in root.findall(f"{SM}url")]
    assert locs and all(target_file(subpath_site, loc).is_file() for loc in locs)
    robots = (subpath_site.root / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {SUBPATH_SITEURL}/sitemap.xml" in robots


def test_canonical_and_opengraph_are_absolute_in_production(subpath_site):
    soup = subpath_site.html("/en/2024/hoi-nghi-cum-3-tai-khanh-hoa/")
    canonical = soup.head.select_one('link[rel="canonical"]')["href"]
    assert canonical == f"{SUBPATH_SITEURL}/en/2024/hoi-nghi-cum-3-tai-khanh-hoa/"
    assert soup.head.select_one('meta[property="og:image"]')["content"] == (
        f"{SUBPATH_SITEURL}/images/2024/hoi-nghi.png"
    )


def test_development_build_keeps_working_at_the_root(feeds_site):
    soup = feeds_site.html("/en/")
    stylesheet = soup.head.select_one('link[rel="stylesheet"]')["href"]
    assert stylesheet.startswith("/theme/")
    for link in soup.select("a[href^='/']"):
        assert feeds_site.path(link["href"].split("#")[0]).is_file(), link["href"]

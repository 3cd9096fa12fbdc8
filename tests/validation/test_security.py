"""Security: crawl built sites for script, event attributes and requests to other hosts."""

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, BuiltSite
from validation import policy

from press.build import build

HOSTILE = Path(__file__).parent / "hostile"
# url(…) or @import of another host (data: URLs make no request)
FOREIGN_CSS_URL = re.compile(
    r"""(?:url\(|@import)\s*['"]?\s*((?:https?:)?//[^'")\s]+)""", re.IGNORECASE
)
RESOURCE_ATTRIBUTES = {
    "script": "src",
    "link": "href",
    "img": "src",
    "iframe": "src",
    "source": "src",
    "video": "src",
    "audio": "src",
    "track": "src",
    "embed": "src",
    "object": "data",
    "input": "src",
}


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory):
    """Content that validation would reject, built with validation off: the render-time
    sanitiser alone must keep script out."""
    result = build(
        content=HOSTILE,
        output=tmp_path_factory.mktemp("hostile") / "output",
        validate_content=False,
    )
    assert result.ok, result.errors
    return BuiltSite(result)


def test_validation_rejects_the_hostile_content():
    from press.build import load_settings, validate

    problems, errors, warnings = validate(load_settings(ROOT / "pelicanconf.py", content=HOSTILE))
    fields = {(p.path.rsplit("/", 1)[-1], p.line) for p in problems}
    # every hostile line of the article is reported, with its line number
    for line in (1, 4, 8, 10, 12, 14, 16, 18, 20, 22, 24):
        assert ("tan-cong.vi.md", line) in fields, (line, [p.format() for p in problems])
    assert result_is_error(problems)


def result_is_error(problems):
    return any(p.level == "error" for p in problems)


def same_origin(url: str) -> bool:
    parts = urlsplit(url)
    return not parts.scheme and not parts.netloc


def crawl(site: BuiltSite):
    """Every problem found in the site's HTML and CSS, as readable strings."""
    found = []
    pages = site.files("**/*.html")
    assert pages
    for page in pages:
        soup = BeautifulSoup((site.root / page).read_text(encoding="utf-8"), "html.parser")
        csp = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        if (
            csp is None
            or "unsafe-inline" in csp["content"]
            or "'unsafe-eval'" in csp["content"]
            or "default-src 'self'" not in csp["content"]
        ):
            found.append(f"{page}: no strict Content-Security-Policy meta")
        for tag in soup.find_all(True):
            for name, value in tag.attrs.items():
                if name.lower().startswith("on"):
                    found.append(f"{page}: <{tag.name} {name}=…>")
                if name.lower() == "style":
                    found.append(f"{page}: <{tag.name} style=…>")
                if (
                    name in ("href", "src", "action", "data")
                    and isinstance(value, str)
                    and value.strip().lower().startswith(("javascript:", "data:", "vbscript:"))
                ):
                    found.append(f"{page}: <{tag.name} {name}={value!r}>")
            if tag.name == "script" and not tag.get("src"):
                # Structured data is not executed (and CSP does not apply to it); it must be
                # JSON the page's text cannot break out of.
                if tag.get("type") == "application/ld+json":
                    try:
                        json.loads(tag.string or "")
                    except ValueError:
                        found.append(f"{page}: <script type=application/ld+json> that is not JSON")
                else:
                    found.append(f"{page}: inline <script>")
            if tag.name in ("style", "iframe", "object", "embed", "svg"):
                found.append(f"{page}: <{tag.name}>")
            if tag.name == "form" and not same_origin(tag.get("action") or ""):
                found.append(f"{page}: <form> sends to {tag['action']}")
            attribute = RESOURCE_ATTRIBUTES.get(tag.name)
            linked_only = tag.name == "link" and tag.get("rel") in (["alternate"], ["canonical"])
            if (
                attribute
                and tag.get(attribute)
                and not same_origin(tag[attribute])
                and not linked_only
            ):
                found.append(f"{page}: <{tag.name}> requests {tag[attribute]}")
            if (
                tag.name == "a"
                and tag.get("href")
                and not same_origin(tag["href"])
                and urlsplit(tag["href"]).scheme in ("http", "https")
                and "noopener" not in (tag.get("rel") or [])
            ):
                found.append(f"{page}: external link without rel=noopener: {tag['href']}")
    for sheet in site.files("**/*.css"):
        text = (site.root / sheet).read_text(encoding="utf-8")
        for match in FOREIGN_CSS_URL.finditer(text):
            found.append(f"{sheet}: requests {match[1]}")
    return found


def test_fixture_site_has_no_script_event_attribute_or_foreign_request(fixture_site):
    assert crawl(fixture_site) == []


def test_sanitiser_keeps_script_out_even_without_validation(hostile_site):
    assert crawl(hostile_site) == []
    article = hostile_site.html("2024/tin-alerttitle/")
    prose = article.select_one(".prose")
    assert "Đoạn mở đầu" in prose.get_text()
    external = prose.find("a", href="https://example.org/bai-viet")
    assert external["rel"] == ["noopener"]
    assert prose.find("a", href="/gioi-thieu/").get("rel") is None  # internal: unchanged


def test_headers_files_carry_the_policy(fixture_site):
    headers = (fixture_site.root / "_headers").read_text()
    assert headers.startswith("/*\n")
    assert "  Content-Security-Policy: default-src 'self';" in headers
    assert "unsafe-inline" not in headers and "frame-ancestors 'none'" in headers
    assert "X-Content-Type-Options: nosniff" in headers
    htaccess = (fixture_site.root / ".htaccess").read_text()
    assert "Header always set Content-Security-Policy \"default-src 'self';" in htaccess
    meta = fixture_site.html("").find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert meta["content"] == policy.content_security_policy(wasm=True)  # search is on


def test_allowed_iframe_hosts_reach_the_policy():
    assert "frame-src https://www.youtube-nocookie.com;" in policy.content_security_policy(
        ["www.youtube-nocookie.com"]
    )
    assert "frame-src 'none'" in policy.content_security_policy()


def test_deploying_docs_show_the_headers_the_build_writes():
    text = (ROOT / "docs" / "deploying-headers.md").read_text(encoding="utf-8")
    assert policy.netlify_headers(wasm=True) in text
    assert policy.htaccess(wasm=True) in text
    assert policy.nginx(wasm=True) in text


def test_sample_site_has_no_script_event_attribute_or_foreign_request(sample_site):
    assert crawl(sample_site) == []

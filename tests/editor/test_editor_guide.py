"""The editor guides' examples are valid content: they are built like the real site."""

import re
import shutil

import pytest

from conftest import ROOT, build_site

GUIDES = [ROOT / "docs" / "editor-guide.vi.md", ROOT / "docs" / "editor-guide.en.md"]
EXAMPLE = re.compile(r"`(content/[^`]+\.md)`:\n\n```markdown\n(.*?)```", re.S)


def examples(guide):
    text = guide.read_text(encoding="utf-8")
    found = {path: body for path, body in EXAMPLE.findall(text)}
    assert len(found) == text.count("```markdown"), f"{guide.name}: every example names its file"
    return found


def test_both_guides_show_the_same_examples():
    vi, en = (examples(guide) for guide in GUIDES)
    assert vi == en and len(vi) >= 4


@pytest.fixture(scope="module")
def guide_site(tmp_path_factory):
    content = tmp_path_factory.mktemp("guide") / "content"
    for path, body in examples(GUIDES[0]).items():
        target = content / path.removeprefix("content/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(body, encoding="utf-8")
    shutil.copytree(ROOT / "content" / "images", content / "images")
    return build_site(content, content.parent / "output")


def test_guide_examples_build_without_errors_or_warnings(guide_site):
    assert guide_site.result.ok
    assert guide_site.result.warnings == []


@pytest.mark.parametrize(
    "url",
    ["/2024/cum-3-tong-ket-nam-2023/", "/en/2024/cum-3-tong-ket-nam-2023/",
     "/2024/giao-luu-huu-nghi-viet-lao-tai-da-nang/"],
)
def test_guide_articles_are_published(guide_site, url):
    page = guide_site.html(url)
    assert page.select_one("h1") is not None
    assert page.select_one(".translation-notice") is None  # the example translation is current

"""Property tests: arbitrary input gives a valid article or clear problems, never a traceback."""

import re
import sys
from pathlib import Path

from conftest import ROOT
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pelican.settings import DEFAULT_CONFIG
from pelican.utils import slugify as pelican_slugify

sys.path.insert(0, str(ROOT / "plugins"))

from validation import checks, headers  # noqa: E402

SETTINGS = {"SLUG_REGEX_SUBSTITUTIONS": DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"]}
PROBLEM_LINE = re.compile(r"^a\.vi\.md:\d+: [A-Za-z0-9_-]+: .+")

# Header-ish text: real keys, misspelt keys, dates, HTML, odd whitespace, any Unicode.
KEYS = st.sampled_from(
    [
        "Title",
        "Date",
        "Modified",
        "Lang",
        "Slug",
        "Category",
        "Image",
        "Image_caption",
        "Cluster",
        "Tittle",
        "Dat",
        "Summary",
        "Status",
        "Featured",
        "Event_start",
        "Event_end",
    ]
)
VALUES = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        [
            "2024-02-30 10:00",
            "2024-02-28 10:01",
            "28/02/2024",
            "conferences",
            "vi",
            "en",
            "../../etc/passwd",
            "<script>x</script>",
            "images/a.jpg",
            "3",
            "",
        ]
    ),
)
HEADER_LINE = st.builds(lambda k, v: f"{k}: {v}", KEYS, VALUES)
ANY_LINE = st.one_of(HEADER_LINE, st.text(max_size=30), st.just(""), st.just("    continued"))
DOCUMENT = st.lists(ANY_LINE, max_size=12).map("\n".join)


@given(st.text())
@example("Hội nghị Cụm 3 tại Khánh Hòa")
@example("Đoàn đại biểu <em>Đà Nẵng</em> &amp; Huế")
def test_slugger_matches_pelican_and_is_a_clean_slug(title):
    slug = checks.slugify(title, SETTINGS)
    assert slug == pelican_slugify(title, regex_subs=SETTINGS["SLUG_REGEX_SUBSTITUTIONS"])
    assert slug == slug.lower() and slug.isascii()
    assert "/" not in slug and "." not in slug
    assert re.fullmatch(r"-?[a-z0-9_]*(?:-[a-z0-9_]+)*-?", slug) or slug == "", slug


def test_slugger_on_vietnamese():
    assert (
        checks.slugify("Hội nghị Cụm 3 tại Khánh Hòa", SETTINGS) == "hoi-nghi-cum-3-tai-khanh-hoa"
    )
    assert checks.slugify("Đảng bộ Đồng Tháp", SETTINGS) == "dang-bo-dong-thap"
    assert checks.slugify("  Việt -- Lào  ", SETTINGS) == "viet-lao"


@given(st.text())
def test_header_parser_never_fails_and_keeps_line_numbers(text):
    header = headers.parse(text)
    lines = headers.normalise(text).split("\n")
    for item in list(header.fields.values()) + header.duplicates:
        assert 1 <= item.line <= len(lines)
        assert lines[item.line - 1].lstrip().lower().startswith(item.name.lower() + ":")
    assert 1 <= header.body_line <= len(lines) + 1


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(document=DOCUMENT, body=st.text(max_size=60))
def test_arbitrary_file_gives_valid_article_or_clear_problems(tmp_path_factory, document, body):
    content = tmp_path_factory.mktemp("content")
    folder = content / "articles" / "2024"
    folder.mkdir(parents=True)
    # Lone surrogates become bytes that are not UTF-8: the check must report those too.
    (folder / "a.vi.md").write_bytes((document + "\n\n" + body).encode("utf-8", "surrogatepass"))
    settings_ = dict(
        SETTINGS,
        PATH=str(content),
        ARTICLE_PATHS=["articles"],
        PAGE_PATHS=["pages"],
        STATIC_PATHS=["images"],
        VALIDATION={},
    )
    problems = checks.check(settings_)
    for problem in problems:
        line = problem.format().replace("articles/2024/", "", 1)
        assert PROBLEM_LINE.match(line), line
        assert problem.line >= 1
    if not problems:  # a valid article: it has what the contract requires
        header = headers.parse(Path(folder / "a.vi.md").read_text(encoding="utf-8"))
        assert header.get("title") and checks.parse_date(header.get("date"))
        assert header.body.strip()

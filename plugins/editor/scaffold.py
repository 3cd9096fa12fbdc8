"""`invoke new` and `invoke translate`: start an article or a translation from a template.

Every key of the content contract is in the new file, filled in (Title, Date, Category,
Status) or written inside an HTML comment right after the header, with an example, for the
editor to move up and fill in. The build removes HTML comments from article bodies, so the
notes never reach the published page. Nothing is ever overwritten.
"""

import datetime
import re
import unicodedata
from pathlib import Path
from zoneinfo import ZoneInfo

import contract
from multilingual.status import read_header, read_sources

TIMEZONE = ZoneInfo("Asia/Ho_Chi_Minh")
DATE_FORMAT = "%Y-%m-%d %H:%M"

# Examples shown beside the commented keys (from the sample content).
EXAMPLES = {
    "modified": "{now}",
    "lang": "{lang}",
    "slug": "{slug}",
    "category": " | ".join(contract.CATEGORIES),
    "tags": "Cụm 3, đối ngoại nhân dân",
    "authors": "Ý Nhi",
    "summary": "Một hoặc hai câu tóm tắt bài viết.",
    "source": "Liên hiệp các tổ chức hữu nghị tỉnh Khánh Hòa <https://example.org/khanh-hoa>",
    "image": "images/{year}/{slug}.jpg",
    "image_caption": "Đại biểu dự hội nghị.",
    "provinces": "Khánh Hòa, Quảng Nam",
    "cluster": "3",
    "event_start": "{today} 08:00",
    "event_end": "{today} 17:00",
    "event_location": "Nha Trang, Khánh Hòa",
    "featured": "true",
}

# Metadata every language version of an article shares; the rest is written per language.
SHARED_KEYS = (
    "date", "slug", "category", "authors", "source", "image", "provinces", "cluster",
    "event_start", "event_end", "featured",
)

NOTES = {
    "new-vi": (
        "Các khóa tùy chọn: muốn dùng khóa nào, chuyển dòng đó lên phần đầu (phía trên dòng trống "
        "đầu tiên) và điền giá trị.\n"
        "Xóa dòng `Status: draft` khi bài đã sẵn sàng đăng. Khối này không được đăng lên trang. "
        "Hướng dẫn: docs/editor-guide.vi.md"
    ),
    "new": (
        "Optional keys: to use one, move its line up into the header (above the first empty "
        "line) and fill it in.\n"
        "Remove `Status: draft` when the article is ready to publish. This block is never "
        "published. Guide: docs/editor-guide.en.md"
    ),
    "translate": (
        "Translation of {original} ({lang}). Translate the title and the keys above, write the "
        "article above this block, then remove `Status: draft`. The original is kept below for "
        "reference; it is not published."
    ),
}


class ScaffoldError(Exception):
    """A problem the editor can fix; the message says how."""


def slugify(title: str) -> str:
    """"Hội nghị Cụm 3 tại Khánh Hòa" -> "hoi-nghi-cum-3-tai-khanh-hoa" (tone marks off, đ -> d)."""
    text = title.replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def now_in_vietnam() -> datetime.datetime:
    return datetime.datetime.now(TIMEZONE)


def key_name(key: str) -> str:
    return key[:1].upper() + key[1:]


def _comment_safe(text: str) -> str:
    """HTML comments may not contain "--"; a dash keeps the reference readable."""
    return re.sub(r"-{2,}", "–", text)


def new_article(
    content_dir: Path, title: str, category: str | None = None, lang: str = contract.DEFAULT_LANG,
    now: datetime.datetime | None = None,
) -> Path:
    title = " ".join(title.split())
    if not title:
        raise ScaffoldError("The title is empty: invoke new \"Tiêu đề bài viết\"")
    if lang not in contract.LANGUAGES:
        raise ScaffoldError(f"Unknown language {lang!r}; use one of {', '.join(contract.LANGUAGES)}")
    if category is not None and category not in contract.CATEGORIES:
        raise ScaffoldError(
            f"Unknown category {category!r}; use one of {', '.join(contract.CATEGORIES)}"
        )
    slug = slugify(title)
    if not slug:
        raise ScaffoldError(f"Cannot make a file name from the title {title!r}; add some letters")
    now = now or now_in_vietnam()
    path = Path(content_dir) / "articles" / f"{now:%Y}" / f"{slug}.{lang}.md"
    filled = {"title": title, "date": f"{now:{DATE_FORMAT}}", "status": "draft"}
    if category:
        filled["category"] = category
    values = {"now": f"{now:{DATE_FORMAT}}", "today": f"{now:%Y-%m-%d}", "year": f"{now:%Y}",
              "slug": slug, "lang": lang}
    commented = {
        key: EXAMPLES.get(key, "").format(**values)
        for key in contract.ARTICLE_KEYS if key not in filled
    }
    body = "Viết bài ở đây." if lang == "vi" else "Write the article here."
    note = NOTES["new-vi"] if lang == "vi" else NOTES["new"]
    write_new(path, header(filled), note, commented, body)
    return path


def find_original(content_dir: Path, slug: str):
    """The default-language file of the article whose slug (or file name) is `slug`."""
    articles = Path(content_dir) / "articles"
    if not articles.is_dir():
        raise ScaffoldError(f"No articles folder in {content_dir}")
    sources = read_sources(articles)
    matches = [
        s for s in sources
        if (s.slug or s.stem) == slug or s.stem == slug or slugify(s.meta.get("title", "")) == slug
    ]
    originals = [s for s in matches if s.lang == contract.DEFAULT_LANG] or matches
    if not originals:
        raise ScaffoldError(
            f"No article with the slug {slug!r} under {articles}. The slug is the file name "
            "without .vi.md, e.g. hoi-nghi-cum-3-tai-khanh-hoa"
        )
    return originals[0]


def translate_article(content_dir: Path, slug: str, lang: str, now=None) -> Path:
    if lang not in contract.LANGUAGES:
        raise ScaffoldError(f"Unknown language {lang!r}; use one of {', '.join(contract.LANGUAGES)}")
    original = find_original(content_dir, slug)
    if original.lang == lang:
        raise ScaffoldError(f"{original.path} is already in {lang}")
    path = original.path.with_name(f"{original.stem}.{lang}.md")
    now = now or now_in_vietnam()
    meta = read_header(original.path)
    filled = {"title": meta.get("title", "")}
    filled.update((key, meta[key]) for key in SHARED_KEYS if meta.get(key))
    # The translation is as new as now: the status report compares it with the original.
    filled["modified"] = f"{now:{DATE_FORMAT}}"
    filled["status"] = "draft"
    to_translate = {
        key: meta[key] for key in ("tags", "summary", "image_caption", "event_location")
        if meta.get(key)
    }
    reference = original_body(original.path)
    note = NOTES["translate"].format(original=original.path.name, lang=original.lang)
    if reference.strip():
        note += f"\n\n=== {original.path.name} ===\n\n" + reference.strip()
    write_new(path, header(filled), note, to_translate, "")
    return path


def original_body(path: Path) -> str:
    text = Path(path).read_text(encoding="utf-8")
    parts = re.split(r"\n[ \t]*\n", text, maxsplit=1)
    body = parts[1] if len(parts) > 1 else ""
    return re.sub(r"<!--.*?-->\s*", "", body, flags=re.S)  # no notes inside the note


def header(filled: dict) -> str:
    order = [k for k in contract.ARTICLE_KEYS if k in filled] + [
        k for k in filled if k not in contract.ARTICLE_KEYS
    ]
    return "".join(f"{key_name(key)}: {filled[key]}\n" for key in order)


def write_new(path: Path, head: str, note: str, commented: dict, body: str) -> None:
    if path.exists():
        raise ScaffoldError(f"{path} already exists; it was not changed. Choose another title.")
    lines = [head, "", "<!--", _comment_safe(note), ""]
    lines += [f"{key_name(key)}: {_comment_safe(value)}".rstrip() for key, value in commented.items()]
    lines += ["-->", ""]
    if body:
        lines.append(body)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "x", encoding="utf-8") as handle:  # "x": never overwrite
        handle.write("\n".join(line.rstrip("\n") for line in lines) + "\n")

"""Deterministic benchmark corpus written to docs/content-contract.md.

    generate(dest, n_pairs, seed=1)               -> Pelican/contract layout (Key: value headers)
    generate(dest, n_pairs, seed=1, fmt="hugo")   -> the same articles with TOML front matter for Hugo

Both write ``dest/content/articles/<yyyy>/<slug>.<lang>.md`` for lang in (vi, en) and
``dest/content/pages/gioi-thieu.<lang>.md``. The same seed gives byte-identical files, and the
same seed gives the same articles in both formats (the article model is drawn first, then rendered).

CLI:  python bench/corpus.py DEST N [--seed 1] [--fmt pelican|hugo]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import vocab as V  # noqa: E402

LANGS = ("vi", "en")
TARGET_WORDS = 600

# (kind, symbol, number or None=random): the documents articles cite
DOCS = [
    ("directive", "CT/TW", 12), ("directive", "CT/TW", 25), ("conclusion", "KL/TW", 12),
    ("resolution", "NQ/TW", 22), ("plan", "KH-UBND", None), ("decision", "QĐ-UBND", None),
    ("decree", "NĐ-CP", 80),
]
DOC_VI = {"directive": "Chỉ thị", "conclusion": "Kết luận", "resolution": "Nghị quyết", "plan": "Kế hoạch",
          "decision": "Quyết định", "decree": "Nghị định"}
DOC_EN = {"directive": "Directive", "conclusion": "Conclusion", "resolution": "Resolution", "plan": "Plan",
          "decision": "Decision", "decree": "Decree"}


def slugify(text: str) -> str:
    """The contract's slug rule: tone marks removed, đ→d, lowercase ASCII, hyphenated."""
    text = text.replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    out, dash = [], False
    for c in text:
        if c.isascii() and c.isalnum():
            out.append(c)
            dash = False
        elif not dash and out:
            out.append("-")
            dash = True
    return "".join(out).strip("-")


def ascii_name(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@dataclass
class Doc:
    kind: str
    symbol: str
    number: int
    year: int

    def vi(self, style: int) -> str:
        name = DOC_VI[self.kind]
        if self.kind == "decree":
            return f"{name} số {self.number}/{self.year}/{self.symbol}"
        if "/TW" in self.symbol:  # central documents: 12-CT/TW, also written 12/CT-TW
            if style == 0:
                return f"{name} số {self.number}-{self.symbol}"
            return f"{name} {self.number}/{self.symbol.replace('/', '-')}"
        return f"{name} số {self.number}/{self.symbol}" if style == 0 else f"{name} {self.number}/{self.symbol}"

    def en(self, style: int) -> str:
        name = DOC_EN[self.kind]
        if self.kind == "decree":
            return f"{name} No. {self.number}/{self.year}/{self.symbol}"
        sep = "-" if "/TW" in self.symbol else "/"
        if style == 0:
            return f"{name} No. {self.number}{sep}{self.symbol}"
        return f"{name} {self.number}{sep}{self.symbol}"


@dataclass
class Article:
    slug: str
    explicit_slug: bool
    date: dt.datetime
    modified: dt.datetime | None
    category: str
    tag_idx: list[int]
    authors: list[str]
    provinces: list[str]
    cluster: int
    docs: list[Doc]
    event: tuple[dt.datetime, dt.datetime, str] | None
    featured: bool
    lang_header: bool
    title: dict[str, str] = field(default_factory=dict)
    summary: dict[str, str] = field(default_factory=dict)
    body: dict[str, str] = field(default_factory=dict)


# ------------------------------------------------------------------ prose
def _sentence(rng: random.Random, lang: str, connector: bool = True) -> str:
    if lang == "vi":
        s = f"{rng.choice(V.VI_SUBJECTS)} {rng.choice(V.VI_VERBS)} {rng.choice(V.VI_OBJECTS)}"
        if rng.random() < 0.8:
            s += f" {rng.choice(V.VI_ADVERBIALS)}"
        if rng.random() < 0.35:
            s += f", {rng.choice(['qua đó', 'nhằm', 'góp phần', 'từng bước'])} {rng.choice(V.VI_VERBS)} {rng.choice(V.VI_OBJECTS)}"
        if connector and rng.random() < 0.3:  # subjects keep their case: proper names stay capitalised
            s = f"{rng.choice(V.VI_CONNECTORS)} {s}"
        else:
            s = s[0].upper() + s[1:]
    else:
        s = f"{rng.choice(V.EN_SUBJECTS)} {rng.choice(V.EN_VERBS)} {rng.choice(V.EN_OBJECTS)}"
        if rng.random() < 0.8:
            s += f" {rng.choice(V.EN_ADVERBIALS)}"
        if rng.random() < 0.35:
            s += f", {rng.choice(['thereby helping to', 'in order to', 'so as to'])} {rng.choice(['promote', 'support', 'strengthen', 'expand'])} {rng.choice(V.EN_OBJECTS)}"
        if connector and rng.random() < 0.3:
            s = f"{rng.choice(V.EN_CONNECTORS)} {s[0].lower() + s[1:]}" if s.startswith("The ") else f"{rng.choice(V.EN_CONNECTORS)} {s}"
    return s + "."


def _paragraph(rng: random.Random, lang: str, k: int) -> str:
    return " ".join(_sentence(rng, lang) for _ in range(k))


def _body(rng: random.Random, lang: str, a: Article) -> str:
    """~600 words: lead, headed sections, a bullet list, a numbered list, links, doc references."""
    vi = lang == "vi"
    heads = rng.sample(V.VI_HEADINGS if vi else V.EN_HEADINGS, 3)
    refs = [d.vi(rng.randrange(2)) if vi else d.en(rng.randrange(2)) for d in a.docs]
    link_vi, link_en, url = rng.choice(V.LINKS)
    parts: list[str] = []
    if vi:
        others = f" cùng các tỉnh {', '.join(a.provinces[1:])}" if len(a.provinces) > 1 else ""
        parts.append(f"Thực hiện **{refs[0]}**, Liên hiệp các tổ chức hữu nghị tỉnh {a.provinces[0]}{others} "
                     f"thuộc Cụm {a.cluster} đã {rng.choice(V.VI_VERBS)} {rng.choice(V.VI_OBJECTS)} "
                     f"{rng.choice(V.VI_ADVERBIALS)}. " + _paragraph(rng, "vi", 2))
    else:
        others = f" with {', '.join(ascii_name(p) for p in a.provinces[1:])}" if len(a.provinces) > 1 else ""
        parts.append(f"Following **{refs[0]}**, the friendship union of {ascii_name(a.provinces[0])}{others} "
                     f"in Cluster {a.cluster} {rng.choice(V.EN_VERBS)} {rng.choice(V.EN_OBJECTS)} "
                     f"{rng.choice(V.EN_ADVERBIALS)}. " + _paragraph(rng, "en", 2))
    parts.append(f"## {heads[0]}")
    parts.append(_paragraph(rng, lang, 4))
    parts.append(_paragraph(rng, lang, 3))
    items = rng.sample(V.VI_OBJECTS if vi else V.EN_OBJECTS, rng.randint(4, 6))
    parts.append("\n".join(f"- {it[0].upper() + it[1:]}: {_sentence(rng, lang, False)}" for it in items))
    parts.append(f"## {heads[1]}")
    if vi:
        first = _sentence(rng, lang, False)
        parts.append(f"Theo [{link_vi}]({url}), " + first[0].lower() + first[1:] + " " + _paragraph(rng, lang, 2))
    else:
        parts.append(f"According to the [{link_en}]({url}), " + _paragraph(rng, lang, 3))
    for ref in refs[1:]:
        parts.append((f"Căn cứ {ref}, " if vi else f"Under {ref}, ") + _paragraph(rng, lang, 2))
    parts.append(f"### {'Các bước tiếp theo' if vi else 'Next steps'}")
    parts.append("\n".join(f"{i}. {_sentence(rng, lang, False)}" for i in range(1, rng.randint(3, 5) + 1)))
    parts.append(f"## {heads[2]}")
    parts.append(_paragraph(rng, lang, 3))
    if a.event:
        start, end, place = a.event
        parts.append((f"> Sự kiện diễn ra từ {start:%d/%m/%Y} đến {end:%d/%m/%Y} tại {place}."
                      if vi else f"> The event runs from {start:%d %B %Y} to {end:%d %B %Y} in {ascii_name(place)}."))
    text = "\n\n".join(parts)
    # top up to the target length with closing paragraphs
    while len(text.split()) < TARGET_WORDS - 40:
        text += "\n\n" + _paragraph(rng, lang, 2)
    return text + "\n"


# ------------------------------------------------------------------ model
def _model(n_pairs: int, seed: int) -> list[Article]:
    rng = random.Random(seed)
    start = dt.datetime(2019, 1, 1, 7, 0)
    span_minutes = int((dt.datetime(2025, 12, 31, 18, 0) - start).total_seconds() // 60)
    seen: dict[str, int] = {}
    arts: list[Article] = []
    for _ in range(n_pairs):
        date = start + dt.timedelta(minutes=rng.randrange(span_minutes))
        provinces = rng.sample(V.PROVINCES, rng.choice([1, 1, 2, 2, 3]))
        head_i = rng.randrange(len(V.VI_TITLE_HEADS))
        title_vi = f"{V.VI_TITLE_HEADS[head_i]} tại {provinces[0]} năm {date.year}"
        title_en = f"{ascii_name(provinces[0])} {V.EN_TITLE_HEADS[head_i]} in {date.year}"
        slug = slugify(title_vi)
        explicit = rng.random() < 0.2
        if slug in seen:  # a second article with the same headline: editors give it a Slug
            seen[slug] += 1
            slug = f"{slug}-{seen[slug]}"
            explicit = True
        else:
            seen[slug] = 1
        ndocs = rng.choice([1, 1, 2, 2, 3])
        docs = []
        for kind, sym, num in rng.sample(DOCS, ndocs):
            docs.append(Doc(kind, sym, num if num else rng.randrange(100, 5000), rng.randrange(2018, date.year + 1)))
        event = None
        if rng.random() < 0.05:
            ev_start = date + dt.timedelta(days=rng.randrange(1, 30), hours=rng.randrange(0, 4))
            event = (ev_start, ev_start + dt.timedelta(days=rng.randrange(0, 3)), rng.choice(V.PROVINCES))
        modified = date + dt.timedelta(hours=rng.randrange(1, 200)) if rng.random() < 0.2 else None
        a = Article(
            slug=slug, explicit_slug=explicit, date=date, modified=modified,
            category=rng.choice(V.CATEGORIES),
            tag_idx=rng.sample(range(len(V.VI_TAGS)), rng.randint(2, 5)),
            authors=rng.sample(V.AUTHORS, rng.choice([1, 1, 1, 2])),
            provinces=provinces, cluster=rng.choice([3, 5]), docs=docs, event=event,
            featured=rng.random() < 0.03, lang_header=rng.random() < 0.5,
            title={"vi": title_vi, "en": title_en},
        )
        a.summary = {"vi": _sentence(rng, "vi", False), "en": _sentence(rng, "en", False)}
        a.body = {lang: _body(rng, lang, a) for lang in LANGS}
        arts.append(a)
    return arts


def _tags(a: Article, lang: str) -> list[str]:
    return [(V.VI_TAGS if lang == "vi" else V.EN_TAGS)[i] for i in a.tag_idx]


# ------------------------------------------------------------------ render
def _render_contract(a: Article, lang: str) -> str:
    h = [f"Title: {a.title[lang]}", f"Date: {a.date:%Y-%m-%d %H:%M}"]
    if a.modified:
        h.append(f"Modified: {a.modified:%Y-%m-%d %H:%M}")
    if a.lang_header:
        h.append(f"Lang: {lang}")
    if a.explicit_slug and lang == "vi":  # translations take the original's slug
        h.append(f"Slug: {a.slug}")
    h += [f"Category: {a.category}", f"Tags: {', '.join(_tags(a, lang))}", f"Authors: {', '.join(a.authors)}",
          f"Provinces: {', '.join(a.provinces)}", f"Cluster: {a.cluster}"]
    if a.event:
        s, e, place = a.event
        h += [f"Event_start: {s:%Y-%m-%d %H:%M}", f"Event_end: {e:%Y-%m-%d}", f"Event_location: {place}"]
    if a.featured:
        h.append("Featured: true")
    h.append(f"Summary: {a.summary[lang]}")
    return "\n".join(h) + "\n\n" + a.body[lang]


def _toml_str(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _toml_list(xs: list[str]) -> str:
    return "[" + ", ".join(_toml_str(x) for x in xs) + "]"


def _render_hugo(a: Article, lang: str) -> str:
    tz = "+07:00"
    h = ["+++", f"title = {_toml_str(a.title[lang])}", f"date = {a.date:%Y-%m-%dT%H:%M:00}{tz}"]
    if a.modified:
        h.append(f"lastmod = {a.modified:%Y-%m-%dT%H:%M:00}{tz}")
    h += [f"slug = {_toml_str(a.slug)}", f"translationKey = {_toml_str(a.slug)}",
          f"categories = {_toml_list([a.category])}", f"tags = {_toml_list(_tags(a, lang))}",
          f"authors = {_toml_list(a.authors)}", f"summary = {_toml_str(a.summary[lang])}"]
    h += ["[params]", f"provinces = {_toml_list(a.provinces)}", f"cluster = {a.cluster}"]
    if a.event:
        s, e, place = a.event
        h += [f"event_start = {_toml_str(f'{s:%Y-%m-%d %H:%M}')}", f"event_end = {_toml_str(f'{e:%Y-%m-%d}')}",
              f"event_location = {_toml_str(place)}"]
    if a.featured:
        h.append("featured = true")
    h.append("+++")
    return "\n".join(h) + "\n\n" + a.body[lang]


ABOUT = {
    "vi": ("Giới thiệu", "Tập san điện tử của các Liên hiệp các tổ chức hữu nghị, đưa tin về hoạt động đối ngoại "
           "nhân dân, hợp tác quốc tế và viện trợ phi chính phủ tại các địa phương."),
    "en": ("About", "The online bulletin of the provincial unions of friendship organisations: news of "
           "people-to-people diplomacy, international co-operation and NGO aid in the provinces."),
}


def _about(lang: str, fmt: str) -> str:
    title, text = ABOUT[lang]
    if fmt == "hugo":
        head = f'+++\ntitle = "{title}"\nslug = "gioi-thieu"\ntranslationKey = "gioi-thieu"\n+++\n'
    else:
        head = f"Title: {title}\n" + (f"Slug: gioi-thieu\n" if lang == "vi" else "") + f"Lang: {lang}\n"
    return head + "\n" + text + "\n"


def generate(dest: Path, n_pairs: int, seed: int = 1, fmt: str = "pelican") -> list[Path]:
    """Write the corpus under dest/content; return the article paths (vi first of each pair)."""
    if fmt not in ("pelican", "contract", "hugo"):
        raise ValueError(f"unknown fmt {fmt!r}")
    render = _render_hugo if fmt == "hugo" else _render_contract
    content = Path(dest) / "content"
    written: list[Path] = []
    for a in _model(n_pairs, seed):
        d = content / "articles" / f"{a.date:%Y}"
        d.mkdir(parents=True, exist_ok=True)
        for lang in LANGS:
            p = d / f"{a.slug}.{lang}.md"
            p.write_text(render(a, lang), encoding="utf-8", newline="\n")
            written.append(p)
    pages = content / "pages"
    pages.mkdir(parents=True, exist_ok=True)
    for lang in LANGS:
        (pages / f"gioi-thieu.{lang}.md").write_text(_about(lang, fmt), encoding="utf-8", newline="\n")
    return written


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dest", type=Path)
    ap.add_argument("n", type=int)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--fmt", default="pelican", choices=["pelican", "hugo"])
    args = ap.parse_args(argv)
    paths = generate(args.dest, args.n, args.seed, args.fmt)
    print(f"wrote {len(paths)} article files under {args.dest / 'content'}")


if __name__ == "__main__":
    main()

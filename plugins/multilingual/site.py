"""Language trees: which page exists in which language, at which URL, showing what.

Everything is computed from one read of the content, for all languages at once.
A tree lists every article: the version in its language when there is one, else the
original (templates mark it with the original's language). Pages of a tree are first
listed as `OutputPage`s, then rendered, so each page knows its translations before
any page is written.
"""

import os
from collections import defaultdict
from dataclasses import dataclass, field

from blinker import signal

import contract

# Other plugins add pages to the language trees by answering this signal:
#
#     @tree_pages_signal.connect
#     def document_pages(tree, context, settings):
#         yield OutputPage(("document", slug), tree.lang, url, "document.html", {...})
#
# It is sent once per tree after the trees are built; `context` is Pelican's shared
# context (with "trees" and "article_groups"). Pages with the same identity in several
# trees become each other's translations. Templates get the page's `context` dict.
tree_pages_signal = signal("multilingual-tree-pages")
# Templates of the content pages (articles and pages), which the generator writes first.
CONTENT_TEMPLATES = ("article.html", "page.html")
# Sent by the generator once every content page is on disk, while it goes on with the
# listings and before the other plugins write their files (feeds, calendars, PDFs): work
# that needs only the content pages (the search index) can start then.
content_pages_written_signal = signal("multilingual-content-pages-written")
# Sent by the generator before it checks or renders any page: receivers return the URLs
# (OutputPage.url) of pages to write first, such as those open in the preview server's
# browsers. Once they are on disk, `first_pages_written_signal` is sent with
# `pages=[(url, path of the file written)]`, and the build goes on with the others.
pages_wanted_first_signal = signal("multilingual-pages-wanted-first")
first_pages_written_signal = signal("multilingual-first-pages-written")


@dataclass
class ArticleGroup:
    """One article and its translations, keyed by their shared slug."""

    slug: str
    original: object
    versions: dict  # language code -> Article

    def in_language(self, code):
        return self.versions.get(code, self.original)


@dataclass
class OutputPage:
    identity: tuple  # the same page across languages, e.g. ("category", "conferences", 2)
    lang: object  # Language of the tree the page belongs to
    url: str  # site-relative, "" for the root, clean URLs end with "/"
    template: str
    context: dict = field(default_factory=dict)
    translations: list = field(default_factory=list)  # [(Language, url)] that really exist
    switcher: list = field(default_factory=list)  # [(Language, url, exists)] in menu order

    @property
    def save_as(self) -> str:
        return file_of(self.url)


def file_of(url: str) -> str:
    """The file of a site-relative URL: clean URLs ("", "bai-viet/x/") are folders."""
    return url + "index.html" if url == "" or url.endswith("/") else url


@dataclass
class Pagination:
    number: int
    count: int
    items: list
    urls: list  # URL of each page, index 0 is page 1

    @property
    def previous_url(self):
        return self.urls[self.number - 2] if self.number > 1 else None

    @property
    def next_url(self):
        return self.urls[self.number] if self.number < self.count else None


def source_stem(content) -> tuple:
    """Files `x/<stem>.<lang>.md` in one folder are one article in several languages."""
    folder, name = os.path.split(content.relative_source_path)
    return folder, name.split(".", 1)[0]


def group_translations(items, default_lang) -> list[ArticleGroup]:
    """Group content by slug; a translation without its own `Slug` takes its original's.

    The original of a group is the default-language version, else the oldest one.
    Pelican derives a missing slug from each file's own title, which would split an
    English translation from its Vietnamese original, hence this second grouping.
    """

    def pick_original(members):
        in_default = [m for m in members if m.lang == default_lang]
        return (in_default or sorted(members, key=lambda m: (m.date, m.source_path)))[0]

    by_stem = defaultdict(list)
    for item in items:
        by_stem[source_stem(item)].append(item)
    for members in by_stem.values():
        original = pick_original(members)
        for member in members:
            if member is not original and "slug" not in member.metadata:
                member.slug = original.slug

    by_slug = defaultdict(list)
    for item in items:
        # Slugs are final now: fix each URL once (Pelican formats it anew on every access).
        item.override_url = item.url
        by_slug[item.slug].append(item)
    groups = []
    for slug in sorted(by_slug):
        members = sorted(by_slug[slug], key=lambda m: (m.lang, m.source_path))
        for member in members:
            member.translations = [m for m in members if m is not member]
        versions = {}
        for member in members:
            versions.setdefault(member.lang, member)
        groups.append(ArticleGroup(slug, pick_original(members), versions))
    return groups


def newest_first(articles):
    return sorted(articles, key=lambda a: (a.date, a.slug), reverse=True)


@dataclass
class Tree:
    """What one language shows: all articles (translated or original), grouped for listings."""

    lang: object
    articles: list
    pages: list
    categories: dict  # key -> articles
    tags: dict  # slug -> (name, articles)
    authors: dict  # slug -> (name, articles)
    years: dict  # year -> articles

    @property
    def category_keys(self):
        return list(contract.CATEGORIES)

    def url(self, kind, key=None) -> str:
        words = self.lang.words
        if kind == "home":
            return self.lang.prefix
        if kind == "category":
            segment = key
            if self.lang.is_default:
                segment = contract.CATEGORIES.get(key, {}).get("vi_slug", key)
            return f"{self.lang.prefix}{words['category']}/{segment}/"
        if kind in ("tag", "author"):
            return f"{self.lang.prefix}{words[kind]}/{key}/"
        if kind == "archives":
            return f"{self.lang.prefix}{words['archive']}/"
        if kind == "year":
            return f"{self.lang.prefix}{words['archive']}/{key}/"
        if kind in ("gallery", "links"):
            return f"{self.lang.prefix}{words[kind]}/"
        if kind == "404":
            return f"{self.lang.prefix}404.html"
        raise ValueError(kind)

    def page_urls(self, first_url, count) -> list:
        word = self.lang.words["page"]
        return [first_url] + [f"{first_url}{word}/{n}/" for n in range(2, count + 1)]


def build_tree(lang, groups, page_groups) -> Tree:
    articles = newest_first(g.in_language(lang.code) for g in groups)
    categories = defaultdict(list)
    tags, authors, years = {}, {}, defaultdict(list)
    for article in articles:
        category = getattr(article, "category", None)
        if category is not None:
            categories[category.slug].append(article)
        for tag in getattr(article, "tags", ()):
            tags.setdefault(tag.slug, (tag.name, []))[1].append(article)
        for author in getattr(article, "authors", ()):
            authors.setdefault(author.slug, (author.name, []))[1].append(article)
        years[article.date.year].append(article)
    pages = sorted((g.in_language(lang.code) for g in page_groups), key=lambda p: p.slug)
    return Tree(
        lang=lang,
        articles=articles,
        pages=pages,
        categories=dict(categories),
        tags=dict(sorted(tags.items())),
        authors=dict(sorted(authors.items())),
        years=dict(sorted(years.items(), reverse=True)),
    )


def paginate(tree, identity, first_url, items, per_page, template, context):
    """One OutputPage per page of a listing."""
    count = max(1, -(-len(items) // per_page))
    urls = tree.page_urls(first_url, count)
    for number in range(1, count + 1):
        chunk = items[(number - 1) * per_page : number * per_page]
        page_context = dict(context)
        page_context.update(articles_page=Pagination(number, count, chunk, urls), articles=items)
        yield OutputPage(identity + (number,), tree.lang, urls[number - 1], template, page_context)


def tree_pages(tree, settings):
    """Every page of one language tree."""
    per_page = settings.get("DEFAULT_PAGINATION") or 10
    yield OutputPage(
        ("home",),
        tree.lang,
        tree.url("home"),
        "index.html",
        {"articles": tree.articles},
    )
    for article in tree.articles:
        if article.lang == tree.lang.code:
            yield OutputPage(
                ("article", article.slug),
                tree.lang,
                article.url,
                "article.html",
                {"article": article},
            )
    for page in tree.pages:
        if page.lang == tree.lang.code:
            yield OutputPage(("page", page.slug), tree.lang, page.url, "page.html", {"page": page})
    for key in contract.CATEGORIES:
        items = tree.categories.get(key, [])
        yield from paginate(
            tree,
            ("category", key),
            tree.url("category", key),
            items,
            per_page,
            "category.html",
            {"category_key": key},
        )
    for slug, (name, items) in tree.tags.items():
        yield from paginate(
            tree,
            ("tag", slug),
            tree.url("tag", slug),
            items,
            per_page,
            "tag.html",
            {"tag_name": name},
        )
    for slug, (name, items) in tree.authors.items():
        yield from paginate(
            tree,
            ("author", slug),
            tree.url("author", slug),
            items,
            per_page,
            "author.html",
            {"author_name": name},
        )
    yield OutputPage(
        ("archives",),
        tree.lang,
        tree.url("archives"),
        "archives.html",
        {"years": tree.years},
    )
    for year, items in tree.years.items():
        yield from paginate(
            tree,
            ("year", year),
            tree.url("year", year),
            items,
            per_page,
            "year.html",
            {"year": year},
        )
    photos = [a for a in tree.articles if a.metadata.get("image")]
    yield OutputPage(
        ("gallery",), tree.lang, tree.url("gallery"), "gallery.html", {"photos": photos}
    )
    yield OutputPage(("links",), tree.lang, tree.url("links"), "links.html", {})
    yield OutputPage(("404",), tree.lang, tree.url("404"), "404.html", {})


def link_translations(pages, languages, default_code):
    """Give every page its real translations and a language switcher entry per language.

    The versions of one page share these lists (read-only), so the page cache describes
    them once per page, not once per language.
    """
    by_identity = defaultdict(dict)
    for page in pages:
        by_identity[page.identity][page.lang.code] = page
    linked = {}
    for page in pages:
        if page.identity not in linked:
            versions = by_identity[page.identity]
            translations = [
                (languages[code], versions[code].url) for code in languages if code in versions
            ]
            switcher = [
                (
                    lang,
                    versions[code].url if code in versions else lang.prefix,
                    code in versions,
                )
                for code, lang in languages.items()
            ]
            default = versions.get(default_code) or next(iter(versions.values()))
            linked[page.identity] = translations, switcher, default.url
        page.translations, page.switcher, page.x_default = linked[page.identity]

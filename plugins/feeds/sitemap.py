"""sitemap.xml with hreflang alternates (and a sitemap index past the size limit), robots.txt."""

from xml.sax.saxutils import escape, quoteattr

from .common import absolute, modified, options

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"


def lastmod(page, newest=None):
    """Modified or Date of an article or page; the newest of the articles a listing shows.

    `newest` (id of a list -> its newest date) lets every page of a paginated listing,
    which all share the listing's whole article list, compute it once."""
    context = page.context
    for key in ("article", "page"):
        if key in context:
            return modified(context[key])
    articles = context.get("articles") or ()
    if newest is not None and id(articles) in newest:
        return newest[id(articles)][1]
    dates = [modified(item) for item in articles]
    when = max((d for d in dates if d is not None), default=None)
    if newest is not None:
        newest[id(articles)] = (articles, when)  # the list is kept so its id stays unique
    return when


def listed_pages(pages, settings):
    excluded = set(options(settings)["sitemap_exclude"])
    return [page for page in pages if page.identity[0] not in excluded]


def url_entry(page, settings, newest=None, alternates=None) -> str:
    alternates = {} if alternates is None else alternates
    lines = ["<url>", f"<loc>{escape(absolute(settings, page.url))}</loc>"]
    when = lastmod(page, newest)
    if when is not None:
        lines.append(f"<lastmod>{when.isoformat(timespec='seconds')}</lastmod>")
    if page.translations:
        key = id(page.translations)  # the versions of one page share it, and these lines
        if key not in alternates:
            alternates[key] = alternate_links(page, settings)
        lines.append(alternates[key])
    lines.append("</url>")
    return "\n".join(lines)


def alternate_links(page, settings) -> str:
    links = [
        f'<xhtml:link rel="alternate" hreflang={quoteattr(lang.tag)} '
        f"href={quoteattr(absolute(settings, url))}/>"
        for lang, url in page.translations
    ]
    links.append(
        '<xhtml:link rel="alternate" hreflang="x-default" '
        f"href={quoteattr(absolute(settings, page.x_default))}/>"
    )
    return "\n".join(links)


def urlset(entries) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<urlset xmlns="{SITEMAP_NS}" xmlns:xhtml="{XHTML_NS}">\n'
        + "\n".join(entries)
        + "\n</urlset>\n"
    )


def write_sitemaps(pages, settings, output_path, write) -> list[str]:
    """Write sitemap.xml (or an index and its parts); return the site-relative file names."""
    limit = options(settings)["sitemap_max_urls"]
    listed = listed_pages(pages, settings)
    newest, alternates = {}, {}
    entries = [url_entry(page, settings, newest, alternates) for page in listed]
    if len(entries) <= limit:
        write(output_path / "sitemap.xml", urlset(entries).encode("utf-8"))
        return ["sitemap.xml"]
    names, parts = [], []
    for number, start in enumerate(range(0, len(entries), limit), start=1):
        name = f"sitemap-{number}.xml"
        write(output_path / name, urlset(entries[start : start + limit]).encode("utf-8"))
        names.append(name)
        dates = [lastmod(page, newest) for page in listed[start : start + limit]]
        dates = [d for d in dates if d is not None]
        stamp = f"<lastmod>{max(dates).isoformat(timespec='seconds')}</lastmod>" if dates else ""
        parts.append(f"<sitemap><loc>{escape(absolute(settings, name))}</loc>{stamp}</sitemap>")
    index = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<sitemapindex xmlns="{SITEMAP_NS}">\n' + "\n".join(parts) + "\n</sitemapindex>\n"
    )
    write(output_path / "sitemap.xml", index.encode("utf-8"))
    return ["sitemap.xml", *names]


def robots_txt(settings) -> str:
    return f"User-agent: *\nAllow: /\n\nSitemap: {absolute(settings, 'sitemap.xml')}\n"

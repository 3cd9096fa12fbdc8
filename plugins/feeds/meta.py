"""Sharing and structured metadata of a page: canonical URL, description, OpenGraph, JSON-LD."""

import json
import os
from pathlib import Path

from markupsafe import Markup

import contract

from .common import (
    absolute, category_label, modified, og_locale, options, page_title, site_base, site_name, text, translator,
)
from .feeds import feed_links
from .imagesize import image_size


def json_script(data) -> Markup:
    """JSON for a <script type="application/ld+json">: `<`, `>` and `&` escaped, so no text
    can close the element or open a comment."""
    encoded = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        encoded = encoded.replace(char, escaped)
    encoded = encoded.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return Markup(encoded)


def image_info(settings, path):
    """Absolute URL and (width, height) of an image under the content folder."""
    if not path:
        return None
    path = str(path).lstrip("/")
    size = image_size(os.path.join(settings["PATH"], path))
    return {"url": absolute(settings, path), "size": size}


def logo_info(settings):
    logo = options(settings)["logo"]
    static_dir = settings.get("THEME_STATIC_DIR", "theme")
    size = image_size(str(Path(settings["THEME"]) / "static" / logo))
    return {"url": absolute(settings, f"{static_dir}/{logo}"), "size": size}


def image_object(info) -> dict:
    data = {"@type": "ImageObject", "url": info["url"]}
    if info["size"]:
        data["width"], data["height"] = info["size"]
    return data


def publisher(settings, code) -> dict:
    return {
        "@type": "Organization",
        "name": site_name(settings, code),
        "url": absolute(settings, ""),
        "logo": image_object(logo_info(settings)),
    }


def breadcrumbs(settings, page, tree, title) -> dict | None:
    gettext = translator(settings, page.lang.code).gettext
    trail = [(gettext("Home"), tree.url("home"))]
    kind = page.identity[0]
    if kind == "home":
        return None
    if kind == "article":
        article = page.context["article"]
        category = getattr(article, "category", None)
        if category is not None and category.slug in contract.CATEGORIES:
            label = category_label(settings, page.lang.code, category.slug)
            trail.append((label, tree.url("category", category.slug)))
    elif kind == "year":
        trail.append((gettext("Archives"), tree.url("archives")))
    first_page = page.context.get("articles_page")
    url = first_page.urls[0] if first_page is not None else page.url
    trail.append((title, url))
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": n, "name": name, "item": absolute(settings, link)}
            for n, (name, link) in enumerate(trail, start=1)
        ],
    }


def head_meta(settings, page, tree) -> dict:
    """Everything partials/head_meta.html writes for one OutputPage."""
    code = page.lang.code
    kind = page.identity[0]
    title = page_title(settings, page)
    name = site_name(settings, code)
    canonical = absolute(settings, page.url) if kind != "404" else None
    item = page.context.get("article") or page.context.get("page")
    description = ""
    if item is not None and "summary" in item.metadata:
        description = text(item.summary)
    elif kind == "home":
        description = name
    image = image_info(settings, getattr(item, "image", None)) if item is not None else None

    og = [("og:site_name", name), ("og:title", title)]
    og.append(("og:type", "article" if kind == "article" else "website"))
    if canonical:
        og.append(("og:url", canonical))
    if description:
        og.append(("og:description", description))
    og.append(("og:locale", og_locale(page.lang)))
    for lang, _url in page.translations:
        if lang.code != code:
            og.append(("og:locale:alternate", og_locale(lang)))
    if image:
        og.append(("og:image", image["url"]))
        if image["size"]:
            og.extend([("og:image:width", str(image["size"][0])), ("og:image:height", str(image["size"][1]))])
        caption = getattr(item, "image_caption", None)
        if caption:
            og.append(("og:image:alt", text(caption)))

    structured = []
    if kind == "article":
        article = item
        published = article.date.isoformat()
        updated = modified(article).isoformat()
        og.extend([("article:published_time", published), ("article:modified_time", updated)])
        category = getattr(article, "category", None)
        if category is not None and category.slug in contract.CATEGORIES:
            og.append(("article:section", category_label(settings, code, category.slug)))
        for tag in getattr(article, "tags", ()):
            og.append(("article:tag", tag.name))
        authors = [{"@type": "Person", "name": a.name} for a in getattr(article, "authors", ())]
        news = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": title,
            "datePublished": published,
            "dateModified": updated,
            "author": authors or [publisher(settings, code)],
            "publisher": publisher(settings, code),
            "inLanguage": page.lang.tag,
            "mainEntityOfPage": {"@type": "WebPage", "@id": canonical},
            "url": canonical,
        }
        if description:
            news["description"] = description
        news["image"] = [image_object(image) if image else image_object(logo_info(settings))]
        structured.append(news)
    if kind == "home":
        structured.append(
            {
                "@context": "https://schema.org",
                "@type": "WebSite",
                "name": name,
                "url": canonical,
                "inLanguage": page.lang.tag,
                "publisher": publisher(settings, code),
            }
        )
    trail = breadcrumbs(settings, page, tree, title) if kind != "404" else None
    if trail:
        structured.append(trail)

    return {
        "canonical": canonical,
        "description": description,
        "og": og,
        "feeds": feed_links(settings, tree, page.identity),
        "json_ld": [json_script(data) for data in structured],
        "site_base": site_base(settings),
    }

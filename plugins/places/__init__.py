"""Provinces and friendship-union clusters on the site.

* Every name in an article's `Provinces` must be a province or centrally run city of
  ``provinces.toml`` (the 63 in force until 2025, which the archive uses); an unknown
  name is an ERROR naming the file and line and listing close matches, so the build
  fails and the published site stays as it was. An unknown `Cluster` is a warning
  (only clusters 3 and 5 are recorded) and is shown without a link.
* Every language tree gets a page per province that articles name
  (``tinh-thanh/<slug>/``, ``<lang>/provinces/<slug>/``) and per recorded cluster
  (``cum/<n>/``, ``<lang>/clusters/<n>/``); a cluster page lists its member provinces
  and the articles of the cluster or of its members.
* Templates link an article's provinces and cluster through ``places_index[lang.code]``
  (methods ``province(name)`` and ``cluster(number)``), a provider tracked by the page
  cache.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

from pelican import signals

import contract
from multilingual.pagecache import PROVIDERS_KEY
from multilingual.site import paginate, tree_pages_signal

from . import places

logger = logging.getLogger(__name__)

CONTEXT_KEY = "places_index"


def _prefix(code):
    return "" if code == contract.DEFAULT_LANG else f"{code}/"


def _words(code):
    return contract.PATH_WORDS.get(code, contract.PATH_WORDS["*"])


def province_url(code, slug):
    return f"{_prefix(code)}{_words(code)['provinces']}/{slug}/"


def cluster_url(code, number):
    return f"{_prefix(code)}{_words(code)['clusters']}/{number}/"


def _line_of(path, key) -> int | None:
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    for number, line in enumerate(lines, 1):
        if line.lower().startswith(key.lower() + ":"):
            return number
    return None


def article_places(article):
    """(provinces, cluster) of an article: Province objects and a Cluster or None."""
    raw = article.metadata.get("provinces") or ""
    names = places.split_names(raw if isinstance(raw, str) else ", ".join(raw))
    found = [p for p in (places.lookup(name) for name in names) if p is not None]
    cluster = (
        places.cluster(article.metadata.get("cluster") or "")
        if article.metadata.get("cluster")
        else None
    )
    return found, cluster


def validate(generator):
    """One ERROR per unknown province name; one warning per unknown cluster."""
    for article in (*generator.articles, *generator.translations, *generator.drafts):
        relative = os.path.relpath(article.source_path, generator.settings["PATH"])
        raw = article.metadata.get("provinces")
        if raw:
            names = places.split_names(raw if isinstance(raw, str) else ", ".join(raw))
            for name in names:
                if places.lookup(name) is not None:
                    continue
                close = places.suggest(name)
                hint = f"did you mean {', '.join(close)}?" if close else "no close match"
                logger.error(
                    "%s:%s: Provinces: unknown province %r (%s); names are those of the "
                    "63 provinces and cities before 2025, see plugins/places/provinces.toml",
                    relative,
                    _line_of(article.source_path, "Provinces") or "?",
                    name,
                    hint,
                )
        number = article.metadata.get("cluster")
        if number and places.cluster(number) is None:
            logger.warning(
                "%s:%s: Cluster: %r is not a recorded cluster (known: %s); it is shown "
                "without a link",
                relative,
                _line_of(article.source_path, "Cluster") or "?",
                str(number),
                ", ".join(str(c.number) for c in places.clusters()),
            )


@dataclass(frozen=True)
class ProvinceView:
    slug: str
    name: str  # in the tree's language
    local_name: str  # Vietnamese
    url: str
    cluster: int | None
    cluster_url: str | None


@dataclass(frozen=True)
class ClusterView:
    number: int
    name: str
    url: str
    members: tuple  # (name, url or None)


class PlacesTree:
    """Links to province and cluster pages in one language tree (tracked by the page cache)."""

    def __init__(self, tree, province_slugs):
        self.code = tree.lang.code
        self.province_slugs = frozenset(province_slugs)

    @property
    def cache_key(self):
        return ("places", self.code)

    def label(self, province):
        return province.name if self.code == contract.DEFAULT_LANG else province.name_en

    def province(self, name):
        """(label, url) of a province page for a name as written, or None."""
        found = places.lookup(str(name))
        if found is None or found.slug not in self.province_slugs:
            return None
        return self.label(found), province_url(self.code, found.slug)

    def cluster(self, number):
        """URL of a cluster's page, or None for an unrecorded cluster."""
        found = places.cluster(number)
        if found is None:
            return None
        return cluster_url(self.code, found.number)


CITED_KEY = "places_cited"  # context key of the provinces some article cites


def cited_provinces(context) -> set:
    sources = context.get("multilingual_sources", {}).get("articles", [])
    slugs = set()
    for article in sources:
        found, _ = article_places(article)
        slugs.update(p.slug for p in found)
    return slugs


def place_pages(tree, context, settings):
    code = tree.lang.code
    if CITED_KEY not in context:  # the same for every tree: found once
        context[CITED_KEY] = cited_provinces(context)
    slugs = context[CITED_KEY]
    index = context.setdefault(CONTEXT_KEY, {})
    provider = PlacesTree(tree, slugs)
    index[code] = provider
    context.setdefault(PROVIDERS_KEY, []).append(provider)

    per_page = settings.get("DEFAULT_PAGINATION") or 10
    by_province, by_cluster = {}, {}
    for article in tree.articles:  # newest first
        found, cluster = article_places(article)
        for province in found:
            by_province.setdefault(province.slug, []).append(article)
        numbers = {p.cluster_number for p in found if p.cluster_number}
        if cluster is not None:
            numbers.add(cluster.number)
        for number in numbers:
            by_cluster.setdefault(number, []).append(article)

    pages = []
    for slug in sorted(slugs):
        province = places.province(slug)
        number = province.cluster_number
        view = ProvinceView(
            slug=slug,
            name=provider.label(province),
            local_name=province.name,
            url=province_url(code, slug),
            cluster=number,
            cluster_url=cluster_url(code, number) if number else None,
        )
        pages.extend(
            paginate(
                tree,
                ("province", slug),
                view.url,
                by_province.get(slug, []),
                per_page,
                "province.html",
                {"province": view},
            )
        )
    for cluster in places.clusters():
        view = ClusterView(
            number=cluster.number,
            name=cluster.name if code == contract.DEFAULT_LANG else cluster.name_en,
            url=cluster_url(code, cluster.number),
            members=tuple(
                (provider.label(p), province_url(code, p.slug) if p.slug in slugs else None)
                for p in cluster.members
            ),
        )
        pages.extend(
            paginate(
                tree,
                ("cluster", cluster.number),
                view.url,
                by_cluster.get(cluster.number, []),
                per_page,
                "cluster.html",
                {"cluster": view},
            )
        )
    return pages


def register():
    signals.article_generator_finalized.connect(validate)
    tree_pages_signal.connect(place_pages)

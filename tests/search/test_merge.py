"""Pagefind bundles of parts of a language merged into the bundle of one run
(plugins/search/merge.py, issue #12)."""

import gzip
import json
import random

import pytest
from search.canonical import SIGNATURE, canonicalise, read
from search.languages import run_pagefind
from search.merge import PREPARED, merge
from search.search import pagefind_command

# Words with and without their marks, so that folded words carry several marked variants.
MARKED = (
    "lâm làm lãm lam mô mở đó độ đỏ đông động đồng dong nguyên nguyện nguyễn hội nghị hữu "
    "đoàn kết nhân dân đối ngoại tỉnh liên hiệp chỉ thị công văn số cụm thi đua tháp "
    "hòa bình hợp tác phát triển giao lưu văn hóa học bổng"
)
WORDS = [
    *MARKED.split(" "),
    *(f"12-CT/TW{n}" for n in range(30)),
    *(f"tu{n}" for n in range(300)),
    *(f"từ{n}" for n in range(30)),
]
PROVINCES = ("An Giang", "Đắk Lắk", "Quảng Trị", "Điện Biên")


def write_site(site, pages=60, seed=7):
    pick = random.Random(seed)
    paths = []
    for n in range(pages):
        path = f"{2019 + n % 3}/bai-{n:03}/index.html"
        text = " ".join(pick.choice(WORDS) for _ in range(pick.randint(300, 700)))
        province = pick.choice(PROVINCES)
        html = (
            f'<!DOCTYPE html><html lang="vi"><head><title>Bài {n}</title></head><body>'
            f"<main data-pagefind-body><h1>Bài số {n} về {pick.choice(WORDS)}</h1>"
            f'<p data-pagefind-filter="province">{province}</p>'
            f'<p data-pagefind-meta="date">{n % 28 + 1}/04/2022</p><p>{text}</p></main>'
            "</body></html>"
        )
        (site / path).parent.mkdir(parents=True)
        (site / path).write_text(html, encoding="utf-8")
        paths.append(path)
    return paths


def index(site, paths, output):
    """A bundle of `paths` as the build makes a part's (languages.py), then made stable."""
    bundle = run_pagefind(site, paths, output.parent, output.name, pagefind_command)
    bundle.rename(output)
    canonicalise(output)
    return output


def contents(bundle):
    """Every file of a bundle, Pagefind's compressed files decompressed (gzip levels differ)."""
    files = {}
    for path in sorted(bundle.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            if data[:2] == b"\x1f\x8b":
                data = gzip.decompress(data)
                assert data.startswith(SIGNATURE)
            files[str(path.relative_to(bundle))] = data
    return files


def page_urls(bundle):
    (language, info), *_ = json.loads((bundle / "pagefind-entry.json").read_text())[
        "languages"
    ].items()
    meta = read(bundle / f"pagefind.{info['hash']}.pf_meta")
    return [
        json.loads(
            gzip.decompress((bundle / "fragment" / f"{name}.pf_fragment").read_bytes())[
                len(SIGNATURE) :
            ]
        )["url"]
        for name, _ in meta[1]
    ]


@pytest.fixture(scope="module")
def indexed(tmp_path_factory):
    root = tmp_path_factory.mktemp("merge")
    site = root / "site"
    paths = write_site(site)
    whole = index(site, paths, root / "whole")
    # Consecutive in the run's own order (the file system's), not the paths' order, which
    # the merge's own order (by URL) must then put right.
    ordered = [url.strip("/") + "/index.html" for url in page_urls(whole)]
    assert ordered != sorted(ordered), "the test needs a run whose order is not the URLs'"
    bounds = [(0, 25), (25, 37), (37, 60)]
    parts = [index(site, ordered[a:b], root / f"part{n}") for n, (a, b) in enumerate(bounds)]
    by_url = [index(site, sorted(paths)[a:b], root / f"url{n}") for n, (a, b) in enumerate(bounds)]
    return root, whole, parts, by_url


def test_merged_in_the_runs_order_the_parts_are_the_run(indexed):
    root, whole, parts, _ = indexed
    assert len([*(whole / "index").iterdir()]) >= 3, "the test needs several index chunks"
    merged = root / "merged-in-order"
    merge(parts, merged, order=page_urls(whole))
    expected, got = contents(whole), contents(merged)
    published = {name for name in expected if "-ui" not in name and "highlight" not in name}
    assert sorted(got) == sorted(published)
    for name in sorted(published):
        assert got[name] == expected[name], name


def test_merged_pages_are_numbered_by_url(indexed):
    root, whole, _, parts = indexed
    merged = root / "merged"
    merge(parts, merged)
    assert page_urls(merged) == sorted(page_urls(whole))
    assert all((part / PREPARED).is_file() for part in parts), "each part prepared once"
    again = root / "merged-again"
    merge(list(reversed(parts)), again)  # from the prepared parts this time
    assert contents(again) == contents(merged), "the same pages give the same bundle"


def test_merged_by_url_is_the_run_renumbered(indexed):
    """The URL-numbered merge finds what the run finds: each word on the same pages, with the
    same positions and weights, once the run's page numbers are turned into URLs."""
    root, whole, _, parts = indexed
    merged = root / "merged-urls"
    merge(parts, merged)

    def words(bundle):
        urls = page_urls(bundle)
        found = {}
        for path in (bundle / "index").iterdir():
            for word, pages, variants in read(path)[0]:
                for key, entries in [(word, pages), *((f"{word}/{f}", p) for f, p in variants)]:
                    number, located = 0, {}
                    for delta, locations, meta in entries:
                        number += delta
                        located[urls[number]] = (locations, meta)
                    found[key] = located
        return found

    assert words(merged) == words(whole)


def test_parts_that_interleave_are_refused(indexed):
    root, whole, parts, _ = indexed
    with pytest.raises(ValueError, match="consecutive"):
        merge(parts, root / "interleaved")  # consecutive in the run's order, not by URL

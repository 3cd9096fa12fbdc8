"""Pagefind's filter files in a stable order (plugins/search/canonical.py, issue #9)."""

import gzip
import json
import random

import cbor2
import pytest
from search.canonical import (
    SIGNATURE,
    canonicalise,
    compress,
    full_hash,
    meta_name,
    read,
    short_name,
)

FILTERS = {
    "category": {"Hội nghị": [1, 5, 9], "Hợp tác quốc tế": [7, 8], "Chỉ đạo": [2, 6]},
    "province": {"Đắk Lắk": [2, 4], "An Giang": [11], "Bạc Liêu": [11, 12], "Cà Mau": [3]},
    "year": {"2022": [11, 12], "2024": [1, 2, 3]},
}


def write_bundle(folder, seed):
    """A two-language bundle as Pagefind writes it, every hash-map order shuffled by `seed`."""
    shuffle = random.Random(seed).shuffle
    languages = {}
    for language in ("vi", "en"):
        refs = []
        for name, values in FILTERS.items():
            items = [[value, pages] for value, pages in values.items()]
            shuffle(items)
            raw = cbor2.dumps([name, items])
            ref = f"{language}_{full_hash(raw)[:7]}"
            (folder / "filter").mkdir(parents=True, exist_ok=True)
            (folder / "filter" / f"{ref}.pf_filter").write_bytes(compress(raw))
            refs.append([name, ref])
        shuffle(refs)
        sorts = [["date", [2, 1, 3]], ["title", [3, 1, 2]]]
        shuffle(sorts)
        pages = [[f"{language}_abc{n}", 100 + n] for n in range(4)]
        meta = ["1.5.2", pages, [["0", "zz", f"{language}_1234567"]], refs, sorts, ["title"]]
        raw = cbor2.dumps(meta)
        hash = meta_name(language, raw)
        (folder / f"pagefind.{hash}.pf_meta").write_bytes(compress(raw))
        languages[language] = {"hash": hash, "wasm": None, "page_count": 4}
    order = list(languages)
    shuffle(order)
    entry = {
        "version": "1.5.2",
        "languages": {lang: languages[lang] for lang in order},
        "include_characters": ["_", "‿"],
    }
    text = json.dumps(entry, ensure_ascii=False, separators=(",", ":"))
    (folder / "pagefind-entry.json").write_text(text, encoding="utf-8")
    return folder


def snapshot(folder):
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_shuffled_bundles_canonicalise_to_the_same_bytes(tmp_path):
    bundles = [write_bundle(tmp_path / str(seed), seed) for seed in range(6)]
    assert len({tuple(sorted(snapshot(b).items())) for b in bundles}) > 1, "shuffled differently"
    for bundle in bundles:
        canonicalise(bundle)
    first = snapshot(bundles[0])
    assert len(first) == 2 * 3 + 2 + 1  # the old files were removed, not left beside the new
    for bundle in bundles[1:]:
        assert snapshot(bundle) == first


def test_canonical_bundle_is_sorted_and_every_reference_resolves(tmp_path):
    bundle = write_bundle(tmp_path, seed=1)
    canonicalise(bundle)
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["en", "vi"]
    for language, info in entry["languages"].items():
        meta = read(bundle / f"pagefind.{info['hash']}.pf_meta")
        assert [name for name, _ in meta[3]] == ["category", "province", "year"]
        assert [sort for sort, _ in meta[4]] == ["date", "title"]
        assert meta[4][0][1] == [2, 1, 3], "the pages of a sort keep their order"
        for name, ref in meta[3]:
            assert ref.startswith(f"{language}_")
            filter_name, values = read(bundle / "filter" / f"{ref}.pf_filter")
            assert filter_name == name
            assert [value for value, _ in values] == sorted(FILTERS[name])
            assert {value: pages for value, pages in values} == FILTERS[name]


def test_canonicalise_is_idempotent(tmp_path):
    bundle = write_bundle(tmp_path, seed=2)
    canonicalise(bundle)
    once = snapshot(bundle)
    canonicalise(bundle)
    assert snapshot(bundle) == once


def test_names_follow_pagefind():
    # A filter file Pagefind 1.5.2 wrote for the sample site, already in order: same name.
    raw = cbor2.dumps(["year", [["2022", [11, 12]], ["2024", [1, 2, 3, 4, 5, 6, 7, 8, 9]]]])
    assert short_name("vi", raw, set()) == "vi_cddb6ab"
    # Hex bytes without zero padding, like Rust's {:x?}.
    # sha1("") = da39a3ee5e6b4b0d3255bfef95601890afd80709: 0d, 07 and 09 lose their 0.
    assert full_hash(b"") == "da39a3ee5e6b4bd3255bfef95601890afd879"
    assert meta_name("en", b"") == "en_da39a3ee5e"
    # A taken name is lengthened two characters at a time.
    assert short_name("vi", raw, {"vi_cddb6ab"}).startswith("vi_cddb6ab")
    assert len(short_name("vi", raw, {"vi_cddb6ab"})) == len("vi_cddb6ab") + 2


def test_compression_is_deterministic_and_readable():
    packed = compress(b"\x80")
    assert packed == compress(b"\x80")
    assert packed[4:8] == b"\0\0\0\0", "no modification time in the gzip header"
    assert gzip.decompress(packed) == SIGNATURE + b"\x80"


def test_a_file_pagefind_did_not_write_leaves_the_bundle_as_it_was(tmp_path):
    bundle = write_bundle(tmp_path, seed=3)
    broken = next((bundle / "filter").glob("vi_*.pf_filter"))
    broken.write_bytes(gzip.compress(b"not pagefind"))
    before = snapshot(bundle)
    with pytest.raises(ValueError, match="not a Pagefind index file"):
        canonicalise(bundle)
    assert snapshot(bundle) == before


@pytest.mark.parametrize("code", ["vi", "en"])
def test_the_built_bundle_is_canonical(sample_site, code):
    bundle = sample_site.root / "pagefind" / code
    before = snapshot(bundle)
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == sorted(entry["languages"])
    filters = 0
    for info in entry["languages"].values():
        meta = read(bundle / f"pagefind.{info['hash']}.pf_meta")
        assert meta[3] == sorted(meta[3]) and meta[3]
        for _, ref in meta[3]:
            _, values = read(bundle / "filter" / f"{ref}.pf_filter")
            assert values == sorted(values)
            filters += 1
    assert filters == len(list((bundle / "filter").glob("*.pf_filter")))
    canonicalise(bundle)
    assert snapshot(bundle) == before

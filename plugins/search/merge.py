"""Merge the Pagefind bundles of consecutive parts of one language into the bundle Pagefind
writes when it indexes all their pages in one run.

Why: Pagefind holds every page of a run in memory, and then a copy of each (pagefind/src/
lib.rs, build_indexes): 2.5 GB for 10,000 Vietnamese articles. And a run indexes all its pages
again when one of them changes. Indexed in parts of a few hundred pages (languages.py), an edit
re-indexes one part, and the parts are merged here.

The merge is exact: every word keeps every page it is on, with the same positions and weights,
and the index chunks break at the same words, so the merged bundle finds and ranks what one run
finds. Pages are numbered in URL order, the same on every machine (Pagefind numbers them in
the order the file system lists them). tests/search/test_merge.py merges parts in a single
run's page order and compares the result with that run, file by file.

Fast because each part is prepared once, when it is new (`prepare`, cached beside the part's
bundle): its pages put in URL order and each word's page entries encoded to CBOR. A part's
pages are consecutive in the merged order, so a word's merged entries are its parts' encoded
entries one after the other; only the first entry of each part, whose page number is a delta
from the previous part's last page, is encoded again. Merging 1,000 pages from 7 parts took
1.6 s when every entry was decoded and encoded again.

Formats at Pagefind 1.5.2, each file gzip(b"pagefind_dcd" + CBOR) (canonical.py):
- index/<name>.pf_index: [[[word, pages, variants], ...]] sorted by word. `pages` is
  [[page number delta, locations, meta locations], ...] by page, the first delta from page 0.
  `variants` ([[word with its marks, pages], ...]) holds the marked forms that fold to `word`,
  in the order Pagefind met them: by first page, then in that page's own order.
- filter/<name>.pf_filter: [filter, [[value, [page, ...]], ...]], page numbers ascending.
- pagefind.<name>.pf_meta: [version, [[fragment name, word count], ...] by page,
  [[from, to, chunk name], ...], [[filter, filter name], ...], sorts, meta fields].
- fragment/<name>.pf_fragment: the page's JSON, named after its SHA-1.
"""

import gc
import gzip
import heapq
import itertools
import json
import os
import pickle
import struct
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .canonical import (
    SIGNATURE,
    canonicalise,
    compress,
    full_hash,
    pack,
    read,
    short_name,
    write_entry,
)
from .languages import link_file

CHUNK_SIZE = 20000  # pagefind/src/index/mod.rs: chunk_index(word_map, 20000)
RUNTIME = ("pagefind.js", "pagefind-worker.js", "wasm.*.pagefind")
PREPARED = "merge-prepared.pickle"  # beside a part's bundle, in the cache
PREPARED_FORMAT = "prepared-1"


def head(major: int, number: int) -> bytes:
    """A CBOR head in its shortest form, as minicbor (Pagefind) and cbor2 write it."""
    if number < 24:
        return bytes([major << 5 | number])
    for limit, code, fmt in ((1 << 8, 24, ">B"), (1 << 16, 25, ">H"), (1 << 32, 26, ">I")):
        if number < limit:
            return bytes([major << 5 | code]) + struct.pack(fmt, number)
    return bytes([major << 5 | 27]) + struct.pack(">Q", number)


class Heads(dict):
    """CBOR heads by number, made once each: the encoding of an integer, or of an array's
    length."""

    def __init__(self, major):
        super().__init__()
        self.major = major

    def __missing__(self, number):
        value = self[number] = head(self.major, number) if number >= 0 else head(1, -1 - number)
        return value


INTEGER, ARRAY = Heads(0), Heads(4)


def text(value: str) -> bytes:
    raw = value.encode("utf-8")
    return head(3, len(raw)) + raw


def encoded_entries(entries, local) -> tuple:
    """One word's (or variant's) page entries renumbered by `local` and encoded: (count,
    first page, last page, the first entry's locations, every later entry)."""
    if not entries:
        return 0, 0, 0, b"", b""
    number, numbered = 0, []
    for delta, locations, meta_locations in entries:
        number += delta
        numbered.append((local[number], locations, meta_locations))
    numbered.sort(key=lambda item: item[0])
    integer, array = INTEGER.__getitem__, ARRAY.__getitem__
    bodies = [
        b"".join([array(len(loc)), *map(integer, loc), array(len(meta)), *map(integer, meta)])
        for _, loc, meta in numbered
    ]
    rest, previous = [], numbered[0][0]
    for (page, _, _), body in zip(numbered[1:], bodies[1:]):
        rest += (b"\x83", integer(page - previous), body)
        previous = page
    return len(numbered), numbered[0][0], previous, bodies[0], b"".join(rest)


def size(entries) -> int:
    """What Pagefind counts towards an index chunk's 20,000: the word's own page entries,
    not its marked variants' (found from the chunks of Pagefind 1.5.2, test_merge.py)."""
    return sum(len(locations) + 1 + len(meta) for _, locations, meta in entries)


def prepare(bundle: Path, rank) -> dict:
    """A part's bundle ready to merge, its pages in the order of `rank(url)`."""
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    if len(entry["languages"]) != 1:
        raise ValueError(f"{bundle}: one language per part, found {entry['languages']}")
    (language, info), *_ = entry["languages"].items()
    meta = read(bundle / f"pagefind.{info['hash']}.pf_meta")
    if meta[4]:
        raise ValueError(f"{bundle}: sorted pages (data-pagefind-sort) cannot be merged")
    found = []
    for name, count in meta[1]:
        data = gzip.decompress((bundle / "fragment" / f"{name}.pf_fragment").read_bytes())
        data = data[len(SIGNATURE) :]
        found.append((json.loads(data)["url"], full_hash(data), name, count))
    order = sorted(range(len(found)), key=lambda n: rank(found[n][0]))
    local = [0] * len(found)
    for new, old in enumerate(order):
        local[old] = new
    words = []
    for _, _, name in meta[2]:
        for word, own, marked in read(bundle / "index" / f"{name}.pf_index")[0]:
            variants = [
                (form, text(form), position, encoded_entries(pages, local))
                for position, (form, pages) in enumerate(marked)
            ]
            words.append((word, text(word), size(own), encoded_entries(own, local), variants))
    filters = []
    for name, file in sorted(meta[3]):
        _, values = read(bundle / "filter" / f"{file}.pf_filter")
        filters.append(
            (name, [(value, sorted(local[n] for n in pages)) for value, pages in values])
        )
    return {
        "format": PREPARED_FORMAT,
        "language": language,
        "entry": entry,
        "version": meta[0],
        "pages": [found[n] for n in order],
        "words": words,
        "filters": filters,
        "fields": meta[5],
    }


def prepared(bundle: Path, rank=None) -> dict:
    """The prepared part, from beside its bundle when it was prepared in URL order before."""
    if rank is not None:
        return prepare(bundle, rank)
    cached = bundle / PREPARED
    try:
        part = pickle.loads(cached.read_bytes())
        if part.get("format") == PREPARED_FORMAT:
            return part
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError):
        pass
    part = prepare(bundle, lambda url: url)
    fresh = cached.with_name(f".{PREPARED}.{os.getpid()}")
    fresh.write_bytes(pickle.dumps(part, protocol=pickle.HIGHEST_PROTOCOL))
    fresh.replace(cached)
    return part


def joined(pieces) -> bytes:
    """The page entries of (offset, encoded entries) pieces in page order, as one CBOR array."""
    out, previous, count = [], 0, 0
    for offset, (number, first, last, first_body, rest) in pieces:
        if not number:
            continue
        out += (b"\x83", INTEGER[offset + first - previous], first_body, rest)
        previous, count = offset + last, count + number
    return ARRAY[count] + b"".join(out)


def merge_word(group) -> bytes:
    """One word's entry, encoded, from (part number, offset, prepared word) in page order."""
    pieces, variants = [], {}
    word_code = group[0][2][1]
    for index, offset, (_, _, _, own, marked) in group:
        pieces.append((offset, own))
        for form, form_code, position, entries in marked:
            key = (offset + entries[1], index, position)
            variant = variants.setdefault(form, [key, form_code, []])
            variant[2].append((offset, entries))
    ordered = sorted(variants.values(), key=lambda variant: variant[0])
    return b"".join(
        [
            b"\x83",
            word_code,
            joined(pieces),
            ARRAY[len(ordered)],
            *(b"\x82" + form_code + joined(entries) for _, form_code, entries in ordered),
        ]
    )


def fragment_names(language: str, hashes) -> list[str]:
    """Pagefind's fragment file names: `<lang>_` and 7 hex digits of the page's hash,
    lengthened by one character at a time while the name is another page's (index chunks and
    filters grow by two: canonical.short_name)."""
    taken, names = {}, []
    for digest in hashes:
        full = f"{language}_{digest}"
        end = len(language) + 8
        while full[:end] in taken and taken[full[:end]] != full and end < len(full):
            end += 1
        taken[full[:end]] = full
        names.append(full[:end])
    return names


def prefixes(a: str, b: str) -> tuple[str, str]:
    """pagefind/src/index/mod.rs get_prefixes: the shortest prefixes that tell a chunk's last
    word from the next chunk's first."""
    common = len(list(itertools.takewhile(lambda pair: pair[0] == pair[1], zip(b, a))))
    return a[: common + 1], b[: common + 1]


def chunks(words):
    """Pagefind's chunk_index: (word, size, encoded entry) in word order, a chunk closed once
    its sizes reach CHUNK_SIZE."""
    chunk, total = [], 0
    for word in words:
        chunk.append(word)
        total += word[1]
        if total >= CHUNK_SIZE:
            yield chunk
            chunk, total = [], 0
    if chunk:
        yield chunk


def merge(bundles: list[Path], target: Path, order: list[str] | None = None) -> None:
    """Write into `target` (a new or empty folder) the bundle of all the parts' pages, numbered
    in `order` (URLs; by default sorted). Each part's pages must be consecutive in that order
    (languages.parts_of makes them so)."""
    rank = None if order is None else {url: n for n, url in enumerate(order)}.__getitem__
    key = rank or str
    parts = sorted(
        ((prepared(bundle, rank), bundle) for bundle in bundles),
        key=lambda item: [key(url) for url, *_ in item[0]["pages"][:1]],
    )
    language = parts[0][0]["language"]
    if any(part["language"] != language for part, _ in parts):
        raise ValueError(f"parts of different languages: {[p['language'] for p, _ in parts]}")
    pages = [(page, bundle) for part, bundle in parts for page in part["pages"]]
    keys = [key(url) for (url, *_), _ in pages]
    if any(a >= b for a, b in itertools.pairwise(keys)):
        raise ValueError("the parts' pages are not consecutive in the order (a page in two parts?)")
    offsets = list(itertools.accumulate((len(part["pages"]) for part, _ in parts), initial=0))

    target.mkdir(parents=True, exist_ok=True)
    for folder in ("fragment", "index", "filter"):
        (target / folder).mkdir()
    page_list = []
    names = fragment_names(language, (digest for (_, digest, _, _), _ in pages))
    for name, ((_, _, source, count), bundle) in zip(names, pages):
        link_file(
            bundle / "fragment" / f"{source}.pf_fragment",
            target / "fragment" / f"{name}.pf_fragment",
        )
        page_list.append([name, count])

    streams = [
        zip(
            (word[0] for word in part["words"]),
            itertools.repeat(index),
            itertools.repeat(offset),
            part["words"],
        )
        for index, ((part, _), offset) in enumerate(zip(parts, offsets))
    ]
    merged = (
        (word, sum(item[3][2] for item in group), merge_word([item[1:] for item in group]))
        for word, group in (
            (word, list(group))
            for word, group in itertools.groupby(
                heapq.merge(*streams, key=lambda item: item[0]), key=lambda item: item[0]
            )
        )
    )
    index_chunks, taken, written = [], set(), []
    # zlib lets go of the GIL: chunks are compressed on both cores while the next is merged.
    # Level 6, not canonical.py's 9: 35 MB of index at 10,000 pages took 13.7 s at 9.
    with ThreadPoolExecutor(2) as pool:
        for chunk in chunks(merged):
            raw = b"\x81" + ARRAY[len(chunk)] + b"".join(code for _, _, code in chunk)
            name = short_name(language, raw, taken)
            index_chunks.append([chunk[0][0], chunk[-1][0], name])
            path = target / "index" / f"{name}.pf_index"
            written.append(
                pool.submit(lambda path, raw: path.write_bytes(compress(raw, 6)), path, raw)
            )
        for future in written:
            future.result()
    for here, after in itertools.pairwise(index_chunks):
        last, after[0] = prefixes(here[1], after[0])
        if last >= here[0]:  # never a range that ends before it starts (as Pagefind 1.5.2)
            here[1] = last

    filters: dict[str, dict[str, list[int]]] = {}
    for (part, _), offset in zip(parts, offsets):
        for name, values in part["filters"]:
            merged_values = filters.setdefault(name, {})
            for value, numbers in values:
                merged_values.setdefault(value, []).extend(offset + n for n in numbers)
    filter_list = []
    for number, (name, values) in enumerate(sorted(filters.items())):
        raw = pack([name, [[value, numbers] for value, numbers in values.items()]])
        file = f"{language}_filter{number}"  # renamed by canonicalise
        (target / "filter" / f"{file}.pf_filter").write_bytes(compress(raw))
        filter_list.append([name, file])

    first = parts[0][0]
    fields = sorted({field for part, _ in parts for field in part["fields"]})
    meta = [first["version"], page_list, index_chunks, filter_list, [], fields]
    meta_name = f"{language}_merged"  # renamed by canonicalise
    (target / f"pagefind.{meta_name}.pf_meta").write_bytes(compress(pack(meta)))
    entry = dict(first["entry"])
    info = dict(entry["languages"][language], hash=meta_name, page_count=len(page_list))
    entry["languages"] = {language: info}
    write_entry(target / "pagefind-entry.json", entry)
    for pattern in RUNTIME:
        for source in parts[0][1].glob(pattern):
            link_file(source, target / source.name)
    canonicalise(target)


def main(argv=None) -> None:
    """`python -m search.merge TARGET PART...`: languages.py merges in a process of its own,
    so that the merge's memory is not added to the build's."""
    gc.disable()  # many small objects, none of them in a cycle: the collector only costs
    target, *bundles = argv if argv is not None else sys.argv[1:]
    merge([Path(bundle) for bundle in bundles], Path(target))


if __name__ == "__main__":
    main()

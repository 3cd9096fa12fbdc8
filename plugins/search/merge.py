"""Merge the Pagefind bundles of disjoint parts of one language into one bundle, the one
Pagefind writes when it indexes all their pages in one run.

Why: Pagefind holds every page of a run in memory, and then a copy of each (pagefind/src/
lib.rs, build_indexes): 2.5 GB for 10,000 Vietnamese articles. Indexed in parts of at most
`part_size` pages, each run holds one part; the parts are then merged here, one index chunk at
a time, so the merge itself holds little more than one chunk per part.

The merge is exact: every word keeps every page it is on, with the same positions and weights,
and the index chunks break at the same words, so the merged bundle finds and ranks what one run
finds. Only the page numbers differ: Pagefind numbers pages in the order the file system lists
them; the merge numbers them by URL, which is the same on every machine.
tests/search/test_merge.py merges parts in a single run's page order and compares the result
with that run, file by file.

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
import sys
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


class Part:
    """One part's bundle: its language's metadata, its pages and where they go."""

    def __init__(self, bundle: Path, index: int):
        self.bundle, self.index = bundle, index
        self.entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
        if len(self.entry["languages"]) != 1:
            raise ValueError(f"{bundle}: one language per part, found {self.entry['languages']}")
        (self.language, info), *_ = self.entry["languages"].items()
        self.meta = read(bundle / f"pagefind.{info['hash']}.pf_meta")
        if self.meta[4]:
            raise ValueError(f"{bundle}: sorted pages (data-pagefind-sort) cannot be merged")
        self.pages = [self.fragment(name) + (count,) for name, count in self.meta[1]]
        self.number: list[int] = []  # the merged page number of each of this part's pages

    def fragment(self, name: str):
        path = self.bundle / "fragment" / f"{name}.pf_fragment"
        data = gzip.decompress(path.read_bytes())[len(SIGNATURE) :]
        return json.loads(data)["url"], full_hash(data), path

    def words(self):
        """The part's word entries in word order, one index chunk in memory at a time."""
        for _, _, name in self.meta[2]:
            yield from read(self.bundle / "index" / f"{name}.pf_index")[0]

    def keyed_words(self):
        for entry in self.words():
            yield entry[0], self, entry

    def absolute(self, pages) -> list:
        """Page entries with merged page numbers instead of deltas."""
        number, result = 0, []
        for delta, locations, meta_locations in pages:
            number += delta
            result.append([self.number[number], locations, meta_locations])
        return result


def relative(entries: list) -> list:
    """Page entries sorted by page, numbered by delta again."""
    entries.sort(key=lambda entry: entry[0])
    previous = 0
    for entry in entries:
        entry[0], previous = entry[0] - previous, entry[0]
    return entries


def merge_word(word: str, found) -> list:
    """One word's entry from the entries of the parts that have it (in part order)."""
    pages, variants = [], {}
    for part, (_, own, marked) in found:
        pages += part.absolute(own)
        for position, (form, form_pages) in enumerate(marked):
            entries = part.absolute(form_pages)
            key = (min(entry[0] for entry in entries), part.index, position)
            variant = variants.setdefault(form, [key, []])
            variant[0] = min(variant[0], key)
            variant[1] += entries
    ordered = sorted(variants.items(), key=lambda item: item[1][0])
    return [word, relative(pages), [[form, relative(entries)] for form, (_, entries) in ordered]]


def size(entry) -> int:
    """What Pagefind counts towards an index chunk's 20,000: the word's own page entries,
    not its marked variants' (found from the chunks of Pagefind 1.5.2, test_merge.py)."""
    return sum(len(locations) + 1 + len(meta) for _, locations, meta in entry[1])


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
    """Pagefind's chunk_index: words in order, a chunk closed once it reaches CHUNK_SIZE."""
    chunk, total = [], 0
    for entry in words:
        chunk.append(entry)
        total += size(entry)
        if total >= CHUNK_SIZE:
            yield chunk
            chunk, total = [], 0
    if chunk:
        yield chunk


def merge(bundles: list[Path], target: Path, order: list[str] | None = None) -> None:
    """Write into `target` (a new or empty folder) the bundle of all the parts' pages, numbered in
    `order` (URLs; by default sorted)."""
    parts = [Part(bundle, index) for index, bundle in enumerate(bundles)]
    language = parts[0].language
    if any(part.language != language for part in parts):
        raise ValueError(f"parts of different languages: {[p.language for p in parts]}")
    pages = [(url, part, n) for part in parts for n, (url, *_) in enumerate(part.pages)]
    urls = order if order is not None else sorted(url for url, _, _ in pages)
    rank = {url: n for n, url in enumerate(urls)}
    if len(rank) != len(pages) or any(url not in rank for url, _, _ in pages):
        raise ValueError("the parts' pages are not the pages to order (a page in two parts?)")
    pages.sort(key=lambda page: rank[page[0]])
    for part in parts:
        part.number = [0] * len(part.pages)
    for number, (_, part, n) in enumerate(pages):
        part.number[n] = number

    target.mkdir(parents=True, exist_ok=True)
    (target / "fragment").mkdir()
    (target / "index").mkdir()
    (target / "filter").mkdir()
    page_list = []
    names = fragment_names(language, (part.pages[n][1] for _, part, n in pages))
    for name, (_, part, n) in zip(names, pages):
        _, _, source, count = part.pages[n]
        link_file(source, target / "fragment" / f"{name}.pf_fragment")
        page_list.append([name, count])

    streams = [part.keyed_words() for part in parts]
    merged = (
        merge_word(word, [(part, entry) for _, part, entry in group])
        for word, group in itertools.groupby(
            heapq.merge(*streams, key=lambda item: item[0]), key=lambda item: item[0]
        )
    )
    index_chunks, taken = [], set()
    for chunk in chunks(merged):
        raw = pack([chunk])
        name = short_name(language, raw, taken)
        index_chunks.append([chunk[0][0], chunk[-1][0], name])
        # Level 6, not canonical.py's 9: 35 MB of index at 10,000 pages took 13.7 s at 9.
        (target / "index" / f"{name}.pf_index").write_bytes(compress(raw, level=6))
    for here, after in itertools.pairwise(index_chunks):
        last, after[0] = prefixes(here[1], after[0])
        if last >= here[0]:  # never a range that ends before it starts (as Pagefind 1.5.2)
            here[1] = last

    filters: dict[str, dict[str, list[int]]] = {}
    for part in parts:
        for name, file in part.meta[3]:
            _, values = read(part.bundle / "filter" / f"{file}.pf_filter")
            merged_values = filters.setdefault(name, {})
            for value, numbers in values:
                merged_values.setdefault(value, []).extend(part.number[n] for n in numbers)
    filter_list = []
    for number, (name, values) in enumerate(filters.items()):
        raw = pack([name, [[value, sorted(numbers)] for value, numbers in values.items()]])
        file = f"{language}_filter{number}"  # renamed by canonicalise
        (target / "filter" / f"{file}.pf_filter").write_bytes(compress(raw))
        filter_list.append([name, file])

    fields = sorted({field for part in parts for field in part.meta[5]})
    meta = [parts[0].meta[0], page_list, index_chunks, filter_list, [], fields]
    meta_name = f"{language}_merged"  # renamed by canonicalise
    (target / f"pagefind.{meta_name}.pf_meta").write_bytes(compress(pack(meta)))
    entry = dict(parts[0].entry)
    info = dict(entry["languages"][language], hash=meta_name, page_count=len(pages))
    entry["languages"] = {language: info}
    write_entry(target / "pagefind-entry.json", entry)
    for pattern in RUNTIME:
        for source in parts[0].bundle.glob(pattern):
            link_file(source, target / source.name)
    canonicalise(target)


def main(argv=None) -> None:
    """`python -m search.merge TARGET PART...`: languages.py merges in a process of its own,
    so that the merge's memory is not added to the build's."""
    gc.disable()  # millions of small lists, none of them in a cycle: the collector only costs
    target, *bundles = argv if argv is not None else sys.argv[1:]
    merge([Path(bundle) for bundle in bundles], Path(target))


if __name__ == "__main__":
    main()

"""Make Pagefind's bundle byte-identical between two builds of the same site (issue #9).

Pagefind 1.5.2 writes the filter indexes, the filter and sort lists of each language's
metadata and the languages of pagefind-entry.json in Rust hash-map order, which changes from
one run to the next (Pagefind/pagefind#638). The search runtime reads all of these into maps
(pagefind_web/src/filter_index.rs, metadata.rs), so their order means nothing: this puts
them in sorted order, re-encodes them and renames the files after their new content.

Formats (pagefind/src/index/, pagefind/src/output/ at v1.5.2):
- filter/<name>.pf_filter: gzip of b"pagefind_dcd" + CBOR [filter, [[value, [page, ...]], ...]]
- pagefind.<name>.pf_meta: the same wrapping of
  CBOR [version, pages, index_chunks, [[filter, filter file name], ...], [[sort, pages], ...],
  meta_fields]; only the filter and sort lists are reordered, the rest is already stable.
- pagefind-entry.json: {"version", "languages": {lang: {"hash": pf_meta name, ...}}, ...}
Neither the JavaScript nor the WASM checks the names against the content: they are cache
busters, so any name works, but we keep Pagefind's own scheme (see `short_name`).
"""

import gzip
import hashlib
import json
from pathlib import Path

import cbor2

SIGNATURE = b"pagefind_dcd"  # Pagefind's marker for a successfully decompressed file


def read(path: Path):
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise ValueError(f"{path.name}: not a Pagefind index file (no {SIGNATURE!r})")
    return cbor2.loads(data[len(SIGNATURE) :])


def pack(value) -> bytes:
    # cbor2's default encoding of lists, strings and small ints is the one minicbor writes
    # (definite lengths, shortest heads): an unchanged file re-encodes to the same bytes.
    return cbor2.dumps(value)


def compress(raw: bytes, level: int = 9) -> bytes:
    # mtime=0 and no file name in the header, so the same bytes in give the same bytes out.
    return gzip.compress(SIGNATURE + raw, compresslevel=level, mtime=0)


def full_hash(raw: bytes) -> str:
    """Pagefind's utils::full_hash: SHA-1 as hex bytes *without* zero padding ({:x?})."""
    return "".join(f"{byte:x}" for byte in hashlib.sha1(raw).digest())


def short_name(language: str, raw: bytes, taken: set) -> str:
    """A filter file's name as Pagefind makes it: `<lang>_` and 7 hex digits, lengthened by
    two characters at a time while it collides with one already taken in the language."""
    name = f"{language}_{full_hash(raw)}"
    end = len(language) + 8
    while name[:end] in taken and end < len(name):
        end = min(end + 2, len(name))
    taken.add(name[:end])
    return name[:end]


def meta_name(language: str, raw: bytes) -> str:
    """A pf_meta file's name as Pagefind makes it: `<lang>_` and len(lang) + 8 hex digits."""
    return f"{language}_{full_hash(raw)[: len(language) + 8]}"


def canonical_filter(index) -> list:
    """Filter values by value (Python's code-point order is Rust's UTF-8 byte order)."""
    name, values = index
    return [name, sorted(values, key=lambda value: value[0])]


def canonical_meta(meta, renamed: dict) -> list:
    """The metadata with its filter files renamed and its filter and sort lists sorted."""
    meta = list(meta)
    meta[3] = sorted([name, renamed[old]] for name, old in meta[3])
    meta[4] = sorted(meta[4], key=lambda sort: sort[0])
    return meta


def canonicalise(bundle: Path) -> None:
    """Rewrite the bundle in place. Everything is read before anything is written, so a file
    Pagefind did not write as expected stops this with the bundle still usable as it was."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    old_files, new_files = [], {}
    for language, info in sorted(entry["languages"].items()):
        meta_path = bundle / f"pagefind.{info['hash']}.pf_meta"
        meta = read(meta_path)
        renamed, taken = {}, set()
        for _, old in sorted(meta[3]):  # sorted, so that collisions resolve the same way
            path = bundle / "filter" / f"{old}.pf_filter"
            raw = pack(canonical_filter(read(path)))
            renamed[old] = short_name(language, raw, taken)
            old_files.append(path)
            new_files[path.with_name(f"{renamed[old]}.pf_filter")] = raw
        raw = pack(canonical_meta(meta, renamed))
        info["hash"] = meta_name(language, raw)
        old_files.append(meta_path)
        new_files[bundle / f"pagefind.{info['hash']}.pf_meta"] = raw
    for path in old_files:
        path.unlink()
    for path, raw in new_files.items():
        path.unlink(missing_ok=True)  # never write into a file linked from the cache
        path.write_bytes(compress(raw))
    entry["languages"] = dict(sorted(entry["languages"].items()))
    write_entry(entry_path, entry)


def write_entry(path: Path, entry: dict) -> None:
    """pagefind-entry.json in serde_json's compact form, which Pagefind writes."""
    text = json.dumps(entry, ensure_ascii=False, separators=(",", ":"))
    path.unlink(missing_ok=True)  # never write into a file linked from the cache
    path.write_text(text, encoding="utf-8")

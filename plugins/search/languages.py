"""One Pagefind bundle per language, each kept in the cache while that language's pages stay
the same.

Each language's content pages are indexed by their own Pagefind run into their own bundle,
`pagefind/<lang>/`. The search page of a language tree loads its language's bundle; the trees
without content of their own (fr, lo, zh, km list the originals) load the default language's
(search.list_content_pages). One language per bundle also means Pagefind never picks one: in a
bundle of several, a page whose language has no index gets the language with the most pages,
English on a tie, so a French search page of a fully translated site searched English while its
listings showed the Vietnamese originals.

It pays twice: an edit to a Vietnamese article re-indexes the Vietnamese pages only, the English
bundle coming from the cache; and one run holds one language in memory, not all of them.
Each bundle is made reproducible (canonical.py) once, when Pagefind writes it into the cache.
"""

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from importlib.metadata import version
from pathlib import Path

import picklecache

ENTRY = "pagefind-entry.json"
FORMAT = "pagefind-languages-3"
MERGE_FORMAT = "pagefind-merge-2"
# Pagefind's allocator (jemalloc, linked in with the `_rjem_` prefix) with one arena instead
# of one per core: Pagefind over 1,000 articles peaks at 249 MB instead of 301, over 10,000 at
# 3,406 MB instead of 3,892, in the same time. A value set by the caller is kept.
ALLOCATOR = {"_RJEM_MALLOC_CONF": "narenas:1"}
# What a bundle holds in the site: its index, the module the search page imports, its web
# worker and WebAssembly (Pagefind's own UI files are not used: theme/static/js/search.js).
PUBLISHED = (
    ENTRY,
    "pagefind.*.pf_meta",
    "index",
    "fragment",
    "filter",
    "pagefind.js",
    "pagefind-worker.js",
    "wasm.*.pagefind",
)


def pages_digest(site: Path, paths, page_hashes: "PageHashes") -> str:
    """What a part's bundle depends on: the paths and bytes of its pages (their hashes, from
    `page_hashes`) and the Pagefind version."""
    digest = hashlib.sha256(f"{FORMAT}\0{version('pagefind_bin')}".encode())
    for path in sorted(paths):
        digest.update(f"\0{path}\0{page_hashes.of(site / path, path)}".encode())
    return digest.hexdigest()[:20]


class PageHashes:
    """The hash of each page's bytes, kept with its file's identity (device, inode, size,
    modification time): a page the page cache kept is a link to the file it was last time,
    so its bytes need not be read again (an edit rebuild at 1,000 pairs read and hashed its
    2,002 content pages, 0.12-0.19 s of the search stage). A page written anew, even with the
    same bytes, is read. The build never writes into a file it keeps."""

    def __init__(self, path: Path):
        self.path = path
        self.known = picklecache.load(path, FORMAT)
        self.fresh = {}

    def of(self, file: Path, name: str) -> str:
        stat = file.stat()
        identity = (stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns)
        known = self.known.get(name)
        if known is None or known[0] != identity:
            known = (identity, hashlib.sha256(file.read_bytes()).hexdigest())
        self.fresh[name] = known
        return known[1]

    def save(self) -> None:
        # Saved from a search thread, and small: forking the build there cost 0.015-0.023 s,
        # writing at once 0.002-0.006 s.
        if self.fresh != self.known:
            picklecache.save(self.path, FORMAT, self.fresh, background=False)


def parts_of(paths, part_size: int) -> list[list[str]]:
    """A language's pages in parts of `part_size` on average, each a run of consecutive paths
    (merge.py needs them so). Once a part holds half `part_size`, it ends after a page whose
    path hashes to a multiple of the other half, or at twice `part_size`: an edit changes one
    part, a new article one part, or two when it moves a cut; and no part is so large that
    re-indexing it is slow (without the bounds, parts of 150 on average held 15 to 292 pages
    of the 1,000-pair corpus)."""
    low, high = max(1, part_size // 2), 2 * part_size
    step = max(1, part_size - low)
    parts, part = [], []
    for path in sorted(paths):
        part.append(path)
        cut = int(hashlib.sha256(path.encode()).hexdigest()[:8], 16) % step == 0
        if len(part) >= high or (cut and len(part) >= low):
            parts.append(part)
            part = []
    return [*parts, part] if part else parts


def run_pagefind(site, paths, cache_dir, prefix, command) -> Path:
    """A fresh Pagefind bundle of `paths` in a new folder of the cache. Raises RuntimeError
    with Pagefind's message when it fails. Pagefind runs over a folder of links to the part's
    pages only, at their paths in the site: over the whole site it walked all its files
    (11,308 at 1,000 pairs) and matched each against a glob naming the part's pages, 0.17 s
    for 50 pages against 0.11 s. Its working folder holds an empty pagefind.json, so that no
    configuration file where the build runs applies."""
    Path(cache_dir).mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(dir=cache_dir, prefix=f".{prefix}-"))
    with tempfile.TemporaryDirectory(dir=cache_dir, prefix=".pages-") as work:
        pages = Path(work, "site")
        for path in paths:
            (pages / path).parent.mkdir(parents=True, exist_ok=True)
            link_file(Path(site, path), pages / path)
        Path(work, "pagefind.json").write_text("{}", "utf-8")
        result = subprocess.run(
            command(pages.resolve(), fresh.resolve()),
            capture_output=True,
            text=True,
            check=False,
            cwd=work,
            env={**ALLOCATOR, **os.environ},
        )
    if result.returncode != 0:
        shutil.rmtree(fresh, ignore_errors=True)
        raise RuntimeError((result.stderr or result.stdout).strip() or f"exit {result.returncode}")
    return fresh


def store(fresh: Path, cached: Path, stale) -> Path:
    """Move a finished bundle into its place in the cache, after the ones it replaces."""
    for old in stale:
        if old != cached:
            shutil.rmtree(old, ignore_errors=True)
    try:
        fresh.rename(cached)
    except OSError:  # another build stored the same bundle meanwhile
        shutil.rmtree(fresh, ignore_errors=True)
    return cached


def index_language(site, code, paths, cache_dir, command, part_size=60) -> Path:
    """The bundle of one language: from the cache, else merged (merge.py) from the bundles of
    its parts, each from the cache or from a fresh Pagefind run. Small parts keep an edit's
    Pagefind run short, and Pagefind's memory low: it holds a whole run in memory twice over.
    Raises RuntimeError when Pagefind or the merge fails."""
    cache_dir = Path(cache_dir)
    parts = parts_of(paths, part_size)
    page_hashes = PageHashes(cache_dir / f"{code}.pages.pickle")
    digests = [pages_digest(site, part, page_hashes) for part in parts]
    page_hashes.save()
    key = " ".join([MERGE_FORMAT, *digests])  # a change to merge.py's output: MERGE_FORMAT
    cached = cache_dir / f"{code}-{hashlib.sha256(key.encode()).hexdigest()[:20]}"
    if (cached / ENTRY).is_file():
        return cached
    bundles = []
    for part, digest in zip(parts, digests):
        bundle = cache_dir / f"{code}.part-{digest}"
        if not (bundle / ENTRY).is_file():
            store(run_pagefind(site, part, cache_dir, code, command), bundle, ())
        bundles.append(bundle)
    fresh = Path(tempfile.mkdtemp(dir=cache_dir, prefix=f".{code}-"))
    plugins = str(Path(__file__).resolve().parents[1])
    path = os.pathsep.join(filter(None, [plugins, os.environ.get("PYTHONPATH")]))
    result = subprocess.run(
        [sys.executable, "-m", "search.merge", str(fresh), *map(str, bundles)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": path},
    )
    if result.returncode != 0:
        shutil.rmtree(fresh, ignore_errors=True)
        problem = (result.stderr.strip().splitlines() or [f"exit {result.returncode}"])[-1]
        raise RuntimeError(f"its {len(parts)} parts could not be merged: {problem}")
    unused = set(cache_dir.glob(f"{code}.part-*")) - set(bundles)
    return store(fresh, cached, [*cache_dir.glob(f"{code}-*"), *unused])


def link_file(source, target) -> None:
    """Hard-link a bundle file into the site (the cache never rewrites a stored bundle, and
    the site's writers replace files rather than write into them); copy across devices. A
    file already there is the previous build's (an output built in place): replace it."""
    try:
        os.link(source, target)
    except FileExistsError:
        os.unlink(target)
        link_file(source, target)
    except OSError:
        shutil.copy2(source, target)


def place(bundle: Path, target: Path) -> None:
    """Link the published files and folders of a cached bundle into the site."""
    target.mkdir(parents=True, exist_ok=True)
    for pattern in PUBLISHED:
        for source in sorted(bundle.glob(pattern)):
            if source.is_dir():
                shutil.copytree(
                    source, target / source.name, dirs_exist_ok=True, copy_function=link_file
                )
            else:
                link_file(source, target / source.name)


def index_by_language(
    site: Path, pages_by_lang: dict, bundle_dir: str, cache_dir, command, part_size=60
):
    """Index each language's content pages (cached) into site/bundle_dir/<lang>/, the
    languages side by side: most of the work is Pagefind's and the merge's, in processes of
    their own, and reading a language's pages to see whether they changed lets go of the GIL
    too."""

    def index(code, paths):
        place(
            index_language(site, code, paths, cache_dir, command, part_size),
            site / bundle_dir / code,
        )

    languages = [(code, paths) for code, paths in sorted(pages_by_lang.items()) if paths]
    with ThreadPoolExecutor(max(1, len(languages))) as pool:
        for future in [pool.submit(index, code, paths) for code, paths in languages]:
            future.result()  # raises the first language's failure

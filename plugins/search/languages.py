"""One Pagefind run per language, each kept in the cache while that language's pages stay
the same.

Pagefind writes an independent index per language (files named `<lang>_…`, one entry each
in pagefind-entry.json), so indexing each language's pages on its own and putting the
bundles side by side gives the same search. It pays twice: an edit to a Vietnamese article
re-indexes the Vietnamese pages only, the English bundle coming from the cache; and one run
holds one language in memory, not all of them (Pagefind took 560 MB for 2,000 pages).
"""

import hashlib
import json
import os
import shutil
import subprocess
import tempfile
from importlib.metadata import version
from pathlib import Path

from .canonical import write_entry

ENTRY = "pagefind-entry.json"
# Pagefind's allocator (jemalloc, linked in with the `_rjem_` prefix) with one arena instead
# of one per core: Pagefind over 1,000 articles peaks at 249 MB instead of 301, over 10,000 at
# 3,406 MB instead of 3,892, in the same time. A value set by the caller is kept.
ALLOCATOR = {"_RJEM_MALLOC_CONF": "narenas:1"}
FORMAT = "pagefind-languages-1"


def pages_digest(site: Path, paths, glob: str | None) -> str:
    """What a language's bundle depends on: the bytes of its pages, the glob that names them
    and the Pagefind version."""
    digest = hashlib.sha256(f"{FORMAT}\0{version('pagefind_bin')}\0{glob}".encode())
    for path in sorted(paths):
        digest.update(f"\0{path}\0".encode())
        digest.update((site / path).read_bytes())
    return digest.hexdigest()[:20]


def index_language(site, code, paths, cache_dir, command, glob) -> Path:
    """The bundle of one language: from the cache, else from a fresh Pagefind run (which
    then replaces the language's previous bundle in the cache). Raises RuntimeError with
    Pagefind's message when it fails."""
    pattern = glob(paths)
    cached = Path(cache_dir) / f"{code}-{pages_digest(site, paths, pattern)}"
    if (cached / ENTRY).is_file():
        return cached
    Path(cache_dir).mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(dir=cache_dir, prefix=f".{code}-"))
    result = subprocess.run(
        command(site, fresh, pattern),
        capture_output=True,
        text=True,
        check=False,
        env={**ALLOCATOR, **os.environ},
    )
    if result.returncode != 0:
        shutil.rmtree(fresh, ignore_errors=True)
        raise RuntimeError((result.stderr or result.stdout).strip() or f"exit {result.returncode}")
    for old in Path(cache_dir).glob(f"{code}-*"):
        shutil.rmtree(old, ignore_errors=True)
    try:
        fresh.rename(cached)
    except OSError:  # another build stored the same bundle meanwhile
        shutil.rmtree(fresh, ignore_errors=True)
    return cached


def link_file(source, target) -> None:
    """Hard-link a bundle file into the site (the cache never rewrites a stored bundle, and
    the site's writers replace files rather than write into them); copy across devices. A
    runtime file already placed by another language's bundle is the same file: keep it."""
    try:
        os.link(source, target)
    except FileExistsError:
        pass
    except OSError:
        shutil.copy2(source, target)


def merge(bundles, target: Path) -> None:
    """Copy the language bundles into `target` and write one pagefind-entry.json that lists
    every language (the runtime files, identical in each bundle, are copied once)."""
    entry = None
    for bundle in bundles:
        own = json.loads((bundle / ENTRY).read_text(encoding="utf-8"))
        if entry is None:
            entry = own
        else:
            entry["languages"].update(own["languages"])
        shutil.copytree(
            bundle,
            target,
            dirs_exist_ok=True,
            ignore=shutil.ignore_patterns(ENTRY),
            copy_function=link_file,
        )
    if entry is not None:
        write_entry(target / ENTRY, entry)


def index_by_language(site: Path, pages_by_lang: dict, bundle_dir: str, cache_dir, command, glob):
    """Index each language's content pages (cached) and merge them into site/bundle_dir."""
    bundles = [
        index_language(site, code, paths, cache_dir, command, glob)
        for code, paths in sorted(pages_by_lang.items())
        if paths
    ]
    merge(bundles, site / bundle_dir)

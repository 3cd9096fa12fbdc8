"""Files of this build taken from the previous build's published site.

The page cache (pagecache.py) keeps pages whose recorded inputs did not change; `FileCache`
does the same for derived files (feeds, calendars): a writer describes what a file is made
of (a string: its entries, title, links…) before making it. When the description is the one
the previous build recorded for that path, and the published site still has the file, it is
hard-linked into this build's output and not made again. The descriptions live in the cache
folder under the page cache's fingerprint (code, templates, catalogs, settings, data files),
so a change to any of those makes every file afresh.
"""

import hashlib
import os
from pathlib import Path

import picklecache

# Context key where the multilingual generator leaves the page cache's fingerprint.
FINGERPRINT_KEY = "output_fingerprint"


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write `data` unless the file already holds it (pages, feeds and calendars use it)."""
    try:
        if path.read_bytes() == data:
            return False
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


class PreviousOutput:
    """The previous build's published site, from which this build's output links files."""

    def __init__(self, settings):
        self.path = Path(settings.get("PUBLISHED_OUTPUT_PATH") or settings["OUTPUT_PATH"])
        self.output = Path(settings["OUTPUT_PATH"])
        self.in_place = self.path.resolve() == self.output.resolve()

    @property
    def staged_for(self) -> str | None:
        """The name under which this build's caches of the output wait for it to be
        published (press/build.py commits them), or None when it builds in place."""
        return None if self.in_place else self.output.name

    def cache_file(self, settings, name: str) -> Path:
        """Where a cache of files linked from this site lives (one per published site)."""
        key = hashlib.sha256(str(self.path.resolve()).encode()).hexdigest()[:16]
        return Path(settings["CACHE_PATH"]) / f"{name}-{key}.pickle"

    def link(self, relative: str) -> bool:
        """Put the previous site's file into this build's output (a hard link: it is never
        written to, so the published copy cannot change); False when there is no such file."""
        if self.in_place:  # building in place: the file is there, or not
            return (self.path / relative).is_file()
        source, target = os.path.join(self.path, relative), os.path.join(self.output, relative)
        try:  # the folder is usually there already (press/build.py's spare)
            os.link(source, target)
        except FileNotFoundError:
            if not os.path.isfile(source):
                return False
            os.makedirs(os.path.dirname(target), exist_ok=True)
            os.link(source, target)
        return True


class FileCache:
    def __init__(self, settings, name: str, fingerprint: str | None):
        self.output = Path(settings["OUTPUT_PATH"])
        self.previous = PreviousOutput(settings)
        self.path = self.previous.cache_file(settings, name)
        self.fingerprint = fingerprint
        self.known = picklecache.load(self.path, fingerprint) if fingerprint else {}
        self.fresh = {}
        self.kept = 0

    def write(self, relative: str, description: str, make) -> None:
        """Write `make()` (bytes) to `relative` in the output, unless the previous build made
        it from the same `description`: then its file is linked instead."""
        digest = hashlib.sha256(description.encode("utf-8", "surrogatepass")).hexdigest()
        self.fresh[relative] = digest
        if self.known.get(relative) == digest and self.previous.link(relative):
            self.kept += 1
            return
        write_if_changed(self.output / relative, make())

    def save(self) -> None:
        if self.fingerprint:
            picklecache.save(self.path, self.fingerprint, self.fresh, self.previous.staged_for)

"""Keep derived files (feeds, calendars) from the previous output while their inputs are the same.

A writer describes what a file is made of (a string: its entries, title, links…) before
making it. When the description is the one the previous build recorded for that path,
and the published site still has the file, it is hard-linked into this build's output
(as the page cache does for pages) and not made again. The descriptions live in the
cache folder under the page cache's fingerprint (code, templates, catalogs, settings,
data files), so a change to any of those makes every file afresh.
"""

import hashlib
import os
from pathlib import Path

import picklecache

from .generator import write_if_changed

# Context key where the multilingual generator leaves the page cache's fingerprint.
FINGERPRINT_KEY = "output_fingerprint"


class FileCache:
    def __init__(self, settings, name: str, fingerprint: str | None):
        self.output = Path(settings["OUTPUT_PATH"])
        self.previous = Path(settings.get("PUBLISHED_OUTPUT_PATH") or settings["OUTPUT_PATH"])
        key = hashlib.sha256(str(self.previous.resolve()).encode()).hexdigest()[:16]
        self.path = Path(settings["CACHE_PATH"]) / f"{name}-{key}.pickle"
        self.fingerprint = fingerprint
        self.known = picklecache.load(self.path, fingerprint) if fingerprint else {}
        self.fresh = {}
        self.kept = 0

    def write(self, relative: str, description: str, make) -> None:
        """Write `make()` (bytes) to `relative` in the output, unless the previous build made
        it from the same `description`: then its file is linked instead."""
        digest = hashlib.sha256(description.encode("utf-8", "surrogatepass")).hexdigest()
        self.fresh[relative] = digest
        if self.known.get(relative) == digest and self._link(relative):
            self.kept += 1
            return
        write_if_changed(self.output / relative, make())

    def _link(self, relative: str) -> bool:
        source, target = self.previous / relative, self.output / relative
        if source.resolve() == target.resolve():  # building in place: the file is there
            return source.is_file()
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            os.link(source, target)
        except FileNotFoundError:
            return False
        return True

    def save(self) -> None:
        if self.fingerprint:
            picklecache.save(self.path, self.fingerprint, self.fresh)

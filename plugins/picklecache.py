"""The one file format of the build's caches: a pickle of (fingerprint, entries).

A cache whose fingerprint differs (other settings, code or library versions) is ignored,
and so is a missing or unreadable one: the build starts afresh. Writes go to a temporary
file that replaces the cache in one rename, since parallel builds may share a cache.
"""

import gc
import os
import pickle
import tempfile
from pathlib import Path


def load(path, fingerprint) -> dict:
    """The entries stored at `path` under `fingerprint`, else an empty dict."""
    _wait_for_writes(path)  # this process's own save of it, if still being written
    # Unpickling makes millions of small tuples, none of them in a cycle, and the collector
    # kept scanning them as they came: off meanwhile, loading the 10,000-pair page cache
    # (82 MB) took 0.81 s instead of 1.27 s, and the read cache 0.27 s instead of 0.58-0.79 s.
    collecting = gc.isenabled()
    gc.disable()
    try:
        with open(path, "rb") as cache_file:
            stored_fingerprint, entries = pickle.load(cache_file)
    except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError):
        return {}
    finally:
        if collecting:
            # What was loaded lives as long as the build: out of the collector's sight
            # (gc.freeze, with everything else alive now), or the next young collection scans
            # all of it at once (46 ms after loading the 1,000-pair page cache).
            gc.freeze()
            gc.enable()
    return entries if stored_fingerprint == fingerprint else {}


def save(path, fingerprint, entries, staged_for: str | None = None, background=True) -> None:
    """Store the entries; with `staged_for` (a build's name), beside `path` until that build
    commits them (`commit_staged`) or they are discarded with it (`discard_staged`).

    A forked process writes the cache while the build goes on (the 1,000-pair page cache
    takes 0.1 s to write, the 10,000-pair one about 1 s; the read, document-link and
    sanitiser caches of an edit rebuild took 0.11-0.17 s of the build's main process, right
    before the pages render). The build waits for the writes when it ends (`commit_staged`,
    `discard_staged`), and `load` for a write of the file it reads; a process that does
    neither leaves the writes to finish after it. `background=False` writes at once, for a
    small cache saved where forking costs more than writing."""
    target = f"{os.fspath(path)}{STAGED}{staged_for}" if staged_for else path
    if not background or not hasattr(os, "fork"):
        _write(target, fingerprint, entries)
        return
    pid = os.fork()
    if pid == 0:  # only pickles and writes: no lock another thread could hold is taken
        code = 1
        try:
            _write(target, fingerprint, entries)
            code = 0
        finally:
            os._exit(code)
    _writing.append((pid, path))


def _write(path, fingerprint, entries) -> None:
    folder = os.path.dirname(os.fspath(path)) or "."
    os.makedirs(folder, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".cache-")
    with os.fdopen(handle, "wb") as cache_file:
        pickle.dump((fingerprint, entries), cache_file, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(temporary, path)


_writing: list = []  # (process, cache path) of the caches being written


def _wait_for_writes(path=None) -> None:
    """Wait for the caches being written (those of `path` only, if given). A cache that
    could not be written leaves no file, and the cache it was to replace goes too (a staged
    cache's describes the site before)."""
    for pid, written in list(_writing):
        if path is not None and os.fspath(written) != os.fspath(path):
            continue
        _writing.remove((pid, written))
        _, status = os.waitpid(pid, 0)
        if status != 0:
            Path(written).unlink(missing_ok=True)


# Caches that describe a build's output (the page cache, the file cache) are staged: a build
# that wrote its pages but was not published must not leave them describing pages nobody
# published, or the next build would keep the published, older, page of an edited article.
STAGED = ".staged-"


def commit_staged(folder, build_name: str, running=lambda name: True) -> None:
    """Put the caches staged for a published build in their places, once written, and delete
    those staged for builds that `running(build name)` says are no longer running (killed).
    (A build killed right between publishing and this leaves the previous caches, describing
    the previous site.)"""
    _wait_for_writes()
    for staged in Path(folder).glob(f"*{STAGED}*"):
        name = staged.name.split(STAGED, 1)[1]
        if name == build_name:
            os.replace(staged, str(staged)[: -len(STAGED + build_name)])
        elif not running(name):
            staged.unlink(missing_ok=True)


def discard_staged(folder, build_name: str) -> None:
    _wait_for_writes()
    for staged in Path(folder).glob(f"*{STAGED}{build_name}"):
        staged.unlink(missing_ok=True)

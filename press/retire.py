"""Retire the previous site after a swap, keeping its folders for the next build.

A build writes ~14,000 files into ~12,000 folders (one per page: `slug/index.html`). Deleting
the previous site's folders and creating them again on every build cost up to 0.5 ms per
folder on this machine's disk, and more right after a mass deletion: ext4 without a journal
skips every recently freed inode each time it allocates one (`recently_deleted` in
fs/ext4/ialloc.c). So the previous site is emptied of its files (most are hard links shared
with the new site, so unlinking them frees no inode) and its folder tree is kept as the
"spare", which the next build starts from (press/build.py) and prunes of the folders it
did not use.

Runs as a detached script (`python retire.py PREVIOUS SPARE [LEFTOVER ...]`), standard
library only, so that it needs no import path.
"""

import os
import shutil
import sys


def empty_files(folder: str) -> None:
    """Delete every file and symlink under `folder`, keep the folders."""
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                empty_files(entry.path)
            else:
                os.unlink(entry.path)


def prune_empty_folders(folder: str) -> bool:
    """Remove the folders under `folder` that hold no file; True if `folder` is now empty."""
    empty = True
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False) and prune_empty_folders(entry.path):
                os.rmdir(entry.path)
            else:
                empty = False
    return empty


def retire(previous: str, spare: str, leftovers=()) -> None:
    """Turn `previous` (if any) into the folder-only `spare`, renamed only once it holds no
    file, so a spare never has stale content; delete `leftovers` (killed builds' folders)."""
    if previous:
        try:
            empty_files(previous)
            os.rename(previous, spare)  # fails if another build's spare is already there
        except OSError:
            shutil.rmtree(previous, ignore_errors=True)
    for leftover in leftovers:
        shutil.rmtree(leftover, ignore_errors=True)


if __name__ == "__main__":
    retire(sys.argv[1], sys.argv[2], sys.argv[3:])

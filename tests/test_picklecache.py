"""plugins/picklecache.py: caches written by a forked process, read back as saved."""

import picklecache


def test_a_cache_is_read_back_as_saved_while_its_write_may_still_run(tmp_path):
    """The write runs in a forked process; a load of the same file in this process waits for
    it instead of reading the file before it exists (or the one it replaces)."""
    path = tmp_path / "cache.pickle"
    old = {"a": "old"}
    picklecache.save(path, "v1", old)
    assert picklecache.load(path, "v1") == old
    new = {f"key {i}": "x" * 1000 for i in range(5000)}  # 5 MB: a write that takes a while
    picklecache.save(path, "v1", new)
    assert picklecache.load(path, "v1") == new
    assert picklecache.load(path, "v2") == {}  # another fingerprint: nothing


def test_a_staged_cache_takes_its_place_once_committed(tmp_path):
    path = tmp_path / "pages.pickle"
    picklecache.save(path, "v1", {"page": 1}, staged_for="build-1")
    picklecache.commit_staged(tmp_path, "build-1")
    assert picklecache.load(path, "v1") == {"page": 1}
    assert [p.name for p in tmp_path.iterdir()] == ["pages.pickle"]

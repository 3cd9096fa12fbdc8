"""Skip re-rendering pages whose inputs have not changed since the last build.

While a page renders, every attribute a template reads from a content object or a
language tree goes through the Jinja environment's `getattr`/`getitem`; this module
records those reads as (object, attribute) pairs. The next build recomputes each
recorded value from the new content: if all are equal, and so are the page's own
context, its translations, and a global digest of templates, catalogs, code and
settings, the page is taken from the previous output instead of being rendered.
Editing one article therefore re-renders its own pages and the listings that show
what changed (its title, date, summary), not the whole site.

Plugins that give templates derived data through methods (related news, say) make
their objects trackable with a `cache_key` attribute (a tuple unique in the build) and
list them in the context under PROVIDERS_KEY. Calls to methods of any tracked object are
recorded with their arguments and result, and re-made on the next build to compare.

Values a token cannot describe stably (objects without a known shape) make the page
uncacheable: it is simply rendered every time.
"""

import dataclasses
import datetime
import hashlib
import os
from pathlib import Path

import picklecache
from jinja2 import Undefined
from pelican.contents import Content
from pelican.urlwrappers import URLWrapper

from .filecache import PreviousOutput
from .site import Pagination, Tree

UNCACHEABLE = "\0uncacheable"
KEPT = "\0kept"  # what a worker returns for a page kept from the previous output
# How deep `token` follows containers and dataclasses (a bound, not a need: the document
# index nests list > group > document > entry > fields, depth 7).
MAX_DEPTH = 10
FORMAT = "pagecache-3"
# Context key where plugins list the objects with a `cache_key` they give templates.
PROVIDERS_KEY = "page_cache_providers"


# object_key runs for every attribute a template reads (2.5 million times a build) and
# token for every value a page depends on: both decide by the value's type, once per type.
_KEY_KINDS: dict = {}  # type -> "content", "tree", "keyed" or None


def _key_kind(cls):
    kind = _KEY_KINDS.get(cls)
    if kind is None and cls not in _KEY_KINDS:
        if issubclass(cls, Content):
            kind = "content"
        elif issubclass(cls, Tree):
            kind = "tree"
        elif hasattr(cls, "cache_key"):  # a class attribute or property (see the docstring)
            kind = "keyed"
        _KEY_KINDS[cls] = kind
    return kind


def object_key(obj):
    kind = _key_kind(type(obj))
    if kind is None:
        return None
    if kind == "content":
        # Relative to the content folder, not absolute: half as long in every page's digest
        # and dependencies, and the same wherever the site is checked out.
        return ("content", obj.relative_source_path)
    if kind == "tree":
        return ("tree", obj.lang.code)
    key = obj.cache_key
    return key if isinstance(key, tuple) else None


def call_arguments(tokens, objects):
    """Turn recorded argument tokens back into values; None when one cannot be."""
    values = []
    for tok in tokens:
        if isinstance(tok, tuple) and tok in objects:
            values.append(objects[tok])
        elif tok is None or isinstance(tok, (str, int, float, bool)):
            values.append(tok)
        else:
            return None
    return values


class Uncacheable(Exception):
    """Raised by `token` for a value it cannot describe stably."""


def token(value, depth=0, memo=None):
    """A stable, comparable description of what a template saw; raises Uncacheable.

    `memo` (id -> token) lets one build describe a shared value, such as a tree's
    articles or a document, once rather than once per page that shows it.
    """
    if memo is not None:
        cls = type(value)
        kind = _TOKEN_KINDS.get(cls)
        if kind is None:
            kind = _TOKEN_KINDS[cls] = _token_kind(cls, value)
        if kind in _MEMOISED:
            known = memo.get(id(value))
            if known is None:
                # Only successes are remembered: a value too deep to describe where it was
                # first met (depth > MAX_DEPTH) may be describable where it is met next.
                known = memo[id(value)] = (value, _token(value, depth, memo))
            return known[1]
    return _token(value, depth, memo)


_TOKEN_KINDS: dict = {}  # type -> how _token describes its values
_MEMOISED = frozenset({"sequence", "dict", "pagination", "dataclass"})


def _token_kind(cls, value):
    if issubclass(cls, str):
        return "str"
    if value is None or issubclass(cls, (int, float)):  # bool is an int
        return "plain"
    if issubclass(cls, (datetime.datetime, datetime.date)):
        return "date"
    if _key_kind(cls) is not None:
        return "keyed"
    if issubclass(cls, URLWrapper):
        return "wrapper"
    if issubclass(cls, (list, tuple)):
        return "sequence"
    if issubclass(cls, dict):
        return "dict"
    if issubclass(cls, Pagination):
        return "pagination"
    if hasattr(value, "code") and hasattr(value, "tag"):
        return "language"
    if dataclasses.is_dataclass(cls):
        return "dataclass"
    if callable(value):
        return "callable"
    return "unknown"


def _token(value, depth, memo):
    cls = type(value)
    kind = _TOKEN_KINDS.get(cls)
    if kind is None:
        kind = _TOKEN_KINDS[cls] = _token_kind(cls, value)
    if kind == "str":
        if len(value) > 200:
            return ("sha1", hashlib.sha1(value.encode("utf-8", "surrogatepass")).hexdigest())
        return value
    if kind == "plain":
        return value
    if kind == "language":
        return ("language", value.code)
    if kind == "date":
        return value.isoformat()
    if kind == "keyed":
        key = object_key(value)
        if key is not None:
            return key
        kind = "dataclass" if dataclasses.is_dataclass(cls) else "unknown"
    elif kind == "wrapper":
        return ("wrapper", cls.__name__, value.name, value.slug)
    if depth > MAX_DEPTH:
        raise Uncacheable
    if kind == "sequence":
        tok = tuple([token(item, depth + 1, memo) for item in value])
    elif kind == "dict":
        tok = tuple(sorted([(str(k), token(v, depth + 1, memo)) for k, v in value.items()]))
    elif kind == "pagination":
        tok = (
            "pagination",
            value.number,
            value.count,
            token(value.items, depth + 1, memo),
            tuple(value.urls),
        )
    elif kind == "dataclass":
        fields = {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
        return ("dataclass", cls.__qualname__, token(fields, depth + 1, memo))
    elif kind == "callable":
        return ("callable", getattr(value, "__qualname__", cls.__name__))
    else:
        raise Uncacheable
    # Long containers are summarised by a digest: equal digests, equal contents.
    if len(tok) > 16:
        return ("digest", hashlib.sha1(repr(tok).encode()).hexdigest())
    return tok


class Recorder:
    """Installed on a Jinja environment; records reads while `reads` is a set."""

    def __init__(self, env):
        self.reads = None
        plain_getattr, plain_getitem = env.getattr, env.getitem

        def getattr_(obj, attribute):
            value = plain_getattr(obj, attribute)
            key = object_key(obj) if self.reads is not None else None
            if key is None:
                return value
            if (
                callable(value)
                and not isinstance(value, (Undefined, type))
                and object_key(value) is None
            ):
                return self.recording_call(key, attribute, value)
            self.reads.add((key, attribute))
            return value

        def getitem(obj, argument):
            if self.reads is not None and isinstance(argument, str) and object_key(obj) is not None:
                self.reads.add((object_key(obj), argument))
            return plain_getitem(obj, argument)

        env.getattr, env.getitem = getattr_, getitem

    def recording_call(self, key, name, method):
        def call(*args, **kwargs):
            reads = self.reads
            if reads is not None:
                try:
                    tokens = tuple(token(arg) for arg in args)
                except Uncacheable:
                    tokens = None
                if kwargs or tokens is None or call_arguments(tokens, _Resolvable(tokens)) is None:
                    reads.add((key, ("uncacheable-call", name)))
                else:
                    reads.add((key, ("call", name, tokens)))
            return method(*args, **kwargs)

        return call


class _Resolvable(dict):
    """Accepts every tuple token as an object key (the check only asks whether it could be)."""

    def __init__(self, tokens):
        super().__init__((tok, None) for tok in tokens if isinstance(tok, tuple))


def files_digest(paths, stamps=()) -> str:
    """Digest of code, templates and catalogs by content; of `stamps` by size and time."""
    digest = hashlib.sha256()
    for root in paths:
        root = Path(root)
        files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
        for path in files:
            if "__pycache__" in path.parts:
                continue
            digest.update(str(path).encode())
            digest.update(path.read_bytes())
    for path in sorted(stamps):
        stat = os.stat(path)
        digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


def settings_digest(settings) -> str:
    described = {}
    for key, value in settings.items():
        if key.isupper() and key not in ("OUTPUT_PATH", "PUBLISHED_OUTPUT_PATH"):
            try:
                described[key] = token(value)
            except Uncacheable:
                continue
    return hashlib.sha256(repr(sorted(described.items())).encode()).hexdigest()


class PageCache:
    def __init__(self, settings, global_inputs, stamped_inputs=()):
        self.previous = PreviousOutput(settings)
        self.path = self.previous.cache_file(settings, "pages")
        self.global_digest = hashlib.sha256(
            (
                FORMAT + settings_digest(settings) + files_digest(global_inputs, stamped_inputs)
            ).encode()
        ).hexdigest()
        self.entries = picklecache.load(self.path, self.global_digest)
        self.fresh = {}
        self._resolved = {}
        self._memo = {}
        self._shared = {}
        self._digests = {}
        self._versions = {}  # id of a page's switcher -> (switcher, digest)
        self._unchanged = set()  # ids of the dependencies in self.entries found unchanged
        self._changed = set()  # and of those found changed
        self._dependency = {}  # (key, attribute) -> shared dependency, None if uncacheable
        self._stored = {}  # id of a dependency a worker sent -> the shared one

    def page_digest(self, page) -> str | None:
        try:
            parts = (
                page.identity,
                page.url,
                page.template,
                page.lang.code,
                token(page.context, memo=self._memo),
                self._versions_digest(page),
            )
        except Uncacheable:
            return None
        return hashlib.sha256(repr(parts).encode()).hexdigest()

    def _versions_digest(self, page) -> str:
        """The digest of a page's translations, switcher and x-default, which every version
        of the page shares (multilingual.site.link_translations): described once for all."""
        known = self._versions.get(id(page.switcher))
        if known is None or known[0] is not page.switcher:
            tokens = (
                token(page.translations, memo=self._memo),
                token(page.switcher, memo=self._memo),
                getattr(page, "x_default", None),
            )
            digest = hashlib.sha256(repr(tokens).encode()).hexdigest()
            known = self._versions[id(page.switcher)] = (page.switcher, digest)
        return known[1]

    def current(self, key, attribute, objects):
        memo = (key, attribute)
        if memo not in self._resolved:
            try:
                self._resolved[memo] = self._describe(key, attribute, objects)
            except Uncacheable:
                self._resolved[memo] = UNCACHEABLE
        return self._resolved[memo]

    def _describe(self, key, attribute, objects):
        obj = objects.get(key)
        if obj is None or (isinstance(attribute, tuple) and attribute[0] != "call"):
            raise Uncacheable
        if isinstance(attribute, tuple):
            _, name, tokens = attribute
            arguments = call_arguments(tokens, objects)
            if arguments is None:
                raise Uncacheable
            return token(getattr(obj, name)(*arguments), memo=self._memo)
        try:
            value = getattr(obj, attribute)
        except AttributeError:
            try:
                value = obj[attribute]
            except Exception:
                return ("missing",)
        return token(value, memo=self._memo)

    def reusable(self, page, objects) -> bool:
        """True when the previous output of this page, if still there, can be kept."""
        entry = self.entries.get(page.save_as)
        if entry is None:
            return False
        digest = self._digests[page.save_as] = self.page_digest(page)  # record() reuses it
        if digest is None or entry[0] != digest:
            return False
        # Pages share their equal dependencies as one object (see `store`): check each once.
        # Sets of ids, so that the dependencies checked before (most of a page's ~70) cost
        # no Python code per dependency.
        ids = set(map(id, entry[1]))
        if not ids.isdisjoint(self._changed):
            return False
        new = ids - self._unchanged
        if new:
            for dep in entry[1]:
                if id(dep) in new:
                    (key, attribute), seen = dep
                    unchanged = self.current(key, attribute, objects) == seen
                    (self._unchanged if unchanged else self._changed).add(id(dep))
                    if not unchanged:
                        return False
        return True

    def keep(self, page) -> bool:
        """Link the previous output of the page (`reusable` found its inputs unchanged) into
        this build's output; False when that file is gone. A kept page's entry is KEPT,
        which `store` takes for its previous one (workers need not send it back)."""
        return self.previous.link(page.save_as)

    def record(self, page, reads, objects) -> tuple | None:
        digest = self._digests.pop(page.save_as, None) or self.page_digest(page)
        if digest is None:
            return None
        # Each distinct read becomes one shared dependency object, made once per process:
        # a page's reads (about 70) are then dictionary lookups, not descriptions and hashes.
        dependency = self._dependency
        deps = []
        for read in reads:
            dep = dependency.get(read)
            if dep is None:
                if read in dependency:
                    return None  # a value that cannot be described: render the page each time
                key, attribute = read
                seen = self.current(key, attribute, objects)
                if seen is not UNCACHEABLE:
                    dep = self._shared.setdefault((read, seen), (read, seen))
                dependency[read] = dep
                if dep is None:
                    return None
            deps.append(dep)
        # In the order the template read them: reusable() checks each, order does not matter.
        return digest, tuple(deps)

    def store(self, save_as, entry) -> None:
        """Keep a page's entry for the next build. Many pages record the same reads (every
        listing that shows an article reads its title), and entries come back from the
        workers as separate copies: equal dependencies are stored as one object, which
        pickle then writes once (a third of the cache's memory on a 1,000-pair corpus).
        Within one batch of a worker's results they are one object already: each is compared
        once (store_batch)."""
        if entry == KEPT:  # (equal, not identical, once a worker sent it)
            self.fresh[save_as] = self.entries[save_as]  # its dependencies are shared already
        elif entry is not None:
            digest, deps = entry
            shared, by_id = self._shared, self._stored
            stored = []
            for dep in deps:
                one = by_id.get(id(dep))
                if one is None:
                    one = by_id[id(dep)] = shared.setdefault(dep, dep)
                stored.append(one)
            self.fresh[save_as] = (digest, tuple(stored))

    def store_batch(self, entries) -> None:
        """Store one batch of a worker's entries. `store` recognises a dependency it has seen
        in the batch by its id(), which is only unique while the batch is alive: forget them
        with it."""
        for save_as, entry in entries:
            self.store(save_as, entry)
        self._stored.clear()

    def save(self) -> None:
        picklecache.save(self.path, self.global_digest, self.fresh, self.previous.staged_for)

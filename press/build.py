"""Validate the content, run Pelican once over it and publish the result atomically.

The content is checked (plugins/validation) while Pelican reads it; any error stops the
build before Pelican writes a page, and Pelican's own messages about content that failed the
check are not shown. The site is built into a fresh directory beside `output/`; only a
build that finished without errors (and, in strict mode, without warnings) replaces
`output/`, so a failed or interrupted build leaves the previously published site as it was.
"""

import ctypes
import ctypes.util
import gc
import logging
import os
import pickle
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

import picklecache  # noqa: E402
from pelican import Pelican, signals  # noqa: E402
from pelican.log import LimitFilter  # noqa: E402
from pelican.settings import read_settings  # noqa: E402

from . import retire  # noqa: E402
from .check import validate  # noqa: E402


class ProblemCollector(logging.Handler):
    """Collects the warnings and errors logged while a build runs.

    It sits on the root logger, so it only sees records that passed the loggers' own
    filters: warnings silenced with LOG_FILTER (or deduplicated) never reach it, which is
    why strict mode counts these and not Pelican's `--fatal warnings`, which trips on
    filtered warnings too.
    """

    def __init__(self):
        super().__init__(logging.WARNING)
        self.errors: list[str] = []
        self.warnings: list[str] = []

    def emit(self, record):
        message = record.getMessage()
        (self.errors if record.levelno >= logging.ERROR else self.warnings).append(message)


@dataclass
class BuildResult:
    output: Path
    errors: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    problems: list = field(default_factory=list)  # validation problems (checks.Problem)
    strict: bool = False
    published: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors and not (self.strict and self.warnings)


def load_settings(settings_file, content=None, output=None, overrides=None) -> dict:
    override = dict(overrides or {})
    if "LOG_FILTER" in override:  # (level, message) pairs, also when given as JSON lists
        override["LOG_FILTER"] = [tuple(pair) for pair in override["LOG_FILTER"]]
    # The one generation time a page may show: SOURCE_DATE_EPOCH, never the clock.
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit() and "BUILD_TIME" not in override:
        override["BUILD_TIME"] = datetime.fromtimestamp(int(epoch), tz=UTC)
    if content is not None:
        override["PATH"] = str(Path(content).resolve())
    if output is not None:
        override["OUTPUT_PATH"] = str(Path(output).resolve())
    return read_settings(str(settings_file), override=override)


def build(
    settings_file=ROOT / "pelicanconf.py",
    content=None,
    output=None,
    overrides=None,
    strict=False,
    validate_content=True,
):
    """Build the site; replace `output` only when the build succeeded."""
    settings = load_settings(settings_file, content, output, overrides)
    output_path = Path(settings["OUTPUT_PATH"])
    result = BuildResult(output_path, strict=strict)
    check = BackgroundCheck(settings) if validate_content else None

    output_path.parent.mkdir(parents=True, exist_ok=True)
    staging, from_spare = staging_folder(output_path)
    settings["OUTPUT_PATH"] = str(staging)
    # Pages whose inputs did not change are taken from the published output.
    settings["PUBLISHED_OUTPUT_PATH"] = str(output_path)

    # Pelican's log filter is global to the process: it deduplicates messages for the life of
    # the process and accumulates every LOG_FILTER it has read. Give this build its own.
    LimitFilter._raised_messages.clear()
    LimitFilter._group_count.clear()
    LimitFilter._ignore.clear()
    LimitFilter._ignore.update(tuple(pair) for pair in settings.get("LOG_FILTER", []))
    collector = ProblemCollector()
    root_logger = logging.getLogger()
    root_logger.addHandler(collector)
    held = HeldLogs() if check else None

    def gate(_sender=None):
        """Before Pelican writes anything: the check's verdict. Pelican's messages so far
        are shown only for content that passed it."""
        if held is None or held.released:
            return
        result.problems, errors, warnings = check.result()
        if errors or (strict and warnings):
            result.errors += errors
            result.warnings += warnings
            held.forget()
            raise ContentInvalid
        result.warnings += warnings
        held.let_through()

    signals.all_generators_finalized.connect(gate, weak=False)
    try:
        try:
            Pelican(settings).run()
        except ContentInvalid:
            pass
        except Exception as error:  # a plugin or template bug: report it, keep the old site
            try:
                gate()  # unless the content failed the check: then the check says why
            except ContentInvalid:
                pass
            else:
                log = logging.getLogger("press")
                log.error("The build stopped: %s: %s", type(error).__name__, error)
                log.debug("Where it stopped:", exc_info=True)  # shown with --debug
        finally:
            signals.all_generators_finalized.disconnect(gate)
            if held is not None:
                held.let_through()
            root_logger.removeHandler(collector)
            if check is not None:
                check.close()
        result.errors += collector.errors  # none held back for content that failed the check
        result.warnings += collector.warnings
        if result.ok:
            if from_spare:
                retire.prune_empty_folders(str(staging))
            swap_in(staging, output_path)
            result.published = True
            # Caches staged by killed builds go; anything not named after a build stays.
            picklecache.commit_staged(
                settings["CACHE_PATH"],
                staging.name,
                running=lambda name: "-building-" not in name or building(name),
            )
    finally:  # also on KeyboardInterrupt (SIGINT): the old site stays, the staging goes
        # The caches froze what was alive when they loaded (picklecache.load): let the
        # collector see it again, or a process that builds again and again (`invoke serve`)
        # would keep each build's cyclic garbage until the next.
        gc.unfreeze()
        if not result.published:
            picklecache.discard_staged(settings["CACHE_PATH"], staging.name)
            if staging.exists():
                shutil.rmtree(staging, ignore_errors=True)
    return result


class ContentInvalid(Exception):
    """The content failed the check: the build stops before Pelican writes a page."""


class BackgroundCheck:
    """The content check (plugins/validation) in a forked process while Pelican reads the
    content on the other core: 0.28 s of a 1,000-pair rebuild, before anything else could
    start. Where there is no fork, it runs here, at once."""

    def __init__(self, settings):
        self._result = None
        self._pid = None
        if not hasattr(os, "fork"):
            self._result = validate(settings)
            return
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: check, send the verdict, leave without cleaning up
            os.close(read_end)
            try:
                data = pickle.dumps(validate(settings))
            except BaseException as error:  # noqa: BLE001 - the parent checks again itself
                data = pickle.dumps(repr(error))
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(data)
            os._exit(0)
        os.close(write_end)
        self._pid, self._pipe, self._settings = pid, os.fdopen(read_end, "rb"), settings

    def result(self) -> tuple[list, list, list]:
        """(problems, error lines, warning lines), waiting for the check if need be."""
        if self._result is None:
            data = self._pipe.read()
            self.close()
            verdict = pickle.loads(data) if data else None
            # The check failed in the child (it cannot raise there): run it here, to raise.
            self._result = verdict if isinstance(verdict, tuple) else validate(self._settings)
        return self._result

    def close(self) -> None:
        if self._pid is not None:
            self._pipe.close()
            try:
                os.kill(self._pid, 9)  # done already, or no longer wanted (the build stopped)
            except ProcessLookupError:
                pass
            os.waitpid(self._pid, 0)
            self._pid = None


class HeldLogs(logging.Handler):
    """Holds every log record until released, then passes them on to the root logger's
    handlers as they would have been; or forgets them."""

    def __init__(self):
        super().__init__(logging.NOTSET)
        self.records = []
        self.released = False
        self.root = logging.getLogger()
        self.handlers, self.root.handlers = self.root.handlers, [self]

    def emit(self, record):
        self.records.append(record)

    def let_through(self) -> None:  # not `release`: logging.Handler's lock method
        if not self.released:
            self.released = True
            self.root.handlers = self.handlers
            for record in self.records:
                for handler in self.handlers:
                    if record.levelno >= handler.level:
                        handler.handle(record)
            self.records = []

    def forget(self) -> None:
        self.records = []
        self.let_through()


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths (Linux renameat2 RENAME_EXCHANGE); False if unsupported."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    done = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    return done == 0


# The retire processes (press/retire.py) this process started, by the spare each makes. A
# process that builds the same output again and again (`invoke serve`) waits for its spare:
# an edit saved just after a build otherwise found none and made the 1,000-pair site's
# ~11,300 folders again (6.7 s instead of 4.6-5.1 s for that rebuild); emptying the site
# takes ~0.25 s.
_retiring: dict[Path, subprocess.Popen] = {}


def wait_for_spare(output_path: Path, timeout: float = 10) -> None:
    """Until the retire process this process started for `output_path` has made its spare."""
    process = _retiring.get(spare_folder(output_path))
    if process is not None:
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:  # still emptying a huge site: build without it
            return
        del _retiring[spare_folder(output_path)]


def spare_folder(output_path: Path) -> Path:
    return output_path.parent / f".{output_path.name}-spare"


def staging_folder(output_path: Path) -> tuple[Path, bool]:
    """The folder to build into, and whether it is the spare: the site before last, emptied
    of its files by press/retire.py, whose folders the build mostly needs again."""
    wait_for_spare(output_path)
    parent, name = output_path.parent, output_path.name
    staging = Path(tempfile.mkdtemp(prefix=f".{name}-building-{os.getpid()}-", dir=parent))
    try:
        os.rename(spare_folder(output_path), staging)  # replaces the empty folder
        return staging, True
    except OSError:  # none yet, or still being emptied
        return staging, False


def building(folder_name: str) -> bool:
    """Whether the staging folder `<output>-building-<pid>-…` belongs to a build that is still
    running (this one included): two builds of one output must not delete each other's."""
    pid = folder_name.split("-building-", 1)[1].split("-", 1)[0]
    if not pid.isdigit() or os.name != "posix":  # elsewhere os.kill(pid, 0) is no probe
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, another user's
        pass
    return True


def swap_in(staging: Path, output_path: Path) -> None:
    """Replace `output_path` by `staging` with renames, so readers never see half a site.

    On Linux the two folders are exchanged in one atomic step, so even a SIGKILL at any
    moment leaves a complete site at `output_path`; elsewhere two renames do it.
    """
    previous = staging  # after an exchange
    if not (output_path.exists() and _exchange(staging, output_path)):
        previous = None  # without an exchange, the old site is deleted (a leftover below)
        if output_path.exists():
            retired = tempfile.mkdtemp(prefix=f".{output_path.name}-old-", dir=output_path.parent)
            os.rename(output_path, Path(retired) / "site")
        os.rename(staging, output_path)
    # Builds that were killed left staging folders. The previous site becomes the next
    # build's spare; both happen in the background, since emptying or deleting thousands of
    # files would otherwise delay every build.
    leftovers = [
        folder
        for folder in output_path.parent.glob(f".{output_path.name}-building-*")
        if folder != previous and not building(folder.name)
    ]
    leftovers += list(output_path.parent.glob(f".{output_path.name}-old-*"))
    if previous is None and not leftovers:
        return
    spare = spare_folder(output_path)
    for folder, process in list(_retiring.items()):  # reap the finished ones
        if process.poll() is not None:
            del _retiring[folder]
    _retiring[spare] = subprocess.Popen(
        [sys.executable, retire.__file__, str(previous or ""), str(spare)]
        + [str(p) for p in leftovers],
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )

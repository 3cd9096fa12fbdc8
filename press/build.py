"""Run Pelican once over the content and publish the result atomically.

The site is built into a fresh directory beside `output/`; only a build that finished
without errors replaces `output/`, so a failed or interrupted build leaves the previously
published site as it was.
"""

import logging
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from pelican import Pelican  # noqa: E402
from pelican.settings import read_settings  # noqa: E402


class ProblemCollector(logging.Handler):
    """Counts the warnings and errors logged while a build runs."""

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

    @property
    def ok(self) -> bool:
        return not self.errors


def load_settings(settings_file, content=None, output=None, overrides=None) -> dict:
    override = dict(overrides or {})
    if content is not None:
        override["PATH"] = str(Path(content).resolve())
    if output is not None:
        override["OUTPUT_PATH"] = str(Path(output).resolve())
    return read_settings(str(settings_file), override=override)


def build(settings_file=ROOT / "pelicanconf.py", content=None, output=None, overrides=None):
    """Build the site; replace `output` only when the build logged no error."""
    settings = load_settings(settings_file, content, output, overrides)
    output_path = Path(settings["OUTPUT_PATH"])
    output_path.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(
        tempfile.mkdtemp(prefix=f".{output_path.name}-building-", dir=output_path.parent)
    )
    settings["OUTPUT_PATH"] = str(staging)
    # Pages whose inputs did not change are taken from the published output.
    settings["PUBLISHED_OUTPUT_PATH"] = str(output_path)

    collector = ProblemCollector()
    root_logger = logging.getLogger()
    root_logger.addHandler(collector)
    try:
        Pelican(settings).run()
    except Exception as error:  # a plugin or template bug: report it, keep the old site
        logging.getLogger("press").error("The build stopped: %s", error, exc_info=True)
    finally:
        root_logger.removeHandler(collector)

    result = BuildResult(output_path, collector.errors, collector.warnings)
    if result.ok:
        swap_in(staging, output_path)
    else:
        shutil.rmtree(staging, ignore_errors=True)
    return result


def swap_in(staging: Path, output_path: Path) -> None:
    """Replace `output_path` by `staging` with renames, so readers never see half a site."""
    retired = None
    if output_path.exists():
        retired = Path(tempfile.mkdtemp(prefix=f".{output_path.name}-old-", dir=output_path.parent))
        os.rename(output_path, retired / "site")
    os.rename(staging, output_path)
    # Builds that were killed left staging folders; retired sites are deleted in the
    # background, since removing thousands of files would otherwise delay every build.
    leftovers = list(output_path.parent.glob(f".{output_path.name}-building-*"))
    leftovers += list(output_path.parent.glob(f".{output_path.name}-old-*"))
    if leftovers:
        subprocess.Popen(
            ["rm", "-rf", "--", *map(str, leftovers)],
            start_new_session=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

"""Test-only Pelican plugin: injects a fault at a known point of a build.

Enabled only by tests, which add this folder to PLUGIN_PATHS and the plugin to PLUGINS,
and choose the fault with PRESS_TEST_FAULT:

- "raise": an exception after every page was written to the staging folder;
- "sleep": write the file named by PRESS_TEST_FAULT_MARKER, then sleep (the test kills
  the build there, with the whole new site in the staging folder);
- "warn": log one warning (for strict mode and LOG_FILTER).
"""

import logging
import os
import time
from pathlib import Path

from pelican import signals

logger = logging.getLogger(__name__)


def inject(pelican):
    fault = os.environ.get("PRESS_TEST_FAULT", "")
    if fault == "raise":
        raise RuntimeError("fault injected by the test")
    if fault == "sleep":
        Path(os.environ["PRESS_TEST_FAULT_MARKER"]).write_text(pelican.settings["OUTPUT_PATH"])
        time.sleep(120)
    if fault == "warn":
        logger.warning("Injected warning for the strict-mode test")


def register():
    signals.finalized.connect(inject)

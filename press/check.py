"""Content validation without Pelican: `python -m press check` starts in a fraction of a second.

Importing Pelican takes seconds on a slow machine, so the check reads the settings file
itself (it holds settings only) and fills in Pelican's defaults for the few settings
validation uses. `press build` uses Pelican's own reading of the settings.
"""

import runpy
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT / "plugins") not in sys.path:
    sys.path.insert(0, str(ROOT / "plugins"))

from validation import checks  # noqa: E402

# The settings validation reads, with Pelican's defaults (pelican.settings.DEFAULT_CONFIG).
DEFAULTS = {
    "PATH": ".",
    "ARTICLE_PATHS": [""],
    "PAGE_PATHS": ["pages"],
    "STATIC_PATHS": ["images"],
    "SLUG_REGEX_SUBSTITUTIONS": checks.DEFAULT_SLUG_SUBSTITUTIONS,
    "SLUGIFY_USE_UNICODE": False,
    "SLUGIFY_PRESERVE_CASE": False,
    "VALIDATION": {},
}


def read_settings_light(settings_file, content=None, overrides=None) -> dict:
    settings_file = Path(settings_file).resolve()
    values = runpy.run_path(str(settings_file))
    settings = {key: values.get(key, default) for key, default in DEFAULTS.items()}
    settings.update({k: v for k, v in (overrides or {}).items() if k in DEFAULTS})
    path = Path(content) if content is not None else Path(settings["PATH"])
    if not path.is_absolute() and content is None:
        path = settings_file.parent / path  # as Pelican does for PATH in a settings file
    settings["PATH"] = str(path.resolve())
    return settings


def validate(settings) -> tuple[list, list, list]:
    """(problems, error lines, warning lines) of the content tree."""
    problems = checks.check(settings)
    errors = [p.format() for p in problems if p.level == checks.ERROR]
    warnings = [p.format() for p in problems if p.level != checks.ERROR]
    return problems, errors, warnings

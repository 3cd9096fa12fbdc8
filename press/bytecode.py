"""Compile the installed packages to bytecode once, whatever PYTHONDONTWRITEBYTECODE says.

Where PYTHONDONTWRITEBYTECODE is set (as on this team's machines) Python never writes the
.pyc files of the packages it imports, and a build without them spent 0.7 s more compiling
Pelican, Markdown, Jinja2, Babel and the rest (a no-change build of the 1,000-pair bench
corpus: 4.4-4.6 s against 3.7-3.8 s). uv's own `compile-bytecode` setting compiled them at
install, but `uv run` then compiled all 2,677 files again on every run (astral-sh/uv#12202,
0.1 s before each build). So the tasks compile them here, once per uv.lock: a marker in
site-packages remembers for which lock.
"""

import compileall
import hashlib
import sysconfig
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MARKER = ".huu-nghi-press-bytecode"


def ensure_compiled(lock: Path = ROOT / "uv.lock", packages: Path | None = None) -> bool:
    """Compile `packages` (site-packages) unless already done for this lock; True if it
    compiled now."""
    packages = Path(packages or sysconfig.get_paths()["purelib"])
    try:
        wanted = hashlib.sha256(lock.read_bytes()).hexdigest()
    except OSError:
        return False
    marker = packages / MARKER
    try:
        if marker.read_text(encoding="utf-8") == wanted:
            return False
    except OSError:
        pass
    compileall.compile_dir(packages, quiet=2, workers=0)
    try:
        marker.write_text(wanted, encoding="utf-8")
    except OSError:  # a read-only environment: compiled each time the lock is new to it
        pass
    return True

"""The tasks compile the installed packages once per uv.lock (press/bytecode.py)."""

import subprocess
import sys

from press.bytecode import MARKER, ensure_compiled


def test_packages_are_compiled_once_per_lock_even_when_python_writes_no_bytecode(tmp_path):
    packages, lock = tmp_path / "site-packages", tmp_path / "uv.lock"
    (packages / "demo").mkdir(parents=True)
    (packages / "demo" / "__init__.py").write_text("VALUE = 1\n", "utf-8")
    lock.write_text("version = 1\n", "utf-8")
    # The interpreter of the tasks may not write bytecode (PYTHONDONTWRITEBYTECODE=1).
    code = (
        "import sys; sys.dont_write_bytecode = True; from pathlib import Path; "
        "from press.bytecode import ensure_compiled; "
        f"print(ensure_compiled(Path({str(lock)!r}), Path({str(packages)!r})))"
    )
    first = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert first.stdout.strip() == "True", first.stderr
    assert list((packages / "demo" / "__pycache__").glob("__init__.*.pyc"))
    assert (packages / MARKER).is_file()

    assert ensure_compiled(lock, packages) is False, "the same lock: nothing to do"
    lock.write_text("version = 2\n", "utf-8")
    assert ensure_compiled(lock, packages) is True, "a new lock: compiled again"

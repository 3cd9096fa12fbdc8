"""HTML and CSS validation of a built site with the Nu Html Checker (vnu.jar).

vnu.jar comes from the npm package `vnu-jar`, pinned in tools/vnu/package.json and
package-lock.json; the first use installs it with `npm ci` into tools/vnu/node_modules. It needs
a Java runtime (Debian's default-jre-headless, installed by .ci/run). The checker runs ONCE over
every file in one JVM: its start-up costs seconds, its work per page milliseconds.
"""

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

from .build import ROOT

VNU_DIR = ROOT / "tools" / "vnu"
VNU_JAR = VNU_DIR / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


class ToolMissing(RuntimeError):
    """A program the gate needs is not installed; the message says how to get it."""


@dataclass(frozen=True)
class Problem:
    file: str  # relative to the site root
    line: int | None
    message: str
    kind: str = "error"  # "error", or "warning" when asked for

    def __str__(self):
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.kind}: {self.message}"


def java() -> str:
    path = shutil.which("java")
    if not path:
        raise ToolMissing(
            "java is missing: the Nu Html Checker needs a Java runtime "
            "(apt-get install -y default-jre-headless, as .ci/run does)"
        )
    return path


def vnu_jar() -> Path:
    """The pinned vnu.jar, installed with `npm ci` on first use."""
    if VNU_JAR.exists():
        return VNU_JAR
    npm = shutil.which("npm")
    if not npm:
        raise ToolMissing("npm is missing: it installs vnu.jar (apt-get install -y nodejs npm)")
    # --ignore-scripts: vnu-jar's postinstall would try to download a Java runtime.
    subprocess.run(
        [npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"],
        cwd=VNU_DIR,
        check=True,
    )
    if not VNU_JAR.exists():
        raise ToolMissing(f"npm ci in {VNU_DIR} did not install {VNU_JAR}")
    return VNU_JAR


def site_files(root: Path) -> list[Path]:
    """Every generated HTML page and stylesheet of a built site."""
    return sorted(p for p in root.rglob("*") if p.suffix in (".html", ".css") and p.is_file())


def validate(root: Path, files: list[Path] | None = None, warnings: bool = False) -> list[Problem]:
    """Run vnu once over the site's HTML and CSS; returns its errors (and warnings if asked)."""
    root = Path(root).resolve()
    files = [Path(f).resolve() for f in (files if files is not None else site_files(root))]
    if not files:
        raise ValueError(f"nothing to validate under {root}")
    command = [java(), "-Xss1m", "-jar", str(vnu_jar()), "--format", "json", "--also-check-css"]
    if not warnings:
        command.append("--errors-only")
    # Relative paths keep the command line short however deep the temporary folder is.
    command += [str(f.relative_to(root)) for f in files]
    done = subprocess.run(command, cwd=root, capture_output=True, text=True)
    try:
        report = json.loads(done.stderr or done.stdout)
    except json.JSONDecodeError:
        raise RuntimeError(f"vnu failed (exit {done.returncode}): {done.stderr[-2000:]}") from None
    problems = []
    for message in report.get("messages", []):
        kind = message.get("type")
        if kind == "info" and message.get("subType") == "warning":
            kind = "warning"
        elif kind in ("error", "non-document-error"):
            kind = "error"
        else:
            continue
        url = message.get("url", "")
        path = Path(unquote(urlparse(url).path)) if url.startswith("file:") else Path(url)
        try:
            name = path.resolve().relative_to(root).as_posix()
        except ValueError:
            name = url
        problems.append(Problem(name, message.get("lastLine"), message.get("message", ""), kind))
    return problems

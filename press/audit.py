"""Lighthouse audit of the sample site (`uv run invoke audit`; not part of CI).

Lighthouse is pinned in tools/lighthouse/package.json (+ package-lock.json) and installed there
with `npm ci` on first use; it drives Debian's Chromium (CHROME_PATH=/usr/bin/chromium), nothing
is downloaded. The site is built into a temporary folder and served on 127.0.0.1; one HTML and
one JSON report per page go to reports/.
"""

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from .browser import CHROMIUM, first_article_url, screenshot_content, serve
from .build import ROOT, build

LIGHTHOUSE_DIR = ROOT / "tools" / "lighthouse"
LIGHTHOUSE_CLI = LIGHTHOUSE_DIR / "node_modules" / "lighthouse" / "cli" / "index.js"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage "
    "--disable-background-networking --disable-component-update --no-first-run --disable-sync"
)


def lighthouse_cli() -> Path:
    if not LIGHTHOUSE_CLI.exists():
        npm = shutil.which("npm")
        if not npm:
            raise RuntimeError("npm is missing: it installs Lighthouse (apt-get install npm)")
        subprocess.run(
            [npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"],
            cwd=LIGHTHOUSE_DIR,
            check=True,
        )
    return LIGHTHOUSE_CLI


def run_lighthouse(url: str, output: Path) -> dict:
    """Audit one URL; writes output.report.html and .json; returns {category: score 0-100}."""
    node = shutil.which("node")
    if not node:
        raise RuntimeError("node is missing: Lighthouse runs on Node.js")
    env = {**os.environ, "CHROME_PATH": str(CHROMIUM)}
    command = [
        node,
        str(lighthouse_cli()),
        url,
        "--quiet",
        "--output=html",
        "--output=json",
        f"--output-path={output}",
        f"--chrome-flags={CHROME_FLAGS}",
        "--only-categories=" + ",".join(CATEGORIES),
        "--form-factor=mobile",
    ]
    subprocess.run(command, env=env, check=True)
    report = json.loads(output.with_suffix(".report.json").read_text(encoding="utf-8"))
    return {name: round(100 * (report["categories"][name]["score"] or 0)) for name in CATEGORIES}


def audit(destination: Path, languages=("vi", "en")) -> dict:
    """Lighthouse on home and an article in each language; {(page, lang): scores}."""
    destination.mkdir(parents=True, exist_ok=True)
    scores = {}
    with tempfile.TemporaryDirectory() as scratch:
        site = Path(scratch) / "output"
        # Served first, so the build can use the server's address as SITEURL: absolute
        # hreflang and canonical URLs, as in a publish build.
        with serve(site) as base:
            result = build(content=screenshot_content(), output=site, overrides={"SITEURL": base})
            if not result.ok:
                raise RuntimeError(f"build failed: {result.errors}")
            for code in languages:
                prefix = "" if code == "vi" else f"{code}/"
                pages = {"home": f"/{prefix}", "article": first_article_url(site, prefix)}
                for name, url in pages.items():
                    output = destination / f"lighthouse-{name}-{code}"
                    scores[(name, code)] = run_lighthouse(base + url, output)
    return scores

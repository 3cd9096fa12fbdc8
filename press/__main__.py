"""Command line: `python -m press build [--production] [--settings F] [--content D] [--output D]`."""

import argparse
import logging
import os
import sys
from urllib.parse import urlsplit

from pelican.log import init as init_logging

from .build import ROOT, build


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="press")
    commands = parser.add_subparsers(dest="command", required=True)
    build_parser = commands.add_parser("build", help="build the site into the output folder")
    build_parser.add_argument("--settings")
    build_parser.add_argument(
        "--production", action="store_true",
        help="build with publishconf.py; the SITEURL environment variable gives the site's URL",
    )
    build_parser.add_argument("--content")
    build_parser.add_argument("--output")
    args = parser.parse_args(argv)

    settings = args.settings or str(ROOT / "pelicanconf.py")
    if args.production:
        problem = check_production_siteurl(os.environ.get("SITEURL"))
        if problem:
            print(problem, file=sys.stderr)
            return 2
        settings = args.settings or str(ROOT / "publishconf.py")

    init_logging(level=logging.WARNING)
    result = build(settings, content=args.content, output=args.output)
    if not result.ok:
        print(
            f"Build failed with {len(result.errors)} error(s); "
            f"{result.output} was left as it was.",
            file=sys.stderr,
        )
        return 1
    print(f"Built the site into {result.output}")
    return 0


def check_production_siteurl(siteurl):
    """A message when SITEURL cannot be the address of a production build, else None."""
    example = "SITEURL=https://example.org/lien-hiep/bulletin uv run invoke build --production"
    if not siteurl:
        return (
            "A production build needs the address the site will be served from in the "
            f"SITEURL environment variable, e.g.\n  {example}"
        )
    parts = urlsplit(siteurl)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return (
            f"SITEURL must be an absolute http(s) URL such as "
            f"https://example.org/lien-hiep/bulletin, not {siteurl!r}"
        )
    if any(char in siteurl for char in "?#\"' <>"):
        return f"SITEURL must be a plain URL without query, fragment, quotes or spaces, not {siteurl!r}"
    return None


if __name__ == "__main__":
    sys.exit(main())

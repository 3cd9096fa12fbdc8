"""Command line: `python -m press build [--settings F] [--content D] [--output D]`."""

import argparse
import logging
import sys

from pelican.log import init as init_logging

from .build import ROOT, build


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="press")
    commands = parser.add_subparsers(dest="command", required=True)
    build_parser = commands.add_parser("build", help="build the site into the output folder")
    build_parser.add_argument("--settings", default=str(ROOT / "pelicanconf.py"))
    build_parser.add_argument("--content")
    build_parser.add_argument("--output")
    args = parser.parse_args(argv)

    init_logging(level=logging.WARNING)
    result = build(args.settings, content=args.content, output=args.output)
    if not result.ok:
        print(
            f"Build failed with {len(result.errors)} error(s); {result.output} was left as it was.",
            file=sys.stderr,
        )
        return 1
    print(f"Built the site into {result.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

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
    editions_parser = commands.add_parser("editions", help="typeset the edition PDFs only")
    editions_parser.add_argument("--settings", default=str(ROOT / "pelicanconf.py"))
    editions_parser.add_argument("--content")
    editions_parser.add_argument("--output")
    args = parser.parse_args(argv)

    init_logging(level=logging.WARNING)
    if args.command == "editions":
        return editions(args)
    result = build(args.settings, content=args.content, output=args.output)
    if not result.ok:
        print(
            f"Build failed with {len(result.errors)} error(s); "
            f"{result.output} was left as it was.",
            file=sys.stderr,
        )
        return 1
    print(f"Built the site into {result.output}")
    return 0


def editions(args) -> int:
    from .editions import build_editions

    result = build_editions(args.settings, content=args.content, output=args.output)
    if not result.ok:
        print(f"Edition PDFs failed with {len(result.errors)} error(s).", file=sys.stderr)
        return 1
    for edition in result.editions:
        print(
            f"{edition.pdf_url}: {edition.pdf_pages} pages, {edition.pdf_size:,} bytes, "
            f"{edition.pdf_seconds:.2f} s"
        )
    print(f"Typeset {len(result.editions)} edition PDF(s) into {result.output} in {result.seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

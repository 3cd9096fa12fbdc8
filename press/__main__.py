"""Command line: `python -m press build [--production] [--settings F] [--content D] [--output D]`."""

import argparse
import logging
import os
import sys
from pathlib import Path
from urllib.parse import urlsplit

from pelican.log import init as init_logging

from .build import ROOT, build, load_settings


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
    publish_parser = commands.add_parser(
        "publish", help="build with publishconf.py and deploy (see README, Deploying)"
    )
    publish_parser.add_argument("--target", help="rsync, ghpages, directory or archive "
                                "(default: $PUBLISH_TARGET)")
    publish_parser.add_argument("--dest", help="where to publish (default: the target's variable)")
    publish_parser.add_argument("--dry-run", action="store_true", help="show what would change")
    publish_parser.add_argument("--force", action="store_true",
                                help="publish even if most published files would be deleted")
    publish_parser.add_argument("--no-build", action="store_true",
                                help="publish the output folder as it is")
    publish_parser.add_argument("--settings")
    publish_parser.add_argument("--content")
    publish_parser.add_argument("--output")
    editions_parser = commands.add_parser("editions", help="typeset the edition PDFs only")
    editions_parser.add_argument("--settings", default=str(ROOT / "pelicanconf.py"))
    editions_parser.add_argument("--content")
    editions_parser.add_argument("--output")
    args = parser.parse_args(argv)
    if args.command == "publish":
        return publish_command(args)
    if args.command == "editions":
        init_logging(level=logging.WARNING)
        return editions(args)

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


def publish_command(args) -> int:
    from . import publish

    settings_file = args.settings or str(ROOT / "publishconf.py")
    output = Path(args.output or ROOT / "output")
    target = args.target or os.environ.get(publish.ENV["target"])
    if not target:
        print(f"Choose a target with --target or {publish.ENV['target']}: "
              f"{', '.join(publish.TARGETS)}.", file=sys.stderr)
        return 2
    if target not in publish.TARGETS:
        print(f"Unknown target {target!r}; choose one of: {', '.join(publish.TARGETS)}.",
              file=sys.stderr)
        return 2
    destination = args.dest or os.environ.get(publish.ENV[target])
    if not args.no_build:
        problem = check_production_siteurl(os.environ.get("SITEURL"))
        if problem:
            print(problem, file=sys.stderr)
            return 2
    content = args.content or ROOT / "content"
    # Only PUBLISH is read when publishing an existing output folder: any folder will do as PATH.
    settings = load_settings(settings_file, content if Path(content).is_dir() else ROOT, output)
    if not args.no_build:
        init_logging(level=logging.WARNING)
        result = build(settings_file, content=args.content, output=output)
        if not result.ok:
            print(f"Build failed with {len(result.errors)} error(s); nothing was published.",
                  file=sys.stderr)
            return 1
        if result.warnings and publish.options(settings)["strict"]:
            print(f"The build logged {len(result.warnings)} warning(s); fix them before "
                  "publishing (PUBLISH['strict'] in publishconf.py).", file=sys.stderr)
            return 1
    if not (args.dry_run and args.no_build):  # the output folder is ours to complete
        count = publish.precompress(output, publish.options(settings))
        print(f"Wrote {count} precompressed .gz/.br files")
    try:
        plan = publish.publish(output, target, destination, settings, args.dry_run, args.force)
    except publish.PublishError as error:
        print(f"Not published: {error}", file=sys.stderr)
        return 1
    if args.dry_run:
        print(f"Dry run, nothing was changed. Publishing would do: {plan.summary()}")
        for label, names in (("new", plan.added), ("changed", plan.changed), ("deleted", plan.deleted)):
            for name in names[:50]:
                print(f"  {label:8} {name}")
            if len(names) > 50:
                print(f"  … and {len(names) - 50} more {label}")
    else:
        print(f"Published: {plan.summary()}")
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

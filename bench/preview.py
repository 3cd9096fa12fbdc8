"""One edit rebuild in the preview server's way (`invoke serve`): the build runs again in a
process that has built before, with the settings the server gives it.

    python bench/preview.py CONTENT OUTPUT CACHE ARTICLE SENTENCE

Builds once through the preview server's own code (editor.server.Preview, without its
HTTP server; untimed: imports, and the cache warms for the preview's settings), waits for
that build's old site to be emptied into the spare, marks ARTICLE's page as open in a
browser, appends SENTENCE (and a word of its own, to recognise the edited page) to ARTICLE,
builds again and prints one JSON line: the rebuild's wall and CPU seconds (this process and
the children it waited for: the page workers, Pagefind), when the server could show the
edited page (`shown`, seconds from the start of the rebuild; null if it was not shown
first, or without the edit) and the peak RSS in MB. Run by bench/run.py beside the other
tools' builds.
"""

import io
import json
import logging
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

sys.path.insert(0, str(ROOT / "plugins"))

import editor  # noqa: E402
from editor.server import PREVIEW_SETTINGS, Preview  # noqa: E402
from pelican.log import init as init_logging  # noqa: E402

from press.build import build, wait_for_spare  # noqa: E402


def cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


class TimedPreview(Preview):
    """The preview server's builds, noting when the build hands the open page over."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.started, self.shown, self.sentence = 0.0, None, None

    def show_first(self, pages):
        super().show_first(pages)
        if any(self.sentence.encode() in page for page in pages.values()):
            self.shown = time.perf_counter() - self.started


def page_of(output: Path, article: Path) -> str | None:
    """The URL of the article's page in the default language's tree (the corpus's slugs are
    the file names), found in the built site."""
    stem = article.name.split(".", 1)[0]
    found = sorted(output.rglob(f"{stem}/index.html"), key=lambda p: len(p.parts))
    return found[0].parent.relative_to(output).as_posix() + "/" if found else None


def main(content, output, cache, article, sentence) -> int:
    init_logging(level=logging.WARNING)
    output = Path(output).resolve()

    def run():
        return build(
            ROOT / "pelicanconf.py",
            content=content,
            output=output,
            overrides={**PREVIEW_SETTINGS, "CACHE_PATH": cache},  # the bench's cache folder
        )

    preview = TimedPreview(run, watch=[], output=output, out=io.StringIO())
    editor.live_preview = preview
    preview.rebuild()
    if preview.state.errors:
        return 1
    # An editor's next save comes seconds later, when the previous site has been emptied into
    # the spare the next build starts from (press/build.py); the bench edits at once.
    wait_for_spare(output)
    url = page_of(output, Path(article))
    if url is not None:
        preview.state.looked_at(url)  # as the page's reload script says
    preview.sentence = f"banxemtruoc{os.getpid()}"  # one word, to recognise the edited page
    with open(article, "a", encoding="utf-8", newline="\n") as file:
        file.write(f"\n{sentence} {preview.sentence}\n")
    cpu, started = cpu_seconds(), time.perf_counter()
    preview.started = started
    preview.rebuild("edit")
    wall = time.perf_counter() - started
    cpu = cpu_seconds() - cpu
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    ok = not preview.state.errors
    print(json.dumps({"wall": wall, "cpu": cpu, "rss_mb": rss, "ok": ok, "shown": preview.shown}))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:6]))

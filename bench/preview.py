"""One edit rebuild in the preview server's way (`invoke serve`): the build runs again in a
process that has built before, with the settings the server gives it.

    python bench/preview.py CONTENT OUTPUT CACHE ARTICLE SENTENCE

Builds once (untimed: imports, and the cache warms for the preview's settings), waits for
that build's old site to be emptied into the spare, appends SENTENCE to ARTICLE, builds
again and prints one JSON line: the rebuild's wall and CPU seconds (this process and the
children it waited for: the page workers, Pagefind) and the peak RSS in MB. Run by
bench/run.py beside the other tools' builds.
"""

import json
import logging
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pelican.log import init as init_logging  # noqa: E402

from press.build import build, wait_for_spare  # noqa: E402

# What tasks.py's `serve` passes, plus the bench's cache folder.
PREVIEW = {"EDITOR": {"preview": True, "progress": True}}


def cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main(content, output, cache, article, sentence) -> int:
    init_logging(level=logging.WARNING)

    def run():
        return build(
            ROOT / "pelicanconf.py",
            content=content,
            output=output,
            overrides={**PREVIEW, "CACHE_PATH": cache},
        )

    if not run().ok:
        return 1
    # An editor's next save comes seconds later, when the previous site has been emptied into
    # the spare the next build starts from (press/build.py); the bench edits at once.
    wait_for_spare(Path(output).resolve())
    with open(article, "a", encoding="utf-8", newline="\n") as file:
        file.write("\n" + sentence + "\n")
    cpu, started = cpu_seconds(), time.perf_counter()
    result = run()
    wall = time.perf_counter() - started
    cpu = cpu_seconds() - cpu
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"wall": wall, "cpu": cpu, "rss_mb": rss, "ok": result.ok}))
    return 0 if result.ok else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:6]))

"""Render output pages on every core.

Pages are independent once listed, so forked workers (which inherit the parsed content,
the templates and the catalogs) render interleaved batches and write their files. Each batch's
results go to the parent's `collect`, as one list, as soon as the batch is done, so the parent
never holds all of a worker's results at once (at 10,000 pairs, two shares of 52,000 pages'
page-cache entries, each a separate copy until the page cache shares them). Log records of
WARNING and above are sent back to the parent, where the build's strict mode and error count
see them as if the page had been rendered there.
"""

import gc
import logging
import os
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context

# Below this many pages, forking costs more than it saves.
PARALLEL_THRESHOLD = 400
# Pages per batch a worker renders and sends back, in a whole number of batches per worker.
# Every batch pickles the dependencies its pages share once more: batches of 500 cost 10 %
# more CPU at 1,000 pairs. With 10,000, the 11,308 pages of 1,000 pairs are one batch a
# worker, as before batches; the 104,698 pages of 10,000 pairs are ten batches.
BATCH = 10000

_job = None  # (render function, pages), set in the parent just before forking


class _RecordCollector(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.records = []

    def emit(self, record):
        record.msg, record.args = record.getMessage(), None
        record.exc_info = None  # tracebacks do not pickle; the message says what failed
        self.records.append(record)


def _render_share(group: int, share: int, shares: int):
    render, groups = _job
    collector = _RecordCollector()
    root = logging.getLogger()
    root.handlers = [collector]  # the parent prints the records once, in order
    results = []
    for page in groups[group][share::shares]:
        try:
            results.append(render(page))
        except Exception as error:  # reported by the parent, which fails the build
            logging.getLogger(__name__).error("Could not render %s: %s", page.url or "/", error)
    return collector.records, results


def render_all(groups, render, collect, done=None, workers: int = 0) -> None:
    """Call `render(page)` for every page of each group of pages, group after group, and
    `collect` with lists of what the calls returned (together, all of them once);
    `done(group)` once a group's pages are all back. The groups share one pool of workers,
    so what a worker learnt in one group (the page cache's descriptions of the content) it
    still knows in the next."""
    workers = workers or os.cpu_count() or 1
    if workers < 2 or sum(map(len, groups)) < PARALLEL_THRESHOLD:
        for pages in groups:
            collect([render(page) for page in pages])
            if done:
                done(pages)
        return
    global _job
    _job = (render, groups)
    # Whatever exists now, the workers only read: out of the collector's sight (gc.freeze),
    # its collections in a worker neither scan it nor copy the memory they would touch. The
    # checks of an edit rebuild of the 1,000-pair corpus took 0.47-0.51 s instead of
    # 0.39-0.40 s (content pages) and 0.69-0.76 s instead of 0.62 s (listings) without.
    gc.freeze()
    try:
        with ProcessPoolExecutor(workers, mp_context=get_context("fork")) as pool:
            for group, pages in enumerate(groups):
                # Even shares per worker, of at most about BATCH pages.
                shares = workers * max(1, round(len(pages) / (BATCH * workers)))
                batches = [
                    pool.submit(_render_share, group, share, shares) for share in range(shares)
                ]
                for number in range(shares):
                    records, results = batches[number].result()
                    batches[number] = None  # the future holds its result: let both go
                    for record in records:
                        logging.getLogger(record.name).handle(record)
                    collect(results)
                    del results
                if done:
                    done(pages)
    finally:
        _job = None
        gc.unfreeze()

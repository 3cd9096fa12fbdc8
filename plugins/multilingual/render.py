"""Render output pages on every core.

Pages are independent once listed, so forked workers (which inherit the parsed content,
the templates and the catalogs) each render an interleaved share and write their files.
Log records of WARNING and above are sent back to the parent, where the build's strict
mode and error count see them as if the page had been rendered there.
"""

import logging
import os
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context

# Below this many pages, forking costs more than it saves.
PARALLEL_THRESHOLD = 400

_job = None  # (render function, pages), set in the parent just before forking


class _RecordCollector(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.records = []

    def emit(self, record):
        record.msg, record.args = record.getMessage(), None
        record.exc_info = None  # tracebacks do not pickle; the message says what failed
        self.records.append(record)


def _render_share(share: int, shares: int):
    render, pages = _job
    collector = _RecordCollector()
    root = logging.getLogger()
    root.handlers = [collector]  # the parent prints the records once, in order
    results = []
    for page in pages[share::shares]:
        try:
            results.append(render(page))
        except Exception as error:  # reported by the parent, which fails the build
            logging.getLogger(__name__).error("Could not render %s: %s", page.url or "/", error)
    return collector.records, results


def render_all(pages, render, workers: int = 0) -> list:
    """Call `render(page)` for every page; return what the calls returned."""
    workers = workers or os.cpu_count() or 1
    if workers < 2 or len(pages) < PARALLEL_THRESHOLD:
        return [render(page) for page in pages]
    global _job
    _job = (render, pages)
    results = []
    try:
        with ProcessPoolExecutor(workers, mp_context=get_context("fork")) as pool:
            shares = [pool.submit(_render_share, share, workers) for share in range(workers)]
            for future in shares:
                records, share_results = future.result()
                for record in records:
                    logging.getLogger(record.name).handle(record)
                results.extend(share_results)
    finally:
        _job = None
    return results

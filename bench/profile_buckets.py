"""Summarise a cProfile dump of a Pelican run into buckets (reading, markdown, typogrify, writing).

    python bench/profile_buckets.py bench/work/profile/cold.prof

Buckets are cumulative times of single, non-recursive entry points, so nested buckets overlap:
markdown and typogrify are inside reading; jinja rendering and feeds are inside writing.
"""

import pstats
import sys

BUCKETS = [  # (label, file suffix, function name)
    ("total (Pelican.run, main site incl. nested en subsite)", "pelican/__init__.py", "run"),
    ("reading: Readers.read_file", "pelican/readers.py", "read_file"),
    ("  markdown: Markdown.convert", "markdown/core.py", "convert"),
    ("  typogrify: typogrify()", "typogrify/filters.py", "typogrify"),
    ("writing: Writer.write_file (pages)", "pelican/writers.py", "write_file"),
    ("  jinja: Template.render", "jinja2/environment.py", "render"),
    ("writing: Writer.write_feed (feeds)", "pelican/writers.py", "write_feed"),
    ("cache: FileStampDataCacher.save_cache", "pelican/cache.py", "save_cache"),
]


def main(path: str) -> None:
    st = pstats.Stats(path)
    rows = {}
    for (fname, _line, func), (_cc, _nc, _tt, ct, _callers) in st.stats.items():
        for label, suffix, name in BUCKETS:
            if fname.endswith(suffix) and func == name:
                rows[label] = max(rows.get(label, 0.0), ct)
    total = st.total_tt
    print(f"| bucket | cumulative s | share of profiled time ({total:.1f} s) |")
    print("| --- | ---: | ---: |")
    for label, _s, _f in BUCKETS:
        if label in rows:
            print(f"| {label} | {rows[label]:.1f} | {100 * rows[label] / total:.0f} % |")


if __name__ == "__main__":
    main(sys.argv[1])

"""How soon a build in the preview server's process could show an edited article's page.

    python bench/edited_page.py CONTENT OUTPUT CACHE ARTICLE [EDITS]

A probe for the design of a preview that renders pages on demand (docs/performance.md,
"What is left"), not part of `invoke bench`. In one process, with the preview's settings:
one build, then EDITS times (default 4): wait for the spare, append a sentence to ARTICLE,
build again. During each build the article's Vietnamese page is rendered alone, to memory,
as soon as the multilingual generator starts its output (before any page is checked).
Prints, per build, seconds from its start: Pelican's generators done, the page rendered
(and whether it shows the edit), the build done.
"""

import logging
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "plugins"))

from pelican import signals  # noqa: E402
from pelican.log import init as init_logging  # noqa: E402

from multilingual import generator  # noqa: E402
from press.build import build, wait_for_spare  # noqa: E402

PREVIEW = {"EDITOR": {"preview": True, "progress": False}}


def main(content, output, cache, article, edits="4") -> int:
    init_logging(level=logging.WARNING)
    article = str(Path(article).resolve())
    started, marks, sentence = [0.0], {}, [""]

    def generators_done(_generators):
        marks["generators done"] = time.perf_counter() - started[0]

    def render_edited_page_first(self, writer):
        page = next(
            p
            for p in self.output_pages
            if p.lang.code == "vi"
            and getattr(p.context.get("article"), "source_path", None) == article
        )
        base = {**self.context, "languages": self.languages}
        self.base, self.fragments = base, {}
        context = {**base, **page.context}
        context.update(
            lang=page.lang,
            tree=self.trees[page.lang.code],
            output_page=page,
            page_url=page.url,
            union=generator.union_info(self.settings, page.lang.code),
        )
        context["language_fragment"] = lambda name, **values: self.fragment(name, context, **values)
        html = self.env.get_template(page.template).render(context)
        marks["page rendered"] = time.perf_counter() - started[0]
        marks["with the edit"] = sentence[0] in html
        return write_everything(self, writer)

    write_everything = generator.MultilingualGenerator.generate_output
    generator.MultilingualGenerator.generate_output = render_edited_page_first
    signals.all_generators_finalized.connect(generators_done, weak=False)

    def run():
        return build(
            ROOT / "pelicanconf.py",
            content=content,
            output=output,
            overrides={**PREVIEW, "CACHE_PATH": cache},
        )

    if not run().ok:
        return 1
    for number in range(int(edits)):
        wait_for_spare(Path(output).resolve())
        time.sleep(1)  # an editor's next save
        sentence[0] = f"sualoi{number + 1}x"  # one word: typography joins the last two
        with open(article, "a", encoding="utf-8", newline="\n") as file:
            file.write(f"\nCâu thêm vào lần thứ {number + 1}, {sentence[0]}, để thử.\n")
        marks.clear()
        started[0] = time.perf_counter()
        if not run().ok:
            return 1
        marks["build done"] = time.perf_counter() - started[0]
        print(
            "  ".join(
                f"{name} {value}" if isinstance(value, bool) else f"{name} {value:.2f} s"
                for name, value in marks.items()
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:6]))

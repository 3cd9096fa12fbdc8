"""Typeset the edition PDFs alone, into an existing output folder (`invoke editions`).

Pelican reads the content and every generator lists its pages (generate_context), then
`all_generators_finalized` lets the editions plugin write the PDFs; no page is rendered.
The PDF cache is not used: every PDF is typeset anew, and the time it took is reported.
Each PDF replaces its previous version by a rename, so the published site never shows a
half-written file. Run a full build to refresh the sizes shown on the article pages.
"""

import logging
import time

from pelican import Pelican, signals

from .build import ROOT, BuildResult, ProblemCollector, load_settings


def build_editions(settings_file=ROOT / "pelicanconf.py", content=None, output=None, overrides=None):
    settings = load_settings(settings_file, content, output, overrides)
    editions = dict(settings.get("EDITIONS") or {})
    editions["pdf"] = True
    editions["cache"] = False  # typeset every PDF anew (and report the real times)
    settings["EDITIONS"] = editions
    collector = ProblemCollector()
    root_logger = logging.getLogger()
    root_logger.addHandler(collector)
    started = time.perf_counter()
    written = []
    try:
        pelican = Pelican(settings)
        context = settings.copy()
        context.update(
            generated_content={}, static_links=set(), static_content={},
            localsiteurl=settings["SITEURL"],
        )
        generators = [
            cls(
                context=context, settings=settings, path=pelican.path,
                theme=pelican.theme, output_path=pelican.output_path,
            )
            for cls in pelican._get_generator_classes()
        ]
        for generator in generators:
            if hasattr(generator, "generate_context"):
                generator.generate_context()
        signals.all_generators_finalized.send(generators)
        written = [e for e in context.get("editions", []) if e.pdf_size]
    except Exception as error:
        logging.getLogger("press").error("The editions build stopped: %s", error, exc_info=True)
    finally:
        root_logger.removeHandler(collector)
    result = BuildResult(settings["OUTPUT_PATH"], collector.errors, collector.warnings)
    result.editions = written
    result.seconds = time.perf_counter() - started
    return result

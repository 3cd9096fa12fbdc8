"""Validation: editors' mistakes get clear errors, and content cannot carry script.

- `checks.check(settings)` validates the content tree against the content contract without
  running Markdown; press/build.py runs it beside Pelican's reading, and stops the build before
  anything is written (`invoke check` runs it alone).
- At render time, content, titles and summaries are sanitised (sanitize.py) and links to
  other sites get rel="noopener".
- Templates get `content_security_policy` for the <meta> in partials/csp.html; the build
  writes the same policy as `_headers` (Netlify, Cloudflare Pages) and `.htaccess` (Apache).

Settings (pelicanconf.py), all optional:

    VALIDATION = {
        "image_max_bytes": 512000,     # pictures larger than this are errors
        "iframe_hosts": [],            # hosts editors may embed with <iframe>
        "clusters": [1, 2, ...],       # cluster numbers of the provincial unions
        "page_translations": ["en"],   # a page missing one of these is a warning
    }
"""

import logging
import os
from pathlib import Path

from pelican import signals

from . import checks, policy, sanitize

logger = logging.getLogger(__name__)

_settings = {}
_cache = sanitize.CleanCache(None)


def start(pelican):
    global _cache
    _settings.clear()
    _settings.update(checks.options(pelican.settings))  # unknown keys stop the build
    _settings["SITEURL"] = pelican.settings.get("SITEURL", "")
    cache_path = pelican.settings.get("CACHE_PATH")
    _cache = sanitize.CleanCache(
        os.path.join(cache_path, "clean-cache.pickle") if cache_path else None
    )


def needs_wasm(settings) -> bool:
    """Pagefind's search (plugins/search) compiles WebAssembly in the browser."""
    return bool((settings.get("SEARCH") or {}).get("index"))


def add_policy(generator):
    hosts = checks.options(generator.settings)["iframe_hosts"]
    generator.env.globals["content_security_policy"] = policy.content_security_policy(
        hosts, wasm=needs_wasm(generator.settings)
    )


def clean_content(instance):
    siteurl = _settings.get("SITEURL", "")
    content = getattr(instance, "_content", None)
    if isinstance(content, str):
        instance._content = _cache.clean(content, siteurl)
    metadata = getattr(instance, "metadata", {})
    for key in ("title", "summary"):
        value = metadata.get(key)
        if isinstance(value, str) and ("<" in value or "&" in value):
            cleaned = _cache.clean(value, siteurl)
            metadata[key] = cleaned
            if key == "title":
                instance.title = cleaned
            elif hasattr(instance, "_summary"):
                instance._summary = cleaned


def release_cache(generators):
    """Save the sanitiser's cache once every file is read, and let it go (its HTML is one
    more copy of every article); content cleaned after this is cleaned without it."""
    global _cache
    _cache.save()
    _cache = sanitize.CleanCache(None)


def finish(pelican):
    write_headers(pelican)


def write_headers(pelican):
    hosts = checks.options(pelican.settings)["iframe_hosts"]
    wasm = needs_wasm(pelican.settings)
    output = Path(pelican.settings["OUTPUT_PATH"])
    output.mkdir(parents=True, exist_ok=True)
    (output / "_headers").write_text(policy.netlify_headers(hosts, wasm), encoding="utf-8")
    (output / ".htaccess").write_text(policy.htaccess(hosts, wasm), encoding="utf-8")


def register():
    signals.initialized.connect(start)
    signals.generator_init.connect(add_policy)
    signals.content_object_init.connect(clean_content)
    signals.all_generators_finalized.connect(release_cache)
    signals.finalized.connect(finish)

"""Production settings: the development settings plus a few overrides."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403

# The site's public address, e.g. https://example.org/lien-hiep/bulletin (a subpath works).
# `python -m press build --production` refuses to build when it is missing.
SITEURL = os.environ.get("SITEURL", "").rstrip("/")
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = False

# Publishing (`uv run invoke publish`, press/publish.py). Targets and credentials come from
# environment variables (README, "Deploying"), never from this file.
PUBLISH = {
    "min_pages": 5,  # refuse to publish a site with fewer HTML pages
    "max_delete_ratio": 0.5,  # refuse to delete more than half of the published files
    "precompress": [".html", ".css", ".js", ".xml", ".txt", ".svg", ".json", ".webmanifest"],
    "precompress_min_bytes": 256,
    "brotli_quality": 11,
    "strict": True,  # a build that logged warnings is not published
}

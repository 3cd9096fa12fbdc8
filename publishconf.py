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

"""Put plugins/ on sys.path so tests import the Pelican plugin packages
(``documents``, ``places``) and ``vntext`` the way Pelican's PLUGIN_PATHS does."""

import sys
from pathlib import Path

PLUGINS = Path(__file__).resolve().parent.parent / "plugins"
if str(PLUGINS) not in sys.path:
    sys.path.insert(0, str(PLUGINS))

"""Portal: what the theme's home and article pages show beyond one article.

Hot news, the latest articles per category, upcoming events, the photo strip, related
news, other news in the category and previous/next, per language tree. Related news
comes from the trees' inverted indexes (tag -> articles, category -> articles, each
newest first), merged lazily, so no page compares every article with every other.
Settings: the `PORTAL` dict in pelicanconf.py, checked when Pelican starts.
"""

from pelican import signals

from .portal import check_settings, install


def register():
    signals.initialized.connect(check_settings)
    signals.all_generators_finalized.connect(install)

"""Settings of the Hữu Nghị Press sample site (development build).

Settings only: behaviour lives in plugins/. publishconf.py overrides a few of these
for production.
"""

import os
import sys

# The plugins share small modules (the content contract) that live beside them.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "plugins"))

SITENAME = "Liên hiệp các tổ chức hữu nghị"
SITEURL = ""

PATH = "content"
OUTPUT_PATH = "output"
THEME = "theme"
TRANSLATIONS_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "translations")
TIMEZONE = "Asia/Ho_Chi_Minh"
DEFAULT_LANG = "vi"

# Editors write Markdown only; the reStructuredText reader would also warn that
# docutils has no Vietnamese localisation.
READERS = {"rst": None}

PLUGIN_PATHS = ["plugins"]
PLUGINS = [
    "readcache",
    "multilingual",
    "portal",
    "editions",
    "search",
    "feeds",
    "editor",
    "documents",
    "places",
    "events",
    "validation",
]

ARTICLE_PATHS = ["articles"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images"]
# Registry entries and editions are read by their own plugins, not as pages.
PAGE_EXCLUDES = ["articles", "directives", "editions"]
ARTICLE_EXCLUDES = ["pages", "directives", "editions"]

# `<slug>.<lang>.md`: the language comes from the file name unless `Lang` says otherwise;
# the stem pairs a translation with its original.
FILENAME_METADATA = r"(?P<stem>[^.]+)\.(?P<lang>[a-z]{2})"
SLUGIFY_SOURCE = "title"
# The multilingual plugin pairs translations (by file stem, then slug). Pelican's own
# pairing, by the slug each file derives from its own title, would call two translations
# with the same title duplicates, a warning that fails a strict build.
ARTICLE_TRANSLATION_ID = None
PAGE_TRANSLATION_ID = None

# Clean URLs. Pelican's own writers are switched off (empty *_SAVE_AS, no direct
# templates): the multilingual plugin writes every page of every language tree.
ARTICLE_URL = "{date:%Y}/{slug}/"
ARTICLE_LANG_URL = "{lang}/{date:%Y}/{slug}/"
PAGE_URL = "{slug}/"
PAGE_LANG_URL = "{lang}/{slug}/"
ARTICLE_SAVE_AS = ARTICLE_LANG_SAVE_AS = PAGE_SAVE_AS = PAGE_LANG_SAVE_AS = ""
DRAFT_SAVE_AS = DRAFT_LANG_SAVE_AS = DRAFT_PAGE_SAVE_AS = DRAFT_PAGE_LANG_SAVE_AS = ""
CATEGORY_SAVE_AS = TAG_SAVE_AS = AUTHOR_SAVE_AS = ""
YEAR_ARCHIVE_SAVE_AS = MONTH_ARCHIVE_SAVE_AS = DAY_ARCHIVE_SAVE_AS = ""
DIRECT_TEMPLATES = []
DEFAULT_PAGINATION = 10

FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

# Feeds, sitemap.xml, robots.txt and sharing metadata (plugins/feeds); Pelican's own feeds
# above stay off. Feeds and sitemaps need absolute URLs: a development build (SITEURL = "")
# uses the address of `invoke serve` instead.
FEEDS = {
    "atom": True,
    "rss": True,
    "max_items": 30,
    "per_category": True,
    "per_tag": True,
    "dev_siteurl": "http://127.0.0.1:8000",
    "sitemap": True,
    "sitemap_max_urls": 50000,
    "sitemap_exclude": ["404", "search"],
    "robots": True,
    "logo": "img/logo.png",
}

# Typogrify: curly quotes, dashes and no widows, but not `caps`: it wraps "CT" and "TW" of
# "12-CT/TW" in separate spans and splits Vietnamese capitals ("ĐẢNG" -> "Đ<span>NG</span>").
# The readcache plugin applies it and caches the result with the Markdown output, so
# Pelican's own TYPOGRIFY stays off (it would typeset a second time, on every build).
TYPOGRIFY = False
READ_CACHE = {"typogrify": True, "workers": 0}
CACHE_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), ".cache")
TYPOGRIFY_OMIT_FILTERS = ["caps"]
TYPOGRIFY_IGNORE_TAGS = ["pre", "code", "kbd", "script", "style"]

# auto_reload off: every build makes new environments, so checking each template's mtime
# on every include (tens of thousands of stat calls per build) buys nothing.
JINJA_ENVIRONMENT = {
    "trim_blocks": True,
    "lstrip_blocks": True,
    "autoescape": True,
    "auto_reload": False,
}

# The friendship union the sample site belongs to, shown in every footer.
# Sample values: replace them with your union's own details.
UNION = {
    "vi": {
        "name": "Liên hiệp các tổ chức hữu nghị Việt Nam",
        "address": "105A Quán Thánh, Ba Đình, Hà Nội",
    },
    "en": {
        "name": "Viet Nam Union of Friendship Organisations",
        "address": "105A Quan Thanh, Ba Dinh, Ha Noi",
    },
    "fr": {
        "name": "Union des organisations d’amitié du Vietnam",
        "address": "105A Quan Thanh, Ba Dinh, Hanoï",
    },
    "lo": {"name": "ສະຫະພັນອົງການມິດຕະພາບຫວຽດນາມ", "address": "105A Quan Thanh, Ba Dinh, ຮ່າໂນ້ຍ"},
    "zh": {"name": "越南友好组织联合会", "address": "河内市巴亭郡馆圣路105A号"},
    "km": {"name": "សហភាពអង្គការមិត្តភាពវៀតណាម", "address": "105A Quan Thanh, Ba Dinh, ហាណូយ"},
}
# SAMPLE VALUES, not the union's real numbers: a placeholder phone/fax and an address under
# the reserved example.org domain. Replace them with your union's own.
UNION_CONTACT = {
    "phone": "+84 000 000 000",
    "fax": "+84 000 000 001",
    "email": "lienhe@example.org",
}

# The portal theme (plugins/portal): ticker messages per language, partner organisations
# (names per language; a language without its own name shows the English one), and how
# many articles each home block lists.
PORTAL = {
    "ticker": {
        "vi": [
            "Chào mừng bạn đọc đến với bản tin đối ngoại nhân dân.",
            "Mời các Liên hiệp hữu nghị địa phương gửi tin, bài về hoạt động của mình.",
        ],
        "en": [
            "Welcome to the people-to-people diplomacy bulletin.",
            "Provincial friendship unions are invited to send us news of their activities.",
        ],
        "fr": [
            "Bienvenue dans le bulletin de la diplomatie populaire.",
            "Les unions provinciales d’amitié sont invitées à nous envoyer leurs nouvelles.",
        ],
        "lo": [
            "ຍິນດີຕ້ອນຮັບສູ່ຈົດໝາຍຂ່າວການທູດປະຊາຊົນ.",
            "ຂໍເຊີນສະຫະພັນມິດຕະພາບແຂວງສົ່ງຂ່າວກິດຈະກຳຂອງຕົນມາໃຫ້ພວກເຮົາ.",
        ],
        "zh": [
            "欢迎阅读人民外交简报。",
            "欢迎各省友好组织联合会投稿介绍本地活动。",
        ],
        "km": [
            "សូមស្វាគមន៍មកកាន់ព្រឹត្តិបត្រការទូតប្រជាជន។",
            "សូមអញ្ជើញសហភាពមិត្តភាពខេត្តផ្ញើព័ត៌មានអំពីសកម្មភាពរបស់ខ្លួនមកយើង។",
        ],
    },
    "links": [
        {
            "name": {
                "vi": "Liên hiệp các tổ chức hữu nghị Việt Nam",
                "en": "Viet Nam Union of Friendship Organisations",
            },
            "url": "https://vufo.org.vn",
        },
        {
            "name": {"vi": "Bộ Ngoại giao", "en": "Ministry of Foreign Affairs"},
            "url": "https://mofa.gov.vn",
        },
        {
            "name": {
                "vi": "Cổng Thông tin điện tử Chính phủ",
                "en": "Viet Nam Government Portal",
            },
            "url": "https://chinhphu.vn",
        },
    ],
    "per_category_on_home": 4,
    "hot_news": 5,
    "related": 5,
    "other_news": 5,
    "photo_strip": 8,
    "events_on_home": 5,
}

# Printable bulletin editions (tập san): content/editions/<yyyy>-<nn>.<lang>.md -> pages + PDFs.
EDITIONS = {"path": "editions", "pdf": True}
# Site search (plugins/search): Pagefind indexes the built site after every build, one index
# per language, into <output>/<bundle_dir>/. `fold` adds a tone-free copy of each content
# page's text to the index so that "dong thap" finds "Đồng Tháp". Each
# language is indexed in parts of about `part_size` pages, merged into one bundle: an edit
# re-indexes one part.
SEARCH = {
    "index": True,
    "fold": True,
    "bundle_dir": "pagefind",
    "part_size": 60,
}
# Editors' preview (plugins/editor/): `invoke serve` turns `preview` on, which also builds drafts
# and scheduled articles with a banner; `progress` prints one line per build stage.
EDITOR = {"preview": False, "progress": True}
# An article dated in the future is scheduled: left out until a build runs after its date.
WITH_FUTURE_DATES = False

# Content validation and security (plugins/validation): pictures over the size limit are
# errors; iframes only from these hosts (also allowed by the Content-Security-Policy).
VALIDATION = {
    "image_max_bytes": 500 * 1024,
    "iframe_hosts": [],
    "clusters": list(range(1, 11)),
    "page_translations": ["en"],
}

# Cited documents (plugins/documents): references that have no full symbol and cannot be
# linked are warnings naming file and line, except those listed here, which editors have
# checked (the sources cite Cluster 3's founding guideline by number only).
DOCUMENTS = {"acknowledged": ["Hướng dẫn số 780", "Guideline No. 780"]}

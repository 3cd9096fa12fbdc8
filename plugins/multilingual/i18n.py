"""Interface translations and locale formatting, all through Babel (never the OS locale).

One Jinja environment renders every language: the gettext callables read the page's
language from the template context, so a page is rendered in its tree's language
without one environment (or one Pelican run) per language.
"""

import datetime
import functools
import gettext
import os
import re
from io import BytesIO
from pathlib import Path

from babel import dates, numbers
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from jinja2 import pass_context
from markupsafe import Markup, escape

# Each language's long date line. Vietnamese portals write "Thứ Tư, 28/02/2024 10:01";
# other languages combine Babel's full date and short time in their own order.
LONG_DATETIME_PATTERNS = {"vi": "EEEE, dd/MM/yyyy HH:mm"}
SHORT_DATE_PATTERNS = {"vi": "dd/MM/yyyy"}
# A footnote's back-link as Python-Markdown 3.11 writes it (and the sanitiser keeps it).
FOOTNOTE_BACKLINK = re.compile(
    r'<a class="footnote-backref" href="#fnref:([^"]+)" title="Jump back to footnote (\d+) in the text">'
)


def load_catalogs(translations_dir: Path, codes) -> dict[str, gettext.NullTranslations]:
    """Compile each `<code>/LC_MESSAGES/messages.po` in memory (no .mo files to go stale)."""
    # Called for every page by the feeds plugin: os.path and os.stat, not pathlib, which
    # cost 0.3 ms a call here (measured), and the .po files' mtimes say when to recompile.
    directory = str(translations_dir)
    stamps = tuple(
        (code, _mtime(os.path.join(directory, code, "LC_MESSAGES", "messages.po")))
        for code in codes
    )
    return _load_catalogs(directory, stamps)


def _mtime(path: str):
    try:
        return os.stat(path).st_mtime_ns
    except FileNotFoundError:
        return None


@functools.lru_cache(maxsize=4)
def _load_catalogs(translations_dir: str, stamps) -> dict[str, gettext.NullTranslations]:
    catalogs = {}
    codes = [code for code, _ in stamps]
    for code in codes:
        po_path = Path(translations_dir) / code / "LC_MESSAGES" / "messages.po"
        if not po_path.exists():
            catalogs[code] = gettext.NullTranslations()
            continue
        with po_path.open("rb") as po_file:
            catalog = read_po(po_file, locale=code, domain="messages")
        buffer = BytesIO()
        # Fuzzy entries are left out, as msgfmt does: a guess is not a translation.
        write_mo(buffer, catalog, use_fuzzy=False)
        buffer.seek(0)
        catalogs[code] = gettext.GNUTranslations(buffer)
    return catalogs


def install(env, catalogs, fallback_code: str) -> None:
    """Install language-aware gettext callables and formatting filters into a Jinja env."""

    def translations(context):
        lang = context.get("lang")
        return catalogs.get(lang.code if lang else fallback_code) or catalogs[fallback_code]

    # `_()` and `{% trans %}` run about twelve times a page. jinja2.ext's newstyle gettext
    # reaches the catalog through two more context.call()s; this one does what it does
    # (translate, Markup when autoescaping, always %-format) directly, and remembers the
    # result of a message without placeholders for each language.
    known = {}

    @pass_context
    def direct_gettext(context, message, **variables):
        autoescape = context.eval_ctx.autoescape
        if not variables:
            lang = context.get("lang")
            key = (lang.code if lang else None, autoescape, message)
            if key not in known:
                text = translations(context).gettext(message)
                known[key] = (Markup(text) if autoescape else text) % {}
            return known[key]
        text = translations(context).gettext(message)
        return (Markup(text) if autoescape else text) % variables

    @pass_context
    def footnotes(context, html):
        """The content's footnote back-links, labelled in the page's language: Python-Markdown
        titles each one in English ("Jump back to footnote 1 in the text")."""
        if "footnote-backref" not in html:
            return html
        gettext = translations(context).gettext

        def label(match):
            text = escape(gettext("Back to note %(number)s in the text") % {"number": match[2]})
            return f'<a class="footnote-backref" href="#fnref:{match[1]}" aria-label="{text}">'

        return Markup(FOOTNOTE_BACKLINK.sub(label, str(html)))

    @pass_context
    def _ngettext(context, singular, plural, n):
        return translations(context).ngettext(singular, plural, n)

    @pass_context
    def _pgettext(context, ctx, message):
        return translations(context).pgettext(ctx, message)

    @pass_context
    def _npgettext(context, ctx, singular, plural, n):
        return translations(context).npgettext(ctx, singular, plural, n)

    if "jinja2.ext.InternationalizationExtension" not in env.extensions:
        env.add_extension("jinja2.ext.i18n")
    # The extension wraps what it is given in its newstyle callables; direct_gettext already
    # is one, so it then replaces the wrapped copy as `gettext` and as `_`.
    env.install_gettext_callables(
        direct_gettext, _ngettext, newstyle=True, pgettext=_pgettext, npgettext=_npgettext
    )
    env.globals.update(_=direct_gettext, gettext=direct_gettext)
    env.filters.update(
        datetime_long=_datetime_long,
        date_short=_date_short,
        month_year=_month_year,
        number=_number,
        isoformat=_isoformat,
        footnotes=footnotes,
    )


def _locale(context):
    return context["lang"].locale


def format_datetime_long(value: datetime.datetime, locale, code: str) -> str:
    pattern = LONG_DATETIME_PATTERNS.get(code)
    if pattern:
        return dates.format_datetime(value, pattern, locale=locale)
    date_part = dates.format_date(value, "full", locale=locale)
    time_part = dates.format_time(value, "short", locale=locale)
    return dates.get_datetime_format("full", locale=locale).format(time_part, date_part)


# Every article's date is formatted on every listing that shows it, in six languages (90,000
# times a build at 1,000 pairs, 5 % of it): Babel's formatting is remembered per value.
@functools.lru_cache(maxsize=1 << 17)
def _formatted(kind: str, value, locale, code: str) -> str:
    if kind == "long":
        return format_datetime_long(value, locale, code)
    if kind == "short":
        return dates.format_date(value, SHORT_DATE_PATTERNS.get(code, "medium"), locale=locale)
    return dates.format_skeleton("yMMMM", value, locale=locale)


@pass_context
def _datetime_long(context, value):
    return _formatted("long", value, _locale(context), context["lang"].code)


@pass_context
def _date_short(context, value):
    return _formatted("short", value, _locale(context), context["lang"].code)


@pass_context
def _month_year(context, value):
    return _formatted("month", value, _locale(context), context["lang"].code)


@pass_context
def _number(context, value):
    return numbers.format_decimal(value, locale=_locale(context))


def _isoformat(value):
    return value.isoformat()

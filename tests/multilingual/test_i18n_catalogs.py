"""The six interface catalogs: complete, not fuzzy, placeholders kept, real translations, and
in step with the strings the templates and the code really use."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "translations"
LANGS = ["vi", "en", "fr", "lo", "zh", "km"]
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")
ANY_PERCENT = re.compile(r"%(?:\(\w+\))?[-#0 +]*\d*(?:\.\d+)?[a-zA-Z%]")

# Messages whose translation is rightly identical to the English text. Keep this short and
# explicit: anything else identical to English is an untranslated copy.
# Unit symbols are written the same way in every language.
SAME_EVERYWHERE = {"%(number)s MB", "%(number)s kB", "%(site)s: %(category)s"}
SAME_AS_ENGLISH = {
    "vi": {"Fax: %(fax)s"},  # Vietnamese writes "Fax" too
    "fr": {
        "(%(num)s article)",
        "(%(num)s articles)",
        "Archives",
        "Pages",
        "Photos",
        "Province",
        # document kinds spelled the same in French
        "Conclusion",
        "Directive",
        "Document",
        "Documents",
        "Plan",
        "Programme",
    },
}


def read_catalog(path: Path):
    with open(path, "rb") as handle:
        return read_po(handle)


def messages(catalog):
    return {m.id: m for m in catalog if m.id}


def forms(message):
    return list(message.string) if isinstance(message.string, (tuple, list)) else [message.string]


def ids(message):
    return list(message.id) if isinstance(message.id, (tuple, list)) else [message.id]


@pytest.fixture(scope="module")
def pot():
    return messages(read_catalog(TRANSLATIONS / "messages.pot"))


@pytest.fixture(scope="module", params=LANGS)
def catalog(request):
    code = request.param
    return code, read_catalog(TRANSLATIONS / code / "LC_MESSAGES" / "messages.po")


def test_every_catalog_translates_every_message_of_the_template(pot, catalog):
    code, po = catalog
    own = messages(po)
    missing = [msgid for msgid in pot if msgid not in own]
    assert not missing, f"{code}: messages not in the catalog (run invoke i18n-update): {missing}"
    empty = [m.id for m in own.values() if m.id in pot and not all(forms(m))]
    assert not empty, f"{code}: untranslated messages: {empty}"
    nplurals = po.num_plurals
    wrong = [m.id for m in own.values() if m.pluralizable and len(forms(m)) != nplurals]
    assert not wrong, f"{code}: plural messages need {nplurals} form(s): {wrong}"


def test_no_fuzzy_and_no_obsolete_entries(pot, catalog):
    code, po = catalog
    fuzzy = [m.id for m in po if m.id and m.fuzzy]
    assert not fuzzy, f"{code}: fuzzy (guessed) translations must be checked and unflagged: {fuzzy}"
    stale = [m.id for m in po if m.id and m.id not in pot]
    assert not stale, f"{code}: messages no longer used (run invoke i18n-update): {stale}"


def test_placeholders_are_preserved(catalog):
    code, po = catalog
    problems = []
    for message in po:
        if not message.id:
            continue
        wanted = [set(PLACEHOLDER.findall(text)) for text in ids(message)]
        every = set().union(*wanted)
        for index, text in enumerate(forms(message)):
            found = set(PLACEHOLDER.findall(text))
            # The first form of a language with several plural forms matches the singular,
            # every other form (and the only form of Lao, Chinese, Khmer) the plural.
            expected = wanted[0] if (index == 0 and po.num_plurals > 1) else wanted[-1]
            ok = found == expected and found <= every
            unnamed = [p for p in ANY_PERCENT.findall(text) if p != "%%" and not p.startswith("%(")]
            if not ok or unnamed:
                problems.append((message.id, text))
    assert not problems, f"{code}: placeholder mismatch: {problems}"


def has_words(text: str) -> bool:
    """A message made only of placeholders and punctuation has nothing to translate."""
    return any(char.isalpha() for char in re.sub(r"%\([a-z_]+\)[sd]", "", text))


def test_english_is_the_source_text_and_others_are_real_translations(catalog):
    code, po = catalog
    copies = []
    for message in po:
        if not message.id:
            continue
        if code == "en":
            assert forms(message) == ids(message)[: len(forms(message))] or forms(message) == ids(
                message
            )
            continue
        allowed = SAME_AS_ENGLISH.get(code, set()) | SAME_EVERYWHERE
        for text in forms(message):
            if text in ids(message) and text not in allowed and has_words(text):
                copies.append(text)
    assert not copies, f"{code}: copies of the English text, not translations: {copies}"


def extract(root: Path, destination: Path) -> dict:
    """Run the project's extraction (same options as `invoke i18n-extract`) on `root`."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "extract",
            "-F",
            str(root / "babel.cfg"),
            "-k",
            "N_",
            "--no-location",
            "--sort-output",
            "-o",
            str(destination),
            str(root),
        ],
        check=True,
        cwd=root,
        capture_output=True,
    )
    return messages(read_catalog(destination))


def test_messages_pot_is_up_to_date_with_templates_and_code(tmp_path, pot):
    extracted = extract(ROOT, tmp_path / "messages.pot")
    new = sorted(map(str, set(extracted) - set(pot)))
    gone = sorted(map(str, set(pot) - set(extracted)))
    assert not new and not gone, (
        "translations/messages.pot is out of date: run `uv run invoke i18n-update` and translate "
        f"in all six catalogs. New: {new}; no longer used: {gone}"
    )


def test_a_new_template_string_is_caught_until_extracted(tmp_path, pot):
    copy = tmp_path / "project"
    (copy / "theme").mkdir(parents=True)
    shutil.copy(ROOT / "babel.cfg", copy / "babel.cfg")
    shutil.copytree(ROOT / "theme" / "templates", copy / "theme" / "templates")
    shutil.copytree(
        ROOT / "plugins", copy / "plugins", ignore=shutil.ignore_patterns("__pycache__")
    )
    if (ROOT / "press").is_dir():
        shutil.copytree(
            ROOT / "press", copy / "press", ignore=shutil.ignore_patterns("__pycache__")
        )
    index = copy / "theme" / "templates" / "index.html"
    index.write_text(
        index.read_text(encoding="utf-8").replace(
            "{% block content %}", '{% block content %}<p>{{ _("A brand new notice") }}</p>', 1
        ),
        encoding="utf-8",
    )
    extracted = extract(copy, tmp_path / "messages.pot")
    assert set(extracted) - set(pot) == {"A brand new notice"}

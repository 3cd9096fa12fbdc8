"""Province names are checked through the places plugin's lookup()/suggest(), when present."""

import sys
import types

from conftest import ROOT

from press.check import read_settings_light, validate

ARTICLE = "Title: Bài\nDate: 2024-02-28 10:01\nProvinces: {}\n\nNội dung.\n"


def write_article(tmp_path, provinces):
    folder = tmp_path / "content" / "articles" / "2024"
    folder.mkdir(parents=True)
    (folder / "a.vi.md").write_text(ARTICLE.format(provinces), encoding="utf-8")
    return read_settings_light(ROOT / "pelicanconf.py", content=tmp_path / "content")


def test_the_hook_uses_lookup_and_suggest(tmp_path, monkeypatch):
    """The interface the places plugin provides, standing in until it is merged."""
    known = {"Khánh Hòa", "Quảng Nam"}
    stand_in = types.ModuleType("places")
    stand_in.lookup = lambda name: name if name in known else None
    stand_in.suggest = lambda name: ["Khánh Hòa"] if name.startswith("Kh") else []
    monkeypatch.setitem(sys.modules, "places", stand_in)
    problems, errors, warnings = validate(write_article(tmp_path, "Khánh Hòa, Khanh Hoa, Hà Tây"))
    assert errors == [
        "articles/2024/a.vi.md:3: Provinces: 'Khanh Hoa' is not a province of Vietnam; "
        "did you mean 'Khánh Hòa'? (province names as written, comma-separated)",
        "articles/2024/a.vi.md:3: Provinces: 'Hà Tây' is not a province of Vietnam "
        "(province names as written, comma-separated)",
    ]


def test_with_the_real_places_plugin(tmp_path):
    from places import places

    assert places.lookup("Khánh Hòa")
    problems, errors, warnings = validate(
        write_article(tmp_path, "Khánh Hòa, Khanh Hoa, Quang Nom, Tỉnh Không Có")
    )
    assert errors == [
        "articles/2024/a.vi.md:3: Provinces: 'Quang Nom' is not a province of Vietnam; "
        "did you mean 'Quảng Nam'? (province names as written, comma-separated)",
        "articles/2024/a.vi.md:3: Provinces: 'Tỉnh Không Có' is not a province of Vietnam "
        "(province names as written, comma-separated)",
    ]

import tomllib
import unicodedata

import pytest
from places.places import (
    DATA_FILE,
    Cluster,
    Province,
    Unit,
    cluster,
    clusters,
    lookup,
    name_key,
    province,
    provinces,
    split_names,
    successor,
    suggest,
    unit,
    units,
)
from vntext import fold

UNCHANGED = [
    "Hà Nội",
    "Huế",
    "Lai Châu",
    "Điện Biên",
    "Sơn La",
    "Lạng Sơn",
    "Quảng Ninh",
    "Thanh Hóa",
    "Nghệ An",
    "Hà Tĩnh",
    "Cao Bằng",
]

MERGED = {
    # new unit: old units (Resolution 202/2025/QH15, examples from the brief)
    "Đà Nẵng": {"Đà Nẵng", "Quảng Nam"},
    "Khánh Hòa": {"Khánh Hòa", "Ninh Thuận"},
    "Đồng Tháp": {"Đồng Tháp", "Tiền Giang"},
    "Cần Thơ": {"Cần Thơ", "Sóc Trăng", "Hậu Giang"},
    "An Giang": {"An Giang", "Kiên Giang"},
    "Cà Mau": {"Cà Mau", "Bạc Liêu"},
    "Vĩnh Long": {"Vĩnh Long", "Bến Tre", "Trà Vinh"},
    "Gia Lai": {"Gia Lai", "Bình Định"},
    "Đắk Lắk": {"Đắk Lắk", "Phú Yên"},
    "Quảng Trị": {"Quảng Trị", "Quảng Bình"},
}

CLUSTER_3 = [
    "Hà Tĩnh",
    "Quảng Bình",
    "Quảng Trị",
    "Thừa Thiên Huế",
    "Đà Nẵng",
    "Quảng Nam",
    "Bình Định",
    "Phú Yên",
    "Khánh Hòa",
    "Đắk Lắk",
    "Gia Lai",
]
CLUSTER_5 = [
    "An Giang",
    "Bạc Liêu",
    "Cà Mau",
    "Đồng Tháp",
    "Hậu Giang",
    "Kiên Giang",
    "Sóc Trăng",
    "Trà Vinh",
    "Vĩnh Long",
    "Cần Thơ",
]


# --- counts and uniqueness ---------------------------------------------------


def test_63_old_units():
    assert len(provinces()) == 63
    assert all(isinstance(p, Province) for p in provinces())
    assert {p.kind for p in provinces()} == {"province", "city"}
    assert sorted(p.slug for p in provinces() if p.kind == "city") == [
        "can-tho",
        "da-nang",
        "ha-noi",
        "hai-phong",
        "ho-chi-minh",
    ]


def test_34_new_units():
    assert len(units()) == 34
    assert all(isinstance(u, Unit) for u in units())
    assert sorted(u.slug for u in units() if u.kind == "city") == [
        "can-tho",
        "da-nang",
        "ha-noi",
        "hai-phong",
        "ho-chi-minh",
        "hue",
    ]


def test_unique_slugs_and_names():
    for items in (provinces(), units()):
        slugs = [x.slug for x in items]
        assert len(set(slugs)) == len(slugs)
        assert all(s == fold(s) and s.replace("-", "").isalnum() for s in slugs)
        names = [name_key(x.name) for x in items]
        assert len(set(names)) == len(names)
    folded = [fold(p.name) for p in provinces()]
    assert len(set(folded)) == len(folded)


def test_names_are_nfc_and_slugs_match_names():
    for p in provinces():
        assert unicodedata.is_normalized("NFC", p.name)
        assert lookup(p.name) is p
        assert lookup(p.slug) is p
        assert lookup(p.name_en) is p
        for alias in p.aliases:
            assert lookup(alias) is p, alias


# --- the 2025 reorganisation -------------------------------------------------


def test_every_old_unit_maps_to_exactly_one_new_unit():
    seen = {}
    for u in units():
        for p in u.predecessors:
            assert p.slug not in seen, f"{p.name} in {seen.get(p.slug)} and {u.name}"
            seen[p.slug] = u.name
    assert set(seen) == {p.slug for p in provinces()}
    for p in provinces():
        assert successor(p) is unit(p.successor_slug)
        assert p in successor(p).predecessors
    assert all(u.predecessors for u in units())


def test_unchanged_units_map_to_themselves():
    single = {u.name for u in units() if len(u.predecessors) == 1}
    assert single == set(UNCHANGED)
    for name in UNCHANGED:
        old = lookup(name)
        new = successor(old)
        assert new.name == name
        assert new.predecessors == (old,)
    assert lookup("Huế").name == "Thừa Thiên Huế"
    assert successor("Thừa Thiên Huế").slug == "hue"


@pytest.mark.parametrize(("new", "olds"), MERGED.items())
def test_known_mergers(new, olds):
    for old in olds:
        assert successor(old).name == new
    assert {p.name for p in successor(new).predecessors} == olds


def test_data_file_header_asks_for_a_check():
    head = DATA_FILE.read_text(encoding="utf-8")[:3000]
    assert "202/2025/QH15" in head
    assert "TO CHECK" in head
    tomllib.loads(DATA_FILE.read_text(encoding="utf-8"))


# --- clusters ----------------------------------------------------------------


@pytest.mark.parametrize(("number", "names"), [(3, CLUSTER_3), (5, CLUSTER_5)])
def test_cluster_members(number, names):
    c = cluster(number)
    assert isinstance(c, Cluster)
    assert cluster(str(number)) is c
    members = [lookup(n) for n in names]
    assert None not in members
    assert set(c.members) == set(members)
    assert len(c.members) == len(names)
    assert all(p.cluster_number == number for p in c.members)


def test_cluster_3_facts():
    c = cluster(3)
    assert "miền Trung – Tây Nguyên" in c.name
    assert "780" in c.formed_under and "20/7/2021" in c.formed_under
    assert "03/QC-C3" in c.regulation and "18/11/2021" in c.regulation
    assert {(r.year, r.role, r.province_slug) for r in c.roles} == {
        (2023, "chair", "khanh-hoa"),
        (2023, "vice-chair", "quang-nam"),
    }


def test_unknown_clusters_and_other_provinces():
    assert cluster(4) is None
    assert cluster("x") is None
    assert [c.number for c in clusters()] == [3, 5]
    others = [p for p in provinces() if p.cluster_number is None]
    assert len(others) == 63 - 21
    assert lookup("Hà Nội").cluster_number is None


# --- lookup tolerance --------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "slug"),
    [
        ("Khánh Hoà", "khanh-hoa"),
        ("Khánh Hòa", "khanh-hoa"),
        ("KHÁNH HÒA", "khanh-hoa"),
        ("tỉnh Khánh Hòa", "khanh-hoa"),
        ("khanh hoa", "khanh-hoa"),
        ("khanh-hoa", "khanh-hoa"),
        ("TP. Cần Thơ", "can-tho"),
        ("TP.Cần Thơ", "can-tho"),
        ("thành phố Cần Thơ", "can-tho"),
        ("Cần Thơ", "can-tho"),
        ("thua thien hue", "thua-thien-hue"),
        ("Thừa Thiên - Huế", "thua-thien-hue"),
        ("Thừa Thiên – Huế", "thua-thien-hue"),
        ("Thừa Thiên-Huế", "thua-thien-hue"),
        ("Huế", "thua-thien-hue"),
        ("TP. Hồ Chí Minh", "ho-chi-minh"),
        ("Thành phố Hồ Chí Minh", "ho-chi-minh"),
        ("TP.HCM", "ho-chi-minh"),
        ("Tp Hồ Chí Minh", "ho-chi-minh"),
        ("Ho Chi Minh City", "ho-chi-minh"),
        ("Bà Rịa - Vũng Tàu", "ba-ria-vung-tau"),
        ("Bà Rịa – Vũng Tàu", "ba-ria-vung-tau"),
        ("Bà Rịa-Vũng Tàu", "ba-ria-vung-tau"),
        ("Đắk Lắk", "dak-lak"),
        ("Đắc Lắc", "dak-lak"),
        ("Hoà Bình", "hoa-binh"),
        ("Thanh Hoá", "thanh-hoa"),
        ("  Quảng   Nam ", "quang-nam"),
        ("Hanoi", "ha-noi"),
        ("thủ đô Hà Nội", "ha-noi"),
    ],
)
def test_lookup_variants(written, slug):
    assert lookup(written) is province(slug)
    assert lookup(unicodedata.normalize("NFD", written)) is province(slug)


def test_tone_placement_is_ignored_in_keys():
    assert name_key("hoà") == name_key("hòa")
    assert name_key("thuý") == name_key("thúy")
    assert name_key("khoẻ") == name_key("khỏe")
    assert name_key("hoà") != name_key("hoa")


@pytest.mark.parametrize("name", ["Khánh Hoa", "Quãng Nam", "Atlantis", "", "   ", "Huế Huế"])
def test_unknown_names(name):
    assert lookup(name) is None


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Khánh Hoa", "Khánh Hòa"),
        ("Quãng Nam", "Quảng Nam"),
        ("Thua Thien", "Thừa Thiên Huế"),
        ("Dak Lac", "Đắk Lắk"),
        ("Can Tho city", "Cần Thơ"),
    ],
)
def test_suggestions(written, expected):
    names = suggest(written)
    assert names and names[0] == expected
    assert len(suggest(written, n=1)) == 1


def test_suggestions_for_nonsense_are_empty():
    assert suggest("Atlantis") == []


def test_successor_of_unknown_name():
    with pytest.raises(KeyError):
        successor("Atlantis")


def test_split_names():
    assert split_names("Khánh Hòa, Quảng Nam") == ["Khánh Hòa", "Quảng Nam"]
    assert split_names(" Cần Thơ ;  ") == ["Cần Thơ"]
    assert split_names("") == []

"""`invoke new` and `invoke translate`, driven as editors run them."""

import datetime
import subprocess
import sys
from zoneinfo import ZoneInfo

import pytest

import contract
from conftest import ROOT, build_site
from editor.scaffold import slugify
from multilingual.status import read_header


def invoke(*args):
    return subprocess.run(
        [sys.executable, "-m", "invoke", *map(str, args)],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )


@pytest.mark.parametrize(
    "title, slug",
    [
        ("Hội nghị Cụm 3 tại Khánh Hòa", "hoi-nghi-cum-3-tai-khanh-hoa"),
        ("Đoàn đại biểu ĐỒNG THÁP thăm Lào!", "doan-dai-bieu-dong-thap-tham-lao"),
        ("  Chỉ thị số 12-CT/TW  ", "chi-thi-so-12-ct-tw"),
    ],
)
def test_slug_drops_tone_marks_and_turns_d_with_stroke_into_d(title, slug):
    assert slugify(title) == slug


def test_new_creates_a_draft_with_every_contract_key_and_never_overwrites(tmp_path):
    content = tmp_path / "content"
    done = invoke("new", "Hội nghị Cụm 3 tại Khánh Hòa", "--category", "conferences",
                  "--content", content)
    assert done.returncode == 0, done.stderr
    files = list(content.glob("articles/*/hoi-nghi-cum-3-tai-khanh-hoa.vi.md"))
    assert len(files) == 1
    path = files[0]
    text = path.read_text(encoding="utf-8")
    header = read_header(path)
    assert header["title"] == "Hội nghị Cụm 3 tại Khánh Hòa"
    assert header["category"] == "conferences"
    assert header["status"] == "draft"
    assert path.parent.name == header["date"][:4]
    written = datetime.datetime.strptime(header["date"], "%Y-%m-%d %H:%M")
    now = datetime.datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")).replace(tzinfo=None)
    assert abs((now - written).total_seconds()) < 300  # now, in Vietnam time
    for key in contract.ARTICLE_KEYS:  # filled in the header or commented below it
        assert f"\n{key[:1].upper()}{key[1:]}:" in "\n" + text, key

    path.write_text(text + "\nNội dung của biên tập viên.\n", encoding="utf-8")
    before = path.read_bytes()
    again = invoke("new", "Hội nghị Cụm 3 tại Khánh Hòa", "--content", content)
    assert again.returncode != 0
    assert "already exists" in again.stderr + again.stdout
    assert "Traceback" not in again.stderr
    assert path.read_bytes() == before


def test_bad_category_is_refused_with_the_allowed_values(tmp_path):
    done = invoke("new", "Tin mới", "--category", "sports", "--content", tmp_path)
    assert done.returncode != 0
    assert "conferences" in done.stderr and "Traceback" not in done.stderr
    assert not list(tmp_path.rglob("*.md"))


def test_translate_copies_shared_metadata_and_keeps_the_original_as_a_comment(tmp_path):
    content = tmp_path / "content"
    original = content / "articles" / "2024" / "hoi-nghi-cum-3-tai-khanh-hoa.vi.md"
    original.parent.mkdir(parents=True)
    original.write_text(
        "Title: Hội nghị Cụm 3 tại Khánh Hòa\nDate: 2024-02-28 10:01\nCategory: conferences\n"
        "Authors: Ý Nhi\nProvinces: Khánh Hòa, Quảng Nam\nCluster: 3\nTags: Cụm 3\n"
        "Summary: Mười một Liên hiệp nhìn lại năm 2023.\n\n"
        "Các Liên hiệp quán triệt **Chỉ thị số 12-CT/TW**.\n",
        encoding="utf-8",
    )
    done = invoke("translate", "hoi-nghi-cum-3-tai-khanh-hoa", "en", "--content", content)
    assert done.returncode == 0, done.stderr
    translation = original.with_name("hoi-nghi-cum-3-tai-khanh-hoa.en.md")
    header = read_header(translation)
    for key in ("date", "category", "authors", "provinces", "cluster"):
        assert header[key] == read_header(original)[key]
    assert "tags" not in header and "summary" not in header  # written in the new language
    assert header["status"] == "draft"
    text = translation.read_text(encoding="utf-8")
    assert "<!--" in text and "Các Liên hiệp quán triệt **Chỉ thị số 12-CT/TW**." in text

    again = invoke("translate", "hoi-nghi-cum-3-tai-khanh-hoa", "en", "--content", content)
    assert again.returncode != 0 and "already exists" in again.stderr
    assert translation.read_text(encoding="utf-8") == text

    missing = invoke("translate", "khong-co-bai-nay", "en", "--content", content)
    assert missing.returncode != 0 and "No article" in missing.stderr


def test_scaffolded_files_build_and_notes_stay_out_of_the_page(tmp_path):
    content = tmp_path / "content"
    assert invoke("new", "Giao lưu hữu nghị", "--category", "local-activities",
                  "--content", content).returncode == 0
    path = next(content.glob("articles/*/giao-luu-huu-nghi.vi.md"))
    assert invoke("translate", "giao-luu-huu-nghi", "en", "--content", content).returncode == 0
    # The editor finishes both: publish them by removing the draft status.
    for file in path.parent.glob("giao-luu-huu-nghi.*.md"):
        file.write_text(file.read_text(encoding="utf-8").replace("Status: draft\n", ""),
                        encoding="utf-8")
    site = build_site(content, tmp_path / "out")
    year = path.parent.name
    for url in (f"/{year}/giao-luu-huu-nghi/", f"/en/{year}/giao-luu-huu-nghi/"):
        html = site.path(url).read_text(encoding="utf-8")
        assert "<!--" not in html.split("<body", 1)[1], url
        assert "Các khóa tùy chọn" not in html and "Translation of" not in html

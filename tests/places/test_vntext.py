import unicodedata

import pytest
from vntext import fold, slugify


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Thừa Thiên Huế", "thua thien hue"),
        ("ĐẮK LẮK", "dak lak"),
        ("Khánh Hoà", "khanh hoa"),
        ("Khánh Hòa", "khanh hoa"),
        ("Bà Rịa – Vũng Tàu", "ba ria – vung tau"),
        ("Quyết định", "quyet dinh"),
    ],
)
def test_fold(text, folded):
    assert fold(text) == folded
    assert fold(unicodedata.normalize("NFD", text)) == folded


def test_fold_is_ascii_for_vietnamese():
    sample = "ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
    assert fold(sample).isascii()
    assert fold(sample.upper()).isascii()


def test_slugify():
    assert slugify("Hội nghị Cụm 3 tại Khánh Hòa") == "hoi-nghi-cum-3-tai-khanh-hoa"
    assert slugify("  Bà Rịa – Vũng Tàu ") == "ba-ria-vung-tau"
    assert slugify("01/QĐ-UBND") == "01-qd-ubnd"

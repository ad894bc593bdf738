"""Personal numbers inside free text are found and masked (app.pii)."""

import pytest

from app.pii import has_personal_numbers, mask_digits, mask_personal_numbers


@pytest.mark.parametrize(("text", "masked"), [
    ("张三 13481770091", "张三 134****0091"),
    ("张三13481770091", "张三134****0091"),
    ("tel:+8613481770098", "tel:861******0098"),
    ("134 8177 0094 / 134 8177 0093", "134****0094 / 134****0093"),
    ("call 134-8177-0020 after 5pm", "call 134****0020 after 5pm"),
    ("座机 010-62345678 转 8", "座机 010****5678 转 8"),
    ("+1 (415) 555-0134 office", "141****0134 office"),
    ("x13481770091", "x134****0091"),
    ("13481770091abc", "134****0091abc"),
    ("身份证 11010519491231002X", "身份证 110***********002X"),
    ("card 4111 1111 1111 1111 exp 12/29", "card 411*********1111 exp 12/29"),
])
def test_numbers_in_free_text_are_masked(text, masked):
    assert mask_personal_numbers(text) == masked
    assert has_personal_numbers(text)


@pytest.mark.parametrize("text", [
    "VIP 3 年, 5pm", "ZIP 100080", "金额 12345678 元", "订单号 20261111000123", "", "Order A-1002, 3 items",
    "身份证 110105194912310021",  # wrong check digit: not an ID, and too short for a phone
])
def test_other_text_is_left_alone(text):
    assert mask_personal_numbers(text) == text
    assert not has_personal_numbers(text)


def test_none_and_long_text():
    assert mask_personal_numbers(None) is None
    long = "x" * 3995 + " 13481770091 " + "y" * 5000 + " 134 8177 0093"
    masked = mask_personal_numbers(long)
    assert "13481770091" not in masked and "134****0091" in masked and masked.endswith("134****0093")


def test_mask_digits_hides_at_least_half():
    assert mask_digits("13812345678") == "138****5678"
    assert mask_digits("12345") == "1***5"
    assert mask_digits("") == ""

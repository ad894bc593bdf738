"""Phone numbers: the fast normaliser agrees with phonenumbers, masking, the vault's keys."""

import random

import phonenumbers
import pytest
from phonenumbers import timezone as pn_timezone

from marketplace.contacts.phones import PhoneNormalizer, choose_time_zone, mask_digits, mask_input
from marketplace.contacts.vault import PhoneVault

REGIONS = ["CN", "US", "CA", "GB", "DE", "FR", "IT", "HK", "TW", "JP", "KR", "IN", "BR", "MX", "AR", "RU", "KZ",
           "AU", "SG", "NG", "JE", "IM", "VA", "ZA", "ID"]


def _library(raw: str, region: str):
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    zones = tuple(z for z in pn_timezone.time_zones_for_number(number) if z != pn_timezone.UNKNOWN_TIMEZONE)
    return (phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164),
            phonenumbers.region_code_for_number(number), zones)


@pytest.mark.parametrize("region", REGIONS)
def test_the_normaliser_agrees_with_phonenumbers(region):
    """Random numbers around each region's examples, in national, +, 00, 0-prefixed and
    country-code forms with separators: same validity, E.164, region and time zones."""
    rng = random.Random(region)
    normalizer = PhoneNormalizer(region)
    country_code = phonenumbers.country_code_for_region(region)
    examples = [phonenumbers.example_number_for_type(region, t) for t in (
        phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE,
        phonenumbers.PhoneNumberType.TOLL_FREE)]
    seeds = [phonenumbers.national_significant_number(e) for e in examples if e is not None]
    fast = 0
    for _ in range(600):
        seed = rng.choice(seeds)
        length = len(seed) + rng.choice((0, 0, 0, 0, -1, 1))
        digits = seed[:rng.randint(1, 4)]
        digits += "".join(rng.choice("0123456789") for _ in range(max(length - len(digits), 0)))
        raw = rng.choice([digits, f"+{country_code} {digits}", f"00{country_code}{digits}", f"0{digits}",
                          f"{country_code}{digits}", f"({digits[:3]}) {digits[3:]}", f"{digits[:3]}-{digits[3:]}"])
        got = normalizer.normalize(raw)
        expected = _library(raw, region)
        if expected is None:
            assert isinstance(got, str), (raw, got)
        else:
            assert not isinstance(got, str), (raw, got, expected)
            assert (got.e164, got.region, got.time_zones) == expected, raw
            fast += normalizer._fast(raw.replace(" ", "").replace("-", "").replace("(", "").replace(")", "")) \
                not in (None, False)
    if region in ("CN", "US", "GB", "DE", "HK", "JP", "IN", "BR"):
        assert fast > 0  # the fast path is really taken (Argentina's prefixes always take the slow one)


def test_reasons_for_invalid_numbers():
    normalizer = PhoneNormalizer("CN")
    assert normalizer.normalize("  ") == "missing_phone"
    assert normalizer.normalize("call me") == "not_a_number"
    assert normalizer.normalize("123") == "too_short"
    assert normalizer.normalize("+999 1234 5678") == "invalid_country_code"
    assert normalizer.normalize("13812345678901") == "too_long"
    assert normalizer.normalize("1381234567") == "invalid_number"
    assert normalizer.normalize("1" * 65) == "too_long"
    assert normalizer.normalize("１３８１２３４５６７８").e164 == "+8613812345678"  # full-width digits
    with pytest.raises(ValueError):
        PhoneNormalizer("XX")


@pytest.mark.parametrize("digits,masked", [
    ("13812345678", "138****5678"), ("2015550123", "201***0123"), ("441234567890", "441*****7890"),
    ("61234567", "61****67"), ("1234567", "1****67"), ("12345", "1***5"), ("1234", "1**4"), ("12", "*2"),
    ("1", "*"), ("", ""),
])
def test_masking_keeps_at_most_the_first_three_and_last_four_digits(digits, masked):
    assert mask_digits(digits) == masked
    assert masked.count("*") >= len(digits) / 2 or len(digits) >= 10


def test_mask_input_keeps_only_masked_digits():
    assert mask_input("+86 138-1234-5678") == "861******5678"
    assert mask_input("call me") == ""


def test_time_zone_choice_falls_back_to_the_campaign():
    assert choose_time_zone(("America/New_York",), "Asia/Shanghai") == "America/New_York"
    assert choose_time_zone((), "Asia/Shanghai") == "Asia/Shanghai"
    assert choose_time_zone(("Australia/Perth", "Australia/Sydney"), "Australia/Sydney") == "Australia/Sydney"
    assert choose_time_zone(("Australia/Perth", "Australia/Sydney"), "Asia/Shanghai") == "Australia/Perth"


def test_the_vault_hashes_stably_and_binds_ciphertexts_to_the_hash():
    vault, other = PhoneVault("a secret"), PhoneVault("another secret")
    digest = vault.phone_hash("+8613812345678")
    assert digest == vault.phone_hash("+8613812345678") != other.phone_hash("+8613812345678")
    assert len(digest) == 64
    sealed = vault.encrypt("+8613812345678", digest)
    assert b"13812345678" not in sealed and sealed != vault.encrypt("+8613812345678", digest)
    assert vault.decrypt(sealed, digest) == "+8613812345678"
    with pytest.raises(Exception):  # noqa: B017 - cryptography's InvalidTag
        vault.decrypt(sealed, vault.phone_hash("+8613912345678"))
    with pytest.raises(Exception):  # noqa: B017
        other.decrypt(sealed, digest)

"""Phone numbers: normalisation to E.164, validity, the callee's time zone, and the masked form.

Pure logic (no Flask, no session), built on ``phonenumbers``. ``phonenumbers.parse`` costs about
25 µs a number and the type and time-zone lookups as much again, too slow for a million-row
import. ``PhoneNormalizer`` therefore takes a fast path for the common shapes — ``+`` and digits,
or national digits that start with no international, country or national prefix — and does
what ``parse`` + ``number_type`` + ``time_zones_for_number`` would do with the same metadata,
compiled once per region and number length; the time zones are cached per prefix (the time-zone
map is keyed by prefixes of at most ``TIMEZONE_LONGEST_PREFIX`` digits, so the cache is exact).
Anything else, and every number the fast path finds invalid, goes through the library itself,
which also names the reason for a rejection. ``tests/marketplace/test_phones.py`` checks both
paths agree on random numbers of many regions.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberType, ValidationResult
from phonenumbers import timezone as pn_timezone
from phonenumbers.phonenumberutil import COUNTRY_CODE_TO_REGION_CODE, is_number_type_geographical

from app.pii import mask_digits

MAX_INPUT_CHARS = 64
SUPPORTED_REGIONS = frozenset(phonenumbers.SUPPORTED_REGIONS)

# Separators people type inside numbers: spaces (also full-width and no-break), dashes, dots,
# slashes and brackets (ASCII and full-width).
_SEPARATORS = str.maketrans("", "", " \t\u00a0\u3000-\u2010\u2011\u2012\u2013\u2014\u2212.()/\uff08\uff09[]")

_PARSE_REASONS = {
    NumberParseException.INVALID_COUNTRY_CODE: "invalid_country_code",
    NumberParseException.NOT_A_NUMBER: "not_a_number",
    NumberParseException.TOO_SHORT_AFTER_IDD: "too_short",
    NumberParseException.TOO_SHORT_NSN: "too_short",
    NumberParseException.TOO_LONG: "too_long",
}
_LENGTH_REASONS = {
    ValidationResult.TOO_SHORT: "too_short",
    ValidationResult.TOO_LONG: "too_long",
    ValidationResult.INVALID_LENGTH: "invalid_length",
    ValidationResult.INVALID_COUNTRY_CODE: "invalid_country_code",
}
# The order in which phonenumbers' _number_type_helper tries the types before fixed line and mobile.
_SPECIAL_TYPES = (("premium_rate", PhoneNumberType.PREMIUM_RATE), ("toll_free", PhoneNumberType.TOLL_FREE),
                  ("shared_cost", PhoneNumberType.SHARED_COST), ("voip", PhoneNumberType.VOIP),
                  ("personal_number", PhoneNumberType.PERSONAL_NUMBER), ("pager", PhoneNumberType.PAGER),
                  ("uan", PhoneNumberType.UAN), ("voicemail", PhoneNumberType.VOICEMAIL))


class Phone(NamedTuple):
    """A valid number: ``e164`` (``+8613812345678``), its parts, region and candidate time zones."""

    e164: str
    country_code: int
    national: str  # the national significant number
    region: str | None
    time_zones: tuple[str, ...]  # () when the number maps to no zone


# No valid number anywhere has fewer than four digits (libphonenumber's shortest possible length).



def mask_input(raw: str) -> str:
    """The masked form of whatever was typed in a phone cell (for the report of a rejected row);
    at most 21 characters, however long the cell."""
    digits = "".join(ch for ch in raw[:200] if ch.isascii() and ch.isdigit())
    if len(digits) > 20:
        return mask_digits(digits[:20]) + "…"
    return mask_digits(digits)


class _TypeMatcher:
    """phonenumbers' ``_number_type_helper`` for one region's metadata, as one regular expression
    per number length: the general pattern as a look-ahead, then the type patterns that allow the
    length, as named alternatives in the helper's order — the first that matches the whole number
    is the type, as in the helper (a fixed-line match still asks the mobile pattern)."""

    def __init__(self, metadata) -> None:
        self.metadata = metadata
        self._by_length: dict[int, tuple] = {}

    @staticmethod
    def _pattern(desc, length: int) -> str | None:
        if desc is None or not desc.national_number_pattern:
            return None
        if desc.possible_length and length not in desc.possible_length:
            return None
        return desc.national_number_pattern

    def _plan(self, length: int) -> tuple:
        m = self.metadata
        general = self._pattern(m.general_desc, length)
        same = bool(m.same_mobile_and_fixed_line_pattern)
        candidates = [(name, getattr(m, name), kind) for name, kind in _SPECIAL_TYPES]
        candidates.append(("fixed_line", m.fixed_line, PhoneNumberType.FIXED_LINE))
        if not same:
            candidates.append(("mobile", m.mobile, PhoneNumberType.MOBILE))
        kinds, alternatives = {}, []
        for name, desc, kind in candidates:
            pattern = self._pattern(desc, length)
            if pattern is not None:
                kinds[name] = kind
                alternatives.append(f"(?P<{name}>{pattern})")
        combined = None
        if general is not None and alternatives:
            combined = re.compile(f"(?=(?:{general})\\Z)(?:{'|'.join(alternatives)})").fullmatch
        mobile = self._pattern(m.mobile, length)
        plan = (combined, kinds, re.compile(mobile).fullmatch if mobile else None, same)
        self._by_length[length] = plan
        return plan

    def number_type(self, national: str) -> int:
        combined, kinds, mobile, same = self._by_length.get(len(national)) or self._plan(len(national))
        found = combined(national) if combined is not None else None
        if found is None:
            return PhoneNumberType.UNKNOWN
        kind = kinds[found.lastgroup]
        if kind == PhoneNumberType.FIXED_LINE and (same or (mobile is not None and mobile(national))):
            return PhoneNumberType.FIXED_LINE_OR_MOBILE
        return kind


_UNKNOWN = PhoneNumberType.UNKNOWN
_GEOGRAPHIC = frozenset((PhoneNumberType.FIXED_LINE, PhoneNumberType.FIXED_LINE_OR_MOBILE))


class _Country:
    """What the fast path needs of one country calling code, worked out once."""

    __slots__ = ("cc", "code", "country_zones", "geo_mobile", "matcher", "national_prefix", "region",
                 "zone_lengths")

    def __init__(self, cc: int, metadata, region: str | None, matcher: _TypeMatcher | None) -> None:
        self.cc = cc
        self.code = str(cc)
        self.region = region
        self.matcher = matcher
        npfp = metadata.national_prefix_for_parsing
        self.national_prefix = re.compile(npfp).match if npfp else None
        self.geo_mobile = is_number_type_geographical(PhoneNumberType.MOBILE, cc)
        self.zone_lengths = _zone_prefix_lengths(cc)
        self.country_zones: tuple[str, ...] | None = None

    def zones(self, national: str, number_type: int) -> tuple[str, ...]:
        """``time_zones_for_number``: its prefix lookup, trying only the prefix lengths the map has
        for this country code (the map is keyed by prefixes of the E.164 digits)."""
        if number_type in _GEOGRAPHIC or (self.geo_mobile and number_type == PhoneNumberType.MOBILE):
            digits = self.code + national
            for size in self.zone_lengths:
                found = _ZONE_DATA.get(digits[:size])
                if found is not None:
                    return _known(found)
            return ()
        if self.country_zones is None:
            numobj = phonenumbers.PhoneNumber(country_code=self.cc, national_number=int(national))
            self.country_zones = _known(pn_timezone.time_zones_for_number(numobj))
        return self.country_zones


class PhoneNormalizer:
    """Turns what people type into ``Phone`` or a rejection reason, for one default region.

    One instance serves a whole import: it keeps the compiled metadata and the time-zone cache.
    """

    def __init__(self, default_region: str) -> None:
        region = default_region.upper()
        if region not in SUPPORTED_REGIONS:
            raise ValueError(f"unsupported region: {default_region}")
        self.region = region
        meta = phonenumbers.PhoneMetadata.metadata_for_region(region)
        self._cc = meta.country_code
        self._cc_str = str(meta.country_code)
        self._idd = re.compile(meta.international_prefix).match if meta.international_prefix else None
        self._national_prefix = (re.compile(meta.national_prefix_for_parsing).match
                                 if meta.national_prefix_for_parsing else None)
        self._matchers: dict[str, _TypeMatcher] = {}
        self._countries: dict[int, _Country | None] = {}
        self._home = self._country_info(meta.country_code)

    # --- the fast path ---------------------------------------------------------------------

    def _country_info(self, cc: int) -> _Country | None:
        country = self._countries.get(cc, False)
        if country is False:
            regions = COUNTRY_CODE_TO_REGION_CODE.get(cc, ())
            main = phonenumbers.region_code_for_country_code(cc)
            meta = phonenumbers.PhoneMetadata.metadata_for_region_or_calling_code(cc, main)
            country = None
            if regions and main != "001" and meta is not None:
                single = regions[0] if len(regions) == 1 else None
                country = _Country(cc, meta, single, self._matcher(single) if single else None)
            self._countries[cc] = country
        return country

    def _matcher(self, region: str) -> _TypeMatcher:
        matcher = self._matchers.get(region)
        if matcher is None:
            matcher = self._matchers[region] = _TypeMatcher(phonenumbers.PhoneMetadata.metadata_for_region(region))
        return matcher

    def _fast(self, cleaned: str) -> Phone | bool | None:
        """A ``Phone``; ``False`` when the fast path is sure the number is invalid; ``None`` when the
        shape is not one it handles."""
        if cleaned[:1] == "+":
            digits = cleaned[1:]
            if not (digits.isascii() and digits.isdigit()) or len(digits) < 4 or digits[0] == "0":
                return None
            for size in (1, 2, 3):
                cc = int(digits[:size])
                if cc in COUNTRY_CODE_TO_REGION_CODE:
                    break
            else:
                return None
            national = digits[size:]
            country = self._country_info(cc)
            if country is None or (country.national_prefix is not None and country.national_prefix(national)):
                return None
        else:
            if not (cleaned.isascii() and cleaned.isdigit()):
                return None
            if (cleaned.startswith(self._cc_str) or (self._idd is not None and self._idd(cleaned))
                    or (self._national_prefix is not None and self._national_prefix(cleaned))):
                return None
            country, national = self._home, cleaned
            if country is None:
                return None
        length = len(national)
        if length < 2 or length > 17 or national[0] == "0":
            return None
        matcher, region = country.matcher, country.region
        if matcher is None:  # a country code shared by several regions (+1, +7, +44 …)
            region = phonenumbers.region_code_for_number(
                phonenumbers.PhoneNumber(country_code=country.cc, national_number=int(national)))
            if region is None:
                return False
            matcher = self._matcher(region)
        number_type = matcher.number_type(national)
        if number_type == _UNKNOWN:
            return False
        return Phone("+" + country.code + national, country.cc, national, region, country.zones(national, number_type))

    # --- the library's own path ---------------------------------------------------------------

    def _slow(self, raw: str) -> Phone | str:
        try:
            numobj = phonenumbers.parse(raw, self.region)
        except NumberParseException as exc:
            return _PARSE_REASONS.get(exc.error_type, "not_a_number")
        if not phonenumbers.is_valid_number(numobj):
            return _LENGTH_REASONS.get(phonenumbers.is_possible_number_with_reason(numobj), "invalid_number")
        e164 = phonenumbers.format_number(numobj, phonenumbers.PhoneNumberFormat.E164)
        zones = tuple(z for z in pn_timezone.time_zones_for_number(numobj) if z != pn_timezone.UNKNOWN_TIMEZONE)
        return Phone(e164, numobj.country_code, phonenumbers.national_significant_number(numobj),
                     phonenumbers.region_code_for_number(numobj), zones)

    def normalize(self, raw: str) -> Phone | str:
        """``Phone`` for a valid number, else the reason code: ``missing_phone``, ``not_a_number``,
        ``invalid_country_code``, ``too_short``, ``too_long``, ``invalid_length``, ``invalid_number``."""
        raw = raw.strip()
        if not raw:
            return "missing_phone"
        if len(raw) > MAX_INPUT_CHARS:
            return "too_long"
        found = self._fast(raw if raw.isdigit() else raw.translate(_SEPARATORS))
        if found:
            return found
        return self._slow(raw)


_ZONE_DATA = pn_timezone.TIMEZONE_DATA
_ZONE_LENGTHS: dict[int, tuple[int, ...]] = {}
_KNOWN: dict[tuple, tuple[str, ...]] = {}


def _zone_prefix_lengths(cc: int) -> tuple[int, ...]:
    """The lengths, longest first, of the time-zone map's keys that can prefix a number of ``cc``."""
    lengths = _ZONE_LENGTHS.get(cc)
    if lengths is None:
        code = str(cc)
        lengths = _ZONE_LENGTHS[cc] = tuple(sorted(
            {len(k) for k in _ZONE_DATA if k.startswith(code) or code.startswith(k)}, reverse=True))
    return lengths


def _known(zones) -> tuple[str, ...]:
    known = _KNOWN.get(zones)
    if known is None:
        known = _KNOWN[zones] = tuple(z for z in zones if z != pn_timezone.UNKNOWN_TIMEZONE)
    return known


def choose_time_zone(zones: tuple[str, ...], fallback: str) -> str:
    """The callee's zone: the number's only zone; with several, the campaign's if it is one of them,
    else the first; with none, the campaign's."""
    if len(zones) == 1:
        return zones[0]
    if not zones or fallback in zones:
        return fallback
    return zones[0]

"""Personal data inside free text: phone numbers (and national ID and card numbers) found anywhere in a
string and masked, so that what an enterprise typed into a note never reaches a member raw.

Phone numbers are found with libphonenumber's matcher (``phonenumbers.PhoneNumberMatcher``), which
knows every country's formats: ``张三13481770091``, ``tel:+8613481770098``, ``134 8177 0094 / 134 8177
0093`` and ``call 134-8177-0020 after 5pm`` each give up their numbers. A Chinese resident ID (18
characters with its check digit) and a payment card number (13 to 19 digits passing the Luhn check)
are masked too. Masked means the first three and last four digits stay (``134****0094``).
"""

from __future__ import annotations

import re

import phonenumbers
from phonenumbers import Leniency, PhoneNumberMatcher

# Free text longer than this is masked in pieces: the matcher's work grows with the text.
_CHUNK = 4000
# The matcher gives up after this many candidates in a text; past it, long digit runs are masked anyway.
_MAX_TRIES = 200

_RESIDENT_ID = re.compile(r"(?<![0-9A-Za-z])[1-9]\d{16}[\dXx](?![0-9A-Za-z])")
# A mainland mobile number touching letters (``x13481770091``, ``13481770091abc``), which the matcher,
# reading numbers as words, leaves alone.
_CN_MOBILE = re.compile(r"(?<!\d)(?:\+?86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}(?!\d)")
_CARD = re.compile(r"(?<!\d)(?:\d[ -]?){12,18}\d(?!\d)")

# No phone, ID or card number has fewer digits than this: shorter text skips the matcher (the slow part).
_FEW_DIGITS = re.compile(r"(?:\d\D*){4}")

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def mask_digits(digits: str) -> str:
    """``13812345678`` → ``138****5678``: the first 3 and last 4 digits of a number of 10 digits or
    more; a shorter one keeps fewer, so that at least half of it is hidden."""
    n = len(digits)
    if n >= 10:
        return digits[:3] + "*" * (n - 7) + digits[-4:]
    if n == 0:
        return ""
    hidden = max((n + 1) // 2, 1)
    keep = n - hidden
    head = keep // 2
    tail = keep - head
    return digits[:head] + "*" * hidden + (digits[n - tail:] if tail else "")


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit() or ch in "Xx")


def _resident_id(candidate: str) -> bool:
    body, check = candidate[:17], candidate[17].upper()
    return _ID_CHECK[sum(int(d) * w for d, w in zip(body, _ID_WEIGHTS, strict=True)) % 11] == check


def _luhn(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def _spans(text: str, region: str) -> list[tuple[int, int]]:
    spans = [(m.start, m.end) for m in PhoneNumberMatcher(text, region, leniency=Leniency.VALID,
                                                            max_tries=_MAX_TRIES)]
    spans += [m.span() for m in _CN_MOBILE.finditer(text)]
    spans += [m.span() for m in _RESIDENT_ID.finditer(text) if _resident_id(m.group())]
    spans += [m.span() for m in _CARD.finditer(text) if _luhn(_digits(m.group()))]
    return spans


def _chunks(text: str):
    """Pieces of at most about ``_CHUNK`` characters, cut only where no number can continue."""
    start = 0
    while len(text) - start > _CHUNK:
        cut = start + _CHUNK
        while cut > start and (text[cut - 1].isdigit() or text[cut - 1] in " -+()./"):
            cut -= 1
        if cut == start:  # one endless run of digits: cut anyway
            cut = start + _CHUNK
        yield text[start:cut]
        start = cut
    yield text[start:]


def mask_personal_numbers(text: str | None, region: str | None = "CN") -> str | None:
    """``text`` with every phone number, resident ID and card number in it masked; ``None`` stays ``None``.

    ``region`` is where numbers without a country code are read as dialled (the contact list's)."""
    if not text or not _FEW_DIGITS.search(text):
        return text
    if region not in phonenumbers.SUPPORTED_REGIONS:
        region = "CN"
    pieces = []
    for chunk in _chunks(text):
        spans = sorted(_spans(chunk, region))
        out, last = [], 0
        for begin, end in spans:
            begin = max(begin, last)  # overlapping finds: the first one already masked this text
            if begin >= end:
                continue
            out.append(chunk[last:begin])
            out.append(mask_digits(_digits(chunk[begin:end]).upper()))
            last = end
        out.append(chunk[last:])
        pieces.append("".join(out))
    return "".join(pieces)


def has_personal_numbers(text: str | None, region: str = "CN") -> bool:
    """Whether ``text`` holds a phone number, resident ID or card number that masking would hide."""
    return bool(text) and mask_personal_numbers(text, region) != text

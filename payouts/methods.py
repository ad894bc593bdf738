"""How a member is paid by hand (the manual provider): a bank account, Alipay or WeChat Pay.

Each method has its fields and their checks, a masked form for every page (``****1234``) and a
description in words for the people who pay ("Bank ****1234, 招商银行"). No Flask request here."""

from __future__ import annotations

import re

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from app.errors import ValidationError
from app.pii import mask_digits, mask_personal_numbers

METHODS = ("bank", "alipay", "wechat")
METHOD_LABELS = {"bank": _l("Bank account"), "alipay": _l("Alipay"), "wechat": _l("WeChat Pay")}
# A connected Stripe account's state (PayoutAccount.status) in words.
STRIPE_STATUS_LABELS = {"pending": _l("being verified"), "enabled": _l("ready for payouts"),
                        "restricted": _l("restricted: Stripe needs more details")}

_MOBILE = re.compile(r"^1[3-9]\d{9}$")  # a mainland mobile number, as Alipay and WeChat use
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_WECHAT_ID = re.compile(r"^[A-Za-z][-_A-Za-z0-9]{5,19}$")
_SEPARATORS = re.compile(r"[\s-]+")


def clean(method: str, holder: str, account_number: str, bank_name: str = "") -> dict:
    """The fields of a payout account, trimmed and checked; ``ValidationError`` naming every bad field."""
    problems: dict = {}
    if method not in METHODS:
        raise ValidationError(fields={"method": _("Choose a bank account, Alipay or WeChat Pay.")})
    holder, bank_name = (holder or "").strip(), (bank_name or "").strip()
    number = _SEPARATORS.sub("", account_number or "")
    if not 2 <= len(holder) <= 120:
        problems["holder"] = _("Enter the account holder's full name (2 to 120 characters).")
    if method == "bank":
        if not 2 <= len(bank_name) <= 120:
            problems["bank_name"] = _("Enter the bank's name, e.g. 招商银行 or China Merchants Bank.")
        if not (number.isdigit() and 10 <= len(number) <= 30):
            problems["account_number"] = _("A bank account number has 10 to 30 digits.")
    elif method == "alipay":
        bank_name = ""
        number = number.lower() if "@" in number else number
        if not (_MOBILE.match(number) or (_EMAIL.match(number) and len(number) <= 254)):
            problems["account_number"] = _("Enter the mobile number or e-mail address of your Alipay account.")
    else:
        bank_name = ""
        if not (_MOBILE.match(number) or _WECHAT_ID.match(number)):
            problems["account_number"] = _("Enter the mobile number or WeChat ID (6 to 20 letters, digits, - or _, "
                                           "starting with a letter) of your WeChat account.")
    if problems:
        raise ValidationError(fields=problems)
    return {"method": method, "holder": holder, "bank_name": bank_name or None, "account_number": number}


def mask(method: str | None, number: str | None) -> str:
    """The account number as every page shows it: ``****1234`` for a bank account, ``138****5678``
    for a mobile number, ``m***@example.com`` for an e-mail, ``wx***89`` for a WeChat ID."""
    number = number or ""
    if method == "bank":
        return "****" + number[-4:]
    if number.isdigit():
        return mask_digits(number)
    if "@" in number:
        name, _at, domain = number.partition("@")
        return f"{name[:1]}***@{domain}"
    return f"{number[:2]}***{number[-2:]}" if len(number) > 4 else "***"


def describe(destination) -> str:
    """A payout account in words, masked: "Bank ****1234, 招商银行", "Alipay 138****5678"."""
    if destination is None:
        return ""
    if destination.method not in METHODS:
        if destination.provider != "manual":
            return _("Stripe account (%(status)s)",
                     status=STRIPE_STATUS_LABELS.get(destination.status, _("status unknown")))
        return _("Other: %(details)s", details=mask_free_text(destination.details))
    masked = mask(destination.method, destination.account_number)
    if destination.method == "bank":
        return _("Bank %(number)s, %(bank)s", number=masked, bank=destination.bank_name)
    if destination.method == "alipay":
        return _("Alipay %(number)s", number=masked)
    return _("WeChat Pay %(number)s", number=masked)


def mask_free_text(text: str | None) -> str:
    """Details typed as free text before accounts were structured: every run of digits masked."""
    masked = mask_personal_numbers(text or "") or ""
    return re.sub(r"\d{5,}", lambda m: mask_digits(m.group(0)), masked)

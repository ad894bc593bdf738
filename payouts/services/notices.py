"""What a member is told when their bank refuses a payout from their connected account.

With Stripe Connect our transfer lands on the member's own Stripe balance, and Stripe pays that
balance out to their bank. When the bank refuses (``payout.failed`` on the connected account) the
money is safe on that balance but goes nowhere until the member fixes their bank details in the
Stripe dashboard. The account keeps the failure (``notice_*``) until a later bank payout goes
through, and the member sees it, in their language, on the earnings page and in the API.
"""

from __future__ import annotations

from datetime import UTC, datetime

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from app.timeutil import utcnow
from payouts.models import PayoutDestination

# Stripe's payout failure codes (https://docs.stripe.com/api/payouts/failures).
BANK_FAILURES = {
    "account_closed": _l("The bank account has been closed."),
    "account_frozen": _l("The bank account has been frozen."),
    "bank_account_restricted": _l("The bank account does not accept this kind of payment."),
    "bank_ownership_changed": _l("The bank account has a new owner."),
    "could_not_process": _l("The bank could not process the payment."),
    "debit_not_authorized": _l("The bank account does not accept debits from Stripe."),
    "declined": _l("The bank declined the payment."),
    "incorrect_account_holder_address": _l("The account holder's address does not match the bank's records."),
    "incorrect_account_holder_name": _l("The account holder's name does not match the bank's records."),
    "incorrect_account_holder_tax_id": _l("The account holder's tax ID does not match the bank's records."),
    "insufficient_funds": _l("The Stripe balance was too low for the payment."),
    "invalid_account_number": _l("The bank account number is not valid."),
    "invalid_currency": _l("The bank account cannot receive this currency."),
    "no_account": _l("The bank account does not exist."),
    "unsupported_card": _l("The card can no longer receive payouts."),
}
UNKNOWN_FAILURE = "could_not_process"


def record_bank_failure(destination: PayoutDestination, payout: dict) -> str:
    """Keep a bank payout's failure on the account, unless a later bank payout already went
    through (webhooks arrive in any order). A payout marked paid can still fail afterwards."""
    failed_at = provider_time(payout.get("created"))
    if destination.bank_paid_at is not None and failed_at < destination.bank_paid_at:
        return "superseded"
    code = str(payout.get("failure_code") or UNKNOWN_FAILURE)[:40]
    destination.notice_code = code if code in BANK_FAILURES else UNKNOWN_FAILURE
    amount = payout.get("amount")
    destination.notice_amount = amount if isinstance(amount, int) and not isinstance(amount, bool) and amount > 0 \
        else None
    currency = str(payout.get("currency") or "")
    destination.notice_currency = currency.upper() if len(currency) == 3 and currency.isalpha() else None
    destination.notice_ref = str(payout.get("id") or "")[:120] or None
    destination.notice_at = failed_at
    return "member_told"


def record_bank_payout(destination: PayoutDestination, payout: dict) -> str:
    """A bank payout went through: the bank details work again, so an older failure is cleared
    (the failure of this very payout stays: a failed payout is final even if "paid" came first)."""
    paid_at = provider_time(payout.get("created"))
    if destination.bank_paid_at is None or paid_at > destination.bank_paid_at:
        destination.bank_paid_at = paid_at
    if destination.notice_code is not None and destination.notice_ref != payout.get("id") \
            and destination.notice_at is not None and destination.notice_at <= paid_at:
        clear(destination)
        return "notice_cleared"
    return "noted"


def clear(destination: PayoutDestination) -> None:
    destination.notice_code = destination.notice_amount = destination.notice_currency = None
    destination.notice_ref = destination.notice_at = None


def notice_of(destination: PayoutDestination | None) -> dict | None:
    """The notice as the member sees it (translated), or None."""
    if destination is None or destination.notice_code is None:
        return None
    return {"code": destination.notice_code,
            "message": str(BANK_FAILURES.get(destination.notice_code, BANK_FAILURES[UNKNOWN_FAILURE])),
            "advice": _("The money is safe on your Stripe balance. Update your bank details in the Stripe "
                        "dashboard and Stripe pays it out again."),
            "amount": destination.notice_amount, "currency": destination.notice_currency,
            "payout_ref": destination.notice_ref, "failed_at": destination.notice_at}


def provider_time(value) -> datetime:
    """A provider's Unix time as an aware UTC datetime (now when missing or malformed)."""
    if isinstance(value, int) and not isinstance(value, bool) and 0 < value < 2**33:
        return datetime.fromtimestamp(value, UTC)
    return utcnow()

"""Escrow and earnings: the verbs the marketplace calls when a campaign is funded, a call is
completed and QA decides."""

from __future__ import annotations

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import select

from app.errors import Conflict, NotFound, ValidationError
from app.extensions import db
from app.money import Money
from payouts.models import Transfer
from payouts.postings import PLATFORM, Leg, account, check_amount, post, reverse, valid_currency
from payouts.queries import settlement_of

DEFAULT_FEE_BPS = 1000  # the platform keeps 10% of an approved earning unless configured otherwise


def hold_escrow(campaign_id: int, org_id: int, amount: int, currency: str, key: str) -> Transfer:
    """Move ``amount`` from the organization's wallet into the campaign's escrow (409 if the wallet is short)."""
    currency, amount = valid_currency(currency), check_amount(amount)
    wallet, escrow = account("org", org_id, "wallet", currency), account("campaign", campaign_id, "escrow", currency)
    legs = [Leg(wallet, escrow, amount)]
    return post(key, "escrow_hold", legs, org_id=org_id, campaign_id=campaign_id)[0]


def release_escrow(campaign_id: int, org_id: int, amount: int, currency: str, key: str) -> Transfer:
    """Return ``amount`` of unspent escrow to the organization's wallet (409 if escrow holds less)."""
    currency, amount = valid_currency(currency), check_amount(amount)
    escrow, wallet = account("campaign", campaign_id, "escrow", currency), account("org", org_id, "wallet", currency)
    legs = [Leg(escrow, wallet, amount)]
    return post(key, "escrow_release", legs, org_id=org_id, campaign_id=campaign_id)[0]


def accrue_earning(campaign_id: int, interaction_id: int, member_id: int, amount: int, currency: str,
                   key: str, org_id: int | None = None) -> Transfer:
    """Earmark a completed interaction's pay: campaign escrow → the member's pending balance."""
    currency, amount = valid_currency(currency), check_amount(amount)
    legs = [Leg(account("campaign", campaign_id, "escrow", currency), account("member", member_id, "pending", currency),
                amount)]
    return post(key, "earning_accrued", legs, org_id=org_id, campaign_id=campaign_id,
                interaction_id=interaction_id, member_id=member_id)[0]


def _accrual(interaction_id: int) -> Transfer:
    found = db.session.scalar(select(Transfer).where(
        Transfer.interaction_id == interaction_id, Transfer.reason == "earning_accrued").order_by(Transfer.id))
    if found is None:
        raise NotFound(_("No earning was accrued for this interaction."))
    return found


# What approving or reversing an earning needs of the interaction's transfers, as plain rows.
_EarningRow = tuple[int, str, str, int, str, int | None, int | None, int | None]
_EARNING_ROWS = select(Transfer.id, Transfer.key, Transfer.reason, Transfer.amount, Transfer.currency,
                       Transfer.member_id, Transfer.org_id, Transfer.campaign_id)


def _earning_transfers(interaction_id: int, key: str) -> tuple[Transfer | None, _EarningRow, _EarningRow | None]:
    """``(posted under key, accrual, settlement)`` of an interaction's earning.

    An interaction has a handful of transfers, read as plain rows on the interaction index; their
    reasons are told apart here. Only a key that names none of them costs a second lookup.
    """
    with db.session.no_autoflush:  # transfers are never pending in the session (see postings.without_autoflush)
        rows = db.session.execute(_EARNING_ROWS.where(Transfer.interaction_id == interaction_id)
                                  .order_by(Transfer.id)).all()
        mine = next((row for row in rows if row.key == key), None)
        existing = (db.session.get(Transfer, mine.id) if mine is not None
                    else db.session.scalar(select(Transfer).where(Transfer.key == key)) if not rows else None)
    accrual = next((row for row in rows if row.reason == "earning_accrued"), None)
    settled = next((row for row in rows if row.reason in ("earning_approved", "earning_reversed")), None)
    if existing is None and accrual is None:
        raise NotFound(_("No earning was accrued for this interaction."))
    return existing, accrual, settled


def approve_earning(interaction_id: int, key: str, fee_bps: int | None = None) -> Transfer:
    """QA approved: the member's pending earning becomes available, less the platform fee."""
    existing, accrual, settled = _earning_transfers(interaction_id, key)
    if existing is not None:
        return existing
    if settled is not None:
        raise Conflict(_("This earning was already settled."), code="earning_settled")
    return _approve(accrual, key, fee_bps, interaction_id=interaction_id)


def approval_key(accrual_key: str) -> str:
    """The one key that settles an earning accrued without an interaction (see ``approve_accrual``)."""
    return f"{accrual_key}:approved"


def approve_accrual(accrual_key: str, fee_bps: int | None = None) -> Transfer:
    """Settle an earning accrued with no interaction — pay per shift hour (``claim:{id}:shift-pay``),
    which no QA reviews — found by its accrual's key: the member's pending amount becomes available,
    less the platform fee, as ``approve_earning`` does. The settlement's key is derived from the
    accrual's (``approval_key``), so it settles once however often it is asked; 404 when nothing
    was accrued under ``accrual_key``."""
    key = approval_key(accrual_key)
    existing = db.session.scalar(select(Transfer).where(Transfer.key == key))
    if existing is not None:
        return existing
    with db.session.no_autoflush:
        accrual = db.session.execute(_EARNING_ROWS.where(Transfer.key == accrual_key,
                                                         Transfer.reason == "earning_accrued")).first()
    if accrual is None:
        raise NotFound(_("No earning was accrued under this key."))
    return _approve(accrual, key, fee_bps, interaction_id=None)


def _paid_to_member(source: tuple[str, int, str], accrual: _EarningRow, fee_bps: int | None) -> list[Leg]:
    """The legs that pay an accrued earning from the ``source`` account (owner kind, owner id, name)
    to the member's available balance, less the platform fee (``fee_bps``, else ``PAYOUT_FEE_BPS``)."""
    bps = current_app.config.get("PAYOUT_FEE_BPS", DEFAULT_FEE_BPS) if fee_bps is None else fee_bps
    if isinstance(bps, bool) or not isinstance(bps, int) or not 0 <= bps <= 10_000:
        raise ValidationError(fields={"fee_bps": _("Between 0 and 10000 basis points.")})
    currency, member_id = accrual.currency, accrual.member_id
    fee = Money(accrual.amount, currency).percent(bps).amount
    source = account(*source, currency)
    legs = []
    if accrual.amount - fee > 0:
        legs.append(Leg(source, account("member", member_id, "available", currency), accrual.amount - fee))
    if fee > 0:
        legs.append(Leg(source, account("platform", PLATFORM, "fees", currency), fee))
    return legs


def _approve(accrual: _EarningRow, key: str, fee_bps: int | None, *, interaction_id: int | None) -> Transfer:
    pending = ("member", accrual.member_id, "pending")
    return post(key, "earning_approved", _paid_to_member(pending, accrual, fee_bps), org_id=accrual.org_id,
                campaign_id=accrual.campaign_id, interaction_id=interaction_id, member_id=accrual.member_id)[0]


def reverse_earning(interaction_id: int, key: str, to: str = "escrow") -> Transfer:
    """QA rejected: the pending earning goes back to the campaign's escrow (or the enterprise's wallet)."""
    existing = db.session.scalar(select(Transfer).where(Transfer.key == key))
    if existing is not None:
        return existing
    if to not in ("escrow", "wallet"):
        raise ValidationError(fields={"to": _("Either escrow or wallet.")})
    accrual = _accrual(interaction_id)
    if settlement_of(interaction_id) is not None:
        raise Conflict(_("This earning was already settled."), code="earning_settled")
    if to == "wallet" and accrual.org_id is None:
        raise ValidationError(fields={"to": _("The earning names no organization to refund.")})
    if to == "escrow":
        return reverse(accrual, key, reason="earning_reversed")[0]
    currency = accrual.currency
    legs = [Leg(account("member", accrual.member_id, "pending", currency),
                account("org", accrual.org_id, "wallet", currency), accrual.amount)]
    return post(key, "earning_reversed", legs, org_id=accrual.org_id, campaign_id=accrual.campaign_id,
                interaction_id=interaction_id, member_id=accrual.member_id, reverses_id=accrual.id)[0]


def reinstate_earning(interaction_id: int, key: str, fee_bps: int | None = None) -> Transfer:
    """A rejection was overturned (an upheld dispute) after the earning went back to the campaign's
    escrow: the escrow pays the member's available balance again, less the platform fee. 409 when
    the earning was not reversed, or when the escrow no longer holds enough."""
    existing = db.session.scalar(select(Transfer).where(Transfer.key == key))
    if existing is not None:
        return existing
    accrual = _accrual(interaction_id)
    settled = settlement_of(interaction_id)
    if settled is None or settled.reason != "earning_reversed" or settled.campaign_id is None:
        raise Conflict(_("Only a reversed earning can be reinstated."), code="earning_not_reversed")
    escrow = ("campaign", accrual.campaign_id, "escrow")
    return post(key, "earning_reinstated", _paid_to_member(escrow, accrual, fee_bps), org_id=accrual.org_id,
                campaign_id=accrual.campaign_id, interaction_id=interaction_id, member_id=accrual.member_id)[0]

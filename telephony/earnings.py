"""What members earn for their work on the phone, and what happens when a campaign cannot pay.

* Per interaction: when an interaction completes with a disposition, the campaign's pay rules
  (per handled call, per talk minute pro rata, a success bonus) give one amount, earmarked from
  the campaign's escrow into the member's *pending QA* balance under the key
  ``interaction:{id}:pay`` — a replayed completion finds the key and pays nothing more.
* Per shift hour: once a shift has ended, the time the member was checked in and reachable (any
  presence but offline, from the presence history the routing layer reports through
  ``record_presence``) is paid under ``claim:{id}:shift-pay``; the periodic sweep asks for every
  shift that ended lately, and a second ask pays nothing more. No QA reviews shift hours, so the
  accrual is settled at once (``payouts.services.approve_accrual``, keyed by the accrual: pending →
  available less the platform fee), which also settles one accrued before that existed.
* Escrow that runs out: the money ledger refuses the transfer (``InsufficientFunds``). Nothing is
  written for it, the interaction's pay is marked ``unfunded``, and the campaign's routing is held
  (``campaign_routing_paused``; a Redis flag mirrors it for the routing core) with a message to
  the enterprise, until ``resume_campaign_routing`` pays what was owed.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from app.database import after_commit, insert
from app.errors import ValidationError
from app.extensions import db, redis_store
from app.timeutil import as_utc, utcnow
from payouts import services as money
from payouts.models import Transfer
from payouts.postings import InsufficientFunds, account, find_balance
from payouts.queries import earning_state
from telephony import campaigns, lifecycle
from telephony.models import Interaction, PresenceInterval, RoutingHold

logger = logging.getLogger(__name__)

PRESENCE_STATUSES = ("available", "away", "busy", "wrapup", "offline")
SHIFT_PAY_LOOKBACK = timedelta(days=2)  # the sweep pays shifts that ended this recently
PAUSED_KEY = "crowdline:telephony:routing-paused:{campaign_id}"  # set while a campaign's routing is held


def interaction_pay_key(interaction_id: int) -> str:
    return f"interaction:{interaction_id}:pay"


def shift_pay_key(claim_id: int) -> str:
    return f"claim:{claim_id}:shift-pay"


def _accrue(found, member_id: int, amount: int, key: str, interaction_id: int | None) -> Transfer | None:
    """Earmark ``amount`` for the member from the campaign's escrow; None (and the campaign's
    routing held) when the escrow cannot pay it. The ledger's refusal is kept to a savepoint, so
    the caller's own work stands."""
    currency = found.currency
    # Made outside the savepoint, so a refusal cannot roll back an account the ledger has cached.
    account("campaign", found.id, "escrow", currency)
    account("member", member_id, "pending", currency)
    try:
        with db.session.begin_nested():
            return money.accrue_earning(found.id, interaction_id, member_id, amount, currency, key=key,
                                        org_id=found.org_id)
    except InsufficientFunds:
        hold_campaign_routing(found, amount)
        return None


def accrue_interaction_pay(interaction: Interaction) -> Transfer | None:
    """Accrue a completed, dispositioned interaction's pay (pending QA), once."""
    found = campaigns.campaign(interaction.campaign_id)
    pay = lifecycle.interaction_pay(pay_per_call=found.pay_per_call, pay_per_talk_minute=found.pay_per_talk_minute,
                                    success_bonus=found.success_bonus, talk_seconds=interaction.talk_seconds or 0,
                                    success=interaction.outcome == lifecycle.SUCCESS)
    interaction.pay_amount = pay.total
    if pay.total <= 0 or interaction.member_id is None:
        interaction.pay_state = "none"
        return None
    transfer = _accrue(found, interaction.member_id, pay.total, interaction_pay_key(interaction.id), interaction.id)
    interaction.pay_state = "accrued" if transfer is not None else "unfunded"
    db.session.flush()
    if transfer is not None:
        logger.info("Interaction %s: %s %s accrued for member %s", interaction.id, pay.total, found.currency,
                    interaction.member_id)
    return transfer


def earning_of(interaction: Interaction) -> dict | None:
    """The interaction's earning as the member and the enterprise see it: amount, currency and
    state (``pending`` QA, ``approved``, ``reversed``, or ``unfunded`` while the escrow is short)."""
    if interaction.pay_state == "unfunded":
        found = campaigns.campaign(interaction.campaign_id)
        return {"amount": interaction.pay_amount, "currency": found.currency, "state": "unfunded"}
    accrual = db.session.scalar(select(Transfer).where(Transfer.key == interaction_pay_key(interaction.id)))
    if accrual is None:
        return None
    found = earning_state(accrual)
    return {"amount": found["amount"], "currency": found["currency"], "state": found["state"]}


# --- presence and pay per shift hour -------------------------------------------------------------

def record_presence(member_id: int, status: str, *, at: datetime | None = None) -> PresenceInterval | None:
    """The member's presence changed to ``status`` at ``at``: the open stretch (if any) ends and,
    unless the member went offline, a new one starts. The same status again changes nothing.
    Returns the open stretch, or None when offline."""
    if status not in PRESENCE_STATUSES:
        raise ValidationError(fields={"status": _("One of: %(values)s.", values=", ".join(PRESENCE_STATUSES))})
    at = as_utc(at) if at is not None else utcnow()
    for attempt in (1, 2):
        try:
            with db.session.begin_nested():
                return _change_presence(member_id, status, at)
        except IntegrityError:  # another change of the same member's presence won the race
            if attempt == 2:
                raise
    return None  # pragma: no cover - the loop returns or raises


def _change_presence(member_id: int, status: str, at: datetime) -> PresenceInterval | None:
    current = db.session.scalar(select(PresenceInterval).where(
        PresenceInterval.member_id == member_id, PresenceInterval.ended_at.is_(None)).with_for_update())
    if current is not None and current.status == status:
        return current
    if current is not None:
        current.ended_at = max(at, current.started_at)
    opened = None
    if status != "offline":
        opened = PresenceInterval(member_id=member_id, status=status, started_at=at)
        db.session.add(opened)
    db.session.flush()
    return opened


def online_seconds(member_id: int, start: datetime, end: datetime) -> int:
    """Seconds of ``[start, end)`` the member was reachable (any presence but offline)."""
    rows = db.session.execute(select(PresenceInterval.started_at, PresenceInterval.ended_at).where(
        PresenceInterval.member_id == member_id, PresenceInterval.started_at < end,
        PresenceInterval.ended_at.is_(None) | (PresenceInterval.ended_at > start))).all()
    return lifecycle.overlap_seconds([(as_utc(s), as_utc(e) if e else None) for s, e in rows], start, end)


def accrue_shift_pay(claim, now: datetime | None = None) -> Transfer | None:
    """Pay per shift hour for one attended shift, once it has ended: the time from check-in (or the
    start, if the member checked in early) to the end during which the member was not offline."""
    now = as_utc(now) if now is not None else utcnow()
    found = campaigns.campaign(claim.campaign_id)
    end = as_utc(claim.ends_at)
    if claim.state != "checked_in" or found.pay_per_shift_hour <= 0 or end > now:
        return None
    start = max(as_utc(claim.checked_in_at or claim.starts_at), as_utc(claim.starts_at))
    amount = lifecycle.shift_pay(found.pay_per_shift_hour, online_seconds(claim.member_id, start, end))
    if amount <= 0:
        return None
    accrued = _accrue(found, claim.member_id, amount, shift_pay_key(claim.id), None)
    if accrued is not None:
        money.approve_accrual(shift_pay_key(claim.id))  # no QA reviews shift hours: settled at once
    return accrued


def accrue_ended_shifts(now: datetime | None = None) -> int:
    """Pay every attended shift that ended in the last two days and is not paid yet (the periodic
    sweep); the number of shifts paid now."""
    now = as_utc(now) if now is not None else utcnow()
    paid = 0
    for claim in campaigns.attended_claims(now - SHIFT_PAY_LOOKBACK, now):
        if db.session.scalar(select(Transfer.id).where(Transfer.key == shift_pay_key(claim.id))) is not None:
            money.approve_accrual(shift_pay_key(claim.id))  # accrued earlier: settled once, if not yet
            continue
        if accrue_shift_pay(claim, now) is not None:
            paid += 1
    return paid


# --- routing held while the escrow is short ------------------------------------------------------

def _set_flag(campaign_id: int, reason: str | None) -> None:
    """Mirror the hold in Redis for the routing core (the database stays the truth)."""
    key = PAUSED_KEY.format(campaign_id=campaign_id)
    try:
        if reason is None:
            redis_store.connection.delete(key)
        else:
            redis_store.connection.set(key, reason)
    except Exception:  # Redis down: the routing core asks campaign_routing_paused on its next sync
        logger.warning("Could not mirror the routing hold of campaign %s in Redis", campaign_id, exc_info=True)


def hold_campaign_routing(found, shortfall: int) -> RoutingHold:
    """Stop routing the campaign's calls: its escrow is ``shortfall`` short of what members earned."""
    db.session.execute(insert(RoutingHold).values(
        campaign_id=found.id, org_id=found.org_id, reason="escrow_exhausted", shortfall=0, currency=found.currency,
        since=utcnow()).on_conflict_do_nothing(index_elements=["campaign_id"]))
    hold = db.session.execute(select(RoutingHold).where(RoutingHold.campaign_id == found.id).with_for_update()
                              .execution_options(populate_existing=True)).scalar_one()
    hold.shortfall += shortfall
    db.session.flush()
    after_commit(lambda: _set_flag(found.id, hold.reason))
    logger.warning("Campaign %s: escrow exhausted (%s %s short); routing held", found.id, shortfall, found.currency)
    return hold


def resume_campaign_routing(campaign_id: int) -> bool:
    """Pay what the campaign's escrow could not, oldest first, then route its calls again. False
    when the escrow still cannot pay it all: what it could pay is paid, and the hold stays with
    the remaining shortfall."""
    hold = db.session.get(RoutingHold, campaign_id, with_for_update=True)
    if hold is None:
        return True
    unfunded = list(db.session.scalars(select(Interaction).where(
        Interaction.campaign_id == campaign_id, Interaction.pay_state == "unfunded").order_by(Interaction.id)))
    short = 0
    for interaction in unfunded:
        if accrue_interaction_pay(interaction) is None and interaction.pay_state == "unfunded":
            short += interaction.pay_amount or 0
    if short:
        hold = db.session.execute(select(RoutingHold).where(RoutingHold.campaign_id == campaign_id)
                                  .execution_options(populate_existing=True)).scalar_one()
        hold.shortfall = short
        db.session.flush()
        return False
    db.session.delete(hold)
    db.session.flush()
    after_commit(lambda: _set_flag(campaign_id, None))
    logger.info("Campaign %s: routing resumed", campaign_id)
    return True


def refill_held_campaigns(org_id: int, source_key: str) -> list[int]:
    """Money reached the organization's wallet (a top-up): each of its campaigns held for lack of
    escrow gets from the wallet what its escrow still lacks to pay what it owes (oldest hold first),
    then pays it and routes calls again. A campaign the wallet cannot cover stays held, untouched.
    ``source_key`` (the top-up's transfer key) keys each refill, so a repeat moves nothing more.
    The campaigns resumed."""
    resumed = []
    holds = db.session.scalars(select(RoutingHold).where(RoutingHold.org_id == org_id)
                               .order_by(RoutingHold.since, RoutingHold.campaign_id)).all()
    for hold in holds:
        campaign_id, currency = hold.campaign_id, hold.currency
        owed = db.session.scalar(select(func.coalesce(func.sum(Interaction.pay_amount), 0)).where(
            Interaction.campaign_id == campaign_id, Interaction.pay_state == "unfunded"))
        missing = int(owed) - find_balance("campaign", campaign_id, "escrow", currency)
        if missing > 0:
            if find_balance("org", org_id, "wallet", currency) < missing:
                logger.info("Campaign %s stays held: the wallet cannot cover %s %s", campaign_id, missing, currency)
                continue
            money.hold_escrow(campaign_id, org_id, missing, currency, key=f"campaign:{campaign_id}:refill:{source_key}")
        if resume_campaign_routing(campaign_id):
            resumed.append(campaign_id)
    return resumed


def org_routing_held(org_id: int) -> bool:
    """Whether any of the organization's campaigns is held for lack of escrow."""
    return db.session.scalar(select(RoutingHold.campaign_id).where(RoutingHold.org_id == org_id).limit(1)) is not None


def campaign_routing_paused(campaign_id: int) -> bool:
    """Whether the campaign's calls must not be routed now (its escrow ran out)."""
    return db.session.get(RoutingHold, campaign_id) is not None


def routing_status(campaign_id: int) -> dict:
    """The routing hold as the enterprise reads it: paused or not, why, since when, and what to do."""
    hold = db.session.get(RoutingHold, campaign_id)
    if hold is None:
        return {"paused": False, "reason": None, "message": None, "since": None, "shortfall": 0, "currency": None}
    message = _("Calls are not being routed: the campaign's escrow cannot pay what members earn "
                "(%(amount)s short). Add budget to the campaign, then resume routing.",
                amount=f"{hold.shortfall} {hold.currency}")
    return {"paused": True, "reason": hold.reason, "message": message, "since": hold.since,
            "shortfall": hold.shortfall, "currency": hold.currency}

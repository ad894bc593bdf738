"""Members as agents: going available, heartbeats, where they are routed, and what takes them out.

Presence is truthful. Only a member checked in to a running shift (the shift has started and not
ended, its campaign is running, the member still meets its requirements) may be available or
away; anything else is refused with the reason in words and changes nothing. Going available
computes the member's campaigns — *primary*: those of the running shifts they are checked in to;
*escalation*: the other running campaigns whose requirements they meet — with a fit score each,
and hands them to the ACD. The ACD is the truth of the moment (its heartbeat window takes a silent
client offline); every change of it is mirrored into the presence history that pays shift hours
(``earnings.record_presence``), here or on the member's next heartbeat, and by the sweep.

Releasing or no-showing a shift, a suspension and a lost certification take the member out of
routing at once (``refresh_routing`` / ``take_out_of_routing`` from the receivers: the database
part in the transaction, the ACD after the commit); the sweep takes out members whose shift ended.
A member on a call keeps it: they get no new offers and leave routing once the call is done.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import and_, exists, func, select
from sqlalchemy.orm import aliased

from app.auth.models import User
from app.database import after_commit, commit, rollback
from app.errors import Conflict, Forbidden, ValidationError
from app.extensions import db
from app.timeutil import as_utc, utcnow, zone
from payouts.models import Transfer
from telephony import calls, campaigns, earnings, lifecycle
from telephony.distributor import distributor, heartbeat_seconds
from telephony.models import Interaction, PresenceInterval
from telephony.providers import client_identity, get_provider
from telephony.providers.twilio import DEFAULT_TOKEN_TTL
from telephony.routing import Outcome

logger = logging.getLogger(__name__)

PRESENCE_CHOICES = ("available", "away", "offline")  # what a member may set
HELD_STATES = (*lifecycle.LIVE_STATES, "wrapup")  # an interaction the member is still working on
ENDED_LOOKBACK = timedelta(minutes=10)  # the sweep refreshes members whose shift ended this recently
# The ACD's states as the presence history counts them (an offer rings an available member).
PRESENCE_OF_STATE = {"available": "available", "offered": "available", "busy": "busy", "wrapup": "wrapup",
                     "away": "away", "offline": "offline"}


@dataclass(frozen=True)
class Routing:
    """Where a member may take calls: ``primary`` campaigns at once, ``escalation`` ones after a
    wait, a fit score (0..100) for each. Empty (false) when the member may not be routed at all."""

    primary: tuple[int, ...] = ()
    escalation: tuple[int, ...] = ()
    fit: dict[int, int] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.primary)


NOT_ROUTABLE = Routing()


# --- where a member may take calls ---------------------------------------------------------------

def _running(claim, found, now: datetime) -> bool:
    return as_utc(claim.starts_at) <= now and found.state in campaigns.ROUTABLE_CAMPAIGN_STATES \
        and as_utc(found.starts_at) <= now < as_utc(found.ends_at)


def routing_for(member_id: int, now: datetime | None = None) -> Routing:
    """The member's campaigns now (database reads only; empty when they may not take calls)."""
    now = as_utc(now) if now is not None else utcnow()
    member = db.session.get(User, member_id)
    if member is None or not member.is_active or not member.has_role("member"):
        return NOT_ROUTABLE
    on_shift = {found.id: found for claim, found in campaigns.member_claims(member_id, now)
                if _running(claim, found, now)}
    if not on_shift:
        return NOT_ROUTABLE
    others = [found for found in campaigns.running_campaigns(now) if found.id not in on_shift]
    judged = campaigns.member_fit(member_id, [*on_shift.values(), *others])
    primary = tuple(cid for cid in on_shift if not judged[cid][1])
    if not primary:
        return NOT_ROUTABLE
    escalation = tuple(found.id for found in others if not judged[found.id][1])
    return Routing(primary, escalation, {cid: judged[cid][0] for cid in (*primary, *escalation)})


def refusal(member: User, now: datetime | None = None) -> Forbidden:
    """Why the member may not take calls now, in words (the 403 of going available)."""
    now = as_utc(now) if now is not None else utcnow()
    if not member.is_active:
        return Forbidden(_("Your account is suspended."), code="account_suspended")
    claims = campaigns.member_claims(member.id, now)
    current = [(claim, found) for claim, found in claims if as_utc(claim.starts_at) <= now]
    for _claim, found in current:
        if found.state == "paused":
            return Forbidden(_("This campaign is paused."), code="campaign_paused",
                             fields={"campaign_id": str(found.id)})
    for claim, found in current:
        if found.state not in campaigns.ROUTABLE_CAMPAIGN_STATES or not _running(claim, found, now):
            return Forbidden(_("This campaign is not taking calls now."), code="campaign_not_running",
                             fields={"campaign_id": str(found.id)})
    for _claim, found in current:
        missing = campaigns.member_fit(member.id, [found])[found.id][1]
        if missing:
            return Forbidden(_("You no longer meet this campaign's requirements: %(reason)s",
                               reason=campaigns.missing_in_words(member.id, missing)),
                             code="not_eligible", fields={"campaign_id": str(found.id)})
    if claims:
        return Forbidden(_("Your shift has not started."), code="shift_not_started",
                         fields={"starts_at": as_utc(claims[0][0].starts_at).isoformat()})
    return Forbidden(_("Check in to a shift first."), code="not_checked_in")


# --- presence ------------------------------------------------------------------------------------

def set_presence(member: User, status: str, now: datetime | None = None) -> dict:
    """The member sets themselves available, away or offline; their state now (``agent_view``)."""
    if status not in PRESENCE_CHOICES:
        raise ValidationError(fields={"status": _("One of: %(values)s.", values=", ".join(PRESENCE_CHOICES))})
    acd = distributor()
    if status == "offline":
        outcome = acd.set_offline(member.id)
    else:
        routing = routing_for(member.id, now)
        if not routing:
            raise refusal(member, now)
        acd.set_agent_campaigns(member.id, routing.primary, routing.escalation, routing.fit)
        outcome = acd.set_presence(member.id, status)
    if not outcome.ok and outcome.reason == "busy" and status != "available":  # available: they are working
        raise Conflict(_("Finish your call first."), code="agent_busy")
    logger.info("Member %s set themselves %s (now %s)", member.id, status, outcome.get("state", outcome.reason))
    return agent_view(member, detail=False)


def heartbeat(member: User) -> dict:
    """The member's client is alive: their heartbeat window restarts (an offline member stays
    offline and must set themselves available again)."""
    distributor().heartbeat(member.id)
    return agent_view(member, detail=False)


def sync_presence(member_id: int, record: dict | None = None) -> str:
    """Bring the presence history (what shift pay counts) in line with the ACD's state of the
    member, at the time the ACD changed it; returns that state. Call it after any ACD change."""
    record = distributor().agent(member_id) if record is None else record
    state = (record or {}).get("st", "offline")
    status = PRESENCE_OF_STATE.get(state, "offline")
    open_status = db.session.scalar(select(PresenceInterval.status).where(
        PresenceInterval.member_id == member_id, PresenceInterval.ended_at.is_(None)))
    if (open_status or "offline") != status:
        earnings.record_presence(member_id, status, at=_since(record))
    return state


# --- what the member sees ------------------------------------------------------------------------

def _ms_time(ms) -> datetime | None:
    return datetime.fromtimestamp(int(ms) / 1000, UTC) if ms not in (None, "") else None


def _since(record: dict | None) -> datetime:
    since = _ms_time((record or {}).get("since"))
    now = utcnow()
    return min(since, now) if since is not None else now


def _campaign_names(ids) -> dict[int, str]:
    ids = list(ids)
    if not ids:
        return {}
    return dict(db.session.execute(select(campaigns.Campaign.id, campaigns.Campaign.name)
                                   .where(campaigns.Campaign.id.in_(ids))).all())


def current_offer(member_id: int, record: dict | None) -> dict | None:
    """The offer ringing the member now: call (the interaction), campaign, masked customer, when it
    expires and the seconds left. Never a number in clear."""
    offer_id = (record or {}).get("offer")
    found = distributor().offer(offer_id) if offer_id else None
    if not found or str(found.get("agent")) != str(member_id):
        return None
    call_id, campaign_id = int(found["call"]), int(found["camp"])
    expires = _ms_time(found.get("exp"))
    interaction = db.session.get(Interaction, call_id)
    return {"offer_id": int(offer_id), "call_id": call_id, "interaction_id": interaction.id if interaction else None,
            "campaign_id": campaign_id, "campaign_name": _campaign_names([campaign_id]).get(campaign_id),
            "customer": {"masked": interaction.customer_masked if interaction else None},
            "escalated": found.get("esc") == "1", "expires_at": expires,
            "seconds_left": max(0, round((expires - utcnow()).total_seconds())) if expires else 0}


def current_interaction(member_id: int) -> int | None:
    """The interaction the member is on or wrapping up, if any."""
    return db.session.scalar(select(Interaction.id).where(
        Interaction.member_id == member_id, Interaction.state.in_(HELD_STATES))
        .order_by(Interaction.id.desc()).limit(1))


def today(member: User, now: datetime | None = None) -> dict:
    """Today (in the member's time zone): calls handled, talk seconds, and what they earned that
    is still pending QA, per currency."""
    now = as_utc(now) if now is not None else utcnow()
    tz = zone(member.timezone or "UTC")
    start = as_utc(datetime.combine(now.astimezone(tz).date(), time.min, tz))
    calls, talk = db.session.execute(
        select(func.count(Interaction.id), func.coalesce(func.sum(Interaction.talk_seconds), 0))
        .where(Interaction.member_id == member.id, Interaction.answered_at >= start)).one()
    settled = aliased(Transfer)
    pending = db.session.execute(
        select(Transfer.currency, func.sum(Transfer.amount)).where(
            Transfer.member_id == member.id, Transfer.reason == "earning_accrued", Transfer.created_at >= start,
            ~exists().where(and_(settled.interaction_id == Transfer.interaction_id,
                                 settled.reason.in_(("earning_approved", "earning_reversed")))))
        .group_by(Transfer.currency).order_by(Transfer.currency)).all()
    return {"since": start, "calls_handled": int(calls), "talk_seconds": int(talk),
            "earnings_pending_qa": [{"currency": cur, "amount": int(amount)} for cur, amount in pending]}


def next_shift(member: User, now: datetime | None = None) -> dict | None:
    """The member's current or next shift, and how to check in to it."""
    now = as_utc(now) if now is not None else utcnow()
    claim = campaigns.next_claim(member.id, now)
    if claim is None:
        return None
    body = campaigns.claim_json(claim, now)
    return {key: body[key] for key in ("id", "shift_id", "campaign_id", "campaign_name", "starts_at", "ends_at",
                                       "state", "can_check_in")} | {
        "check_in_url": f"/api/v1/claims/{claim.id}/check-in",
        "check_in_opens_at": as_utc(claim.starts_at) - timedelta(minutes=15)}


def agent_view(member: User, *, detail: bool = True) -> dict:
    """The member's state now as their client shows it: state and since when, how often to beat,
    the campaigns they are routed for, the offer ringing them; with ``detail``, also the call they
    are on, today's work and their next shift."""
    acd = distributor()
    record = acd.agent(member.id)
    state = sync_presence(member.id, record)
    primary, escalation = acd.agent_campaigns(member.id) if record else ([], [])
    names = _campaign_names([*primary, *escalation])
    since = _since(record) if record else None
    body = {
        "member_id": member.id, "state": state, "since": since,
        "seconds_in_state": max(0, round((utcnow() - since).total_seconds())) if since else None,
        "heartbeat_every_seconds": heartbeat_seconds(),
        "campaigns": [{"id": cid, "name": names.get(cid), "escalation": False} for cid in primary]
        + [{"id": cid, "name": names.get(cid), "escalation": True} for cid in escalation if cid not in primary],
        "offer": current_offer(member.id, record) if state == "offered" else None,
    }
    if detail:
        now = utcnow()
        body["interaction_id"] = current_interaction(member.id)
        body["today"] = today(member, now)
        body["next_shift"] = next_shift(member, now)
        body["on_shift"] = bool(routing_for(member.id, now))
    return body


def softphone_token(member: User) -> dict:
    """A fresh access token for the member's browser softphone (Voice grant); ask again to refresh."""
    ttl = int(current_app.config.get("TELEPHONY_TOKEN_TTL") or DEFAULT_TOKEN_TTL)
    provider = get_provider()
    token = provider.access_token(member.id, ttl_seconds=ttl)
    return {"token": token, "identity": client_identity(member.id), "ttl_seconds": ttl,
            "expires_at": utcnow() + timedelta(seconds=ttl), "provider": provider.name}


# --- out of routing ------------------------------------------------------------------------------

def apply_routing(member_id: int, routing: Routing, *, force: bool = False) -> Outcome | None:
    """Give the ACD the member's campaigns; with none, take them out (a ringing offer goes back to
    the front of its queue). A member on a call or in wrap-up keeps it but gets no new offers,
    unless ``force`` (a suspension). Redis only: call it after the commit."""
    acd = distributor()
    record = acd.agent(member_id)
    if record is None:
        return None
    if routing:
        return acd.set_agent_campaigns(member_id, routing.primary, routing.escalation, routing.fit)
    if record.get("st") in ("busy", "wrapup") and not force:
        return acd.set_agent_campaigns(member_id)
    outcome = acd.remove_agent(member_id)
    if outcome.get("requeued_call") is not None or outcome.get("released_call") is not None:
        logger.info("Member %s out of routing: call %s back in its queue, call %s released", member_id,
                    outcome.get("requeued_call"), outcome.get("released_call"))
        # What the ACD undid is written down in a transaction of its own, after the change that removed
        # them: a ringing offer is missed, a call in progress ends as if they hung up.
        try:
            calls.agent_gone(member_id, outcome.data)
            commit()
        except Exception:
            rollback()
            logger.exception("Member %s left routing; the dispatcher's check will report call %s", member_id,
                             outcome.get("released_call") or outcome.get("requeued_call"))
    return outcome


def refresh_routing(member_id: int, now: datetime | None = None, *, on_call: bool | None = None) -> Routing:
    """Recompute the member's campaigns (a shift released or ended, a certification lost): in the
    transaction, the presence history goes offline if nothing is left and they are not on a call
    (``on_call``, when the caller knows it from the ACD; else from their interactions); after the
    commit, the ACD follows. Safe from a signal receiver (no network before the commit)."""
    routing = routing_for(member_id, now)
    if on_call is None:
        on_call = current_interaction(member_id) is not None
    if not routing and not on_call:
        earnings.record_presence(member_id, "offline", at=now)
    after_commit(lambda: apply_routing(member_id, routing))
    return routing


def take_out_of_routing(member_id: int) -> None:
    """Out of routing at once, a call in progress released (a suspension)."""
    earnings.record_presence(member_id, "offline")
    after_commit(lambda: apply_routing(member_id, NOT_ROUTABLE, force=True))


def is_present(member_id: int) -> bool:
    """Whether the presence history has the member reachable now (not offline)."""
    return db.session.scalar(select(PresenceInterval.id).where(
        PresenceInterval.member_id == member_id, PresenceInterval.ended_at.is_(None))) is not None


def sweep_presence(now: datetime | None = None) -> int:
    """The periodic pass: members the ACD took offline (a missed heartbeat) go offline in the
    presence history at the time it happened, and members whose shift ended, or who are on no
    running shift, have their routing recomputed (out if nothing is left). How many changed."""
    now = as_utc(now) if now is not None else utcnow()
    present = list(db.session.scalars(select(PresenceInterval.member_id).where(PresenceInterval.ended_at.is_(None))
                                      .order_by(PresenceInterval.member_id)))
    if not present:
        return 0
    changed = 0
    on_call = {}
    for member_id, record in zip(present, distributor().agents(present), strict=True):
        state = (record or {}).get("st", "offline")
        if state == "offline":
            earnings.record_presence(member_id, "offline", at=_since(record))
            changed += 1
        else:
            on_call[member_id] = state in ("busy", "wrapup")
    routed = list(on_call)
    Claim, Campaign = campaigns.Claim, campaigns.Campaign
    running = set(db.session.scalars(select(Claim.member_id).join(Campaign, Campaign.id == Claim.campaign_id).where(
        Claim.member_id.in_(routed), Claim.state == "checked_in", Claim.starts_at <= now, Claim.ends_at > now,
        Campaign.state.in_(campaigns.ROUTABLE_CAMPAIGN_STATES))))
    ended = set(db.session.scalars(select(Claim.member_id).where(
        Claim.member_id.in_(routed), Claim.state == "checked_in", Claim.ends_at > now - ENDED_LOOKBACK,
        Claim.ends_at <= now)))
    for member_id in routed:
        if (member_id not in running or member_id in ended) \
                and not refresh_routing(member_id, now, on_call=on_call[member_id]):
            changed += 1
    return changed


def refresh_campaign_agents(campaign_id: int, now: datetime | None = None) -> int:
    """Recompute the routing of every reachable member on shift for the campaign (it was paused,
    resumed or ended); how many."""
    members = [m for m in campaigns.checked_in_members(campaign_id, now) if is_present(m)]
    for member_id in members:
        refresh_routing(member_id, now)
    return len(members)

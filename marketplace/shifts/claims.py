"""Claims: a member takes a seat or gives it back, and waiting members get the seats that free up.

Claiming is atomic without a read-then-write on the seats: the shift's ``claimed`` counter moves
with one conditional UPDATE (``claimed < seats``), so a thousand members racing for the last
hundred seats get exactly a hundred claims and the rest a 409. A member's own claims are
serialized by locking their profile row, so two claims by one member cannot both pass the
overlap check; the lock order is always profile, then shift.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from flask_babel import gettext as _
from sqlalchemy import bindparam, exists, or_, select, update
from sqlalchemy.orm import defer

from app import events
from app.auth.models import User
from app.database import after_commit
from app.errors import Conflict, NotFound
from app.extensions import db
from app.timeutil import as_utc, utcnow
from marketplace.labels import CLAIM_STATE_LABELS
from marketplace.members import eligibility
from marketplace.members.profiles import locked_profile, record, reliability_after
from marketplace.models import ACTIVE_CLAIM_STATES, Campaign, Claim, MemberProfile, Shift, WaitlistEntry
from marketplace.shifts import notices, seat_gate

logger = logging.getLogger(__name__)

CLAIMABLE_CAMPAIGN_STATES = ("published", "running")
# A seat the waitlist hands over must leave its member at least this long to give it back free of
# charge (before the release cut-off); closer to the cut-off it is offered instead, not assigned.
WAITLIST_DECISION_WINDOW = timedelta(hours=1)


class ConfirmationRequired(Conflict):
    """The action costs the member reliability: say how much, and do it only once they confirm
    (``confirm=True``). ``fields["cost"]`` holds the figures, ``fields["confirm"]`` the words."""

    code = "confirmation_required"

    def __init__(self, message: str, cost: dict):
        super().__init__(message, fields={"confirm": message, "cost": cost})
        self.cost = cost


def release_cutoff(starts_at: datetime, campaign: Campaign) -> datetime:
    """The last moment a seat of a shift starting at ``starts_at`` is released free of charge."""
    return as_utc(starts_at) - timedelta(minutes=campaign.release_cutoff_minutes)


def _late_claim_cost(profile: MemberProfile, campaign: Campaign) -> ConfirmationRequired:
    cost = {"action": "claim_inside_cutoff", "reliability": profile.reliability,
            "reliability_after_late_release": reliability_after(profile, late_releases=1),
            "reliability_after_no_show": reliability_after(profile, no_shows=1),
            "release_cutoff_minutes": campaign.release_cutoff_minutes}
    return ConfirmationRequired(_(
        "This shift starts in less than %(minutes)s minutes, inside its free-release window: once you claim it, "
        "releasing it lowers your reliability from %(now)s to %(late)s, and missing it lowers it to %(missed)s.",
        minutes=campaign.release_cutoff_minutes, now=cost["reliability"],
        late=cost["reliability_after_late_release"], missed=cost["reliability_after_no_show"]), cost)


def _late_release_cost(profile: MemberProfile, campaign: Campaign) -> ConfirmationRequired:
    cost = {"action": "late_release", "reliability": profile.reliability,
            "reliability_after": reliability_after(profile, late_releases=1),
            "release_cutoff_minutes": campaign.release_cutoff_minutes}
    return ConfirmationRequired(_(
        "The shift starts in less than %(minutes)s minutes, so releasing it now is a late release: your "
        "reliability goes from %(now)s to %(after)s.", minutes=campaign.release_cutoff_minutes,
        now=cost["reliability"], after=cost["reliability_after"]), cost)


# A campaign's settings (an inbound forecast may hold thousands of intervals) are not needed here.
_VISIBLE_SHIFT = (select(Shift, Campaign).join(Campaign, Campaign.id == Shift.campaign_id)
                  .options(defer(Campaign.settings)).where(Shift.id == bindparam("shift_id")))


def visible_shift(shift_id: int) -> tuple[Shift, Campaign]:
    """A shift members may see: opened by publishing (a draft's planned shifts are 404)."""
    row = db.session.execute(_VISIBLE_SHIFT, {"shift_id": shift_id}).first()
    if row is None or row[0].state == "planned":
        raise NotFound()
    return row[0], row[1]


def claimable(shift: Shift, campaign: Campaign, now: datetime) -> None:
    if campaign.state not in CLAIMABLE_CAMPAIGN_STATES or shift.state == "cancelled":
        raise Conflict(_("This shift is no longer offered."), code="shift_cancelled")
    if as_utc(shift.starts_at) <= now:
        raise Conflict(_("This shift has already started."), code="shift_started")


def _overlap_and_waitlist_statement():
    overlapping = (select(Claim.id, Claim.shift_id).where(
        Claim.member_id == bindparam("member_id"), or_(*(Claim.state == s for s in ACTIVE_CLAIM_STATES)),
        Claim.starts_at < bindparam("ends_at", type_=Claim.starts_at.type),
        Claim.ends_at > bindparam("starts_at", type_=Claim.ends_at.type)).limit(1).subquery())
    waiting = exists().where(WaitlistEntry.shift_id == bindparam("shift_id"),
                             WaitlistEntry.member_id == bindparam("member_id"))
    return select(select(overlapping.c.id).scalar_subquery(), select(overlapping.c.shift_id).scalar_subquery(),
                  waiting)


_OVERLAP_AND_WAITLIST = _overlap_and_waitlist_statement()


def _overlap_and_waitlist(member_id: int, shift: Shift) -> tuple[int | None, int | None, bool]:
    """In one query: the member's active claim overlapping ``shift`` (its id and shift id, or
    Nones), and whether the member waits on ``shift``'s waitlist."""
    row = db.session.execute(_OVERLAP_AND_WAITLIST, {"member_id": member_id, "shift_id": shift.id,
                                                     "starts_at": shift.starts_at, "ends_at": shift.ends_at}).one()
    return row[0], row[1], bool(row[2])


def _take_seat_statement():
    # A table-level UPDATE (the ORM's bulk-update machinery costs more than the statement here).
    shifts = Shift.__table__.c
    return (Shift.__table__.update()
            .where(shifts.id == bindparam("shift_id"), shifts.state == "open", shifts.claimed < shifts.seats,
                   shifts.starts_at > bindparam("now", type_=shifts.starts_at.type))
            .values(claimed=shifts.claimed + 1).returning(shifts.claimed, shifts.seats))


_TAKE_SEAT = _take_seat_statement()


class NoSeat(Exception):
    """The conditional seat UPDATE matched nothing: full, started or closed meanwhile."""


def take_seat(member_id: int, shift: Shift, now: datetime, *, from_waitlist: bool = False,
               profile_locked: bool = False) -> Claim:
    """Hold the member's lock, check overlaps, write the claim, and move the seat counter last.

    The counter UPDATE is the last statement before the commit so the shift's row lock, which
    every claimer of the shift queues on, is held for one round trip. Raises ``NoSeat`` when no
    seat is left: the caller rolls the claim back with its transaction (or savepoint). When the
    claim takes the last seat, the seat gate learns it once the claim commits."""
    if not profile_locked:
        locked_profile(member_id)
    held_id, held_shift_id, waiting = _overlap_and_waitlist(member_id, shift)
    if held_id is not None:
        if held_shift_id == shift.id:
            raise Conflict(_("You already hold a seat on this shift."), code="already_claimed")
        raise Conflict(_("You hold another shift at this time."), code="overlapping_claim",
                       fields={"claim_id": str(held_id)})
    claim = Claim(shift_id=shift.id, campaign_id=shift.campaign_id, member_id=member_id, starts_at=shift.starts_at,
                  ends_at=shift.ends_at, state="claimed", claimed_at=now, from_waitlist=from_waitlist)
    db.session.add(claim)
    if waiting:
        db.session.execute(WaitlistEntry.__table__.delete().where(WaitlistEntry.shift_id == shift.id,
                                                                  WaitlistEntry.member_id == member_id))
    db.session.flush()
    events.send(events.seat_claimed, "marketplace", claim_id=claim.id, shift_id=shift.id,
                campaign_id=shift.campaign_id, member_id=member_id, from_waitlist=from_waitlist)
    db.session.flush()  # the audit entry too: nothing is left to write once the shift's row is locked
    taken = db.session.execute(_TAKE_SEAT, {"shift_id": shift.id, "now": now}).first()
    if taken is None:
        raise NoSeat()
    if taken.claimed >= taken.seats:
        shift_id = shift.id
        after_commit(lambda: seat_gate.mark_full(shift_id))
    return claim


def claim_seat(member: User, shift_id: int, now: datetime | None = None, *, gate_asked: bool = False,
               confirm: bool = False) -> Claim:
    """201 a seat; 409 full, started, cancelled or overlapping; 403 not eligible (with why); 409
    ``confirmation_required`` with the reliability at stake for a shift already inside its
    release cut-off, unless ``confirm``.

    A rush on a full shift is answered from the seat gate first, unless the caller has just
    asked it (``gate_asked``, see ``refuse_if_known_full``). On a 409 the caller rolls back (the
    request does), which also removes the claim row written before the seat counter said no."""
    now = now or utcnow()
    if not gate_asked:
        refuse_if_known_full(shift_id)
    shift, campaign = visible_shift(shift_id)
    claimable(shift, campaign, now)
    if shift.claimed >= shift.seats:  # seen full: answer without queueing on the row lock
        seat_gate.mark_full(shift.id)
        raise _shift_full()
    # The member's lock first (the lock order is profile, then shift); eligibility reads the
    # locked row instead of loading it again.
    profile = locked_profile(member.id)
    eligibility.require_eligible(member, campaign, profile)
    if not confirm and now > release_cutoff(shift.starts_at, campaign):
        raise _late_claim_cost(profile, campaign)
    try:
        claim = take_seat(member.id, shift, now, profile_locked=True)
    except NoSeat:
        seat_gate.mark_full(shift.id)
        raise _shift_full() from None
    logger.info("Member %s claimed shift %s", member.id, shift.id)
    return claim


def refuse_if_known_full(shift_id: int) -> None:
    """409 ``shift_full`` from the seat gate alone, when the database said the shift was full a
    moment ago; nothing otherwise.

    The claim API asks this before it loads the caller, so that in a rush the members who arrive
    after the last seat cost one Redis lookup each. The answer is the same for every caller (a
    shift's seats are not personal), so it is given to any valid token."""
    if seat_gate.known_full(shift_id):
        raise _shift_full()


def _shift_full() -> Conflict:
    return Conflict(_("All seats on this shift are taken. Join the waitlist to get the next free one."),
                    code="shift_full")


def own_claim(member: User, claim_id: int) -> Claim:
    claim = db.session.get(Claim, claim_id)
    if claim is None or claim.member_id != member.id:
        raise NotFound()
    return claim


def release_claim(member: User, claim_id: int, now: datetime | None = None, *, confirm: bool = False) -> Claim:
    """Give the seat back: free until the campaign's cut-off, a late release after it, which needs
    ``confirm`` (else 409 ``confirmation_required`` with the reliability it costs)."""
    now = now or utcnow()
    claim = own_claim(member, claim_id)
    profile = locked_profile(member.id)
    db.session.refresh(claim)
    if claim.state != "claimed":
        raise Conflict(_("This seat cannot be released: the claim is no longer held (%(state)s).",
                         state=CLAIM_STATE_LABELS[claim.state]),
                       code="not_releasable")
    if as_utc(claim.starts_at) <= now:
        raise Conflict(_("The shift has started: it can no longer be released."), code="shift_started")
    campaign = db.session.get(Campaign, claim.campaign_id)
    late = now > release_cutoff(claim.starts_at, campaign)
    if late and not confirm:
        raise _late_release_cost(profile, campaign)
    waiting = waitlist_heads(claim.shift_id, 1)
    give_back(claim, now, late=late, reason="member")
    if claim.late_release:
        record(profile, late_releases=1)
        db.session.flush()
    fill_from_waitlist(db.session.get(Shift, claim.shift_id), waiting, now)
    shift_id = claim.shift_id
    after_commit(lambda: seat_gate.forget(shift_id))
    return claim


def give_back(claim: Claim, now: datetime, *, late: bool, reason: str, state: str = "released") -> None:
    """Release a held seat: the claim becomes ``released`` (or ``bumped``, taken back by the
    platform) and the shift's counter gives the seat back. The one release path, whether the member
    gives the seat back, the campaign closes or the member no longer qualifies."""
    claim.state, claim.released_at, claim.late_release = state, now, late
    db.session.execute(update(Shift).where(Shift.id == claim.shift_id).values(claimed=Shift.claimed - 1)
                       .execution_options(synchronize_session=False))
    db.session.flush()
    events.send(events.claim_released, "marketplace", claim_id=claim.id, shift_id=claim.shift_id,
                campaign_id=claim.campaign_id, member_id=claim.member_id, late=late, reason=reason)


def waitlist_heads(shift_id: int, seats: int) -> list[WaitlistEntry]:
    """The first members waiting for ``seats`` seats, their profiles locked (a few spare ones in
    case some are no longer eligible). Locking them before the shift row keeps the lock order
    of a claim (profile, then shift), so a release and a claim never deadlock."""
    if seats <= 0:
        return []
    entries = list(db.session.scalars(select(WaitlistEntry).where(WaitlistEntry.shift_id == shift_id)
                                      .order_by(WaitlistEntry.id).limit(seats + 5)))
    for member_id in sorted({e.member_id for e in entries}):
        locked_profile(member_id)
    return entries


def fill_from_waitlist(shift: Shift, entries: list[WaitlistEntry], now: datetime | None = None) -> list[Claim]:
    """Give free seats to ``entries`` (from ``waitlist_heads``) in order, telling each member; those
    no longer eligible or busy at that time leave the list.

    Inside the release cut-off — or less than ``WAITLIST_DECISION_WINDOW`` before it — a seat is
    never handed over: a member who could not give it back in time without losing reliability must
    choose it. The waiting members are told a seat is free instead, and the first to claim it gets it."""
    now = now or utcnow()
    filled: list[Claim] = []
    campaign = db.session.get(Campaign, shift.campaign_id)
    if shift.state != "open" or as_utc(shift.starts_at) <= now or campaign.state not in CLAIMABLE_CAMPAIGN_STATES:
        return filled
    free_until = release_cutoff(shift.starts_at, campaign)
    for entry in entries:
        if eligibility.check(eligibility.member_facts(entry.member_id), campaign):
            db.session.delete(entry)
            db.session.flush()
            continue
        if now > free_until - WAITLIST_DECISION_WINDOW:
            notices.seat_free(entry.member_id, shift, campaign, now)
            continue
        try:
            with db.session.begin_nested():
                claim = take_seat(entry.member_id, shift, now, from_waitlist=True)
        except Conflict:  # busy at that time now: off the list
            db.session.delete(entry)
            db.session.flush()
            continue
        except NoSeat:  # no seat left: the rest keep their places
            break
        notices.seat_given(claim, campaign, free_until)
        filled.append(claim)
        logger.info("Waitlist gave shift %s to member %s", shift.id, claim.member_id)
    db.session.refresh(shift)
    return filled

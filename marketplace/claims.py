"""Claims: a member takes a seat, releases it, waits for one, checks in, or does not show up.

Claiming is atomic without a read-then-write on the seats: the shift's ``claimed`` counter moves
with one conditional UPDATE (``claimed < seats``), so a thousand members racing for the last
hundred seats get exactly a hundred claims and the rest a 409. A member's own claims are
serialized by locking their profile row, so two claims by one member cannot both pass the
overlap check; the lock order is always profile, then shift.

Reliability is commitment adherence, as the gig contact-center operators measure it: attended
shifts over committed ones, where a no-show counts fully and a release inside the cut-off counts
half. A prior of a few attended shifts keeps one early miss from sinking a new member:
``reliability = 100 × (attended + 5) / (attended + 5 + no_shows + ½ × late_releases)``.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from flask_babel import gettext as _
from sqlalchemy import bindparam, exists, or_, select, update
from sqlalchemy.orm import defer

from app import events
from app.auth.models import User
from app.database import after_commit, insert
from app.errors import Conflict, Forbidden, NotFound
from app.extensions import db
from app.timeutil import as_utc, utcnow
from marketplace import eligibility, seat_gate
from marketplace.models import ACTIVE_CLAIM_STATES, Campaign, Claim, MemberProfile, Shift, WaitlistEntry

logger = logging.getLogger(__name__)

RELIABILITY_PRIOR = 5
CHECK_IN_OPENS = timedelta(minutes=15)  # before the start
CHECK_IN_GRACE = timedelta(minutes=15)  # after the start; later it is a no-show
CLAIMABLE_CAMPAIGN_STATES = ("published", "running")


def reliability_score(attended: int, no_shows: int, late_releases: int) -> int:
    committed = attended + RELIABILITY_PRIOR + no_shows + 0.5 * late_releases
    return round(100 * (attended + RELIABILITY_PRIOR) / committed)


# --- profiles -----------------------------------------------------------------------------------

def ensure_profile(member_id: int) -> None:
    """Create the member's profile row if it does not exist (safe under concurrency)."""
    db.session.execute(insert(MemberProfile).values(member_id=member_id, languages=[], shifts_attended=0,
                                                    late_releases=0, no_shows=0, reliability=100, qa_count=0,
                                                    updated_at=utcnow()).on_conflict_do_nothing())


# The claim path's statements are built once: building a statement costs more Python than
# running it (each execution reuses the compiled form with its own parameters).
_LOCKED_PROFILE = (select(MemberProfile).where(MemberProfile.member_id == bindparam("member_id")).with_for_update()
                   .execution_options(populate_existing=True))


def locked_profile(member_id: int) -> MemberProfile:
    """The member's profile row, locked for this transaction (created first if missing)."""
    profile = db.session.scalars(_LOCKED_PROFILE, {"member_id": member_id}).first()
    if profile is None:
        ensure_profile(member_id)
        profile = db.session.scalars(_LOCKED_PROFILE, {"member_id": member_id}).one()
    return profile


def get_profile(member_id: int) -> MemberProfile:
    profile = db.session.get(MemberProfile, member_id)
    if profile is None:
        ensure_profile(member_id)
        profile = db.session.get(MemberProfile, member_id)
    return profile


def update_profile(member: User, *, languages: list[str] | None = None, region: str | None = None) -> MemberProfile:
    profile = locked_profile(member.id)
    if languages is not None:
        profile.languages = sorted(set(languages))
    if region is not None:
        profile.region = region or None
    db.session.flush()
    return profile


def _record(profile: MemberProfile, *, attended: int = 0, no_shows: int = 0, late_releases: int = 0) -> None:
    profile.shifts_attended += attended
    profile.no_shows += no_shows
    profile.late_releases += late_releases
    profile.reliability = reliability_score(profile.shifts_attended, profile.no_shows, profile.late_releases)


# --- claiming -----------------------------------------------------------------------------------

# A campaign's settings (an inbound forecast may hold thousands of intervals) are not needed here.
_VISIBLE_SHIFT = (select(Shift, Campaign).join(Campaign, Campaign.id == Shift.campaign_id)
                  .options(defer(Campaign.settings)).where(Shift.id == bindparam("shift_id")))


def visible_shift(shift_id: int) -> tuple[Shift, Campaign]:
    """A shift members may see: opened by publishing (a draft's planned shifts are 404)."""
    row = db.session.execute(_VISIBLE_SHIFT, {"shift_id": shift_id}).first()
    if row is None or row[0].state == "planned":
        raise NotFound()
    return row[0], row[1]


def require_eligible(member: User, campaign: Campaign, profile: MemberProfile | None = None) -> None:
    needs = eligibility.needed_facts(campaign)
    if not needs:
        return
    missing = eligibility.check(eligibility.member_facts(member.id, needs, profile), campaign)
    if missing:
        eligibility.explain(member, missing)
        raise Forbidden(missing[0].message, code="not_eligible",
                        fields={f"{m.kind}:{m.key}": m.message for m in missing})


def _claimable(shift: Shift, campaign: Campaign, now: datetime) -> None:
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


class _NoSeat(Exception):
    """The conditional seat UPDATE matched nothing: full, started or closed meanwhile."""


def _take_seat(member_id: int, shift: Shift, now: datetime, *, from_waitlist: bool = False,
               profile_locked: bool = False) -> Claim:
    """Hold the member's lock, check overlaps, write the claim, and move the seat counter last.

    The counter UPDATE is the last statement before the commit so the shift's row lock, which
    every claimer of the shift queues on, is held for one round trip. Raises ``_NoSeat`` when no
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
        raise _NoSeat()
    if taken.claimed >= taken.seats:
        shift_id = shift.id
        after_commit(lambda: seat_gate.mark_full(shift_id))
    return claim


def claim_seat(member: User, shift_id: int, now: datetime | None = None, *, gate_asked: bool = False) -> Claim:
    """201 a seat; 409 full, started, cancelled or overlapping; 403 not eligible (with why).

    A rush on a full shift is answered from the seat gate first, unless the caller has just
    asked it (``gate_asked``, see ``refuse_if_known_full``). On a 409 the caller rolls back (the
    request does), which also removes the claim row written before the seat counter said no."""
    now = now or utcnow()
    if not gate_asked:
        refuse_if_known_full(shift_id)
    shift, campaign = visible_shift(shift_id)
    _claimable(shift, campaign, now)
    if shift.claimed >= shift.seats:  # seen full: answer without queueing on the row lock
        seat_gate.mark_full(shift.id)
        raise _shift_full()
    # The member's lock first (the lock order is profile, then shift); eligibility reads the
    # locked row instead of loading it again.
    require_eligible(member, campaign, locked_profile(member.id))
    try:
        claim = _take_seat(member.id, shift, now, profile_locked=True)
    except _NoSeat:
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


def release_claim(member: User, claim_id: int, now: datetime | None = None) -> Claim:
    """Give the seat back: free until the campaign's cut-off, a late release after it."""
    now = now or utcnow()
    claim = own_claim(member, claim_id)
    profile = locked_profile(member.id)
    db.session.refresh(claim)
    if claim.state != "claimed":
        raise Conflict(_("This claim is %(state)s and cannot be released.", state=claim.state),
                       code="not_releasable")
    if as_utc(claim.starts_at) <= now:
        raise Conflict(_("The shift has started: it can no longer be released."), code="shift_started")
    campaign = db.session.get(Campaign, claim.campaign_id)
    waiting = waitlist_heads(claim.shift_id, 1)
    cutoff = as_utc(claim.starts_at) - timedelta(minutes=campaign.release_cutoff_minutes)
    claim.state, claim.released_at, claim.late_release = "released", now, now > cutoff
    db.session.execute(update(Shift).where(Shift.id == claim.shift_id).values(claimed=Shift.claimed - 1)
                       .execution_options(synchronize_session=False))
    if claim.late_release:
        _record(profile, late_releases=1)
    db.session.flush()
    events.send(events.claim_released, "marketplace", claim_id=claim.id, shift_id=claim.shift_id,
                campaign_id=claim.campaign_id, member_id=member.id, late=claim.late_release, reason="member")
    fill_from_waitlist(db.session.get(Shift, claim.shift_id), waiting, now)
    shift_id = claim.shift_id
    after_commit(lambda: seat_gate.forget(shift_id))
    return claim


# --- the waitlist -------------------------------------------------------------------------------

def join_waitlist(member: User, shift_id: int, now: datetime | None = None) -> WaitlistEntry:
    now = now or utcnow()
    shift, campaign = visible_shift(shift_id)
    _claimable(shift, campaign, now)
    require_eligible(member, campaign)
    if shift.claimed < shift.seats:
        raise Conflict(_("Seats are free on this shift: claim one."), code="seats_available")
    if db.session.scalar(select(exists().where(Claim.shift_id == shift.id, Claim.member_id == member.id,
                                               Claim.state.in_(ACTIVE_CLAIM_STATES)))):
        raise Conflict(_("You already hold a seat on this shift."), code="already_claimed")
    if db.session.scalar(select(exists().where(WaitlistEntry.shift_id == shift.id,
                                               WaitlistEntry.member_id == member.id))):
        raise Conflict(_("You are already on this waitlist."), code="already_waiting")
    entry = WaitlistEntry(shift_id=shift.id, member_id=member.id, created_at=now)
    db.session.add(entry)
    db.session.flush()
    return entry


def leave_waitlist(member: User, shift_id: int) -> None:
    gone = db.session.execute(WaitlistEntry.__table__.delete().where(
        WaitlistEntry.shift_id == shift_id, WaitlistEntry.member_id == member.id)).rowcount
    if not gone:
        raise NotFound()


def waitlist_position(member_id: int, shift_id: int) -> int | None:
    mine = db.session.scalar(select(WaitlistEntry.id).where(WaitlistEntry.shift_id == shift_id,
                                                            WaitlistEntry.member_id == member_id))
    if mine is None:
        return None
    return db.session.query(WaitlistEntry).filter(WaitlistEntry.shift_id == shift_id,
                                                  WaitlistEntry.id <= mine).count()


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
    """Give free seats to ``entries`` (from ``waitlist_heads``) in order; those no longer eligible
    or busy at that time leave the list."""
    now = now or utcnow()
    filled: list[Claim] = []
    campaign = db.session.get(Campaign, shift.campaign_id)
    if shift.state != "open" or as_utc(shift.starts_at) <= now or campaign.state not in CLAIMABLE_CAMPAIGN_STATES:
        return filled
    for entry in entries:
        if eligibility.check(eligibility.member_facts(entry.member_id), campaign):
            db.session.delete(entry)
            db.session.flush()
            continue
        try:
            with db.session.begin_nested():
                claim = _take_seat(entry.member_id, shift, now, from_waitlist=True)
        except Conflict:  # busy at that time now: off the list
            db.session.delete(entry)
            db.session.flush()
            continue
        except _NoSeat:  # no seat left: the rest keep their places
            break
        filled.append(claim)
        logger.info("Waitlist gave shift %s to member %s", shift.id, claim.member_id)
    db.session.refresh(shift)
    return filled


# --- attendance ---------------------------------------------------------------------------------

def check_in(member: User, claim_id: int, now: datetime | None = None) -> Claim:
    """Mark attendance: from 15 minutes before the start to 15 minutes after it."""
    now = now or utcnow()
    claim = own_claim(member, claim_id)
    profile = locked_profile(member.id)
    db.session.refresh(claim)
    if claim.state == "checked_in":
        return claim
    if claim.state != "claimed":
        raise Conflict(_("This claim is %(state)s.", state=claim.state), code="not_checkable")
    start = as_utc(claim.starts_at)
    if now < start - CHECK_IN_OPENS:
        raise Conflict(_("Check-in opens 15 minutes before the shift starts."), code="check_in_not_open")
    if now > start + CHECK_IN_GRACE:
        raise Conflict(_("Check-in closed 15 minutes after the start."), code="check_in_closed")
    claim.state, claim.checked_in_at = "checked_in", now
    _record(profile, attended=1)
    db.session.flush()
    events.send(events.shift_checked_in, "marketplace", claim_id=claim.id, shift_id=claim.shift_id,
                campaign_id=claim.campaign_id, member_id=member.id, late=now > start)
    return claim


def mark_no_shows(now: datetime | None = None, limit: int = 5000) -> int:
    """Claims still unchecked after the grace period become no-shows (the periodic sweep)."""
    now = now or utcnow()
    due = list(db.session.scalars(select(Claim).where(Claim.state == "claimed",
                                                      Claim.starts_at < now - CHECK_IN_GRACE)
                                  .order_by(Claim.id).limit(limit)))
    for claim in due:
        profile = locked_profile(claim.member_id)
        claim.state = "no_show"
        _record(profile, no_shows=1)
        events.send(events.claim_no_show, "marketplace", claim_id=claim.id, shift_id=claim.shift_id,
                    campaign_id=claim.campaign_id, member_id=claim.member_id)
    db.session.flush()
    return len(due)


def checked_in_members(campaign_id: int, now: datetime | None = None) -> list[int]:
    """Members on shift now (checked in to a shift that has not ended): who telephony may route to."""
    now = now or utcnow()
    return list(db.session.scalars(select(Claim.member_id).where(
        Claim.campaign_id == campaign_id, Claim.state == "checked_in", Claim.starts_at <= now + CHECK_IN_OPENS,
        Claim.ends_at > now)))


def claim_json(claim: Claim, now: datetime | None = None) -> dict:
    now = now or utcnow()
    campaign = db.session.get(Campaign, claim.campaign_id)
    start = as_utc(claim.starts_at)
    cutoff = start - timedelta(minutes=campaign.release_cutoff_minutes)
    return {"id": claim.id, "shift_id": claim.shift_id, "campaign_id": claim.campaign_id,
            "campaign_name": campaign.name, "starts_at": claim.starts_at, "ends_at": claim.ends_at,
            "state": claim.state, "claimed_at": claim.claimed_at, "released_at": claim.released_at,
            "late_release": claim.late_release, "checked_in_at": claim.checked_in_at,
            "from_waitlist": claim.from_waitlist, "release_free_until": cutoff,
            "can_release": claim.state == "claimed" and start > now,
            "release_is_late": claim.state == "claimed" and now > cutoff,
            "can_check_in": claim.state == "claimed" and start - CHECK_IN_OPENS <= now <= start + CHECK_IN_GRACE}

"""Members' work profiles: languages, region, and the commitment record behind reliability.

Reliability is commitment adherence, as the gig contact-center operators measure it: attended
shifts over committed ones, where a no-show counts fully and a release inside the cut-off counts
half. A prior of a few attended shifts keeps one early miss from sinking a new member:
``reliability = 100 × (attended + 5) / (attended + 5 + no_shows + ½ × late_releases)``.

The profile row is also the member's lock: claims take it FOR UPDATE (``locked_profile``).
"""

from __future__ import annotations

from sqlalchemy import bindparam, select

from app.auth.models import User
from app.database import insert
from app.extensions import db
from app.timeutil import utcnow
from marketplace.models import MemberProfile

RELIABILITY_PRIOR = 5
NEW_PROFILE = {"languages": [], "region": None, "shifts_attended": 0, "late_releases": 0, "no_shows": 0,
               "reliability": 100, "qa_average": None, "qa_count": 0}


def reliability_score(attended: int, no_shows: int, late_releases: int) -> int:
    committed = attended + RELIABILITY_PRIOR + no_shows + 0.5 * late_releases
    return round(100 * (attended + RELIABILITY_PRIOR) / committed)


def reliability_after(profile: MemberProfile, *, no_shows: int = 0, late_releases: int = 0) -> int:
    """The member's reliability once ``no_shows`` and ``late_releases`` more are recorded."""
    return reliability_score(profile.shifts_attended, profile.no_shows + no_shows,
                             profile.late_releases + late_releases)


def ensure_profile(member_id: int) -> None:
    """Create the member's profile row if it does not exist (safe under concurrency)."""
    db.session.execute(insert(MemberProfile).values(member_id=member_id, **NEW_PROFILE, updated_at=utcnow())
                       .on_conflict_do_nothing())


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
    """The member's profile; a fresh one, not stored, for a member who has none yet (a read writes
    nothing: the row is created by the first write that needs it, see ``locked_profile``)."""
    profile = db.session.get(MemberProfile, member_id)
    if profile is None:
        profile = MemberProfile(member_id=member_id, **NEW_PROFILE)
    return profile


def update_profile(member: User, *, languages: list[str] | None = None, region: str | None = None) -> MemberProfile:
    profile = locked_profile(member.id)
    if languages is not None:
        profile.languages = sorted(set(languages))
    if region is not None:
        profile.region = region or None
    db.session.flush()
    return profile


def record(profile: MemberProfile, *, attended: int = 0, no_shows: int = 0, late_releases: int = 0) -> None:
    profile.shifts_attended += attended
    profile.no_shows += no_shows
    profile.late_releases += late_releases
    profile.reliability = reliability_score(profile.shifts_attended, profile.no_shows, profile.late_releases)

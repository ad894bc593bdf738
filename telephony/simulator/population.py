"""The simulated population: the members made for a run (marked as simulated), the shift they are
checked in to, and the draws that shape the load — Poisson arrivals, exponential patience,
lognormal talk and wrap-up times around the campaign's AHT.

Simulated members are members marked ``User.is_simulated`` (and, so a person can tell, with an
email at ``SIM_DOMAIN``, a reserved ``.invalid`` name nobody can own): lists of real people
(leaderboards, payout batches) leave them out by that flag. A shift the simulator adds for them
has only simulated claims.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select

from app.auth import services as auth
from app.auth.models import User
from app.extensions import db
from app.timeutil import as_utc, utcnow
from certification.models import Certification
from certification.services.grants import grant
from certification.services.requirements import active_grant
from marketplace.campaigns.services import change_state
from marketplace.members.profiles import update_profile
from marketplace.models import Campaign, Claim, Shift

SIM_DOMAIN = "sim.crowdline.invalid"
SIM_PASSWORD = "simulated-member-password"  # noqa: S105 - members at an .invalid domain, never real
SHIFT_MINUTES = 120


def is_simulated(user: User) -> bool:
    return bool(user.is_simulated)


@dataclass(frozen=True)
class Load:
    """What shapes a run: calls per simulated minute, mean patience and talk, wrap-up, speed-up."""

    rate_per_minute: float
    patience_seconds: float
    aht_seconds: float
    target_answer_seconds: float
    wrapup_share: float = 0.15  # of the AHT spent in wrap-up

    def arrivals(self, rng: random.Random, calls: int) -> list[float]:
        """Simulated seconds at which each call arrives (a Poisson process)."""
        now, found = 0.0, []
        for _ in range(calls):
            found.append(now)
            now += rng.expovariate(self.rate_per_minute / 60.0)
        return found

    def patience(self, rng: random.Random) -> float:
        return rng.expovariate(1.0 / self.patience_seconds)

    def talk(self, rng: random.Random, sigma: float = 0.5) -> float:
        """A lognormal talk time whose mean is the AHT less its wrap-up share."""
        mean = self.aht_seconds * (1 - self.wrapup_share)
        return max(5.0, rng.lognormvariate(math.log(mean) - sigma * sigma / 2, sigma))

    def wrapup(self, rng: random.Random, sigma: float = 0.4) -> float:
        mean = self.aht_seconds * self.wrapup_share
        return max(1.0, rng.lognormvariate(math.log(mean) - sigma * sigma / 2, sigma))


def load_of(found: Campaign, *, rate: float | None, patience: float | None) -> Load:
    """The run's load from the campaign's inbound settings (AHT, target, forecast) and the options."""
    settings = found.settings or {}
    if rate is None:  # the forecast's busiest interval
        minutes = settings.get("interval_minutes", 30)
        peak = max((item.get("calls", 0) for item in settings.get("forecast") or []), default=0)
        rate = peak / minutes if peak else 10.0
    return Load(rate_per_minute=rate, patience_seconds=patience or settings.get("patience_seconds") or 60.0,
                aht_seconds=float(settings.get("aht_seconds") or 180),
                target_answer_seconds=float(settings.get("target_answer_seconds", 20)))


def open_now(found: Campaign) -> str | None:
    """Make the campaign take calls now (running, within its dates); what was changed, or None."""
    now = utcnow()
    changes = []
    if found.state == "published":
        change_state(found, "running", found.created_by_id)
        changes.append("started")
    if as_utc(found.starts_at) > now:
        found.starts_at = now - timedelta(minutes=1)
        changes.append("opened from now")
    if as_utc(found.ends_at) <= now + timedelta(minutes=SHIFT_MINUTES):
        found.ends_at = now + timedelta(minutes=SHIFT_MINUTES)
        changes.append("kept open")
    db.session.flush()
    return ", ".join(changes) or None


def _certify(member: User, found: Campaign) -> None:
    keys = (found.requirements or {}).get("certifications") or []
    for cert in db.session.scalars(select(Certification).where(Certification.key.in_(keys))):
        if active_grant(member.id, cert.id) is None:
            grant(cert, member, actor_id=None, check=False)


def simulated_members(found: Campaign, count: int, run: str) -> list[User]:
    """``count`` members made for this run, eligible for the campaign (languages, certifications)."""
    languages = list((found.requirements or {}).get("languages") or ["zh", "en"])
    made = []
    for n in range(count):
        member = auth.create_user(email=f"agent-{run}-{n + 1}@{SIM_DOMAIN}", password=SIM_PASSWORD,
                                  name=f"Simulated agent {n + 1}", role="member")
        member.is_simulated = True
        update_profile(member, languages=sorted({*languages, "zh", "en"}), region="Simulated")
        _certify(member, found)
        made.append(member)
    db.session.flush()
    return made


def check_in(found: Campaign, members: list[User]) -> Shift:
    """A shift of the campaign running now with every member checked in to it (added when none
    covers the next two hours or it has too few seats)."""
    now = utcnow().replace(microsecond=0)
    shift = db.session.scalar(select(Shift).where(
        Shift.campaign_id == found.id, Shift.state == "open", Shift.starts_at <= now,
        Shift.ends_at >= now + timedelta(minutes=SHIFT_MINUTES), Shift.seats - Shift.claimed >= len(members))
        .order_by(Shift.id))
    if shift is None:
        shift = Shift(campaign_id=found.id, org_id=found.org_id, starts_at=now - timedelta(minutes=1),
                      ends_at=now + timedelta(minutes=SHIFT_MINUTES), seats=len(members), claimed=0, state="open")
        db.session.add(shift)
        db.session.flush()
    for member in members:
        db.session.add(Claim(shift_id=shift.id, campaign_id=found.id, member_id=member.id, starts_at=shift.starts_at,
                             ends_at=shift.ends_at, state="checked_in", checked_in_at=now))
    shift.claimed += len(members)
    db.session.flush()
    return shift

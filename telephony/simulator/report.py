"""A run's summary and its invariants, from the database, the ACD and the carrier's records.

Times are simulated seconds: the database holds real instants, multiplied back by the speed-up.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select

from app.extensions import db
from app.money import Money
from payouts.models import Transfer
from telephony.dispatcher import disagreements
from telephony.distributor import distributor
from telephony.lifecycle import LIVE_STATES
from telephony.models import Interaction
from telephony.routing.check import check as acd_check

ENDED_STATES = ("completed", "abandoned", "failed", "overflowed")


@dataclass
class Summary:
    offered: int = 0
    interactions: int = 0
    answered: int = 0
    abandoned: int = 0
    failed: int = 0
    overflowed: int = 0
    within_target: int = 0
    target_seconds: float = 20.0
    asa_seconds: float = 0.0
    aht_seconds: float = 0.0
    transcripts: int = 0
    earnings: int = 0
    earned: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    @property
    def service_level(self) -> float:
        return self.within_target / self.offered if self.offered else 0.0

    @property
    def abandonment(self) -> float:
        return self.abandoned / self.offered if self.offered else 0.0

    def lines(self) -> list[str]:
        money = ", ".join(Money(amount, cur).format() for cur, amount in sorted(self.earned.items())) or "0"
        return [
            f"offered            {self.offered}",
            f"answered           {self.answered}",
            f"abandoned          {self.abandoned} ({self.abandonment:.1%})",
            f"failed             {self.failed}",
            f"overflowed         {self.overflowed} (to the enterprise's line or a callback request)",
            f"service level      {self.service_level:.1%} answered within {self.target_seconds:g} s",
            f"ASA                {self.asa_seconds:.1f} s",
            f"AHT                {self.aht_seconds:.1f} s (talk + hold + wrap-up)",
            f"interactions       {self.interactions} written, {self.transcripts} with a transcript",
            f"earnings accrued   {self.earnings} ({money}, pending QA)",
            f"invariants         {'all held' if not self.problems else f'{len(self.problems)} broken'}",
        ]


def _by_sid(sids: list[str]) -> list[Interaction]:
    found = []
    for start in range(0, len(sids), 1000):
        found += db.session.scalars(select(Interaction).where(
            Interaction.customer_call_sid.in_(sids[start:start + 1000]))).all()
    return found


def live_interactions(sids: list[str]) -> int:
    """How many of the run's interactions are not over yet (queued, ringing, talking or wrapping up)."""
    return sum(1 for found in _by_sid(sids) if found.state not in ENDED_STATES)


def summarize(sids: list[str], *, speed: float, target_seconds: float,
              carrier_legs: dict[int, set[int]] | None = None, member_problems: list[str] = ()) -> Summary:
    """The run's figures and every invariant that broke."""
    rows = _by_sid(sids)
    summary = Summary(offered=len(sids), interactions=len(rows), target_seconds=target_seconds)
    problems = summary.problems
    seen = {row.customer_call_sid for row in rows}
    problems += [f"call {sid} has no interaction" for sid in sids if sid not in seen]
    waits, handles = [], []
    for row in rows:
        if row.answered_at is not None:
            summary.answered += 1
            wait = (row.answered_at - row.queued_at).total_seconds() * speed
            waits.append(wait)
            summary.within_target += wait <= target_seconds
            if row.wrapup_ended_at is not None:
                handles.append((row.wrapup_ended_at - row.answered_at).total_seconds() * speed)
        summary.abandoned += row.state == "abandoned"
        summary.failed += row.state == "failed"
        summary.overflowed += row.state == "overflowed"
        summary.transcripts += bool(row.transcript_ref)
        if row.state not in ENDED_STATES:
            problems.append(f"interaction {row.id} is still {row.state}")
        if row.state in LIVE_STATES and row.member_id is None:
            problems.append(f"interaction {row.id} is on the line without a member")
    summary.asa_seconds = sum(waits) / len(waits) if waits else 0.0
    summary.aht_seconds = sum(handles) / len(handles) if handles else 0.0

    ids = [row.id for row in rows]
    by_member = {row.id: row.member_id for row in rows}
    for interaction_id, members in (carrier_legs or {}).items():
        if interaction_id in by_member and len(members) > 1:
            problems.append(f"interaction {interaction_id} was answered by members {sorted(members)}")
        elif interaction_id in by_member and by_member[interaction_id] not in members:
            problems.append(f"interaction {interaction_id} names member {by_member[interaction_id]}, "
                            f"the carrier bridged {sorted(members)}")
    for start in range(0, len(ids), 1000):
        chunk = ids[start:start + 1000]
        accrued = db.session.execute(select(Transfer.interaction_id, func.count(), Transfer.currency,
                                            func.sum(Transfer.amount))
                                     .where(Transfer.interaction_id.in_(chunk), Transfer.reason == "earning_accrued")
                                     .group_by(Transfer.interaction_id, Transfer.currency)).all()
        for interaction_id, count, currency, amount in accrued:
            summary.earnings += 1
            summary.earned[currency] = summary.earned.get(currency, 0) + int(amount)
            if count > 1:
                problems.append(f"interaction {interaction_id} earned {count} times")
    acd = distributor()
    problems += acd_check(acd.client, acd.prefix) + disagreements()
    problems += list(member_problems)
    return summary

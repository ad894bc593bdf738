"""Report figures as pure logic: what one interaction adds to the counters, the periods a report is
cut into in the viewer's time zone, and the ratios derived from summed counters. No Flask, no session.

Definitions (ratios are 0..1, None when there is nothing to divide by):

- offered: inbound calls that reached the queue, and outbound calls a person picked up;
- answered: offered calls a member answered; abandoned: the caller (or callee) hung up before a
  member answered; abandoned_short: abandoned within the short-abandon threshold (a caller who
  hung up at once, never really waiting);
- service_level (SL): answered within the target answer time / answered;
- sl2: Asterisk's second convention, (answered within target + abandoned within target) /
  (answered + abandoned) — a caller who gave up quickly does not count against the level;
- asa_seconds: wait of the answered calls / answered; aht_seconds: (talk + hold + wrap-up) / handled;
- occupancy: handle time / the handling members' reachable time in the period;
- fcr: handled calls whose customer did not contact the campaign again within 7 days / handled;
- abandon_rate: abandoned / offered, against the campaign's cap;
- cost: what members earn (a rejected QA decision refunds it) plus the platform fee.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from telephony.lifecycle import SUCCESS, interaction_pay
from telephony.reports.models import MEASURES

BUCKET_MINUTES = 15
REPEAT_WINDOW = timedelta(days=7)
PERIODS = ("interval", "day", "week", "month")
INTERVAL_MINUTES = (15, 30)
DEFAULT_TARGET_SECONDS = 20
DEFAULT_SHORT_ABANDON_SECONDS = 5
DEFAULT_ABANDON_CAP = 0.03
ANSWERED_STATES = ("in_progress", "held", "wrapup", "completed")
QA_DECISIONS = ("approve", "review", "reject")


def bucket_of(at: datetime) -> datetime:
    """The start of the 15 minutes (UTC) that ``at`` falls in."""
    return at.replace(minute=at.minute - at.minute % BUCKET_MINUTES, second=0, microsecond=0)


@dataclass(frozen=True)
class Rules:
    """What a campaign's settings say about its figures (and its pay rules, for the earnings)."""

    target_seconds: int = DEFAULT_TARGET_SECONDS
    short_abandon_seconds: int = DEFAULT_SHORT_ABANDON_SECONDS
    pay_per_call: int = 0
    pay_per_talk_minute: int = 0
    success_bonus: int = 0


def rules_of(campaign) -> Rules:
    """A campaign's rules (its settings and pay rules)."""
    settings = campaign.settings or {}
    return Rules(target_seconds=int(settings.get("target_answer_seconds", DEFAULT_TARGET_SECONDS)),
                 short_abandon_seconds=int(settings.get("short_abandon_seconds", DEFAULT_SHORT_ABANDON_SECONDS)),
                 pay_per_call=campaign.pay_per_call or 0, pay_per_talk_minute=campaign.pay_per_talk_minute or 0,
                 success_bonus=campaign.success_bonus or 0)


def contribution(*, direction: str, state: str, answered: bool, wait_seconds: int | None, talk_seconds: int | None,
                 hold_seconds: int | None, wrapup_seconds: int | None, disposition: str | None, outcome: str | None,
                 member_id: int | None, rules: Rules, qa_score: int | None = None, qa_decision: str | None = None,
                 csat_score: int | None = None, followed: bool = False) -> dict[str, int]:
    """The counters one interaction adds, as it stands now (only the non-zero ones)."""
    inbound = direction == "inbound"
    abandoned = state == "abandoned"
    answered = answered and state in ANSWERED_STATES
    reached = not inbound and (answered or abandoned)
    handled = state == "completed"
    wait = wait_seconds or 0
    out = {
        "offered": int(inbound or reached),
        "answered": int(answered),
        "abandoned": int(abandoned),
        "abandoned_short": int(abandoned and wait <= rules.short_abandon_seconds),
        "answered_in_target": int(answered and wait <= rules.target_seconds),
        "abandoned_in_target": int(abandoned and wait <= rules.target_seconds),
        "wait_seconds": wait if answered else 0,
        "attempted": int(not inbound),
        "reached": int(reached),
    }
    if handled:
        talk, hold, wrapup = talk_seconds or 0, hold_seconds or 0, wrapup_seconds or 0
        out.update(handled=1, talk_seconds=talk, hold_seconds=hold, wrapup_seconds=wrapup,
                   handle_seconds=talk + hold + wrapup, succeeded=int(not inbound and outcome == SUCCESS),
                   repeated=int(followed))
        if disposition is not None and member_id is not None and qa_decision != "reject":
            out["earnings"] = interaction_pay(pay_per_call=rules.pay_per_call,
                                              pay_per_talk_minute=rules.pay_per_talk_minute,
                                              success_bonus=rules.success_bonus, talk_seconds=talk,
                                              success=outcome == SUCCESS).total
    if qa_decision in QA_DECISIONS and qa_score is not None:
        out.update(qa_count=1, qa_score_sum=qa_score, **{f"qa_{qa_decision}": 1})
    if csat_score is not None:
        out.update(csat_count=1, csat_sum=csat_score)
    return {key: value for key, value in out.items() if value}


def difference(new: dict[str, int], old: dict[str, int]) -> dict[str, int]:
    """``new - old``, counter by counter (only the counters that changed)."""
    found = {key: new.get(key, 0) - old.get(key, 0) for key in MEASURES}
    return {key: value for key, value in found.items() if value}


# --- periods ---------------------------------------------------------------------------------------

def local_range(start: date, end: date, tz: ZoneInfo) -> tuple[datetime, datetime]:
    """The instants from the start of ``start`` to the end of ``end`` (both local dates, inclusive)."""
    first = datetime.combine(start, time(), tzinfo=tz)
    after = datetime.combine(end + timedelta(days=1), time(), tzinfo=tz)
    return first.astimezone(ZoneInfo("UTC")), after.astimezone(ZoneInfo("UTC"))


def period_of(bucket: datetime, by: str, tz: ZoneInfo, interval_minutes: int = 30) -> datetime:
    """The start of the period (in ``tz``, as an aware local time) that a UTC bucket belongs to.

    An interval is cut on the local clock, so on the night the clocks go back the two 01:00s are
    two periods (told apart by their offset); a day, an ISO week (from Monday) and a month start at
    local midnight, so a day may have 23 or 25 hours."""
    here = bucket.astimezone(tz)
    if by == "interval":  # whole minutes back from an instant: the fold comes out right
        return (bucket - timedelta(minutes=here.minute % interval_minutes)).astimezone(tz)
    day = here.date()
    if by == "week":
        day -= timedelta(days=day.isoweekday() - 1)
    elif by == "month":
        day = day.replace(day=1)
    return datetime.combine(day, time(), tzinfo=tz)


def period_key(start: datetime) -> tuple:
    """A key that tells the two 01:00s of the night the clocks go back apart."""
    return start.replace(tzinfo=None, fold=0), start.utcoffset()


def period_label(start: datetime, by: str) -> str:
    """How a period is named in exports: the ISO week as ``2026-W49``, a month as ``2026-12``."""
    if by == "week":
        year, week, _ = start.isocalendar()
        return f"{year}-W{week:02d}"
    if by == "month":
        return start.strftime("%Y-%m")
    if by == "day":
        return start.date().isoformat()
    return start.strftime("%Y-%m-%d %H:%M")


# --- ratios ---------------------------------------------------------------------------------------

def ratio(part: float, whole: float) -> float | None:
    """``part / whole`` to four places (a ratio 0..1); None when there is no whole."""
    return round(part / whole, 4) if whole else None


def _mean(total: float, count: float) -> float | None:
    return round(total / count, 1) if count else None


def derive(sums: dict[str, int], *, fee_bps: int = 0, staffed_seconds: int | None = None,
           abandon_cap: float = DEFAULT_ABANDON_CAP) -> dict:
    """The report's figures from summed counters."""
    answered, abandoned, handled = sums.get("answered", 0), sums.get("abandoned", 0), sums.get("handled", 0)
    earnings = sums.get("earnings", 0)
    fees = earnings * fee_bps // 10_000
    cost = earnings + fees
    qa_count = sums.get("qa_count", 0)
    abandon_rate = ratio(abandoned, sums.get("offered", 0))
    return {
        "offered": sums.get("offered", 0),
        "answered": answered,
        "abandoned": abandoned,
        "abandoned_short": sums.get("abandoned_short", 0),
        "service_level": ratio(sums.get("answered_in_target", 0), answered),
        "sl2": ratio(sums.get("answered_in_target", 0) + sums.get("abandoned_in_target", 0), answered + abandoned),
        "asa_seconds": _mean(sums.get("wait_seconds", 0), answered),
        "handled": handled,
        "aht_seconds": _mean(sums.get("handle_seconds", 0), handled),
        "talk_seconds": sums.get("talk_seconds", 0),
        "aht_talk_seconds": _mean(sums.get("talk_seconds", 0), handled),
        "aht_hold_seconds": _mean(sums.get("hold_seconds", 0), handled),
        "aht_wrapup_seconds": _mean(sums.get("wrapup_seconds", 0), handled),
        "occupancy": (min(round(sums.get("handle_seconds", 0) / staffed_seconds, 4), 1.0)
                      if staffed_seconds else None),
        "abandon_rate": abandon_rate,
        "abandon_cap": abandon_cap,
        "over_abandon_cap": abandon_rate is not None and abandon_rate > abandon_cap,
        "attempted": sums.get("attempted", 0),
        "reached": sums.get("reached", 0),
        "succeeded": sums.get("succeeded", 0),
        "fcr": ratio(handled - sums.get("repeated", 0), handled),
        "csat": _mean(sums.get("csat_sum", 0), sums.get("csat_count", 0)),
        "csat_responses": sums.get("csat_count", 0),
        "qa_average": _mean(sums.get("qa_score_sum", 0), qa_count),
        "qa_scored": qa_count,
        "qa_approve": sums.get("qa_approve", 0),
        "qa_review": sums.get("qa_review", 0),
        "qa_reject": sums.get("qa_reject", 0),
        "earnings": earnings,
        "fees": fees,
        "cost": cost,
        "cost_per_handled": cost // handled if handled else None,
    }


def add(into: dict[str, int], more: dict[str, int]) -> None:
    for key, value in more.items():
        into[key] = into.get(key, 0) + (value or 0)

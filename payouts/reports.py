"""Read-side reports: monthly wallet statements, balance history for charts, the transfers that crossed
the provider boundary (what reconciliation compares). Nothing here writes."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import func, select

from app.extensions import db
from app.timeutil import utcnow
from payouts.models import MoneyAccount, Posting, Transfer

STATEMENT_COLUMNS = ("topup", "escrow_hold", "escrow_release", "earning_reversed", "refund", "dispute",
                     "dispute_won")


def month_bounds(year: int, month: int) -> tuple[datetime, datetime]:
    start = datetime(year, month, 1, tzinfo=UTC)
    end = datetime(year + (month == 12), month % 12 + 1, 1, tzinfo=UTC)
    return start, end


def _wallet(org_id: int, currency: str) -> MoneyAccount | None:
    return db.session.scalar(select(MoneyAccount).where(
        MoneyAccount.owner_kind == "org", MoneyAccount.owner_id == org_id, MoneyAccount.purpose == "wallet",
        MoneyAccount.currency == currency))


def wallet_currencies(org_id: int) -> list[str]:
    return sorted(db.session.scalars(select(MoneyAccount.currency).where(
        MoneyAccount.owner_kind == "org", MoneyAccount.owner_id == org_id, MoneyAccount.purpose == "wallet")))


def _sum_before(account_id: int, moment: datetime) -> int:
    return int(db.session.scalar(select(func.coalesce(func.sum(Posting.amount), 0)).join(
        Transfer, Transfer.id == Posting.transfer_id).where(
        Posting.account_id == account_id, Transfer.created_at < moment)))


def statement(org_id: int, currency: str, year: int, month: int) -> dict:
    """Opening balance, the month's movements by reason (top-ups, holds, releases, refunds…),
    the closing balance, and every line, for the organization's wallet in one currency."""
    start, end = month_bounds(year, month)
    wallet = _wallet(org_id, currency)
    result = {"org_id": org_id, "currency": currency, "year": year, "month": month, "opening": 0, "closing": 0,
              "totals": dict.fromkeys(STATEMENT_COLUMNS, 0), "lines": []}
    if wallet is None:
        return result
    opening = _sum_before(wallet.id, start)
    rows = db.session.execute(select(Transfer, Posting.amount).join(Posting, Posting.transfer_id == Transfer.id).where(
        Posting.account_id == wallet.id, Transfer.created_at >= start, Transfer.created_at < end)
        .order_by(Transfer.id)).all()
    running = opening
    for transfer, amount in rows:
        running += amount
        result["totals"][transfer.reason] = result["totals"].get(transfer.reason, 0) + amount
        result["lines"].append({"transfer_id": transfer.id, "created_at": transfer.created_at,
                                "reason": transfer.reason, "amount": amount, "balance": running,
                                "campaign_id": transfer.campaign_id, "reference": transfer.external_ref})
    result["opening"], result["closing"] = opening, running
    return result


def statement_csv(data: dict) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["transfer_id", "created_at", "reason", "amount_minor", "currency", "balance_minor",
                     "campaign_id", "reference"])
    writer.writerow(["", "", "opening_balance", "", data["currency"], data["opening"], "", ""])
    for line in data["lines"]:
        writer.writerow([line["transfer_id"], line["created_at"].isoformat(), line["reason"], line["amount"],
                         data["currency"], line["balance"], line["campaign_id"] or "", line["reference"] or ""])
    writer.writerow(["", "", "closing_balance", "", data["currency"], data["closing"], "", ""])
    return out.getvalue()


def balance_history(account_id: int | None, days: int = 30) -> list[tuple[date, int]]:
    """The account's closing balance for each of the last ``days`` days (for the inline chart)."""
    today = utcnow().date()
    first = today - timedelta(days=days - 1)
    if account_id is None:
        return [(first + timedelta(days=i), 0) for i in range(days)]
    start = datetime(first.year, first.month, first.day, tzinfo=UTC)
    running = _sum_before(account_id, start)
    moves = db.session.execute(select(Transfer.created_at, Posting.amount).join(
        Posting, Posting.transfer_id == Transfer.id).where(Posting.account_id == account_id,
                                                          Transfer.created_at >= start)).all()
    per_day: dict[date, int] = {}
    for created_at, amount in moves:
        per_day[created_at.date()] = per_day.get(created_at.date(), 0) + amount
    history = []
    for i in range(days):
        day = first + timedelta(days=i)
        running += per_day.get(day, 0)
        history.append((day, running))
    return history


def chart_points(history: list[tuple[date, int]], width: int = 320, height: int = 80) -> dict:
    """SVG polyline points for a balance history (drawn inline: no chart library)."""
    values = [v for _, v in history] or [0]
    top, bottom = max(max(values), 1), min(min(values), 0)
    span = top - bottom or 1
    step = width / max(len(values) - 1, 1)
    points = " ".join(f"{i * step:.1f},{height - (v - bottom) * height / span:.1f}" for i, v in enumerate(values))
    return {"points": points, "width": width, "height": height, "max": top, "min": bottom}


# --- what reconciliation compares ----------------------------------------------------------

CROSSING_KINDS = {"topup": "topup", "refund": "refund", "dispute": "refund", "dispute_won": "refund",
                  "payout_paid": "payout", "payout_returned": "payout"}


def crossing_lines(start: datetime, end: datetime) -> list[dict]:
    """Our side: money that crossed the provider boundary in the period, signed as the provider sees it."""
    rows = db.session.scalars(select(Transfer).where(Transfer.reason.in_(CROSSING_KINDS), Transfer.created_at >= start,
                                                     Transfer.created_at < end).order_by(Transfer.id)).all()
    lines = []
    for t in rows:
        kind = CROSSING_KINDS[t.reason]
        if t.reason == "payout_returned":
            # Only a reversal after payment crossed the provider boundary (a refused payout never left).
            paid = db.session.scalar(select(Transfer.id).where(Transfer.key == f"payout:{t.payout_id}:paid"))
            if paid is None:
                continue
        sign = 1 if t.reason in ("topup", "payout_returned", "dispute_won") else -1
        ref = t.topup_id if kind in ("topup", "refund") else t.payout_id
        lines.append({"transfer_id": t.id, "kind": kind, "amount": sign * t.amount, "currency": t.currency, "ref": ref})
    return lines

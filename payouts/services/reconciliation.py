"""Reconciliation: our transfers against the provider's balance transactions, stored as a report."""

from __future__ import annotations

from datetime import datetime

from app.extensions import db
from payouts.models import Reconciliation
from payouts.providers import get_provider
from payouts.reports import crossing_lines


def reconcile(start: datetime, end: datetime, provider=None) -> Reconciliation:
    """Compare our transfers with the provider's balance transactions per (kind, currency, our
    reference) for ``[start, end)``; store and return the report (the caller commits).
    ``provider`` defaults to the configured one."""
    provider = get_provider() if provider is None else provider
    ours: dict[tuple, int] = {}
    for line in crossing_lines(start, end):
        key = (line["kind"], line["currency"], line["ref"])
        ours[key] = ours.get(key, 0) + line["amount"]
    theirs: dict[tuple, int] = {}
    for line in provider.balance_lines(start, end):
        key = (line.kind, line.currency, line.ref)
        theirs[key] = theirs.get(key, 0) + line.amount
    differences, matched = [], 0
    totals: dict[str, dict[str, int]] = {}
    for key in sorted(set(ours) | set(theirs), key=lambda k: (k[0], k[1], k[2] or 0)):
        kind, currency, ref = key
        a, b = ours.get(key), theirs.get(key)
        bucket = totals.setdefault(f"{kind}:{currency}", {"ledger": 0, "provider": 0})
        bucket["ledger"] += a or 0
        bucket["provider"] += b or 0
        if a == b:
            matched += 1
            continue
        problem = "missing_at_provider" if b is None else "missing_in_ledger" if a is None else "amount_differs"
        differences.append({"kind": kind, "currency": currency, "ref": ref, "ledger": a, "provider": b,
                            "problem": problem})
    report = Reconciliation(provider=provider.name, period_from=start, period_to=end, differences=len(differences),
                            result={"matched": matched, "differences": differences, "totals": totals})
    db.session.add(report)
    db.session.flush()
    return report

"""Property-based: any sequence of holds, releases, accruals, approvals, reversals, payouts and
replays keeps every ledger invariant. Each example runs in a savepoint that is rolled back."""

from __future__ import annotations

import itertools

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.errors import AppError
from app.extensions import db
from payouts import services
from payouts.models import Payout, Transfer
from payouts.postings import check_invariants

CAMPAIGN = 42
_ids = itertools.count(1_000_000)

operations = st.lists(st.one_of(
    st.tuples(st.just("hold"), st.integers(1, 6000)),
    st.tuples(st.just("release"), st.integers(1, 6000)),
    st.tuples(st.just("accrue"), st.integers(0, 4), st.integers(0, 1), st.integers(1, 3000)),
    st.tuples(st.just("approve"), st.integers(0, 4), st.integers(0, 3000)),
    st.tuples(st.just("reverse"), st.integers(0, 4), st.sampled_from(["escrow", "wallet"])),
    st.tuples(st.just("withdraw"), st.integers(0, 1), st.integers(1000, 4000)),
    st.tuples(st.just("settle"), st.integers(0, 1), st.booleans()),
    st.tuples(st.just("replay")),
), max_size=20)


def _apply(op, org_id: int, members: list[int], slots: dict[int, int], step: int):
    """Run one operation; return ``(key, replay)`` of the transfer it made (``replay`` repeats it)."""
    name = op[0]
    if name == "hold":
        key = f"hold:{step}"
        call = lambda: services.hold_escrow(CAMPAIGN, org_id, op[1], "CNY", key=key)  # noqa: E731
    elif name == "release":
        key = f"release:{step}"
        call = lambda: services.release_escrow(CAMPAIGN, org_id, op[1], "CNY", key=key)  # noqa: E731
    elif name == "accrue":
        interaction = slots.setdefault(op[1], next(_ids))
        key = f"accrue:{interaction}"
        call = lambda: services.accrue_earning(CAMPAIGN, interaction, members[op[2]], op[3], "CNY", key=key,  # noqa: E731
                                               org_id=org_id)
    elif name == "approve":
        interaction = slots.setdefault(op[1], next(_ids))
        key = f"approve:{interaction}"
        call = lambda: services.approve_earning(interaction, key=key, fee_bps=op[2])  # noqa: E731
    elif name == "reverse":
        interaction = slots.setdefault(op[1], next(_ids))
        key = f"reverse:{interaction}"
        call = lambda: services.reverse_earning(interaction, key=key, to=op[2])  # noqa: E731
    elif name == "withdraw":
        payout = services.request_payout(members[op[1]], op[2], "CNY", enqueue=False)
        return f"payout:{payout.id}:hold", None
    else:  # settle
        payout = db.session.scalar(sa.select(Payout).where(Payout.member_id == members[op[1]],
                                                           Payout.status == "requested"))
        if payout is None:
            return None, None
        if op[2]:
            services.mark_payout_paid(payout.id, f"ref-{payout.id}")
            return f"payout:{payout.id}:paid", None
        services.fail_payout(payout.id, "bank refused")
        return f"payout:{payout.id}:returned", None
    return key, (call, call().id)


@pytest.fixture
def world(enterprise, fund, create_user, payout_details) -> tuple[int, list[int]]:
    """One funded organization and two members with payout details, shared by every example."""
    _, org_id, _ = enterprise()
    fund(org_id, 200_00)
    members = [create_user("member"), create_user("member")]
    for member_id in members:
        payout_details(member_id)
    return org_id, members


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=operations)
def test_any_sequence_keeps_the_ledger_sound(app, world, ops):
    org_id, members = world
    with app.test_request_context():
        example = db.session.begin_nested()
        before = db.session.scalar(sa.select(sa.func.count()).select_from(Transfer))
        keys: set[str] = set()
        last = None
        slots: dict[int, int] = {}
        try:
            for step, op in enumerate(ops):
                if op[0] == "replay":
                    if last is not None:
                        call, transfer_id = last
                        assert call().id == transfer_id  # the same key again: the same transfer, no new effect
                    continue
                savepoint = db.session.begin_nested()
                try:
                    key, replay = _apply(op, org_id, members, slots, step)
                    savepoint.commit()
                except AppError:
                    savepoint.rollback()  # refused (overdraft, unknown earning, settled…): nothing written
                    continue
                if key is not None:
                    keys.add(key)
                if replay is not None:
                    last = replay
            assert check_invariants() == []
            after = db.session.scalar(sa.select(sa.func.count()).select_from(Transfer))
            assert after - before == len(keys)  # each key exactly one effect
            if keys:
                assert db.session.scalar(sa.select(sa.func.count()).where(Transfer.key.in_(keys))) == len(keys)
        finally:
            example.rollback()

"""Claims under real concurrency on PostgreSQL: separate connections, real commits, released together."""

import threading

import pytest

from app.extensions import db
from tests.conftest import PASSWORD, separate_app
from tests.marketplace.helpers import inbound

MEMBERS = 150
SEATS = 20


@pytest.fixture(scope="module")
def race_app(tmp_path_factory):
    yield from separate_app(tmp_path_factory, "claimrace",
                            postgres_only="claim races are a PostgreSQL property (SQLite runs one writer at a time)")


def _setup(application, seats=SEATS, members=MEMBERS, campaigns=1):
    """An org with published campaigns at the same times, and ``members`` members (bulk inserted)."""
    from app.auth import services as auth
    from app.auth.models import RoleGrant, User
    from app.database import commit
    from marketplace.campaigns import services
    from marketplace.campaigns.schemas import CampaignIn
    from marketplace.models import Shift
    from payouts.services import confirm_simulated_checkout, create_topup

    with application.test_request_context():
        admin = auth.register_user(email=f"boss{db.session.query(User).count()}@example.test",
                                   password=PASSWORD, name="Boss", role="enterprise", org_name="Racing Org")
        commit()
        shift_ids = []
        for _ in range(campaigns):
            topup = create_topup(admin.org_id, admin.id, 1_000_000, "CNY")
            confirm_simulated_checkout(topup.id, admin.org_id)
            campaign = services.create_campaign(admin.org_id, admin.id, CampaignIn().load(inbound()))
            services.change_state(campaign, "published", admin.id)
            commit()
            shift = db.session.query(Shift).filter_by(campaign_id=campaign.id).order_by(Shift.starts_at).first()
            shift.seats = seats
            commit()
            shift_ids.append(shift.id)
        start = db.session.query(User).count()
        rows = [{"email": f"racer{start + i}@example.test", "name": f"Racer {i}", "password_hash": "-",
                 "timezone": "UTC", "is_active": True} for i in range(members)]
        db.session.execute(User.__table__.insert(), rows)
        ids = [u.id for u in db.session.query(User).filter(User.email.in_([r["email"] for r in rows]))]
        db.session.execute(RoleGrant.__table__.insert(), [{"user_id": uid, "role": "member"} for uid in ids])
        commit()
    return shift_ids, ids


def _together(application, calls):
    """Run each ``call(index)`` in its own thread and app context, released at once; codes by index."""
    from app.database import commit, rollback
    from app.errors import AppError

    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(index):
        with application.test_request_context():
            barrier.wait()
            try:
                calls[index]()
                commit()
                results[index] = 201
            except AppError as exc:
                rollback()
                results[index] = (exc.status, exc.code)
            finally:
                db.session.remove()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return results


def test_many_members_racing_for_few_seats_get_exactly_the_seats(race_app, real_sessions):
    from app.auth.models import User
    from marketplace.models import Claim, Shift
    from marketplace.shifts import claims

    (shift_id,), member_ids = _setup(race_app)

    def claimer(member_id):
        return lambda: claims.claim_seat(db.session.get(User, member_id), shift_id)

    results = _together(race_app, [claimer(m) for m in member_ids])
    assert results.count(201) == SEATS
    assert all(r == (409, "shift_full") for r in results if r != 201), set(map(str, results))
    with race_app.app_context():
        assert db.session.get(Shift, shift_id).claimed == SEATS
        assert db.session.query(Claim).filter_by(shift_id=shift_id, state="claimed").count() == SEATS
        db.session.remove()


def test_one_member_cannot_hold_two_overlapping_seats_even_at_once(race_app, real_sessions):
    from app.auth.models import User
    from marketplace.models import Claim
    from marketplace.shifts import claims

    shift_ids, (member_id,) = _setup(race_app, seats=5, members=1, campaigns=6)

    def claimer(shift_id):
        return lambda: claims.claim_seat(db.session.get(User, member_id), shift_id)

    results = _together(race_app, [claimer(s) for s in shift_ids])
    assert results.count(201) == 1, results
    assert all(r == (409, "overlapping_claim") for r in results if r != 201)
    with race_app.app_context():
        assert db.session.query(Claim).filter_by(member_id=member_id, state="claimed").count() == 1
        db.session.remove()


def test_releases_and_claims_at_once_never_oversubscribe(race_app, real_sessions):
    from app.auth.models import User
    from marketplace.models import Claim, Shift
    from marketplace.shifts import claims

    (shift_id,), member_ids = _setup(race_app, seats=10, members=40)
    holders, others = member_ids[:10], member_ids[10:]
    with race_app.test_request_context():
        from app.database import commit

        held = [claims.claim_seat(db.session.get(User, m), shift_id).id for m in holders]
        commit()
        db.session.remove()

    def releaser(member_id, claim_id):
        return lambda: claims.release_claim(db.session.get(User, member_id), claim_id)

    def claimer(member_id):
        return lambda: claims.claim_seat(db.session.get(User, member_id), shift_id)

    calls = [releaser(m, c) for m, c in zip(holders[:5], held[:5], strict=True)] + [claimer(m) for m in others]
    results = _together(race_app, calls)
    assert results[:5] == [201] * 5  # every release went through
    with race_app.app_context():
        shift = db.session.get(Shift, shift_id)
        active = db.session.query(Claim).filter(Claim.shift_id == shift_id,
                                                Claim.state.in_(("claimed", "checked_in"))).count()
        assert shift.claimed == active <= shift.seats
        assert results[5:].count(201) == active - 5
        db.session.remove()

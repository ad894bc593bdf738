"""Signals: documented, sent exactly as declared, sent by account changes, and handled inside the
sender's transaction."""

import ast
import re
from pathlib import Path

import pytest
from sqlalchemy import select

from app import events

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("app", "academy", "certification", "marketplace", "payouts", "ledger", "telephony", "quality")


def test_every_signal_of_the_design_exists_with_documentation():
    names = {
        "user_registered", "role_granted", "role_revoked", "lesson_completed", "attempt_graded", "xp_awarded",
        "badge_awarded", "certification_granted", "certification_renewed", "certification_expired",
        "certification_revoked", "tags_recomputed", "campaign_changed", "seat_claimed", "claim_released",
        "claim_no_show", "shift_checked_in", "contacts_imported", "dnc_added", "interaction_started",
        "interaction_answered", "interaction_completed", "interaction_abandoned", "recording_accessed",
        "recording_ready",
        "qa_decided", "qa_reviewed", "qa_disputed", "dispute_resolved", "money_transferred", "payout_requested",
        "payout_paid", "payout_failed",
    }
    signals = events.all_signals()
    assert names <= set(signals)
    for name in names:
        assert signals[name].__doc__ and "kwargs" in signals[name].__doc__, name


def declared_kwargs(signal) -> set[str]:
    """The payload names a signal's doc declares after ``kwargs:`` (each name may be followed by a
    note in parentheses or "or None")."""
    text = signal.__doc__.split("kwargs:", 1)[1]
    parts, depth = [""], 0
    for char in text:
        depth += (char in "({[") - (char in ")}]")
        if char == "," and depth == 0:
            parts.append("")
        else:
            parts[-1] += char
    return {match.group(1) for part in parts if (match := re.match(r"\s*(\w+)", part))}


def signal_sends():
    """Every ``events.send(...)`` call in the project's source: ``(where, signal expression, kwargs)``;
    a ``**mapping`` shows as the kwarg ``None``."""
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")) if (ROOT / package).is_dir() else ():
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            for node in ast.walk(tree):
                if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                        and node.func.attr == "send"):
                    continue
                where = f"{path.relative_to(ROOT)}:{node.lineno}"
                target = node.func.value
                if isinstance(target, ast.Name) and target.id == "events":
                    yield where, node.args[0] if node.args else None, {k.arg for k in node.keywords}
                elif isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) and \
                        target.value.id == "events":  # events.<signal>.send(...) skips the sender and time
                    yield where, None, {k.arg for k in node.keywords}


def test_the_doc_parser_reads_names_and_skips_notes():
    assert declared_kwargs(events.contacts_imported) == {
        "campaign_id", "org_id", "accepted", "rejected", "import_id", "duplicates", "dnc_excluded"}
    assert declared_kwargs(events.dnc_added) == {
        "org_id", "number_hash", "phone_masked", "source", "entry_id", "actor_id"}


def test_every_signal_is_sent_with_exactly_the_kwargs_its_doc_declares():
    """A sender names a declared signal directly and passes each declared kwarg and no other."""
    signals = events.all_signals()
    problems = []
    sends = list(signal_sends())
    assert len(sends) > 20
    for where, target, kwargs in sends:
        if target is None:
            problems.append(f"{where}: send through events.send(events.<signal>, sender, ...)")
            continue
        if not (isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name)
                and target.value.id == "events"):
            problems.append(f"{where}: name the signal as events.<signal>, not {ast.unparse(target)}")
            continue
        if target.attr not in signals:
            problems.append(f"{where}: events.{target.attr} is not declared in app/events.py")
            continue
        if None in kwargs:
            problems.append(f"{where}: pass the payload of {target.attr} as named kwargs, not **mapping")
        declared = declared_kwargs(signals[target.attr])
        for name in sorted(kwargs - declared - {None}):
            problems.append(f"{where}: {target.attr} sends {name}, which its doc does not declare")
        for name in sorted(declared - kwargs) if None not in kwargs else ():
            problems.append(f"{where}: {target.attr} declares {name}, which is not sent")
    assert not problems, "\n".join(problems)


@pytest.fixture
def recorded():
    """Collect (signal, sender, payload) for the account signals during a test."""
    seen = []
    handlers = []
    for sig in (events.user_registered, events.role_granted, events.role_revoked, events.user_suspended,
                events.user_reinstated):
        def handler(sender, _sig=sig, **payload):
            seen.append((_sig.name, sender, payload))
        sig.connect(handler)
        handlers.append((sig, handler))
    yield seen
    for sig, handler in handlers:
        sig.disconnect(handler)


def test_sign_up_sends_user_registered_and_role_granted(client, recorded):
    response = client.post("/api/v1/auth/register", json={
        "email": "sig@example.test", "password": "a-good-password", "name": "Sig", "role": "member"})
    user_id = response.json["user"]["id"]
    assert [(name, sender) for name, sender, _ in recorded] == [("user_registered", "accounts"),
                                                               ("role_granted", "accounts")]
    registered = recorded[0][2]
    assert registered["user_id"] == user_id and registered["role"] == "member" and registered["org_id"] is None
    assert registered["occurred_at"].endswith("Z")
    # Payloads are plain values with no personal data.
    for _, _, payload in recorded:
        assert all(isinstance(v, int | str | type(None)) for v in payload.values())
        assert "sig@example.test" not in str(payload)


def test_role_changes_are_signalled(client, auth, create_user, user_email, recorded):
    admin = auth.headers(user_email(create_user("admin")))
    member_id = create_user("member")
    recorded.clear()
    client.post(f"/api/v1/admin/users/{member_id}/roles", json={"role": "trainer"}, headers=admin)
    client.delete(f"/api/v1/admin/users/{member_id}/roles/trainer", headers=admin)
    assert [(n, p["user_id"], p["role"]) for n, _, p in recorded] == [
        ("role_granted", member_id, "trainer"), ("role_revoked", member_id, "trainer")]


def test_suspension_and_reinstatement_have_their_own_signals(client, auth, create_user, user_email, recorded):
    admin_id = create_user("admin")
    admin = auth.headers(user_email(admin_id))
    member_id = create_user("member")
    recorded.clear()
    client.post(f"/api/v1/admin/users/{member_id}/suspend", json={"reason": "fraud"}, headers=admin)
    client.post(f"/api/v1/admin/users/{member_id}/reinstate", headers=admin)
    payloads = [(name, {k: v for k, v in payload.items() if k != "occurred_at"}) for name, _, payload in recorded]
    assert payloads == [
        ("user_suspended", {"user_id": member_id, "actor_id": admin_id, "reason": "fraud"}),
        ("user_reinstated", {"user_id": member_id, "actor_id": admin_id})]
    for name, payload in payloads:
        assert set(payload) == declared_kwargs(events.all_signals()[name])


def test_a_failed_sign_up_sends_nothing(client, recorded):
    client.post("/api/v1/auth/register", json={"email": "x@example.test", "password": "short", "name": "X",
                                               "role": "member"})
    assert recorded == []


def test_a_receiver_writes_inside_the_senders_transaction(app):
    """What a receiver writes commits with the change and disappears with its rollback (an outbox)."""
    from app.auth import services
    from app.auth.models import Organization
    from app.database import commit, rollback
    from app.extensions import db

    def _record_org(sender, user_id, **payload):
        db.session.add(Organization(name=f"written-by-receiver-{user_id}"))

    events.user_registered.connect(_record_org)
    try:
        with app.app_context():
            services.register_user(email="rolled@example.test", password="a-good-password", name="R", role="member")
            rollback()
            written = select(Organization.name).where(Organization.name.like("written-by-receiver-%"))
            assert db.session.scalars(written).all() == []

            user = services.register_user(email="kept@example.test", password="a-good-password", name="K",
                                          role="member")
            commit()
            names = db.session.scalars(written).all()
            assert names == [f"written-by-receiver-{user.id}"]
    finally:
        events.user_registered.disconnect(_record_org)


def test_after_commit_work_runs_only_after_commit(app):
    from app.database import after_commit, commit, rollback

    ran = []
    with app.app_context():
        after_commit(lambda: ran.append("rolled back"))
        rollback()
        commit()
        assert ran == []
        after_commit(lambda: ran.append("committed"))
        assert ran == []
        commit()
        assert ran == ["committed"]


def test_one_failing_after_commit_callback_does_not_stop_the_others(app):
    import pytest

    from app.database import after_commit, commit

    ran = []

    def _fails():
        raise ConnectionError("redis is down")

    with app.app_context():
        after_commit(lambda: ran.append("first"))
        after_commit(_fails)
        after_commit(lambda: ran.append("after the failure"))
        with pytest.raises(ConnectionError):
            commit()
        assert ran == ["first", "after the failure"]
        commit()  # nothing is left over for the next commit
        assert ran == ["first", "after the failure"]

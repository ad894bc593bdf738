"""The webhook door: a provider's signature check guards it, each event is recorded once per
provider, and the migration that made Stripe's event table everyone's keeps what it held."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from flask_migrate import downgrade, upgrade

from app import create_app, webhooks
from app.database import on_postgresql
from app.errors import BadRequest
from app.extensions import db
from tests.conftest import fresh_database_uri

REVISION, PREVIOUS = "0013", "0012"  # the migration that made the table, and the head before it


def test_an_event_is_recorded_once_per_provider(app):
    with app.app_context():
        first = webhooks.record_once("twilio", "CA1:completed", "call.status", {"CallSid": "CA1"})
        assert first is not None
        assert webhooks.record_once("twilio", "CA1:completed", "call.status", {"CallSid": "CA1"}) is None
        assert webhooks.record_once("stripe", "CA1:completed", "other", {}) is not None  # another provider's key
        webhooks.set_outcome(first, "applied")
        row = db.session.get(webhooks.WebhookEvent, first)
        assert (row.provider, row.type, row.outcome) == ("twilio", "call.status", "applied")
        db.session.rollback()


def test_an_outcome_for_a_row_rolled_back_meanwhile_changes_nothing(app):
    with app.app_context():
        row = webhooks.record_once("twilio", "CA2:completed", "call.status", {"CallSid": "CA2"})
        db.session.rollback()  # what recorded it was rolled back while the event was applied
        webhooks.set_outcome(row, "applied")  # no error: the provider's retry records it again
        assert db.session.get(webhooks.WebhookEvent, row) is None
        db.session.rollback()


def test_a_failed_signature_check_is_a_400(app):
    def check(payload, headers):
        raise webhooks.SignatureError("no signature")

    with app.test_request_context("/webhooks/example", method="POST", data=b"{}"), pytest.raises(BadRequest) as info:
        webhooks.verified("example", check)
    assert info.value.code == "bad_signature" and info.value.status == 400


@pytest.mark.parametrize("backend", ["configured", "sqlite"])
def test_the_migration_keeps_stripe_events_and_upgrades_from_the_previous_head(tmp_path_factory, backend):
    uri = (f"sqlite:///{tmp_path_factory.mktemp('webhook-migration')}/db.sqlite" if backend == "sqlite"
           else fresh_database_uri("webhook_migration", tmp_path_factory))
    application = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": uri,
                              "INSTANCE_PATH": str(tmp_path_factory.mktemp("instance-webhook-migration"))})
    with application.app_context():
        upgrade(revision=PREVIOUS)
        db.session.execute(sa.text(
            "INSERT INTO payout_webhook_events (event_id, type, outcome, received_at, payload) "
            "VALUES ('evt_1', 'checkout.session.completed', 'credited', CURRENT_TIMESTAMP, '{}')"))
        db.session.commit()
        upgrade(revision=REVISION)
        rows = db.session.execute(sa.text("SELECT provider, event_id, type, outcome FROM webhook_events")).all()
        assert [tuple(r) for r in rows] == [("stripe", "evt_1", "checkout.session.completed", "credited")]
        db.session.commit()
        assert webhooks.record_once("stripe", "evt_1", "checkout.session.completed", {}) is None  # a replay
        assert webhooks.record_once("twilio", "evt_1", "call.status", {}) is not None
        db.session.commit()
        names = {c["name"] for c in sa.inspect(db.engine).get_unique_constraints("webhook_events")}
        assert names == {"uq_webhook_events_provider_event_id"}
        assert sa.inspect(db.engine).get_pk_constraint("webhook_events")["name"] in ("pk_webhook_events", None)
        if on_postgresql(db.engine):
            sequence = db.session.scalar(sa.text("SELECT pg_get_serial_sequence('webhook_events', 'id')"))
            assert sequence == "public.webhook_events_id_seq"
        downgrade(revision=PREVIOUS)
        rows = db.session.execute(sa.text("SELECT event_id FROM payout_webhook_events")).all()
        assert [r[0] for r in rows] == ["evt_1"]
        db.session.commit()
        upgrade(revision="heads")
        db.session.remove()
        db.engine.dispose()

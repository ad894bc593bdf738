"""A payout account's number (and the free text of accounts saved before they were structured) is
encrypted at rest: the database holds only sealed bytes, the pages show it masked as before, and the
migration encrypts the rows that were plain (and decrypts them when downgraded)."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from app.database import commit
from app.extensions import db
from tests.conftest import separate_app

NUMBER = "6225881234567890"


def _raw_row(member_id: int) -> dict:
    return dict(db.session.execute(text("SELECT * FROM payout_destinations WHERE member_id = :m"),
                                   {"m": member_id}).mappings().one())


def test_the_account_number_is_sealed_in_the_database_and_read_back_whole(app, create_user):
    from payouts import methods, services
    from payouts.models import PayoutDestination

    member_id = create_user("member", name="Chen Mei")
    with app.app_context():
        services.save_payout_details(member_id, method="bank", holder="Chen Mei", bank_name="招商银行",
                                     account_number=NUMBER)
        db.session.flush()
        row = _raw_row(member_id)
        assert "account_number" not in row and "details" not in row
        sealed = bytes(row["account_number_encrypted"])
        assert NUMBER.encode() not in sealed and b"7890" not in sealed and len(sealed) > 28
        db.session.expire_all()
        destination = db.session.query(PayoutDestination).filter_by(member_id=member_id).one()
        assert destination.account_number == NUMBER
        assert methods.describe(destination) == "Bank ****7890, 招商银行"


def test_a_sealed_number_moved_to_another_column_does_not_open(app):
    from app.crypto import open_text, seal_text

    with app.app_context():
        sealed = seal_text(b"payouts:account-number", NUMBER)
        assert open_text(b"payouts:account-number", sealed) == NUMBER
        with pytest.raises(Exception):  # noqa: B017 - cryptography's InvalidTag
            open_text(b"payouts:account-details", sealed)


@pytest.fixture(scope="module")
def migrating_app(tmp_path_factory):
    yield from separate_app(tmp_path_factory, "payout-crypto")


def test_the_migration_encrypts_plain_rows_and_downgrading_decrypts_them(migrating_app):
    from flask_migrate import downgrade, upgrade

    from app.auth import services as accounts
    from payouts import services

    application = migrating_app
    with application.app_context():
        member = accounts.create_user(email="plain.account@example.test", password="a-good-password", name="Mei",
                                      role="member")
        services.save_payout_details(member.id, method="alipay", holder="Mei", account_number="13800001234")
        commit()
        member_id = member.id
        db.session.remove()
        downgrade(revision="0020")
        assert _raw_row(member_id)["account_number"] == "13800001234"  # as it was stored before
        db.session.execute(text("UPDATE payout_destinations SET details = 'pay me at 6225 8812 3456 7890' "
                                "WHERE member_id = :m"), {"m": member_id})
        db.session.commit()
        db.session.remove()
        upgrade(revision="heads")
        row = _raw_row(member_id)
        assert b"13800001234" not in bytes(row["account_number_encrypted"])
        assert b"7890" not in bytes(row["details_encrypted"])
        db.session.remove()
        from payouts.models import PayoutDestination

        destination = db.session.query(PayoutDestination).filter_by(member_id=member_id).one()
        assert destination.account_number == "13800001234" and destination.details.endswith("7890")
        db.session.remove()

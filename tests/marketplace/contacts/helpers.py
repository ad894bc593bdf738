"""Helpers of the contact-list tests, and the registry that lets a test prove numbers never leak.

Every raw phone number a test puts into the system goes through ``phone()``, which records it (in
each form someone could recognise it: national digits, E.164, with the country code but no
plus). ``leaks(text)`` names the registered numbers found in a response body.
"""

from __future__ import annotations

import copy
import io

from sqlalchemy import func, select

from tests.marketplace.helpers import INBOUND, OUTBOUND

# Every raw number used by the contact tests, in every recognisable form.
RAW_NUMBERS: set[str] = set()


def phone(national: str, country_code: str = "86") -> str:
    """Register a number (its national significant digits) and return the national digits. Only
    numbers of 7 digits or more: shorter ones are not phone numbers (and would match ids)."""
    assert len(national) >= 7, national
    RAW_NUMBERS.update({national, f"+{country_code}{national}", f"{country_code}{national}"})
    return national


def leaks(text: str) -> list[str]:
    return sorted(number for number in RAW_NUMBERS if number in text)


# Numbers used throughout (valid Chinese mobiles, a US and a Hong Kong number).
CN_1 = phone("13812345678")
CN_2 = phone("13912345678")
CN_3 = phone("15012345678")
CN_4 = phone("18611112222")
US_1 = phone("2015550123", "1")
HK_1 = phone("61234567", "852")


def outbound_body(**changes) -> dict:
    body = copy.deepcopy(OUTBOUND)
    body.update(changes)
    return body


def create_campaign(client, headers, body=None) -> dict:
    response = client.post("/api/v1/campaigns", json=body or outbound_body(), headers=headers)
    assert response.status_code == 201, response.json
    return response.json


def inbound_campaign(client, headers) -> dict:
    return create_campaign(client, headers, INBOUND)


def csv_bytes(rows: list[list[str]], encoding: str = "utf-8", header=("phone", "name", "city")) -> bytes:
    lines = [",".join(header)] + [",".join(row) for row in rows]
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


def upload(client, headers, campaign_id: int, data: bytes, filename: str = "contacts.csv", region: str | None = None):
    form = {"file": (io.BytesIO(data), filename, "text/csv")}
    if region is not None:
        form["region"] = region
    return client.post(f"/api/v1/campaigns/{campaign_id}/contacts", data=form, headers=headers,
                       content_type="multipart/form-data")


def run_jobs(app) -> None:
    """Run queued jobs now (with a real Redis queue; inline queues ran them already)."""
    from app.jobs import run_worker

    if not app.config.get("RQ_INLINE"):
        with app.app_context():
            run_worker(["default"], burst=True)


def import_file(app, client, headers, campaign_id: int, data: bytes, **kwargs) -> dict:
    """Upload, run the job, return the finished list's report."""
    accepted = upload(client, headers, campaign_id, data, **kwargs)
    assert accepted.status_code == 202, accepted.json
    run_jobs(app)
    report = client.get(f"/api/v1/contact-lists/{accepted.json['id']}", headers=headers)
    assert report.status_code == 200, report.json
    assert report.json["state"] == "done", report.json
    return report.json


def set_campaign_state(app, campaign_id: int, state: str) -> None:
    """Move a campaign directly (the lifecycle and its escrow are tested elsewhere)."""
    from app.database import commit
    from app.extensions import db
    from marketplace.models import Campaign

    with app.app_context():
        db.session.get(Campaign, campaign_id).state = state
        commit()


def count_rows(app, model) -> int:
    """The rows of ``model``'s table."""
    from app.extensions import db

    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model))

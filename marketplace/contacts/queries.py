"""Reads of contact lists: an import's progress and counts, its report (CSV), and masked contacts."""

from __future__ import annotations

import csv
import heapq
import io
from collections.abc import Iterator

from flask import Response, stream_with_context
from flask_babel import lazy_gettext as _l
from rq.exceptions import NoSuchJobError
from rq.job import Job
from sqlalchemy import func, select

from app.extensions import db, redis_store
from app.pii import mask_personal_numbers
from app.timeutil import isoformat
from marketplace.models import Contact, ContactList, DncEntry, ImportIssue

# What each reason code in an import report means, for the pages (the API and CSV carry the code).
REASONS = {
    "missing_phone": _l("No phone number"),
    "not_a_number": _l("Not a phone number"),
    "invalid_country_code": _l("Unknown country code"),
    "too_short": _l("Too short"),
    "too_long": _l("Too long"),
    "invalid_length": _l("Wrong number of digits"),
    "invalid_number": _l("Not a valid number"),
    "too_many_fields": _l("More cells than columns"),
    "name_too_long": _l("Name longer than 160 characters"),
    "duplicate_in_file": _l("Duplicate of an earlier row"),
    "already_in_campaign": _l("Already in this campaign"),
    "on_dnc_list": _l("On the Do-Not-Call list"),
}


def import_job(contact_list: ContactList) -> Job | None:
    """The list's import job as RQ still knows it, if it does."""
    if not contact_list.job_id:
        return None
    try:
        return Job.fetch(contact_list.job_id, connection=redis_store.connection)
    except (NoSuchJobError, ValueError):
        return None


def progress(contact_list: ContactList) -> dict:
    """``{"done", "total", "message"}`` in rows: from the running job, or the final counts."""
    if contact_list.state in ("done", "failed"):
        return {"done": contact_list.total_rows, "total": contact_list.total_rows, "message": ""}
    job = import_job(contact_list)
    found = (job.meta.get("progress") if job is not None else None) or {}
    total = found.get("total") or contact_list.total_rows
    return {"done": min(found.get("done") or 0, total or 0), "total": total, "message": found.get("message") or ""}


def reason_counts(list_id: int) -> list[dict]:
    rows = db.session.execute(
        select(ImportIssue.status, ImportIssue.reason, func.count()).where(ImportIssue.list_id == list_id)
        .group_by(ImportIssue.status, ImportIssue.reason).order_by(func.count().desc(), ImportIssue.reason)).all()
    return [{"status": status, "reason": reason, "count": count} for status, reason, count in rows]


def list_json(contact_list: ContactList, *, detail: bool = False) -> dict:
    body = {name: getattr(contact_list, name) for name in (
        "id", "campaign_id", "filename", "default_region", "state", "job_id", "encoding", "total_rows", "accepted",
        "rejected", "duplicates", "dnc_excluded", "error", "created_at", "finished_at")}
    body["progress"] = progress(contact_list)
    if detail:
        body["reasons"] = reason_counts(contact_list.id)
    return body


def contact_json(contact: Contact) -> dict:
    """A contact as anyone outside the telephony bridge sees it: the number masked, and the numbers
    in its name and attributes too (they are stored masked; masking again also covers rows imported
    before that)."""
    attributes = {key: mask_personal_numbers(value, contact.region) if isinstance(value, str) else value
                  for key, value in (contact.attributes or {}).items()}
    return {"id": contact.id, "campaign_id": contact.campaign_id, "list_id": contact.list_id,
            "row_number": contact.row_number, "phone_masked": contact.phone_masked, "region": contact.region,
            "time_zone": contact.time_zone, "name": mask_personal_numbers(contact.name, contact.region),
            "attributes": attributes,
            "state": contact.state, "attempts": contact.attempts, "last_disposition": contact.last_disposition,
            "next_attempt_at": isoformat(contact.next_attempt_at), "dial_refusal": contact.dial_refusal,
            "dial_refused_at": isoformat(contact.dial_refused_at)}


def entry_json(entry: DncEntry) -> dict:
    return {"id": entry.id, "scope": "platform" if entry.org_id is None else "organization",
            "phone_masked": entry.phone_masked, "source": entry.source, "created_at": entry.created_at}


def issues(list_id: int, *, limit: int = 100, statuses: tuple[str, ...] = ("rejected", "duplicate", "dnc")) -> list:
    return list(db.session.scalars(select(ImportIssue).where(ImportIssue.list_id == list_id,
                                                            ImportIssue.status.in_(statuses))
                                   .order_by(ImportIssue.row_number).limit(limit)))


def _accepted_rows(list_id: int) -> Iterator[tuple]:
    stmt = (select(Contact.row_number, Contact.phone_masked).where(Contact.list_id == list_id)
            .order_by(Contact.row_number).execution_options(yield_per=5000))
    for row_number, masked in db.session.execute(stmt):
        yield row_number, "accepted", "", masked


def _issue_rows(list_id: int) -> Iterator[tuple]:
    stmt = (select(ImportIssue.row_number, ImportIssue.status, ImportIssue.reason, ImportIssue.detail)
            .where(ImportIssue.list_id == list_id).order_by(ImportIssue.row_number)
            .execution_options(yield_per=5000))
    for row in db.session.execute(stmt):
        yield tuple(row)


def report_csv(contact_list: ContactList) -> Iterator[str]:
    """The import report as CSV text, row by row of the file: ``row,status,reason,detail``.

    Streamed (a million-row report is never in memory); ``detail`` is the masked number. Starts with
    a BOM so that spreadsheet programs read it as UTF-8."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    buffer.write("\ufeff")
    writer.writerow(["row", "status", "reason", "detail"])
    merged = heapq.merge(_accepted_rows(contact_list.id), _issue_rows(contact_list.id), key=lambda r: r[0])
    for count, (row_number, status, reason, detail) in enumerate(merged, start=1):
        writer.writerow([row_number, status, reason, detail or ""])
        if count % 2000 == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def report_response(contact_list: ContactList) -> Response:
    filename = f"contact-list-{contact_list.id}-report.csv"
    return Response(stream_with_context(report_csv(contact_list)), mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})

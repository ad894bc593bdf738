"""Contact lists of outbound campaigns: accept an upload, follow its import, report on it.

The import itself is the job in ``marketplace.contact_import``; this module takes the upload
(checked whole before anything is written), queues the job and reads the results back —
always with masked numbers.
"""

from __future__ import annotations

import csv
import functools
import heapq
import io
import logging
from collections.abc import Iterator
from datetime import timedelta

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from rq.exceptions import NoSuchJobError
from rq.job import Job, JobStatus
from sqlalchemy import func, select

from app.database import on_rollback
from app.errors import Conflict, ValidationError
from app.extensions import db, redis_store
from app.jobs import enqueue
from app.timeutil import isoformat, utcnow
from marketplace import contact_files, dnc
from marketplace.contact_import import IMPORTING_STATES, import_contact_list
from marketplace.models import Campaign, Contact, ContactList, ImportIssue

logger = logging.getLogger(__name__)

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


def _display_name(filename: str | None) -> str:
    """The uploaded file's name as shown back (Chinese names kept): no folders, no control characters."""
    name = (filename or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if ch.isprintable()).strip()
    return name[:255] or "contacts.csv"


def check_accepts_contacts(campaign: Campaign) -> None:
    if campaign.kind != "outbound":
        raise Conflict(_("Contact lists are for outbound campaigns."), code="not_outbound")
    if campaign.state not in IMPORTING_STATES:
        raise Conflict(_("A %(state)s campaign accepts no more contacts.", state=campaign.state),
                       code="campaign_closed")


def start_import(campaign: Campaign, actor_id: int, upload, region: str | None) -> ContactList:
    """Check the uploaded CSV whole, keep it for the job and queue the import (after commit).

    ``upload`` is a werkzeug ``FileStorage``. Bad files are a 422 and nothing is written.
    """
    check_accepts_contacts(campaign)
    region = dnc.check_region(region)
    if upload is None:
        raise ValidationError(fields={"file": _("Choose a CSV file.")})
    scanned = contact_files.scan_upload(upload.stream)
    filename = _display_name(upload.filename)
    contact_list = ContactList(campaign_id=campaign.id, org_id=campaign.org_id, filename=filename,
                               default_region=region, state="queued", encoding=scanned.encoding,
                               total_rows=scanned.estimated_rows, uploaded_by_id=actor_id)
    db.session.add(contact_list)
    db.session.flush()
    contact_files.store(contact_list.id, upload.stream)
    on_rollback(functools.partial(contact_files.discard, contact_list.id))  # a failed upload keeps no file
    _queue_import(contact_list, actor_id)
    db.session.flush()
    logger.info("Contact list %s (%s bytes, %s) uploaded to campaign %s by %s", contact_list.id, scanned.size,
                scanned.encoding, campaign.id, actor_id)
    return contact_list


def _queue_import(contact_list: ContactList, actor_id: int | None) -> None:
    contact_list.job_id = enqueue(import_contact_list, contact_list.id, owner_id=actor_id,
                                  description=f"contact import {contact_list.id}")


# A job in one of these states will still run (or is running); any other, or none, will not.
_PENDING_JOB = (JobStatus.QUEUED, JobStatus.SCHEDULED, JobStatus.DEFERRED)


def resume_stalled_imports(older_than: timedelta, limit: int = 100) -> list[int]:
    """Queue again the imports that no job will finish: the list is still queued or running
    ``older_than`` after its upload, and its job was lost (Redis was down when it was to be
    queued), gave up, or died with its worker. Returns the lists' ids.

    A list being imported is locked by its run: on PostgreSQL such lists are skipped here, so a
    run that is only slow is left alone, and a "running" list nobody holds is one whose worker
    died. Queuing one import twice is harmless (see ``import_contact_list``)."""
    query = (select(ContactList)
             .where(ContactList.state.in_(("queued", "running")), ContactList.created_at < utcnow() - older_than)
             .order_by(ContactList.id).limit(limit))
    postgres = db.engine.dialect.name == "postgresql"
    if postgres:
        query = query.with_for_update(skip_locked=True)
    resumed = []
    for contact_list in db.session.scalars(query):
        job = _import_job(contact_list)
        status = job.get_status(refresh=False) if job is not None else None
        if status in _PENDING_JOB:
            continue
        if status == JobStatus.STARTED and not (postgres and contact_list.state == "running"):
            continue  # its worker may be at it: only PostgreSQL's row lock tells a dead run apart
        # (A list whose file is gone is queued too: its job then fails it, saying why.)
        _queue_import(contact_list, contact_list.uploaded_by_id)
        resumed.append(contact_list.id)
    if resumed:
        logger.warning("Contact imports %s had no live job; queued again", resumed)
    return resumed


def _import_job(contact_list: ContactList) -> Job | None:
    """The list's import job as RQ still knows it, if it does."""
    if not contact_list.job_id:
        return None
    try:
        return Job.fetch(contact_list.job_id, connection=redis_store.connection)
    except (NoSuchJobError, ValueError):
        return None


# --- reading back ------------------------------------------------------------------------------

def progress(contact_list: ContactList) -> dict:
    """``{"done", "total", "message"}`` in rows: from the running job, or the final counts."""
    if contact_list.state in ("done", "failed"):
        return {"done": contact_list.total_rows, "total": contact_list.total_rows, "message": ""}
    job = _import_job(contact_list)
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
    """A contact as anyone outside the telephony bridge sees it: the number masked."""
    return {"id": contact.id, "campaign_id": contact.campaign_id, "list_id": contact.list_id,
            "row_number": contact.row_number, "phone_masked": contact.phone_masked, "region": contact.region,
            "time_zone": contact.time_zone, "name": contact.name, "attributes": contact.attributes or {},
            "state": contact.state, "attempts": contact.attempts, "last_disposition": contact.last_disposition,
            "next_attempt_at": isoformat(contact.next_attempt_at)}


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

"""Contact lists of outbound campaigns: accept an upload and queue its import.

The import itself is the job ``contacts.tasks.import_contact_list``; this module takes the upload
(checked whole before anything is written), queues the job and reads the results back —
always with masked numbers.
"""

from __future__ import annotations

import functools
import logging
from datetime import timedelta

from flask_babel import gettext as _
from rq.job import JobStatus
from sqlalchemy import select

from app.database import on_postgresql, on_rollback
from app.errors import Conflict, ValidationError
from app.extensions import db
from app.jobs import enqueue
from app.pii import mask_personal_numbers
from app.timeutil import utcnow
from marketplace.contacts import dnc
from marketplace.contacts import files as contact_files
from marketplace.contacts.importer import IMPORTING_STATES
from marketplace.contacts.queries import import_job
from marketplace.labels import CAMPAIGN_STATE_LABELS
from marketplace.models import Campaign, ContactList

logger = logging.getLogger(__name__)

def _display_name(filename: str | None, region: str) -> str:
    """The uploaded file's name as shown back (Chinese names kept): no folders, no control characters,
    no phone number (``客户13481770091.csv``)."""
    name = (filename or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if ch.isprintable()).strip()
    return mask_personal_numbers(name[:255], region) or "contacts.csv"


def check_accepts_contacts(campaign: Campaign) -> None:
    if campaign.kind != "outbound":
        raise Conflict(_("Contact lists are for outbound campaigns."), code="not_outbound")
    if campaign.state not in IMPORTING_STATES:
        raise Conflict(_("This campaign accepts no more contacts (%(state)s).",
                         state=CAMPAIGN_STATE_LABELS[campaign.state]),
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
    filename = _display_name(upload.filename, region)
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
    contact_list.job_id = enqueue("marketplace.contacts.tasks.import_contact_list", contact_list.id, owner_id=actor_id,
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
    postgres = on_postgresql()
    if postgres:
        query = query.with_for_update(skip_locked=True)
    resumed = []
    for contact_list in db.session.scalars(query):
        job = import_job(contact_list)
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

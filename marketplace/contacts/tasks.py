"""Contact jobs: the import of an uploaded list, and the sweep that resumes imports no job will finish."""

from __future__ import annotations

import logging
from datetime import timedelta

from flask_babel import gettext as _
from rq import Retry

from app.database import after_commit, commit, rollback
from app.extensions import db
from app.jobs import job
from marketplace.contacts import files as contact_files
from marketplace.contacts import importer, lists
from marketplace.models import ContactList

logger = logging.getLogger(__name__)

STALLED_IMPORTS_EVERY = timedelta(minutes=10)
STALLED_IMPORT_AFTER = timedelta(minutes=15)  # after the upload: a queued import has started long before


@job("default", timeout=4 * 3600, swept_by="marketplace-stalled-imports")
def import_contact_list(list_id: int) -> dict:
    """Import an uploaded list. Safe to run twice: a finished list is left as it is.

    Two transactions: the list shows as running at once, then the import itself is one (a failure
    leaves no contacts behind, and the list says why)."""
    contact_list = db.session.get(ContactList, list_id)
    if contact_list is None:
        return {"error": "no such contact list"}
    if not importer.begin(list_id):
        db.session.refresh(contact_list)
        return importer.summary_counts(contact_list)
    commit()  # visible to the pages at once; the import itself is the next, single transaction
    try:
        result = importer.run(list_id)
    except importer.ImportFailed as exc:
        rollback()
        _fail(list_id, str(exc))
        return {"error": str(exc)}
    except Exception:
        rollback()
        _fail(list_id, _("The import stopped on an unexpected error; nothing was imported. Try again."))
        raise
    after_commit(lambda: contact_files.discard(list_id))
    return result


def _fail(list_id: int, message: str) -> None:
    importer.fail(list_id, message)
    commit()
    contact_files.discard(list_id)


@job("default", retry=Retry(max=3, interval=[30, 120, 600]))
def resume_stalled_imports() -> int:
    """Queue again the contact imports that no job will finish (a periodic sweep, every ten minutes):
    an upload whose job was lost while Redis was down, or whose worker died, would otherwise wait
    for nothing."""
    return len(lists.resume_stalled_imports(STALLED_IMPORT_AFTER))

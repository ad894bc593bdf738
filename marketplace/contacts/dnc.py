"""Do-Not-Call lists: an enterprise's own (``org_id``) and the platform's (``org_id`` NULL).

Entries hold the number's keyed hash and its masked form, never the number. A number is blocked
for an enterprise when it is on that enterprise's list or on the platform's. The list is checked
when contacts are imported and again at the moment of dialing (``marketplace.contacts``).
"""

from __future__ import annotations

import csv
import logging

from flask_babel import gettext as _
from sqlalchemy import exists, or_, select

from app import events
from app.errors import ValidationError
from app.extensions import db
from marketplace.contacts import files as contact_files
from marketplace.contacts.phones import SUPPORTED_REGIONS, PhoneNormalizer, mask_digits, mask_input
from marketplace.contacts.vault import vault
from marketplace.models import DncEntry

logger = logging.getLogger(__name__)

MAX_NUMBERS = 10_000  # per request or file
MAX_FILE_BYTES = 1024 * 1024
SOURCES = ("upload", "opt_out", "admin")


def check_region(region: str | None) -> str:
    """A supported two-letter region (default CN), or a 422."""
    region = (region or "CN").strip().upper()
    if region not in SUPPORTED_REGIONS:
        raise ValidationError(fields={"region": _("Unknown region: use a two-letter code such as CN or US.")})
    return region


def blocked_for(org_id_column, hash_column):
    """A SQL condition: the row's number is on its organization's or the platform's DNC list."""
    return exists().where(DncEntry.phone_hash == hash_column,
                          or_(DncEntry.org_id == org_id_column, DncEntry.org_id.is_(None)))


def is_blocked(org_id: int, phone_hash: str) -> bool:
    return bool(db.session.scalar(select(exists().where(
        DncEntry.phone_hash == phone_hash, or_(DncEntry.org_id == org_id, DncEntry.org_id.is_(None))))))


def _listed(org_id: int | None, hashes: list[str]) -> set[str]:
    scope = DncEntry.org_id.is_(None) if org_id is None else DncEntry.org_id == org_id
    found: set[str] = set()
    for start in range(0, len(hashes), 5000):
        found.update(db.session.scalars(select(DncEntry.phone_hash).where(
            scope, DncEntry.phone_hash.in_(hashes[start:start + 5000]))))
    return found


def add_entry(org_id: int | None, phone_hash: str, masked: str, source: str, actor_id: int | None) -> DncEntry:
    """Put one number (by hash) on a list, if it is not there yet; the entry either way."""
    scope = DncEntry.org_id.is_(None) if org_id is None else DncEntry.org_id == org_id
    entry = db.session.scalar(select(DncEntry).where(scope, DncEntry.phone_hash == phone_hash).limit(1))
    if entry is not None:
        return entry
    entry = DncEntry(org_id=org_id, phone_hash=phone_hash, phone_masked=masked, source=source,
                     created_by_id=actor_id)
    db.session.add(entry)
    db.session.flush()
    _announce(entry, actor_id)
    return entry


def _announce(entry: DncEntry, actor_id: int | None) -> None:
    events.send(events.dnc_added, "marketplace", org_id=entry.org_id, number_hash=entry.phone_hash,
                phone_masked=entry.phone_masked, source=entry.source, entry_id=entry.id, actor_id=actor_id)


def add_numbers(numbers: list[str], region: str, org_id: int | None, actor_id: int | None,
                source: str = "upload") -> dict:
    """Add typed or uploaded numbers to a list. Invalid ones are reported (masked), not added.

    Returns ``{"received", "added", "already_listed", "duplicates", "invalid", "problems": [{"index",
    "reason", "detail"}]}`` (``index`` counts from 1 in the order given; at most 100 problems are listed)."""
    if len(numbers) > MAX_NUMBERS:
        raise ValidationError(fields={"numbers": _("At most %(max)s numbers at a time.", max=MAX_NUMBERS)})
    normalizer = PhoneNormalizer(check_region(region))
    phone_vault = vault()
    problems: list[dict] = []
    wanted: dict[str, str] = {}  # hash -> masked, in the order given
    invalid = 0
    for index, raw in enumerate(numbers, start=1):
        phone = normalizer.normalize(raw or "")
        if isinstance(phone, str):
            invalid += 1
            if len(problems) < 100:
                problems.append({"index": index, "reason": phone, "detail": mask_input(raw or "")})
            continue
        wanted.setdefault(phone_vault.phone_hash(phone.e164), mask_digits(phone.national))
    listed = _listed(org_id, list(wanted))
    added = [DncEntry(org_id=org_id, phone_hash=h, phone_masked=m, source=source, created_by_id=actor_id)
             for h, m in wanted.items() if h not in listed]
    db.session.add_all(added)
    db.session.flush()
    for entry in added:
        _announce(entry, actor_id)
    logger.info("DNC %s: %s numbers added by %s (%s already listed, %s invalid)",
                "platform" if org_id is None else f"org {org_id}", len(added), actor_id, len(listed), invalid)
    return {"received": len(numbers), "added": len(added), "already_listed": len(wanted) - len(added),
            "duplicates": len(numbers) - invalid - len(wanted), "invalid": invalid, "problems": problems}


def numbers_from_text(text: str) -> list[str]:
    """One number per line, or separated by commas or semicolons (the page's text box)."""
    return [part.strip() for line in text.splitlines() for part in line.replace(";", ",").split(",")
            if part.strip()]


def numbers_from_file(data: bytes) -> list[str]:
    """The numbers of an uploaded DNC file: its phone column if the first row names one, else the
    first column of every row. UTF-8 (with or without a BOM) or GB18030."""
    if len(data) > MAX_FILE_BYTES:
        raise ValidationError(_("The file is larger than 1 MiB; split it."), code="file_too_large",
                              fields={"file": _("The file is larger than 1 MiB; split it.")})
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        message = _("The file is not text in UTF-8 or GB18030. Save it as CSV (UTF-8) and upload it again.")
        raise ValidationError(message, code="undecodable_file", fields={"file": message})
    if "\x00" in text:
        message = _("The file is not a CSV file.")
        raise ValidationError(message, code="not_csv", fields={"file": message})
    rows = [row for row in csv.reader(text.splitlines()) if row and any(cell.strip() for cell in row)]
    if not rows:
        return []
    folded = [contact_files.fold_header(cell) for cell in rows[0]]
    column = next((i for i, name in enumerate(folded) if name in contact_files.PHONE_HEADERS), None)
    if column is None:
        return [row[0].strip() for row in rows]
    return [row[column].strip() for row in rows[1:] if len(row) > column]

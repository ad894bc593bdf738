"""The contact import: stream a kept CSV, normalise, dedupe, scrub against DNC, bulk insert (the job
that runs it, and commits, is ``contacts.tasks.import_contact_list``).

The whole import is one transaction (a failure leaves no contacts behind) under a per-campaign
lock, so two imports into one campaign cannot both pass the duplicate check. Rows are read as a
stream and handled in batches of ``BATCH_ROWS``: a DNC check (against the lists read once, or one
query per batch when they are huge), a check against the campaign's earlier contacts (if it has
any) and one bulk insert — ``COPY`` through the driver connection on PostgreSQL, overlapping the
reading of the next batch; ``executemany`` on SQLite. The job's progress is reported after each
batch. Only a set of the accepted numbers (as integers) is kept for the whole file, for dedupe
inside it; ``phonenumbers``' slow parts are avoided or cached (``contacts.phones``).
"""

from __future__ import annotations

import csv
import json
import logging
import os
import re
import threading

from flask_babel import gettext as _
from sqlalchemy import func, select, text, update

from app import events
from app.database import on_postgresql
from app.errors import AppError
from app.extensions import db
from app.jobs import report_progress
from app.pii import mask_personal_numbers
from app.timeutil import utcnow
from marketplace.contacts import files as contact_files
from marketplace.contacts.phones import PhoneNormalizer, choose_time_zone, mask_digits, mask_input
from marketplace.contacts.vault import NONCE_BYTES, vault
from marketplace.labels import CAMPAIGN_STATE_LABELS
from marketplace.models import Campaign, Contact, ContactList, DncEntry

logger = logging.getLogger(__name__)

BATCH_ROWS = 5000
DNC_IN_MEMORY = 500_000  # entries: about 60 MB of hashes at most
MAX_NAME_CHARS = 160
IMPORTING_STATES = ("draft", "published", "running", "paused")
CONTACT_COLUMNS = ("campaign_id", "org_id", "list_id", "row_number", "phone_hash", "phone_encrypted",
                   "phone_masked", "region", "time_zone", "name", "attributes", "details_encrypted", "state",
                   "attempts")
ISSUE_COLUMNS = ("list_id", "row_number", "status", "reason", "detail")
# Numbers of a batch on the organization's or the platform's DNC list; already in the campaign.
_DNC_SQL = "SELECT phone_hash FROM dnc_entries WHERE phone_hash {hashes} AND (org_id = {scope} OR org_id IS NULL)"
_EXISTING_SQL = "SELECT phone_hash FROM contacts WHERE phone_hash {hashes} AND campaign_id = {scope}"
_PHONE_LIKE = re.compile(r"\+?[\d\s().-]{7,24}")
MASK_CACHE = 100_000  # masked forms of cell values kept per import (cities, dates, products repeat)
_json = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_ADVISORY_NAMESPACE = 0x0C0A  # pg_advisory_xact_lock(namespace, campaign_id): one import per campaign at a time


class ImportFailed(Exception):
    """The file cannot be imported; the message is shown to the enterprise as the list's error."""


def begin(list_id: int) -> bool:
    """Mark the list running; False when it is neither queued nor left running by a lost run.

    Only a queued list, or one whose earlier run was lost, starts (again), and the UPDATE itself
    checks that: a run still importing holds the list's row, so a second run of the same list (a
    retry, the stalled-import sweep) waits here, then finds it done and imports nothing twice."""
    started = db.session.execute(update(ContactList).where(
        ContactList.id == list_id, ContactList.state.in_(("queued", "running"))).values(state="running"))
    return started.rowcount == 1


def fail(list_id: int, message: str) -> None:
    """Record why the list could not be imported (the caller has rolled its import back)."""
    contact_list = db.session.get(ContactList, list_id)
    contact_list.state = "failed"
    contact_list.error = message[:2000]
    contact_list.finished_at = utcnow()
    db.session.flush()
    logger.warning("Contact list %s failed: %s", list_id, message)


def summary_counts(contact_list: ContactList) -> dict:
    return {name: getattr(contact_list, name) for name in (
        "id", "state", "total_rows", "accepted", "rejected", "duplicates", "dnc_excluded", "error")}


def _lock_campaign(campaign_id: int) -> None:
    if on_postgresql():
        db.session.execute(text("SELECT pg_advisory_xact_lock(:ns, :id)"),
                           {"ns": _ADVISORY_NAMESPACE, "id": campaign_id})


_NULL = "\\N"
_COPY_SPECIAL = re.compile(r"[\\\t\n\r]")
_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _copy_value(value) -> str:
    """One field in PostgreSQL's COPY text format."""
    kind = value.__class__
    if kind is str:
        return value.translate(_COPY_ESCAPES) if _COPY_SPECIAL.search(value) else value
    if kind is int:
        return str(value)
    if value is None:
        return _NULL
    if kind is bytes:
        return "\\\\x" + value.hex()
    return str(value)


class _Writer:
    """Bulk inserts of fixed, known columns straight to the driver (no input reaches SQL text).

    On PostgreSQL a batch is one ``COPY``, formatted here and sent from a second thread, so that
    the server works on one batch while this process reads and encrypts the next (psycopg waits
    for the server without the GIL). Every other statement first waits for that COPY to end."""

    def __init__(self) -> None:
        self.connection = db.session.connection()
        self.postgres = on_postgresql()
        self._copying: threading.Thread | None = None
        self._failure: BaseException | None = None

    def settle(self) -> None:
        """Let a running COPY end, keeping quiet about its failure (the caller already failed)."""
        if self._copying is not None:
            self._copying.join()
            self._copying = None
        self._failure = None

    def wait(self) -> None:
        if self._copying is not None:
            self._copying.join()
            self._copying = None
        if self._failure is not None:
            failure, self._failure = self._failure, None
            raise failure

    def _copy(self, sql: str, data: str) -> None:
        try:
            raw = self.connection.connection.driver_connection
            with raw.cursor() as cursor, cursor.copy(sql) as copy:
                copy.write(data)
        except BaseException as exc:  # handed to the main thread by wait()
            self._failure = exc

    def matching(self, sql: str, hashes: list[str], scope_id: int) -> set[str]:
        """The hashes among ``hashes`` that ``sql`` finds (one array parameter on PostgreSQL: a
        5,000-item IN list costs more to build and parse than to run)."""
        self.wait()
        if self.postgres:
            found = self.connection.exec_driver_sql(sql.format(hashes="= ANY(%s)", scope="%s"), (hashes, scope_id))
        else:
            marks = ", ".join("?" * len(hashes))
            found = self.connection.exec_driver_sql(sql.format(hashes=f"IN ({marks})", scope="?"),
                                                    (*hashes, scope_id))
        return {row[0] for row in found}

    def write(self, table: str, columns: tuple[str, ...], rows: list[tuple], *, background: bool = False) -> None:
        self.wait()
        if not rows:
            return
        names = ", ".join(columns)
        if self.postgres:
            # Rows as tuples, or lines already in COPY text format (the hot path formats its own).
            data = "".join(row if row.__class__ is str else "\t".join(map(_copy_value, row)) + "\n" for row in rows)
            sql = f"COPY {table} ({names}) FROM STDIN"
            if background:
                self._copying = threading.Thread(target=self._copy, args=(sql, data), name="contact-copy")
                self._copying.start()
            else:
                self._copy(sql, data)
                self.wait()
        else:
            marks = ", ".join("?" * len(columns))
            self.connection.exec_driver_sql(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)  # noqa: S608


class _Import:
    def __init__(self, contact_list: ContactList, campaign: Campaign, estimate: int) -> None:
        self.list = contact_list
        self.campaign = campaign
        self.estimate = estimate
        self.normalizer = PhoneNormalizer(contact_list.default_region)
        self.vault = vault()
        self.writer = _Writer()
        self.seen: set[int] = set()
        self.pending: list[tuple] = []
        self.issues: list[tuple] = []
        self.zones: dict[tuple, str] = {}
        self.masks: dict[str, str] = {}
        # A DNC list of ordinary size is read once; a huge one is queried batch by batch. Contacts
        # already in the campaign are looked up only if there are any (the campaign lock keeps it so).
        dnc_size = db.session.scalar(select(func.count()).select_from(DncEntry).where(
            (DncEntry.org_id == contact_list.org_id) | DncEntry.org_id.is_(None)))
        self.dnc_hashes: set[str] | None = None
        if dnc_size <= DNC_IN_MEMORY:
            self.dnc_hashes = set(db.session.scalars(select(DncEntry.phone_hash).where(
                (DncEntry.org_id == contact_list.org_id) | DncEntry.org_id.is_(None))))
        self.campaign_had_contacts = db.session.scalar(
            select(Contact.id).where(Contact.campaign_id == campaign.id).limit(1)) is not None
        self.total = self.accepted = self.rejected = self.duplicates = self.dnc = 0

    def reject(self, row_number: int, status: str, reason: str, detail: str | None) -> None:
        self.issues.append((self.list.id, row_number, status, reason, detail))

    def add(self, row_number: int, cells: list[str], header: contact_files.Header) -> None:
        self.total += 1
        width = len(header.columns)
        while len(cells) > width and not cells[-1].strip():
            cells.pop()
        raw = cells[header.phone_index] if header.phone_index < len(cells) else ""
        if len(cells) > width:
            self.rejected += 1
            self.reject(row_number, "rejected", "too_many_fields", mask_input(raw))
            return
        phone = self.normalizer.normalize(raw)
        if phone.__class__ is str:
            self.rejected += 1
            self.reject(row_number, "rejected", phone, mask_input(raw))
            return
        name = shown_name = None
        if header.name_index is not None and header.name_index < len(cells):
            name = cells[header.name_index].strip() or None
            if name and len(name) > MAX_NAME_CHARS:
                self.rejected += 1
                self.reject(row_number, "rejected", "name_too_long", mask_digits(phone.national))
                return
            shown_name = name and self._masked(name)
        key = int(phone.e164[1:])
        if key in self.seen:
            self.duplicates += 1
            self.reject(row_number, "duplicate", "duplicate_in_file", mask_digits(phone.national))
            return
        self.seen.add(key)
        columns = header.columns
        attributes = {columns[i]: value for i in header.attribute_indexes
                      if i < len(cells) and (value := cells[i].strip())}
        shown = {key: self._shown_attribute(value) for key, value in attributes.items()}
        # As the file had them, the name and cells are kept only encrypted (with the number's key).
        raw = _json({"name": name, "attributes": attributes}) if attributes or shown_name != name else None
        self.pending.append((row_number, phone, shown_name, shown, raw))
        if len(self.pending) >= BATCH_ROWS:
            self.flush()

    def _shown_attribute(self, value: str) -> str:
        """Attributes are shown to the enterprise and to agents: a cell that is a phone number (a
        second number of the callee, say) is masked like the number itself, read in the list's region;
        any other cell has the numbers inside its text masked."""
        if value[-1].isdigit() and _PHONE_LIKE.fullmatch(value):
            found = self.normalizer.normalize(value)
            if found.__class__ is not str:
                return mask_digits(found.national)
        return self._masked(value)

    def _masked(self, text: str) -> str:
        """``text`` with every phone, ID and card number in it masked (``app.pii``)."""
        shown = self.masks.get(text)
        if shown is None:
            shown = mask_personal_numbers(text, self.list.default_region)
            if len(self.masks) < MASK_CACHE:
                self.masks[text] = shown
        return shown

    def finish(self) -> None:
        self.flush()
        self._write_issues()  # waits for the last batch's insert
        self.writer.wait()

    def _time_zone(self, zones: tuple[str, ...]) -> str:
        chosen = self.zones.get(zones)
        if chosen is None:
            chosen = self.zones[zones] = choose_time_zone(zones, self.campaign.time_zone)
        return chosen

    def _write_issues(self) -> None:
        issues, self.issues = self.issues, []
        self.writer.write("contact_import_issues", ISSUE_COLUMNS, issues)

    def flush(self) -> None:
        """Check a batch against DNC and the campaign, encrypt it and start its insert. The issues
        found so far are written first (after the previous batch's insert ended)."""
        pending, self.pending = self.pending, []
        self._write_issues()
        if pending:
            phone_hash = self.vault.phone_hash
            hashes = [phone_hash(item[1].e164) for item in pending]
            org_id, campaign_id, list_id = self.list.org_id, self.campaign.id, self.list.id
            if self.dnc_hashes is not None:
                blocked = self.dnc_hashes.intersection(hashes)
            else:
                blocked = self.writer.matching(_DNC_SQL, hashes, org_id)
            existing = self.writer.matching(_EXISTING_SQL, hashes, campaign_id) if self.campaign_had_contacts else ()
            nonces = os.urandom(2 * NONCE_BYTES * len(pending))
            encrypt, seal = self.vault.encrypt, self.vault.seal_details
            postgres = self.writer.postgres
            head = f"{campaign_id}\t{org_id}\t{list_id}\t"  # COPY text: the same first fields on every line
            rows: list = []
            for index, ((row_number, phone, name, attributes, raw), digest) in enumerate(
                    zip(pending, hashes, strict=True)):
                masked = mask_digits(phone.national)
                if digest in blocked:
                    self.dnc += 1
                    self.reject(row_number, "dnc", "on_dnc_list", masked)
                    continue
                if digest in existing:
                    self.duplicates += 1
                    self.reject(row_number, "duplicate", "already_in_campaign", masked)
                    continue
                at = 2 * index * NONCE_BYTES
                sealed = encrypt(phone.e164, digest, nonces[at:at + NONCE_BYTES])
                details = seal(raw, digest, nonces[at + NONCE_BYTES:at + 2 * NONCE_BYTES]) if raw else None
                zone = self._time_zone(phone.time_zones)
                attributes = _json(attributes) if attributes else "{}"
                if postgres:  # digest, masked, region and zone never hold characters COPY escapes
                    rows.append(f"{head}{row_number}\t{digest}\t\\\\x{sealed.hex()}\t{masked}\t{phone.region or _NULL}"
                                f"\t{zone}\t{_copy_value(name)}\t{_copy_value(attributes)}\t{_copy_value(details)}"
                                f"\tpending\t0\n")
                else:
                    rows.append((campaign_id, org_id, list_id, row_number, digest, sealed, masked, phone.region, zone,
                                 name, attributes, details, "pending", 0))
            self.accepted += len(rows)
            self.writer.write("contacts", CONTACT_COLUMNS, rows, background=True)
        report_progress(self.total, max(self.estimate, self.total),
                        f"{self.accepted} accepted, {self.total - self.accepted} not added")


def run(list_id: int) -> dict:
    """Import the list's kept file in the current transaction; ``ImportFailed`` says why not."""
    contact_list = db.session.get(ContactList, list_id, with_for_update=True)
    if contact_list.state in ("done", "failed"):
        return summary_counts(contact_list)
    campaign = db.session.get(Campaign, contact_list.campaign_id)
    if campaign.kind != "outbound" or campaign.state not in IMPORTING_STATES:
        raise ImportFailed(_("The campaign no longer accepts contacts (%(state)s).",
                               state=CAMPAIGN_STATE_LABELS[campaign.state]))
    if not contact_files.stored(list_id):
        raise ImportFailed(_("The uploaded file is no longer available; upload it again."))
    _lock_campaign(campaign.id)
    lines = contact_files.text_lines(contact_files.chunks(list_id), contact_list.encoding or "utf-8")
    try:
        header = contact_files.parse_header(next(lines))
    except (StopIteration, AppError) as exc:
        raise ImportFailed(getattr(exc, "message", None) or _("The file is empty.")) from exc
    work = _Import(contact_list, campaign, contact_list.total_rows)
    report_progress(0, contact_list.total_rows, "")
    reader = csv.reader(lines, delimiter=header.delimiter)
    row_number = 1
    try:
        for row_number, cells in enumerate(reader, start=2):
            if not cells or (len(cells) == 1 and not cells[0].strip()):
                continue  # a blank line
            work.add(row_number, cells, header)
        work.finish()
    except csv.Error as exc:
        raise ImportFailed(_("Row %(row)s is not valid CSV (%(problem)s); nothing was imported.",
                             row=row_number + 1, problem=str(exc))) from exc
    except UnicodeDecodeError as exc:
        raise ImportFailed(_("The file does not decode as %(encoding)s after row %(row)s; nothing was imported.",
                             encoding=contact_list.encoding, row=row_number)) from exc
    finally:
        work.writer.settle()  # never roll back under a COPY still running
    contact_list.total_rows = work.total
    contact_list.accepted, contact_list.rejected = work.accepted, work.rejected
    contact_list.duplicates, contact_list.dnc_excluded = work.duplicates, work.dnc
    contact_list.state = "done"
    contact_list.error = None
    contact_list.finished_at = utcnow()
    db.session.flush()
    events.send(events.contacts_imported, "marketplace", campaign_id=campaign.id, org_id=contact_list.org_id,
                import_id=contact_list.id, accepted=work.accepted, rejected=work.rejected,
                duplicates=work.duplicates, dnc_excluded=work.dnc)
    logger.info("Contact list %s imported into campaign %s: %s rows, %s accepted", list_id, campaign.id,
                work.total, work.accepted)
    return summary_counts(contact_list)

"""Outbound contacts at dialing time: what the telephony dialer calls.

The dialer asks ``contacts_due`` for the next contacts, checks each with ``dialable`` right before
the call (the DNC lists, the contact's state and attempts, its retry time, the campaign's calling
windows in the *callee's* time zone), takes it with ``begin_attempt``, gets the number from
``phone_for_dialing`` (the only place a number is decrypted) and reports the outcome with
``record_attempt``. An opt-out said during a call goes through ``record_opt_out`` and takes effect
at once: the number is on the enterprise's DNC list before the call ends.
"""

from __future__ import annotations

import functools
import json
import logging
from datetime import datetime, time, timedelta
from zoneinfo import available_timezones

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select, update

from app import events
from app.errors import NotFound, ValidationError
from app.extensions import db
from app.timeutil import as_utc, local, utcnow
from marketplace.contacts import dnc
from marketplace.contacts.vault import vault
from marketplace.models import Campaign, Contact

logger = logging.getLogger(__name__)

DIALING_STATES = ("running",)
DEFAULT_MAX_ATTEMPTS = 3
DEFAULT_RETRY_MINUTES = 60


def _hhmm(value: str) -> time:
    hours, minutes = value.split(":")
    return time(int(hours), int(minutes))


def in_calling_window(windows: list[dict], tz_name: str, now: datetime) -> bool:
    """Whether ``now`` falls in one of the campaign's windows (days 0 = Monday, ``HH:MM`` start
    inclusive, end exclusive), read in the time zone ``tz_name`` — the callee's. No window: never."""
    try:
        moment = local(now, tz_name)
    except ValueError:
        return False
    clock = moment.time().replace(second=0, microsecond=0, tzinfo=None)
    for window in windows or ():
        if moment.weekday() in window.get("days", ()) and _hhmm(window["start"]) <= clock < _hhmm(window["end"]):
            return True
    return False


def _campaign_open(campaign: Campaign, now: datetime) -> str | None:
    """Why the campaign cannot dial now, or None."""
    if campaign.kind != "outbound" or campaign.state not in DIALING_STATES:
        return "campaign_not_running"
    if not as_utc(campaign.starts_at) <= now < as_utc(campaign.ends_at):
        return "outside_campaign_dates"
    return None


def dialable(contact_id: int, now: datetime | None = None) -> tuple[bool, str]:
    """May this contact be called now? ``(True, "ok")`` or ``(False, reason)`` where reason is one
    of ``not_found``, ``campaign_not_running``, ``outside_campaign_dates``, ``dnc``, ``in_progress``,
    ``done``, ``max_attempts``, ``retry_later``, ``outside_calling_window``.

    The DNC lists are read again here, so a number listed after the import (or an opt-out on
    another campaign of the same enterprise) is never dialed."""
    now = as_utc(now or utcnow())
    contact = db.session.get(Contact, contact_id)
    if contact is None:
        return False, "not_found"
    campaign = db.session.get(Campaign, contact.campaign_id)
    closed = _campaign_open(campaign, now)
    if closed:
        return False, closed
    if contact.state == "dnc" or dnc.is_blocked(contact.org_id, contact.phone_hash):
        return False, "dnc"
    if contact.state != "pending":
        return False, contact.state
    settings = campaign.settings or {}
    if contact.attempts >= settings.get("max_attempts", DEFAULT_MAX_ATTEMPTS):
        return False, "max_attempts"
    if contact.next_attempt_at is not None and as_utc(contact.next_attempt_at) > now:
        return False, "retry_later"
    if not in_calling_window(settings.get("calling_windows") or [], contact.time_zone, now):
        return False, "outside_calling_window"
    return True, "ok"


@functools.lru_cache(maxsize=256)
def _open_zones(windows_json: str, minute: datetime) -> tuple[str, ...]:
    """The zones (of every IANA zone this system knows) whose window is open at ``minute``. Windows
    are minute-exact, so one answer serves every call in the same minute. A zone the system does
    not know is never open: its contacts are never dialed by mistake."""
    windows = json.loads(windows_json)
    return tuple(z for z in sorted(available_timezones()) if in_calling_window(windows, z, minute))


def contacts_due(campaign_id: int, now: datetime | None = None, limit: int = 50) -> list[Contact]:
    """The next contacts of a campaign that may be dialed now (at most ``limit``): retries that are
    due, oldest first, then contacts never called.

    A calling window depends on each callee's zone, so the zones whose window is open now are
    worked out first (from the list of all zones, without reading the contacts) and the query keeps
    to them; it walks the ``ix_contacts_due`` index and stops at ``limit``."""
    now = as_utc(now or utcnow())
    campaign = db.session.get(Campaign, campaign_id)
    if campaign is None or _campaign_open(campaign, now):
        return []
    settings = campaign.settings or {}
    windows = json.dumps(settings.get("calling_windows") or [], sort_keys=True)
    open_zones = _open_zones(windows, now.replace(second=0, microsecond=0))
    if not open_zones:
        return []
    stmt = select(Contact).where(
        Contact.campaign_id == campaign_id, Contact.state == "pending",
        Contact.attempts < settings.get("max_attempts", DEFAULT_MAX_ATTEMPTS),
        Contact.next_attempt_at.is_(None) | (Contact.next_attempt_at <= now),
        Contact.time_zone.in_(open_zones), ~dnc.blocked_for(Contact.org_id, Contact.phone_hash))
    return list(db.session.scalars(stmt.order_by(Contact.next_attempt_at.asc().nulls_last()).limit(limit)))


def begin_attempt(contact_id: int, now: datetime | None = None) -> bool:
    """Take a contact for a call (pending → in_progress) if it is dialable; False if it is not, or if
    another dialer took it first."""
    ok, _reason = dialable(contact_id, now)
    if not ok:
        return False
    taken = db.session.execute(update(Contact).where(Contact.id == contact_id, Contact.state == "pending")
                               .values(state="in_progress").execution_options(synchronize_session="fetch"))
    return taken.rowcount == 1


def phone_for_dialing(contact_id: int, actor_id: int | None = None) -> str:
    """The contact's number in E.164, decrypted — for the telephony bridge only, which passes it to
    the provider and never to a person (agents see ``phone_masked``). Call ``dialable`` first.
    Every decryption is an access to personal data: the audit ledger records it (without the
    number) in the caller's transaction."""
    contact = db.session.get(Contact, contact_id)
    if contact is None:
        raise NotFound()
    number = vault().decrypt(contact.phone_encrypted, contact.phone_hash)
    events.send(events.contact_phone_accessed, "marketplace", contact_id=contact.id, campaign_id=contact.campaign_id,
                org_id=contact.org_id, purpose="dial", actor_id=actor_id)
    return number


def details_for_dialing(contact_id: int, actor_id: int | None = None) -> dict:
    """The contact's name and attribute cells as the file had them (``{"name", "attributes"}``), decrypted —
    for the telephony bridge only, where a provider needs them (the customer card shows the masked
    ``name`` and ``attributes``). Audited like ``phone_for_dialing``."""
    contact = db.session.get(Contact, contact_id)
    if contact is None:
        raise NotFound()
    events.send(events.contact_phone_accessed, "marketplace", contact_id=contact.id, campaign_id=contact.campaign_id,
                org_id=contact.org_id, purpose="details", actor_id=actor_id)
    if contact.details_encrypted is None:  # nothing was masked and there are no attributes
        return {"name": contact.name, "attributes": contact.attributes or {}}
    return json.loads(vault().open_details(contact.details_encrypted, contact.phone_hash))


def record_attempt(contact_id: int, disposition_code: str, now: datetime | None = None) -> Contact:
    """Apply a call's disposition with the campaign's outcome for it: ``success`` and ``final`` end
    the contact (done); ``retry`` schedules the next attempt after the disposition's
    ``retry_delay_minutes`` — or ends it once ``max_attempts`` calls were made. An opted-out
    contact stays ``dnc``."""
    now = as_utc(now or utcnow())
    contact = db.session.get(Contact, contact_id, with_for_update=True)
    if contact is None:
        raise NotFound()
    campaign = db.session.get(Campaign, contact.campaign_id)
    settings = campaign.settings or {}
    disposition = next((d for d in settings.get("dispositions") or [] if d.get("code") == disposition_code), None)
    if disposition is None:
        raise ValidationError(fields={"disposition": _("Unknown disposition for this campaign.")})
    contact.attempts += 1
    contact.last_disposition = disposition_code
    if contact.state == "dnc":
        contact.next_attempt_at = None
    elif disposition["outcome"] in ("success", "final") or contact.attempts >= settings.get(
            "max_attempts", DEFAULT_MAX_ATTEMPTS):
        contact.state = "done"
        contact.next_attempt_at = None
    else:
        contact.state = "pending"
        contact.next_attempt_at = now + timedelta(minutes=disposition.get("retry_delay_minutes")
                                                  or DEFAULT_RETRY_MINUTES)
    db.session.flush()
    logger.info("Contact %s: attempt %s, %s -> %s", contact.id, contact.attempts, disposition_code, contact.state)
    return contact


def record_opt_out(contact_id: int, actor_id: int | None) -> Contact:
    """The callee asked not to be called again: the number goes on the enterprise's DNC list and the
    contact is ``dnc``, at once (in the caller's transaction)."""
    contact = db.session.get(Contact, contact_id, with_for_update=True)
    if contact is None:
        raise NotFound()
    dnc.add_entry(contact.org_id, contact.phone_hash, contact.phone_masked, "opt_out", actor_id)
    contact.state = "dnc"
    contact.next_attempt_at = None
    db.session.flush()
    logger.info("Contact %s opted out (recorded by %s)", contact.id, actor_id)
    return contact


# Why the dialer did not call a contact (``dialable``'s reasons, and the dialer's own: the escrow, the
# caller ID), in words: the contact lists page and the dialer's errors.
REFUSAL_REASONS = {
    "not_found": _l("There is no such contact."),
    "campaign_not_running": _l("The campaign is not running."),
    "outside_campaign_dates": _l("The campaign has not started or has ended."),
    "dnc": _l("The number is on a Do-Not-Call list."),
    "in_progress": _l("The contact is being called."),
    "done": _l("The contact is done."),
    "max_attempts": _l("The contact was called the most times allowed."),
    "retry_later": _l("The contact's next attempt is not due yet."),
    "outside_calling_window": _l("It is outside the calling hours in the callee's time zone."),
    "escrow_exhausted": _l("The campaign's escrow cannot pay for more calls."),
    "no_caller_id": _l("The campaign has no number to call from yet."),
}


# Outcomes the dialer reports without an agent (the carrier's or the answering machine's), and how
# long to wait before the next attempt when the campaign defines no disposition of the same code.
CALL_OUTCOME_RETRY_MINUTES = {"no_answer": 120, "busy": 30, "failed": 60, "machine": 240, "abandoned": 60}


def record_refusal(contact_id: int, reason: str, now: datetime | None = None) -> None:
    """The dialer checked the contact at the moment of dialing and did not call it: why, and when
    (shown on the contact list). The contact's state does not change."""
    db.session.execute(update(Contact).where(Contact.id == contact_id).values(
        dial_refusal=reason[:32], dial_refused_at=as_utc(now or utcnow())).execution_options(
        synchronize_session="fetch"))
    logger.info("Contact %s not dialed: %s", contact_id, reason)


def clear_refusal(contact_id: int) -> None:
    """The contact was dialed: its last refusal no longer applies."""
    db.session.execute(update(Contact).where(Contact.id == contact_id, Contact.dial_refusal.is_not(None))
                       .values(dial_refusal=None, dial_refused_at=None).execution_options(synchronize_session="fetch"))


def record_call_outcome(contact_id: int, outcome: str, now: datetime | None = None, *,
                        retry_minutes: int | None = None, final: bool = False) -> Contact:
    """A call that reached no agent (``no_answer``, ``busy``, ``failed``, ``machine``, ``abandoned``):
    with the campaign's disposition of that code when it has one (its outcome and retry delay),
    else one attempt more and the next after ``retry_minutes`` (default per outcome), or done when
    ``final`` or once ``max_attempts`` calls were made."""
    contact = db.session.get(Contact, contact_id, with_for_update=True)
    if contact is None:
        raise NotFound()
    campaign = db.session.get(Campaign, contact.campaign_id)
    settings = campaign.settings or {}
    if any(d.get("code") == outcome for d in settings.get("dispositions") or []):
        return record_attempt(contact_id, outcome, now)
    now = as_utc(now or utcnow())
    contact.attempts += 1
    contact.last_disposition = outcome[:32]
    if contact.state == "dnc":
        contact.next_attempt_at = None
    elif final or contact.attempts >= settings.get("max_attempts", DEFAULT_MAX_ATTEMPTS):
        contact.state, contact.next_attempt_at = "done", None
    else:
        delay = retry_minutes or CALL_OUTCOME_RETRY_MINUTES.get(outcome, DEFAULT_RETRY_MINUTES)
        contact.state, contact.next_attempt_at = "pending", now + timedelta(minutes=delay)
    db.session.flush()
    logger.info("Contact %s: attempt %s, %s -> %s", contact.id, contact.attempts, outcome, contact.state)
    return contact


def refusal_counts(campaign_id: int) -> list[tuple[str, int]]:
    """The campaign's contacts by the reason the dialer last refused them, most first."""
    return [tuple(row) for row in db.session.execute(
        select(Contact.dial_refusal, func.count()).where(Contact.campaign_id == campaign_id,
                                                         Contact.dial_refusal.is_not(None))
        .group_by(Contact.dial_refusal).order_by(func.count().desc(), Contact.dial_refusal)).all()]

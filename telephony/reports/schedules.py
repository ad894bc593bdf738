"""Scheduled reports: a user asks for a campaign's report every day, ISO week or month; once each
period has ended in their time zone it is written as a file kept in the app (``ReportFile``) and
the user is notified (by e-mail too where SMTP is configured). Delivering twice writes nothing more."""

from __future__ import annotations

import logging
from datetime import date, datetime, timedelta

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app.auth.models import User
from app.errors import NotFound, ValidationError
from app.extensions import db
from app.notifications.services import notify, register_kind
from app.timeutil import utcnow, zone
from telephony.campaigns import Campaign
from telephony.reports import exports, queries
from telephony.reports.models import FORMATS, FREQUENCIES, ReportFile, ScheduledReport

logger = logging.getLogger(__name__)

# What each frequency's file is cut into.
PERIOD_OF = {"daily": "interval", "weekly": "day", "monthly": "day"}
MEDIA_TYPES = {"csv": "text/csv", "xlsx": exports.XLSX}

register_kind("report_ready", title=_l("Your %(frequency)s report of %(campaign)s is ready"),
              body=_l("The report from %(first)s to %(last)s can be downloaded in Crowdline."))


def last_ended_period(frequency: str, today: date) -> tuple[date, date]:
    """The latest day, ISO week or month that has fully ended before ``today`` (local dates)."""
    if frequency == "daily":
        day = today - timedelta(days=1)
        return day, day
    if frequency == "weekly":
        monday = today - timedelta(days=today.isoweekday() - 1) - timedelta(days=7)
        return monday, monday + timedelta(days=6)
    last = today.replace(day=1) - timedelta(days=1)
    return last.replace(day=1), last


def schedule_report(campaign: Campaign, user_id: int, frequency: str, file_format: str) -> ScheduledReport:
    """Deliver the campaign's report to ``user_id`` every period (the same one again changes its format only)."""
    problems = {}
    if frequency not in FREQUENCIES:
        problems["frequency"] = _("One of: %(values)s.", values=", ".join(FREQUENCIES))
    if file_format not in FORMATS:
        problems["file_format"] = _("One of: %(values)s.", values=", ".join(FORMATS))
    if problems:
        raise ValidationError(fields=problems)
    found = db.session.scalar(select(ScheduledReport).where(
        ScheduledReport.campaign_id == campaign.id, ScheduledReport.user_id == user_id,
        ScheduledReport.frequency == frequency))
    if found is None:
        found = ScheduledReport(campaign_id=campaign.id, user_id=user_id, frequency=frequency, created_at=utcnow())
        db.session.add(found)
    found.file_format = file_format
    db.session.flush()
    logger.info("Report of campaign %s scheduled %s as %s for user %s", campaign.id, frequency, file_format, user_id)
    return found


def own_schedule(schedule_id: int, user_id: int) -> ScheduledReport:
    found = db.session.get(ScheduledReport, schedule_id)
    if found is None or found.user_id != user_id:
        raise NotFound()
    return found


def cancel_schedule(schedule_id: int, user_id: int) -> None:
    db.session.delete(own_schedule(schedule_id, user_id))
    db.session.flush()


def deliver(schedule: ScheduledReport, now: datetime | None = None) -> ReportFile | None:
    """Write the last ended period's file and notify its owner, unless it was written already."""
    user = db.session.get(User, schedule.user_id)
    campaign = db.session.get(Campaign, schedule.campaign_id)
    if user is None or campaign is None or (campaign.org_id != user.org_id and not user.has_role("admin")):
        return None  # the user left the organization: nothing more is sent
    tz_name = user.timezone or campaign.time_zone or "UTC"
    today = (now or utcnow()).astimezone(zone(tz_name)).date()
    first, last = last_ended_period(schedule.frequency, today)
    if db.session.scalar(select(ReportFile.id).where(ReportFile.scheduled_report_id == schedule.id,
                                                     ReportFile.first_day == first)):
        return None
    win = queries.window(first, last, PERIOD_OF[schedule.frequency], tz_name)
    rows = exports.report_rows(queries.campaign_report(campaign, win))
    content = (exports.as_xlsx(rows, "report") if schedule.file_format == "xlsx"
               else "".join(exports.as_csv(rows)).encode("utf-8"))
    record = ReportFile(scheduled_report_id=schedule.id, user_id=user.id, campaign_id=campaign.id, first_day=first,
                        last_day=last, filename=f"campaign-{campaign.id}-{schedule.frequency}-{first.isoformat()}."
                                             f"{schedule.file_format}",
                        media_type=MEDIA_TYPES[schedule.file_format], content=content, created_at=utcnow())
    try:
        with db.session.begin_nested():
            db.session.add(record)
            db.session.flush()
    except IntegrityError:  # another scheduler delivered it meanwhile
        return None
    notify(user.id, "report_ready", {"campaign": campaign.name, "first": first.isoformat(), "last": last.isoformat(),
                                     "frequency": _frequency_words(schedule.frequency)},
           link=f"/reports/files/{record.id}")
    logger.info("Scheduled report %s delivered for %s to %s", schedule.id, first, last)
    return record


def _frequency_words(frequency: str) -> dict:
    """The frequency in each language, for the notification (worded in its reader's language)."""
    return {"en": frequency, "zh": {"daily": "每日", "weekly": "每周", "monthly": "每月"}[frequency]}


def deliver_due(now: datetime | None = None) -> int:
    """Deliver every scheduled report whose last period has ended and was not delivered yet."""
    delivered = 0
    for schedule_id in list(db.session.scalars(select(ScheduledReport.id).order_by(ScheduledReport.id))):
        schedule = db.session.get(ScheduledReport, schedule_id)
        if schedule is not None and deliver(schedule, now) is not None:
            delivered += 1
    return delivered


def schedules_of(campaign_id: int, user_id: int) -> list[ScheduledReport]:
    return list(db.session.scalars(select(ScheduledReport).where(
        ScheduledReport.campaign_id == campaign_id, ScheduledReport.user_id == user_id).order_by(ScheduledReport.id)))


def files_of(campaign_id: int, user_id: int, limit: int = 20) -> list[ReportFile]:
    return list(db.session.scalars(select(ReportFile).where(
        ReportFile.campaign_id == campaign_id, ReportFile.user_id == user_id)
        .order_by(ReportFile.first_day.desc(), ReportFile.id.desc()).limit(limit)))


def own_file(file_id: int, user_id: int) -> ReportFile:
    found = db.session.get(ReportFile, file_id)
    if found is None or found.user_id != user_id:
        raise NotFound()
    return found

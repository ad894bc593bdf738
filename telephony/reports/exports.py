"""Reports as files: CSV (streamed, row by row) and XLSX (openpyxl, written in its streaming
mode), one row per period or one row per interaction, in the requester's time zone. Every text
cell goes through ``spreadsheet_safe``, so nothing in a file runs as a formula."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator

from flask import current_app
from flask_babel import gettext as _
from openpyxl import Workbook
from sqlalchemy import select

from app.extensions import db
from app.pii import mask_personal_numbers
from app.textfile import spreadsheet_safe
from app.timeutil import as_utc
from telephony import campaigns, survey_answers
from telephony.models import Interaction
from telephony.reports.queries import Window

# The columns of a report row, in the file's order (the figures' keys of ``figures.derive``).
REPORT_COLUMNS = ("period", "period_start", "offered", "answered", "abandoned", "abandoned_short", "service_level",
                  "sl2", "asa_seconds", "handled", "aht_seconds", "aht_talk_seconds", "aht_hold_seconds",
                  "aht_wrapup_seconds", "occupancy", "abandon_rate", "attempted", "reached", "succeeded", "fcr",
                  "csat", "qa_average", "qa_approve", "qa_review", "qa_reject", "earnings", "fees", "cost",
                  "cost_per_handled", "forecast_calls")
MEMBER_COLUMNS = ("member_id", "name", "calls", "talk_seconds", "aht_seconds", "occupancy", "shifts_claimed",
                  "shifts_checked_in", "adherence", "qa_average", "csat", "earnings")
INTERACTION_COLUMNS = ("interaction_id", "queued_at", "direction", "state", "member_id", "wait_seconds",
                       "talk_seconds", "hold_seconds", "wrapup_seconds", "handle_seconds", "disposition", "outcome",
                       "disposition_notes")
BATCH = 2000
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def report_rows(report: dict, columns: tuple[str, ...] = REPORT_COLUMNS) -> Iterator[list]:
    yield list(columns)
    for row in report["rows"]:
        yield [row.get(name) for name in columns]
    if "totals" in report:
        totals = {**report["totals"], columns[0]: _("Total")}
        yield [totals.get(name) for name in columns]


def survey_columns(questions: list[str]) -> list[str]:
    """One column per survey question of the campaign: ``survey_1: <the question>``, …"""
    return [f"survey_{number}: {question}" for number, question in enumerate(questions, start=1)]


def interaction_rows(campaign_id: int, win: Window) -> Iterator[list]:
    """One row per interaction queued in the range, oldest first, read in batches (never all at
    once); times in the window's zone, free text with personal numbers masked. After the fixed
    columns, one per survey question the campaign asks now, with the member's answer to it
    (matched by the question's wording)."""
    start, end = win.utc_range
    questions = list((campaigns.campaign(campaign_id).settings or {}).get("survey_questions") or [])
    yield list(INTERACTION_COLUMNS) + survey_columns(questions)
    query = (select(Interaction.id, Interaction.queued_at, Interaction.direction, Interaction.state,
                    Interaction.member_id, Interaction.wait_seconds, Interaction.talk_seconds,
                    Interaction.hold_seconds, Interaction.wrapup_seconds, Interaction.handle_seconds,
                    Interaction.disposition, Interaction.outcome, Interaction.disposition_notes,
                    Interaction.survey_answers)
             .where(Interaction.campaign_id == campaign_id, Interaction.queued_at >= start,
                    Interaction.queued_at < end)
             .order_by(Interaction.queued_at, Interaction.id).execution_options(yield_per=BATCH))

    for row in db.session.execute(query):
        *values, answers = row
        values[1] = as_utc(values[1]).astimezone(win.tz).isoformat(timespec="seconds")
        values[-1] = mask_personal_numbers(values[-1]) if values[-1] else None
        for question in questions:
            answer = survey_answers.answer_to(answers, question)
            values.append(mask_personal_numbers(answer) if answer else None)
        yield values


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return spreadsheet_safe(value)


def as_csv(rows: Iterable[list]) -> Iterator[str]:
    """CSV text in chunks, with a BOM so spreadsheet programs read it as UTF-8."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    buffer.write("\ufeff")
    for count, row in enumerate(rows, start=1):
        writer.writerow([_cell(value) for value in row])
        if count % BATCH == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def csv_response_body(rows: Iterable[list] | None = None, make_rows=None):
    """What a CSV response sends: a report's rows (a few thousand at most) as one text, or — for
    ``make_rows``, a callable giving rows read from the database (every interaction of a long
    range) — a stream that reads and writes in batches inside its own app context, which it
    enters only once the body is read (so a response nobody reads holds nothing open)."""
    if make_rows is None:
        return "".join(as_csv(rows))
    app = current_app._get_current_object()

    def generate():
        with app.app_context():
            yield from as_csv(make_rows())

    return generate()


def as_xlsx(rows: Iterable[list], title: str) -> bytes:
    """An XLSX workbook of one sheet, written row by row (openpyxl's write-only mode)."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=title[:31] or "report")
    for row in rows:
        sheet.append([None if value is None else _cell(value) if isinstance(value, str) else value
                      for value in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()

"""Request and response schemas of the contact-list and Do-Not-Call API. Numbers go out masked only."""

from __future__ import annotations

from apiflask import Schema, fields
from apiflask.fields import File
from marshmallow import validate

from app.paging import PageQuery
from marketplace.models import CONTACT_STATES

REGION = validate.Regexp(r"^[A-Za-z]{2}$", error="A two-letter region code, such as CN or US.")


class ContactUploadIn(Schema):
    file = File(required=True, metadata={
        "description": "A CSV in UTF-8 (with or without a BOM) or GB18030. The first row names the columns; one of "
                       "them is the phone (`phone`, `mobile`, `tel`, `手机号`, …); `name` (or `姓名`) is optional; "
                       "every other column is kept as an attribute the script may show. At most 50 columns and "
                       "8 KiB a line."})
    region = fields.String(load_default="CN", validate=REGION, metadata={
        "description": "Region of numbers written without a country code (+86 …)."})


class ImportProgressOut(Schema):
    done = fields.Integer(required=True, metadata={"description": "Rows read so far."})
    total = fields.Integer(allow_none=True, metadata={"description": "Rows in the file (an estimate until done)."})
    message = fields.String()


class ReasonCountOut(Schema):
    status = fields.String(required=True, metadata={"description": "rejected | duplicate | dnc"})
    reason = fields.String(required=True, metadata={
        "description": "missing_phone, not_a_number, invalid_country_code, too_short, too_long, invalid_length, "
                       "invalid_number, too_many_fields, name_too_long, duplicate_in_file, already_in_campaign, "
                       "on_dnc_list"})
    count = fields.Integer(required=True)


class ContactListOut(Schema):
    id = fields.Integer(required=True)
    campaign_id = fields.Integer(required=True)
    filename = fields.String()
    default_region = fields.String()
    state = fields.String(required=True, metadata={"description": "queued | running | done | failed"})
    job_id = fields.String(allow_none=True, metadata={"description": "Poll `GET /api/v1/jobs/{job_id}` (uploader) "
                                                                     "or this list (its organization)."})
    encoding = fields.String(allow_none=True, metadata={"description": "utf-8, utf-8-sig (with a BOM) or gb18030"})
    total_rows = fields.Integer(metadata={"description": "Data rows (an estimate until the import is done)."})
    accepted = fields.Integer(metadata={"description": "New contacts added."})
    rejected = fields.Integer(metadata={"description": "Rows with an invalid or missing number."})
    duplicates = fields.Integer(metadata={"description": "Rows repeating a number of the file or of the campaign."})
    dnc_excluded = fields.Integer(metadata={"description": "Rows whose number is on a Do-Not-Call list."})
    error = fields.String(allow_none=True, metadata={"description": "Why a failed import stopped (nothing imported)."})
    created_at = fields.DateTime()
    finished_at = fields.DateTime(allow_none=True)
    progress = fields.Nested(ImportProgressOut)
    reasons = fields.List(fields.Nested(ReasonCountOut), metadata={"description": "Rows not added, by reason."})
    report_url = fields.String(metadata={"description": "The full report as CSV: row, status, reason, detail."})


class ContactOut(Schema):
    id = fields.Integer(required=True)
    campaign_id = fields.Integer(required=True)
    list_id = fields.Integer()
    row_number = fields.Integer(metadata={"description": "Row of the uploaded file (the column names are row 1)."})
    phone_masked = fields.String(required=True, metadata={"example": "138****5678",
                                                          "description": "The only form of the number ever shown."})
    region = fields.String(allow_none=True)
    time_zone = fields.String(metadata={"description": "The callee's zone: calling windows are read in it."})
    name = fields.String(allow_none=True)
    attributes = fields.Dict(metadata={"description": "The file's other columns, for the script."})
    state = fields.String(metadata={"description": "pending | in_progress | done | dnc"})
    attempts = fields.Integer()
    last_disposition = fields.String(allow_none=True)
    next_attempt_at = fields.String(allow_none=True)
    dial_refusal = fields.String(allow_none=True, metadata={
        "description": "Why the dialer last did not call it, checked at the moment of dialing: dnc, "
                       "outside_calling_window, max_attempts, retry_later, campaign_not_running, escrow_exhausted, …"})
    dial_refused_at = fields.String(allow_none=True)


class ContactsQuery(PageQuery):
    state = fields.String(load_default=None, validate=validate.OneOf(CONTACT_STATES))
    list_id = fields.Integer(load_default=None)


class DncIn(Schema):
    numbers = fields.List(fields.String(validate=validate.Length(max=64)), required=True,
                          validate=validate.Length(min=1, max=10_000),
                          metadata={"description": "Numbers as typed; without a country code they are read in "
                                                   "`region`.", "example": ["13812345678", "+1 202 555 0143"]})
    region = fields.String(load_default="CN", validate=REGION)


class DncFileIn(Schema):
    file = File(required=True, metadata={"description": "A CSV (UTF-8 or GB18030, at most 1 MiB): its `phone` "
                                                        "column, or else its first column."})
    region = fields.String(load_default="CN", validate=REGION)


class DncProblemOut(Schema):
    index = fields.Integer(required=True, metadata={"description": "Position in the list given, from 1."})
    reason = fields.String(required=True)
    detail = fields.String(metadata={"description": "The input, masked."})


class DncResultOut(Schema):
    received = fields.Integer(required=True)
    added = fields.Integer(required=True)
    already_listed = fields.Integer(required=True)
    duplicates = fields.Integer(required=True, metadata={"description": "Repeats of a number given earlier."})
    invalid = fields.Integer(required=True)
    problems = fields.List(fields.Nested(DncProblemOut), metadata={"description": "The first 100 invalid numbers."})


class DncEntryOut(Schema):
    id = fields.Integer(required=True)
    scope = fields.String(required=True, metadata={"description": "organization | platform"})
    phone_masked = fields.String(required=True)
    source = fields.String(metadata={"description": "upload | opt_out | admin"})
    created_at = fields.DateTime()

"""Request and response schemas of the shifts, claims and waitlists API."""

from __future__ import annotations

from apiflask import Schema, fields
from marshmallow import validate

from app.paging import PageQuery


class ClaimOut(Schema):
    id = fields.Integer(required=True)
    shift_id = fields.Integer(required=True)
    campaign_id = fields.Integer(required=True)
    campaign_name = fields.String(required=True)
    starts_at = fields.DateTime(required=True)
    ends_at = fields.DateTime(required=True)
    state = fields.String(required=True, metadata={"description": "claimed, checked_in, released, no_show"})
    claimed_at = fields.DateTime(required=True)
    released_at = fields.DateTime(allow_none=True)
    late_release = fields.Boolean(required=True)
    checked_in_at = fields.DateTime(allow_none=True)
    from_waitlist = fields.Boolean(required=True)
    release_free_until = fields.DateTime(required=True,
                                         metadata={"description": "Releasing after this lowers your reliability."})
    can_release = fields.Boolean(required=True)
    release_is_late = fields.Boolean(required=True)
    can_check_in = fields.Boolean(required=True)


class ConfirmIn(Schema):
    confirm = fields.Boolean(load_default=False, metadata={
        "description": "Go ahead although it costs reliability (after a 409 `confirmation_required`)."})


class ClaimsQuery(PageQuery):
    when = fields.String(load_default="upcoming", validate=validate.OneOf(["upcoming", "past", "all"]))


class WaitlistOut(Schema):
    shift_id = fields.Integer(required=True)
    position = fields.Integer(required=True, metadata={"description": "1 = the next released seat is yours."})


class ShiftOut(Schema):
    id = fields.Integer(required=True)
    campaign_id = fields.Integer(required=True)
    starts_at = fields.DateTime(required=True)
    ends_at = fields.DateTime(required=True)
    seats = fields.Integer(required=True)
    planned_seats = fields.Integer(required=True, metadata={"description": "What the staffing plan asked for."})
    claimed = fields.Integer(required=True)
    seats_left = fields.Integer(required=True)
    state = fields.String(required=True, metadata={"description": "planned (draft), open, cancelled"})
    fill_rate = fields.Float(required=True)


class ShiftsQuery(PageQuery):
    limit = fields.Integer(load_default=100, validate=validate.Range(min=1, max=500))


class SeatsIn(Schema):
    seats = fields.Integer(required=True, strict=True, validate=validate.Range(min=0, max=100_000))


class ShiftPlanOut(Schema):
    shifts = fields.Integer(required=True)
    seats = fields.Integer(required=True)
    claimed = fields.Integer(required=True)
    fill_rate = fields.Float(required=True)


class RosterOut(Schema):
    claim_id = fields.Integer(required=True)
    member_id = fields.Integer(required=True)
    member_name = fields.String(required=True)
    state = fields.String(required=True)
    claimed_at = fields.DateTime(required=True)
    checked_in_at = fields.DateTime(allow_none=True)
    reliability = fields.Integer(required=True)
    removed_reason = fields.String(allow_none=True, metadata={
        "description": "State `bumped`: why the platform took the seat back (certification_revoked, "
                       "certification_expired, account_suspended, requirements_unmet); the seat went to the "
                       "waitlist and the member's reliability is unchanged."})

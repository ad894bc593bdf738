"""Request and response schemas of the staffing calculator and of a campaign's staffing plan."""

from __future__ import annotations

from apiflask import Schema, fields
from marshmallow import ValidationError, validate, validates_schema


class ErlangIn(Schema):
    calls = fields.Float(required=True, validate=validate.Range(min=0, max=10_000_000),
                         metadata={"description": "Calls offered in the interval.", "example": 100})
    interval_minutes = fields.Float(required=True, validate=validate.Range(min=1, max=1440, min_inclusive=True),
                                    metadata={"example": 30})
    aht_seconds = fields.Float(required=True, validate=validate.Range(min=1, max=86_400),
                               metadata={"description": "Average handle time (talk + hold + wrap-up).",
                                         "example": 180})
    target_service_level = fields.Float(load_default=0.8, validate=validate.Range(min=0, max=1, min_inclusive=False,
                                                                                   max_inclusive=False),
                                        metadata={"description": "Share answered within the target (0..1)."})
    target_answer_seconds = fields.Float(load_default=20, validate=validate.Range(min=0, max=3600))
    max_occupancy = fields.Float(load_default=0.85, validate=validate.Range(min=0, max=1, min_inclusive=False))
    shrinkage = fields.Float(load_default=0.3, validate=validate.Range(min=0, max=1, max_inclusive=False))
    patience_seconds = fields.Float(load_default=None, allow_none=True,
                                    validate=validate.Range(min=1, max=86_400),
                                    metadata={"description": "Average caller patience; set it for Erlang A."})

    @validates_schema
    def _finite(self, data, **kwargs):
        for name, value in data.items():
            if isinstance(value, float) and value != value:  # NaN
                raise ValidationError("Not a number.", field_name=name)


class ErlangOut(Schema):
    model = fields.String(required=True, metadata={"description": "erlang_c, or erlang_a with patience_seconds"})
    agents = fields.Integer(required=True, metadata={"description": "Agents on the phones."})
    rostered = fields.Integer(required=True, metadata={"description": "Agents to schedule, after shrinkage."})
    service_level = fields.Float(required=True)
    occupancy = fields.Float(required=True)
    p_wait = fields.Float(required=True)
    asa_seconds = fields.Float(required=True)
    abandon_rate = fields.Float(metadata={"description": "Erlang A only: share of callers who hang up."})


class PlanIntervalOut(Schema):
    start = fields.String(required=True)
    calls = fields.Integer(required=True)
    agents = fields.Integer(required=True)
    rostered = fields.Integer(required=True)
    service_level = fields.Float(required=True)
    occupancy = fields.Float(required=True)


class StaffingPlanOut(Schema):
    model = fields.String(required=True, metadata={"description": "erlang_c or erlang_a (inbound), "
                                                                  "outbound_workload (outbound)"})
    interval_minutes = fields.Integer()
    intervals = fields.List(fields.Nested(PlanIntervalOut))
    peak_agents = fields.Integer()
    peak_rostered = fields.Integer()
    rostered_hours = fields.Float(metadata={"description": "Seat-hours rostered: inbound, every interval's "
                                                          "rostered seats; outbound, agent_hours after shrinkage "
                                                          "rounded up to whole seats of one shift."})
    contacts = fields.Integer(metadata={"description": "Outbound: contacts to call (or expected_contacts)."})
    contacts_source = fields.String()
    attempts_per_contact = fields.Float(metadata={"description": "Expected attempts from contact_rate, max_attempts"})
    agent_hours = fields.Float(metadata={"description": "contacts × attempts × handle time"})
    slots = fields.Integer(metadata={"description": "Shifts that fit the calling windows."})
    slot_minutes = fields.Integer()
    estimated_cost = fields.Integer(metadata={
        "description": "What the plan would cost at the campaign's pay rules, in minor units of its currency, "
                       "erring high; compare with the budget."})
    shift_count = fields.Integer(metadata={"description": "Outbound: shifts that get at least one seat."})
    agents_per_slot = fields.Integer(metadata={"description": "Agents on the phones if spread over every slot."})
    rostered_per_slot = fields.Integer(metadata={"description": "Most seats in one shift after shrinkage."})

"""Request and response schemas of the auditor API (the console's search form reads ``EntryFilter`` too)."""

from __future__ import annotations

from apiflask import Schema, fields
from marshmallow import validate

from app.paging import page_schema


class EntryFilter(Schema):
    kind = fields.String(load_default=None, validate=validate.Length(max=64))
    campaign_id = fields.Integer(load_default=None)
    member_id = fields.Integer(load_default=None, metadata={"description": "A member's (or user's) id."})
    org_id = fields.Integer(load_default=None)
    since = fields.AwareDateTime(load_default=None, default_timezone=None)
    until = fields.AwareDateTime(load_default=None, default_timezone=None)


class EntryOut(Schema):
    index = fields.Integer(required=True)
    kind = fields.String(required=True)
    created_at = fields.String(required=True)
    entry = fields.String(required=True, metadata={"description": "The exact canonical JSON that was hashed."})
    leaf_hash = fields.String(required=True, metadata={"description": "hex SHA-256(0x00 || entry)"})


class TreeHeadOut(Schema):
    tree_size = fields.Integer(required=True)
    root_hash = fields.String(required=True)
    timestamp = fields.Integer(required=True, metadata={"description": "milliseconds since the epoch"})
    signature = fields.String(required=True, metadata={
        "description": "hex Ed25519 signature of `crowdline-tree-head:v1:{tree_size}:{root_hash}:{timestamp}`"})
    public_key = fields.String(required=True, metadata={"description": "the raw 32-byte key in hex"})
    algorithm = fields.String(required=True)


class ProofQuery(Schema):
    tree_size = fields.Integer(load_default=None, validate=validate.Range(min=1))


class InclusionOut(Schema):
    index = fields.Integer(required=True)
    tree_size = fields.Integer(required=True)
    leaf_hash = fields.String(required=True)
    audit_path = fields.List(fields.String(), required=True)
    root_hash = fields.String(required=True)


class ConsistencyQuery(Schema):
    first = fields.Integer(required=True, validate=validate.Range(min=1))
    second = fields.Integer(required=True, validate=validate.Range(min=1))


class ConsistencyOut(Schema):
    first = fields.Integer(required=True)
    second = fields.Integer(required=True)
    proof = fields.List(fields.String(), required=True)
    first_root = fields.String(required=True)
    second_root = fields.String(required=True)


class AnchorOut(Schema):
    tree_size = fields.Integer(required=True)
    root_hash = fields.String(required=True)
    chain_id = fields.Integer(required=True)
    tx_hash = fields.String(required=True)
    block_number = fields.Integer(required=True)
    created_at = fields.String(required=True)


EntryPage = page_schema(EntryOut)
TreeHeadPage = page_schema(TreeHeadOut)
AnchorPage = page_schema(AnchorOut)

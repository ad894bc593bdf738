"""The auditor API: entries, tree heads, inclusion and consistency proofs, anchors (read-only)."""

from __future__ import annotations

from apiflask import APIBlueprint, Schema, fields
from marshmallow import validate
from sqlalchemy import select

from app.auth.guards import token_auth
from app.paging import PageQuery, paginate
from app.timeutil import as_utc
from ledger import services
from ledger.models import Anchor, Leaf, TreeHead

bp = APIBlueprint("ledger_api", __name__, url_prefix="/api/v1/ledger", tag="Audit ledger")
READERS = ["auditor", "admin"]


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


class EntryPage(Schema):
    items = fields.List(fields.Nested(EntryOut), required=True)
    next_cursor = fields.String(allow_none=True, required=True)


class TreeHeadOut(Schema):
    tree_size = fields.Integer(required=True)
    root_hash = fields.String(required=True)
    timestamp = fields.Integer(required=True, metadata={"description": "milliseconds since the epoch"})
    signature = fields.String(required=True, metadata={
        "description": "hex Ed25519 signature of `crowdline-tree-head:v1:{tree_size}:{root_hash}:{timestamp}`"})
    public_key = fields.String(required=True, metadata={"description": "the raw 32-byte key in hex"})
    algorithm = fields.String(required=True)


class TreeHeadPage(Schema):
    items = fields.List(fields.Nested(TreeHeadOut), required=True)
    next_cursor = fields.String(allow_none=True, required=True)


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


class AnchorPage(Schema):
    items = fields.List(fields.Nested(AnchorOut), required=True)
    next_cursor = fields.String(allow_none=True, required=True)


def filtered_entries(filters: dict):
    stmt = select(Leaf)
    for name in ("kind", "campaign_id", "member_id", "org_id"):
        if filters.get(name) is not None:
            stmt = stmt.where(getattr(Leaf, name) == filters[name])
    if filters.get("since"):
        stmt = stmt.where(Leaf.created_at >= as_utc(filters["since"]))
    if filters.get("until"):
        stmt = stmt.where(Leaf.created_at < as_utc(filters["until"]))
    return stmt


@bp.get("/entries")
@bp.auth_required(token_auth, roles=READERS)
@bp.input(EntryFilter, location="query", arg_name="filters")
@bp.input(PageQuery, location="query", arg_name="page")
@bp.output(EntryPage)
@bp.doc(summary="Integrated entries, newest first, filtered by kind, campaign, member, organization, time")
def list_entries(filters, page):
    return paginate(filtered_entries(filters), Leaf.index, serialize=services.entry_json, **page)


@bp.get("/entries/<int:index>")
@bp.auth_required(token_auth, roles=READERS)
@bp.output(EntryOut)
@bp.doc(summary="One entry", responses=[404])
def get_entry(index):
    return services.entry_json(services.get_leaf(index))


@bp.get("/tree-head")
@bp.auth_required(token_auth, roles=READERS)
@bp.output(TreeHeadOut)
@bp.doc(summary="The latest signed tree head", responses=[404])
def tree_head():
    head = services.latest_head()
    if head is None:
        from app.errors import NotFound

        raise NotFound("The log is empty.")
    return services.head_json(head)


@bp.get("/tree-heads")
@bp.auth_required(token_auth, roles=READERS)
@bp.input(PageQuery, location="query", arg_name="page")
@bp.output(TreeHeadPage)
@bp.doc(summary="Every signed tree head, newest first")
def tree_heads(page):
    return paginate(select(TreeHead), TreeHead.tree_size, serialize=services.head_json, **page)


@bp.get("/entries/<int:index>/proof")
@bp.auth_required(token_auth, roles=READERS)
@bp.input(ProofQuery, location="query", arg_name="query")
@bp.output(InclusionOut)
@bp.doc(summary="Inclusion proof of an entry in the tree of `tree_size` entries (default: the latest)",
        responses=[422])
def inclusion_proof(index, query):
    return services.inclusion(index, query["tree_size"])


@bp.get("/consistency")
@bp.auth_required(token_auth, roles=READERS)
@bp.input(ConsistencyQuery, location="query", arg_name="query")
@bp.output(ConsistencyOut)
@bp.doc(summary="Consistency proof between tree sizes `first` and `second`", responses=[422])
def consistency_proof(query):
    return services.consistency(query["first"], query["second"])


@bp.get("/anchors")
@bp.auth_required(token_auth, roles=READERS)
@bp.input(PageQuery, location="query", arg_name="page")
@bp.output(AnchorPage)
@bp.doc(summary="On-chain anchors of tree heads, newest first, with their transaction hashes")
def anchors(page):
    return paginate(select(Anchor), Anchor.id, serialize=services.anchor_json, **page)

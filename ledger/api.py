"""The auditor API: entries, tree heads, inclusion and consistency proofs, anchors (read-only)."""

from __future__ import annotations

from apiflask import APIBlueprint
from sqlalchemy import select

from app.auth.guards import token_auth
from app.errors import NotFound
from app.paging import PageQuery, paginate
from ledger import queries, services
from ledger.models import Anchor, Leaf, TreeHead
from ledger.schemas import (
    AnchorPage,
    ConsistencyOut,
    ConsistencyQuery,
    EntryFilter,
    EntryOut,
    EntryPage,
    InclusionOut,
    ProofQuery,
    TreeHeadOut,
    TreeHeadPage,
)

bp = APIBlueprint("ledger_api", __name__, url_prefix="/api/v1/ledger", tag="Audit ledger")
READERS = ["auditor", "admin"]


@bp.get("/entries")
@bp.auth_required(token_auth, roles=READERS)
@bp.input(EntryFilter, location="query", arg_name="filters")
@bp.input(PageQuery, location="query", arg_name="page")
@bp.output(EntryPage)
@bp.doc(summary="Integrated entries, newest first, filtered by kind, campaign, member, organization, time")
def list_entries(filters, page):
    return paginate(queries.filtered_entries(filters), Leaf.index, serialize=queries.entry_json, **page)


@bp.get("/entries/<int:index>")
@bp.auth_required(token_auth, roles=READERS)
@bp.output(EntryOut)
@bp.doc(summary="One entry", responses=[404])
def get_entry(index):
    return queries.entry_json(queries.get_leaf(index))


@bp.get("/tree-head")
@bp.auth_required(token_auth, roles=READERS)
@bp.output(TreeHeadOut)
@bp.doc(summary="The latest signed tree head", responses=[404])
def tree_head():
    head = queries.latest_head()
    if head is None:
        raise NotFound("The log is empty.")
    return queries.head_json(head)


@bp.get("/tree-heads")
@bp.auth_required(token_auth, roles=READERS)
@bp.input(PageQuery, location="query", arg_name="page")
@bp.output(TreeHeadPage)
@bp.doc(summary="Every signed tree head, newest first")
def tree_heads(page):
    return paginate(select(TreeHead), TreeHead.tree_size, serialize=queries.head_json, **page)


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
    return paginate(select(Anchor), Anchor.id, serialize=queries.anchor_json, **page)

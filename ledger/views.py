"""The auditor console (read-only): search entries, an entry with its proof, tree heads and anchors, verify now."""

from __future__ import annotations

from flask import Blueprint, render_template, request, url_for
from marshmallow import ValidationError as SchemaError
from sqlalchemy import select

from app import jobs
from app.auth.guards import current_user, page_login_required
from app.database import commit
from app.extensions import db
from app.paging import paginate
from ledger import queries, services, tasks
from ledger.models import Anchor, Leaf, TreeHead
from ledger.schemas import EntryFilter

bp = Blueprint("ledger", __name__, url_prefix="/ledger", template_folder="templates", static_folder="static",
               static_url_path="/static")
READERS = ["auditor", "admin"]


@bp.get("/")
@page_login_required(roles=READERS)
def entries():
    raw = {k: v for k, v in request.args.items() if k in EntryFilter().fields and v.strip()}
    errors: dict = {}
    try:
        filters = EntryFilter().load(raw)
    except SchemaError as exc:
        errors, filters = {k: v[0] for k, v in exc.messages.items()}, {}
    page = paginate(queries.filtered_entries(filters), Leaf.index, limit=50,
                    cursor=request.args.get("cursor") or None, serialize=queries.entry_json)
    return render_template("ledger/entries.html", page=page, form=request.args, errors=errors,
                           head=queries.latest_head(), counts=queries.counts()), (422 if errors else 200)


@bp.get("/entries/<int:index>")
@page_login_required(roles=READERS)
def entry(index: int):
    leaf = queries.get_leaf(index)
    proof = services.inclusion(index)
    head = queries.latest_head()
    return render_template("ledger/entry.html", entry=queries.entry_json(leaf), proof=proof,
                           head=head and queries.head_json(head))


@bp.get("/heads")
@page_login_required(roles=READERS)
def heads():
    page = paginate(select(TreeHead), TreeHead.tree_size, limit=50, cursor=request.args.get("cursor") or None)
    sizes = [h.tree_size for h in page["items"]]
    anchors = {a.tree_size: a for a in db.session.scalars(select(Anchor).where(Anchor.tree_size.in_(sizes)))}
    return render_template("ledger/heads.html", page=page, anchors=anchors)


@bp.post("/verify")
@page_login_required(roles=READERS)
def verify_now():
    """Start the full verification as a job (it reads only) and show its progress."""
    job_id = jobs.enqueue(tasks.verify, owner_id=current_user().id, description="ledger verification")
    commit()
    return render_template("ledger/verify.html", job=_status(job_id), job_id=job_id)


@bp.get("/verify/<job_id>")
@page_login_required(roles=READERS)
def verify_status(job_id: str):
    fragment = request.headers.get("HX-Request") == "true"
    return render_template("ledger/_verify_status.html" if fragment else "ledger/verify.html",
                           job=_status(job_id), job_id=job_id)


def _status(job_id: str) -> dict:
    user = current_user()
    status = jobs.job_status(job_id, user_id=user.id, is_admin=user.has_role("admin"))
    status["poll_url"] = url_for("ledger.verify_status", job_id=job_id)
    return status

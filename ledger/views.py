"""The auditor console (read-only): search entries (by id or name, kind, time in the viewer's zone),
an entry with its proof, tree heads and anchors, verify now, export a bundle with progress."""

from __future__ import annotations

import gzip

from flask import Blueprint, Response, current_app, render_template, request, url_for
from flask_babel import gettext as _
from marshmallow import ValidationError as SchemaError
from sqlalchemy import select

from app import jobs
from app.auth.guards import current_user, page_login_required
from app.database import commit
from app.errors import AppError, NotFound, ValidationError
from app.extensions import db, redis_store
from app.formatting import time_element, viewer_zone
from app.paging import paginate
from ledger import console, queries, services, tasks
from ledger.models import Anchor, Leaf, TreeHead
from ledger.schemas import EntryFilter

bp = Blueprint("ledger", __name__, url_prefix="/ledger", template_folder="templates", static_folder="static",
               static_url_path="/static")
READERS = ["auditor", "admin"]


def _zone_shown() -> str | None:
    """The viewer's zone (the profile's, else the one the page's script sent), or None when only the
    default UTC is known: then the page's script rewrites the times in the browser's zone."""
    zone_name = viewer_zone(request.args.get("tz"))
    return None if zone_name == "UTC" else zone_name


@bp.context_processor
def _console_helpers():
    zone_name = _zone_shown()
    return {"viewer_zone": zone_name, "explorer_url": _explorer_url,
            "when": lambda value: time_element(value, zone_name or "UTC", browser_converts=not zone_name,
                                               style="precise")}


def _explorer_url(tx_hash: str) -> str | None:
    """The block explorer's page of an anchoring transaction, when ``LEDGER_EXPLORER_URL`` is set
    (``https://etherscan.io`` → ``…/tx/0x…``; a ``{tx}`` in the setting marks where the hash goes)."""
    base = current_app.config.get("LEDGER_EXPLORER_URL")
    if not base:
        return None
    return base.replace("{tx}", tx_hash) if "{tx}" in base else f"{base.rstrip('/')}/tx/{tx_hash}"


@bp.get("/")
@page_login_required(roles=READERS)
def entries():
    zone_name = _zone_shown()
    raw = {k: v for k, v in request.args.items() if k in EntryFilter().fields and v.strip()}
    for name in ("since", "until"):
        if name in raw:
            raw[name] = console.local_to_utc(raw[name], zone_name)
    errors: dict = {}
    try:
        filters = EntryFilter().load(raw)
    except SchemaError as exc:
        errors, filters = {k: v[0] for k, v in exc.messages.items()}, {}
    named, problems = console.resolve_names(request.args)
    filters.update(named)
    errors.update(problems)
    kinds = console.entry_kinds()
    if filters.get("kind") and filters["kind"] not in kinds:
        errors["kind"] = _("Choose a kind from the list.")
    if errors:
        filters = {}
    page = paginate(queries.filtered_entries(filters), Leaf.index, limit=50,
                    cursor=request.args.get("cursor") or None, serialize=queries.entry_json)
    return render_template("ledger/entries.html", page=page, form=request.args, errors=errors, kinds=kinds,
                           kind_help=console.kind_descriptions(), head=queries.latest_head(),
                           counts=queries.counts()), (422 if errors else 200)


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


# --- export of an audit bundle, as a job with progress ------------------------------------------

@bp.post("/export")
@page_login_required(roles=READERS)
def export_start():
    """Start exporting a bundle (entries from..to with their proofs) as a job; the page follows it."""
    head = queries.latest_head()
    size = head.tree_size if head else 0
    try:
        start = _index(request.form.get("from"), 0)
        end = _index(request.form.get("to"), size)
        if not head:
            raise ValidationError(fields={"from": _("The log is empty: nothing to export.")})
        if not 0 <= start <= end <= size:
            raise ValidationError(fields={"to": _("Choose 0 ≤ from ≤ to ≤ %(size)s.", size=size)})
    except AppError as exc:
        return render_template("ledger/export.html", job=None, job_id=None, errors=exc.fields), exc.status
    job_id = jobs.enqueue(tasks.export_bundle, start, end, owner_id=current_user().id,
                          description="ledger export")
    commit()
    return render_template("ledger/export.html", job=_export_status(job_id), job_id=job_id, errors={})


def _index(text: str | None, default: int) -> int:
    text = (text or "").strip()
    if not text:
        return default
    if not text.isdigit() or int(text) > 2**62:
        raise ValidationError(fields={"from": _("Enter entry numbers (0, 1, 2, …).")})
    return int(text)


@bp.get("/export/<job_id>")
@page_login_required(roles=READERS)
def export_status(job_id: str):
    fragment = request.headers.get("HX-Request") == "true"
    return render_template("ledger/_export_status.html" if fragment else "ledger/export.html",
                           job=_export_status(job_id), job_id=job_id, errors={})


@bp.get("/export/<job_id>/download")
@page_login_required(roles=READERS)
def export_download(job_id: str):
    """The finished bundle, for the auditor who asked for it only (anyone else: 404)."""
    job = _export_status(job_id)
    if job["status"] != "finished":
        raise AppError(_("The export is not finished yet."), code="export_running", status=409)
    blob = redis_store.connection.get(tasks.export_key(job_id))
    if blob is None:
        raise AppError(_("This export has expired. Export again."), code="export_expired", status=410)
    result = job["result"] or {}
    name = f"crowdline-audit-bundle-{result.get('from', 0)}-{result.get('to', 0)}.json"
    return Response(gzip.decompress(blob), mimetype="application/json",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


def _export_status(job_id: str) -> dict:
    status = jobs.job_status(job_id, user_id=current_user().id, is_admin=False)  # owner-only
    if status.get("description") != "ledger export":
        raise NotFound()
    status["poll_url"] = url_for("ledger.export_status", job_id=job_id)
    status["download_url"] = url_for("ledger.export_download", job_id=job_id)
    return status

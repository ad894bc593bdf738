"""Contact-list pages: a campaign's lists with the upload form, an import's progress and report,
and the organization's Do-Not-Call list. Numbers appear masked only."""

from __future__ import annotations

from flask import Blueprint, Response, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlalchemy import select

from app.auth.guards import current_user, get_in_org_or_404, page_login_required, scope_to_org
from app.database import commit, rollback
from app.errors import AppError, Conflict, Forbidden
from app.extensions import csrf, db
from app.paging import paginate
from marketplace.contacts import dialing, dnc, queries
from marketplace.contacts import lists as contact_lists
from marketplace.contacts.importer import IMPORTING_STATES
from marketplace.contacts.queries import report_response
from marketplace.models import Campaign, ContactList, DncEntry
from marketplace.roles import ENTERPRISE

bp = Blueprint("contacts", __name__, url_prefix="/contacts", template_folder="../templates", static_folder="../static",
               static_url_path="/static")
READERS = ENTERPRISE
WRITERS = ("enterprise_admin", "admin")
BARS = (("accepted", "ok"), ("rejected", "bad"), ("duplicates", "warn"), ("dnc_excluded", "dnc"))


def _errors(exc: AppError) -> dict:
    return exc.fields or {"_form": exc.message}


@bp.route("/campaigns/<int:campaign_id>", methods=["GET", "POST"])
@csrf.exempt  # checked in the view, after the larger upload limit applies (see contacts_api)
@page_login_required(roles=READERS)
def campaign_lists(campaign_id: int):
    """A campaign's contact lists, newest first, and the form to upload another (admins)."""
    user = current_user()
    campaign = get_in_org_or_404(Campaign, campaign_id, user)
    errors: dict = {}
    status = 200
    if request.method == "POST":
        csrf.protect()
        if not user.has_role(*WRITERS):
            raise Forbidden()
        try:
            contact_list = contact_lists.start_import(campaign, user.id, request.files.get("file"),
                                                      request.form.get("region"))
            commit()
            flash(_("File received: the import is running."), "success")
            return redirect(url_for("contacts.list_report", list_id=contact_list.id))
        except AppError as exc:
            rollback()
            errors, status = _errors(exc), exc.status
    page = paginate(select(ContactList).where(ContactList.campaign_id == campaign.id), ContactList.id, limit=20,
                    cursor=request.args.get("cursor") or None)
    accepts = campaign.kind == "outbound" and campaign.state in IMPORTING_STATES
    return render_template("marketplace/contacts/lists.html", campaign=campaign, page=page, errors=errors,
                           accepts=accepts, can_write=user.has_role(*WRITERS),
                           region=request.form.get("region", "CN"),
                           refusals=dialing.refusal_counts(campaign.id),
                           refusal_reasons=dialing.REFUSAL_REASONS), status


@bp.get("/lists/<int:list_id>")
@page_login_required(roles=READERS)
def list_report(list_id: int):
    """One import: a progress bar while it runs, then the counts as a bar chart and the rows not added."""
    contact_list = get_in_org_or_404(ContactList, list_id, current_user())
    campaign = db.session.get(Campaign, contact_list.campaign_id)
    summary = queries.list_json(contact_list, detail=True)
    biggest = max([summary[name] for name, _kind in BARS] + [1])
    bars = [{"name": name, "kind": kind, "count": summary[name], "width": round(summary[name] * 100 / biggest)}
            for name, kind in BARS]
    shown = queries.issues(contact_list.id, limit=100) if contact_list.state == "done" else []
    return render_template("marketplace/contacts/list.html", campaign=campaign, summary=summary, bars=bars,
                           issues=shown, reasons=queries.REASONS)


@bp.get("/lists/<int:list_id>/progress")
@page_login_required(roles=READERS)
def list_progress(list_id: int):
    """What the progress bar polls (JSON)."""
    contact_list = get_in_org_or_404(ContactList, list_id, current_user())
    body = {name: getattr(contact_list, name) for name in ("id", "state", "accepted", "rejected", "duplicates",
                                                          "dnc_excluded", "error")}
    body["progress"] = queries.progress(contact_list)
    return body


@bp.get("/lists/<int:list_id>/report.csv")
@page_login_required(roles=READERS)
def list_report_csv(list_id: int) -> Response:
    contact_list = get_in_org_or_404(ContactList, list_id, current_user())
    if contact_list.state != "done":
        raise Conflict(_("The import is not finished yet."), code="import_not_done")
    return report_response(contact_list)


@bp.route("/dnc", methods=["GET", "POST"])
@page_login_required(roles=READERS)
def dnc_list():
    """The Do-Not-Call list: add numbers typed or uploaded; the latest entries, masked. Platform
    admins (no organization) edit the platform's list."""
    user = current_user()
    org_id = user.org_id
    errors: dict = {}
    result = None
    status = 200
    if request.method == "POST":
        if not user.has_role(*WRITERS) or (org_id is None and not user.has_role("admin")):
            raise Forbidden()
        try:
            upload = request.files.get("file")
            numbers = dnc.numbers_from_text(request.form.get("numbers", ""))
            if upload is not None and upload.filename:
                numbers += dnc.numbers_from_file(upload.read(dnc.MAX_FILE_BYTES + 1))
            if not numbers:
                raise AppError(_("Type or upload at least one number."), status=422, code="validation_error",
                               fields={"numbers": _("Type or upload at least one number.")})
            result = dnc.add_numbers(numbers, request.form.get("region"), org_id, user.id,
                                     source="upload" if org_id is not None else "admin")
            commit()
        except AppError as exc:
            rollback()
            errors, status = _errors(exc), exc.status
    if org_id is None:
        stmt = select(DncEntry).where(DncEntry.org_id.is_(None))
    else:
        stmt = scope_to_org(select(DncEntry), DncEntry.org_id, user)
    page = paginate(stmt, DncEntry.id, limit=50, cursor=request.args.get("cursor") or None)
    return render_template("marketplace/contacts/dnc.html", page=page, errors=errors, result=result,
                           platform=org_id is None, can_write=user.has_role(*WRITERS),
                           form=request.form, reasons=queries.REASONS), status

"""Contact lists and Do-Not-Call API: upload a CSV (an import job), follow it, read the report,
list contacts (masked numbers only), add DNC numbers, record an opt-out."""

from __future__ import annotations

from apiflask import APIBlueprint
from apiflask.schemas import FileSchema
from flask import current_app, request, url_for
from flask_babel import gettext as _
from sqlalchemy import select

from app.auth.guards import get_in_org_or_404, require_user, scope_to_org, token_auth
from app.database import commit
from app.errors import Conflict
from app.paging import PageQuery, page_schema, paginate
from marketplace.contacts import dialing, dnc
from marketplace.contacts import lists as contact_lists
from marketplace.contacts.queries import contact_json, entry_json, list_json, report_response
from marketplace.contacts.schemas import (
    ContactListOut,
    ContactOut,
    ContactsQuery,
    ContactUploadIn,
    DncEntryOut,
    DncFileIn,
    DncIn,
    DncResultOut,
)
from marketplace.models import Campaign, Contact, ContactList, DncEntry
from marketplace.roles import ENTERPRISE

bp = APIBlueprint("contacts_api", __name__, url_prefix="/api/v1", tag="Contacts")

READERS = ENTERPRISE
WRITERS = ["enterprise_admin", "admin"]
DEFAULT_UPLOAD_MAX_BYTES = 512 * 1024 * 1024
UPLOAD_ENDPOINTS = {"contacts_api.upload_contacts", "contacts.campaign_lists"}


@bp.before_app_request
def _allow_large_contact_files():
    """Contact CSVs may be far larger than other uploads (a million rows is tens of MB); they are
    spooled to disk by the form parser, never held in memory."""
    if request.endpoint in UPLOAD_ENDPOINTS and request.method == "POST":
        request.max_content_length = current_app.config.get("CONTACT_UPLOAD_MAX_BYTES", DEFAULT_UPLOAD_MAX_BYTES)


def _list_body(contact_list: ContactList, *, detail: bool = False) -> dict:
    body = list_json(contact_list, detail=detail)
    body["report_url"] = url_for("contacts_api.import_report", list_id=contact_list.id)
    return body


@bp.post("/campaigns/<int:campaign_id>/contacts")
@bp.auth_required(token_auth, roles=WRITERS)
@bp.input(ContactUploadIn, location="files", arg_name="data")
@bp.output(ContactListOut, status_code=202)
@bp.doc(summary="Upload a contact list (CSV) to an outbound campaign: an import job",
        description="The file is checked whole first (encoding, line lengths, a phone column): a bad file is a 422 "
                    "and nothing changes. The import then runs as a job: numbers normalised to E.164, invalid rows "
                    "rejected with a reason, duplicates (in the file or the campaign) merged, numbers on the "
                    "organization's or the platform's Do-Not-Call list excluded. 409 unless the campaign is an "
                    "outbound draft, published, running or paused.",
        tags=["Contacts"], responses=[403, 404, 409, 413, 422])
def upload_contacts(campaign_id, data):
    user = require_user()
    campaign = get_in_org_or_404(Campaign, campaign_id, user)
    contact_list = contact_lists.start_import(campaign, user.id, data["file"], data["region"])
    commit()
    return _list_body(contact_list)


@bp.get("/campaigns/<int:campaign_id>/contact-lists")
@bp.auth_required(token_auth, roles=READERS)
@bp.input(PageQuery, location="query", arg_name="page")
@bp.output(page_schema(ContactListOut))
@bp.doc(summary="A campaign's contact lists, newest first", tags=["Contacts"], responses=[403, 404])
def list_contact_lists(campaign_id, page):
    campaign = get_in_org_or_404(Campaign, campaign_id, require_user())
    return paginate(select(ContactList).where(ContactList.campaign_id == campaign.id), ContactList.id,
                    serialize=_list_body, **page)


@bp.get("/contact-lists/<int:list_id>")
@bp.auth_required(token_auth, roles=READERS)
@bp.output(ContactListOut)
@bp.doc(summary="A contact list's import report: state, progress, counts and the reasons rows were not added",
        tags=["Contacts"], responses=[403, 404])
def get_contact_list(list_id):
    return _list_body(get_in_org_or_404(ContactList, list_id, require_user()), detail=True)


@bp.get("/contact-lists/<int:list_id>/report.csv")
@bp.auth_required(token_auth, roles=READERS)
@bp.output(FileSchema(type="string", format="binary"), content_type="text/csv",
           description="`row,status,reason,detail` for every row of the file; status is accepted, rejected, "
                       "duplicate or dnc; detail is the masked number.")
@bp.doc(summary="Download the import report (CSV)", tags=["Contacts"], responses=[403, 404, 409])
def import_report(list_id):
    contact_list = get_in_org_or_404(ContactList, list_id, require_user())
    if contact_list.state != "done":
        raise Conflict(_("The import is not finished yet."), code="import_not_done")
    return report_response(contact_list)


@bp.get("/campaigns/<int:campaign_id>/contacts")
@bp.auth_required(token_auth, roles=READERS)
@bp.input(ContactsQuery, location="query", arg_name="query")
@bp.output(page_schema(ContactOut))
@bp.doc(summary="A campaign's contacts (numbers masked), newest first", tags=["Contacts"], responses=[403, 404])
def list_contacts(campaign_id, query):
    campaign = get_in_org_or_404(Campaign, campaign_id, require_user())
    stmt = select(Contact).where(Contact.campaign_id == campaign.id)
    if query["state"]:
        stmt = stmt.where(Contact.state == query["state"])
    if query["list_id"]:
        stmt = stmt.where(Contact.list_id == query["list_id"])
    return paginate(stmt, Contact.id, limit=query["limit"], cursor=query["cursor"],
                    serialize=contact_json)


@bp.post("/contacts/<int:contact_id>/opt-out")
@bp.auth_required(token_auth, roles=WRITERS)
@bp.output(ContactOut)
@bp.doc(summary="Record that a contact asked not to be called: on the organization's DNC list at once",
        tags=["Contacts"], responses=[403, 404])
def opt_out(contact_id):
    user = require_user()
    contact = get_in_org_or_404(Contact, contact_id, user)
    dialing.record_opt_out(contact.id, user.id)
    commit()
    return contact_json(contact)


# --- Do-Not-Call ------------------------------------------------------------------------------

def _org_of(user) -> int:
    if user.org_id is None:
        raise Conflict(_("Platform admins add to the platform list: POST /api/v1/admin/dnc."),
                       code="no_organization")
    return user.org_id


@bp.post("/dnc")
@bp.auth_required(token_auth, roles=["enterprise_admin"])
@bp.input(DncIn, arg_name="data")
@bp.output(DncResultOut)
@bp.doc(summary="Add numbers to the organization's Do-Not-Call list", tags=["Do-Not-Call"],
        description="Numbers already listed are counted, invalid ones reported (masked); up to 10,000 at a time.",
        responses=[403, 409, 422])
def add_dnc(data):
    user = require_user()
    result = dnc.add_numbers(data["numbers"], data["region"], _org_of(user), user.id)
    commit()
    return result


@bp.post("/dnc/file")
@bp.auth_required(token_auth, roles=["enterprise_admin"])
@bp.input(DncFileIn, location="files", arg_name="data")
@bp.output(DncResultOut)
@bp.doc(summary="Upload numbers to the organization's Do-Not-Call list (CSV)", tags=["Do-Not-Call"],
        responses=[403, 409, 422])
def upload_dnc(data):
    user = require_user()
    numbers = dnc.numbers_from_file(data["file"].read(dnc.MAX_FILE_BYTES + 1))
    result = dnc.add_numbers(numbers, data["region"], _org_of(user), user.id)
    commit()
    return result


@bp.get("/dnc")
@bp.auth_required(token_auth, roles=READERS)
@bp.input(PageQuery, location="query", arg_name="page")
@bp.output(page_schema(DncEntryOut))
@bp.doc(summary="The organization's Do-Not-Call entries (masked), newest first", tags=["Do-Not-Call"],
        responses=[403])
def list_dnc(page):
    stmt = scope_to_org(select(DncEntry), DncEntry.org_id, require_user())
    return paginate(stmt, DncEntry.id, serialize=entry_json, **page)


@bp.post("/admin/dnc")
@bp.auth_required(token_auth, roles=["admin"])
@bp.input(DncIn, arg_name="data")
@bp.output(DncResultOut)
@bp.doc(summary="Add numbers to the platform's Do-Not-Call list (every enterprise)", tags=["Do-Not-Call"],
        responses=[403, 422])
def add_platform_dnc(data):
    user = require_user()
    result = dnc.add_numbers(data["numbers"], data["region"], None, user.id, source="admin")
    commit()
    return result

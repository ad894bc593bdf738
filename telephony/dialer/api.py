"""The dialer's API: a campaign's dialer settings and figures (enterprise), and preview mode (the
member's next contact — masked card and script — and the dial action)."""

from __future__ import annotations

from apiflask import APIBlueprint

from app.auth.guards import get_in_org_or_404, require_user, token_auth
from app.database import commit
from telephony.campaigns import Campaign
from telephony.dialer import services
from telephony.dialer.schemas import DialerOut, DialerSettingsIn, DialOut, PreviewOut, PreviewQuery

bp = APIBlueprint("telephony_dialer", __name__, url_prefix="/api/v1", tag="Dialer")

ENTERPRISE = ["enterprise_admin", "enterprise_supervisor", "admin"]


@bp.get("/campaigns/<int:campaign_id>/dialer")
@bp.auth_required(token_auth, roles=ENTERPRISE)
@bp.output(DialerOut)
@bp.doc(summary="The campaign's dialer settings, the provider's call-rate limit, the measured abandonment rate "
                "and why contacts were not dialed", tags=["Campaigns"], responses=[403, 404])
def get_dialer(campaign_id):
    return services.dialer_json(get_in_org_or_404(Campaign, campaign_id, require_user()))


@bp.put("/campaigns/<int:campaign_id>/dialer")
@bp.auth_required(token_auth, roles=["enterprise_admin", "admin"])
@bp.input(DialerSettingsIn, arg_name="data")
@bp.output(DialerOut)
@bp.doc(summary="Set the campaign's dialer settings (mode, abandonment cap, answering machines, pacing)",
        description="Only the fields given change. 422 naming each bad field: an unknown mode or machine treatment, "
                    "a cap above 3 %, a ring shorter than 15 s, calls per second above the provider's limit. "
                    "Dialing starts and stops with the campaign's own run and pause.",
        tags=["Campaigns"], responses=[403, 404, 422])
def set_dialer(campaign_id, data):
    found = get_in_org_or_404(Campaign, campaign_id, require_user())
    services.configure_dialer(found, data)
    commit()
    return services.dialer_json(found)


@bp.get("/dialer/preview")
@bp.auth_required(token_auth, roles=["member"])
@bp.input(PreviewQuery, location="query", arg_name="query")
@bp.output(PreviewOut)
@bp.doc(summary="The member's next preview contact: its masked card and the campaign's script",
        description="From the preview-mode campaigns the member is checked in to (or `campaign_id`), the next "
                    "contact that may be called now. `contact` is null when none is due.", responses=[403, 404])
def next_preview(query):
    return {"contact": services.next_preview(require_user(), query.get("campaign_id"))}


@bp.post("/dialer/preview/<int:contact_id>/dial")
@bp.auth_required(token_auth, roles=["member"])
@bp.output(DialOut, status_code=201)
@bp.doc(summary="Dial the previewed contact",
        description="The checks run again at this moment: 409 with the reason (outside the callee's calling hours, "
                    "on a DNC list, attempts used up, not due yet, campaign not running, escrow exhausted) and "
                    "nothing dialed; 404 for a contact of a campaign the member is not checked in to. Once the "
                    "callee answers, the member's softphone rings.", responses=[403, 404, 409])
def dial_preview(contact_id):
    interaction = services.dial_preview(require_user(), contact_id)
    commit()
    return {"interaction_id": interaction.id, "contact_id": contact_id, "state": interaction.state}

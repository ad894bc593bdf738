"""The words pages show for the marketplace's codes, defined once and translated: campaign states,
kinds and transitions, industries, claim states, and the wizard's and calendar's choices."""

from flask_babel import lazy_gettext as _l

from app.formatting import LANGUAGE_NAMES

CAMPAIGN_STATE_LABELS = {"draft": _l("Draft"), "published": _l("Published"), "running": _l("Running"),
                         "paused": _l("Paused"), "completed": _l("Completed"), "cancelled": _l("Cancelled")}
TRANSITION_LABELS = {"published": _l("Publish (hold the budget)"), "running": _l("Start"), "paused": _l("Pause"),
                     "completed": _l("Complete (release unspent escrow)"), "cancelled": _l("Cancel")}
KIND_LABELS = {"inbound": _l("Inbound"), "outbound": _l("Outbound")}
PURPOSE_LABELS = {"satisfaction_callback": _l("Satisfaction callback"), "survey": _l("Survey"),
                  "win_back": _l("Win-back of silent users"), "promotion": _l("Promotion"),
                  "reminder": _l("Appointment reminder")}
OUTCOME_LABELS = {"success": _l("Success"), "retry": _l("Retry later"), "final": _l("Final (do not retry)")}
TIER_LABELS = {"bronze": _l("Bronze"), "silver": _l("Silver"), "gold": _l("Gold"), "diamond": _l("Diamond")}
DAY_LABELS = (_l("Mon"), _l("Tue"), _l("Wed"), _l("Thu"), _l("Fri"), _l("Sat"), _l("Sun"))
INDUSTRY_LABELS = {"general": _l("General"), "ecommerce": _l("E-commerce"), "finance": _l("Finance"),
                   "energy": _l("Energy"), "government": _l("Government"), "travel": _l("Travel"),
                   "food_delivery": _l("Food delivery"), "telecom": _l("Telecom")}
STEP_LABELS = {"kind": _l("Kind"), "basics": _l("Basics"), "pay": _l("Pay and QA"),
               "requirements": _l("Requirements"), "workload": _l("Workload"), "shifts": _l("Shifts")}
BAND_LABELS = {"fill-none": _l("No seat claimed"), "fill-low": _l("Claimed: under 50%"),
               "fill-mid": _l("Claimed: 50–79%"), "fill-high": _l("Claimed: 80–99%"), "fill-full": _l("Full"),
               "fill-empty": _l("No seats"), "fill-cancelled": _l("Cancelled")}
CLAIM_STATE_LABELS = {"claimed": _l("Claimed"), "checked_in": _l("Checked in"), "released": _l("Released"),
                      "no_show": _l("No-show"), "bumped": _l("Removed")}
REMOVAL_REASON_LABELS = {
    "certification_revoked": _l("certification revoked"), "certification_expired": _l("certification expired"),
    "account_suspended": _l("account suspended"), "requirements_unmet": _l("no longer meets the requirements")}
LANGUAGE_LABELS = LANGUAGE_NAMES  # one name per language everywhere

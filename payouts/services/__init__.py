"""The money operations, callable without HTTP. Other packages use the escrow and earning verbs:

- ``hold_escrow(campaign_id, org_id, amount, currency, key)``: enterprise wallet → campaign escrow
- ``release_escrow(campaign_id, org_id, amount, currency, key)``: campaign escrow → enterprise wallet
- ``accrue_earning(campaign_id, interaction_id, member_id, amount, currency, key)``: escrow → member pending
- ``approve_earning(interaction_id, key, fee_bps=None)``: member pending → member available + platform fee
- ``approve_accrual(accrual_key, fee_bps=None)``: the same for an earning accrued with no interaction
  (pay per shift hour), found by its accrual's key and settled under ``approval_key(accrual_key)``
- ``reverse_earning(interaction_id, key, to="escrow"|"wallet")``: member pending → campaign escrow (or wallet)
- ``reinstate_earning(interaction_id, key, fee_bps=None)``: a reversed earning paid after all (escrow → available)

Each is idempotent on ``key`` (the same key again returns the first transfer and moves nothing),
returns the ``Transfer``, sends ``money_transferred`` once, and never commits: the caller commits.
"""

from payouts.services.batch import (
    create_payouts,
    eligible_for_batch,
    execute_payouts,
    stalled_payouts,
    unpaid_scheduled_payouts,
)
from payouts.services.earnings import (
    accrue_earning,
    approval_key,
    approve_accrual,
    approve_earning,
    hold_escrow,
    reinstate_earning,
    release_escrow,
    reverse_earning,
)
from payouts.services.notices import notice_of
from payouts.services.payouts import (
    dashboard_link,
    execute_payout,
    fail_payout,
    mark_payout_paid,
    request_payout,
    save_payout_details,
    start_onboarding,
)
from payouts.services.provider_events import confirm_simulated_checkout, handle_event
from payouts.services.topups import create_topup

__all__ = [
    "accrue_earning", "approval_key", "approve_accrual", "approve_earning", "confirm_simulated_checkout",
    "create_payouts", "create_topup",
    "dashboard_link", "eligible_for_batch", "execute_payout", "execute_payouts",
    "fail_payout", "handle_event", "hold_escrow", "mark_payout_paid", "notice_of", "reinstate_earning",
    "release_escrow", "request_payout", "reverse_earning", "save_payout_details", "stalled_payouts",
    "start_onboarding", "unpaid_scheduled_payouts",
]

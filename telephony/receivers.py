"""What telephony does when other domains report a change: members who may no longer take calls
leave routing at once; money added to the escrow of a campaign whose routing is held resumes it.
The database part runs in the sender's transaction; the ACD follows after the commit."""

from __future__ import annotations

from app import events
from app.jobs import enqueue
from telephony import agents, earnings, numbers
from telephony.dialer import answering


def _refresh_routing(sender, member_id, **_payload) -> None:
    if agents.is_present(member_id):  # a member who is not reachable is routed nowhere already
        agents.refresh_routing(member_id)


def _take_out_of_routing(sender, user_id, **_payload) -> None:
    agents.take_out_of_routing(user_id)


def _refresh_campaign_agents(sender, campaign_id, from_state=None, to_state=None, **_payload) -> None:
    if "running" in (from_state, to_state):
        enqueue("telephony.tasks.refresh_campaign_agents", campaign_id, description="agents' routing")


def _accounts(to_account: str | None) -> list[tuple[str, int, str]]:
    """``(owner kind, owner id, purpose)`` of each account a transfer credited (its labels)."""
    found = []
    for label in (to_account or "").split("+"):
        kind, owner_id, purpose = [*label.split(":"), "", "", ""][:3]
        if owner_id.isdigit():
            found.append((kind, int(owner_id), purpose))
    return found


def _money_added(sender, to_account=None, reason=None, key=None, **_payload) -> None:
    """Money for a campaign whose routing is held for lack of escrow, after the sender commits: into
    its escrow, a job pays what was owed and releases the hold (``earnings.resume_campaign_routing``);
    a top-up of its organization's wallet, a job first moves what the escrow lacks from the wallet
    (``earnings.refill_held_campaigns``)."""
    for kind, owner_id, purpose in _accounts(to_account):
        if reason == "escrow_hold" and (kind, purpose) == ("campaign", "escrow") \
                and earnings.campaign_routing_paused(owner_id):
            enqueue("telephony.tasks.resume_routing", owner_id, description="routing resumed after escrow")
        elif reason == "topup" and (kind, purpose) == ("org", "wallet") and earnings.org_routing_held(owner_id):
            enqueue("telephony.tasks.refill_held_campaigns", owner_id, key or "topup",
                    description="held campaigns refilled after a top-up")


def connect() -> None:
    for signal in (events.claim_released, events.claim_no_show, events.certification_revoked,
                   events.certification_expired, events.tags_recomputed):
        signal.connect(_refresh_routing)
    events.user_suspended.connect(_take_out_of_routing)
    events.campaign_changed.connect(_refresh_campaign_agents)
    events.campaign_changed.connect(numbers.allocate_on_publish, weak=False)
    answering.connect(events)
    events.money_transferred.connect(_money_added)

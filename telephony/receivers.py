"""What telephony does when other domains report a change: members who may no longer take calls
leave routing at once. The database part runs in the sender's transaction; the ACD follows after
the commit."""

from __future__ import annotations

from app import events
from app.jobs import enqueue
from telephony import agents, numbers
from telephony.dialer import answering


def _refresh_routing(sender, member_id, **_payload) -> None:
    if agents.is_present(member_id):  # a member who is not reachable is routed nowhere already
        agents.refresh_routing(member_id)


def _take_out_of_routing(sender, user_id, **_payload) -> None:
    agents.take_out_of_routing(user_id)


def _refresh_campaign_agents(sender, campaign_id, from_state=None, to_state=None, **_payload) -> None:
    if "running" in (from_state, to_state):
        enqueue("telephony.tasks.refresh_campaign_agents", campaign_id, description="agents' routing")


def connect() -> None:
    for signal in (events.claim_released, events.claim_no_show, events.certification_revoked,
                   events.certification_expired, events.tags_recomputed):
        signal.connect(_refresh_routing)
    events.user_suspended.connect(_take_out_of_routing)
    events.campaign_changed.connect(_refresh_campaign_agents)
    events.campaign_changed.connect(numbers.allocate_on_publish, weak=False)
    answering.connect(events)

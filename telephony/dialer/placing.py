"""Placing one outbound call: the provider's rate taken from the shared bucket, then (after commit)
the provider call with the campaign's caller ID, the ring time and answering-machine detection."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from flask import current_app

from app.database import commit, rollback
from app.extensions import db, redis_store
from telephony import services
from telephony.calls import webhook_url
from telephony.dialer import outcomes
from telephony.dialer.pacing import TokenBucket, bucket_for
from telephony.dialer.settings import effective_cps, provider_cps_limit
from telephony.models import Interaction
from telephony.providers import ProviderError, get_provider

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Dialed:
    """What ``dial_contact`` did: the interaction of the call placed, or why none was."""

    interaction_id: int | None
    reason: str

    @property
    def placed(self) -> bool:
        return self.interaction_id is not None


def take_token(provider_name: str, settings: dict, campaign_id: int) -> bool:
    """One call's worth of rate, or False: from the campaign's own bucket when it set a lower
    ``cps``, then from the provider account's bucket (at the provider's limit), both shared by every
    process."""
    limit = provider_cps_limit(provider_name, current_app.config)
    chosen = effective_cps(settings.get("cps"), limit)
    client = redis_store.connection
    if chosen < limit and not TokenBucket(client, f"dialer:cps:{provider_name}:campaign:{campaign_id}",
                                          chosen).take()[0]:
        return False
    return bucket_for(client, provider_name, limit).take()[0]


def place_call(interaction_id: int, number: str, caller_id: str, machine_detection: str | None, ring_seconds: int,
               member_id: int | None = None) -> None:
    """After commit: the provider call, and its SID on the interaction (in a transaction of its own);
    a call the provider refuses fails the interaction and counts as a failed attempt."""
    provider = get_provider()
    try:
        placed = provider.place_call(number, caller_id,
                                     webhook_url("outbound", provider, interaction=interaction_id, member=member_id),
                                     status_callback=webhook_url("status", provider, interaction=interaction_id,
                                                                 leg="customer"),
                                     machine_detection=machine_detection, timeout=ring_seconds,
                                     async_amd_callback=webhook_url("amd", provider, interaction=interaction_id)
                                     if machine_detection else None)
    except ProviderError as error:
        logger.warning("Could not place outbound interaction %s: %s", interaction_id, error)
        try:
            outcomes.not_answered(db.session.get(Interaction, interaction_id), "failed", None)
            commit()
        except Exception:
            rollback()
            logger.exception("Could not record the failed dial of interaction %s", interaction_id)
        return
    try:
        services.attach_call(interaction_id, customer_call_sid=placed.sid)
        commit()
    except Exception:
        rollback()
        logger.exception("Could not attach call %s to interaction %s", placed.sid, interaction_id)

"""The nightly purge of recordings past their campaign's retention, the provider's media fetched into
the store, and a finished upload made whole in the store."""

from __future__ import annotations

import logging
from datetime import timedelta

from rq import Retry

from app.jobs import job

logger = logging.getLogger(__name__)

PURGE_EVERY = timedelta(days=1)


@job("default")
def purge_recordings() -> int:
    from app.database import commit
    from telephony.recordings import services

    purged = services.purge_expired()
    commit()
    if purged:
        logger.info("Purged the media of %s recordings past retention", purged)
    return purged


@job("default", retry=Retry(max=3, interval=[60, 300, 1800]))
def fetch_provider_recording(interaction_id: int, provider_name: str, recording_url: str) -> bool:
    """Download a recording the provider made (after its callback) into the recordings' store.
    A provider that keeps no media (the local carrier) leaves the reference only."""
    from app.database import commit
    from app.extensions import db
    from telephony.models import Interaction
    from telephony.providers import ProviderError, get_provider
    from telephony.recordings import services

    interaction = db.session.get(Interaction, interaction_id)
    provider = get_provider(provider_name)
    if interaction is None or not hasattr(provider, "fetch_recording"):
        return False
    try:
        media = provider.fetch_recording(recording_url)
    except ProviderError as exc:
        if exc.status is not None and exc.status < 500:
            logger.warning("The recording of interaction %s cannot be fetched: %s", interaction_id, exc)
            return False
        raise  # a passing failure: retried
    if media is None:
        return False
    services.store_provider_media(interaction, recording_url, media[0], media[1])
    commit()
    return True


@job("default", retry=Retry(max=3, interval=[60, 300, 1800]))
def complete_recording(recording_id: int) -> bool:
    """Tell the store a recording's upload is whole (an object store assembles its staged parts into
    one object). Safe to run twice; a recording purged meanwhile is left alone."""
    from app.extensions import db
    from telephony.recordings.models import Recording
    from telephony.recordings.storage import store

    recording = db.session.get(Recording, recording_id)
    if recording is None or recording.state != "ready":
        return False
    store().complete(recording.storage_key)
    return True

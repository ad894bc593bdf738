"""A campaign's recording policy, kept in ``campaign.settings["recording"]``: whether its calls are
recorded, the consent announcement the caller hears first (per language), how many days the media
is kept, and the trainers who review its calls (QA) and so may listen."""

from __future__ import annotations

from flask_babel import force_locale
from flask_babel import gettext as _

DEFAULTS = {"enabled": True, "consent": {}, "retention_days": 90, "qa_reviewer_ids": []}


def policy(campaign) -> dict:
    chosen = dict((campaign.settings or {}).get("recording") or {})
    return {key: chosen.get(key, default) for key, default in DEFAULTS.items()}


def consent_text(campaign, language: str) -> str:
    """The announcement in the caller's language: the campaign's own, else the default."""
    own = (policy(campaign)["consent"] or {}).get(language)
    if own:
        return own
    with force_locale(language):
        return _("This call will be recorded for quality and training.")

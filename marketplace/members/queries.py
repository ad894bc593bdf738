"""Reads of members' work profiles, and their JSON."""

from __future__ import annotations

from marketplace.models import MemberProfile


def profile_json(profile: MemberProfile) -> dict:
    return {name: getattr(profile, name) for name in ("member_id", "languages", "region", "reliability",
                                                      "shifts_attended", "late_releases", "no_shows", "qa_average")}

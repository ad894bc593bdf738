"""Certification operations: definitions, requirements, grants (with renewals, expiry and revocation),
practical grading, the member's work quality (from quality's signals) and the skill tags and tiers
computed from them. Handlers commit."""

from certification.services.definitions import (
    EXAM_DEFAULTS,
    all_certifications,
    author_definition,
    certifications_by_key,
    check_courses,
    get_certification,
    load_definition,
    validate_definition,
)
from certification.services.grants import (
    credential_expired,
    expire_due,
    grant,
    grant_automatically_after_exam,
    member_grants,
    revoke,
)
from certification.services.practicals import (
    PRACTICAL_PASS_RATIO,
    grade_practical,
    pending_practicals,
    submit_practical,
)
from certification.services.requirements import (
    active_certification_keys,
    active_grant,
    best_exam_score,
    practical_status,
    requirements,
    steps_left,
)
from certification.services.tags import gather_inputs, member_section, member_tags, member_tier, recompute_tags
from certification.services.work_quality import member_work_quality

__all__ = [
    "EXAM_DEFAULTS",
    "PRACTICAL_PASS_RATIO",
    "active_certification_keys",
    "active_grant",
    "all_certifications",
    "author_definition",
    "best_exam_score",
    "certifications_by_key",
    "check_courses",
    "credential_expired",
    "expire_due",
    "gather_inputs",
    "get_certification",
    "grade_practical",
    "grant",
    "grant_automatically_after_exam",
    "load_definition",
    "member_grants",
    "member_section",
    "member_tags",
    "member_tier",
    "member_work_quality",
    "pending_practicals",
    "practical_status",
    "recompute_tags",
    "requirements",
    "revoke",
    "steps_left",
    "submit_practical",
    "validate_definition",
]

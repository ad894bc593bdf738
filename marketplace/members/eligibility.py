"""Who may work a campaign, why not, how to get there, and how well a member fits.

``member_facts`` gathers what is known of one member in a handful of queries; ``check`` compares
them with a campaign's requirements in memory (so a feed over hundreds of campaigns costs no more
queries); ``explain`` adds the way to unlock each missing requirement ("needs certification
E-commerce after-sales L1: 2 lessons and the exam left"), which costs a few queries per
certification and is done only for what is shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flask_babel import get_locale, ngettext
from flask_babel import gettext as _
from sqlalchemy import func, select

from app.auth.models import User
from app.errors import Forbidden
from app.extensions import db
from app.formatting import language_name
from certification import services as certification
from certification.labels import TIER_LABELS, tag_label
from certification.models import MemberTag, MemberTier
from certification.tiers import QA_FLOOR, QA_WINDOW
from marketplace.models import Campaign, Claim, MemberProfile

TIER_ORDER = ("none", "bronze", "silver", "gold", "diamond")
# Fit weights: skill match, tier, QA average, reliability, past work for the enterprise.
FIT_WEIGHTS = {"skills": 0.35, "tier": 0.15, "qa": 0.20, "reliability": 0.20, "history": 0.10}
QA_WHEN_UNKNOWN = 70.0  # a member without scored calls ranks as an average one


@dataclass
class MemberFacts:
    member_id: int
    certifications: set[str] = field(default_factory=set)
    tags: dict[str, int] = field(default_factory=dict)
    tier: str = "none"
    languages: list[str] = field(default_factory=list)
    region: str | None = None
    qa_average: float | None = None
    reliability: int = 100
    attended_by_org: dict[int, int] = field(default_factory=dict)


# Which facts each requirement reads (the rest need not be loaded to check it).
NEEDS = {"certifications": "certifications", "tags": "tags", "min_tier": "tier", "languages": "profile",
         "regions": "profile", "min_qa_average": "profile", "min_reliability": "profile"}
ALL_FACTS = frozenset({"certifications", "tags", "tier", "profile", "history"})


def needed_facts(campaign: Campaign) -> set[str]:
    return {NEEDS[key] for key, value in (campaign.requirements or {}).items()
            if key in NEEDS and value not in (None, [], {})}


def member_facts(member_id: int, needs: set[str] | frozenset[str] = ALL_FACTS,
                 profile: MemberProfile | None = None) -> MemberFacts:
    """What is known of the member, limited to ``needs`` (a claim loads only what its campaign
    checks); ``profile`` is their profile row when the caller already holds it."""
    facts = MemberFacts(member_id=member_id)
    if "profile" in needs:
        profile = profile or db.session.get(MemberProfile, member_id)
        if profile is not None:
            facts.languages, facts.region = list(profile.languages or []), profile.region
            facts.qa_average, facts.reliability = profile.qa_average, profile.reliability
    if "tier" in needs:
        tier = db.session.get(MemberTier, member_id)
        facts.tier = tier.tier if tier else "none"
    if "certifications" in needs:
        facts.certifications = certification.active_certification_keys(member_id)
    if "tags" in needs:
        facts.tags = dict(db.session.execute(select(MemberTag.tag, MemberTag.score)
                                             .where(MemberTag.member_id == member_id)).all())
    if "history" in needs:
        history = db.session.execute(
            select(Campaign.org_id, func.count()).select_from(Claim).join(Campaign, Campaign.id == Claim.campaign_id)
            .where(Claim.member_id == member_id, Claim.state == "checked_in").group_by(Campaign.org_id)).all()
        facts.attended_by_org = {org_id: count for org_id, count in history}
    return facts


@dataclass
class Missing:
    """One requirement the member does not meet."""

    kind: str  # certification | tag | tier | language | region | qa_average | reliability
    key: str
    required: object
    have: object
    message: str = ""
    unlock: list[str] = field(default_factory=list)
    url: str | None = None

    def to_dict(self) -> dict:
        return {"kind": self.kind, "key": self.key, "required": self.required, "have": self.have,
                "message": self.message, "unlock": self.unlock, "url": self.url}


def check(facts: MemberFacts, campaign: Campaign) -> list[Missing]:
    """The requirements of ``campaign`` that ``facts`` do not meet (empty: eligible). No queries."""
    wanted = campaign.requirements or {}
    missing: list[Missing] = []
    for key in wanted.get("certifications") or []:
        if key not in facts.certifications:
            missing.append(Missing("certification", key, True, False))
    for tag, minimum in (wanted.get("tags") or {}).items():
        if facts.tags.get(tag, 0) < minimum:
            missing.append(Missing("tag", tag, minimum, facts.tags.get(tag, 0)))
    tier = wanted.get("min_tier")
    if tier and TIER_ORDER.index(facts.tier) < TIER_ORDER.index(tier):
        missing.append(Missing("tier", tier, tier, facts.tier))
    for language in wanted.get("languages") or []:
        if language not in facts.languages:
            missing.append(Missing("language", language, language, facts.languages))
    regions = wanted.get("regions") or []
    if regions and facts.region not in regions:
        missing.append(Missing("region", ",".join(regions), regions, facts.region))
    qa = wanted.get("min_qa_average")
    if qa is not None and (facts.qa_average is None or facts.qa_average < qa):
        missing.append(Missing("qa_average", "qa_average", qa, facts.qa_average))
    reliability = wanted.get("min_reliability")
    if reliability is not None and facts.reliability < reliability:
        missing.append(Missing("reliability", "reliability", reliability, facts.reliability))
    return missing


def _gap(required, have) -> str:
    """How far a member is from a threshold, as a short number: ``15`` or ``0.4``."""
    try:
        gap = float(required) - float(have or 0)
    except (TypeError, ValueError):
        return "?"
    return f"{gap:.1f}".rstrip("0").rstrip(".")


def _name(names: dict | None, fallback: str) -> str:
    if not names:
        return fallback
    locale = str(get_locale() or "en")[:2]
    return names.get(locale) or names.get("en") or fallback


def _cert_steps(member: User, cert) -> list[str]:
    left = certification.steps_left(member, cert)
    parts = []
    if left["lessons"]:
        parts.append(ngettext("%(num)s lesson", "%(num)s lessons", left["lessons"]))
    if left["course_quizzes"]:
        parts.append(ngettext("%(num)s course quiz", "%(num)s course quizzes", left["course_quizzes"]))
    if left["exam"]:
        parts.append(_("the exam"))
    if left["practical"] == "pending":
        parts.append(_("the practical assessment (waiting for a trainer)"))
    elif left["practical"]:
        parts.append(_("the practical assessment"))
    if left["profile"]:
        parts.append(_("the work-style assessment"))
    return parts


def explain(member: User, missing: list[Missing]) -> list[Missing]:
    """Fill each missing requirement's message and the way to unlock it (a few queries each)."""
    certs = certification.certifications_by_key(m.key for m in missing if m.kind == "certification")
    tags_missing = any(m.kind == "tag" for m in missing)
    catalog = certification.all_certifications() if tags_missing else []
    suspended = set(db.session.scalars(select(MemberTag.tag).where(
        MemberTag.member_id == member.id, MemberTag.quality == "suspended"))) if tags_missing else set()
    for item in missing:
        if item.kind == "certification":
            cert = certs.get(item.key)
            name = _name(cert.name if cert else None, item.key)
            steps = _cert_steps(member, cert) if cert else []
            item.unlock = steps
            item.url = "/certifications/"
            if steps:
                item.message = _("Needs certification %(name)s: %(steps)s left.", name=name, steps=", ".join(steps))
            else:
                item.message = _("Needs certification %(name)s: everything is done, it will be granted shortly.",
                                 name=name)
        elif item.kind == "tag":
            granting = [c for c in catalog if item.key in (c.tags or [])]
            item.unlock = [_name(c.name, c.key) for c in granting]
            item.url = "/certifications/"
            item.message = _("Needs skill %(tag)s at %(required)s (yours: %(have)s, %(gap)s to go).",
                             tag=tag_label(item.key), required=item.required, have=item.have,
                             gap=_gap(item.required, item.have))
            if item.key in suspended:  # certified, but the work fell below the QA floor
                item.message += " " + _("Your certification for it is suspended: the QA average of your last "
                                        "%(window)s decided calls is below %(floor)s.",
                                        window=QA_WINDOW, floor=QA_FLOOR)
                item.unlock = [_("Work campaigns that do not ask for this skill and bring your QA average back to "
                                 "%(floor)s.", floor=QA_FLOOR)]
                item.url = "/certifications/"
            elif item.unlock:
                item.message += " " + _("Certifications that raise it: %(names)s.", names=", ".join(item.unlock))
        elif item.kind == "tier":
            item.url = "/academy/me"
            item.message = _("Needs tier %(required)s (yours: %(have)s).", required=TIER_LABELS.get(item.required,
                             item.required), have=TIER_LABELS.get(item.have, item.have))
            item.unlock = [_("Raise your best skill score and hold more certifications.")]
        elif item.kind == "language":
            item.url = "/work/profile"
            item.message = _("Needs the language %(language)s on your profile.", language=language_name(item.key))
            item.unlock = [_("Add the language to your profile.")]
        elif item.kind == "region":
            item.url = "/work/profile"
            item.message = _("Open to members in %(regions)s.", regions=", ".join(item.required))
            item.unlock = [_("Set your region on your profile.")]
        elif item.kind == "qa_average":
            item.url = "/work/shifts"
            if item.have is None:
                item.message = _("Needs a QA average of %(required)s; you have no scored calls yet.",
                                 required=item.required)
            else:
                item.message = _("Needs a QA average of %(required)s (yours: %(have)s, %(gap)s to go).",
                                 required=item.required, have=round(item.have, 1), gap=_gap(item.required, item.have))
            item.unlock = [_("Work open campaigns without this requirement to build your QA record.")]
        elif item.kind == "reliability":
            item.url = "/work/shifts"
            item.message = _("Needs reliability %(required)s (yours: %(have)s, %(gap)s to go).",
                             required=item.required, have=item.have, gap=_gap(item.required, item.have))
            item.unlock = [_("Attend the shifts you claim and release early when you cannot.")]
    return missing


def fit(facts: MemberFacts, campaign: Campaign) -> tuple[int, dict]:
    """How well the member suits the campaign, 0..100, with the parts that made it."""
    wanted_tags = (campaign.requirements or {}).get("tags") or {}
    if wanted_tags:
        skills = sum(min(facts.tags.get(tag, 0), 100) for tag in wanted_tags) / len(wanted_tags)
    else:
        skills = max(facts.tags.values(), default=50)
    parts = {
        "skills": skills,
        "tier": TIER_ORDER.index(facts.tier) * 25,
        "qa": facts.qa_average if facts.qa_average is not None else QA_WHEN_UNKNOWN,
        "reliability": facts.reliability,
        "history": min(facts.attended_by_org.get(campaign.org_id, 0), 10) * 10,
    }
    score = sum(FIT_WEIGHTS[name] * value for name, value in parts.items())
    return round(score), {name: round(value) for name, value in parts.items()}


def require_eligible(member: User, campaign: Campaign, profile: MemberProfile | None = None) -> None:
    needs = needed_facts(campaign)
    if not needs:
        return
    missing = check(member_facts(member.id, needs, profile), campaign)
    if missing:
        explain(member, missing)
        raise Forbidden(missing[0].message, code="not_eligible",
                        fields={f"{m.kind}:{m.key}": m.message for m in missing})

"""Skill tags and tiers: pure computation, published thresholds."""

from certification import tiers
from certification.tiers import TagInputs


def test_a_tag_score_is_a_weighted_mean_of_the_inputs_that_exist():
    assert tiers.tag_score(TagInputs("x")).score == 0
    full = tiers.tag_score(TagInputs("x", training=1.0, exam=1.0, certification="active"))
    assert full.score == 100
    assert [r["input"] for r in full.reasons] == ["training", "exam", "certification"]
    partial = tiers.tag_score(TagInputs("x", training=1.0, exam=0.8, certification="active"))
    assert partial.score == round((0.25 * 1 + 0.35 * 0.8 + 0.4 * 1) / 1.0 * 100)


def test_without_an_active_certification_a_tag_stays_below_silver():
    assert tiers.tag_score(TagInputs("x", training=1.0, exam=1.0)).score == 59
    assert tiers.tag_score(TagInputs("x", training=1.0, exam=1.0, certification="revoked")).score == 59
    # 0.25·0.5 / 0.65
    assert tiers.tag_score(TagInputs("x", training=0.5, exam=None, certification="expired")).score == 19


def test_future_inputs_plug_in_by_filling_their_fields():
    base = TagInputs("x", training=1.0, exam=0.9, certification="active")
    with_qa = TagInputs("x", training=1.0, exam=0.9, certification="active", qa=0.5, csat=0.5, attendance=0.5)
    assert tiers.tag_score(with_qa).score < tiers.tag_score(base).score
    assert {r["input"] for r in tiers.tag_score(with_qa).reasons} >= {"qa", "csat", "attendance"}


def test_tiers_from_thresholds_and_certifications():
    def scores(*values):
        return [tiers.TagScore(f"t{i}", v) for i, v in enumerate(values)]

    assert tiers.member_tier([], 0) == ("none", 0)
    assert tiers.member_tier(scores(29), 0) == ("none", 29)
    assert tiers.member_tier(scores(45), 0) == ("bronze", 45)
    assert tiers.member_tier(scores(80), 0) == ("bronze", 80)  # no certification: bronze at most
    assert tiers.member_tier(scores(65), 1) == ("silver", 65)
    assert tiers.member_tier(scores(85, 95, 10), 1) == ("gold", 95)
    assert tiers.member_tier(scores(95, 85), 2) == ("diamond", 95)


def test_next_tier_says_what_is_missing():
    assert tiers.next_tier("none", 10, 0) == {"tier": "bronze", "score_needed": 30, "score_missing": 20,
                                              "certifications_needed": 0, "certifications_missing": 0}
    assert tiers.next_tier("bronze", 70, 0)["certifications_missing"] == 1
    assert tiers.next_tier("gold", 80, 1) == {"tier": "diamond", "score_needed": 90, "score_missing": 10,
                                              "certifications_needed": 2, "certifications_missing": 1}
    assert tiers.next_tier("diamond", 95, 3) is None

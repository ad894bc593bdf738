"""Scorecard specs: the built-in ``standard`` template and the validation of any card.

A spec: ``{"sections": [{"key", "title", "items": [{"key", "type", "points", "auto_fail",
"params", "not_applicable"}]}], "thresholds": {"approve": 80, "review": 60}}``. ``points`` of
the scored items sum to 100; an automatic-fail item (``auto_fail``: "card" or "section")
carries 0 points. ``not_applicable`` (optional): ``{"unless_said_by": "customer"|"agent"|"any",
<phrase params>, "first_turns": n}`` (not applicable when that side says none of them, in its
first ``n`` utterances if given) or ``{"disposition_in": [...]}`` (not applicable for those).
"""

from __future__ import annotations

import copy

from quality.scoring.items import ITEM_TYPES, Problem, _phrase_problems

DEFAULT_THRESHOLDS = {"approve": 80, "review": 60}

STANDARD: dict = {
    "key": "standard",
    "sections": [
        {"key": "opening", "title": "Opening", "items": [
            {"key": "greeting", "type": "greeting", "points": 10, "auto_fail": None,
             "params": {"within_seconds": 15}},
            {"key": "verification", "type": "phrase", "points": 15, "auto_fail": None,
             "params": {"lexicon": "identity", "also": {"lexicon": "ask_confirm"}, "or_question": True,
                        "or_bare": True,
                        "speaker": "agent"}},
            {"key": "disclosure", "type": "phrase", "points": 15, "auto_fail": None,
             "params": {"lexicon": "recording", "also": {"lexicon": "call_words"}, "also_in_chinese": False,
                        "speaker": "agent"}},
        ]},
        {"key": "handling", "title": "Handling", "items": [
            {"key": "empathy", "type": "phrase", "points": 15, "auto_fail": None,
             "params": {"lexicon": "empathy", "exclude": {"lexicon": "not_empathy"},
                        "exclude_only": {"lexicon": "apology"}, "speaker": "agent",
                        "after_trigger": True, "unless_rude": True},
             "not_applicable": {"unless_said_by": "customer", "lexicon": "problem", "first_turns": 4}},
            {"key": "resolution_confirmed", "type": "phrase", "points": 15, "auto_fail": None,
             "params": {"lexicon": "resolution_check", "speaker": "agent", "question": "required",
                        "after_fraction": 0.3}},
            {"key": "closing", "type": "phrase", "points": 10, "auto_fail": None,
             "params": {"lexicon": "closing", "exclude": {"lexicon": "not_closing"}, "speaker": "agent",
                        "where": "last", "negation": "ignore"}},
            {"key": "long_silence", "type": "silence", "points": 20, "auto_fail": None,
             "params": {"max_gap_seconds": 10}},
        ]},
        {"key": "compliance", "title": "Compliance", "items": [
            {"key": "forbidden_language", "type": "forbidden", "points": 0, "auto_fail": "card",
             "params": {"lexicon": "forbidden", "speaker": "agent"}},
            {"key": "pii_exposure", "type": "pii", "points": 0, "auto_fail": "card", "params": {}},
        ]},
    ],
    "thresholds": dict(DEFAULT_THRESHOLDS),
}

TEMPLATES = {"standard": STANDARD}


def template(name: str) -> dict:
    """A deep copy of a built-in template (a caller may edit it into a campaign's card)."""
    return copy.deepcopy(TEMPLATES[name])


def _thresholds_problems(thresholds, path: str) -> list[Problem]:
    if thresholds is None:
        return []
    if not isinstance(thresholds, dict):
        return [Problem("bad_thresholds", path, {})]
    out = []
    for key in ("approve", "review"):
        value = thresholds.get(key, DEFAULT_THRESHOLDS[key])
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 100:
            out.append(Problem("bad_threshold", f"{path}.{key}", {"min": 0, "max": 100}))
    if not out and thresholds.get("review", 60) > thresholds.get("approve", 80):
        out.append(Problem("thresholds_order", f"{path}.review", {}))
    return out


def _rule_problems(rule, path: str) -> list[Problem]:
    if rule is None:
        return []
    if not isinstance(rule, dict):
        return [Problem("bad_rule", path, {})]
    if "disposition_in" in rule:
        ok = isinstance(rule["disposition_in"], list) and all(isinstance(x, str) for x in rule["disposition_in"])
        return [] if ok else [Problem("bad_rule", f"{path}.disposition_in", {})]
    if rule.get("unless_said_by") in ("agent", "customer", "any"):
        turns = rule.get("first_turns")
        if turns is not None and (isinstance(turns, bool) or not isinstance(turns, int) or turns < 1):
            return [Problem("bad_rule", f"{path}.first_turns", {})]
        return _phrase_problems(rule, path)
    return [Problem("bad_rule", path, {})]


def validate_card(spec) -> list[Problem]:
    """Every problem of a scorecard spec, each naming its field; an empty list means valid."""
    if not isinstance(spec, dict) or not isinstance(spec.get("sections"), list) or not spec["sections"]:
        return [Problem("no_sections", "sections", {})]
    out: list[Problem] = []
    total, scored, keys, section_keys = 0, 0, set(), set()
    for s, section in enumerate(spec["sections"]):
        spath = f"sections[{s}]"
        if not isinstance(section, dict):
            out.append(Problem("malformed", spath, {}))
            continue
        key = section.get("key")
        if not isinstance(key, str) or not key.strip():
            out.append(Problem("missing_key", f"{spath}.key", {}))
        elif key in section_keys:
            out.append(Problem("duplicate_key", f"{spath}.key", {"key": key}))
        else:
            section_keys.add(key)
        items = section.get("items")
        if not isinstance(items, list) or not items:
            out.append(Problem("no_items", f"{spath}.items", {}))
            continue
        for n, item in enumerate(items):
            path = f"{spath}.items[{n}]"
            if not isinstance(item, dict):
                out.append(Problem("malformed", path, {}))
                continue
            key = item.get("key")
            if not isinstance(key, str) or not key.strip():
                out.append(Problem("missing_key", f"{path}.key", {}))
            elif key in keys:
                out.append(Problem("duplicate_key", f"{path}.key", {"key": key}))
            else:
                keys.add(key)
            kind = item.get("type")
            if not isinstance(kind, str) or kind not in ITEM_TYPES:
                out.append(Problem("unknown_type", f"{path}.type", {"type": kind, "known": sorted(ITEM_TYPES)}))
            points, auto_fail = item.get("points", 0), item.get("auto_fail")
            if auto_fail not in (None, "card", "section"):
                out.append(Problem("bad_auto_fail", f"{path}.auto_fail", {"options": ["card", "section"]}))
            if isinstance(points, bool) or not isinstance(points, int) or not 0 <= points <= 100:
                out.append(Problem("bad_points", f"{path}.points", {"min": 0, "max": 100}))
            else:
                if auto_fail and points:
                    out.append(Problem("auto_fail_points", f"{path}.points", {}))
                total += points
                scored += bool(points)
            params = item.get("params", {})
            if not isinstance(params, dict):
                out.append(Problem("bad_param", f"{path}.params", {}))
            elif isinstance(kind, str) and kind in ITEM_TYPES:
                out += ITEM_TYPES[kind].check(params, path)
            out += _rule_problems(item.get("not_applicable"), f"{path}.not_applicable")
    if total != 100:
        out.append(Problem("weights_sum", "sections", {"total": total, "expected": 100}))
    return out + _thresholds_problems(spec.get("thresholds"), "thresholds")

"""Builds the QA evaluation set (dev.json, heldout.json) from the hand-written lines of bank.py.

    python tests/quality/evalset/build.py

The dev and held-out calls are composed from one choice per move (greeting, disclosure, need, verification,
empathy, PII, language, silence, resolution, closing); its item labels follow from those choices
as the QA issue defines the items (they are never computed by the scorer), and its expected
decision from the labels by the standard rule. Choices are stratified so that every hard case
appears in both splits; the held-out split draws only from the held-out pool of wording.
Two more splits hold free conversations written one by one: ``fresh`` (fresh.py) and
``unseen`` (fresh2.py, written after the scorer's last change). The free-form set, 80 natural
conversations written and labelled together before the scorer was run on them, is split in two
when written: ``free_dev`` (free_dev.py, which the scorer may be tuned against) and ``free_aside``
(free_aside.py, held aside: only its totals were read until its first measure was published;
the scorer has since been tuned against it too). ``blind`` (blind_en.py, blind_zh.py): 80 calls
written after that by writers who never saw the scorer, its phrase lists or the other splits,
from the item definitions alone; measured once, then tuned against. ``blind2`` (blind2_en.py,
blind2_zh.py): 80 more, written the same way while the sentence classifiers were being built, and
read only once they were done; ``blind3`` to ``blind9`` likewise, each read once when
the scorer of its time was done.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bank import AGENTS, BANK, INDUSTRIES  # noqa: E402 - the bank sits beside this script
from blind2_en import CALLS as BLIND2_EN  # noqa: E402
from blind2_zh import CALLS as BLIND2_ZH  # noqa: E402
from blind3_en import CALLS as BLIND3_EN  # noqa: E402
from blind3_zh import CALLS as BLIND3_ZH  # noqa: E402
from blind4_en import CALLS as BLIND4_EN  # noqa: E402
from blind4_zh import CALLS as BLIND4_ZH  # noqa: E402
from blind5_en import CALLS as BLIND5_EN  # noqa: E402
from blind5_zh import CALLS as BLIND5_ZH  # noqa: E402
from blind6_en import CALLS as BLIND6_EN  # noqa: E402
from blind6_zh import CALLS as BLIND6_ZH  # noqa: E402
from blind7_en import CALLS as BLIND7_EN  # noqa: E402
from blind7_zh import CALLS as BLIND7_ZH  # noqa: E402
from blind8_en import CALLS as BLIND8_EN  # noqa: E402
from blind8_zh import CALLS as BLIND8_ZH  # noqa: E402
from blind9_en import CALLS as BLIND9_EN  # noqa: E402
from blind9_zh import CALLS as BLIND9_ZH  # noqa: E402
from blind_en import CALLS as BLIND_EN  # noqa: E402
from blind_zh import CALLS as BLIND_ZH  # noqa: E402
from free_aside import CALLS as FREE_ASIDE  # noqa: E402
from free_dev import CALLS as FREE_DEV  # noqa: E402
from fresh import CALLS as FRESH  # noqa: E402
from fresh2 import CALLS as FRESH2  # noqa: E402

PER_LANGUAGE = 120
DEV_SHARE = 0.7
RATE = {"zh": 4.5, "en": 14.0}
POINTS = {"greeting": 10, "verification": 15, "disclosure": 15, "empathy": 15, "resolution_confirmed": 15,
          "closing": 10, "long_silence": 20}
# A call starts from a careful agent's choices; then one hard case (a careful agent), two (an
# average one) or three to four (a poor one) are applied, drawn in turn from a shuffled deck of
# every hard case so that each occurs in both splits.
DEFAULTS = {"greeting": "good", "disclosure": "good", "verification": "direct", "empathy": "good", "pii": "none",
            "language": "none", "silence": "none", "resolution": "good", "closing": "good"}
HARD_CASES = {
    "greeting": {"paraphrase": 3, "curt": 2, "late": 2},
    "disclosure": {"negated": 2, "complaint": 2, "none": 1},
    "verification": {"indirect": 3, "volunteer": 2, "none": 1},
    "empathy": {"repeat": 2, "wait": 2, "none": 1},
    "pii": {"digits": 1, "words": 2, "split": 2, "last4": 2, "customer": 2},
    "language": {"rude": 1, "sarcasm": 2, "customer_swears": 2, "negated_insult": 2, "neutral_quote": 2},
    "silence": {"hold": 3, "gap_9_5": 2, "gap_11": 2},
    "resolution": {"flat": 1, "none": 2},
    "closing": {"curt": 2},
}
AGENT_MIX = {1: 45, 2: 30, 3: 15, 4: 10}  # hard cases per call


def _stratified(rng: random.Random, weights: dict[str, int], n: int) -> list[str]:
    total = sum(weights.values())
    out = []
    for mode, w in weights.items():
        out += [mode] * max(1, round(n * w / total))
    rng.shuffle(out)
    return (out * 2)[:n]


class Call:
    def __init__(self, rng: random.Random, language: str, pool: int, values: dict) -> None:
        self.rng, self.language, self.pool, self.values = rng, language, pool, values
        self.now = rng.uniform(0.3, 2.5)
        self.utterances: list[dict] = []

    def line(self, kind: str) -> str | list:
        return self.rng.choice(BANK[kind][self.language][self.pool])

    def say(self, speaker: str, text: str, *, gap: float | None = None) -> None:
        text = text.format(**self.values)
        if self.utterances:
            self.now += gap if gap is not None else self.rng.uniform(0.3, 1.6)
        seconds = max(0.8, len(text) / RATE[self.language] * self.rng.uniform(0.85, 1.2))
        self.utterances.append({"speaker": speaker, "text": text, "start": round(self.now, 2),
                                "end": round(self.now + seconds, 2)})
        self.now += seconds

    def move(self, kind: str, speaker: str = "agent", **kw) -> None:
        chosen = self.line(kind)
        if isinstance(chosen, list):
            for who, text in chosen:
                self.say("agent" if who == "a" else "customer", text)
        else:
            self.say(speaker, chosen, **kw)


def compose(rng: random.Random, language: str, pool: int, plan: dict, industry: str) -> tuple[list[dict], dict]:
    info = INDUSTRIES[industry][language]
    values = {"company": rng.choice(info["company"]), "agent": rng.choice(AGENTS[language]), "ident": info["ident"],
              "value": info["value"], "last4": "8821",
              "card": "6222 0210 3345 6789" if language == "zh" else "4532 7788 1200 9345",
              "phone": "138 1234 5678" if language == "zh" else "415 555 0182"}
    c = Call(rng, language, pool, values)
    if plan["language"] == "customer_swears":
        plan["need"] = "problem"
    labels = {}

    # Opening.
    if plan["greeting"] == "late":
        c.now = rng.uniform(16.0, 24.0)
    c.move({"good": "greeting_good", "late": "greeting_good", "paraphrase": "greeting_paraphrase",
            "curt": "greeting_curt"}[plan["greeting"]])
    labels["greeting"] = plan["greeting"] in ("good", "paraphrase")
    if plan["disclosure"] in ("good", "negated"):
        c.move("disclosure_" + plan["disclosure"], gap=rng.uniform(0.2, 0.8))
    labels["disclosure"] = plan["disclosure"] == "good"

    # The need.
    problem = plan["need"] == "problem"
    c.say("customer", rng.choice(info["problems"] if problem else info["inquiries"]))
    if plan["language"] == "customer_swears":
        c.move("customer_swears", "customer")
    elif problem and rng.random() < 0.5:
        c.move("frustrated", "customer")

    # Verification.
    if plan["verification"] == "volunteer":
        c.move("volunteer", "customer")
        c.move("volunteer_ack")
    elif plan["verification"] in ("direct", "indirect"):
        c.move("verify_" + plan["verification"])
        c.move("verify_answer", "customer")
        c.move("verify_thanks")
    labels["verification"] = plan["verification"] in ("direct", "indirect")

    # Empathy (only called for when the customer voiced a problem).
    if plan["empathy"] == "good" and problem:
        c.move("empathy_good")
    elif plan["empathy"] == "repeat":
        c.move("empathy_repeat")
        c.say("customer", "就是我刚才说的那个事。" if language == "zh" else "I said it's about my account.")
    labels["empathy"] = (plan["empathy"] == "good") if problem else None

    # Personal numbers.
    if plan["pii"] != "none":
        c.move("pii_" + plan["pii"])
        if plan["pii"] in ("digits", "words", "last4"):
            c.say("customer", "对。" if language == "zh" else "Yes, that's right.")
    labels["pii_exposure"] = plan["pii"] not in ("digits", "words", "split")

    # How the agent speaks.
    if plan["language"] in ("rude", "sarcasm"):
        c.move(plan["language"])
        c.say("customer", "你怎么这么说话？" if language == "zh" else "Excuse me? There's no need for that.")
    elif plan["language"] in ("negated_insult", "neutral_quote"):
        c.move(plan["language"])
    labels["forbidden_language"] = plan["language"] not in ("rude", "sarcasm")

    # Looking things up: a hold, a silence just under or just over the limit, or none.
    mode = plan["silence"]
    if mode == "hold":
        c.move("hold")
        if rng.random() < 0.5:
            c.move("hold_ack", "customer")
        c.move("empathy_wait" if plan["empathy"] == "wait" else "hold_back", gap=rng.uniform(12.0, 45.0))
    else:
        c.move("working")
        gap = {"none": rng.uniform(0.5, 2.0), "gap_9_5": rng.uniform(9.2, 9.8), "gap_11": rng.uniform(10.8, 18.0)}[mode]
        c.move("empathy_wait" if plan["empathy"] == "wait" else "working", gap=gap)
    labels["long_silence"] = mode != "gap_11"

    # The answer, the check, the goodbye.
    c.say("agent", rng.choice(info["fixes"]) if problem else c.line("inquiry_answer"))
    c.move("customer_thanks", "customer")
    if plan["disclosure"] == "complaint":
        c.move("disclosure_complaint")
    if plan["resolution"] == "good":
        c.move("resolution_good")
        c.move("resolution_yes", "customer")
    elif plan["resolution"] == "flat":
        c.move("resolution_flat")
    labels["resolution_confirmed"] = plan["resolution"] == "good"
    c.move("closing_" + plan["closing"])
    labels["closing"] = plan["closing"] == "good"
    c.move("customer_bye", "customer")
    return c.utterances, labels


def expected_decision(labels: dict) -> tuple[int, str]:
    if labels["forbidden_language"] is False or labels["pii_exposure"] is False:
        return 0, "reject"
    applicable = sum(p for k, p in POINTS.items() if labels[k] is not None)
    earned = sum(p for k, p in POINTS.items() if labels[k])
    score = (earned * 200 + applicable) // (2 * applicable)
    return score, "approve" if score >= 80 else "review" if score >= 60 else "reject"


def _all_cases() -> list[str]:
    return [f"{m}:{mode}" for m, cases in HARD_CASES.items() for mode in cases]


def build() -> dict[str, list[dict]]:
    splits: dict[str, list[dict]] = {"dev": [], "heldout": []}
    for language in ("zh", "en"):
        rng = random.Random(f"qa-evalset:{language}")
        n_dev = round(PER_LANGUAGE * DEV_SHARE)
        for split, n, pool in (("dev", n_dev, 0), ("heldout", PER_LANGUAGE - n_dev, 1)):
            deck = _stratified(rng, {f"{m}:{mode}": w for m, cases in HARD_CASES.items() for mode, w in cases.items()},
                               n * 3)
            counts = _stratified(rng, {str(k): w for k, w in AGENT_MIX.items()}, n)
            industries = (list(INDUSTRIES) * n)[:n]
            for k in range(n):
                plan = dict(DEFAULTS, need="problem" if rng.random() < 0.72 else "inquiry")
                for _ in range(int(counts[k])):
                    while True:
                        move, mode = (deck.pop() if deck else rng.choice(list(_all_cases()))).split(":")
                        if plan[move] == DEFAULTS[move]:
                            break
                    plan[move] = mode
                transcript, labels = compose(rng, language, pool, plan, industries[k])
                score, decision = expected_decision(labels)
                splits[split].append({"id": f"{language}-{split}-{k:03d}", "language": language,
                                      "industry": industries[k], "cases": plan, "transcript": transcript,
                                      "labels": labels, "score": score, "decision": decision})
    for split, calls in (("fresh", FRESH), ("unseen", FRESH2), ("free_dev", FREE_DEV), ("free_aside", FREE_ASIDE),
                        ("blind", BLIND_EN + BLIND_ZH), ("blind2", BLIND2_EN + BLIND2_ZH),
                        ("blind3", BLIND3_EN + BLIND3_ZH), ("blind4", BLIND4_EN + BLIND4_ZH),
                        ("blind5", BLIND5_EN + BLIND5_ZH), ("blind6", BLIND6_EN + BLIND6_ZH),
                        ("blind7", BLIND7_EN + BLIND7_ZH), ("blind8", BLIND8_EN + BLIND8_ZH),
                        ("blind9", BLIND9_EN + BLIND9_ZH)):
        splits[split] = []
        rng = random.Random(f"qa-evalset:{split}")
        for k, spec in enumerate(calls):
            c = Call(rng, spec["language"], 0, {})
            c.now = spec.get("first", rng.uniform(0.3, 2.5))
            for turn in spec["turns"]:
                c.say("agent" if turn[0] == "a" else "customer", turn[1].replace("{", "{{").replace("}", "}}"),
                      gap=turn[2] if len(turn) > 2 else None)
            score, decision = expected_decision(spec["labels"])
            splits[split].append({"id": f"{spec['language']}-{split}-{k:03d}", "language": spec["language"],
                                  "industry": spec["industry"], "cases": {}, "transcript": c.utterances,
                                  "labels": spec["labels"], "score": score, "decision": decision})
    return splits


def main() -> None:
    for split, calls in build().items():
        (HERE / f"{split}.json").write_text(json.dumps(calls, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"{split}: {len(calls)} calls")


if __name__ == "__main__":
    main()

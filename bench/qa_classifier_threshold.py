"""The sentence classifiers' thresholds, chosen on the evaluation set's development splits.

    python bench/qa_classifier_threshold.py

Development splits: every split except ``blind9`` (template dev and held-out, fresh, unseen,
free_dev, free_aside, blind to blind8). For each task (empathy, problem, forbidden) and each
threshold from 0.50 to 0.9999, the other tasks at their current thresholds, prints per language the
item labels missed on the development splits, the faults the forbidden-language item invents (a
polite call failed) and the decision agreement. The chosen threshold misses fewest labels (within
``TOLERANCE``, one label, which is noise; the lowest of equals, so that the classifier finds as
much as it can; the current threshold, when it is among the equals, is kept) among those that
invent no fault the phrases and patterns alone do not, each language on its own; for
``forbidden``, whose every fault takes a member's pay, the next lower step must invent none either
(a margin of one step).
``classifier.THRESHOLDS`` holds the choice.

Then the suspicion level of rudeness (``classifier.SUSPICIONS``): for each level below the chosen
threshold, per language, how many of the calls the scorer approves would be held for a person
(a campaign's ``qa_review_suspected``) — the polite ones (a reviewer's wasted time) and the rude ones
the scorer misses (caught by a person). The chosen level is the lowest that holds at most
``HOLD_BUDGET`` of the polite approved calls in each language.

Then, for rudeness, five-fold cross-validation on the corpus at the chosen threshold and the floor
(``classifier.FLOORS``, below which the classifier sets the listed words and swearing aside): the
rude sentences found and the polite agent sentences faulted by the rules alone and by the rules
with the classifier, each sentence judged by a model that never saw it.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from qa_eval import evaluate, load

from quality.scoring import classifier, get_matcher, parse_transcript, score
from quality.scoring.cards import template
from quality.scoring.context import Context
from quality.scoring.matching import unquoted
from quality.scoring.text import fold

DEV = ("dev", "heldout", "fresh", "unseen", "free_dev", "free_aside", "blind", "blind2", "blind3", "blind4",
       "blind5", "blind6", "blind7", "blind8")
# Finer near 1, where the English rudeness model, poorly calibrated, puts many sentences of both kinds.
STEPS = [k / 10000 for k in (5000, 6000, 7000, 7500, 8000, 8500, 8800, 9000, 9200, 9400, 9500, 9600, 9700, 9800, 9850,
                             9900, 9950, 9990, 9995, 9999)]
MARGIN = {"forbidden": 1}
TOLERANCE = 1  # labels: thresholds that miss at most this many more than the fewest count as equal
HOLD_BUDGET = 0.05  # of the polite calls the scorer approves, the share a suspicion may hold for a person


def _figures(calls: list[dict]) -> tuple[int, int, float]:
    m = evaluate(calls)
    missed = sum(1 for error in m["errors"] if error[1] != "decision")
    invented = sum(1 for _id, key, want, have in m["errors"] if key == "forbidden_language" and want is not False)
    return missed, invented, m["decision_agreement"]


def _held_out_judgements(language: str) -> dict[str, tuple[int, int]]:
    """Five-fold cross-validation on the corpus: rude sentences found and polite agent sentences
    faulted, by the rules alone and by the rules with the classifier at its threshold and floor,
    each sentence's probability given by a model that never saw it."""
    card = template("standard")
    forbidden = next(i for s in card["sections"] for i in s["items"] if i["key"] == "forbidden_language")
    forbidden["params"]["classifier"] = False
    greeting = {"zh": "您好，星河银行，我是小郑。", "en": "Thank you for calling Harbor Bank, this is Tom."}[language]
    reply = "嗯。" if language == "zh" else "Okay."

    def by_rules(sentence: str) -> bool:
        raw = [{"speaker": "agent", "text": greeting, "start": 0.5, "end": 3.0},
               {"speaker": "customer", "text": reply, "start": 3.5, "end": 4.5},
               {"speaker": "agent", "text": sentence, "start": 5.0, "end": 9.0}]
        result = score(card, parse_transcript(raw), language)
        return next(r for r in result.items if r.key == "forbidden_language").passed is False

    rows = [(rude, by_rules(s), p) for s, rude, p in
            classifier.held_out("forbidden", language, read=lambda s: unquoted(fold(s)))]
    threshold, floor = classifier.threshold("forbidden", language), classifier.FLOORS["forbidden"]

    def counts(judged: list[tuple[bool, bool]]) -> tuple[int, int]:
        return sum(rude and found for rude, found in judged), sum(found and not rude for rude, found in judged)

    return {"rules": counts([(rude, rule) for rude, rule, _p in rows]),
            "rules and classifier": counts([(rude, p >= threshold or (rule and p >= floor)) for rude, rule, p in rows]),
            "sentences": (sum(rude for rude, _r, _p in rows), sum(not rude for rude, _r, _p in rows))}


def _suspicion(calls: list[dict]) -> None:
    """Per suspicion level, the approved calls a suspicion would hold: polite ones and missed rude ones."""
    scored = []
    for call in calls:
        utterances = parse_transcript(call["transcript"])
        result = score(template("standard"), utterances, call["language"])
        if result.decision != "approve":
            continue
        forbidden = next(r for r in result.items if r.key == "forbidden_language")
        if forbidden.passed is False:
            continue
        # a suspicion holds the call at a level when one of the agent's sentences reaches it
        ctx = Context(utterances, call["language"], get_matcher("lexical"))
        top = max((classifier.probability("forbidden", unquoted(folded))
                   for i in ctx.said_by("agent") for _, folded in ctx.sentences(i)), default=0.0)
        scored.append((call["language"], call["labels"]["forbidden_language"] is False, top))
    print("\nforbidden: suspicion level → per language, approved calls held (polite / rude the scorer missed)")
    chosen = None
    for level in [s for s in STEPS if s < min(classifier.THRESHOLDS["forbidden"].values())]:
        held = {}
        for language in ("zh", "en"):
            mine = [(rude, top) for lang, rude, top in scored if lang == language]
            polite = [top for rude, top in mine if not rude]
            rude = [top for rude, top in mine if rude]
            held[language] = (sum(t >= level for t in polite), len(polite), sum(t >= level for t in rude), len(rude))
        print(f"  {level:.3f}  " + "  ".join(f"{lang}: {p}/{pn} / {r}/{rn}" for lang, (p, pn, r, rn) in held.items()),
              flush=True)
        if chosen is None and all(p <= HOLD_BUDGET * pn for p, pn, _r, _rn in held.values()):
            chosen = level
    print(f"  chosen: {chosen}")
    print(f"\nSUSPICIONS = {{'forbidden': {chosen}}}")


def main() -> None:
    calls = [c for split in DEV for c in load(split)]
    chosen = {task: dict(per) for task, per in classifier.THRESHOLDS.items()}
    for task in classifier.TASKS:
        print(f"\n{task}: threshold → per language (labels missed, forbidden faults invented, agreement)", flush=True)
        rows = []
        for threshold in [*STEPS, 1.01]:
            classifier.THRESHOLDS[task] = {"zh": threshold, "en": threshold}
            per = {lang: _figures([c for c in calls if c["language"] == lang]) for lang in ("zh", "en")}
            rows.append((threshold, per))
            label = "off   " if threshold > 1 else f"{threshold:.4f}"
            print(f"  {label}  " + "  ".join(f"{lang}: {m} / {i} / {a:.1%}" for lang, (m, i, a) in per.items()),
                  flush=True)
        for language in ("zh", "en"):  # each language's model is calibrated on its own
            figures = [(t, p[language]) for t, p in rows]
            off = figures[-1][1]  # the classifier switched off: what the phrases and patterns alone invent
            clean = [f[1] <= off[1] for _t, f in figures]
            margin = MARGIN.get(task, 0)
            ok = [(t, f[0]) for k, (t, f) in enumerate(figures) if all(clean[max(0, k - margin):k + 1])]
            fewest = min((missed for _t, missed in ok), default=0)
            equals = [t for t, missed in ok if missed <= fewest + TOLERANCE]
            current = chosen[task][language]  # kept while it is among the equals: no change for noise
            chosen[task][language] = current if current in equals else min(equals, default=1.01)
        classifier.THRESHOLDS[task] = chosen[task]
        print("  chosen: " + "  ".join(f"{lang}: {'off' if t > 1 else f'{t:.4f}'}" for lang, t in chosen[task].items()))
    print(f"\nTHRESHOLDS = {chosen}")
    _suspicion(calls)
    print(f"\nrudeness, five-fold cross-validation on the corpus (thresholds {chosen['forbidden']}, "
          f"floor {classifier.FLOORS['forbidden']}):")
    for language in ("zh", "en"):
        m = _held_out_judgements(language)
        rude, polite = m.pop("sentences")
        for name, (found, faulted) in m.items():
            print(f"  {language} {name}: rude sentences found {found}/{rude} ({found / rude:.1%}), "
                  f"polite agent sentences faulted {faulted}/{polite} ({faulted / polite:.2%})")


if __name__ == "__main__":
    main()

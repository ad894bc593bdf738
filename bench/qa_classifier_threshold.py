"""The sentence classifiers' thresholds, chosen on the evaluation set's development splits.

    python bench/qa_classifier_threshold.py

Development splits: every split except ``blind3`` (template dev and held-out, fresh, unseen,
free_dev, free_aside, blind, blind2). For each task (empathy, problem, forbidden) and each
threshold from 0.50 to 0.999, the other tasks at their current thresholds, prints per language the
item labels missed on the development splits, the faults the forbidden-language item invents (a
polite call failed) and the decision agreement. The chosen threshold misses fewest labels (the
lowest of equals, so that the classifier finds as much as it can) among those that invent no
fault the phrases and patterns alone do not; for ``forbidden``, whose every fault takes a member's
pay, the next lower step must invent none either (a margin of one step).
``classifier.THRESHOLDS`` holds the choice.

Then, for rudeness, five-fold cross-validation on the corpus at the chosen threshold and the floor
(``classifier.FLOORS``, below which the classifier sets the rules' hits aside): the rude sentences
found and the polite agent sentences faulted by the rules alone and by the rules with the
classifier, each sentence judged by a model that never saw it.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from qa_eval import evaluate, load

from quality.scoring import classifier, parse_transcript, score
from quality.scoring.cards import template
from quality.scoring.matching import unquoted
from quality.scoring.text import fold

DEV = ("dev", "heldout", "fresh", "unseen", "free_dev", "free_aside", "blind", "blind2")
STEPS = [k / 1000 for k in (500, 600, 700, 750, 800, 850, 880, 900, 920, 940, 950, 960, 970, 980, 985, 990, 995,
                            999)]
MARGIN = {"forbidden": 1}


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
    threshold, floor = classifier.THRESHOLDS["forbidden"], classifier.FLOORS["forbidden"]

    def counts(judged: list[tuple[bool, bool]]) -> tuple[int, int]:
        return sum(rude and found for rude, found in judged), sum(found and not rude for rude, found in judged)

    return {"rules": counts([(rude, rule) for rude, rule, _p in rows]),
            "rules and classifier": counts([(rude, p >= threshold or (rule and p >= floor)) for rude, rule, p in rows]),
            "sentences": (sum(rude for rude, _r, _p in rows), sum(not rude for rude, _r, _p in rows))}


def main() -> None:
    calls = [c for split in DEV for c in load(split)]
    chosen = dict(classifier.THRESHOLDS)
    for task in classifier.TASKS:
        print(f"\n{task}: threshold → per language (labels missed, forbidden faults invented, agreement)", flush=True)
        rows = []
        for threshold in [*STEPS, 1.01]:
            classifier.THRESHOLDS[task] = threshold
            per = {lang: _figures([c for c in calls if c["language"] == lang]) for lang in ("zh", "en")}
            rows.append((threshold, per))
            label = "off  " if threshold > 1 else f"{threshold:.3f}"
            print(f"  {label}  " + "  ".join(f"{lang}: {m} / {i} / {a:.1%}" for lang, (m, i, a) in per.items()),
                  flush=True)
        off = rows[-1][1]  # the classifier switched off: what the phrases and patterns alone invent
        clean = [all(p[lang][1] <= off[lang][1] for lang in p) for _t, p in rows]
        margin = MARGIN.get(task, 0)
        ok = [(t, sum(p[lang][0] for lang in p)) for k, (t, p) in enumerate(rows)
              if all(clean[max(0, k - margin):k + 1])]
        best = min(ok, key=lambda r: (r[1], r[0]))[0] if ok else 1.01
        chosen[task] = best
        classifier.THRESHOLDS[task] = best
        print(f"  chosen: {'off' if best > 1 else f'{best:.3f}'}")
    print(f"\nTHRESHOLDS = {chosen}")
    if chosen["forbidden"] <= 1:
        print(f"\nrudeness, five-fold cross-validation on the corpus (threshold {chosen['forbidden']}, "
              f"floor {classifier.FLOORS['forbidden']}):")
        for language in ("zh", "en"):
            m = _held_out_judgements(language)
            rude, polite = m.pop("sentences")
            for name, (found, faulted) in m.items():
                print(f"  {language} {name}: rude sentences found {found}/{rude} ({found / rude:.1%}), "
                      f"polite agent sentences faulted {faulted}/{polite} ({faulted / polite:.2%})")


if __name__ == "__main__":
    main()

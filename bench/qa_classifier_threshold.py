"""The sentence classifiers' thresholds, chosen on the evaluation set's development splits.

    python bench/qa_classifier_threshold.py

Development splits: every split except ``blind2`` (template dev and held-out, fresh, unseen,
free_dev, free_aside, blind). For each task (empathy, problem) and each threshold from 0.50 to 0.99,
the other task at its current threshold, prints per language the item labels missed on the
development splits, the faults the forbidden-language item invents (a polite call failed; a
check that no task touches it), and the decision agreement. The chosen threshold misses fewest
labels (the lowest of equals, so that the classifier finds as much as it can);
``classifier.THRESHOLDS`` holds the choice. No rudeness classifier is offered: trained on the
corpus's 400 rude and 600 polite sentences, at every threshold where it faulted no polite call of
these splits it found at most one or two of the eleven rude calls the rules miss.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from qa_eval import evaluate, load

from quality.scoring import classifier

DEV = ("dev", "heldout", "fresh", "unseen", "free_dev", "free_aside", "blind")
STEPS = [k / 100 for k in (50, 60, 70, 75, 80, 85, 88, 90, 92, 94, 95, 96, 97, 98, 99)]


def _figures(calls: list[dict]) -> tuple[int, int, float]:
    m = evaluate(calls)
    missed = sum(1 for error in m["errors"] if error[1] != "decision")
    invented = sum(1 for _id, key, want, have in m["errors"] if key == "forbidden_language" and want is not False)
    return missed, invented, m["decision_agreement"]


def main() -> None:
    calls = [c for split in DEV for c in load(split)]
    chosen = dict(classifier.THRESHOLDS)
    for task in classifier.TASKS:
        print(f"\n{task}: threshold → per language (labels missed, forbidden faults invented, agreement)")
        rows = []
        for threshold in [*STEPS, 1.01]:
            classifier.THRESHOLDS[task] = threshold
            per = {lang: _figures([c for c in calls if c["language"] == lang]) for lang in ("zh", "en")}
            rows.append((threshold, per))
            label = "off " if threshold > 1 else f"{threshold:.2f}"
            print(f"  {label}  " + "  ".join(f"{lang}: {m} / {i} / {a:.1%}" for lang, (m, i, a) in per.items()))
        off = rows[-1][1]  # the classifier switched off: what the phrases and patterns alone invent
        clean = [(t, sum(p[lang][0] for lang in p)) for t, p in rows if all(p[lang][1] <= off[lang][1] for lang in p)]
        best = min(clean, key=lambda r: (r[1], r[0]))[0] if clean else 1.01
        chosen[task] = best
        classifier.THRESHOLDS[task] = best
        print(f"  chosen: {'off' if best > 1 else f'{best:.2f}'}")
    print(f"\nTHRESHOLDS = {chosen}")


if __name__ == "__main__":
    main()

"""The embedding matcher's similarity threshold, chosen on the evaluation set's dev split only.

    QA_EMBEDDING_MODEL=quality.scoring.embeddings:wordllama_model python bench/qa_embedding_threshold.py

For each language, every threshold from 0.70 to 0.95 in steps of 0.01 scores the dev split with the
embedding matcher; printed per threshold: decision agreement and the item labels missed. The chosen
threshold is the lowest at which the dev split is scored as well as it can be (fewest missed labels,
then best agreement): the lowest, so that the matcher adds as much as it can without losing a dev
label. Then the held-out split is scored at the chosen threshold, once, next to the lexical matcher.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from qa_eval import evaluate, load

from quality.scoring import MatcherUnavailable, get_matcher

THRESHOLDS = [k / 100 for k in range(70, 96)]


def _missed(m: dict) -> int:
    return sum(1 for error in m["errors"] if error[1] != "decision")


def main() -> None:
    try:
        matcher = get_matcher("embedding")
    except MatcherUnavailable as exc:
        sys.exit(f"the embedding matcher is not available here: {exc}")
    default = matcher.threshold
    dev, heldout = load("dev"), load("heldout")
    for language in ("zh", "en"):
        calls = [c for c in dev if c["language"] == language]
        rows = []
        for threshold in THRESHOLDS:
            matcher.threshold = threshold
            m = evaluate(calls, "embedding")
            rows.append((threshold, _missed(m), m["decision_agreement"]))
        best = min(rows, key=lambda r: (r[1], -r[2], r[0]))
        print(f"\n{language} dev ({len(calls)} calls): threshold, labels missed, decision agreement")
        print("  " + "  ".join(f"{t:.2f}:{n}/{a:.1%}" for t, n, a in rows))
        lexical = evaluate(calls, "lexical")
        print(f"  lexical: {_missed(lexical)} missed, {lexical['decision_agreement']:.1%}; "
              f"chosen: {best[0]:.2f} ({best[1]} missed, {best[2]:.1%})")
        held = [c for c in heldout if c["language"] == language]
        matcher.threshold = best[0]
        m, lexical = evaluate(held, "embedding"), evaluate(held, "lexical")
        print(f"  held-out ({len(held)} calls) at {best[0]:.2f}: {_missed(m)} missed, {m['decision_agreement']:.1%} "
              f"(lexical {_missed(lexical)} missed, {lexical['decision_agreement']:.1%})")
    matcher.threshold = default


if __name__ == "__main__":
    main()

"""Accuracy of automatic QA scoring on the labelled evaluation set (tests/quality/evalset).

    python bench/qa_eval.py                 # every split, every matcher that runs here
    python bench/qa_eval.py --split dev --errors   # and list the dev split's disagreements
    python bench/qa_eval.py --summary       # one line per split and language

240 composed calls (120 Chinese, 120 English) and 128 free ones, each with item labels for the
standard scorecard and the expected decision. Of the composed ones, 70% are the dev split (the
scorer was developed against it), 30% held out (worded from a separate pool of lines); ``fresh`` has 32
free conversations written one by one (16 per language), labelled before they were first scored;
``unseen``, 16 more, written after the scorer's last change.
The free-form set (80 natural conversations, 40 per language, written and labelled together before
the scorer was run on them) is reported apart from the template-built set, in its two parts:
``free_dev`` (the scorer may be tuned against it) and ``free_aside`` (held aside until its first
measure was published, tuned against since); ``--split free`` takes both. ``blind`` (80, 40 per
language) was written afterwards by writers who never saw the scorer or the other splits;
``blind2`` to ``blind9`` were written the same way, each read once when the scorer of its time was
done (the README gives each first reading).
For every item: precision and recall of finding the fault (the item failing), and accuracy (the
scorer's pass / fail / not applicable equals the label); then decision agreement. Per split, per
language, per matcher. Targets: decision agreement >= 90% per language, every item's accuracy
>= 85%, recall of the automatic-fail items >= 90%.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quality.scoring import STANDARD, MatcherUnavailable, get_matcher, parse_transcript, score  # noqa: E402

EVALSET = ROOT / "tests" / "quality" / "evalset"
ITEMS = [item["key"] for section in STANDARD["sections"] for item in section["items"]]
AUTO_FAIL = [item["key"] for section in STANDARD["sections"] for item in section["items"] if item["auto_fail"]]


def load(split: str) -> list[dict]:
    return json.loads((EVALSET / f"{split}.json").read_text(encoding="utf-8"))


def evaluate(calls: list[dict], matcher: str = "lexical") -> dict:
    """Per-item counts and metrics, decision agreement and the disagreements, for ``calls``."""
    counts = {key: {"tp": 0, "fp": 0, "fn": 0, "right": 0, "n": 0} for key in ITEMS}
    agree, errors = 0, []
    for call in calls:
        result = score(STANDARD, parse_transcript(call["transcript"]), call["language"], matcher=matcher)
        got = {r.key: r.passed for r in result.items}
        for key in ITEMS:
            want, have = call["labels"][key], got[key]
            c = counts[key]
            c["n"] += 1
            c["right"] += want == have
            c["tp"] += want is False and have is False
            c["fp"] += want is not False and have is False
            c["fn"] += want is False and have is not False
            if want != have:
                errors.append((call["id"], key, want, have))
        agree += result.decision == call["decision"]
        if result.decision != call["decision"]:
            errors.append((call["id"], "decision", call["decision"], result.decision))
    items = {}
    for key, c in counts.items():
        found, actual = c["tp"] + c["fp"], c["tp"] + c["fn"]
        items[key] = {"precision": c["tp"] / found if found else None, "recall": c["tp"] / actual if actual else None,
                      "accuracy": c["right"] / c["n"] if c["n"] else None, "faults": actual}
    return {"calls": len(calls), "items": items, "decision_agreement": agree / len(calls) if calls else None,
            "errors": errors}


TEMPLATE_SPLITS = ("dev", "heldout")
FREE_SPLITS = ("fresh", "unseen", "free_dev", "free_aside", "blind", "blind2", "blind3", "blind4", "blind5", "blind6",
               "blind7", "blind8", "blind9")
GROUPS = {"free": ("free_dev", "free_aside")}


def summary(m: dict) -> str:
    """Decision agreement, the lowest item accuracy and the automatic-fail recalls, on one line."""
    low_key = min(m["items"], key=lambda k: m["items"][k]["accuracy"])
    recalls = " ".join(f"{k} {_recall(m['items'][k])}" for k in AUTO_FAIL)
    return (f"agreement {_pct(m['decision_agreement'])}, lowest item accuracy "
            f"{_pct(m['items'][low_key]['accuracy'])} ({low_key}), recall {recalls}")


def _recall(v: dict) -> str:
    if not v["faults"]:
        return "- (0 faults)"
    return f"{v['recall'] * 100:.0f}% ({round(v['recall'] * v['faults'])}/{v['faults']})"


def _pct(value) -> str:
    return "   -  " if value is None else f"{value * 100:5.1f}%"


def report(title: str, m: dict) -> None:
    print(f"\n{title}: {m['calls']} calls, decision agreement {_pct(m['decision_agreement'])}")
    print(f"  {'item':22} {'faults':>6} {'precision':>9} {'recall':>7} {'accuracy':>8}")
    for key, v in m["items"].items():
        mark = " (auto-fail)" if key in AUTO_FAIL else ""
        figures = f"{_pct(v['precision']):>9} {_pct(v['recall']):>7} {_pct(v['accuracy']):>8}"
        print(f"  {key:22} {v['faults']:6d} {figures}{mark}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=(*TEMPLATE_SPLITS, *FREE_SPLITS, *GROUPS, "all"), default="all")
    parser.add_argument("--matcher", action="append", help="lexical, embedding (default: every one that runs here)")
    parser.add_argument("--errors", action="store_true", help="list the disagreements")
    parser.add_argument("--summary", action="store_true", help="one line per split and language")
    args = parser.parse_args()
    matchers = args.matcher or ["lexical", "embedding"]
    splits = [*TEMPLATE_SPLITS, *FREE_SPLITS, *GROUPS] if args.split == "all" else [args.split]
    for name in matchers:
        try:
            get_matcher(name)
        except MatcherUnavailable as exc:
            print(f"\nmatcher {name}: not available on this deployment ({exc})")
            continue
        for split in splits:
            calls = [c for part in GROUPS.get(split, (split,)) for c in load(part)]
            kind = "template-built" if split in TEMPLATE_SPLITS else "free-form"
            for language in ("zh", "en"):
                subset = [c for c in calls if c["language"] == language]
                m = evaluate(subset, name)
                title = f"[{name}] {kind} {split} {language}"
                if args.summary:
                    print(f"{title}: {m['calls']} calls, {summary(m)}")
                else:
                    report(title, m)
                if args.errors:
                    for err in m["errors"]:
                        print("   ", *err)


if __name__ == "__main__":
    main()

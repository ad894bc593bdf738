"""Throughput of automatic QA scoring: simulated calls scored against the standard scorecard on
one core, next to the rate 1,000,000 calls a day needs.

    python bench/qa_score.py             # 10,000 calls
    python bench/qa_score.py --quick     # 1,000 calls

The calls are the telephony simulator's transcripts (``telephony.simulator.transcripts``: six
industries, Chinese and English, the population's 60/30/10 mix of good, mediocre and bad agents),
built before the clock starts and read back from JSON as the job reads them. The process is
pinned to one core. Figures, each in calls/s:
  * scoring (``parse_transcript`` + ``score``) per matcher: lexical, and the embedding matcher
    when a model is installed (else it says so);
  * the baseline measured in the same run: reading the same transcripts (JSON parse, checks and
    text folding of every utterance), the floor any scorer pays; scoring's share of it as a ratio.
Also printed: how often the scorer agrees with the simulator's own label of what each call
contains (a check that the simulator's output is read as intended, not an accuracy figure:
bench/qa_eval.py has those). Target: lexical >= 50 calls/s on one core.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from quality.scoring import STANDARD, MatcherUnavailable, get_matcher, parse_transcript, score
from quality.scoring.text import fold
from telephony.simulator.transcripts import generate, pick_quality

INDUSTRIES = ("general", "finance", "telecom", "ecommerce", "utilities", "healthcare")
PER_DAY = 1_000_000
# The simulator's behaviour label each standard item reads (True = the item should pass).
SIM_LABELS = {"greeting": lambda b: b["greeting"] and not b["curt_greeting"],
              "verification": lambda b: b["verification"], "disclosure": lambda b: b["recording_disclosure"],
              "resolution_confirmed": lambda b: b["resolution_check"], "closing": lambda b: b["polite_closing"],
              "long_silence": lambda b: not b["long_silence"], "forbidden_language": lambda b: not b["rude"],
              "pii_exposure": lambda b: not b["pii_spoken"]}


def corpus(n: int) -> list[tuple[str, str, dict]]:
    rng = random.Random(19)
    out = []
    for k in range(n):
        t = generate(industry=rng.choice(INDUSTRIES), language=("zh", "en")[k % 2], quality=pick_quality(rng), seed=k)
        out.append((t.language, json.dumps(t.to_dict(), ensure_ascii=False), t.behaviours))
    return out


def read_only(calls) -> float:
    started = time.perf_counter()
    for _, body, _ in calls:
        for u in parse_transcript(json.loads(body)):
            fold(u.text)
    return time.perf_counter() - started


def scoring(calls, matcher: str) -> tuple[float, dict]:
    agree: dict[str, list[int]] = {key: [0, 0] for key in SIM_LABELS}
    started = time.perf_counter()
    for language, body, behaviours in calls:
        result = score(STANDARD, parse_transcript(json.loads(body)), language, matcher=matcher)
        for r in result.items:
            if r.key in agree:
                agree[r.key][0] += r.passed == SIM_LABELS[r.key](behaviours)
                agree[r.key][1] += 1
    return time.perf_counter() - started, agree


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--calls", type=int)
    args = parser.parse_args()
    n = args.calls or (1_000 if args.quick else 10_000)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    calls = corpus(n)
    utterances = sum(body.count('"speaker"') for _, body, _ in calls)
    print(f"{n:,} simulated calls ({utterances / n:.1f} utterances each), one core")
    need = PER_DAY / 86_400
    score(STANDARD, parse_transcript(json.loads(calls[0][1])), calls[0][0])  # load jieba's dictionary first
    baseline = read_only(calls)
    print(f"  baseline, reading the transcripts: {n / baseline:,.0f} calls/s")
    for matcher in ("lexical", "embedding"):
        try:
            get_matcher(matcher)
        except MatcherUnavailable as exc:
            print(f"  {matcher}: not available on this deployment ({exc})")
            continue
        seconds, agree = scoring(calls, matcher)
        rate = n / seconds
        print(f"  {matcher}: {rate:,.0f} calls/s ({seconds / n * 1000:.2f} ms a call), "
              f"{rate / need:.0f}x the {need:.1f} calls/s of {PER_DAY:,} calls a day; "
              f"{seconds / baseline:.1f}x the baseline's time (target >= 50 calls/s)")
        shares = ", ".join(f"{k} {a / t:.0%}" for k, (a, t) in agree.items() if t)
        print(f"    agreement with the simulator's labels: {shares}")


if __name__ == "__main__":
    main()

"""How well machine transcripts of recordings serve QA: English calls of the QA evaluation set
(tests/quality/evalset) are spoken by espeak-ng (the agent and the customer in two voices, each on
its own channel as the member's desk records them, at the transcript's times), transcribed by a
speech engine, and compared with what was said.

    python bench/qa_speech.py                       # 30 calls, the pocketsphinx engine
    python bench/qa_speech.py --calls 10 --engine package.module:factory

Prints the word error rate (all words, the agent's, the customer's), then how often the standard
scorecard's items and decision on the recognised transcript agree with the same scorecard on the
true transcript. Synthesized speech is clean, steady and wideband: it is not phone audio, and real
calls will be recognised worse.
"""

from __future__ import annotations

import argparse
import io
import json
import shutil
import subprocess
import sys
import time
import wave
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from quality.scoring import STANDARD, parse_transcript, score  # noqa: E402
from quality.speech import load_engine  # noqa: E402
from quality.speech.audio import RATE, decode  # noqa: E402
from quality.speech.transcript import speakers_by_channel, speech_document, word_errors, words  # noqa: E402

EVALSET = ROOT / "tests" / "quality" / "evalset"
SPLITS = ("heldout", "fresh", "unseen", "dev")
VOICES = {"agent": ("en-us+f3", "150"), "customer": ("en-us+m3", "150")}
CHANNELS = {"agent": 0, "customer": 1}  # the desk's stereo: left the member, right the customer


def english_calls(count: int) -> list[dict]:
    calls = []
    for split in SPLITS:
        calls += [c for c in json.loads((EVALSET / f"{split}.json").read_text(encoding="utf-8"))
                  if c["language"] == "en"]
    return calls[:count]


def speak(text: str, speaker: str):
    voice, speed = VOICES[speaker]
    wav = subprocess.run(["espeak-ng", "-v", voice, "-s", speed, "--stdout", text], capture_output=True,
                         check=True).stdout
    return decode(wav, "audio/wav").channels[0]


def stereo_recording(transcript: list[dict]) -> tuple[bytes, float]:
    """A stereo WAV of the call: each utterance at its start (or just after the same speaker's last)."""
    clips, free_at = [], {"agent": 0, "customer": 0}
    for utterance in transcript:
        samples = speak(utterance["text"], utterance["speaker"])
        at = max(int(float(utterance["start"]) * RATE), free_at[utterance["speaker"]])
        free_at[utterance["speaker"]] = at + len(samples) + RATE // 4
        clips.append((CHANNELS[utterance["speaker"]], at, samples))
    length = max(at + len(samples) for _, at, samples in clips) + RATE // 2
    track = np.zeros((length, 2), dtype=np.int16)
    for channel, at, samples in clips:
        track[at:at + len(samples), channel] = samples
    out = io.BytesIO()
    with wave.open(out, "wb") as handle:
        handle.setnchannels(2)
        handle.setsampwidth(2)
        handle.setframerate(RATE)
        handle.writeframes(track.tobytes())
    return out.getvalue(), length / RATE


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=30)
    parser.add_argument("--engine", default="pocketsphinx")
    args = parser.parse_args()
    if shutil.which("espeak-ng") is None:
        print("espeak-ng is not installed (apt-get install espeak-ng): nothing to measure")
        return 1
    engine = load_engine(args.engine)
    items = [item["key"] for section in STANDARD["sections"] for item in section["items"]]
    errors = {"all": [0, 0], "agent": [0, 0], "customer": [0, 0]}
    agree_items = {key: 0 for key in items}
    agree_decision, audio_seconds, work_seconds = 0, 0.0, 0.0
    calls = english_calls(args.calls)
    for call in calls:
        recording, seconds = stereo_recording(call["transcript"])
        started = time.perf_counter()
        segments = engine.transcribe(recording, "audio/wav", "en")
        work_seconds += time.perf_counter() - started
        audio_seconds += seconds
        document = speech_document(segments, speakers_by_channel("browser", True), language="en", engine=engine.name)
        for who in ("all", "agent", "customer"):
            said = [w for u in call["transcript"] if who in ("all", u["speaker"]) for w in words(u["text"])]
            heard = [w for u in document["utterances"] if who in ("all", u["speaker"]) for w in words(u["text"])]
            errors[who][0] += word_errors(said, heard)
            errors[who][1] += len(said)
        truth = score(STANDARD, parse_transcript(call["transcript"]), "en")
        heard_result = (score(STANDARD, parse_transcript(document["utterances"]), "en")
                        if document["utterances"] else None)
        got = {r.key: r.passed for r in heard_result.items} if heard_result else {}
        for r in truth.items:
            agree_items[r.key] += got.get(r.key, "missing") == r.passed
        agree_decision += heard_result is not None and heard_result.decision == truth.decision
        print(f"{call['id']}: {seconds:.0f} s of audio, {errors['all'][0]} word errors so far", file=sys.stderr)
    n = len(calls)
    print(f"engine {engine.name}, {n} English calls, {audio_seconds:.0f} s of stereo audio, "
          f"transcribed in {work_seconds:.0f} s ({work_seconds / max(audio_seconds, 1):.2f} s per second of audio)")
    for who, (wrong, total) in errors.items():
        print(f"word error rate ({who}): {wrong / max(total, 1):.1%} of {total} words")
    print("standard scorecard on the recognised transcript vs on the true one (item result agreement):")
    for key in items:
        print(f"  {key:22} {agree_items[key] / n:.0%}")
    print(f"  {'all items':22} {sum(agree_items.values()) / (n * len(items)):.0%}")
    print(f"  {'decision':22} {agree_decision / n:.0%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

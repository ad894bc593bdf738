"""The optional offline engine: CMU PocketSphinx (``pip install -r requirements-speech.txt``), whose
wheel ships a US-English acoustic model and language model, and nothing for Chinese: it transcribes English
calls only, and says so for any other language. Its accuracy on the QA evaluation set is measured by
``bench/qa_speech.py`` (see the README): it is evidence for a reviewer, not a verdict."""

from __future__ import annotations

import io
import threading

from quality.speech import EngineUnavailable, Segment
from quality.speech.audio import RATE, decode

LANGUAGES = ("en",)


class PocketSphinx:
    """Each channel is cut into stretches of speech by PocketSphinx's voice activity detector, and
    each stretch becomes one segment. One decoder per engine, used by one thread at a time."""

    name = "pocketsphinx"

    def __init__(self) -> None:
        try:
            import pocketsphinx
        except ImportError:
            raise EngineUnavailable(
                "the pocketsphinx engine is not installed: pip install -r requirements-speech.txt") from None
        self._module = pocketsphinx
        # dither: a whisper of noise (seeded: the same audio gives the same words), without which digital
        # silence between words, as in a synthesized or a browser's recording, throws off its normalisation
        self._decoder = pocketsphinx.Decoder(samprate=RATE, dither=True, seed=1, loglevel="FATAL")
        self._lock = threading.Lock()

    def transcribe(self, audio: bytes, content_type: str, language: str) -> list[Segment]:
        if language not in LANGUAGES:
            raise EngineUnavailable(f"pocketsphinx has no model for {language!r}: it transcribes English only")
        decoded = decode(audio, content_type)
        segments: list[Segment] = []
        with self._lock:
            for channel, samples in enumerate(decoded.channels):
                segments.extend(self._channel(channel, samples.tobytes()))
        return sorted(segments, key=lambda s: (s["start"], s["channel"]))

    def _channel(self, channel: int, pcm: bytes) -> list[Segment]:
        segmenter = self._module.Segmenter(sample_rate=RATE)
        out: list[Segment] = []
        for stretch in segmenter.segment(io.BytesIO(pcm)):
            self._decoder.start_utt()
            self._decoder.process_raw(stretch.pcm, full_utt=True)
            self._decoder.end_utt()
            hypothesis = self._decoder.hyp()
            text = hypothesis.hypstr.strip() if hypothesis is not None else ""
            if text:
                out.append({"channel": channel, "text": text, "start": round(stretch.start_time, 2),
                            "end": round(stretch.end_time, 2)})
        return out


def english() -> PocketSphinx:
    """The factory ``QA_SPEECH_ENGINE=pocketsphinx`` names."""
    return PocketSphinx()

"""Decoding a recording (WebM/Opus from the member's browser, WAV from the provider, Ogg, MP3) into
16 kHz 16-bit samples per channel, with PyAV (FFmpeg's libraries, bundled in its wheel): no
program needs to be installed on the machine."""

from __future__ import annotations

import io
from dataclasses import dataclass

from quality.speech import AudioError, EngineUnavailable

RATE = 16000
SAME_SIGNAL = 0.01  # two channels whose difference holds under 1% of their energy carry one signal


@dataclass
class Decoded:
    rate: int
    channels: list  # one numpy int16 array per channel

    @property
    def seconds(self) -> float:
        return len(self.channels[0]) / self.rate if self.channels else 0.0


def _libraries():
    try:
        import av
        import numpy
    except ImportError:
        raise EngineUnavailable(
            "decoding recordings needs PyAV and numpy: pip install -r requirements-speech.txt") from None
    return av, numpy


def decode(audio: bytes, content_type: str = "", rate: int = RATE) -> Decoded:
    """Every channel of the recording's first audio stream, resampled to ``rate``. Raises
    ``AudioError`` for bytes that are not audio."""
    av, np = _libraries()
    try:
        container = av.open(io.BytesIO(audio))
    except (av.error.FFmpegError, ValueError) as error:
        raise AudioError(f"not a readable recording: {error}") from None
    with container:
        if not container.streams.audio:
            raise AudioError("the file holds no audio")
        stream = container.streams.audio[0]
        count = max(1, min(2, stream.codec_context.channels or 1))
        resampler = av.AudioResampler(format="s16p", layout="stereo" if count == 2 else "mono", rate=rate)
        parts: list = []
        try:
            for frame in container.decode(stream):
                parts.extend(part.to_ndarray() for part in resampler.resample(frame))
            parts.extend(part.to_ndarray() for part in resampler.resample(None))
        except av.error.FFmpegError as error:
            if not parts:
                raise AudioError(f"the audio cannot be decoded: {error}") from None
            # a recording cut short (an upload's last part lost) keeps what came before
    if not parts:
        return Decoded(rate, [np.zeros(0, dtype=np.int16) for _ in range(count)])
    samples = np.concatenate(parts, axis=1).astype(np.int16)
    return Decoded(rate, [samples[i] for i in range(samples.shape[0])])


def separate_speakers(decoded: Decoded) -> bool:
    """Whether the recording's channels carry different sounds: a stereo file whose two channels are
    one mix (a phone's mono recording stored as stereo) is one channel for who-said-what."""
    if len(decoded.channels) < 2:
        return False
    _, np = _libraries()
    left, right = (channel.astype(np.float64) for channel in decoded.channels[:2])
    energy = float(np.dot(left, left) + np.dot(right, right))
    if energy == 0.0:
        return False
    difference = left - right
    return float(np.dot(difference, difference)) / energy >= SAME_SIGNAL

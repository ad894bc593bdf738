"""Compressible time: the carrier's rings, prompts, holds and talk run ``speed`` times faster."""

from __future__ import annotations

import time
from email.utils import formatdate


class Clock:
    """Simulated seconds since the carrier started; ``speed`` simulated seconds pass per real second."""

    def __init__(self, speed: float = 1.0) -> None:
        if speed <= 0:
            raise ValueError("speed must be positive")
        self.speed = speed
        self._start = time.monotonic()
        self._wall_start = time.time()

    def now(self) -> float:
        """Simulated seconds elapsed since the carrier started."""
        return (time.monotonic() - self._start) * self.speed

    def real_seconds(self, simulated: float) -> float:
        """How long ``simulated`` seconds last in real time."""
        return max(0.0, simulated) / self.speed

    def rfc2822(self, simulated: float | None = None) -> str:
        """A simulated instant as Twilio writes dates (``Fri, 04 Dec 2026 16:40:00 +0000``)."""
        at = self.now() if simulated is None else simulated
        return formatdate(self._wall_start + at, usegmt=False).replace("-0000", "+0000")

"""Speech to text for call recordings: one door, engines behind a registry.

An engine is any object with a ``name`` and ``transcribe(audio, content_type, language)`` that
returns what was said on each channel of the recording as segments ``{"channel", "text", "start",
"end"}`` (channel 0 is the file's first or left channel; times in seconds from the recording's
start). ``QA_SPEECH_ENGINE`` chooses one: empty (the default) for none, a short name of
``ENGINES``, or ``"package.module:factory"``; the factory takes no argument and returns the engine,
or raises ``EngineUnavailable`` saying why it cannot run here (a package not installed, a language
it has no model for).

A machine transcript is evidence, never a verdict: what quality scores from it goes to a person
(see ``quality.services.gate``)."""

from __future__ import annotations

import importlib
from typing import Protocol, TypedDict

ENGINES = {"pocketsphinx": "quality.speech.sphinx:english"}


class Segment(TypedDict):
    channel: int
    text: str
    start: float
    end: float


class Transcriber(Protocol):
    name: str

    def transcribe(self, audio: bytes, content_type: str, language: str) -> list[Segment]: ...


class EngineUnavailable(Exception):
    """The configured engine cannot run here; the message says why, in plain words."""


class AudioError(Exception):
    """The recording could not be decoded as audio."""


def engine_path(setting: str | None) -> str | None:
    """The factory's dotted path for a ``QA_SPEECH_ENGINE`` value, or None for no engine."""
    setting = (setting or "").strip()
    if not setting:
        return None
    return ENGINES.get(setting, setting)


def load_engine(setting: str | None) -> Transcriber | None:
    """The engine ``setting`` names, or None when none is configured. Raises ``EngineUnavailable``
    when it is configured but cannot be loaded."""
    path = engine_path(setting)
    if path is None:
        return None
    module_name, _, attribute = path.partition(":") if ":" in path else path.rpartition(".")
    try:
        factory = getattr(importlib.import_module(module_name), attribute)
    except (ImportError, AttributeError, ValueError) as error:
        raise EngineUnavailable(f"the speech engine {path!r} cannot be imported ({error})") from None
    return factory()

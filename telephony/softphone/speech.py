"""Speech for simulated callers: their lines synthesized with espeak-ng (Debian's ``espeak-ng``,
optional) as WAV, so a member hears the caller as well as reading the captions. Without the
program — or with ``SPEECH_SYNTHESIS=off`` — there is no audio and the desk falls back to the
browser's own speech synthesis where it has one."""

from __future__ import annotations

import logging
import shutil
import subprocess
from collections.abc import Mapping
from functools import lru_cache

logger = logging.getLogger(__name__)

VOICES = {"zh": "cmn", "en": "en-us"}
TEXT_MAX = 500
SECONDS = 10


def available(config: Mapping) -> bool:
    return (config.get("SPEECH_SYNTHESIS") or "auto") != "off" and _program() is not None


@lru_cache(maxsize=1)
def _program() -> str | None:
    return shutil.which("espeak-ng")


@lru_cache(maxsize=256)
def synthesize(text: str, language: str) -> bytes | None:
    """The WAV of ``text`` read in ``language`` (zh or en); None when it cannot be made."""
    program = _program()
    if program is None or not text.strip():
        return None
    try:
        done = subprocess.run([program, "-v", VOICES.get(language, "en-us"), "-s", "165", "--stdout", "--",  # noqa: S603 - fixed program, text as one argument
                               text[:TEXT_MAX]], capture_output=True, timeout=SECONDS, check=True)
    except (OSError, subprocess.SubprocessError) as error:
        logger.warning("espeak-ng could not read a caption: %s", error)
        return None
    return done.stdout if done.stdout.startswith(b"RIFF") else None

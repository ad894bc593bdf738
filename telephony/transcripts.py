"""Where call transcripts are kept: one JSON document per interaction under ``TRANSCRIPT_DIR``
(default: the instance folder's ``transcripts/``), named by ``Interaction.transcript_ref``
(``transcripts/<interaction id>.json``). The simulator writes them; quality scoring reads them."""

from __future__ import annotations

import json
import os
from pathlib import Path

from flask import current_app

PREFIX = "transcripts/"


def _folder() -> Path:
    return Path(current_app.config.get("TRANSCRIPT_DIR") or os.path.join(current_app.instance_path, "transcripts"))


def save_transcript(interaction_id: int, body: dict) -> str:
    """Write the transcript (utterances and label) of an interaction; its ref for ``attach_media``."""
    folder = _folder()
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{int(interaction_id)}.json"
    partial = target.with_suffix(".json.part")
    partial.write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8")
    partial.replace(target)  # readers never see half a file
    return f"{PREFIX}{int(interaction_id)}.json"


def load_transcript(ref: str) -> dict | None:
    """The transcript a ref names, or None (unknown ref or file gone)."""
    if not ref or not ref.startswith(PREFIX):
        return None
    name = ref.removeprefix(PREFIX)
    if not name.removesuffix(".json").isdigit():
        return None
    path = _folder() / name
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None

"""``flask qa speech``: which speech engine transcribes recordings, or why none does; with a file,
what it hears in it (per channel), to try an engine before switching it on."""

from __future__ import annotations

import click
from flask.cli import AppGroup

qa_cli = AppGroup("qa", help="Smart QA tools.")


@qa_cli.command("speech", help="Say which speech engine transcribes recordings; with FILE, transcribe it.")
@click.argument("file", required=False, type=click.File("rb"))
@click.option("--language", default="en", show_default=True, type=click.Choice(["en", "zh"]))
@click.option("--content-type", default="", help="The file's audio type (found from its bytes when empty).")
def speech_command(file, language, content_type) -> None:
    from quality.services import speech
    from quality.speech import AudioError, EngineUnavailable

    status = speech.engine_status()
    click.echo(f"Speech to text: {status}")
    if status.startswith("unavailable"):
        raise SystemExit(1)
    if file is None:
        return
    engine = speech.configured_engine()
    if engine is None:
        raise SystemExit("Set QA_SPEECH_ENGINE to transcribe a file.")
    try:
        segments = engine.transcribe(file.read(), content_type, language)
    except (EngineUnavailable, AudioError) as error:
        raise SystemExit(f"Not transcribed: {error}") from None
    for segment in segments:
        click.echo(f"[{segment['start']:7.2f}-{segment['end']:7.2f}] channel {segment['channel']}: {segment['text']}")

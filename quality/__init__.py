"""Quality: transcripts, scorecards, automatic scoring, the review queue, disputes, calibration
and customer satisfaction. Scoring itself is pure Python in ``quality.scoring`` (no Flask, no
session); the rest reacts to ``interaction_completed`` and decides, through ``qa_decided``,
whether a member's pending earning is paid, held for a person or refused.
"""


def init_app(app) -> None:
    """Register quality's blueprints, receivers, jobs and commands."""

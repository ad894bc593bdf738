"""What the item types read while judging one conversation: the utterances, their sentences in
raw and folded form (computed once), the matcher, and the call's disposition."""

from __future__ import annotations

from dataclasses import dataclass

from quality.scoring.matching import Matcher
from quality.scoring.text import fold, is_question, sentences
from quality.scoring.transcript import Utterance


@dataclass
class Evidence:
    """A quoted utterance: its index in the transcript, its text and its start in seconds."""

    utterance: int
    text: str
    start: float


class Context:
    def __init__(self, utterances: list[Utterance], language: str, matcher: Matcher, *,
                 disposition: str | None = None, dispositions: list | None = None) -> None:
        self.utterances = utterances
        self.language = language
        self.matcher = matcher
        self.disposition = disposition
        self.dispositions = dispositions
        self.trigger: int | None = None  # the utterance that made the current item applicable
        self._sentences: dict[int, list[tuple[str, str]]] = {}
        self._folded: dict[int, str] = {}

    def sentences(self, i: int) -> list[tuple[str, str]]:
        """(raw, folded) sentences of utterance ``i``."""
        if i not in self._sentences:
            self._sentences[i] = [(s, fold(s)) for s in sentences(self.utterances[i].text)]
        return self._sentences[i]

    def folded(self, i: int) -> str:
        if i not in self._folded:
            self._folded[i] = fold(self.utterances[i].text)
        return self._folded[i]

    def said_by(self, speaker: str) -> list[int]:
        return [i for i, u in enumerate(self.utterances) if speaker == "any" or u.speaker == speaker]

    def evidence(self, i: int) -> Evidence:
        u = self.utterances[i]
        return Evidence(i, u.text, u.start)

    @staticmethod
    def is_question(sentence: str) -> bool:
        return is_question(sentence)

"""Sentence classifiers for what phrase lists and patterns miss: whether an agent's sentence
acknowledges the customer's trouble (``empathy``), whether a customer's sentence voices a problem
(``problem``), whether an agent's sentence is rude (``forbidden``). Pure Python, runs anywhere, no
model to download.

Each is a logistic regression over binary n-gram features of the folded sentence (Chinese:
characters, pairs and triples; English: words, pairs and triples of words, and the sentence's
question or exclamation mark), trained from the labelled sentences of ``quality/scoring/corpus``
the first time a process needs it (deterministic: the same corpus gives the same weights; about a
second for the rudeness model), then kept for the process. A sentence counts when its probability
reaches the task's threshold for its language (``THRESHOLDS``); below a task's floor (``FLOORS``)
the classifier is sure the sentence is not of its kind. Both were chosen on the evaluation set's
development splits and by cross-validation on the corpus, with ``bench/qa_classifier_threshold.py``.
"""

from __future__ import annotations

import math
import random
import re
from dataclasses import dataclass
from functools import lru_cache

from quality.scoring.text import fold, is_chinese

# task → (the corpus lists of its kind, the lists of the rest); the agents' polite sentences of the
# empathy lists teach the rudeness classifier what an agent says besides.
TASKS = {
    "empathy": (("EMPATHY",), ("NOT_EMPATHY",)),
    "problem": (("PROBLEM",), ("NO_PROBLEM",)),
    "forbidden": (("RUDE",), ("NOT_RUDE", "EMPATHY", "NOT_EMPATHY")),
}
# task → language → the probability at which a sentence counts (each language's model its own)
THRESHOLDS = {"empathy": {"zh": 0.95, "en": 0.95}, "problem": {"zh": 0.7, "en": 0.95},
              "forbidden": {"zh": 0.99, "en": 0.999}}
# Below its floor a task's classifier is sure a sentence is not of its kind: the listed rude words
# and the swearing found in such a sentence are set aside ("this stupid form keeps timing out,
# sorry"); the other rudeness patterns, whole constructions, still count.
FLOORS = {"forbidden": 0.02}
# From its suspicion level up to its threshold a task's classifier suspects a sentence without being
# sure: a rude sentence it suspects is quoted as such, for a person to judge where the campaign asks it.
SUSPICIONS = {"forbidden": 0.94}
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|[?!]")
_HAN = re.compile(r"[\u4e00-\u9fff?!？！]")


def features(sentence: str) -> frozenset[str]:
    """The n-grams of a folded sentence (see the module's documentation)."""
    if is_chinese(sentence):
        chars = "".join(_HAN.findall(sentence)).replace("？", "?").replace("！", "!")
        return frozenset(chars[i:i + n] for n in (1, 2, 3) for i in range(len(chars) - n + 1))
    words = _WORD.findall(sentence)
    return frozenset(" ".join(words[i:i + n]) for n in (1, 2, 3) for i in range(len(words) - n + 1))


@dataclass(frozen=True)
class Model:
    weights: dict[str, float]
    bias: float

    def probability(self, sentence: str) -> float:
        found = features(sentence)
        return _sigmoid(self.bias + sum(self.weights.get(f, 0.0) for f in found)) if found else 0.0


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def train(positive: list[str], negative: list[str], *, epochs: int = 12, rate: float = 0.3,
          l2: float = 1e-4) -> Model:
    """Logistic regression by AdaGrad, classes weighted to balance, in a fixed order."""
    rows = [(features(fold(s)), 1.0) for s in positive] + [(features(fold(s)), 0.0) for s in negative]
    rows = [(f, y) for f, y in rows if f]
    if not rows or not positive or not negative:
        return Model({}, 0.0)
    weight = {1.0: len(rows) / (2 * len(positive)), 0.0: len(rows) / (2 * len(negative))}
    random.Random(20261205).shuffle(rows)
    weights: dict[str, float] = {}
    squares: dict[str, float] = {}
    bias, bias_square = 0.0, 1e-8
    for _ in range(epochs):
        for feats, y in rows:
            g = (_sigmoid(bias + sum(weights.get(f, 0.0) for f in feats)) - y) * weight[y]
            for f in feats:
                w = weights.get(f, 0.0)
                grad = g + l2 * w
                squares[f] = squares.get(f, 1e-8) + grad * grad
                weights[f] = w - rate * grad / math.sqrt(squares[f])
            bias_square += g * g
            bias -= rate * g / math.sqrt(bias_square)
    return Model({f: w for f, w in weights.items() if abs(w) >= 1e-3}, bias)


def examples(task: str, language: str) -> tuple[list[str], list[str]]:
    """The corpus sentences the task learns from: (of its kind, the rest)."""
    from quality.scoring.corpus import corpus

    sentences = corpus(language)
    positive, negative = TASKS[task]
    return [s for name in positive for s in sentences[name]], [s for name in negative for s in sentences[name]]


@lru_cache(maxsize=8)
def model(task: str, language: str) -> Model:
    """The trained model of ``task`` for ``language`` ("zh" or "en")."""
    return train(*examples(task, language))


def held_out(task: str, language: str, folds: int = 5, read=fold) -> list[tuple[str, bool, float]]:
    """Each corpus sentence of the task (sentence, of its kind, probability), the probability
    given by a model trained on the other folds to ``read(sentence)``: how the classifier judges
    sentences it never saw."""
    yes, no = examples(task, language)
    out = []
    for k in range(folds):
        model = train([s for i, s in enumerate(yes) if i % folds != k], [s for i, s in enumerate(no) if i % folds != k])
        out += [(s, kind, model.probability(read(s))) for kind, group in ((True, yes), (False, no))
                for i, s in enumerate(group) if i % folds == k]
    return out


def _language(folded: str) -> str:
    return "zh" if is_chinese(folded) else "en"


def probability(task: str, folded: str) -> float:
    """How likely the folded sentence is of the task's kind."""
    return model(task, _language(folded)).probability(folded)


def threshold(task: str, language: str) -> float:
    """The probability at which a sentence of ``language`` counts as of the task's kind."""
    return THRESHOLDS[task][language]


def verdict(task: str, folded: str) -> bool | str | None:
    """True when the task's classifier says the folded sentence is of its kind (at its threshold),
    False when it is sure it is not (below the task's floor), "suspected" when it suspects it is
    without being sure (from its suspicion level, ``SUSPICIONS``, up to its threshold), None
    otherwise."""
    p = probability(task, folded)
    if p >= threshold(task, _language(folded)):
        return True
    if p >= SUSPICIONS.get(task, 2.0):
        return "suspected"
    return False if p < FLOORS.get(task, 0.0) else None


def says(task: str, folded: str) -> bool:
    """Whether the folded sentence is of the task's kind, at the task's threshold."""
    return probability(task, folded) >= threshold(task, _language(folded))

"""Sentence classifiers for what phrase lists and patterns miss: whether an agent's sentence
acknowledges the customer's trouble (``empathy``), whether a customer's sentence voices a problem
(``problem``). Pure Python, runs anywhere, no model to download. (No rudeness classifier: trained on
the corpus it could not reach the precision an automatic fail needs; see the README.)

Each is a logistic regression over binary n-gram features of the folded sentence (Chinese:
characters, pairs and triples; English: words, pairs and triples of words, and the sentence's
question or exclamation mark), trained from the labelled sentences of ``quality/scoring/corpus``
the first time a process needs it (deterministic: the same corpus gives the same weights), then
kept for the process. A sentence counts when its probability reaches the task's threshold
(``THRESHOLDS``, chosen on the evaluation set's development splits with
``bench/qa_classifier_threshold.py``).
"""

from __future__ import annotations

import math
import random
import re
from dataclasses import dataclass
from functools import lru_cache

from quality.scoring.text import fold, is_chinese

TASKS = {"empathy": ("EMPATHY", "NOT_EMPATHY"), "problem": ("PROBLEM", "NO_PROBLEM")}
THRESHOLDS = {"empathy": 0.95, "problem": 0.95}
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
        return _sigmoid(self.bias + sum(self.weights.get(f, 0.0) for f in features(sentence)))


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


@lru_cache(maxsize=8)
def model(task: str, language: str) -> Model:
    """The trained model of ``task`` for ``language`` ("zh" or "en")."""
    from quality.scoring.corpus import corpus

    sentences = corpus(language)
    positive, negative = TASKS[task]
    return train(sentences[positive], sentences[negative])


def probability(task: str, folded: str) -> float:
    """How likely the folded sentence is of the task's kind."""
    return model(task, "zh" if is_chinese(folded) else "en").probability(folded)


def says(task: str, folded: str) -> bool:
    """Whether the folded sentence is of the task's kind, at the task's threshold."""
    return probability(task, folded) >= THRESHOLDS[task]

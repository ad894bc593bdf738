"""Finding a scorecard's phrases in what was said, behind one interface.

``LexicalMatcher`` (the default, runs anywhere): the folded phrase found in the folded sentence,
on word boundaries for Latin text; an English word one or two typing or recognition errors away
from a phrase's word (same first letter, at most one letter longer or shorter, not merely another
form of it, similarity >= 0.84) counts as that word. Each hit says
whether it is negated (a negator among the few words before it in its clause: "this call is not
being recorded", "不是您的错") and whether it sits inside quotation marks.

``EmbeddingMatcher`` (optional): a sentence matches when its embedding is close to a phrase's.
It loads a model through ``QA_EMBEDDING_MODEL`` = ``"module:factory"`` (a factory returning an
object with ``encode(list[str]) -> vectors``, from a PyPI-installed package, loaded offline):
``quality.scoring.embeddings:wordllama_model`` with the ``qa-embedding`` extra. Without the setting
or the package, asking for it raises ``MatcherUnavailable``.
"""

from __future__ import annotations

import difflib
import importlib
import math
import os
import re
from dataclasses import dataclass
from functools import lru_cache

from quality.scoring import classifier
from quality.scoring.lexicon import LEXICON_PATTERNS, LEXICONS, NEGATORS
from quality.scoring.text import fold, is_chinese, tokens

_CLAUSE_BREAK = re.compile(r"[,;:，；：、]|\bbut\b|但是|可是|不过")
_LATIN = re.compile(r"[a-z0-9]")


class MatcherUnavailable(RuntimeError):
    """The matcher asked for cannot run on this deployment (its model is not installed)."""


@dataclass(frozen=True)
class Hit:
    phrase: str
    start: int
    end: int
    negated: bool = False
    quoted: bool = False


@dataclass(frozen=True)
class Phrases:
    """A compiled phrase list (both languages in one alternation)."""

    items: tuple[str, ...]
    pattern: re.Pattern
    vocabulary: frozenset[str]


@lru_cache(maxsize=512)
def compile_phrases(items: tuple[str, ...]) -> Phrases:
    folded = sorted({fold(p).strip() for p in items if p and p.strip()}, key=len, reverse=True)
    parts = []
    for phrase in folded:
        body = r"\s*".join(re.escape(w) for w in phrase.split())
        if _LATIN.match(phrase[0]):
            body = r"(?<![a-z0-9])" + body
        if _LATIN.match(phrase[-1]):
            body += r"(?![a-z0-9])"
        parts.append(body)
    pattern = re.compile("|".join(parts) if parts else r"(?!x)x")
    vocabulary = frozenset(w for p in folded if not is_chinese(p) for w in re.findall(r"[a-z']+", p) if len(w) >= 6)
    return Phrases(tuple(folded), pattern, vocabulary)


@lru_cache(maxsize=16)
def compile_patterns(items: tuple[str, ...]) -> re.Pattern:
    """Regular expressions (on folded text) as one alternation."""
    return re.compile("|".join(f"(?:{p})" for p in items) if items else r"(?!x)x")


def find_patterns(sentence: str, pattern: re.Pattern) -> list[Hit]:
    """Where ``pattern`` matches the folded ``sentence``, with negation and quotes read as for phrases."""
    return [Hit(m.group(), m.start(), m.end(), negated(sentence, m.start()), _quoted(sentence, m.start(), m.end()))
            for m in pattern.finditer(sentence)]


def phrases_for(params: dict, default_lexicon: str | None = None) -> Phrases:
    """The phrases an item's params name: ``"phrases": {"zh": [...], "en": [...]}`` (or a list),
    plus the standard ``"lexicon"`` named (defaulting to ``default_lexicon``)."""
    found: list[str] = []
    own = params.get("phrases")
    if isinstance(own, dict):
        for values in own.values():
            found.extend(values or [])
    elif isinstance(own, list):
        found.extend(own)
    name = _lexicon_name(params, default_lexicon)
    if name:
        for values in LEXICONS[name].values():
            found.extend(values)
    return compile_phrases(tuple(found))


def _lexicon_name(params: dict, default_lexicon: str | None) -> str | None:
    """The standard lexicon an item's params name (``default_lexicon`` unless they carry phrases)."""
    return params.get("lexicon", default_lexicon if params.get("phrases") is None else None)


def patterns_for(params: dict, default_lexicon: str | None = None) -> re.Pattern | None:
    """The general patterns (``lexicon.LEXICON_PATTERNS``) of the standard lexicon an item's
    params name, if it has any: they match beside its phrases."""
    kinds = LEXICON_PATTERNS.get(_lexicon_name(params, default_lexicon) or "")
    return compile_patterns(tuple(p for ps in kinds.values() for p in ps)) if kinds else None


def classifier_for(params: dict, default_lexicon: str | None = None) -> str | None:
    """The sentence classifier (``quality.scoring.classifier``, one per standard lexicon it
    serves, of the same name) of the lexicon an item's params name, unless ``classifier`` is
    false in them."""
    name = _lexicon_name(params, default_lexicon)
    return name if params.get("classifier") is not False and name in classifier.TASKS else None


def find_all(matcher: Matcher, sentence: str, phrases: Phrases, patterns: re.Pattern | None,
             task: str | None = None) -> list[Hit]:
    """The matcher's phrase hits in ``sentence``, the lexicon's pattern hits if it has patterns,
    and the whole sentence when the lexicon's classifier says it is of its kind."""
    hits = matcher.find(sentence, phrases)
    if patterns is not None:
        hits += find_patterns(sentence, patterns)
    if task is not None and not hits and classifier.says(task, sentence):
        hits.append(Hit(f"<{task}>", 0, len(sentence)))
    return hits


def _clause_before(sentence: str, start: int) -> str:
    """The words before ``start`` in its clause (from the last comma, colon or "but")."""
    before = sentence[:start]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    return before[breaks[-1].end():] if breaks else before


def negated(sentence: str, start: int) -> bool:
    """Whether a negator stands among the few words before ``start`` in its clause."""
    clause = _clause_before(sentence, start)
    if not clause.strip():
        return False
    if is_chinese(clause):
        words = tokens(clause)
        if "就" in words:  # 不交钱就…: the negator belongs to the condition, not to what follows 就
            words = words[len(words) - words[::-1].index("就"):]
        last = words[-4:]
        at = max((k for k, w in enumerate(last) if w in NEGATORS["zh"]), default=None)
        # the negator reaches the phrase only over function words ("不是你的问题", "不会太贵"); a content
        # word between them takes it ("没更新确实让人着急": 没 negates 更新, not what follows), unless a
        # light verb hands it on ("没有对通话进行录音", "不做录音")
        between = last[at + 1:] if at is not None else []
        return at is not None and (all(w in _ZH_NEGATION_REACH for w in between)
                                   or (bool(between) and between[-1] in _ZH_LIGHT_VERBS))
    if _NO_SUCH.search(clause):  # "there's no such thing as a dumb question": the whole phrase denies
        return True
    words = re.findall(r"[a-z]+(?:'[a-z]+)?", clause)[-4:]
    return any(w in NEGATORS["en"] or w.endswith("n't") for w in words)


_ZH_NEGATION_REACH = frozenset([
    "是", "会", "要", "能", "太", "很", "再", "用", "算", "该", "应该", "可能", "一定", "大",
    "怎么", "那么", "这么", "那样", "这样", "得", "了", "都", "也", "就", "还", "可", "真", "的",
    "地", "我", "你", "他", "她", "我们", "你们", "他们", "给", "对", "把", "被", "让", "跟",
    "和", "在", "有", "去", "来", "想", "敢", "必", "必须", "需要", "一直", "总", "总是", "老",
    "再也", "完全", "根本", "一点", "一点儿", "什么", "啥", "任何",
])
_ZH_LIGHT_VERBS = frozenset(["进行", "做", "作", "搞", "开", "开启", "启用", "加以", "予以", "实施", "安排"])
_NO_SUCH = re.compile(r"\bno such (?:thing|word) as\b")


def hypothetical(sentence: str, start: int) -> bool:
    """Whether the words before ``start`` in its clause put it in a condition ("if anything goes
    wrong, can someone text me?", "in case it's late"): English only; "what if" voices a worry."""
    clause = _clause_before(sentence, start)
    if is_chinese(clause):
        return False
    words = re.findall(r"[a-z]+(?:'[a-z]+)?", clause)[-5:]
    return any(w in ("if", "unless") or (w == "case" and k and words[k - 1] == "in")
               for k, w in enumerate(words)) and not re.search(r"\bwhat if\b", clause)


def _quoted(sentence: str, start: int, end: int) -> bool:
    """Inside double quotes, or inside single quotes that open after a space or a mark and close
    before one (an apostrophe inside a word, as in "don't", opens and closes nothing)."""
    if sentence[:start].count('"') % 2 == 1:
        return True
    return any(a <= start and end <= b for a, b in _single_quoted(sentence))


_SINGLE_QUOTED = re.compile(r"(?<![a-z0-9])'((?:[^']|(?<=[a-z])'(?=[a-z]))+)'(?![a-z0-9])")


def _single_quoted(sentence: str) -> list[tuple[int, int]]:
    return [(m.start(1), m.end(1)) for m in _SINGLE_QUOTED.finditer(sentence)] if "'" in sentence else []


_DOUBLE_QUOTED = re.compile(r'"[^"]*"?')


def unquoted(sentence: str) -> str:
    """The folded sentence without what it quotes (in double quotes, or single quotes as
    ``_quoted`` reads them): someone else's words, not the speaker's."""
    for a, b in reversed(_single_quoted(sentence)):
        sentence = sentence[:a - 1] + " " + sentence[b + 1:]
    return _DOUBLE_QUOTED.sub(" ", sentence)


def splits_a_word(sentence: str, start: int, end: int) -> bool:
    """Whether a Chinese phrase found at ``start:end`` straddles two words of the sentence
    (天才 in 明天才能: 明天 / 才能), rather than being a word or lying inside one (笨 in 笨蛋)."""
    at = 0
    for token in tokens(sentence):
        at = sentence.find(token, at) + len(token)
        if start < at < end:
            return True
        if at >= end:
            return False
    return False


class Matcher:
    """Finds phrases in one sentence (already folded with ``text.fold``)."""

    name = "base"

    def find(self, sentence: str, phrases: Phrases) -> list[Hit]:
        raise NotImplementedError


class LexicalMatcher(Matcher):
    name = "lexical"

    def find(self, sentence: str, phrases: Phrases) -> list[Hit]:
        hits = [self._hit(sentence, m) for m in phrases.pattern.finditer(sentence)]
        if not hits and phrases.vocabulary and not is_chinese(sentence):
            corrected = _correct(sentence, phrases.vocabulary)
            if corrected != sentence:
                hits = [self._hit(corrected, m) for m in phrases.pattern.finditer(corrected)]
        return hits

    @staticmethod
    def _hit(sentence: str, m: re.Match) -> Hit:
        return Hit(m.group(), m.start(), m.end(), negated(sentence, m.start()), _quoted(sentence, m.start(), m.end()))


def _correct(sentence: str, vocabulary: frozenset[str]) -> str:
    """The sentence with each long unknown word replaced by the phrase word it nearly is."""
    def fix(m: re.Match) -> str:
        word = m.group()
        return _nearest(word, vocabulary) if len(word) >= 6 and word not in vocabulary else word
    return re.sub(r"[a-z']+", fix, sentence)


@lru_cache(maxsize=65536)
def _nearest(word: str, vocabulary: frozenset[str]) -> str:
    # A typo or a misheard letter, not another form of the word ("damage" is not "damaged").
    candidates = [v for v in vocabulary if v[0] == word[0] and abs(len(v) - len(word)) <= 1
                  and not (v.startswith(word) or word.startswith(v))]
    close = difflib.get_close_matches(word, candidates, n=1, cutoff=0.84)
    return close[0] if close else word


class EmbeddingMatcher(Matcher):
    """Semantic matching: a sentence hits a phrase list when its cosine similarity with one of the
    phrases reaches ``threshold``; quotes are read lexically as above. Such a hit covers the whole
    sentence, so it counts as negated when a negator stands anywhere in the sentence. The default
    threshold is the lowest at which the bundled WordLlama model agrees with every label of the
    evaluation set's dev split that the lexical matcher agrees with, in both languages
    (bench/qa_embedding_threshold.py)."""

    name = "embedding"

    def __init__(self, model=None, threshold: float = 0.80) -> None:
        self.model = model or _load_model()
        self.threshold = threshold
        self._cache: dict[str, list[float]] = {}

    def _vector(self, text: str) -> list[float]:
        if text not in self._cache:
            vector = [float(x) for x in self.model.encode([text])[0]]
            norm = math.sqrt(sum(x * x for x in vector)) or 1.0
            self._cache[text] = [x / norm for x in vector]
        return self._cache[text]

    def find(self, sentence: str, phrases: Phrases) -> list[Hit]:
        exact = LexicalMatcher().find(sentence, phrases)
        if exact:
            return exact
        here = self._vector(sentence)
        for phrase in phrases.items:
            if sum(a * b for a, b in zip(here, self._vector(phrase), strict=True)) >= self.threshold:
                return [Hit(phrase, 0, len(sentence), _has_negator(sentence), False)]
        return []


def _has_negator(sentence: str) -> bool:
    if is_chinese(sentence):
        return any(w in NEGATORS["zh"] for w in tokens(sentence))
    return any(w in NEGATORS["en"] or w.endswith("n't") for w in re.findall(r"[a-z]+(?:'[a-z]+)?", sentence))


def _load_model():
    spec = os.environ.get("QA_EMBEDDING_MODEL", "")
    if ":" not in spec:
        raise MatcherUnavailable("no sentence-embedding model is configured (QA_EMBEDDING_MODEL)")
    if spec in _FAILED_LOADS:  # a model that failed to load is not tried again for every call
        raise MatcherUnavailable(_FAILED_LOADS[spec])
    module, _, factory = spec.partition(":")
    try:
        return getattr(importlib.import_module(module), factory)()
    except Exception as exc:  # an optional extra: any failure to load means "not available here"
        _FAILED_LOADS[spec] = f"the embedding model {spec} does not load offline: {exc}"
        raise MatcherUnavailable(_FAILED_LOADS[spec]) from exc


_FAILED_LOADS: dict[str, str] = {}


MATCHERS = {"lexical": LexicalMatcher, "embedding": EmbeddingMatcher}


@lru_cache(maxsize=4)
def get_matcher(name: str) -> Matcher:
    """The matcher registered under ``name``; ``MatcherUnavailable`` when it cannot run here."""
    if name not in MATCHERS:
        raise MatcherUnavailable(f"unknown matcher {name!r}")
    return MATCHERS[name]()


def available_matchers() -> list[str]:
    out = []
    for name in MATCHERS:
        try:
            get_matcher(name)
        except MatcherUnavailable:
            continue
        out.append(name)
    return out

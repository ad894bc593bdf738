"""The registry of item types a scorecard is built from. Each type documents its params, checks
them (``check`` → problems) and judges a conversation (``judge`` → passed and quoted evidence).

Phrase params, shared by the types that look for words: ``"lexicon"`` (a name in
``lexicon.LEXICONS``) and/or ``"phrases"`` (``{"zh": [...], "en": [...]}`` or a list).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from quality.scoring import classifier
from quality.scoring.context import Context, Evidence
from quality.scoring.lexicon import (
    DISCLAIMERS,
    LEXICONS,
    OBJECTIONS,
    PROFANITY,
    RUDENESS,
    SECOND_PERSON,
    SELF,
    SELF_AFTER,
    THIRD_PARTY,
    TOOLS,
)
from quality.scoring.matching import (
    classifier_for,
    compile_patterns,
    find_all,
    find_patterns,
    patterns_for,
    phrases_for,
    splits_a_word,
    unquoted,
)
from quality.scoring.pii import customer_numbers, exposure, spoken_numbers
from quality.scoring.text import is_chinese


@dataclass(frozen=True)
class Problem:
    """A fault in a scorecard: ``code`` (e.g. "weights_sum", "unknown_type", "bad_param"), the
    ``path`` of the field (e.g. "sections[0].items[2].params.within_seconds") and ``params``."""

    code: str
    path: str
    params: dict = field(default_factory=dict)


@dataclass
class Judgement:
    passed: bool | None
    evidence: list[Evidence] = field(default_factory=list)
    suspected: list[Evidence] = field(default_factory=list)  # what the item suspects without failing on it


SPEAKERS = ("agent", "customer", "any")


def _phrase_problems(params: dict, path: str, required: bool = True) -> list[Problem]:
    out = []
    name = params.get("lexicon")
    if name is not None and (not isinstance(name, str) or name not in LEXICONS):
        out.append(Problem("unknown_lexicon", f"{path}.lexicon", {"lexicon": name}))
    own = params.get("phrases")
    if own is not None:
        values = own.values() if isinstance(own, dict) else [own]
        if not all(isinstance(v, list) and all(isinstance(x, str) for x in v) for v in values):
            out.append(Problem("bad_param", f"{path}.phrases", {}))
    if required and name is None and own is None:
        out.append(Problem("missing_param", f"{path}.phrases", {}))
    return out


def _sub_phrases(params: dict, keys: tuple[str, ...], path: str) -> list[Problem]:
    """Problems of nested phrase params (``also``, ``exclude``, ``hold``, …) that are present."""
    out = []
    for key in keys:
        if key in params:
            if not isinstance(params[key], dict):
                out.append(Problem("bad_param", f"{path}.{key}", {}))
            else:
                out += _phrase_problems(params[key], f"{path}.{key}")
    return out


def _number(params: dict, key: str, path: str, low: float, high: float) -> list[Problem]:
    if key not in params:
        return []
    value = params[key]
    if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
        return [Problem("bad_param", f"{path}.{key}", {"min": low, "max": high})]
    return []


def _choice(params: dict, key: str, path: str, options: tuple) -> list[Problem]:
    if key in params and params[key] not in options:
        return [Problem("bad_param", f"{path}.{key}", {"options": list(options)})]
    return []


class ItemType:
    """A kind of item. ``scored``: whether it carries points (False for pure auto-fail checks is
    still allowed to carry 0 points)."""

    key = ""

    def check(self, params: dict, path: str) -> list[Problem]:
        return []

    def judge(self, ctx: Context, params: dict) -> Judgement:
        raise NotImplementedError


class PhraseMatch(ItemType):
    """Passes when one of the phrases is said. Params: the phrase params; ``speaker`` (agent,
    customer or any; default agent); ``also`` (phrase params that must occur in the same
    sentence, e.g. an identity term with a request to give or confirm it; ``or_question``: a
    question does instead; ``or_bare``: so does a sentence that is little more than the phrase,
    a curt request such as "Claim number." or "户号。"; ``also_in_chinese``: false to ask it of
    Latin text only); ``exclude`` (phrase
    params: a sentence holding one does not count, e.g. "sorry, could you repeat that?");
    ``exclude_only`` (phrase params: the exclusion sets aside only the hits of these phrases, e.g.
    an apology, so that "实在不好意思让您等这么久，饿着肚子等确实难受" still counts by what else it says);
    ``unless_rude`` (true: a sentence holding an insult, a rudeness construction or a swear word
    that is neither quoted nor negated does not count, e.g. empathy inside "I don't give a damn
    what he told you"); ``question`` ("any", "required": the sentence asks, "excluded"); ``negation`` ("reject": a
    negated phrase does not count, the default; "ignore"); ``where`` ("any", "first" or "last"
    utterance of the speaker); ``within_seconds`` (the sentence's utterance starts by then);
    ``after_fraction`` (0..1: only utterances past that share of the call);
    ``after_trigger`` (only after the utterance that made the item applicable)."""

    key = "phrase"

    def check(self, params, path):
        out = _phrase_problems(params, f"{path}.params") + \
            _sub_phrases(params, ("also", "exclude", "exclude_only"), f"{path}.params")
        out += _choice(params, "speaker", f"{path}.params", SPEAKERS)
        out += _choice(params, "or_question", f"{path}.params", (True, False))
        out += _choice(params, "or_bare", f"{path}.params", (True, False))
        out += _choice(params, "unless_rude", f"{path}.params", (True, False))
        out += _choice(params, "also_in_chinese", f"{path}.params", (True, False))
        out += _choice(params, "question", f"{path}.params", ("any", "required", "excluded"))
        out += _choice(params, "negation", f"{path}.params", ("reject", "ignore"))
        out += _choice(params, "classifier", f"{path}.params", (True, False))
        out += _choice(params, "where", f"{path}.params", ("any", "first", "last"))
        out += _number(params, "within_seconds", f"{path}.params", 0, 3600)
        out += _number(params, "after_fraction", f"{path}.params", 0, 1)
        return out

    def judge(self, ctx, params):
        phrases = phrases_for(params)
        patterns, task = patterns_for(params), classifier_for(params)
        also = phrases_for(params["also"]) if params.get("also") else None
        exclude = phrases_for(params["exclude"]) if params.get("exclude") else None
        exclude_only = phrases_for(params["exclude_only"]) if params.get("exclude_only") else None
        question = params.get("question", "any")
        reject_negated = params.get("negation", "reject") == "reject"
        indexes = ctx.said_by(params.get("speaker", "agent"))
        where = params.get("where", "any")
        if where in ("first", "last"):
            indexes = indexes[:1] if where == "first" else indexes[-1:]
        if "within_seconds" in params:
            indexes = [i for i in indexes if ctx.utterances[i].start <= params["within_seconds"]]
        if "after_fraction" in params:
            indexes = [i for i in indexes if i >= params["after_fraction"] * len(ctx.utterances)]
        if params.get("after_trigger") and ctx.trigger is not None:
            indexes = [i for i in indexes if i >= ctx.trigger]
        for i in indexes:
            for raw, folded in ctx.sentences(i):
                hits = [h for h in find_all(ctx.matcher, folded, phrases, patterns, task)
                        if not (reject_negated and h.negated)]
                if not hits:
                    continue
                asks = ctx.is_question(raw)
                also_needed = also and (params.get("also_in_chinese", True) or not is_chinese(folded))
                alone = params.get("or_bare") and _bare(folded, hits)
                if also_needed and not (params.get("or_question") and asks) and not alone \
                        and not ctx.matcher.find(folded, also):
                    continue
                if exclude and ctx.matcher.find(folded, exclude) and not _spared(ctx, folded, hits, exclude_only):
                    continue
                if params.get("unless_rude") and _rude_words(ctx, folded):
                    continue
                if (question == "required" and not asks) or (question == "excluded" and asks):
                    continue
                return Judgement(True, [ctx.evidence(i)])
        return Judgement(False, [ctx.evidence(i) for i in indexes[-1:]] if where != "any" else [])


def _rude_words(ctx, folded: str) -> bool:
    """Whether the folded sentence holds a listed insult, a rudeness construction or a swear word,
    found as the forbidden-language item finds them, and not quoted."""
    return any(not h.quoted for h in _rule_hits(ctx, folded, _FORBIDDEN_WORDS))


def _spared(ctx, folded: str, hits: list, only) -> bool:
    """With ``exclude_only``, whether a hit outside those phrases remains (the exclusion sets aside
    only theirs)."""
    if only is None:
        return False
    spans = [(h.start, h.end) for h in ctx.matcher.find(folded, only)]
    return any(not any(a < h.end and h.start < b for a, b in spans) for h in hits)


def _bare(folded: str, hits: list) -> bool:
    """The sentence says little besides the phrase found: at most two Chinese characters or one word more."""
    rest = folded[:hits[0].start] + " " + folded[hits[0].end:]
    if is_chinese(folded):
        return len(re.sub(r"[\W_]", "", rest)) <= 2
    return len(re.findall(r"[a-z0-9']+", rest)) <= 1


class Greeting(ItemType):
    """The speaker's first utterance starts within ``within_seconds`` (default 15), greets (a
    greeting or an offer of help: ``greet`` phrase params, default lexicon "greet") and names the
    company or the agent (``identify`` phrase params, default lexicon "self_identify")."""

    key = "greeting"

    def check(self, params, path):
        return _number(params, "within_seconds", f"{path}.params", 0, 600) + \
            _choice(params, "speaker", f"{path}.params", SPEAKERS) + \
            _sub_phrases(params, ("greet", "identify"), f"{path}.params")

    def judge(self, ctx, params):
        agents = ctx.said_by(params.get("speaker", "agent"))
        if not agents:
            return Judgement(False)
        first = agents[0]
        greet = phrases_for(params.get("greet") or {"lexicon": "greet"})
        identify = phrases_for(params.get("identify") or {"lexicon": "self_identify"})
        ok = ctx.utterances[first].start <= params.get("within_seconds", 15)
        text = ctx.folded(first)
        ok = ok and any(not h.negated for h in ctx.matcher.find(text, greet))
        ok = ok and any(not h.negated and not _thanks_naming_no_one(text, h) for h in ctx.matcher.find(text, identify))
        return Judgement(ok, [ctx.evidence(first)])


_THANKS_FOR_CALLING = re.compile(r"thanks? (you )?for calling$")
_NO_NAME = re.compile(r"\W*($|(how|what|today|and|we|us|in|again|back|so|i|is|are)\b)")


def _thanks_naming_no_one(text: str, hit) -> bool:
    """"Thanks for calling" names the company only when a name follows it ("thanks for calling
    Summit Fiber"), not "thanks for calling, how can I help?"."""
    return bool(_THANKS_FOR_CALLING.search(text[:hit.end])) and bool(_NO_NAME.match(text[hit.end:]))


class ForbiddenPhrases(ItemType):
    """Fails when the speaker (default agent) says a forbidden phrase (default lexicon
    "forbidden": insults, mockery and sarcasm, swearing, threats, rude blame) or, unless
    ``rudeness`` is false, matches one of the rudeness patterns (``lexicon.RUDENESS``: second
    person with a derogatory word, talking down, sarcasm, blame, brushing off, threats, swearing)
    worded without a listed phrase, or swears (``lexicon.PROFANITY``, even negated: "not my damn
    problem"). A negated phrase ("it's not your fault"), one inside quotation marks, or one reported
    after a ``reported`` phrase in its clause ("the previous agent called you stupid") does not
    count. With ``rudeness`` and ``objections`` (default true) and the agent as speaker, a
    customer objecting to how they were spoken to (``lexicon.OBJECTIONS``: "你这是什么态度？",
    "There's no need to talk to me like that") fails the agent's last utterance before it (both
    are quoted as evidence). With ``rudeness`` and ``classifier`` (default true), the agent as
    speaker and the default lexicon, the rudeness classifier (``classifier``, task "forbidden")
    reads each of the agent's sentences outside what it quotes: one it is sure is rude fails the
    item even without a listed phrase or pattern; in one it is sure is polite (below its floor:
    "this stupid form keeps timing out, I'm sorry") the listed phrases and the swearing found are set
    aside (the other rudeness patterns, whole constructions, still count); the agent's utterances it
    suspects without being sure (``classifier.verdict``) are quoted as ``suspected`` when the item
    passes (a campaign may hold such a call for a person)."""

    key = "forbidden"

    def check(self, params, path):
        return _phrase_problems(params, f"{path}.params", required=False) + \
            _choice(params, "speaker", f"{path}.params", SPEAKERS) + \
            _choice(params, "rudeness", f"{path}.params", (True, False)) + \
            _choice(params, "objections", f"{path}.params", (True, False)) + \
            _choice(params, "classifier", f"{path}.params", (True, False)) + \
            _sub_phrases(params, ("reported",), f"{path}.params")

    def judge(self, ctx, params):
        phrases = phrases_for(params, "forbidden")
        reported = phrases_for(params.get("reported") or {"lexicon": "reported"})
        rudeness = params.get("rudeness", True)
        speaker = params.get("speaker", "agent")
        task = classifier_for(params, "forbidden") if rudeness and speaker == "agent" else None
        found, suspected = [], []
        for i in ctx.said_by(speaker):
            reading = self._rude(ctx, i, phrases, reported, rudeness, task)
            if reading is True:
                found.append(i)
            elif reading == "suspected":
                suspected.append(i)
        if rudeness and speaker == "agent" and params.get("objections", True):
            for agent, objection in _objected_to(ctx):  # the words objected to, and the objection
                found += [i for i in (agent, objection) if i not in found]
        return Judgement(not found, [ctx.evidence(i) for i in sorted(found)],
                         [] if found else [ctx.evidence(i) for i in suspected])

    @staticmethod
    def _rude(ctx, i: int, phrases, reported, rudeness: bool, task: str | None) -> bool | str:
        """True when utterance ``i`` is rude; "suspected" when the classifier suspects one of its
        sentences and nothing else finds it rude; False otherwise."""
        suspected = False
        said = ctx.sentences(i)
        disclaimed = bool(_DISCLAIMERS.search(ctx.folded(i)))
        for k, (_, folded) in enumerate(said):
            sure = classifier.verdict(task, unquoted(folded)) if task is not None else None
            if sure is True:
                return True
            suspected = suspected or sure == "suspected"
            if sure is False:
                # the classifier is sure the sentence is polite: the listed words and the swearing found in
                # it are set aside ("this stupid form keeps timing out", "真是见鬼了，我帮您催一下"); the other
                # rudeness patterns, whole constructions aimed at the customer, are not
                hits = [h for h in _pattern_hits(folded) if not _SWEARING.search(folded[h.start:h.end])] \
                    if rudeness else []
            else:
                hits = _rule_hits(ctx, folded, phrases) if rudeness else _listed_hits(ctx, folded, phrases)
            # ...but not at a tool named in the sentence or the next ("oh, bloody hell... this computer's frozen"),
            # nor where the agent says it was not aimed at the customer ("sorry, not you")
            at_tool = any(_TOOLS.search(f) for _, f in said[k:k + 2])
            if (at_tool or disclaimed) and not _SECOND_PERSON.search(folded):
                hits = [h for h in hits if not _one_word_or_swearing(folded[h.start:h.end])]
            for hit in hits:
                clause = _CLAUSE_END.split(folded[:hit.start])[-1]
                own = _SELF.search(clause) or _SELF_AFTER.match(folded, hit.end)
                if hit.quoted or (own and _one_word_or_swearing(folded[hit.start:hit.end])):
                    continue  # quoted, or an insult of the agent's own ("I'm an idiot, I clicked the wrong tab")
                if clause and ctx.matcher.find(clause, reported):
                    continue
                return True
        return "suspected" if suspected else False


def _listed_hits(ctx, folded: str, phrases) -> list:
    """The listed rude phrases found in the sentence, not negated (a short Chinese one only as a
    word of its own: not 笨 in 笨重)."""
    return [h for h in ctx.matcher.find(folded, phrases) if not h.negated and not (
        h.end - h.start <= 2 and is_chinese(h.phrase) and splits_a_word(folded, h.start, h.end))]


def _pattern_hits(folded: str) -> list:
    """The rudeness constructions (``RUDENESS``) found in the sentence, not negated."""
    return [h for h in find_patterns(folded, _RUDENESS) if not h.negated]


def _rule_hits(ctx, folded: str, phrases) -> list:
    """Everything the rules find rude in the sentence: listed phrases and constructions, not
    negated, and swearing, which counts even negated ("not my damn problem")."""
    return _listed_hits(ctx, folded, phrases) + _pattern_hits(folded) + find_patterns(folded, _PROFANITY)


_CLAUSE_END = re.compile(r"[,，.!?。！？;；]")


def _one_word_or_swearing(words: str) -> bool:
    """A swear word, or an insult of one word ("stupid", "垃圾")."""
    if _SWEARING.search(words):
        return True
    return len(words) <= 4 if is_chinese(words) else " " not in words.strip()


def _objected_to(ctx) -> list[tuple[int, int]]:
    """(the agent's utterance, the customer's objection) for each customer objecting to how they
    were spoken to ("你这是什么态度？", "There's no need to talk to me like that"): the agent's last
    utterance before it, unless the objection is the customer's first utterance or names someone
    else."""
    out = []
    for i in ctx.said_by("customer")[1:]:
        agent = next((j for j in range(i - 1, -1, -1) if ctx.utterances[j].speaker == "agent"), None)
        if agent is None:
            continue
        for _, folded in ctx.sentences(i):
            if _THIRD_PARTY.search(folded):
                continue
            if any(not h.quoted for h in find_patterns(folded, _OBJECTIONS)):
                out.append((agent, i))
                break
    return out


_FORBIDDEN_WORDS = phrases_for({"lexicon": "forbidden"})
_RUDENESS = compile_patterns(tuple(p for kinds in RUDENESS.values() for ps in kinds.values() for p in ps))
_PROFANITY = compile_patterns(tuple(p for ps in PROFANITY.values() for p in ps))
_OBJECTIONS = compile_patterns(tuple(p for ps in OBJECTIONS.values() for p in ps))
_THIRD_PARTY = compile_patterns(tuple(p for ps in THIRD_PARTY.values() for p in ps))
_SWEARING = compile_patterns(tuple(p for ps in (*PROFANITY.values(), *RUDENESS["swearing"].values()) for p in ps))
_TOOLS = compile_patterns(tuple(p for ps in TOOLS.values() for p in ps))
_SELF = compile_patterns(tuple(p for ps in SELF.values() for p in ps))
_SELF_AFTER = compile_patterns(tuple(p for ps in SELF_AFTER.values() for p in ps))
_DISCLAIMERS = compile_patterns(tuple(p for ps in DISCLAIMERS.values() for p in ps))
_SECOND_PERSON = compile_patterns(tuple(p for ps in SECOND_PERSON.values() for p in ps))


class Silence(ItemType):
    """Fails when more than ``max_gap_seconds`` (default 10) separate two utterances, unless the
    agent's last utterance before the gap (with at most ``ack_turns``, default 2, short customer
    turns after it) asked the customer to hold or wait (phrase params ``hold``, default lexicon
    "hold")."""

    key = "silence"

    def check(self, params, path):
        out = _number(params, "max_gap_seconds", f"{path}.params", 0.5, 3600)
        out += _number(params, "ack_turns", f"{path}.params", 0, 10)
        return out + _sub_phrases(params, ("hold",), f"{path}.params")

    def judge(self, ctx, params):
        limit = params.get("max_gap_seconds", 10)
        hold = phrases_for(params.get("hold") or {"lexicon": "hold"})
        utts = ctx.utterances
        for i in range(len(utts) - 1):
            gap = utts[i + 1].start - utts[i].end
            if gap <= limit or self._held(ctx, i, hold, params.get("ack_turns", 2)):
                continue
            return Judgement(False, [ctx.evidence(i), ctx.evidence(i + 1)])
        return Judgement(True)

    @staticmethod
    def _held(ctx, i, hold, ack_turns) -> bool:
        j = i
        while j >= 0 and ctx.utterances[j].speaker == "customer" and i - j < ack_turns:
            j -= 1
        if j < 0 or ctx.utterances[j].speaker != "agent":
            return False
        return any(not h.negated for _, f in ctx.sentences(j) for h in ctx.matcher.find(f, hold))


class TalkOver(ItemType):
    """Fails when the agent starts speaking more than ``max_overlap_seconds`` (default 1.0)
    before the customer's utterance ends, more than ``max_count`` times (default 2)."""

    key = "talk_over"

    def check(self, params, path):
        return _number(params, "max_overlap_seconds", f"{path}.params", 0, 60) + \
            _number(params, "max_count", f"{path}.params", 0, 1000)

    def judge(self, ctx, params):
        over = [i + 1 for i, (a, b) in enumerate(zip(ctx.utterances, ctx.utterances[1:], strict=False))
                if a.speaker == "customer" and b.speaker == "agent"
                and a.end - b.start > params.get("max_overlap_seconds", 1.0)]
        return Judgement(len(over) <= params.get("max_count", 2), [ctx.evidence(i) for i in over[:5]])


class TalkRatio(ItemType):
    """Passes when the agent's share of the speaking time lies between ``min_agent_share``
    (default 0.2) and ``max_agent_share`` (default 0.8); not applicable when nobody spoke."""

    key = "talk_ratio"

    def check(self, params, path):
        out = _number(params, "min_agent_share", f"{path}.params", 0, 1)
        out += _number(params, "max_agent_share", f"{path}.params", 0, 1)
        if not out and params.get("min_agent_share", 0.2) > params.get("max_agent_share", 0.8):
            out.append(Problem("bad_param", f"{path}.params.min_agent_share", {}))
        return out

    def judge(self, ctx, params):
        agent = sum(u.end - u.start for u in ctx.utterances if u.speaker == "agent")
        total = sum(u.end - u.start for u in ctx.utterances)
        if total <= 0:
            return Judgement(None)
        share = agent / total
        return Judgement(params.get("min_agent_share", 0.2) <= share <= params.get("max_agent_share", 0.8))


class PiiSpoken(ItemType):
    """Fails when the agent speaks a full card number (``card_digits``, default 12, or more), a
    full national ID (``id_length``, default 18), an SSN or the customer's full phone number, in
    digits or in words, possibly split across utterances (a ten- or eleven-digit number the
    customer said, read back, is their phone number; a nine-digit one read back where it was asked
    for as a social security number is their SSN). Last four digits and masked forms pass;
    only the agent's speech counts."""

    key = "pii"

    def check(self, params, path):
        return _number(params, "card_digits", f"{path}.params", 8, 30) + \
            _number(params, "id_length", f"{path}.params", 8, 30)

    def judge(self, ctx, params):
        spoken = [(i, u.speaker, u.text) for i, u in enumerate(ctx.utterances)]
        found = []
        theirs = customer_numbers(spoken)
        for run in spoken_numbers(spoken):
            # read back: the customer said it before (a customer repeating the company's line after does not count)
            echoed = theirs.get(run.digits, len(spoken)) < run.utterances[0]
            # a number read back is read in the context it was asked for ("your social security number?")
            first = max(0, run.utterances[0] - _ASKED_WITHIN) if echoed else run.utterances[0]
            context = " ".join(ctx.folded(i) for i in range(first, run.utterances[-1] + 1))
            if exposure(run, context, card_digits=params.get("card_digits", 12), id_length=params.get("id_length", 18),
                        echoed=echoed):
                found.extend(run.utterances)
        return Judgement(not found, [ctx.evidence(i) for i in sorted(set(found))])


_ASKED_WITHIN = 3  # utterances before a read-back where the number was asked for


class DispositionConsistent(ItemType):
    """The disposition the agent chose matches the conversation: one of the phrases given for it
    in ``keywords`` (``{disposition: phrase params}``, or the campaign's ``dispositions`` list of
    ``{"key", "phrases"}``) is said. Not applicable when no disposition was recorded or none of
    its phrases are known."""

    key = "disposition"

    def check(self, params, path):
        keywords = params.get("keywords", {})
        if not isinstance(keywords, dict):
            return [Problem("bad_param", f"{path}.params.keywords", {})]
        out = []
        for name, sub in keywords.items():
            out += _phrase_problems(sub if isinstance(sub, dict) else {}, f"{path}.params.keywords.{name}")
        return out

    def judge(self, ctx, params):
        if not ctx.disposition:
            return Judgement(None)
        keywords = dict(params.get("keywords", {}))
        for entry in ctx.dispositions or []:
            if isinstance(entry, dict) and entry.get("key") and entry.get("phrases"):
                keywords.setdefault(entry["key"], {"phrases": entry["phrases"]})
        if ctx.disposition not in keywords:
            return Judgement(None)
        phrases = phrases_for(keywords[ctx.disposition])
        for i in range(len(ctx.utterances)):
            if any(not h.negated for _, f in ctx.sentences(i) for h in ctx.matcher.find(f, phrases)):
                return Judgement(True, [ctx.evidence(i)])
        return Judgement(False)


_POSITIVE = {"zh": ["谢谢", "太好了", "好的", "满意", "解决了", "可以了", "没问题", "放心了", "明白了", "行"],
             "en": ["thank", "thanks", "great", "perfect", "brilliant", "lovely", "that works", "sorted", "happy",
                    "appreciate", "awesome", "good"]}


class SentimentTrend(ItemType):
    """The customer ends the call no worse than they began it: the sentiment (positive minus
    negative phrases; ``positive``/``negative`` phrase params, default built-in lists and lexicon
    "problem") of the customer's last ``window`` utterances (default 2) is not below that of their
    first ``window``. Not applicable with fewer than two customer utterances."""

    key = "sentiment"

    def check(self, params, path):
        return _number(params, "window", f"{path}.params", 1, 20) + \
            _sub_phrases(params, ("positive", "negative"), f"{path}.params")

    def judge(self, ctx, params):
        said = ctx.said_by("customer")
        if len(said) < 2:
            return Judgement(None)
        window = min(params.get("window", 2), len(said) // 2 or 1)
        positive = phrases_for(params.get("positive") or {"phrases": _POSITIVE})
        negative = phrases_for(params.get("negative") or {"lexicon": "problem"})

        def mood(indexes):
            total = 0
            for i in indexes:
                for _, f in ctx.sentences(i):
                    total += sum(1 for h in ctx.matcher.find(f, positive) if not h.negated)
                    total -= sum(1 for h in ctx.matcher.find(f, negative) if not h.negated)
            return total
        start, end = said[:window], said[-window:]
        return Judgement(mood(end) >= mood(start), [ctx.evidence(said[0]), ctx.evidence(said[-1])])


ITEM_TYPES: dict[str, ItemType] = {t.key: t for t in (
    PhraseMatch(), Greeting(), ForbiddenPhrases(), Silence(), TalkOver(), TalkRatio(), PiiSpoken(),
    DispositionConsistent(), SentimentTrend())}

__all__ = ["ITEM_TYPES", "Evidence", "ItemType", "Judgement", "Problem"]

"""Realistic call transcripts for a campaign's industry, in Chinese or English, with good, mediocre
or bad agent behaviour, and the label of what each one contains (the answer key of QA scoring).

Pure and seeded: the same seed gives the same transcript. An utterance is
``{"speaker": "agent"|"customer", "text", "start", "end"}`` in seconds from the answer.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from telephony.simulator import phrases as p

QUALITIES = ("good", "mediocre", "bad")
LANGUAGES = ("zh", "en")
# What a good agent does; a mediocre one misses some of it; a bad one misses most and adds the faults.
GOOD_BEHAVIOURS = ("greeting", "verification", "recording_disclosure", "empathy", "resolution_check",
                   "polite_closing")
FAULTS = ("curt_greeting", "rude", "long_silence", "pii_spoken")
LONG_SILENCE_SECONDS = 10.0
GREETING_WITHIN_SECONDS = 15.0
_SPEECH_RATE = {"zh": 4.5, "en": 14.0}  # characters a second, spoken


@dataclass
class Transcript:
    language: str
    industry: str
    quality: str
    utterances: list[dict] = field(default_factory=list)
    behaviours: dict[str, bool] = field(default_factory=dict)
    customer_upset: bool = False  # empathy is only called for when the customer is upset

    @property
    def seconds(self) -> float:
        return self.utterances[-1]["end"] if self.utterances else 0.0

    def label(self) -> dict:
        """What the transcript contains, for checking QA's scoring against."""
        return {"language": self.language, "industry": self.industry, "quality": self.quality,
                "customer_upset": self.customer_upset, "behaviours": dict(self.behaviours)}

    def to_dict(self) -> dict:
        return {**self.label(), "seconds": round(self.seconds, 1), "utterances": self.utterances}


class _Writer:
    """Lays utterances on a timeline with plausible speaking times and gaps between turns."""

    def __init__(self, rng: random.Random, language: str, values: dict[str, str]) -> None:
        self.rng, self.language, self.values = rng, language, values
        self.now = rng.uniform(0.3, 1.5)
        self.utterances: list[dict] = []

    def say(self, speaker: str, bank: dict[str, list[str]] | str, *, gap: float | None = None, **extra) -> None:
        options = bank if isinstance(bank, str) else self.rng.choice(bank[self.language])
        text = options.format(**{**self.values, **extra})
        if self.utterances:
            self.now += gap if gap is not None else self.rng.uniform(0.3, 1.6)
        seconds = max(0.8, len(text) / _SPEECH_RATE[self.language] * self.rng.uniform(0.85, 1.2))
        self.utterances.append({"speaker": speaker, "text": text, "start": round(self.now, 2),
                                "end": round(self.now + seconds, 2)})
        self.now += seconds


def _plan(rng: random.Random, quality: str) -> tuple[set[str], set[str]]:
    """Which good behaviours and which faults this conversation has."""
    if quality == "good":
        return set(GOOD_BEHAVIOURS), set()
    if quality == "mediocre":
        missed = rng.sample(GOOD_BEHAVIOURS, rng.randint(2, 3))
        return set(GOOD_BEHAVIOURS) - set(missed), set()
    kept = set(rng.sample(("verification", "empathy", "resolution_check"), rng.randint(0, 1)))
    faults = {"curt_greeting", *rng.sample(("rude", "long_silence", "pii_spoken"), rng.randint(2, 3))}
    return kept, faults


def _digits(rng: random.Random) -> str:
    """A full mobile number or card number, as an agent should never read it out."""
    if rng.random() < 0.5:
        return "1" + rng.choice("3456789") + "".join(rng.choice("0123456789") for _ in range(9))
    return " ".join("".join(rng.choice("0123456789") for _ in range(4)) for _ in range(4))


def _ident_value(rng: random.Random, industry: str) -> str:
    if industry == "finance":
        born = f"{rng.randint(1960, 2003)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        return f"{rng.randint(1, 9999):04d}, {born}"
    return f"{rng.choice('ABCDEFGHJKLMNPQRSTUVWXYZ')}{rng.randint(10_000_000, 99_999_999)}"


def generate(*, industry: str = "general", language: str = "zh", quality: str = "good", seed: int = 0,
             company: str | None = None, agent: str | None = None) -> Transcript:
    """One conversation: the customer's problem for ``industry``, handled with ``quality`` behaviour."""
    if language not in LANGUAGES or quality not in QUALITIES:
        raise ValueError(f"unknown language {language!r} or quality {quality!r}")
    industry = industry if industry in p.PROBLEMS else "general"
    rng = random.Random(f"{seed}:{industry}:{language}:{quality}")
    good, faults = _plan(rng, quality)
    values = {"company": company or ("客服中心" if language == "zh" else "Customer Care"),
              "agent": agent or rng.choice(p.AGENT_NAMES[language]),
              "ident": p.IDENT[industry][language], "value": _ident_value(rng, industry)}
    w = _Writer(rng, language, values)
    upset = rng.random() < 0.6

    # Opening: the greeting names company and agent; a late pick-up (dead air) breaks the 15 s rule.
    if "curt_greeting" in faults:
        w.say("agent", p.CURT_GREETINGS)
    elif "greeting" in good:
        w.say("agent", p.GREETINGS)
    else:
        w.now += rng.uniform(GREETING_WITHIN_SECONDS + 1, GREETING_WITHIN_SECONDS + 6)  # the agent was elsewhere
        w.say("agent", {"zh": ["您好，请讲。"], "en": ["Hello, go ahead."]})
    if "recording_disclosure" in good:
        w.say("agent", p.RECORDING, gap=0.2)
    opener = rng.choice(p.CUSTOMER_OPENERS[language])
    w.say("customer", opener + rng.choice(p.PROBLEMS[industry][language]))
    if upset:
        w.say("customer", p.CUSTOMER_FRUSTRATED)
    if "verification" in good:
        w.say("agent", p.VERIFY_ASK)
        w.say("customer", p.VERIFY_ANSWER)
        w.say("agent", p.VERIFY_DONE)
    if "pii_spoken" in faults:
        w.say("agent", p.PII, digits=_digits(rng))
        w.say("customer", {"zh": ["对……"], "en": ["Er, yes."]})
    if "empathy" in good and upset:
        w.say("agent", p.EMPATHY)
    if "rude" in faults:
        w.say("agent", p.RUDE)
        w.say("customer", {"zh": ["你怎么这么说话？"], "en": ["Excuse me? There's no need for that."]})
    if "long_silence" in faults:  # looks something up without asking the caller to hold
        w.now += rng.uniform(LONG_SILENCE_SECONDS + 1, 25.0)
    else:
        w.say("agent", p.HOLD_ASK)
        w.say("agent", p.HOLD_BACK, gap=rng.uniform(3.0, 9.0))
    w.say("agent", rng.choice(p.FIXES[industry][language]))
    w.say("customer", p.CUSTOMER_THANKS)
    if "resolution_check" in good:
        w.say("agent", p.CONFIRM)
        w.say("customer", p.CONFIRM_YES)
        w.say("agent", p.ANYTHING_ELSE)
        w.say("customer", p.NOTHING_ELSE)
    if "polite_closing" in good:
        w.say("agent", p.CLOSING)
    else:
        w.say("agent", p.CURT_CLOSING)
    w.say("customer", p.CUSTOMER_BYE)

    behaviours = {name: name in good for name in GOOD_BEHAVIOURS}
    behaviours["empathy"] = behaviours["empathy"] and upset
    behaviours.update({name: name in faults for name in FAULTS})
    return Transcript(language, industry, quality, w.utterances, behaviours, upset)


def pick_quality(rng: random.Random, mix: tuple[float, float, float] = (0.6, 0.3, 0.1)) -> str:
    """A behaviour drawn from the population's mix of good, mediocre and bad agents."""
    return rng.choices(QUALITIES, weights=mix)[0]

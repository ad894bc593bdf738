"""Quiz mechanics as pure functions: drawing questions, shuffling options, hiding answers, grading."""

from __future__ import annotations

import random
from collections.abc import Sequence


def draw(questions: Sequence[dict], count: int, rng: random.Random) -> list[dict]:
    """``count`` questions at random (all of them if the bank is smaller), options shuffled.

    True/false questions keep their fixed true/false options. The result is the snapshot stored with
    the attempt: it keeps the answer, which ``public_view`` removes before anything is sent out.
    """
    picked = rng.sample(list(questions), min(count, len(questions)))
    drawn = []
    for question in picked:
        options = list(question.get("options") or [])
        if question["type"] != "true_false":
            rng.shuffle(options)
        drawn.append({**question, "options": options})
    return drawn


def public_view(question: dict, locale: str) -> dict:
    """What the member sees: the prompt and options in their language, never the answer."""
    return {
        "id": question["id"],
        "type": question["type"],
        "prompt": localized(question["prompt"], locale),
        "options": [{"key": o["key"], "text": localized(o["text"], locale)} for o in question["options"]],
    }


def choice_texts(question: dict, choice, locale: str, yes_no: tuple[str, str] = ("True", "False")) -> list[str]:
    """A choice as the member read it: the text of each chosen option (in order for an ordering),
    since the option letters were shuffled and mean nothing afterwards; true/false as ``yes_no``."""
    if choice is None:
        return []
    if question["type"] == "true_false":
        return [yes_no[0] if choice is True else yes_no[1]] if isinstance(choice, bool) else []
    texts = {o["key"]: localized(o["text"], locale) for o in question["options"]}
    keys = choice if isinstance(choice, list) else [choice]
    return [texts.get(key, str(key)) for key in keys]


def localized(text: dict | str | None, locale: str) -> str:
    if isinstance(text, dict):
        return text.get(locale) or text.get("en") or next(iter(text.values()), "")
    return text or ""


def normalize_choice(question: dict, choice) -> object:
    """A submitted choice in the form of the question's answer; ``ValueError`` if it cannot be one."""
    keys = [o["key"] for o in question["options"]]
    kind = question["type"]
    if kind == "true_false":
        if isinstance(choice, bool):
            return choice
        if choice in ("true", "false"):
            return choice == "true"
        raise ValueError("expected true or false")
    if kind == "single":
        if isinstance(choice, str) and choice in keys:
            return choice
        raise ValueError("expected one option key")
    if not isinstance(choice, list) or not all(isinstance(c, str) and c in keys for c in choice):
        raise ValueError("expected a list of option keys")
    if len(set(choice)) != len(choice):
        raise ValueError("an option is repeated")
    if kind == "multiple":
        return sorted(choice)
    if sorted(choice) != sorted(keys):
        raise ValueError("put every option in order")
    return list(choice)


def is_correct(question: dict, choice) -> bool:
    answer = question["answer"]
    if choice is None:
        return False
    if question["type"] == "multiple":
        return sorted(answer) == sorted(choice)
    return answer == choice


def grade(questions: Sequence[dict], answers: dict[str, object], pass_mark: float) -> dict:
    """Score a normalized answer sheet: ``{correct, total, score (0..1), passed, results}``."""
    results = []
    correct = 0
    for question in questions:
        ok = is_correct(question, answers.get(str(question["id"])))
        correct += ok
        results.append({"id": question["id"], "correct": ok})
    total = len(questions)
    score = round(correct / total, 4) if total else 0.0
    return {"correct": correct, "total": total, "score": score, "passed": score >= pass_mark - 1e-9,
            "results": results}

"""A member's answers to a campaign's survey questions, read against the campaign's questions.

The answers come either as a list of ``{"question": text, "answer": text}`` (the question as the
campaign words it) or as a mapping from the question's position in the campaign's
``survey_questions`` (0 for the first) to the answer. Either way they are kept as a list of
``{"index", "question", "answer"}`` in the campaign's order; a blank answer is no answer. No Flask
request and no session here: the service passes the questions in."""

from __future__ import annotations

from flask_babel import gettext as _

ANSWER_MAX = 1000


class SurveyError(ValueError):
    """The answers do not fit the campaign's questions; the message says why, for a person."""


def _quoted(text: str, limit: int = 80) -> str:
    text = " ".join(str(text).split())
    return "“" + (text if len(text) <= limit else text[: limit - 1] + "…") + "”"


def _index_of(key, questions: list[str]) -> int:
    """The position a mapping's key names (an integer, or its digits as JSON object keys are)."""
    index = None
    if isinstance(key, int) and not isinstance(key, bool):
        index = key
    elif isinstance(key, str) and key.strip().isdigit():
        index = int(key)
    if index is None:
        raise SurveyError(_("%(key)s is not a question's number: number the questions 0 for the first, "
                            "1 for the second, and so on.", key=_quoted(key)))
    if not 0 <= index < len(questions):
        if not questions:
            raise SurveyError(_("This campaign has no survey questions to answer."))
        raise SurveyError(_("This campaign's survey has no question number %(index)d: it has %(count)d "
                            "(numbered from 0).", index=index, count=len(questions)))
    return index


def _pairs(raw, questions: list[str]) -> list[tuple[int, object]]:
    if isinstance(raw, dict):
        return [(_index_of(key, questions), answer) for key, answer in raw.items()]
    if not isinstance(raw, list):
        raise SurveyError(_("Send the survey answers as a list of questions and answers, or as answers by "
                            "question number."))
    pairs = []
    for item in raw:
        if not isinstance(item, dict) or not isinstance(item.get("question"), str) or "answer" not in item:
            raise SurveyError(_("Each survey answer needs its question and its answer."))
        question = item["question"].strip()
        index = next((i for i, known in enumerate(questions) if known.strip() == question), None)
        if index is None:
            raise SurveyError(_("%(question)s is not one of this campaign's survey questions.",
                                question=_quoted(question)))
        pairs.append((index, item["answer"]))
    return pairs


def read_answers(raw, questions: list[str]) -> list[dict]:
    """The answers in ``raw`` as stored (``[{"index", "question", "answer"}]``, the campaign's
    order, blank answers left out), or ``SurveyError`` naming the first problem: a question the
    campaign does not ask, one answered twice, an answer that is not text or is too long."""
    answers: dict[int, str] = {}
    for index, answer in _pairs(raw, questions):
        if answer is None:
            answer = ""
        if not isinstance(answer, str | int | float) or isinstance(answer, bool):
            raise SurveyError(_("The answer to %(question)s must be text.", question=_quoted(questions[index])))
        answer = str(answer).strip()
        if len(answer) > ANSWER_MAX:
            raise SurveyError(_("The answer to %(question)s is too long: at most %(count)d characters.",
                                question=_quoted(questions[index]), count=ANSWER_MAX))
        if index in answers:
            raise SurveyError(_("%(question)s is answered twice.", question=_quoted(questions[index])))
        answers[index] = answer
    return [{"index": index, "question": questions[index], "answer": answer}
            for index, answer in sorted(answers.items()) if answer]


def answer_to(answers: list[dict] | None, question: str) -> str | None:
    """The stored answer to ``question`` (matched by its wording), if any."""
    wanted = question.strip()
    return next((a["answer"] for a in answers or () if str(a.get("question", "")).strip() == wanted), None)

"""Course documents (the JSON format of ``academy/content/courses/*.json``): validation, building the
rows of a course version from a document and the document of a version (publishing them is
``academy.services.courses``)."""

from __future__ import annotations

import json
from pathlib import Path

from academy.models import INDUSTRIES, QUESTION_TYPES, Course, Lesson, Question
from app.errors import ValidationError
from app.extensions import db

CONTENT_DIR = Path(__file__).resolve().parent / "content"
QUIZ_DEFAULTS = {"questions_per_attempt": 10, "pass_mark": 0.7, "time_limit_seconds": 600,
                 "cooldown_seconds": 3600, "max_attempts_per_day": 3}


def _text(value, where: str, problems: dict) -> None:
    # A course may be written in one language: English, Chinese or both.
    if not isinstance(value, dict) or not (value.get("en") or value.get("zh")) \
            or not all(isinstance(v, str) for v in value.values()):
        problems[where] = "needs a text in English or Chinese (or both)"


def validate_question(q: dict, where: str, problems: dict) -> None:
    """A question's type, options and answer fit together."""
    if not isinstance(q, dict) or not isinstance(q.get("key"), str) or not q.get("key"):
        problems[where] = "needs a key"
        return
    kind = q.get("type")
    if kind not in QUESTION_TYPES:
        problems[f"{where}.type"] = f"one of {', '.join(QUESTION_TYPES)}"
        return
    _text(q.get("prompt"), f"{where}.prompt", problems)
    options = q.get("options") or []
    if kind == "true_false" and {o.get("key") for o in options if isinstance(o, dict)} != {"true", "false"}:
        # True/false questions always offer the same two options, keyed by the answer's value.
        options = q["options"] = [{"key": "true", "text": {"en": "True", "zh": "对"}},
                                  {"key": "false", "text": {"en": "False", "zh": "错"}}]
    keys = [o.get("key") for o in options if isinstance(o, dict)]
    if len(keys) != len(options) or len(set(keys)) != len(keys) or len(keys) < 2:
        problems[f"{where}.options"] = "at least two options with distinct keys"
        return
    for i, option in enumerate(options):
        _text(option.get("text"), f"{where}.options.{i}", problems)
    answer = q.get("answer")
    ok = {
        "single": isinstance(answer, str) and answer in keys,
        "true_false": isinstance(answer, bool),
        "multiple": isinstance(answer, list) and answer and len(set(answer)) == len(answer)
        and all(a in keys for a in answer),
        "ordering": isinstance(answer, list) and sorted(answer) == sorted(keys),
    }[kind]
    if not ok:
        problems[f"{where}.answer"] = "does not fit the question type and options"


def validate_course_document(doc: dict) -> None:
    problems: dict = {}
    if not isinstance(doc, dict):
        raise ValidationError(fields={"_body": "a course document is a JSON object"})
    if not isinstance(doc.get("key"), str) or not doc["key"]:
        problems["key"] = "required"
    if doc.get("industry", "general") not in INDUSTRIES:
        problems["industry"] = f"one of {', '.join(INDUSTRIES)}"
    _text(doc.get("title"), "title", problems)
    lessons = doc.get("lessons") or []
    if not lessons:
        problems["lessons"] = "at least one lesson"
    for i, lesson in enumerate(lessons):
        if not isinstance(lesson, dict) or not lesson.get("key"):
            problems[f"lessons.{i}"] = "needs a key"
            continue
        _text(lesson.get("title"), f"lessons.{i}.title", problems)
        _text(lesson.get("body_html"), f"lessons.{i}.body_html", problems)
    for i, question in enumerate(doc.get("questions") or []):
        validate_question(question, f"questions.{i}", problems)
    quiz = {**QUIZ_DEFAULTS, **(doc.get("quiz") or {})}
    if not 0 < float(quiz["pass_mark"]) <= 1:
        problems["quiz.pass_mark"] = "a ratio above 0 and at most 1"
    if problems:
        raise ValidationError(fields=problems)


def course_document(course: Course) -> dict:
    """The document form of a stored course version (for comparison and export)."""
    return {
        "key": course.key, "industry": course.industry, "title": course.title, "summary": course.summary,
        "lessons": [{"key": x.key, "title": x.title, "body_html": x.body_html, "minutes": x.minutes,
                     **({"body_markdown": x.body_markdown} if x.body_markdown else {})} for x in course.lessons],
        "questions": [{"key": q.key, "type": q.type, "prompt": q.prompt, "options": q.options,
                       "answer": q.answer, "explanation": q.explanation} for q in course.questions],
        "quiz": {name: getattr(course, name) for name in QUIZ_DEFAULTS},
    }


def canonical(doc: dict) -> str:
    """The document with every default filled in, as one string: equal strings mean equal courses."""
    normalized = {**doc, "summary": doc.get("summary") or {}, "industry": doc.get("industry", "general"),
                  "quiz": {k: type(v)(doc.get("quiz", {}).get(k, v)) for k, v in QUIZ_DEFAULTS.items()},
                  "lessons": [{"minutes": 5, **x} for x in doc["lessons"]],
                  "questions": [{"explanation": {}, **q} for q in doc.get("questions") or []]}
    return json.dumps(normalized, sort_keys=True, ensure_ascii=False)


def build_course(doc: dict, *, version: int, status: str, actor_id: int | None = None) -> Course:
    """A new course row (with lessons and questions) from a validated document."""
    quiz = {**QUIZ_DEFAULTS, **(doc.get("quiz") or {})}
    course = Course(key=doc["key"], version=version, status=status, industry=doc.get("industry", "general"),
                    title=doc["title"], summary=doc.get("summary") or {}, created_by_id=actor_id,
                    **{k: type(QUIZ_DEFAULTS[k])(quiz[k]) for k in QUIZ_DEFAULTS})
    for position, lesson in enumerate(doc["lessons"]):
        course.lessons.append(Lesson(key=lesson["key"], position=position, title=lesson["title"],
                                     body_html=lesson["body_html"], body_markdown=lesson.get("body_markdown"),
                                     minutes=int(lesson.get("minutes", 5))))
    for question in doc.get("questions") or []:
        course.questions.append(Question(key=question["key"], type=question["type"], prompt=question["prompt"],
                                         options=question["options"], answer=question["answer"],
                                         explanation=question.get("explanation") or {}))
    db.session.add(course)
    return course


def load_ipip(folder: Path = CONTENT_DIR) -> dict | None:
    path = folder / "ipip50.json"
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8"))

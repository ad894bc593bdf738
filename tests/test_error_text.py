"""Error messages speak to people: never a Python dict, a list, a field path or a key on a page."""

import re

from app import create_app
from app.errors import AppError, ValidationError, error_text, field_text

RAW = re.compile(r"[{}\[\]]|'\w+':|\w+\.\w+:")


def test_field_text_flattens_nested_schema_messages():
    nested = {"greeting": ["Too many points."], "closing": {"0": ["Not a number."]}}
    assert field_text(nested) == "Too many points. Enter a number."  # marshmallow's words, as a person reads them
    assert field_text(["One.", "One.", "Two."]) == "One. Two."
    assert field_text("Plain.") == "Plain."


def test_error_text_keeps_the_sentences_and_drops_the_names():
    error = ValidationError(fields={"scores": {"greeting": ["Between 0 and 10 points."]},
                                    "course:abc": "Finish the course first."})
    text = error_text(error)
    assert text == "Between 0 and 10 points. Finish the course first."
    assert not RAW.search(text) and "scores" not in text and "course:" not in text
    assert error_text(AppError("Nothing here.")) == "Nothing here."


def test_the_error_page_shows_sentences_not_structures(tmp_path):
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": "sqlite://", "INSTANCE_PATH": str(tmp_path)})

    @app.get("/raises-nested")
    def raises_nested():
        raise ValidationError(fields={"scores": {"greeting": ["Between 0 and 10 points."]},
                                      "missing": ["course:fundamentals"]})

    page = app.test_client().get("/raises-nested").get_data(as_text=True)
    shown = page[page.index('data-testid="error-page"'):]
    assert "Between 0 and 10 points." in shown
    assert "{'greeting'" not in shown and "['" not in shown and "scores" not in shown


def test_a_page_flash_of_a_nested_error_is_words(tmp_path):
    from flask import get_flashed_messages

    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": "sqlite://", "INSTANCE_PATH": str(tmp_path)})
    with app.test_request_context("/"):
        from certification.views import _fail

        _fail(ValidationError(fields={"scores": {"greeting": ["Between 0 and 10 points."]}}))
        messages = get_flashed_messages()
    assert messages and all(not RAW.search(m) for m in messages), messages


# The codes a message must not say: a value of one of these attributes (or a variable of that name)
# goes into a message through its translated label (marketplace/labels.py, certification/labels.py…).
CODE_NAMES = {"state", "status", "from_state", "to_state", "kind", "method", "decision", "outcome", "role"}
TRANSLATORS = {"_", "gettext", "ngettext", "lazy_gettext", "_l"}


def _raw_codes_in_messages(path):
    import ast

    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in TRANSLATORS):
            continue
        for keyword in node.keywords:
            value = keyword.value
            name = value.attr if isinstance(value, ast.Attribute) else value.id if isinstance(value, ast.Name) else None
            if name in CODE_NAMES:
                yield f"{path}:{node.lineno} {keyword.arg}={ast.unparse(value)}"


def test_no_message_interpolates_a_raw_state_or_status_code():
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    packages = ("app", "academy", "certification", "marketplace", "telephony", "quality", "payouts", "ledger")
    found = [hit for package in packages for path in sorted((root / package).rglob("*.py"))
             for hit in _raw_codes_in_messages(path)]
    assert found == []

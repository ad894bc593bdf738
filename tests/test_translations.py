"""Every message a user can meet has a Simplified Chinese translation (the core and each domain)."""

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from app import DOMAINS

ROOT = Path(__file__).resolve().parent.parent
METHODS = [("**.py", "python"), ("**/templates/**.html", "jinja2")]
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "lazy_gettext": None, "_l": None}


def _packages():
    yield "app", ROOT / "app", ROOT / "app" / "translations"
    for name in DOMAINS:
        catalogs = ROOT / name / "translations"
        if catalogs.is_dir():
            yield name, ROOT / name, catalogs


@pytest.mark.parametrize("name,source,catalogs", list(_packages()), ids=lambda v: v if isinstance(v, str) else "")
def test_every_message_is_translated_to_chinese(name, source, catalogs):
    wanted = {msgid if isinstance(msgid, str) else msgid[0]
              for _file, _line, msgid, _comments, _context in extract_from_dir(
                  str(source), METHODS, keywords=KEYWORDS, comment_tags=())}
    with open(catalogs / "zh" / "LC_MESSAGES" / "messages.po", "rb") as fh:
        catalog = read_po(fh)
    translated = {m.id if isinstance(m.id, str) else m.id[0]: m for m in catalog if m.id}
    missing = sorted(m for m in wanted if m not in translated or not translated[m].string)
    fuzzy = sorted(m.id for m in translated.values() if m.fuzzy)
    assert not missing, f"{name}: untranslated messages (run `make translations`, then translate): {missing}"
    assert not fuzzy, f"{name}: fuzzy translations to review: {fuzzy}"


# A %-placeholder (``%(name)s``, ``%s``, ``%%``) or a ``%`` that is none of them (a stray one).
_PERCENT = re.compile(r"%(?:%|\(\w+\)[-#0 +]*\d*(?:\.\d+)?[sdifrxXeEgGc]|[-#0 +]*\d*(?:\.\d+)?[sdifrxXeEgGc]|)")
_BRACE = re.compile(r"\{\{|\}\}|\{[^{}]*\}")


def placeholders(text: str) -> list[str]:
    """The placeholders of a message, sorted: what a translation must keep exactly.

    A stray ``%`` counts as ``%?``: templates always %-format a translation (Jinja's new-style
    gettext), so ``70%`` in a translation is a 500 on the page even when the message id has none."""
    found = [m.group(0) if m.group(0) != "%" else "%?" for m in _PERCENT.finditer(text)]
    found += [m.group(0) for m in _BRACE.finditer(text) if m.group(0) not in ("{{", "}}")]
    return sorted(found)


def _catalogs():
    for path in sorted(ROOT.glob("*/translations/*/LC_MESSAGES/*.po")):
        if ".venv" not in path.parts:
            yield path


def test_placeholders_are_found():
    assert placeholders("%(count)d of %(total)s, {name}, 70%% and 70%") == sorted(
        ["%(count)d", "%(total)s", "{name}", "%%", "%?"])


@pytest.mark.parametrize("path", list(_catalogs()), ids=lambda p: str(p.relative_to(ROOT)))
def test_translations_keep_the_placeholders_of_their_message(path):
    with open(path, "rb") as fh:
        catalog = read_po(fh)
    wrong = []
    for message in catalog:
        if not message.id or not message.string:
            continue
        ids = list(message.id) if isinstance(message.id, (list, tuple)) else [message.id]
        strings = list(message.string) if isinstance(message.string, (list, tuple)) else [message.string]
        expected = [placeholders(msgid) for msgid in ids]
        for string in strings:
            if string and placeholders(string) not in expected:
                wrong.append(f"{ids[0]!r} → {string!r}")
    assert not wrong, f"{path.relative_to(ROOT)}: translations whose placeholders differ from the message id:\n" \
                      + "\n".join(wrong)


@pytest.mark.parametrize("path", sorted(ROOT.glob("*/translations/zh/LC_MESSAGES/messages.po")),
                         ids=lambda p: p.parts[-5])
def test_no_catalog_defines_a_message_twice(path):
    """Catalogs merge as a union of their entries; a message added on two branches must not stay twice."""
    from collections import Counter

    text = path.read_text(encoding="utf-8")
    entries = re.findall(r'^(?:msgctxt ("(?:[^"\\]|\\.)*")\n)?msgid ((?:"(?:[^"\\]|\\.)*"\n)+)', text, re.M)
    counts = Counter((context, msgid) for context, msgid in entries if msgid != '""\n')
    assert [msgid for (_context, msgid), n in counts.items() if n > 1] == []


def test_one_message_means_one_thing_across_catalogs():
    """The domains' catalogs are merged into one at run time (a later one overriding an earlier
    one), so a message translated differently in two catalogs would show the wrong word on one of
    them — and which one would depend on the order the domains load in."""
    from collections import defaultdict

    words = defaultdict(dict)
    for path in sorted(ROOT.glob("*/translations/zh/LC_MESSAGES/messages.po")):
        with path.open("rb") as handle:
            for message in read_po(handle):
                if message.id and message.string and not message.context:
                    key = message.id if isinstance(message.id, str) else message.id[0]
                    text = message.string if isinstance(message.string, str) else message.string[0]
                    words[key][path.parts[-5]] = text
    differing = {key: by_package for key, by_package in words.items() if len(set(by_package.values())) > 1}
    assert differing == {}

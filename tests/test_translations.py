"""Every message a user can meet has a Simplified Chinese translation (the core and each domain)."""

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

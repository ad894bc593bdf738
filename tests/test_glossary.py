"""One Chinese word per concept: every translation of a message that names a glossary term uses
the glossary's word and never the one it replaced (app/translations/GLOSSARY.md)."""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[1]
GLOSSARY = ROOT / "app" / "translations" / "GLOSSARY.md"
PLACEHOLDER = re.compile(r"%\(\w+\)[sdf]")


def glossary() -> list[tuple[list[str], str, str]]:
    rows = []
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 3 and cells[1] and cells[0] not in ("English", "---") and not set(cells[0]) <= {"-"}:
            rows.append(([term.strip() for term in cells[0].split(",")], cells[1], cells[2]))
    return rows


def test_every_catalog_uses_the_glossary_words():
    terms = glossary()
    assert terms, "the glossary has no rows"
    wrong = []
    for path in sorted(ROOT.glob("*/translations/zh/LC_MESSAGES/messages.po")):
        with path.open("rb") as handle:
            catalog = read_po(handle)
        for message in catalog:
            if not message.id or not message.string:
                continue
            english = PLACEHOLDER.sub("", message.id if isinstance(message.id, str) else message.id[0])
            chinese = " ".join(message.string) if isinstance(message.string, tuple) else message.string
            for words, word, never in terms:
                flags = 0 if any(w.isupper() for w in words) else re.I
                if any(re.search(rf"\b{re.escape(w)}", english, flags) for w in words) and \
                        (word not in chinese or (never and never in chinese)):
                    wrong.append(f"{path.relative_to(ROOT).parts[0]}: {english[:50]!r} → {chinese[:30]!r} ({word})")
    assert not wrong, "\n".join(wrong)

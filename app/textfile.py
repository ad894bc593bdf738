"""Text that people upload: spreadsheets saved as CSV on Windows in China are often GB18030, and
Excel's "CSV UTF-8" starts with a byte-order mark. One place decides how such bytes are read."""

from __future__ import annotations

import codecs

# Tried in this order: a BOM says UTF-8 for certain; otherwise strict UTF-8, then GB18030 (which
# also decodes GBK and GB2312, and would accept almost anything, so it comes last).
ENCODINGS = ("utf-8", "gb18030")


def candidate_encodings(head: bytes) -> tuple[str, ...]:
    """The encodings worth trying for a file that starts with ``head``, most likely first."""
    return ("utf-8-sig",) if head.startswith(codecs.BOM_UTF8) else ENCODINGS


def decode_text(raw: bytes) -> tuple[str, str]:
    """``raw`` as text and the encoding that read it; ``UnicodeDecodeError`` when none does."""
    failure: UnicodeDecodeError | None = None
    for encoding in candidate_encodings(raw):
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError as exc:
            failure = failure or exc
    assert failure is not None
    raise failure


# A cell starting with one of these is read as a formula by spreadsheet programs (OWASP's "CSV
# injection"); a tab or carriage return first is how the same trick hides.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """A text cell as it may go into a CSV or XLSX file: text that a spreadsheet would run as a
    formula is prefixed with an apostrophe, shown as the text it is. Numbers pass unchanged."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value

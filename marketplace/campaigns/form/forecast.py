"""The volume forecast as typed (one "YYYY-MM-DD HH:MM, calls" line per interval) or uploaded as CSV."""

from __future__ import annotations

import csv
import io
import re
from datetime import datetime

from flask_babel import gettext as _

from app.textfile import decode_text
from app.timeutil import zone
from marketplace.campaigns.form.fields import DATE_FORMATS, FORECAST_FILE_BYTES, FormInvalid


def parse_when(text: str) -> datetime:
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text.strip(), fmt)
        except ValueError:
            continue
    raise ValueError(text)


def forecast_lines(text: str, tz_name: str) -> list[dict]:
    """``2026-11-11 09:00, 120`` lines (comma, tab or semicolon; local time) → forecast intervals."""
    tz = zone(tz_name)
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        parts = [part.strip() for part in re.split(r"[,\t;，]", line.strip()) if part.strip()]
        try:
            if len(parts) != 2:
                raise ValueError(line)
            rows.append({"start": parse_when(parts[0]).replace(tzinfo=tz).isoformat(), "calls": int(parts[1])})
        except ValueError as exc:
            raise FormInvalid({"forecast": _("Line %(n)s: use \"YYYY-MM-DD HH:MM, calls\".", n=number)}) from exc
    return rows


def forecast_text_from_csv(upload) -> str:
    """An uploaded CSV (date and time, calls; a header row is optional) → the forecast's text lines."""
    raw = upload.stream.read(FORECAST_FILE_BYTES + 1)
    if len(raw) > FORECAST_FILE_BYTES:
        raise FormInvalid({"forecast_file": _("The file is larger than 1 MB.")})
    try:
        text, _encoding = decode_text(raw)
    except UnicodeDecodeError:
        raise FormInvalid({"forecast_file": _("Save the file as UTF-8 or GB18030 text.")}) from None
    dialect = csv.excel_tab if "\t" in text.split("\n", 1)[0] else csv.excel
    lines = []
    for number, row in enumerate(csv.reader(io.StringIO(text), dialect), start=1):
        cells = [cell.strip() for cell in row if cell.strip()]
        if not cells:
            continue
        try:
            if len(cells) != 2:
                raise ValueError(row)
            lines.append(f"{parse_when(cells[0]):%Y-%m-%d %H:%M}, {int(cells[1])}")
        except ValueError as exc:
            if number == 1 and not lines:
                continue  # a header row
            raise FormInvalid({"forecast_file": _("Row %(n)s: use two columns, \"YYYY-MM-DD HH:MM\" and calls.",
                                                  n=number)}) from exc
    if not lines:
        raise FormInvalid({"forecast_file": _("The file has no forecast rows.")})
    return "\n".join(lines)

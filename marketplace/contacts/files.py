"""Uploaded contact CSVs: checked in the request, kept in Redis for the import job, read back as rows.

The request checks the whole file before anything is written — its encoding (UTF-8, UTF-8 with a
BOM or GB18030, detected in that order), that no line is absurdly long, and the header (a phone
column, not too many columns) — so a bad file is a 422 that changes nothing. The bytes then go to
Redis in 1 MiB chunks, where a worker on any machine can stream them; the job deletes them.
"""

from __future__ import annotations

import codecs
import csv
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

from flask_babel import gettext as _

from app.errors import ValidationError
from app.extensions import redis_store
from app.textfile import candidate_encodings

CHUNK_BYTES = 1 << 20
MAX_COLUMNS = 50
MAX_LINE_BYTES = 8 * 1024
MAX_HEADER_CHARS = 64
UPLOAD_TTL_SECONDS = 7 * 24 * 3600
DELIMITERS = (",", ";", "\t", "|")

# Header names (lower case, without spaces, underscores or dashes) of the phone and name columns.
PHONE_HEADERS = ("phone", "phonenumber", "mobile", "mobilephone", "mobilenumber", "cellphone", "tel", "telephone",
                 "msisdn", "number", "手机", "手机号", "手机号码", "电话", "电话号码", "联系电话", "号码")
NAME_HEADERS = ("name", "fullname", "customername", "contactname", "姓名", "名字", "客户姓名", "联系人")
_FOLD = re.compile(r"[\s_\-]+")


@dataclass
class Header:
    columns: list[str]
    delimiter: str
    phone_index: int
    name_index: int | None
    attribute_indexes: list[int] = field(default_factory=list)


@dataclass
class ScannedFile:
    encoding: str  # utf-8 | utf-8-sig | gb18030
    size: int
    lines: int
    header: Header

    @property
    def estimated_rows(self) -> int:
        return max(self.lines - 1, 0)


def _problem(code: str, message: str) -> ValidationError:
    return ValidationError(message, code=code, fields={"file": message})


def fold_header(name: str) -> str:
    """A column name as compared with the known ones: lower case, no spaces, underscores or dashes."""
    return _FOLD.sub("", name.strip().lower())


def parse_header(line: str) -> Header:
    """The header row → columns, delimiter and where the phone and name are (or a 422)."""
    line = line.lstrip("\ufeff").rstrip("\r\n")
    delimiter = max(DELIMITERS, key=line.count) if any(d in line for d in DELIMITERS) else ","
    try:
        columns = [c.strip() for c in next(csv.reader([line], delimiter=delimiter))]
    except (csv.Error, StopIteration) as exc:
        raise _problem("malformed_header", _("The first row (the column names) is not valid CSV.")) from exc
    if len(columns) > MAX_COLUMNS:
        raise _problem("too_many_columns", _("The file has %(count)s columns; at most %(max)s are allowed.",
                                             count=len(columns), max=MAX_COLUMNS))
    if any(len(c) > MAX_HEADER_CHARS for c in columns):
        raise _problem("column_name_too_long", _("Column names must be at most %(max)s characters.",
                                                 max=MAX_HEADER_CHARS))
    folded = [fold_header(c) for c in columns]
    phone = next((i for i, f in enumerate(folded) if f in PHONE_HEADERS), None)
    if phone is None:
        raise _problem("missing_phone_column", _("No phone column: name one column \"phone\" (or \"mobile\", "
                                                 "\"手机号\"). Columns found: %(columns)s",
                                                 columns=", ".join(columns)[:300] or "-"))
    named = [c or f"column_{i + 1}" for i, c in enumerate(columns)]
    if len(set(named)) != len(named):
        raise _problem("duplicate_columns", _("Two columns have the same name."))
    name = next((i for i, f in enumerate(folded) if f in NAME_HEADERS and i != phone), None)
    return Header(columns=named, delimiter=delimiter, phone_index=phone, name_index=name,
                  attribute_indexes=[i for i in range(len(named)) if i not in (phone, name)])


def _check_start(head: bytes) -> None:
    if not head.strip(b" \t\r\n") or head.strip(b" \t\r\n") == codecs.BOM_UTF8:
        raise _problem("empty_file", _("The file is empty."))
    if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise _problem("unsupported_encoding", _("The file is UTF-16 or UTF-32 text. Save it as CSV in UTF-8 "
                                                 "(or GB18030) and upload it again."))
    if head.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        raise _problem("not_csv", _("This is a spreadsheet workbook, not a CSV file. Save it as CSV (UTF-8) "
                                    "and upload it again."))


def _decodes(stream: BinaryIO, encoding: str) -> tuple[bool, int, int, int]:
    """Read the whole file once: (decodes?, size, lines, the first over-long line or 0).

    Lines are counted and measured in bytes; NUL bytes count as undecodable (they are UTF-16 or a
    binary file, never CSV text)."""
    stream.seek(0)
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    size = lines = 0
    current = 0  # bytes in the line being read
    while True:
        chunk = stream.read(CHUNK_BYTES)
        if not chunk:
            break
        size += len(chunk)
        if b"\x00" in chunk:
            return False, size, lines, 0
        try:
            decoder.decode(chunk)
        except UnicodeDecodeError:
            return False, size, lines, 0
        parts = chunk.split(b"\n")
        if current + len(parts[0]) > MAX_LINE_BYTES:
            return True, size, lines, lines + 1
        if len(parts) > 1:
            longest = max(map(len, parts[1:-1]), default=0)
            if longest > MAX_LINE_BYTES:
                at = next(i for i, p in enumerate(parts[1:-1]) if len(p) > MAX_LINE_BYTES)
                return True, size, lines, lines + 2 + at
            current = len(parts[-1])
        else:
            current += len(parts[0])
        lines += len(parts) - 1
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False, size, lines, 0
    if current:
        lines += 1
    return True, size, lines, 0


def scan_upload(stream: BinaryIO) -> ScannedFile:
    """Check an uploaded CSV (a seekable binary stream) and read its header; 422 for a bad file."""
    stream.seek(0)
    head = stream.read(CHUNK_BYTES)
    _check_start(head)
    for encoding in candidate_encodings(head):
        ok, size, lines, long_line = _decodes(stream, encoding)
        if ok:
            break
    else:
        raise _problem("undecodable_file", _("The file is not text in UTF-8 or GB18030 (it may be another "
                                             "encoding or not a CSV file). Save it as CSV (UTF-8) and upload "
                                             "it again."))
    if long_line:
        raise _problem("row_too_long", _("Line %(line)s is longer than %(max)s bytes: this does not look like a "
                                         "contact list.", line=long_line, max=MAX_LINE_BYTES))
    first, _sep, rest = head.partition(b"\n")
    header = parse_header(codecs.decode(first, encoding))
    if not rest.strip() and size <= len(head):
        raise _problem("no_rows", _("The file has column names but no contacts."))
    stream.seek(0)
    return ScannedFile(encoding=encoding, size=size, lines=lines, header=header)


# --- the store between the request and the job ------------------------------------------------

def _key(list_id: int) -> str:
    return f"crowdline:contact-upload:{list_id}"


def store(list_id: int, stream: BinaryIO) -> None:
    """Keep the file for the import job (replacing anything kept under this list)."""
    connection = redis_store.connection
    key = _key(list_id)
    stream.seek(0)
    connection.delete(key)
    while True:
        pipe = connection.pipeline(transaction=False)
        pushed = 0
        for _i in range(16):
            chunk = stream.read(CHUNK_BYTES)
            if not chunk:
                break
            pipe.rpush(key, chunk)
            pushed += 1
        pipe.expire(key, UPLOAD_TTL_SECONDS)
        pipe.execute()
        if pushed < 16:
            break


def stored(list_id: int) -> bool:
    return bool(redis_store.connection.exists(_key(list_id)))


def chunks(list_id: int) -> Iterator[bytes]:
    """The kept file, chunk by chunk (never the whole file in memory)."""
    connection = redis_store.connection
    key = _key(list_id)
    index = 0
    while True:
        found = connection.lrange(key, index, index)
        if not found:
            return
        yield found[0]
        index += 1


def discard(list_id: int) -> None:
    redis_store.connection.delete(_key(list_id))


def text_lines(byte_chunks: Iterable[bytes], encoding: str) -> Iterator[str]:
    """Decode chunks into lines that keep their ``\\n`` (what ``csv.reader`` wants); a BOM is dropped."""
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    pending = ""
    for chunk in byte_chunks:
        text = pending + decoder.decode(chunk)
        lines = text.split("\n")
        pending = lines.pop()
        for line in lines:
            yield line + "\n"
    pending += decoder.decode(b"", final=True)
    if pending:
        yield pending

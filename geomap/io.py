"""Read news reports into :class:`Document` objects; write events to files.

Inputs are files and folders (walked recursively in sorted order), ``-`` for
standard input, :class:`Document` objects and plain strings of article text.
A record or file that cannot be read is reported in ``ReadResult.skipped``
with its location and the reason, and the others are still read: nothing is
silently lost. Writing lives in :mod:`geomap.writers` and is re-exported here.
"""

from __future__ import annotations

import os
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .errors import InputError
from .readers import (
    declared_charset,
    decode_bytes,
    html_to_text,
    iter_csv_records,
    iter_json_records,
    markdown_to_text,
    parse_date,
)
from .writers import SUPPORTED_OUTPUTS, output_format, save_map, write_events

__all__ = [
    "Document",
    "ReadResult",
    "read_documents",
    "write_events",
    "save_map",
    "output_format",
    "SUPPORTED_INPUTS",
    "SUPPORTED_OUTPUTS",
]

_TEXT_EXT = {".txt", ".text", ".md", ".markdown"}
_HTML_EXT = {".html", ".htm", ".xhtml"}
_RECORD_EXT = {".jsonl", ".ndjson", ".json", ".csv"}
SUPPORTED_INPUTS = tuple(sorted(_TEXT_EXT | _HTML_EXT | _RECORD_EXT))
# files that describe a folder of reports rather than being one
_FOLDER_DOCS = {"readme", "license", "licence", "changelog", "changes", "contributing", "notice"}


@dataclass
class Document:
    """One news report.

    Attributes
    ----------
    id : str
        Document id: the file's name without extension, the record's id, or
        ``FILE:LINE`` for a record without one.
    text : str
        Plain article text.
    title, outlet, url : str or None
    date : str or None
        ISO date (``YYYY-MM-DD``).
    path : str or None
        Where it came from (``reports.jsonl:12``, ``story.html``, ``<stdin>``).
    """

    id: str
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    date: str | None = None
    path: str | None = None

    def to_dict(self):
        """Return the fields as a plain dict."""
        return asdict(self)


@dataclass
class ReadResult:
    """What :func:`read_documents` found.

    Attributes
    ----------
    documents : list of Document
    skipped : list of (str, str)
        ``(where, reason)`` for every file or record that was not read.
    warnings : list of (str, str)
        ``(where, message)`` for documents that were read with a caveat
        (an unparseable date, a renamed duplicate id).
    """

    documents: list = field(default_factory=list)
    skipped: list = field(default_factory=list)
    warnings: list = field(default_factory=list)

    def __iter__(self):
        return iter(self.documents)

    def __len__(self):
        return len(self.documents)


@dataclass
class _Columns:
    text: str = "text"
    id: str = "id"
    title: str = "title"
    date: str = "date"
    url: str = "url"
    outlet: str = "outlet"


def read_documents(
    inputs,
    *,
    text_column="text",
    id_column="id",
    title_column="title",
    date_column="date",
    url_column="url",
    outlet_column="outlet",
    recursive=True,
):
    """Read news reports from files, folders, standard input or strings.

    Parameters
    ----------
    inputs : str, os.PathLike, Document or an iterable of them
        - a ``.txt``/``.md`` file: one document, id = file name without extension;
        - an ``.html``/``.htm`` page: its article text and metadata;
        - a ``.jsonl`` (or ``.json`` list) / ``.csv`` file: one document per
          record, with the columns named below;
        - a folder: every supported file in it (sorted; recursive by default;
          hidden files skipped);
        - ``"-"``: standard input (JSON Lines if it starts with ``{``, HTML if
          it starts with ``<``, else plain text);
        - a :class:`Document`: passed through;
        - any other ``str`` is a path when it names an existing file, ends in a
          supported extension or contains a path separator and no spaces;
          otherwise it is the text of a report (ids ``text-1``, ``text-2``...).
          Pass :class:`pathlib.Path` objects to rule that guess out.
    text_column, id_column, title_column, date_column, url_column, outlet_column : str
        Field names in JSON Lines and CSV records. Only the text is required.
    recursive : bool
        Walk sub-folders.

    Returns
    -------
    ReadResult
        ``.documents`` and ``.skipped`` (``(where, reason)`` pairs).

    Raises
    ------
    InputError
        For a path that does not exist, and for a CSV file named directly whose
        header lacks ``text_column`` (inside a folder walk it is skipped with
        the same message instead).
    """
    cols = _Columns(text_column, id_column, title_column, date_column, url_column, outlet_column)
    result = ReadResult()
    if isinstance(inputs, (str, os.PathLike, Document)):
        inputs = [inputs]
    counter = {"text": 0}
    for item in inputs:
        if isinstance(item, Document):
            result.documents.append(item)
        elif isinstance(item, str) and item == "-":
            _read_stdin(cols, result)
        elif isinstance(item, os.PathLike) or (isinstance(item, str) and _looks_like_path(item)):
            _read_path(Path(item), cols, result, recursive=recursive, explicit=True)
        elif isinstance(item, str):
            counter["text"] += 1
            where = f"text-{counter['text']}"
            if item.strip():
                result.documents.append(Document(id=where, text=item, path=where))
            else:
                result.skipped.append((where, "empty text"))
        else:
            raise InputError(
                f"cannot read a {type(item).__name__} as a news report; "
                "pass file or folder paths, '-', Document objects or article text"
            )
    _unique_ids(result)
    return result


def _looks_like_path(text):
    # "" would be the current folder: never read a folder by accident
    if not text.strip() or "\n" in text or len(text) > 1024:
        return False
    try:
        if Path(text).exists():
            return True
    except OSError:
        return False  # a sentence with a name part over 255 bytes is text, not a path
    if Path(text).suffix.lower() in SUPPORTED_INPUTS:
        return True
    return (os.sep in text or "/" in text) and not any(c.isspace() for c in text)


def _unique_ids(result):
    # Two files called report.txt in different folders must stay two documents.
    seen = {}
    for doc in result.documents:
        if doc.id in seen:
            seen[doc.id] += 1
            new = f"{doc.id}-{seen[doc.id]}"
            while new in seen:
                seen[doc.id] += 1
                new = f"{doc.id}-{seen[doc.id]}"
            result.warnings.append((doc.path or doc.id, f"duplicate document id {doc.id!r} renamed to {new!r}"))
            doc.id = new
        seen.setdefault(doc.id, 1)


def _read_stdin(cols, result):
    stream = getattr(sys.stdin, "buffer", None)
    data = stream.read() if stream is not None else sys.stdin.read().encode("utf-8")
    where = "<stdin>"
    try:
        text = decode_bytes(data, where=where)
    except InputError as exc:
        result.skipped.append((where, str(exc).split(": ", 1)[1]))
        return
    head = text.lstrip()[:1]
    if head == "{":
        _read_jsonl(text, where, "stdin", cols, result)
    elif head == "<":
        _add_html(text, where, "stdin", result)
    elif text.strip():
        result.documents.append(Document(id="stdin", text=text, path=where))
    else:
        result.skipped.append((where, "empty input"))


def _read_path(path, cols, result, *, recursive, explicit):
    if not path.exists():
        raise InputError(f"{path}: no such file or folder; check the path (use '-' to read standard input)")
    if path.is_dir():
        walk = path.rglob("*") if recursive else path.glob("*")
        for child in sorted(walk, key=lambda p: p.relative_to(path).parts):
            rel = child.relative_to(path).parts
            if any(part.startswith(".") for part in rel) or child.is_dir():
                continue
            _read_path(child, cols, result, recursive=recursive, explicit=False)
        return
    suffix = path.suffix.lower()
    where = str(path)
    if not explicit and path.stem.lower() in _FOLDER_DOCS:
        result.skipped.append((where, "a folder's documentation file, not a report; name it explicitly to read it"))
        return
    if not explicit and suffix not in SUPPORTED_INPUTS:
        result.skipped.append((where, f"unsupported file type {suffix or '(none)'}; supported: {', '.join(SUPPORTED_INPUTS)}"))
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        result.skipped.append((where, f"cannot read it ({exc.strerror or exc}); check its permissions"))
        return
    declared = declared_charset(data) if suffix in _HTML_EXT else None
    try:
        text = decode_bytes(data, where=where, declared=declared)
    except InputError as exc:
        result.skipped.append((where, str(exc)[len(where) + 2 :]))
        return
    stem = path.stem
    if suffix in (".jsonl", ".ndjson"):
        _read_jsonl(text, where, stem, cols, result)
    elif suffix == ".json":
        _read_json(text, where, stem, cols, result)
    elif suffix == ".csv":
        try:
            _read_csv(text, where, stem, cols, result)
        except InputError as exc:
            if explicit:
                raise
            result.skipped.append((where, str(exc)[len(where) + 2 :]))
    elif suffix in _HTML_EXT:
        _add_html(text, where, stem, result)
    else:
        title = None
        if suffix in (".md", ".markdown"):
            text, title = markdown_to_text(text)
        if text.strip():
            result.documents.append(Document(id=stem, text=text, title=title, path=where))
        else:
            result.skipped.append((where, "empty file"))


def _add_html(html, where, stem, result):
    text, meta = html_to_text(html)
    if not text.strip():
        result.skipped.append((where, "no article text found in the HTML page"))
        return
    doc = Document(id=stem, text=text, title=meta.get("title"), outlet=meta.get("outlet"),
                   url=meta.get("url"), path=where)
    doc.date = _date(meta.get("date"), where, result)
    result.documents.append(doc)


def _date(value, where, result):
    if value in (None, ""):
        return None
    iso = parse_date(value)
    if iso is None:
        result.warnings.append((where, f"date {str(value)!r} is not a recognised date (use YYYY-MM-DD); left empty"))
    return iso


def _field(record, name):
    value = record.get(name)
    if value is None:
        return None
    value = str(value).strip()
    return value or None


def _add_record(record, where, default_id, cols, result):
    text = record.get(cols.text)
    if text is None:
        present = ", ".join(repr(k) for k in record) or "none"
        result.skipped.append((where, f"no {cols.text!r} field (fields: {present}); pick it with --text-column"))
        return
    if not isinstance(text, str):
        result.skipped.append((where, f"field {cols.text!r} is a {type(text).__name__}, not text"))
        return
    if not text.strip():
        result.skipped.append((where, f"field {cols.text!r} is empty"))
        return
    doc = Document(
        id=_field(record, cols.id) or default_id,
        text=text.replace("\r\n", "\n"),
        title=_field(record, cols.title),
        outlet=_field(record, cols.outlet),
        url=_field(record, cols.url),
        path=where,
    )
    doc.date = _date(record.get(cols.date), where, result)
    result.documents.append(doc)


def _read_jsonl(text, where, stem, cols, result):
    for lineno, record, reason in iter_json_records(text, where=where):
        loc = f"{where}:{lineno}"
        if reason:
            result.skipped.append((loc, reason))
        else:
            _add_record(record, loc, f"{stem}:{lineno}", cols, result)


def _read_json(text, where, stem, cols, result):
    import json

    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        result.skipped.append((f"{where}:{exc.lineno}", f"invalid JSON ({exc.msg}); fix the file or save one record per line as .jsonl"))
        return
    records = data if isinstance(data, list) else [data]
    for i, record in enumerate(records, start=1):
        loc = f"{where}[{i}]" if isinstance(data, list) else where
        if isinstance(record, dict):
            _add_record(record, loc, f"{stem}:{i}" if isinstance(data, list) else stem, cols, result)
        else:
            result.skipped.append((loc, f"a JSON {type(record).__name__}, not an object"))


def _read_csv(text, where, stem, cols, result):
    for lineno, record in iter_csv_records(text, where=where, text_column=cols.text):
        if None in record:  # more cells than header columns
            result.skipped.append((f"{where}:{lineno}", "more cells than header columns; quote fields that contain commas"))
            continue
        _add_record(record, f"{where}:{lineno}", f"{stem}:{lineno}", cols, result)

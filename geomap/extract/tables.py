"""Incident tables pasted as text: a security tracker's or a log's rows, one per line with ``|``
between the cells, read as sentences.

A row such as ``hti-0413 | 06/04 | lascahobas | unknown gunmen | two vehicles fired upon
west of lascahobas. no injuries. | consortium driver | high`` becomes ``In lascahobas:
two vehicles fired upon west of lascahobas, according to consortium driver. no injuries,
according to consortium driver.`` so that the place column locates what the incident text
leaves unplaced and the source column is each sentence's claimant. Only a table whose header
names an incident (or event, description, summary) column is read; other lines are left alone.
"""

from __future__ import annotations

import re

__all__ = ["table_prose"]

_INCIDENT = ("incident", "incidents", "event", "events", "description", "summary", "details", "narrative")
_PLACE = ("location", "place", "locality", "town", "village", "area", "site")
_SOURCE = ("source", "sources", "reported by", "reporter", "source(s)")
_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+")


def _cells(line):
    return [c.strip() for c in line.strip().strip("|").split("|")]


def _column(header, names):
    return next((k for k, h in enumerate(header) if h.lower().strip(" :*()") in names
                 or h.lower().strip(" :*") in names), None)


def table_prose(lines):
    """``lines`` with the rows of an incident table rewritten as sentences (other lines kept).

    Parameters
    ----------
    lines : list of str

    Returns
    -------
    list of str
    """
    out, header, cols = [], None, None
    for line in lines:
        if line.count("|") >= 3:
            cells = _cells(line)
            if header is None or len(cells) != len(header):
                incident = _column(cells, _INCIDENT)
                if incident is not None:
                    header, cols = cells, (incident, _column(cells, _PLACE), _column(cells, _SOURCE))
                    continue  # the header is no sentence
            elif set("".join(cells)) <= set("-:= "):
                continue  # a markdown rule under the header
            else:
                out.append(_row_prose(cells, cols))
                out.append("")  # each row its own paragraph
                continue
        elif header is not None and line.strip():
            header = cols = None  # the table ended
        out.append(line)
    return out


def _row_prose(cells, cols):
    incident, place, source = cols
    text = cells[incident].strip()
    where = cells[place].strip() if place is not None else ""
    who = cells[source].strip() if source is not None else ""
    if who.lower() in ("", "n/a", "na", "-", "unknown"):
        who = ""
    parts = [p.strip() for p in _SENTENCE_END.split(text) if p.strip()]
    if who:
        # each sentence of the cell is the source's account ("two officers wounded, according to ...")
        parts = [re.sub(r"[.;!?]+$", "", p) + f", according to {who}." for p in parts]
    body = " ".join(parts)
    if where and where.lower() not in ("n/a", "na", "-", "unknown") and where.lower() not in body.lower():
        # (in the table's own case: a capital in a lowercased log would make the text "cased")
        body = f"{'in' if text == text.lower() else 'In'} {where}: {body}"
    return body

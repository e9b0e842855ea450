"""Test sentences as a lowercased, tokenized wire dump writes them ("sudan s", spaces before punctuation),
and the event rows a test text gives."""

import re


def tokenized(text):
    """The text lowercased, "'s" as " s", punctuation set apart."""
    text = re.sub(r"'s\b", " s", text.lower())
    return re.sub(r"\s*([,.()])\s*", r" \1 ", text).strip()


def both(rows):
    """Each parameter row as written and again with its text (first item) tokenized."""
    return [r for row in rows for r in (row, (tokenized(row[0]),) + tuple(row[1:]))]


def rows(text, gaz, action=None):
    """The event rows of ``text`` (only those of ``action`` when given)."""
    from geomap.extract.events import extract_document

    return [r for r in extract_document(text, gazetteer=gaz) if action is None or r["action"] == action]

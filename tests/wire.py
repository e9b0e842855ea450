"""Test sentences as a lowercased, tokenized wire dump writes them ("sudan s", spaces before punctuation)."""

import re


def tokenized(text):
    """The text lowercased, "'s" as " s", punctuation set apart."""
    text = re.sub(r"'s\b", " s", text.lower())
    return re.sub(r"\s*([,.()])\s*", r" \1 ", text).strip()


def both(rows):
    """Each parameter row as written and again with its text (first item) tokenized."""
    return [r for row in rows for r in (row, (tokenized(row[0]),) + tuple(row[1:]))]

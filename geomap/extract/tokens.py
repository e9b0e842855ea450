"""Word tokens with offsets, the same for cased, lowercased and tokenized text.

One tokenizer serves the lexicon (aliases, verb forms) and the sentence
analysis, so that "u.s.-backed", "US-backed" and "us-backed" all give the
tokens ``u.s.`` + ``backed``; "russia's", "russia’s" and the tokenized
"russia s" all give ``russia`` with a possessive mark; hyphens join tokens
rather than being tokens ("kurdish-led" is ``kurdish`` ``led``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Token", "tokenize"]

# one token: an abbreviation ("u.s."), a word (with inner apostrophes), a hyphen before a
# word, a punctuation mark; as groups for re.split, which returns [gap, abbr, word, hyphen,
# punctuation, gap, ...] (None for the groups that did not match) without the match object
# per token that finditer makes (most of the tokenizer's cost). The lookahead only spares
# testing the lookbehind at every character. A news site's name is one word ("Lefaso.net").
_SPLIT = re.compile(
    r"(?=[a-z]\.)(?<![^\W\d_])((?:[a-z]\.){2,})"
    r"|([^\W_]+(?:['’][^\W\d_]+)*(?:\.(?:com|net|org|info|tv|fm|news|online)\b)?)"
    r"|(-(?=[^\W_]))"
    r"|([^\w\s])",
    re.I,
)
# all-caps short words that are names only when written in capitals ("US", "IS", "UN");
# "may" is keyed "^may" where it is the month
def _join_thousands(out, text):
    """"2,000" as one token (the split gives "2", ",", "000"); the tokens renumbered."""
    joined = []
    for t in out:
        if (t.key.isdigit() and len(t.key) == 3 and len(joined) >= 2 and joined[-1].key == ","
                and joined[-1].start == joined[-2].end and t.start == joined[-1].end
                and joined[-2].key.replace(",", "").isdigit()
                and (len(joined[-2].key) <= 3 or "," in joined[-2].key)):
            joined.pop()
            prev = joined[-1]
            prev.end = t.end
            prev.key = text[prev.start:t.end]
            continue
        joined.append(t)
    if len(joined) != len(out):
        for n, t in enumerate(joined):
            t.i = n
    return joined


# telegraphic abbreviations (CrisisWatch, wires) keyed as the words they stand for
_ABBREVIATIONS = {"govt": "government", "gov't": "government", "govts": "governments", "gov’t": "government"}
CASE_SENSITIVE = {"us", "is", "un", "uk", "who", "au", "it"}


@dataclass(slots=True)
class Token:
    """One token: ``key`` is the folded form used for lexicon lookups."""

    i: int
    start: int
    end: int
    key: str
    word: bool = True
    caps: bool = False         # written in capitals (only trusted in cased text)
    joined: bool = False       # attached to the previous token by a hyphen
    poss: bool = False         # followed by a possessive 's


def tokenize(text):
    """Split ``text`` into :class:`Token` objects (words and punctuation).

    Parameters
    ----------
    text : str

    Returns
    -------
    list of Token
    """
    out = []
    append = out.append
    n = 0
    pending_hyphen = False
    lower = text.lower()
    cased = text != lower and text != text.upper()
    special = False  # a "us" or "un" token that the country fix below looks at
    thousands = False  # a comma right after a number
    prev = None  # the last token appended
    # per-token work is the cost here: the common plain word takes the fewest tests
    pieces = _SPLIT.split(text)
    pos = len(pieces[0])  # where the next token starts: the running sum of the pieces' lengths
    parts = iter(pieces)
    next(parts)
    for abbr, word, hyph, punct, gap in zip(parts, parts, parts, parts, parts):
        start = pos
        if word is not None:
            end = start + len(word)
            pos = end + len(gap)
            key = lower[start:end]
            caps = cased and end - start >= 2 and word.isupper()
            if "'" in key or "’" in key:
                key = key.replace("’", "'")
                if key.endswith("'s") and len(key) > 2:
                    prev = Token(n, start, end - 2, key[:-2], True, caps, pending_hyphen, True)
                    append(prev)
                    n += 1
                    pending_hyphen = False
                    continue
            elif len(key) <= 3:
                # tokenized possessive "russia s defence ministry"
                if key == "s" and prev is not None and prev.word and text[prev.end:start].strip() in ("", "'", "’"):
                    prev.poss = True
                    continue
                if key in CASE_SENSITIVE:
                    special = True
                    if caps:
                        key = "^" + key
                elif key == "may":
                    special = True
            prev = Token(n, start, end, key, True, caps, pending_hyphen)
            append(prev)
            n += 1
            pending_hyphen = False
        elif punct is not None:
            end = start + 1
            pos = end + len(gap)
            s = punct
            if (s == "'" or s == "’") and prev is not None and prev.word:
                continue
            if s == "“" or s == "”":
                s = '"'
            elif s == "," and prev is not None and prev.key.isdigit() and pos == end:
                thousands = True  # "2,000": joined below
            prev = Token(n, start, end, s, False)
            append(prev)
            n += 1
            pending_hyphen = False
        elif hyph is not None:
            pos = start + 1 + len(gap)
            if prev is not None and prev.end == start:
                pending_hyphen = True
        else:
            # an abbreviation ("u.s."): never a possessive, never case-sensitive
            end = start + len(abbr)
            pos = end + len(gap)
            key = lower[start:end]
            if len(key) > 4:
                key = key.replace(".", "")  # "E.L.N.", "F.A.R.C.": the acronym (not "u.s.", "u.n.")
            prev = Token(n, start, end, key, True, cased and abbr.isupper(), pending_hyphen)
            append(prev)
            n += 1
            pending_hyphen = False
    if thousands:
        out = _join_thousands(out, text)
    if "gov" in lower:
        for t in out:
            if t.key in _ABBREVIATIONS:
                t.key = _ABBREVIATIONS[t.key]  # "govt-aligned forces": the word a wire abbreviates
    if special:
        # "us-backed", "US-led": the country, whatever the case
        for a, b in zip(out, out[1:]):
            if a.key in ("us", "^us") and b.joined:
                a.key = "u.s."
            elif a.key == "^us":
                a.key = "u.s."
            elif a.key in ("un", "^un") and b.joined:
                a.key = "u.n."
        if out and out[-1].key == "^us":
            out[-1].key = "u.s."
        for k, t in enumerate(out):
            # the month, not the modal: "on 11 May", "may 6", "in mid-May"
            if t.key == "may" and (k and (out[k - 1].key.isdigit() or out[k - 1].key == "mid" or cased
                                           and text[t.start].isupper())
                                   or k + 1 < len(out) and out[k + 1].key.isdigit()):
                t.key = "^may"
    return out

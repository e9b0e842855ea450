"""Scan text for gazetteer names: longest match, token boundaries, any case.

The text is tokenized once (keeping character offsets), each token normalized
once with :func:`geomap.normalize.normalize_token`, and n-grams of the
normalized tokens are looked up in the gazetteer's name index, longest first
and without overlaps. A set of key prefixes stops the extension as soon as no
name can continue, so the cost grows with the text, not with the gazetteer.

Each :class:`RawMatch` carries what a caller needs to drop town names that
are ordinary words ("Mobile", "Of", "Police", "Said"):

``capitalized``
    The first letter as written is upper case; None when the whole text has no
    upper-case letter (lowercased dumps), where case says nothing.
``sentence_start``
    The match opens a sentence, where capitals say little.
``common``
    The rule, from data: the matched text is a single word whose English
    frequency (Zipf scale, from the ``wordfreq`` package's word list) is at
    least 3 and exceeds the place's prominence, ``log10(population)`` of its
    largest settlement, minus 1.2. Only names that are nothing but
    settlements can be common: countries, provinces, rivers, bases and
    landmarks ("Pentagon") are curated features, never common words. A lone
    article ("as", "an", "al") never matches, nor does a lower-case English
    "at"/"as"/"an" before a space open a match ("at Raqqa" is "Raqqa"). So "said" (Zipf 6.0, a village) and
    "mobile" (4.9 vs. a city of 183,000: 5.3) are common words while "Paris"
    (4.8 vs. 2.1 million: 6.3) and "Gaza" (3.9 vs. 410,000: 5.6) are not.
    Without ``wordfreq`` installed, ``common`` is False and a warning says so.
"""

from __future__ import annotations

import dataclasses
import functools
import importlib.metadata
import math
import os
import pickle
import re
import sys
import unicodedata
import warnings

from ._compat import import_optional
from .normalize import ARTICLE, MARKS, normalize_token

__all__ = ["Matcher", "RawMatch", "common_word_zipf"]


# the same words as _token_re() for ASCII text, without the long mark class
_ASCII_TOKEN = re.compile(r"[A-Za-z0-9]+(?:['`]+(?![sS](?![A-Za-z0-9]))[A-Za-z0-9]+)*")


@functools.lru_cache(maxsize=1)
def _token_re():
    """A word: letters, digits and combining marks, joined by ayn/hamza marks;
    a possessive 's is a token of its own. Built on first use (it lists the
    Unicode combining marks, which ``\\w`` leaves out)."""
    marks, start = [], None
    for cp in range(sys.maxunicode + 2):
        is_mark = cp <= sys.maxunicode and unicodedata.category(chr(cp))[0] == "M"
        if is_mark and start is None:
            start = cp
        elif not is_mark and start is not None:
            marks.append(f"\\U{start:08x}-\\U{cp - 1:08x}")
            start = None
    word = "(?:[^\\W_]|[" + "".join(marks) + "])"
    apos = "[" + re.escape(MARKS) + "]+"
    return re.compile(f"{word}+(?:{apos}(?!(?i:s)(?!{word})){word}+)*")


_SENTENCE_END = re.compile(r"[.!?:;\n\"“”(\[]\W*$")
_MIN_ZIPF = 3.0
# lower-case English words that fold to the Arabic article; before a space they
# are English ("at Raqqa"), while "at-Tanf", "As Safirah" stay articles
_ENGLISH_ARTICLES = {"as", "at", "an", "en", "es", "et", "el"}
_SETTLEMENTS = {"city", "town", "village"}
_PROMINENCE_MARGIN = 1.2


@dataclasses.dataclass(frozen=True)
class RawMatch:
    """A span of text that spells a gazetteer name."""

    start: int
    end: int
    text: str
    key: str
    place_ids: tuple
    capitalized: bool | None = None
    sentence_start: bool = False
    common: bool = False


@functools.lru_cache(maxsize=1)
def _frequencies():
    """wordfreq's small English list as {word: frequency}, kept in the cache
    folder so that a warm start does not import wordfreq (~0.4 s)."""
    try:
        version = importlib.metadata.version("wordfreq")
    except importlib.metadata.PackageNotFoundError:
        version = None
    cached = None
    if version:
        from ._paths import cache_dir

        try:
            cached = cache_dir() / f"wordfreq-en-small-{version}.pickle"
            with open(cached, "rb") as fh:
                return pickle.load(fh)
        except (OSError, pickle.UnpicklingError, EOFError):
            pass
    try:
        wordfreq = import_optional("wordfreq", purpose="flagging town names that are common words")
    except ImportError as exc:
        warnings.warn(f"{exc}; RawMatch.common is False for every match", stacklevel=3)
        return {}
    freqs = dict(wordfreq.get_frequency_dict("en", wordlist="small"))
    if cached is not None:
        tmp = cached.with_name(f"{cached.name}.{os.getpid()}.tmp")
        try:
            with open(tmp, "wb") as fh:
                pickle.dump(freqs, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, cached)
        except OSError:
            tmp.unlink(missing_ok=True)
    return freqs


def common_word_zipf(word):
    """English Zipf frequency of ``word`` (0 when unknown or wordfreq is missing)."""
    freq = _frequencies().get(word.lower(), 0.0)
    return math.log10(freq * 1e9) if freq > 0 else 0.0


def _opens_sentence(text, start):
    before = text[max(0, start - 8):start]
    return bool(_SENTENCE_END.search(before)) or (start <= 8 and not before.strip())


class Matcher:
    """Find gazetteer names in text; built once per gazetteer (``gaz.matcher``).

    Parameters
    ----------
    gazetteer : geomap.Gazetteer
        Its name index is used as is.
    """

    def __init__(self, gazetteer):
        self._gaz = gazetteer
        self._index = gazetteer.index
        prefixes = set()
        longest = 1
        for key in [k for k in self._index if " " in k]:
            longest = max(longest, key.count(" ") + 1)
            cut = key.find(" ")
            while cut != -1:
                prefixes.add(key[:cut])
                cut = key.find(" ", cut + 1)
        self._prefixes = prefixes
        self.longest = longest
        self._ids_cache = {}
        self._common_cache = {}

    def scan(self, text):
        """Every non-overlapping name in ``text``, longest first, left to right.

        Parameters
        ----------
        text : str

        Returns
        -------
        list of RawMatch
        """
        # words[j] = (normalized word, token index, first word of token, last word)
        pattern = _ASCII_TOKEN if text.isascii() else _token_re()
        tokens = [(m.start(), m.end()) for m in pattern.finditer(text)]
        words = []
        for t, (s, e) in enumerate(tokens):
            parts = normalize_token(text[s:e]).split()
            for j, w in enumerate(parts):
                words.append((w, t, j == 0, j == len(parts) - 1))
        cased = any(c.isupper() for c in text)
        index, prefixes = self._index, self._prefixes
        out = []
        i, n = 0, len(words)
        while i < n:
            if not words[i][2]:
                i += 1
                continue
            best = None
            phrase = words[i][0]
            j = i
            while True:
                if words[j][3] and phrase in index:
                    best = j
                if j + 1 >= n or phrase not in prefixes:
                    break
                j += 1
                phrase = phrase + " " + words[j][0]
            if best is None or (best == i and words[i][0] == ARTICLE):
                # a lone article ("as", "an", "al") is no place, whatever GeoNames says
                i += 1
                continue
            start = tokens[words[i][1]][0]
            if (words[i][0] == ARTICLE and text[start:tokens[words[i][1]][1]] in _ENGLISH_ARTICLES
                    and text[tokens[words[i][1]][1]:tokens[words[i][1]][1] + 1] == " "):
                # "fighting at Raqqa": English "at", not the article of "ar-Raqqa"
                i += 1
                continue
            end = tokens[words[best][1]][1]
            # "U.S." ends with its abbreviation dot
            if end < len(text) and text[end] == "." and end - tokens[words[best][1]][0] == 1:
                end += 1
            key = " ".join(w[0] for w in words[i:best + 1])
            surface = text[start:end]
            out.append(RawMatch(
                start=start, end=end, text=surface, key=key,
                place_ids=self._place_ids(key),
                capitalized=surface[:1].isupper() if cased else None,
                sentence_start=_opens_sentence(text, start),
                common=self._common(surface, key),
            ))
            i = best + 1
        return out

    def _place_ids(self, key):
        ids = self._ids_cache.get(key)
        if ids is None:
            rows = dict.fromkeys(c >> 2 for c in self._index[key])
            ids = tuple(self._gaz._ids[r] for r in rows)
            self._ids_cache[key] = ids
        return ids

    def _common(self, surface, key):
        if " " in key:
            return False
        word = surface.lower()
        found = self._common_cache.get((word, key))
        if found is None:
            found = False
            zipf = common_word_zipf(word)
            if zipf >= _MIN_ZIPF:
                places = [self._gaz.get(i) for i in self._place_ids(key)]
                if all(p.kind in _SETTLEMENTS for p in places):
                    pop = max((p.population for p in places), default=0)
                    found = zipf > math.log10(max(pop, 1)) - _PROMINENCE_MARGIN
            self._common_cache[(word, key)] = found
        return found

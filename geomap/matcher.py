"""Scan text for gazetteer names: longest match, token boundaries, any case.

The text is tokenized once with one compiled regex (keeping character
offsets), each distinct token normalized once per process with
:func:`geomap.normalize.normalize_token` (a bounded cache shared by all
matchers), and n-grams of the normalized words are looked up in the
gazetteer's name index, longest first and without overlaps. Only words that
begin some name start a lookup, and a set of key prefixes stops the extension
as soon as no name can continue, so the cost grows with the text, not with
the gazetteer.

Each :class:`RawMatch` carries what a caller needs to drop town names that
are ordinary words ("Mobile", "Of", "Police", "Said"):

``capitalized``
    The first letter as written is upper case; None when the whole text has no
    upper-case letter (lowercased dumps), where case says nothing.
``sentence_start``
    The match opens a sentence, where capitals say little.
``common``
    The rule, from data: the matched text is a single word whose English
    frequency (Zipf scale, from ``data/common_words.csv``, which
    ``tools/build_common_words.py`` derives from the ``wordfreq`` package) is
    at least :data:`MIN_ZIPF` and exceeds the place's prominence,
    ``log10(population)`` of its largest settlement, minus 1.2. Only names
    that are nothing but settlements can be common: countries, provinces,
    rivers, bases and landmarks ("Pentagon") are curated features, never
    common words. So "said" (Zipf 6.0, a village) and "mobile" (4.9 vs. a
    city of 183,000: 5.3) are common words while "Paris" (4.8 vs. 2.1
    million: 6.3) and "Gaza" (3.9 vs. 410,000: 5.6) are not.

Arabic articles: a lone article ("as", "an", "al") never matches. The English
words "as", "at" and "an" fold to the article too; before a space, written
in lower case or opening a sentence, they are read as English when a name
follows them on its own ("fighting at Raqqa" is "Raqqa"), and as the article
otherwise. Other articles always belong to the name ("el fasher").
"""

from __future__ import annotations

import csv
import functools
import itertools
import math
import operator
import re
import sys
import typing
import unicodedata
import warnings
from pathlib import Path

from .errors import GazetteerError
from .normalize import ARTICLE, MARKS, normalize_token, split_name

__all__ = ["Matcher", "RawMatch", "common_word_zipf", "MIN_ZIPF"]

#: words less frequent than this (Zipf scale) are never common words
MIN_ZIPF = 3.0

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


_ASCII_SPLIT = re.compile(f"({_ASCII_TOKEN.pattern})")
# _token_re() without combining marks: the marks' long class makes the regex
# engine test hundreds of ranges at every character, so texts with marks have
# them replaced by a letter first (same length, same token boundaries)
_LETTERS_SPLIT = re.compile(
    "([^\\W_]+(?:[" + re.escape(MARKS) + "]+(?!(?i:s)(?![^\\W_]))[^\\W_]+)*)")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _split(text):
    """``(pieces, tokens)`` of ``text``: the pieces (gap, token, gap, ..., gap)
    have the lengths of the text's gaps and tokens, but in a text with
    combining marks their characters are not the text's (tokens are)."""
    if text.isascii():
        pieces = _ASCII_SPLIT.split(text)
        return pieces, pieces[1::2]
    marks = {ord(c): "a" for c in set(_NON_ASCII.findall(text)) if unicodedata.category(c)[0] == "M"}
    if not marks:
        pieces = _LETTERS_SPLIT.split(text)
        return pieces, pieces[1::2]
    pieces = _LETTERS_SPLIT.split(text.translate(marks))
    ends = list(itertools.accumulate(map(len, pieces)))
    return pieces, [text[ends[k - 1]:ends[k]] for k in range(1, len(pieces), 2)]


_SENTENCE_END = re.compile(r"[.!?:;\n\"“”(\[]\W*$")
# English words that fold to the Arabic article ("fighting at Raqqa")
_ENGLISH_ARTICLES = {"as", "at", "an"}
_SETTLEMENTS = {"city", "town", "village"}
_PROMINENCE_MARGIN = 1.2
# raw token -> its normalized word (str), or a tuple when it gives 0 or 2+
# words ("ezzor" -> ("al", "zur")); news vocabulary repeats, so after a few
# texts nearly every token is a dict hit. Cleared when it grows this big.
_WORDS = {}
_WORDS_MAX = 200_000


class RawMatch(typing.NamedTuple):
    """A span of text that spells a gazetteer name (immutable; fields by name).

    A named tuple rather than a dataclass because a scan makes one per name
    and per common word, and a tuple is built several times faster.
    """

    start: int
    end: int
    text: str
    key: str
    place_ids: tuple
    capitalized: bool | None = None
    sentence_start: bool = False
    common: bool = False


def _read_common_words(path):
    """``{word: zipf}`` from a ``word,zipf[,source]`` CSV; GazetteerError names line and column."""
    fix = "rebuild it with tools/build_common_words.py"
    out = {}
    try:
        with open(path, newline="", encoding="utf-8") as fh:
            reader = csv.reader(fh)
            header = next(reader, None)
            if not header or header[:2] != ["word", "zipf"]:
                raise GazetteerError(f"{path}:1: column word: header must start with word,zipf; {fix}")
            for row in reader:
                line = reader.line_num
                if not row:
                    continue
                word = row[0].strip()
                if not word or word != word.lower():
                    raise GazetteerError(
                        f"{path}:{line}: column word: {word!r} is not a lower-case word; {fix}")
                try:
                    zipf = float(row[1])
                except (IndexError, ValueError):
                    raise GazetteerError(
                        f"{path}:{line}: column zipf: {row[1:2]} is not a number; {fix}") from None
                if not 0.0 <= zipf <= 9.0:
                    raise GazetteerError(f"{path}:{line}: column zipf: {zipf} is not in [0, 9]; {fix}")
                out[word] = zipf
    except UnicodeDecodeError as exc:
        raise GazetteerError(f"{path}: not a UTF-8 CSV ({exc}); {fix}") from exc
    return out


@functools.lru_cache(maxsize=4)
def _common_words(path):
    try:
        return _read_common_words(path)
    except FileNotFoundError:
        warnings.warn(f"{path} is missing, so no place name is flagged as a common word; "
                      "build it with tools/build_common_words.py", stacklevel=4)
        return {}


def _default_common_words():
    from ._paths import data_dir

    return _common_words(Path(data_dir()) / "common_words.csv")


def common_word_zipf(word):
    """English Zipf frequency of ``word``, 0 when it is rare or no place name.

    Parameters
    ----------
    word : str
        One word, any case.

    Returns
    -------
    float
        From ``data/common_words.csv``, which lists only frequent words
        (Zipf >= :data:`MIN_ZIPF`) that spell a place name.
    """
    return _default_common_words().get(word.lower(), 0.0)


def _words_of(token):
    """The normalized word of ``token`` (a str), or a tuple when it gives 0 or 2+ words."""
    words = _WORDS.get(token)
    if words is None:
        if len(_WORDS) >= _WORDS_MAX:
            _WORDS.clear()
        parts = normalize_token(token).split()
        words = _WORDS[token] = parts[0] if len(parts) == 1 else tuple(parts)
    return words


def _spread(cells):
    """Flatten per-token words (str or tuple) into ``(words, owner)``, owner[j]
    being the token index of word j."""
    words, owner = [], []
    for t, w in enumerate(cells):
        if type(w) is str:
            words.append(w)
            owner.append(t)
        else:
            words.extend(w)
            owner.extend([t] * len(w))
    return words, owner


def _prefix_table(index):
    """``(prefixes, longest)``: every proper word prefix of the multi-word keys of
    ``index`` ("al", "al bab" for "al bab city") and the most words in a key.

    Built a level at a time with set comprehensions (cut the last word of each
    key, then of each prefix), which touches each multi-word key once instead
    of walking it word by word in Python: for the world table's 190,000
    multi-word keys it takes half the time the word-by-word loop took
    (benchmarks/bench_world.py, "matcher build").
    """
    multi = [k for k in index if " " in k]
    if not multi:
        return set(), 1
    longest = max(map(str.count, multi, itertools.repeat(" "))) + 1
    prefixes = set()
    level = {k.rpartition(" ")[0] for k in multi}
    while level:
        prefixes |= level
        # a prefix already present had its own prefixes added after it
        level = {k.rpartition(" ")[0] for k in level if " " in k} - prefixes
    return prefixes, longest


def _opens_sentence(text, start):
    # most names follow "word ": no punctuation can end a sentence in between
    if start >= 2 and text[start - 1] == " " and text[start - 2].isalnum():
        return False
    before = text[max(0, start - 8):start]
    return bool(_SENTENCE_END.search(before)) or (start <= 8 and not before.strip())


class Matcher:
    """Find gazetteer names in text; built once per gazetteer (``gaz.matcher``).

    Parameters
    ----------
    gazetteer : geomap.Gazetteer
        Its name index is used as is.
    common_words : str, Path or dict, optional
        English word frequencies (``{word: zipf}`` or a ``word,zipf`` CSV);
        by default ``data/common_words.csv``, read at the first match that
        needs it.
    """

    def __init__(self, gazetteer, *, common_words=None):
        self._gaz = gazetteer
        self._index = gazetteer.index
        self._prefixes, self.longest = _prefix_table(self._index)
        if common_words is None or isinstance(common_words, dict):
            self._zipf = common_words
        else:
            self._zipf = _read_common_words(common_words)
        self._ids_cache = {}
        self._common_cache = {}
        self._single = {}  # one-word token -> (place ids, capitalized, common)

    def scan(self, text):
        """Every non-overlapping name in ``text``, longest first, left to right.

        Parameters
        ----------
        text : str

        Returns
        -------
        list of RawMatch
        """
        # one C-level split: [gap, token, gap, token, ..., gap]; offsets are
        # the running sums of the pieces' lengths
        pieces, tokens = _split(text)
        if not tokens:
            return []
        ends = list(itertools.accumulate(map(len, pieces)))
        words = list(map(_WORDS.get, tokens))
        if None in words:
            words = [w if w is not None else _words_of(t) for w, t in zip(words, tokens)]
        owner = None  # token index of each word, when some token is not one word
        if any(map(isinstance, words, itertools.repeat(tuple))):
            words, owner = _spread(words)
        prefixes, index = self._prefixes, self._index
        # a word starts a lookup when it is a one-word name or the first word
        # of a longer one (a prefix); both tests run in C
        todo = list(itertools.compress(itertools.count(), map(
            operator.or_, map(index.__contains__, words), map(prefixes.__contains__, words))))
        if not todo:
            return []
        cased = not text.islower() and any(map(str.isupper, text))
        n = len(words)
        single = self._single
        out = []
        after = 0  # words before this are taken
        for i in todo:
            if i < after:
                continue
            w = words[i]
            if owner is None:
                if w in prefixes:
                    # most prefixes go no further: try the next word before the full search
                    two = w + " " + words[i + 1] if i + 1 < n else None
                    if two in prefixes:
                        best = self._longest(words, None, i)
                        if best is None:
                            continue
                    elif two in index:
                        best = i + 1
                    elif w in index:
                        best = i
                    else:
                        continue
                elif w in index:
                    best = i
                else:
                    continue
                if best == i and w != ARTICLE and len(tokens[i]) > 1:
                    # one word, the bulk of matches: everything but the offsets
                    # and the sentence start is known from the token
                    token = tokens[i]
                    hit = single.get(token)
                    if hit is None:
                        hit = self._single_word(token, w)
                    start = ends[2 * i]
                    if start >= 2 and text[start - 1] == " " and text[start - 2].isalnum():
                        opens = False  # the common case, decided without the regex
                    else:
                        opens = _opens_sentence(text, start)
                    out.append(RawMatch(start, ends[2 * i + 1], token, w, hit[0],
                                        hit[1] if cased else None, opens, hit[2]))
                    after = i + 1
                    continue
                t0, t1 = i, best
            else:
                if i and owner[i - 1] == owner[i]:
                    continue  # not the first word of its token
                best = self._longest(words, owner, i)
                if best is None:
                    continue
                t0, t1 = owner[i], owner[best]
            start = ends[2 * t0]
            if w == ARTICLE:
                if best == i:
                    continue  # a lone article ("as", "an", "al") is no place
                if self._english(text, start, ends[2 * t0 + 1], words, owner, i, cased):
                    continue
            end = ends[2 * t1 + 1]
            # "U.S." ends with its abbreviation dot
            if end < len(text) and text[end] == "." and end - ends[2 * t1] == 1:
                end += 1
            surface = text[start:end]
            if best == i:
                key = w
                common = self._common_cache.get(surface)
                if common is None:
                    common = self._common(surface, key)
            else:
                key = " ".join(words[i:best + 1])
                common = False
            ids = self._ids_cache.get(key)
            if start >= 2 and text[start - 1] == " " and text[start - 2].isalnum():
                opens = False  # the common case, decided without the regex
            else:
                opens = _opens_sentence(text, start)
            out.append(RawMatch(start, end, surface, key,
                                ids if ids is not None else self._place_ids(key),
                                surface[0].isupper() if cased else None, opens, common))
            after = best + 1
        return out

    def _longest(self, words, owner, i):
        """Index of the last word of the longest name starting at word ``i``, or None."""
        index, prefixes = self._index, self._prefixes
        n = len(words)
        best = None
        phrase = words[i]
        j = i
        while True:
            # a name ends at the end of a token, not inside "ezzor"
            if phrase in index and (owner is None or j + 1 >= n or owner[j + 1] != owner[j]):
                best = j
            if j + 1 >= n or phrase not in prefixes:
                return best
            j += 1
            phrase = phrase + " " + words[j]

    def _english(self, text, s, e, words, owner, i, cased):
        """Whether the article-like word at ``i`` (``text[s:e]``) is English "as"/"at"/"an" before a name."""
        written = text[s:e]
        if written.lower() not in _ENGLISH_ARTICLES or text[e:e + 1] != " ":
            return False
        # "As Suwayda" in the middle of a cased sentence is the article
        if cased and not written.islower() and not _opens_sentence(text, s):
            return False
        return i + 1 < len(words) and self._longest(words, owner, i + 1) is not None

    def _single_word(self, token, key):
        if len(self._single) >= _WORDS_MAX:
            self._single.clear()
        common = self._common_cache.get(token)
        if common is None:
            common = self._common(token, key)
        hit = self._single[token] = (self._place_ids(key), token[0].isupper(), common)
        return hit

    def _place_ids(self, key):
        ids = self._ids_cache.get(key)
        if ids is None:
            rows = dict.fromkeys(c >> 2 for c in self._index[key])
            ids = tuple(self._gaz._ids[r] for r in rows)
            self._ids_cache[key] = ids
        return ids

    def _common(self, surface, key):
        """Whether a one-word match is a common word; cached by the surface, which
        determines the key."""
        found = False
        if self._zipf is None:
            # read at the first match that needs it, not when the gazetteer loads
            self._zipf = _default_common_words()
        zipf = self._zipf.get(surface.lower(), 0.0)
        if zipf >= MIN_ZIPF:
            places = [self._gaz.get(i) for i in self._place_ids(key)]
            written = split_name(surface)
            # (an abbreviation is the name only in capitals: "Mass." does not make "mass" a state)
            upper = surface[:1].isupper()
            if not any(split_name(n) == written for p in places for n in (p.name, *p.aliases)
                       if upper or not n.endswith(".")):
                # an English word that only folds like a name ("port" ~ Perth) is that word
                found = True
            elif all(p.kind in _SETTLEMENTS for p in places):
                pop = max((p.population for p in places), default=0)
                found = zipf > math.log10(max(pop, 1)) - _PROMINENCE_MARGIN
        if len(self._common_cache) >= _WORDS_MAX:
            self._common_cache.clear()
        self._common_cache[surface] = found
        return found

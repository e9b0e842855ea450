"""Turn the bytes of one input file into records: text, HTML, JSON Lines, CSV.

Each reader yields ``(where, fields)`` pairs or ``(where, reason)`` skips, so
that :func:`geomap.io.read_documents` can keep every good record of a file and
report every bad one. Everything here is standard library only.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
import sys
from datetime import date, datetime
from html.parser import HTMLParser

from .errors import InputError

__all__ = [
    "decode_bytes",
    "html_to_text",
    "markdown_to_text",
    "parse_date",
    "iter_json_records",
    "iter_csv_records",
]

_NOT_UTF8 = "not UTF-8 text ({detail}); re-save it as UTF-8"


def decode_bytes(data, *, where, declared=None):
    """Decode file bytes as UTF-8 (with or without BOM), or UTF-16 with a BOM.

    Parameters
    ----------
    data : bytes
    where : str
        File name quoted in the error message.
    declared : str, optional
        An encoding the file itself declares (an HTML ``<meta charset>``); it is
        only tried when the bytes are not valid UTF-8.

    Returns
    -------
    str
        The text with ``\\r\\n`` and ``\\r`` line ends folded to ``\\n``.

    Raises
    ------
    InputError
        When the bytes are not text in a known encoding.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            text = _decode_declared(data, declared)
            if text is None:
                detail = f"byte 0x{data[exc.start]:02x} at offset {exc.start}"
                raise InputError(f"{where}: " + _NOT_UTF8.format(detail=detail)) from None
    if "\x00" in text:
        raise InputError(f"{where}: " + _NOT_UTF8.format(detail="it contains NUL bytes, so it looks binary"))
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode_declared(data, declared):
    if not declared:
        return None
    try:
        codecs.lookup(declared)
        return data.decode(declared)
    except (LookupError, UnicodeDecodeError):
        return None


# ---------------------------------------------------------------- dates

_DATE_FORMATS = ("%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%Y/%m/%d")


def parse_date(value):
    """Return an ISO ``YYYY-MM-DD`` date for a date-like value, or None.

    Accepts ISO dates and timestamps (``2017-09-21``, ``2017-09-21T10:00:00Z``),
    ``21 September 2017``, ``Sep 21, 2017``, ``2017/09/21`` and date objects.
    Day-first vs month-first numeric dates (``09/10/2017``) are ambiguous and
    are not guessed.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    if not text:
        return None
    iso = text[:-1] + "+00:00" if text.endswith(("Z", "z")) else text
    try:
        return datetime.fromisoformat(iso).date().isoformat()
    except ValueError:
        pass
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}[ T].*", text):
        try:
            return date.fromisoformat(text[:10]).isoformat()
        except ValueError:
            return None
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return None


# ---------------------------------------------------------------- HTML

# Page furniture: never article text.
_SKIP_TAGS = frozenset(
    "script style noscript template svg canvas iframe nav header footer aside form "
    "button select option textarea figure-nav dialog menu".split()
)
# class/id tokens of blocks that are navigation, ads or link lists in news pages
_SKIP_MARKERS = frozenset(
    "advert advertisement ads ad-slot adslot banner promo related related-stories "
    "share sharing social newsletter subscribe cookie cookies comments sidebar "
    "breadcrumb breadcrumbs paywall read-more readmore recommended outbrain taboola".split()
)
_BLOCK_TAGS = frozenset(
    "p div section article main h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote pre "
    "table tr td th caption figcaption br hr address body".split()
)
_VOID_TAGS = frozenset("area base br col embed hr img input link meta source track wbr".split())
_META_KEYS = {
    "og:title": "title",
    "twitter:title": "title",
    "article:published_time": "date",
    "og:published_time": "date",
    "date": "date",
    "pubdate": "date",
    "dc.date": "date",
    "og:url": "url",
    "og:site_name": "outlet",
    "application-name": "outlet",
}


class _ArticleParser(HTMLParser):
    """Collect text blocks, noting which lie inside ``<article>`` / ``<main>``."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []  # (tag, skips) for open non-void elements
        self.skip_depth = 0
        self.blocks = []  # (text, article number or None, inside <main> or <article>)
        self.n_articles = 0
        self.article_ids = {}  # stack depth of an open <article> -> its number
        self.buffer = []
        self.title_parts = []
        self.in_title = False
        self.meta = {}
        self.canonical = None

    # Blocks end wherever a block-level tag opens or closes.
    def _flush(self):
        text = " ".join("".join(self.buffer).split())
        self.buffer = []
        if text:
            tags = [tag for tag, _ in self.stack]
            article = next((self.article_ids[i] for i, t in enumerate(tags) if t == "article"), None)
            self.blocks.append((text, article, "main" in tags or article is not None))

    def handle_starttag(self, tag, attrs):
        attrs = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            self._meta(attrs)
            return
        if tag == "link" and "canonical" in attrs.get("rel", "").lower().split():
            self.canonical = attrs.get("href") or None
            return
        if tag == "title":
            self.in_title = True
        if tag in _BLOCK_TAGS:
            self._flush()
        if tag in _VOID_TAGS:
            return
        skips = tag in _SKIP_TAGS or _is_furniture(attrs)
        if tag == "article":
            self.n_articles += 1
            self.article_ids[len(self.stack)] = self.n_articles
        self.stack.append((tag, skips))
        self.skip_depth += skips

    def handle_startendtag(self, tag, attrs):
        # <br/>, <meta/>: never opens an element
        attrs_d = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            self._meta(attrs_d)
        elif tag in _BLOCK_TAGS:
            self._flush()

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        if tag in _BLOCK_TAGS:
            self._flush()
        # Unclosed inner elements are closed with their parent, as browsers do.
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                for _, skips in self.stack[i:]:
                    self.skip_depth -= skips
                del self.stack[i:]
                break

    def handle_data(self, data):
        if self.in_title:
            self.title_parts.append(data)
        elif not self.skip_depth and not any(tag == "head" for tag, _ in self.stack):
            self.buffer.append(data)

    def close(self):
        super().close()
        self._flush()

    def _meta(self, attrs):
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        field = _META_KEYS.get(key)
        if key == "datepublished":
            field = "date"
        content = attrs.get("content", "").strip()
        if field and content and field not in self.meta:
            self.meta[field] = content


def _is_furniture(attrs):
    if "hidden" in attrs or attrs.get("aria-hidden") == "true":
        return True
    if attrs.get("role") in ("navigation", "banner", "contentinfo", "complementary"):
        return True
    tokens = set(re.split(r"[\s_]+", (attrs.get("class", "") + " " + attrs.get("id", "")).lower()))
    return bool(tokens & _SKIP_MARKERS)


def declared_charset(data):
    """Return the charset an HTML page declares in its first 2 KB, or None."""
    m = re.search(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", data[:2048], re.I)
    return m.group(1).decode("ascii") if m else None


def html_to_text(html):
    """Extract an article's body text and metadata from an HTML page.

    Scripts, styles, navigation, headers, footers, asides, forms and blocks
    marked as ads, share bars or related-story lists are dropped. Text inside
    ``<article>`` is preferred, then ``<main>``, then the whole body.

    Parameters
    ----------
    html : str

    Returns
    -------
    text : str
        One paragraph per line pair (``"\\n\\n"`` between blocks).
    meta : dict
        ``title``, ``date``, ``url``, ``outlet`` when the page gives them
        (``og:title`` before ``<title>``, ``article:published_time``,
        ``og:url`` or the canonical link, ``og:site_name``).
    """
    parser = _ArticleParser()
    parser.feed(html)
    parser.close()
    blocks = parser.blocks
    total = sum(len(b[0]) for b in blocks)
    # The story is the <article> with the most text: pages also wrap teasers
    # of related stories in <article>. A short one is a teaser, not the story.
    sizes = {}
    for text, article, _ in blocks:
        if article is not None:
            sizes[article] = sizes.get(article, 0) + len(text)
    best = max(sizes, key=sizes.get) if sizes else None
    if best is not None and (sizes[best] >= 200 or sizes[best] >= total / 2):
        blocks = [b for b in blocks if b[1] == best]
    else:
        in_main = [b for b in blocks if b[2]]
        if sum(len(b[0]) for b in in_main) >= 200 or (in_main and len(in_main) == len(blocks)):
            blocks = in_main
    text = "\n\n".join(b[0] for b in blocks)
    meta = dict(parser.meta)
    title = " ".join("".join(parser.title_parts).split())
    if title and "title" not in meta:
        meta["title"] = title
    if parser.canonical and "url" not in meta:
        meta["url"] = parser.canonical
    return text, meta


# ---------------------------------------------------------------- Markdown

_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_EMPH = re.compile(r"(\*\*|__|\*|`)(?=\S)(.+?)(?<=\S)\1")
_MD_HEADING = re.compile(r"^#{1,6}\s+", re.M)


def markdown_to_text(text):
    """Strip Markdown markup that would hide words from the extractor.

    Links keep their text, images their alt text, emphasis its words; headings
    lose their ``#``. Returns ``(text, title)`` with the first heading as title.
    """
    heading = re.search(r"^#{1,6}\s+(.+?)\s*#*\s*$", text, re.M)
    text = _MD_IMAGE.sub(r"\1", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_EMPH.sub(r"\2", text)
    text = _MD_HEADING.sub("", text)
    return text, (heading.group(1).strip() if heading else None)


# ---------------------------------------------------------------- records


def iter_json_records(text, *, where):
    """Yield ``(line, record_or_None, reason_or_None)`` for JSON Lines text.

    A blank line is ignored; a line that is not a JSON object is reported with
    the reason and the rest of the file is still read.
    """
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield lineno, None, f"invalid JSON ({exc.msg} at column {exc.colno}); fix or remove the line"
            continue
        if not isinstance(record, dict):
            yield lineno, None, f"a JSON {type(record).__name__}, not an object; write one {{...}} record per line"
            continue
        yield lineno, record, None


def iter_csv_records(text, *, where, text_column):
    """Yield ``(line, record)`` for CSV text; ``line`` is where the record starts.

    Raises
    ------
    InputError
        When the header lacks ``text_column``; the message lists the columns
        that exist and the ``--text-column`` option that picks one.
    """
    # Articles are long; the default 128 KB field limit is not a real limit here.
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = reader.fieldnames or []
    if text_column not in header:
        cols = ", ".join(repr(c) for c in header) or "none (the file is empty)"
        raise InputError(
            f"{where}: no {text_column!r} column (columns: {cols}); "
            f"name the column holding the article text with --text-column COLUMN"
        )
    start = reader.line_num + 1
    for record in reader:
        yield start, record
        start = reader.line_num + 1

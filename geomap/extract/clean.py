"""Page furniture, datelines and sentences.

Web copies of news reports carry lines that are not the report ("FYI.",
"Advertisement", "Read: <another story>", share buttons, photo credits) and
wire copy opens with a dateline ("MOSCOW/WASHINGTON (Reuters) -").  Neither
may become an event place, so :func:`clean_text` separates them from the
body and keeps them as metadata.  Nothing here depends on capital letters:
lowercased, tokenized dataset dumps ("moscow/washington ( reuters ) -") are
cleaned the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .tables import table_prose
from .wordclasses import AFFILIATION, TITLE_ABBREVIATIONS

__all__ = ["CleanText", "Sentence", "clean_text", "split_sentences", "find_dateline"]

_OUTLETS = (
    r"reuters|ap|afp|associated\s+press|agence\s+france[\s-]+presse|al\s+jazeera|bbc|cnn|"
    r"xinhua|anadolu|dpa|upi|efe|ansa|tass|ria(?:\s+novosti)?|interfax|sana|ukrinform|aa"
)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
# "MOSCOW/WASHINGTON (Reuters) -", "BEIRUT, Sept 21 (Reuters) -", "KHARTOUM, Sudan (AP) —",
# "moscow/washington ( reuters ) -"; the place part is letters, spaces, slashes, hyphens, commas.
_DATELINE = re.compile(
    r"^\s*(?P<places>[^\W\d_][\w .'’/-]{1,60}?)"
    r"(?:\s*,\s*(?P<extra>(?:[^\W\d_][\w.'’ -]{1,30}?\s*,\s*)?(?:" + _MONTH + r"\s*\d{1,2}(?:\s*,?\s*\d{4})?|"
    r"[^\W\d_][\w.'’ -]{1,30}?)))?"
    r"\s*\(\s*(?P<outlet>" + _OUTLETS + r")\s*\)\s*(?:[-–—]+|:)\s*",
    re.IGNORECASE,
)
# AP/AFP style without an outlet in brackets: "KYIV, Ukraine — ...", "DEIR EZ-ZOR, Syria - ..." (capitals required here,
# since "kyiv — " alone in lowercase text is too weak a signal).
_DATELINE_CAPS = re.compile(
    r"^\s*(?P<places>[A-Z][A-Z .'’/-]{2,40}?)(?:,\s*(?P<extra>[A-Z][\w .'’-]{1,30}?))?(?:\s*[–—]|\s+--?)\s+")

_FURNITURE = [
    ("fyi", re.compile(r"^fyi\.?$", re.I)),
    ("story age", re.compile(r"^this (?:story|article|post) is (?:over|more than|about)?\s*\d+\s+\w+\s+old\.?$", re.I)),
    # a report's imprint: "Issued by the Office for the Coordination of Humanitarian Affairs, Port Sudan"
    ("imprint", re.compile(r"^(?:issued|published|prepared|produced|compiled) by\b.{0,160}$", re.I)),
    ("advertisement", re.compile(r"^(?:advertisement|advert|ad|sponsored(?: content)?|promoted|story continues below(?: advertisement)?)\.?$", re.I)),
    ("link", re.compile(r"^(?:read|read more|related|see also|also read|more|watch|listen|recommended|more on this story)\s*[:>»-]\s*\S.*$", re.I)),
    ("share", re.compile(r"^(?:share|share this(?: article| story)?|share on \w+|tweet|email|print|copy link|comments?|save|"
                         r"(?:subscribe|sign up|follow us|download our app|get the latest|click here)\b.*)\.?$", re.I)),
    ("photo credit", re.compile(r"^(?:(?:photo|image|picture|file photo|video|photograph)\s*(?:credit)?\s*[:/]|"
                                r"(?:getty images|ap photo|afp photo|reuters/|afp via getty)).*$", re.I)),
    ("photo credit", re.compile(r"^.{0,200}\((?:\s*(?:ap|afp|reuters|getty)\s*(?:photo|images)?\s*/[^)]*)\)\s*$", re.I)),
    ("correction note", re.compile(r"^\(\s*(?:corrects|updates|adds|refiles|recasts|changes)\b.*\)\s*\.?$", re.I)),
    ("byline note", re.compile(r"^\(?\s*(?:reporting by|additional reporting|writing by|editing by|compiled by)\b.*$", re.I)),
    ("copyright", re.compile(r"^(?:©|\(c\)|copyright)\s.*$|^all rights reserved\.?$", re.I)),
    # a web page's text as copied: its navigation ("Home | India | World | ..."), cookie banner,
    # byline and tag lines
    ("navigation", re.compile(r"^(?:skip to (?:main )?content|(?:[^|.!?]{1,40}\|){3,}[^|.!?]{0,40}|"
                              r"by\s[^|.!?]{1,60}\|.*|share on \w+\s*\|.*)$", re.I)),
    ("cookie banner", re.compile(r"^(?:we use cookies|this (?:site|website) uses cookies|by continuing to "
                                 r"(?:browse|use))\b.*$", re.I)),
    ("page label", re.compile(r"^(?:trending|tags|topics|most read|first published(?: on)?|last updated|"
                              r"photo caption|caption)\s*:.*$", re.I)),
    # a PDF's running head or foot: "Page 3 of 9", "Caught Between the Lines | Monitor   Page 3 of 9", "---"
    ("page furniture", re.compile(r"^(?:.{0,120}\s)?page\s+\d{1,4}\s+(?:of|/)\s+\d{1,4}$|^[-_=*]{3,}$", re.I)),
    ("section label", re.compile(r"^(?:news|world|world news|politics|middle east|africa|europe|asia|americas|"
                                 r"opinion|analysis|breaking|breaking news|live|latest|updated?|exclusive|top stories)$", re.I)),
]

_ABBREV = TITLE_ABBREVIATIONS | {
    "u.s", "u.n", "u.k", "e.u",
    "st", "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "vs", "approx", "est", "inc", "co", "corp", "ltd",
    "jr", "sr", "mt", "ft", "e.g", "i.e", "etc", "al", "a.m", "p.m",
}


@dataclass
class Sentence:
    """A sentence of the cleaned body: its text and its offsets in :attr:`CleanText.text`."""

    start: int
    end: int
    text: str


@dataclass
class CleanText:
    """The report without its furniture, and what was taken out.

    Attributes
    ----------
    text : str
        The body (headline included, dateline and furniture removed).
    dateline : str or None
        The dateline's place part as written ("MOSCOW/WASHINGTON").
    dateline_places : tuple of str
        The places of the dateline ("MOSCOW", "WASHINGTON").
    outlet : str or None
        The outlet named in the dateline ("Reuters").
    title : str or None
        The headline when the text starts with one.
    removed : list of (str, str)
        ``(line, reason)`` for every line dropped, so nothing is silently lost.
    links : list of str
        Headlines of other stories ("Read: ..." lines).
    issuer : str or None
        Who issued the text when its title says so ("ROYAL THAI ARMY - PRESS STATEMENT",
        "Statement by the Ministry of Defence"), as written.
    """

    text: str
    dateline: str | None = None
    dateline_places: tuple = ()
    outlet: str | None = None
    title: str | None = None
    removed: list = field(default_factory=list)
    links: list = field(default_factory=list)
    issuer: str | None = None


# a statement's title names its issuer: "ROYAL THAI ARMY - PRESS STATEMENT", "Ministry of Defence:
# Statement No. 12", "Press release by the Sudanese Armed Forces"
_KIND_OF_STATEMENT = (r"(?:(?:official\s+|press\s+|joint\s+|media\s+|military\s+|public\s+)?(?:statement|release|"
                      r"communiqu[eé]|bulletin|announcement|briefing note|fact\s*sheet)"
                      # a general staff's daily report: "... - Operational Update", "Situation Report No. 12"
                      r"|(?:(?:daily|weekly)\s+)?(?:operational|operations|situation|daily|morning|evening)\s+"
                      r"(?:update|report|summary)"
                      r"|sitrep"
                      # a security committee's text messages: "... - Public Alert Service (SMS)"
                      r"|(?:public\s+|security\s+|sms\s+)?(?:alert|alerts|advisory|notice)(?:\s+service)?"
                      # a channel's masthead: "Amhara Fano National Movement - Gojjam Command - Official Media"
                      r"|official\s+(?:media|channel|account|page))")
_STATEMENT_TITLE = re.compile(
    r"^(?P<issuer>[^\W\d_][\w .,'’&()-]{2,80}?)\s*(?:[-–—:|]+)\s*" + _KIND_OF_STATEMENT + r"\b[\w .,'’#/()-]{0,40}$"
    r"|^" + _KIND_OF_STATEMENT + r"\s+(?:no\.?\s*\d+\s+)?(?:by|from|of)\s+(?:the\s+)?"
    r"(?P<issuer2>[^\W\d_][\w .,'’&()-]{2,80}?)\s*[.:]?$",
    re.IGNORECASE,
)


# ("press release no. 027/sed/cab of 9 march 2026": a reference with its office codes and date)
_STATEMENT_ONLY = re.compile(r"^" + _KIND_OF_STATEMENT + r"(?:\s+no\.?\s*\d+(?:[/-][\w-]+)*"
                             r"(?:\s+(?:of|dated)\s+\d{1,2}\s+[^\W\d_]+\s+\d{4})?)?\s*[.:]?$", re.IGNORECASE)
# "Fact sheet: Operation ... in Greater Tripoli": what the text is, then its subject
# a line that does not end as a sentence or a clause does ("BEHIND RUSSIAN LINES", "taiz")
_OPEN_END = re.compile(r"[.!?:;,\"”)\-–—]\s*$")
_STATEMENT_HEAD = re.compile(r"^" + _KIND_OF_STATEMENT + r"\s*[:–—]", re.IGNORECASE)


# "09:12 BST", "12:30 | LEBANON": a live blog's entry stamp, with a rubric
_TIME_STAMP = re.compile(r"(?i)\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[a-z]{2,4}|local time)?"
                         r"(?:\s*[|–—-]\s*[^\W\d_][\w ,'’-]{0,30})?")
# ("1.4 Equatorial Guinea's navy said": a report's numbered section, "2.1.3" too)
_LIST_MARK = re.compile(r"^(?:\(?\d{1,2}[.)]|\(\d{1,2}\)|\d{1,2}(?:\.\d{1,2}){1,2}\.?"
                        r"(?!\s+(?i:gmt|bst|utc|cet|cest|eet|eest|eat|wat|cat|ist|msk|est|edt|pst|pdt|am|pm|a\.m|p\.m|"
                        r"hrs|local|hours)\b)|[•▪·*–-])\s+(?=[^\W\d_])")


def _heading_case(line):
    """A letterhead line in title case: "CONFEDERATION OF SAHEL STATES" -> "Confederation of Sahel States"."""
    return re.sub(r"(?<=\s)(Of|The|And|For)\b", lambda m: m.group(1).lower(), line.title())


def _header_issuer(paras):
    """The issuer of a statement laid out as a letterhead: a short first line, then a line
    that only says what the text is ("DEFENCE HEADQUARTERS" ... "PRESS RELEASE")."""
    # the lines as written, without the " ." that closes a title-case line as a sentence
    paras = [[line[:-2] if line.endswith(" .") else line for line in para] for para in paras[:4]]
    first = paras[0][0] if paras and paras[0] else ""
    motto = _MOTTO.match(first)
    if motto:
        first = motto.group(1)  # "REPUBLIC OF CAMEROON – Peace – Work – Fatherland": the state
    if not first or len(first.split()) > 8 or re.search(r"[.!?,;]$", first) or _STATEMENT_ONLY.match(first):
        return None
    # a letterhead is in capitals (or the whole text was lowercased)
    head_case = first.isupper() or first.islower()
    second = statement_issuer(paras[0][1]) if len(paras[0]) > 1 and head_case else None
    if second:
        # "FEDERAL DEMOCRATIC REPUBLIC OF ETHIOPIA" / "Ministry of Defense - Press Release"
        return f"{second} ({_heading_case(first)})"
    if head_case and len(paras[0]) > 1 and _STATEMENT_ONLY.match(paras[0][1]) and _OFFICE.search(first):
        # "INTER SERVICES PUBLIC RELATIONS (ISPR)" / "DAILY OPERATIONAL SUMMARY No. 19/2026": the
        # office's name right over what the text is
        return first
    for para in paras[1:4]:
        if any(_STATEMENT_ONLY.match(line) or _STATEMENT_HEAD.match(line) for line in para):
            head = paras[0]
            if 3 <= len(head) <= 4 and all(len(x.split()) <= 8 and x.isupper() == first.isupper() for x in head):
                # "STATE OF LIBYA" / "GOVERNMENT OF NATIONAL UNITY" / "MINISTRY OF DEFENCE - MEDIA OFFICE":
                # the last office issues it, for those above it
                above = ", ".join(reversed(head[:-1]))
                return (f"{_heading_case(head[-1])} ({_heading_case(above)})" if first.isupper()
                        else f"{head[-1]} ({above})")
            office = paras[0][1] if len(paras[0]) == 2 and paras[0][1].isupper() == first.isupper() else None
            if office and (len(office.split()) <= 8 or len(office.split()) <= 16 and _OFFICE.search(office)) \
                    and not _STATEMENT_ONLY.match(office):
                # "CONFEDERATION OF SAHEL STATES" / "UNIFIED FORCE - GENERAL STAFF": the office
                # under the state's name issues it
                if first.isupper():
                    return f"{_heading_case(office)} ({_heading_case(first)})"
                return f"{office} ({first})"
            return first
    if head_case and len(paras[0]) > 1 and _REFERENCE.search(paras[0][1]) and _OFFICE.search(first):
        # "INTER SERVICES PUBLIC RELATIONS" / "No PR-247/2025-ISPR   Rawalpindi - 12 October 2025":
        # a press office's letterhead over its reference number
        return first
    return None


# a state's name over its motto, the letterhead of francophone and lusophone governments
_MOTTO = re.compile(r"^(.{3,60}?)(?:\s+[-–—]\s+[^\W\d_]+(?:\s+[^\W\d_]+)?){2,4}\s*$")
# a release's reference number: "No PR-247/2025", "Ref: 12/2024", "PR No. 88"
_REFERENCE = re.compile(r"(?i)^\s*(?:no\.?|ref\.?:?|pr\s+no\.?|press\s+release\s+no\.?)\s*[\w-]*\d+(?:/\d{2,4})?")
# what a press office calls itself
_OFFICE = re.compile(r"(?i)\b(?:public\s+relations|press\s+(?:office|service|centre|center)|media\s+(?:office|centre|center|"
                     r"wing|cell)|information\s+(?:office|department|directorate)|spokesperson'?s?\s+unit|"
                     r"headquarters|ministry|command|directorate)\b")


# a diplomatic letter's title: "Letter dated 12 February 2026 from the Permanent Representative of
# Lebanon to the United Nations addressed to the President of the Security Council"
_LETTER = re.compile(r"(?i)^(?:identical\s+)?letters?\s+dated\s+[\w ,]{4,40}?\s+from\s+(?:the\s+)?"
                     r"(?P<issuer>[^\W\d_][\w .,'’()-]{2,140}?)\s+addressed\s+to\b")
_SYMBOLS = re.compile(r"[^\w\s.,'’&()#/:|–—-]+")  # emoji and pictographs on a masthead


def statement_issuer(line):
    """The issuer a statement's title line names, as written, or None.

    Parameters
    ----------
    line : str
        The first line of a text.

    Returns
    -------
    str or None
    """
    letter = _LETTER.match(line.strip())
    if letter is not None:
        issuer = letter.group("issuer").strip(" ,.-")
        return issuer if len(issuer.split()) <= 14 else None
    m = _STATEMENT_TITLE.match(_SYMBOLS.sub("", line).strip())
    if m is None:
        return None
    issuer = (m.group("issuer") or m.group("issuer2")).strip(" ,.-")
    return issuer if 1 <= len(issuer.split()) <= 8 else None


_GALLERY = re.compile(r"\d{1,2}\s*/\s*\d{1,2}\s+(?=[^\W\d_])")


def find_dateline(text):
    """Return ``(match_end, places, outlet)`` of a leading dateline, or None.

    Parameters
    ----------
    text : str
        A report's body, furniture removed.

    Returns
    -------
    tuple or None
    """
    m = _DATELINE.match(text)
    if m is None:
        m = _DATELINE_CAPS.match(text)
        if m is None:
            return None
        outlet = None
    else:
        outlet = re.sub(r"\s+", " ", m.group("outlet")).strip()
        outlet = outlet.upper() if len(outlet) <= 3 else outlet.title()
    raw = m.group("places").strip()
    if len(raw.split()) > 6:  # a sentence, not a dateline
        return None
    places = tuple(p.strip() for p in re.split(r"\s*/\s*", raw) if p.strip())
    return m.end(), raw, places, outlet


def _is_headline(line, next_blank):
    words = line.split()
    return (2 <= len(words) <= 22 and next_blank and not re.search(r"[.!?:;\"”]\s*$", line))


# a word a PDF or a hard-wrapped page broke at its line's end ("Wa-\nmena", "fight-\ners"); compounds
# keep their hyphen ("Iran-\nbacked", "pro-\ngovernment")
_LINE_HYPHEN = re.compile(r"\b(?P<first>[^\W\d_]+)-[ \t]*\n[ \t]*(?=(?P<next>[a-z]+))")
_COMPOUND_FIRST = frozenset({"pro", "anti", "self", "ex", "non", "co", "cross", "well", "post", "pre", "counter",
                             "semi", "quasi", "multi", "mid", "long", "short", "all", "so", "north", "south", "east",
                             "west", "al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ibn", "bin", "abu"})
_COMPOUND_NEXT = AFFILIATION | {"based", "run", "held", "controlled", "linked", "made", "laden", "born", "style", "term",
                                "range", "scale", "level", "year", "old", "day", "time", "up", "off", "in", "out",
                                "by", "like", "wing", "led"}


def _join_hyphen(m):
    first, nxt = m.group("first"), m.group("next")
    if first.lower() in _COMPOUND_FIRST or nxt in _COMPOUND_NEXT:
        return first + "-"
    return first


def clean_text(text, *, title=None):
    """Separate a report's body from page furniture and its dateline.

    Parameters
    ----------
    text : str
        The raw report, in any case.
    title : str, optional
        The headline when known from metadata; a first line equal to it is kept
        as the headline sentence.

    Returns
    -------
    CleanText
    """
    if not isinstance(text, str):
        raise TypeError(f"clean_text expects str, got {type(text).__name__}")
    text = _LINE_HYPHEN.sub(_join_hyphen, text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = table_prose(text.split("\n"))
    kept, removed, links = [], [], []
    for i, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            kept.append("")
            continue
        reason = next((why for why, rx in _FURNITURE if rx.match(stripped)), None)
        if reason:
            removed.append((stripped, reason))
            if reason == "link":
                links.append(re.sub(r"^[^:>»-]+[:>»-]\s*", "", stripped))
            continue
        # a numbered paragraph ("1. Troops of ...", "2) The army ..."): the number is no sentence
        kept.append(_LIST_MARK.sub("", stripped))
    # paragraphs: a blank line ends one; a line without final punctuation followed by a
    # blank line is a headline-like line and stays its own sentence.
    paras, cur = [], []
    lowered = not any(c.isupper() for c in text)
    for k, line in enumerate(kept):
        if line:
            nxt = kept[k + 1] if k + 1 < len(kept) else ""
            if (lowered and nxt and (k == 0 or not kept[k - 1]) and len(line.split()) <= 5
                    and len(nxt.split()) >= 8 and not _OPEN_END.search(line)
                    and any(c.isalpha() for c in line)):
                # a lowercased section head over its paragraph ("taiz" / "a houthi drone struck ...")
                line += " ."
            # feed-style lines ("Russian army shelled Nikopol, 2 wounded") end a sentence at the line
            # break when the next line opens with a capital; hard-wrapped prose continues in lowercase
            if (nxt and nxt[:1].isupper() and not _OPEN_END.search(line)
                    and len(line.split()) >= 3 and any(c.islower() for c in line)):
                line += " ."
            elif nxt and _TIME_STAMP.fullmatch(line):
                line += " ."  # a live blog's time stamp on its own line ("09:12 BST") opens an entry
            elif (nxt and nxt[:1].isupper() and line.isupper() and len(line.split()) <= 8
                  and not _OPEN_END.search(line) and any(c.isalpha() for c in line)):
                line += " ."  # a section head in capitals over its text ("BEHIND RUSSIAN LINES")
            cur.append(line)
        elif cur:
            paras.append(cur)
            cur = []
    if cur:
        paras.append(cur)
    body_parts, found_title = [], title
    dateline = outlet = None
    issuer = _header_issuer(paras)
    places = ()
    for pi, para in enumerate(paras):
        joined = " ".join(para)
        if pi == 0 and issuer is None:
            # a title line alone, or a masthead over a note ("[unofficial translation of a post]")
            issuer = statement_issuer(joined if len(para) == 1 else para[0])
        # a statement's title or letterhead opens the text, not a dateline
        titled = pi == 0 and issuer is not None
        if not titled and (dateline is None and not body_parts
                           or dateline is None and found_title and len(body_parts) == 1):
            dl = find_dateline(joined)
            if dl is not None:
                end, dateline, places, outlet = dl
                joined = joined[end:]
        gallery = _GALLERY.match(joined) if pi > 0 else None
        if gallery is not None:
            # "3/7 KUPIANSK AREA, Ukraine - Ukrainian artillerymen fire ...": each caption of a
            # gallery opens with its own dateline, which is where the photo was taken
            dl = find_dateline(joined[gallery.end():])
            if dl is not None:
                removed.append((joined[:gallery.end() + dl[0]].strip(), "dateline"))
                joined = joined[gallery.end() + dl[0]:]
        if pi == 0 and found_title is None and len(paras) > 1 and _is_headline(joined, True):
            found_title = joined
        # a headline-like paragraph gets a full stop so that sentence splitting ends it
        if _is_headline(joined, True):
            joined += " ."
        body_parts.append(joined)
    body = "\n\n".join(body_parts)
    low = body.lower()
    if low != body and len(low) == len(body) and not _TITLE_CASE_WORD.search(body):
        # a lowercased dump whose only capitals are labels or acronyms ("ANCHOR: we turn now to
        # afghanistan"): read as lowercase text, where no name is expected to be capitalised
        # (offsets kept: a letter whose lowercase is longer leaves the text as it is)
        body = low
    return CleanText(body, dateline, places, outlet, found_title, removed, links, issuer)


_TITLE_CASE_WORD = re.compile(r"\b[A-Z][a-z]")


_LAST_WORD = re.compile(r"[\w.]+$")
_DATE_ENTRY = re.compile(r"\d{1,2}(?:\s*[–-]\s*\d{1,2})?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
                         r"(?:\s+\d{4})?\s*[:–-]", re.I)
_DOTTED = re.compile(r"(?:^|\W)(?:[a-z]\.){1,}[a-z]$")
_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\n)[^\n]+)*")
# (a wiki's citation marks end the sentence they follow: "... from the west.[5] The ...")
# (... and a report's footnote numbers: "... the Indonesian military (TNI).4 Their families ...")
_SPLIT = re.compile(r"([.!?]+)((?:\[\d{1,3}\])*[\"'”’)\]]*(?:\[\d{1,3}\])*"
                    r"(?:(?:(?<=[^\W\d_][.!?])|(?<=\)[.!?])|(?<=[\"”][.!?]))\d{1,2}(?=\s+[A-Z]))?)(\s+)")


def split_sentences(text):
    """Split cleaned text into :class:`Sentence` objects.

    Robust to abbreviations ("u.s.", "Gen.", "Sept."), tokenized text
    ("... clashes ." on one line per sentence) and lowercase text.

    Parameters
    ----------
    text : str

    Returns
    -------
    list of Sentence
    """
    out = []
    for pm in _PARAGRAPH.finditer(text):
        para, base = pm.group(0), pm.start()
        start = 0
        for m in _SPLIT.finditer(para):
            # only the last word matters, and abbreviations are short
            word = _LAST_WORD.search(para[max(start, m.start() - 40):m.start()])
            w = word.group(0).lower().rstrip(".") if word else ""
            nxt = para[m.end():m.end() + 1]
            if m.group(1) == "." and not m.group(2):
                if w in _ABBREV or (len(w) == 1 and w.isalpha()):
                    # "u.s. and" / "Gen. Smith": an abbreviation, unless the text is cased
                    # and a capitalised word follows a non-title abbreviation at line end
                    continue
                if nxt.isdigit() and not _DATE_ENTRY.match(para, m.end()):
                    continue  # ("... on 5 March. 12 March: ...": a chronology's next entry opens a sentence)
                if nxt.islower() and _DOTTED.search(w):
                    continue  # "the E.L.N. warned": a dotted acronym before a lowercase word
            end = m.end(2)
            seg = para[start:end]
            if seg.strip():
                lead = len(seg) - len(seg.lstrip())
                out.append(Sentence(base + start + lead, base + end, seg.strip()))
            start = m.end()
        seg = para[start:]
        if seg.strip():
            lead = len(seg) - len(seg.lstrip())
            out.append(Sentence(base + start + lead, base + start + lead + len(seg.strip()), seg.strip()))
    return out

"""Which gazetteer matches in a text are place names at all.

The matcher finds every span that spells a gazetteer name; a reader discards
most of them at a glance: "Mobile" the adjective, "Mr. Jackson", "Jackson
said" of a person, "the West Bank of the Euphrates" (a side of a river), or
"Texas Department of Transportation" (an institution, kept with role ``org``).
These filters use general evidence only -- capitalisation in cased text,
titles, reporting verbs, one sense per discourse -- never a list of places.
"""

from __future__ import annotations

import re

from .qualifiers import DIRECTION

__all__ = ["ORG_WORDS", "SAID_AFTER", "SEAT_POPULATION", "abbreviation", "drop_bank_names", "in_org_name", "keep",
           "part_of_longer_name", "person", "pronoun_us", "supported", "surnames"]

_STOP = {"the", "a", "an", "of", "on", "to", "as", "in", "at", "by", "is", "are", "be", "and", "or", "for",
         "from", "with", "soon", "river", "side", "bank", "they", "will", "all", "no", "been", "come", "via",
         "center", "centre", "major", "human", "alliance", "air", "shut", "risen", "free", "said", "united",
         "army", "police", "more", "most", "new", "old", "may", "can", "war", "peace", "union", "about",
         # generic feature nouns: alone they name nothing ("Main Street" is the name, not "Street")
         "street", "road", "route", "avenue", "highway", "school", "park", "square", "lane", "drive",
         "ten", "one", "two", "three", "god"}

_FUNCTION_WORDS = {"the", "a", "an", "in", "on", "at", "to", "of", "for", "by", "with", "as", "it", "its", "this",
                   "that", "these", "those", "there", "here", "their", "our", "his", "her", "some", "all", "no"}


def keep(m, cased, supported):
    if _CONTRACTION.match(m.text) or (" " not in m.key and m.text.lower() in _DATE_WORDS):
        return False  # "I've", "Monday", "August": a pronoun or a date, whatever town shares the name
    if m.common and not ((m.capitalized if cased else True) and m.key in supported):
        return False  # a frequent English word ("Mobile", "Police") needs a reader's evidence
    words = m.text.lower().replace("-", " ").split()
    if len(m.key) == 1:
        return False  # an initial ("E. Smith"), not a place
    if all(w.strip(".'’") in _STOP for w in words):
        return False
    if cased and m.capitalized is False and len(words) == 1 and m.common:
        return False
    if cased and not any(c.isupper() for c in m.text):
        return False  # in cased text names are capitalised: "the villages" is not The Villages, Florida
    if (cased and len(words) > 1 and m.sentence_start and words[0] in _FUNCTION_WORDS
            and not any(c.isupper() for c in m.text[1:])):
        # "The crossing followed ...": the capital belongs to the sentence, not to a
        # name ("The Crossing", Arkansas); a name's other words would be capitalised too
        return False
    return True


def abbreviation(text, m, gazetteer):
    """"HOL could not confirm" (Hiiraan Online), "a FOB near ...": in cased running text a short
    all-capital word is an abbreviation, a place only when the place is written so ("UAE", "DRC")."""
    t = m.text
    if not (2 <= len(t) <= 4 and t.isalpha() and t.isupper()):
        return False
    around = text[max(0, m.start - 40):m.start] + text[m.end:m.end + 40]
    if sum(c.islower() for c in around) < 10:
        return False  # a headline in capitals: "ISRAEL HITS GAZA"
    return not any(t == p.name or t in p.aliases for p in (gazetteer.get(i) for i in m.place_ids[:8]))


_SUPPORT_BEFORE = re.compile(r"\b(?:in|near|outside|from|off|(?:town|village|city|port|district|camp)\s+of|"
                             # "20 NM south-west of Brass": an offset is from a place
                             + DIRECTION + r"\s+of)\s+$")
_SUPPORT_AFTER = re.compile(r",\s+[A-Z]")
_TITLE_BEFORE = re.compile(
    r"\b(?:mr|mrs|ms|dr|sen|rep|gov|lt|sgt|capt|gen|col|maj|cpl|pvt|president|judge|coach|officer|"
    r"detective|deputy|sheriff|mayor|senator|minister|professor|prof|rev|father|sister|"
    # "Hezbollah leader Hassan Nasrallah", "army spokesman Nabil ...": an office right before a name
    r"leader|commander|spokesman|spokeswoman|spokesperson|envoy|ambassador|premier|general|sheikh|"
    r"shaikh|emir|imam|cleric|warlord|king|prince|governor|mayor)\.?\s+$", re.I)
SAID_AFTER = re.compile(r"\s+(?:said|says|told|added|explained|noted|recalled)\b")
SEAT_POPULATION = 500_000  # cities that size host governments and agencies, which speak ("Kyiv said")
_ORG_HEADS = {"department", "dept", "police", "sheriff", "sheriff's", "university", "college", "council",
              "commission", "committee", "court", "agency", "authority", "bureau", "company", "corporation",
              "association", "foundation", "institute", "mayor", "governor", "coroner", "legislature", "senate",
              "ministry", "municipality", "prosecutor", "prosecutors", "officials",
              # an outlet named after its town: "told Garowe Online", "Hiiraan Online reported"
              "online"}
# capitalised, these also belong to an institution's name ("Idlib Central School", "Atlanta Journal")
ORG_WORDS = {"mayor", "governor", "coroner", "attorney", "secretary", "festival", "community", "center",
              "centre", "government", "public", "medical", "law", "service", "services", "system", "systems",
              "educators", "education", "shopping", "democratic", "democrats", "republican", "republicans",
              "house", "olympic", "olympics", "liberation", "hall", "stadium", "commonwealth's",
              "department", "dept", "police", "sheriff", "sheriff's", "university", "college", "school", "schools",
              "board", "council", "commission", "committee", "court", "office", "agency", "authority", "bureau",
              "company", "corporation", "corp", "inc", "association", "society", "foundation", "institute",
              "church", "times", "post", "herald", "tribune", "news", "journal", "gazette", "chronicle",
              "club", "party", "chamber", "district's", "legislature", "assembly", "senate", "patrol",
              "guard", "fire", "library", "museum", "bank", "federation", "union", "league", "team"}
_FACILITIES = {"post", "posts", "station", "stations", "camp", "camps", "base", "bases", "checkpoint", "checkpoints",
               "barracks", "outpost", "outposts", "garrison", "compound", "headquarters", "academy"}
_ORG_TAIL = re.compile(r"(?:[ \t]+(?:of|and|for|&|the)?[ \t]*[^\W\d_][\w'’.-]*){1,4}")


_CONTRACTION = re.compile(r"(?i)^(?:i|we|you|they|he|she|it|that|there)['’](?:ve|re|d|ll|m|s)$")
_DATE_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
               "february", "march", "april", "june", "july", "august", "september", "october", "november",
               "december"}
_FIRST_NAME = re.compile(r"\b([A-Z][a-z]+|[A-Z]\.)\s+$")
_NOT_FIRST = {"The", "In", "At", "Of", "On", "And", "But", "For", "From", "To", "By", "With", "Near", "North",
              "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central", "Upper", "Lower",
              "New", "Old", "Fort", "Port", "Mount", "Lake", "Saint", "San", "Santa", "El", "Al", "La", "Le", "Los",
              "Las", "Greater", "Downtown", "Metro", "When", "While", "If", "As", "After", "Before", "Since"}


def surnames(text, raw, gazetteer):
    """One-word names that follow a first name somewhere in the text ("Anna Moore") are a
    person's surname in every mention ("Moore said") -- one sense per discourse."""
    out, ends = set(), {m.end for m in raw}
    for m in raw:
        if " " in m.key or m.key in out or not m.capitalized:
            continue
        fm = _FIRST_NAME.search(text[max(0, m.start - 20):m.start])
        if (fm and fm.group(1) not in _NOT_FIRST and fm.group(1) not in _PLACE_WORDS
                and fm.group(1) not in _WEEKDAYS
                and not fm.group(1).endswith(("an", "ese", "ish"))  # "Syrian Raqqa": a demonym
                # "Taking Sittwe means ...", "Shelled Kherson": a verb opening the sentence
                and not (fm.group(1).endswith(("ing", "ed")) and len(fm.group(1)) > 5)
                and text[m.end:m.end + 1] not in (",",)  # "Fort Moore, Ga."
                and m.start - len(fm.group(0)) + len(fm.group(1)) not in ends  # "Cairo Egypt": two places
                and all(gazetteer.get(i).kind in ("city", "town", "village") for i in m.place_ids)):
            out.add(m.key)
    return out


def supported(text, m, areas):
    """A capitalised name is a place when a reader would say so: "in Mobile", "Mobile, Ala."
    -- not at the start of a sentence, where every word has a capital."""
    if m.sentence_start:
        return False
    after = _SUPPORT_AFTER.match(text, m.end)
    return bool(_SUPPORT_BEFORE.search(text[max(0, m.start - 16):m.start].lower())
                or (after and after.end() - 1 in areas))


def person(text, m):
    """"Mr. Jones", "Sen. Lincoln": a title makes a one-word name a person's."""
    return " " not in m.key and bool(_TITLE_BEFORE.search(text[max(0, m.start - 14):m.start]))


# verbs and prepositions after which "us" is the pronoun whatever follows ("told us on Monday")
_US_GOVERNORS = {"told", "tell", "tells", "telling", "asked", "ask", "asks", "let", "lets", "join", "joins",
                 "joined", "showed", "show", "shows", "gave", "give", "gives", "sent", "warned", "called",
                 "helped", "help", "helps", "among", "like", "hit", "hitting", "for", "of"}
_US_PRONOUN = re.compile(r"(?i)^us\b")
_NEXT_WORD = re.compile(r"\s*([^\W\d_]+|[^\w\s]|$)")


def pronoun_us(text, m):
    """Lower-case "us" in uncased text: the pronoun ("he told us that", "join us now") unless
    read as the country ("the us military", "us-backed", "clashed with us forces").

    Capitals decide in cased text; this only looks at the words around "us"."""
    if m.text != "us" or text[m.end:m.end + 1] == "-":
        return False
    before = text[max(0, m.start - 16):m.start].split()
    prev = before[-1].lower().strip(",;:\"'()") if before else ""
    if prev == "the" or not prev or not prev.isalpha():
        return False  # "the us", or opening a sentence or a clause: "us troops", "( us forces )"
    if prev in _US_GOVERNORS:
        return True
    nxt = _NEXT_WORD.match(text, m.end).group(1).lower()
    # a content word after it makes it a modifier ("with us forces"); a function word,
    # punctuation or the end leaves the pronoun ("attacked us and", "for us.")
    return not nxt.isalpha() or nxt in _FUNCTION_WORDS or nxt in _STOP or nxt in _AFTER_OBJECT


_AFTER_OBJECT = {"that", "when", "after", "before", "because", "if", "so", "but", "again", "too", "now",
                 "yesterday", "today", "tonight", "last", "over", "how", "what", "why", "where", "who"}


def in_org_name(text, m, cased):
    """"Texas Department of Transportation", "Kharkiv police": the place opens an institution's
    name. A lower-case next word must be one that only heads an institution; a capitalised
    name runs on over its capitalised words ("Laurel County Adult Education Center")."""
    tail = _ORG_TAIL.match(text, m.end)
    if not tail:
        return False
    words = tail.group(0).split()
    if len(words) >= 2 and words[0].lower() in ("police", "army", "military", "gendarmerie") and \
            words[1].lower().rstrip(".,") in _FACILITIES:
        return False  # "the Lafey police post", "the Kohat army camp": where the post stands
    if not (cased and words[0][0].isupper()):
        # the next word in any case ("Kharkiv police"), only when it can only head an
        # institution: "an Idlib school" is where a strike landed
        return any(w.lower().rstrip(".,") in _ORG_HEADS for w in words[:2])  # "sumy regional council"
    out = []
    for w in words:
        if w.lower() in ("of", "and", "for", "&", "the"):
            continue
        if not w[0].isupper():
            break
        out.append(w)
    return any(w.lower().rstrip(".,") in ORG_WORDS or w.lower().rstrip(".,") in _ORG_HEADS for w in out)


_NAME_TAIL = re.compile(r"^[ \t]+(?:[A-Z][a-z]+)")
_PLACE_WORDS = {"City", "Province", "Governorate", "Oblast", "Region", "District", "Strip", "River", "Dam",
                "Airport", "International", "Airbase", "Air", "Base", "Valley", "Mountains", "Hills", "Lake",
                "Sea", "Bay", "Gulf", "Border", "Crossing", "Bridge", "Port", "Square", "Street", "Road",
                "Highway", "University", "Hospital", "State", "County", "Countryside", "Plain", "Desert",
                "Island", "Islands", "Peninsula", "Canal", "Corridor", "Front", "Municipality", "Camp"}
_WEEKDAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
             "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"}


_ARTICLE_NAME = re.compile(r"(?:al|el|ad|ar|as|ash|at|az|an|adh)-[A-Z]")
# a capitalised word (not a sentence's first) right before: "Souq al-Juma", not "... . al-Juma"
_CAP_BEFORE = re.compile(r"(?<![.!?:]\s)(?<!^)\b(?!(?:The|In|At|On|Of|And|From|To|Near|By)\b)[A-Z][a-z]+\s+$")


def part_of_longer_name(text, m):
    """"Nur" in "Nur Shams refugee camp": a capitalised word follows, so the name is longer
    than the gazetteer's (cased text only; place-type words and dates may follow a name)."""
    if not m.capitalized:
        # "the Souq al-Juma district": an Arabic article's name after a capitalised word that is part of it
        return bool(_ARTICLE_NAME.match(m.text)) and bool(_CAP_BEFORE.search(text, max(0, m.start - 20), m.start))
    nxt = _NAME_TAIL.match(text[m.end:m.end + 30])
    if not nxt:
        return False
    word = nxt.group(0).strip()
    if word in ("Police", "Army", "Military", "Gendarmerie"):
        # "the Lafey Police Station": a post named after where it stands
        after = _NAME_TAIL.match(text[m.end + len(nxt.group(0)):m.end + len(nxt.group(0)) + 20])
        return not (after and after.group(0).strip().lower() in _FACILITIES)
    return word not in _PLACE_WORDS and word not in _WEEKDAYS


_BANK_NAME = re.compile(
    r"^(?:the\s+)?(?:(?:north|south|east|west)(?:ern)?|left|right)[\s-]+(?:river\s*)?(?:bank|side|shore)s?$")
_OF_RIVER = re.compile(r"^\s+of\s+(?:the\s+)?(?:river\s+)?$")


def drop_bank_names(raw, text, gazetteer):
    """"the west bank of the Euphrates" is a side of the river, not the West Bank: a place
    named like a river bank is dropped when "of" and a river follow it."""
    out = []
    river_end = None  # where the last river named ends
    lower = None
    for k, m in enumerate(raw):
        nxt = raw[k + 1] if k + 1 < len(raw) else None
        if (nxt is not None and _BANK_NAME.match(m.text.lower()) and _OF_RIVER.match(text[m.end:nxt.start].lower())
                and any(gazetteer.get(i).kind == "river" for i in nxt.place_ids)):
            continue
        if river_end is not None and m.start - river_end < 600 and _BANK_NAME.match(m.text.lower()):
            lower = text.lower() if lower is None else lower
            if ((lower[max(0, m.start - 4):m.start] == "the " or m.text.lower().startswith("the "))
                    and "israel" not in lower and "palestin" not in lower):
                continue  # "boats crossing from the west bank" after the White Nile: the river's side
        if any(i.startswith("river:") for i in m.place_ids):
            river_end = m.end
        out.append(m)
    return out

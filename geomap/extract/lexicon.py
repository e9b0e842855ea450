"""Actors, actions and sides: the extractor's vocabulary, loaded from CSV.

Adding an actor or a verb is a CSV edit in ``data/``, never a code change.

``data/actors.csv`` columns
    name
        Canonical actor name written into the events (``Syrian Democratic Forces``).
    aliases
        ``|``-separated names, abbreviations, demonyms and metonyms, matched
        case-insensitively on whole tokens ("u.s." also matches "US" and
        "us-backed"; "russia's" also matches the tokenized "russia s").
        ``=US`` matches only when written in capitals in cased text (so the
        pronoun "us" or the verb "is" never becomes an actor, nor the name
        "Nas" the NAS); in a lowercased text an acronym still matches ("crpf",
        "nas"), but never the English words of ``tokens.CASE_SENSITIVE``.  ``alias@SY``
        applies only when the article is about that country (ISO code): "government
        troops" are Syrian in a report about Syria and Sudanese in one about Sudan.
    side
        Key into ``data/sides.csv`` (colour on the map).
    type
        ``state_forces``, ``non_state_armed_group``, ``government_body``,
        ``civilians``, ``international_organisation`` or ``monitor``.
    country
        ISO 3166-1 alpha-2 of the actor's state, or empty.

``data/actions.csv`` columns
    category
        One of the DESIGN.md action categories (``attack``, ``advance`` ...).
    verbs
        ``|``-separated base forms; multi-word verbs inflect their first word
        ("close in on" gives "closing in on"); ``*`` stands for one object
        token ("break * out" matches "break them out").
    nouns
        ``|``-separated nouns (plurals are added).
    cameo, plover
        CAMEO code and PLOVER event type for interoperability with event data.
    icon
        Font Awesome icon name for the map.
    kinetic
        ``yes`` when the action happens on the ground and may be located by the
        sentence or the article's area; statements (accuse, threaten ...) are only
        located by a place in their own clause.
    movement
        ``yes`` for movements (advance, withdraw, cross ...) that take
        ``from the south`` approach qualifiers and origin/destination places.
    agentless
        ``yes`` for actions reports often state without naming who acted
        ("two civilians were killed in shelling", "the town was captured"):
        such a sentence gives an event with no actor (``actor`` null) rather
        than none; ``noun`` allows it for the nouns only ("heavy clashes in
        Zawiya", but not the passive "were engaged in"). Optional; ``no`` when absent.
    future
        The stance of the action told in the future tense ("will strike", "would be
        sent to"): ``threatened`` for hostile acts, ``planned`` for deployments,
        withdrawals, aid and talks. Optional; ``threatened`` when absent.

``data/sides.csv`` columns: ``side, label, colour``.
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import LexiconError
from .tokens import CASE_SENSITIVE, tokenize

__all__ = ["Actor", "ActionForm", "Lexicon", "inflect"]

ACTION_CATEGORIES = (
    "attack", "clash", "advance", "capture", "withdraw", "deploy", "cross", "surround",
    "rescue", "threaten", "accuse", "deny", "meet", "support", "control",
)

# English irregular verbs used by conflict reporting (general grammar, not per-article tuning)
_IRREGULAR = {
    "strike": ("struck", "struck"), "hit": ("hit", "hit"), "shoot": ("shot", "shot"),
    "take": ("took", "taken"), "retake": ("retook", "retaken"), "fight": ("fought", "fought"),
    "hold": ("held", "held"), "break": ("broke", "broken"), "meet": ("met", "met"),
    "come": ("came", "come"), "overrun": ("overran", "overrun"), "withdraw": ("withdrew", "withdrawn"),
    "drive": ("drove", "driven"), "make": ("made", "made"), "begin": ("began", "begun"),
    "lead": ("led", "led"), "fall": ("fell", "fallen"), "dig": ("dug", "dug"),
    "build": ("built", "built"), "send": ("sent", "sent"), "cut": ("cut", "cut"),
    "flee": ("fled", "fled"), "win": ("won", "won"), "lay": ("laid", "laid"), "set": ("set", "set"),
    "put": ("put", "put"), "blow": ("blew", "blown"), "undertake": ("undertook", "undertaken"),
    "overtake": ("overtook", "overtaken"), "shut": ("shut", "shut"), "bring": ("brought", "brought"),
    "beat": ("beat", "beaten"), "run": ("ran", "run"), "give": ("gave", "given"), "say": ("said", "said"),
    "tell": ("told", "told"), "deny": ("denied", "denied"), "keep": ("kept", "kept"),
    "slay": ("slew", "slain"), "mistake": ("mistook", "mistaken"), "seek": ("sought", "sought"),
    "fly": ("flew", "flown"),
}
# British variants beside the regular form ("houses were burnt", "the crops spoilt")
_VARIANT_PAST = {"burn": "burnt", "spoil": "spoilt", "spill": "spilt"}
# "hit", "cut", "set": the past participle is the base form ("was hit")
SAME_PARTICIPLE = frozenset(b for b, (_, pp) in _IRREGULAR.items() if pp == b)
_DOUBLE = {"stop", "trap", "drop", "plan", "step", "grab", "rob", "ship", "ban", "bar", "jam", "pin", "slip",
           "strap", "shut", "cut", "put", "set", "run", "win", "dig", "hit", "quit", "spot", "tap",
           # stressed final syllables: "repelled", "controlled", "conferred", "gunned down"
           "repel", "compel", "propel", "expel", "patrol", "control", "admit", "commit", "submit", "omit",
           "permit", "occur", "refer", "prefer", "transfer", "confer", "deter", "plot", "slam", "stab",
           "drag", "tag", "strip", "nab", "man", "gun", "ram", "kidnap", "rebel", "regret", "equip"}


# irregular only in a verb's multi-word forms: alone, "left" is a direction or "left 12 dead", but
# "left their base" is a withdrawal
_IRREGULAR_IN_PHRASES = {"leave": ("left", "left")}


def inflect(base, *, phrase=False):
    """All forms of an English verb: ``{form: tag}`` with tags base, s, past, pp, ing (``phrase``:
    the head of a multi-word form, see :data:`_IRREGULAR_IN_PHRASES`)."""
    if phrase and base in _IRREGULAR_IN_PHRASES:
        past, pp = _IRREGULAR_IN_PHRASES[base]
        return {**{f: t for f, t in inflect(base).items() if t not in ("past", "pp")}, past: "past"}
    forms = {base: "base"}
    if base.endswith(("s", "sh", "ch", "x", "z")):
        forms[base + "es"] = "s"
    elif base.endswith("y") and base[-2:-1] not in "aeiou":
        forms[base[:-1] + "ies"] = "s"
    else:
        forms[base + "s"] = "s"
    if base in _IRREGULAR:
        past, pp = _IRREGULAR[base]
        forms.setdefault(past, "past")
        forms.setdefault(pp, "pp")
    elif base.endswith("e"):
        forms[base + "d"] = "past"
    elif base.endswith("y") and base[-2:-1] not in "aeiou":
        forms[base[:-1] + "ied"] = "past"
    elif base in _DOUBLE:
        forms[base + base[-1] + "ed"] = "past"
    else:
        forms[base + "ed"] = "past"
    if base in _VARIANT_PAST:
        forms.setdefault(_VARIANT_PAST[base], "past")
    if base.endswith("ie"):
        forms[base[:-2] + "ying"] = "ing"
    elif base.endswith("e") and not base.endswith(("ee", "ye", "oe")):
        forms[base[:-1] + "ing"] = "ing"
    elif base in _DOUBLE:
        forms[base + base[-1] + "ing"] = "ing"
    else:
        forms[base + "ing"] = "ing"
    return forms


def _plural(noun):
    if noun.endswith(("s", "sh", "ch", "x", "z")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


@dataclass(frozen=True)
class Actor:
    """An actor of the lexicon."""

    name: str
    side: str = "unknown"
    type: str = ""
    country: str | None = None


@dataclass(frozen=True)
class ActionForm:
    """One surface form of an action: ``pos`` is verb or noun, ``tag`` the verb form."""

    category: str
    pos: str
    tag: str
    n: int
    gap: int = -1   # index of the ``*`` object slot, -1 when none


@dataclass
class Lexicon:
    """Actors, actions and sides, with token-tuple indexes for fast lookup."""

    actors: dict = field(default_factory=dict)          # name -> Actor
    aliases: dict = field(default_factory=dict)         # token tuple -> [(name, context or None)]
    actions: dict = field(default_factory=dict)         # category -> row dict
    forms: dict = field(default_factory=dict)           # token tuple (gap as "*") -> [ActionForm]
    sides: dict = field(default_factory=dict)           # side -> (label, colour)
    max_alias: int = 1
    max_form: int = 1
    alias_prefixes: set = field(default_factory=set)   # every proper prefix of an alias key
    form_prefixes: set = field(default_factory=set)
    gap_heads: set = field(default_factory=set)        # first words of forms with a ``*`` object slot
    alias_first: set = field(default_factory=set)      # first words of aliases: most tokens start none
    caps_only: set = field(default_factory=set)        # "=CRPF" keys: written in capitals, when the text has any
    form_first: set = field(default_factory=set)       # first words of action forms
    state_demonyms: dict = field(default_factory=dict)  # "nigerian" -> the one state force it names

    @classmethod
    @functools.lru_cache(maxsize=4)
    def default(cls, data=None):
        """The lexicon of ``data/`` (or ``GEOMAP_DATA``), loaded once and cached."""
        from .._paths import data_dir

        folder = Path(data) if data else _lexicon_dir(data_dir)
        return cls.from_files(folder / "actors.csv", folder / "actions.csv", folder / "sides.csv",
                              demonyms=folder / "demonyms.csv")

    @classmethod
    def from_files(cls, actors, actions, sides, *, demonyms=None):
        """Load the three CSV files; errors name the file, line and column.

        With ``demonyms`` (a ``form,place`` CSV such as ``data/demonyms.csv``), a
        country's state forces are also named by its demonym and a military noun
        ("Nigerian jets", "Malian drones") when actors.csv does not name them so.
        """
        lex = cls()
        for line, row in _rows(sides, ("side", "label", "colour")):
            lex.sides[row["side"].strip()] = (row["label"].strip(), row["colour"].strip())
        for line, row in _rows(actors, ("name", "aliases", "side", "type", "country")):
            name = row["name"].strip()
            if not name:
                raise LexiconError(f"{actors}:{line}: column name: empty; give the canonical actor name")
            side = (row.get("side") or "unknown").strip() or "unknown"
            if lex.sides and side not in lex.sides:
                raise LexiconError(f"{actors}:{line}: column side: {side!r} is not in {sides}; add it there or fix the name")
            lex.actors[name] = Actor(name, side, (row.get("type") or "").strip(), (row.get("country") or "").strip() or None)
            for alias in [name] + [a for a in (row.get("aliases") or "").split("|")]:
                alias = alias.strip()
                if alias:
                    lex._add_alias(alias, name)
        if demonyms is not None and Path(demonyms).exists():
            lex._add_military_forms(demonyms)
        for line, row in _rows(actions, ("category", "verbs", "nouns", "cameo", "plover")):
            cat = row["category"].strip()
            if cat not in ACTION_CATEGORIES:
                raise LexiconError(f"{actions}:{line}: column category: {cat!r} is not one of {', '.join(ACTION_CATEGORIES)}")
            lex.actions[cat] = {k: (v or "").strip() for k, v in row.items() if k}
            for verb in filter(None, (v.strip() for v in (row.get("verbs") or "").split("|"))):
                words = verb.split()
                for form, tag in inflect(words[0], phrase=len(words) > 1).items():
                    lex._add_form(" ".join([form] + words[1:]), ActionForm(cat, "verb", tag, 0))
            for noun in filter(None, (v.strip() for v in (row.get("nouns") or "").split("|"))):
                lex._add_form(noun, ActionForm(cat, "noun", "sg", 0))
                words = noun.split()
                lex._add_form(" ".join(words[:-1] + [_plural(words[-1])]), ActionForm(cat, "noun", "pl", 0))
        return lex

    def _add_alias(self, alias, name):
        context = None
        if "@" in alias:
            alias, context = alias.rsplit("@", 1)
            context = context.strip().upper()
        if alias.startswith("="):
            word = alias[1:].lower()
            if word == "us":
                key = ("u.s.",)
            elif word in CASE_SENSITIVE:
                key = ("^" + word,)  # the tokenizer marks these words in capitals ("US", "IS")
            else:
                # "=NAS", "=CRPF": a name's acronym that is also a word or a name ("Nas"); its
                # capitals are checked where actors are found (a lowercased text has none to check)
                key = (word,)
                self.caps_only.add(key)
        else:
            key = tuple(t.key for t in tokenize(alias) if t.word)
        if key:
            self.aliases.setdefault(key, []).append((name, context))
            self.alias_first.add(key[0])
            self.max_alias = max(self.max_alias, len(key))
            for n in range(1, len(key)):
                self.alias_prefixes.add(key[:n])

    def _add_military_forms(self, path):
        """"<demonym> <military noun>" for the one state force of each country that has one (the
        one actors.csv already names "<demonym> troops" or "... forces" when there are several)."""
        forms = {}
        for _, row in _rows(path, ("form", "place")):
            place = row["place"].strip()
            if place.startswith("country:"):
                forms.setdefault(place[8:].upper(), []).append(row["form"].strip())
        by_country = {}
        for actor in self.actors.values():
            if actor.type == "state_forces" and actor.country:
                by_country.setdefault(actor.country, []).append(actor.name)
        for cc, names in by_country.items():
            adjectives = forms.get(cc, ())
            if len(names) > 1:
                names = [n for n in names if any(
                    (n, None) in self.aliases.get(self._key(f"{a} {h}"), ()) for a in adjectives
                    for h in ("troops", "forces"))]
            if len(names) != 1:
                continue
            for adjective in adjectives:
                key = self._key(adjective)
                if len(key) == 1:
                    self.state_demonyms.setdefault(key[0], names[0])
                for head in _MILITARY_HEADS:
                    if self._key(f"{adjective} {head}") not in self.aliases:
                        self._add_alias(f"{adjective} {head}", names[0])

    @staticmethod
    def _key(alias):
        return tuple(t.key for t in tokenize(alias) if t.word)

    def _add_form(self, text, form):
        key = tuple("*" if w == "*" else w for w in (t.key if t.word else "*" for t in tokenize(text)) )
        gap = key.index("*") if "*" in key else -1
        if gap > 0:
            self.gap_heads.add(key[0])
        form = ActionForm(form.category, form.pos, form.tag, len(key), gap)
        bucket = self.forms.setdefault(key, [])
        self.form_first.add(key[0])
        if form not in bucket:
            bucket.append(form)
        self.max_form = max(self.max_form, len(key))
        for n in range(1, len(key)):
            self.form_prefixes.add(key[:n])

    def actor(self, name):
        """The :class:`Actor` called ``name`` (an unknown name gives side ``unknown``)."""
        return self.actors.get(name) or Actor(name)

    def has_forces(self, name):
        """Whether ``name`` commands forces of its own: state forces, or a government body that
        actors.csv also names as forces ("taliban forces" is the Taliban government's).

        Returns
        -------
        bool
        """
        if self.actor(name).type == "state_forces":
            return True
        armed = self.__dict__.get("_armed_bodies")
        if armed is None:
            heads = {"forces", "troops", "soldiers", "army", "military"}
            armed = self.__dict__["_armed_bodies"] = {
                n for key, hits in self.aliases.items() if key[-1] in heads for n, _ in hits
                if self.actor(n).type == "government_body"}
        return name in armed

    def side_label(self, name):
        """Side key of an actor name, ``unknown`` when not known."""
        return self.actor(name).side if name else "unknown"

    def action_info(self, category, column, default=""):
        """A column of ``data/actions.csv`` for a category (``kinetic``, ``cameo`` ...)."""
        return self.actions.get(category, {}).get(column, default) or default

    def alias_spans(self, text, *, min_tokens=2, tokens=None):
        """Character spans of actor names of at least ``min_tokens`` words in ``text``.

        Place names inside them ("Sudan" in "Sudan Doctors Network", "Rapid" in
        "Rapid Support Forces") are part of an actor's name, not places.
        """
        toks = [t for t in (tokenize(text) if tokens is None else tokens) if t.word]
        spans = []
        first = self.alias_first
        i, n = 0, len(toks)
        while i < n:
            if toks[i].key not in first:
                i += 1
                continue
            best = 0
            key = ()
            for L in range(1, min(self.max_alias, n - i) + 1):
                key = key + (toks[i + L - 1].key,)
                if key in self.aliases:
                    best = L
                if key not in self.alias_prefixes:
                    break
            if best >= min_tokens:
                spans.append((toks[i].start, toks[i + best - 1].end))
                i += best
            else:
                i += 1
        return spans

    def lookup_actor(self, key, country=None):
        """Canonical actor for an alias token tuple, honouring ``@country`` aliases."""
        hits = self.aliases.get(key)
        if not hits:
            return None
        # one pass on this hot path: a country's own alias wins, else the first plain one
        plain, shared = None, False
        for name, ctx in hits:
            if ctx is None:
                shared = plain is not None
                plain = plain or name
            elif country and ctx == country:
                return name
        if shared and country:
            # an acronym two rows share ("SNA": Syria's or Somalia's): the one of the story's country
            return next((name for name, ctx in hits if ctx is None and self.actors[name].country == country), plain)
        return plain


# what a state's forces are called after its demonym ("Nigerian jets", "Chadian troops")
_MILITARY_HEADS = ("forces", "troops", "soldiers", "army", "military", "armed forces", "jets", "warplanes",
                   "aircraft", "air force", "drones", "navy", "artillery", "tanks", "helicopters", "gunships",
                   "special forces", "units", "marines", "commandos", "warships", "gunboats", "artillerymen",
                   "gunners", "paratroopers", "servicemen", "snipers", "sappers", "infantry", "drone operators",
                   "drone units", "pilots")


def _lexicon_dir(data_dir):
    try:
        return data_dir()
    except Exception:  # the gazetteer may be missing while the lexicon is there
        return Path(__file__).resolve().parents[2] / "data"


def _rows(path, required):
    path = Path(path)
    if not path.exists():
        raise LexiconError(f"{path}: file not found; restore it from the repository's data/ folder")
    with open(path, newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in required if c not in (reader.fieldnames or [])]
        if missing:
            raise LexiconError(f"{path}:1: missing column(s) {', '.join(missing)}; the header must include {', '.join(required)}")
        for n, row in enumerate(reader, start=2):
            if None in row:
                raise LexiconError(f"{path}:{n}: too many fields; quote values that contain commas")
            yield n, row

"""The closed word classes of English that every clause rule shares.

Prepositions, auxiliaries, determiners, adverbs, modal verbs and the verb
classes that frame a clause (reporting, denying, warning, accusing, planning,
threatening), the head nouns of armed groups and the words that may open a
clause before its subject.  They are grammar, not vocabulary of the conflicts
reported (that is CSV in ``data/``): :mod:`.clauses`, :mod:`.triggers`,
:mod:`.attribution`, :mod:`.modality`, :mod:`.coref`, :mod:`.participants` and
:mod:`.linking` read them; this module imports nothing.
"""

PREPS = {"of", "with", "by", "for", "against", "on", "at", "from", "to", "alongside", "between", "among",
         "via", "including", "like", "than", "under", "into", "toward", "towards", "over", "about", "behind", "near", "upon", "across", "beside", "besides", "amid", "despite", "without",
         "within", "through", "around", "throughout", "following", "told", "telling", "tell", "representative",
         "and"}
AFFILIATION = {"backed", "supported", "led", "allied", "sponsored", "funded", "armed", "aligned", "affiliated",
               "linked", "held", "controlled", "run", "dominated", "trained"}
AUX = {"was", "were", "been", "being", "is", "are", "be", "am", "'s", "get", "got", "gets", "getting"}
HAVE = {"has", "have", "had", "having"}
ADVERBS = {"also", "again", "twice", "reportedly", "allegedly", "repeatedly", "heavily", "later", "then", "now",
           "already", "still", "just", "recently", "earlier", "once", "finally", "successfully", "quickly",
           "immediately", "further", "newly", "apparently", "swiftly", "partially", "fully", "largely",
           "thrice", "briefly", "jointly", "reportedly", "not", "never", "n't", "no", "longer", "soon", "yet",
           "even", "only", "continued", "all", "both", "firmly", "strongly", "categorically", "flatly",
           "vehemently", "formally", "officially", "publicly"}
MODAL_THREAT = {"will", "would", "'ll", "shall", "wo"}
MODAL_POSSIBLE = {"could", "might", "may", "can", "should", "must"}
THREAT_TO = {"threaten", "threatens", "threatened", "threatening", "threat", "threats", "vow", "vows", "vowed", "vowing", "pledge",
             "pledged", "pledges", "promise", "promised", "promises", "going", "prepared", "ready"}
PLAN_TO = {"plan", "plans", "planned", "planning", "intend", "intends", "intended", "aim", "aims", "aimed",
           "preparing", "prepare", "prepares", "seek", "seeks", "sought", "want", "wants", "wanted", "hope",
           "hopes", "hoped", "expected", "set",
           # "the government has decided to deploy two wings", "parliament voted to send troops"
           "decide", "decides", "decided", "agree", "agrees", "agreed", "approve", "approves", "approved", "vote",
           "votes", "voted", "resolved"}
ASSERT_TO = {"began", "begin", "begins", "started", "start", "starts", "continued", "continue", "continues",
             "tried", "try", "tries", "attempted", "attempt", "attempts", "forced", "managed", "able", "moved",
             "ordered", "resumed", "went", "used", "helped", "kept", "sent", "rushed", "deployed",
             # the progressive: "are trying to infiltrate", "is attempting to storm"
             "trying", "attempting", "beginning", "starting", "continuing", "resuming", "managing",
             # a failed attempt happened: "failed to take the town" (read as an advance on it)
             "failed", "fail", "fails", "failing", "bid", "effort", "efforts", "struggled", "struggling"}
NEGATION = {"not", "n't", "never", "no", "neither", "nor", "without"}
PREVENT = {"avoid", "avoiding", "prevent", "preventing", "prevented", "avert", "averting", "averted", "deter",
           "deterring", "against", "any", "further", "possible", "potential", "future", "such", "no",
           "deconfliction", "risk", "risks", "fear", "fears", "feared", "unintended", "accidental",
           "preempt", "stop", "stopping", "curb"}
DETERMINERS = {"a", "an", "the", "this", "that", "these", "those", "its", "their", "his", "her", "our", "my",
               "any", "no", "such", "every", "each", "another", "other", "some", "several", "many", "new",
               "fresh", "first", "second", "latest", "recent", "two", "three", "rare", "unusual", "fierce",
               "heavy", "major", "massive", "large", "renewed", "successful", "rival",
               # modifiers of attack nouns: "a ground assault", "a joint night raid"
               "ground", "aerial", "naval", "joint", "surprise", "coordinated", "overnight", "night", "dawn",
               "failed", "full", "scale", "limited", "brief", "unprovoked", "deadly", "brutal", "complex",
               "suicide", "retaliatory", "precise", "targeted", "cross-border", "border", "simultaneous",
               "sustained", "intense", "small", "unsuccessful", "counter", "preemptive", "pre-emptive"}
LIGHT = {"launch", "launched", "launches", "launching", "carry", "carried", "carries", "carrying", "conduct",
         "conducted", "conducts", "conducting", "mount", "mounted", "mounts", "mounting", "stage", "staged",
         "stages", "staging", "initiate", "initiated", "initiates", "initiating", "unleash", "unleashed",
         "intensify", "intensified", "intensifying", "resume", "resumed", "hold", "held", "holds", "holding",
         "have", "had", "has", "extend", "extended", "extends", "extending", "impose", "imposed", "imposes", "imposing", "make", "made", "begin", "began", "begun", "start", "started", "step", "stepped",
         "wage", "waged", "waging", "lead", "led", "leads", "leading", "undertake", "undertook", "undertaken",
         "perform", "performed", "order", "ordered", "face", "faces", "faced", "facing", "provide", "provided",
         "providing", "with", "send", "sent", "sends", "sending", "establish", "established", "establishing",
         "gain", "gained", "secure", "secured", "dispatch", "dispatched", "rush", "rushed",
         "press", "pressed", "presses", "pressing", "renew", "renewed", "renews", "renewing",
         "tighten", "tightened", "tightens", "tightening", "impose", "imposed", "imposes", "imposing",
         "maintain", "maintained", "maintains", "maintaining", "escalate", "escalated", "escalates",
         "escalating", "expand", "expanded", "expands", "expanding",
         # "completed the liberation of X", "complete their withdrawal"
         "complete", "completed", "completes", "completing",
         # "resorted to unprovoked firing"
         "resort", "resorted", "resorts", "resorting"}
# the verb of telling someone: its object is the one told ("told us", "told AFP")
TELL = frozenset({"told", "tell", "tells", "telling"})
OBJECT_PRONOUNS = frozenset({"us", "me", "him", "her", "them"})
SPEECH = {"said", "says", "say", "saying", "told", "tell", "tells", "telling", "reported", "reports", "report",
          "reporting", "claimed", "claims", "claim", "claiming", "stated", "states", "announced", "announces",
          "announcing", "added", "adding", "confirmed", "confirms", "revealed", "reveals", "disclosed",
          "discloses", "alleged", "alleges", "insisted", "insists", "explained", "noted", "wrote", "posted",
          "acknowledged", "admitted", "asserted", "quoted", "informs", "informed", "notified", "notifies", "declared", "declares",
          "indicated", "indicates", "stressed", "specified", "affirmed", "affirms", "reaffirmed", "reaffirms",
          "emphasised", "emphasized", "emphasises", "emphasizes", "stresses",
          # participles that go on with what the subject said: "..., affirming that its fighters had ..."
          "affirming", "asserting", "stating", "declaring", "insisting", "stressing", "confirming",
          # condemning an attack tells of it: "Britain condemned an RSF drone strike on El Fasher"
          "condemned", "condemns", "condemning", "denounced", "denounces", "deplored", "deplores"}
# verbs of seeing: "witnesses saw RSF convoys entering Kutum" (the seen act, the seer's account)
PERCEIVE = {"saw", "seen", "see", "sees", "seeing", "watched", "watching", "spotted", "filmed", "heard",
            "observed", "witnessed", "photographed"}
DENY = {"denied", "denies", "deny", "denying", "rejected", "rejects", "dismissed", "dismisses", "refuted"}
WARN = {"warned", "warns", "warn", "warning", "threatened", "threatens", "threaten", "threatening"}
# office-holders who speak and travel for a state or group ("Israel's defence minister", "the UN envoy")
OFFICE_HOLDERS = frozenset({"minister", "president", "governor", "spokesman", "spokeswoman", "spokesperson", "commander",
                            "envoy", "ambassador", "mayor", "leader", "representative"})
ACCUSE = {"accused", "accuses", "accuse", "accusing", "blamed", "blames", "blame", "blaming"}
BOUNDARY_WORDS = {"while", "whereas", "after", "before", "when", "where", "because", "but", "if", "although",
                  "though", "since", "until", "which", "who", "whom", "whose", "unless", "amid", "so"}
# head nouns that extend an actor name ("JNIM fighters", "RSF drones") or, after a possessive
# pronoun, refer back to one ("its troops")
HEADS = {"fighters", "militants", "troops", "forces", "soldiers", "units", "gunmen", "members", "jets",
         "warplanes", "aircraft", "drones", "militia", "militias", "men", "army", "artillery", "tanks",
         "paramilitaries", "commandos", "marines", "positions", "columns", "convoys", "combatants",
         # one machine of a side: "an Indian quadcopter", "a Russian drone"
         "drone", "quadcopter", "quadcopters", "helicopter", "helicopters", "warplane", "jet", "gunboat",
         "gunboats"}
# words that may stand before a subject at the start of its clause ("Meanwhile, troops ...",
# "dozens of ...", "said gunmen ...")
OPENERS = {"as", "that", "and", "or", "then", "also", "both", "meanwhile", "however", "but", "while", "after",
           "before", "when", "where", "because", "since", "although", "though", "whereas", "if", "until", "so",
           "some", "about", "several", "dozens", "hundreds", "many", "least", "more", "than", "two", "three",
           "four", "five", "six", "seven", "eight", "nine", "ten", "now", "later", "earlier", "yesterday",
           "today", "once", "thus", "instead", "only", "all", "other", "said", "says", "suspected", "alleged"}

# titles written with a period ("Brig. Gen.", "Lt. Col.", "Dr."): no sentence ends there, and the
# period stands inside a source's name
TITLE_ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "gen", "col", "lt", "maj", "sgt", "capt", "cpt", "cpl",
                                 "pvt", "rep", "sen", "gov", "prof", "brig", "adm", "cmdr", "supt", "insp", "hon",
                                 "amb"})
# the kind of a munition, written before its noun: "a roadside bomb hit ...", "an improvised explosive
# device struck ...", "a ballistic missile landed ..."
MUNITION_KINDS = frozenset({"roadside", "car", "suicide", "truck", "barrel", "cluster", "aerial", "guided", "unguided",
                            "glide", "parcel", "pipe", "nail", "petrol", "incendiary", "artillery", "mortar", "tank",
                            "anti-tank", "explosive", "improvised", "homemade", "makeshift", "buried", "ballistic",
                            "cruise", "loitering"})
# quotation marks that open or close a quotation
DOUBLE_QUOTES = frozenset('"“”')

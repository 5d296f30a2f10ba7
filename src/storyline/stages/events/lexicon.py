"""What words code which PLOVER event: the verb lexicon, support verbs and event nouns.

Reads: ``resources/events/verbs.json`` (built by :mod:`storyline.stages.events.train` from the PETRARCH-2 CAMEO verb
dictionary and the CAMEO -> PLOVER table) and the hand-written tables below, which hold PLOVER's own
lines where the CAMEO dictionary draws them differently. Writes nothing.

Hand tables win over the dictionary: they are few, reviewed, and follow the PLOVER codebook
(``PLOVER_structured_codebook_updated.csv``): signing an agreement is SUPPORT, promising to sign is
AGREE; a phone call is CONSULT with mode phone; economic sanctions are SANCTION; condemning is ACCUSE.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

from spacy.tokens import Token

#: (PLOVER type, mode) of a coded trigger.
Code = tuple[str, str | None]

#: Verbs whose PLOVER type the hand table fixes (lemma -> type, mode). None: never an event alone.
VERBS: Mapping[str, Code | None] = {
    # statements and cognition: no PLOVER event of their own
    **dict.fromkeys(
        [
            "say",
            "tell",
            "add",
            "note",
            "state",
            "explain",
            "believe",
            "think",
            "know",
            "see",
            "expect",
            "hope",
            "wish",
            "want",
            "decide",
            "plan",
            "try",
            "seek",
            "announce",
            "report",
            "claim",
            "insist",
            "describe",
            "recall",
            "mention",
            "write",
            "post",
            "tweet",
            "argue",
            "suggest",
            "indicate",
            "confirm",
            "reiterate",
            "reaffirm",
            "repeat",
            "express",
            "stress",
            "emphasize",
            "underscore",
            "consider",
            "understand",
            "need",
            "remain",
            "continue",
            "begin",
            "start",
            "become",
            "include",
            "make",
            "take",
            "get",
            "give",
            "go",
            "come",
            "use",
            "keep",
            "put",
            "set",
            "work",
            "act",
            "face",
            "address",
            "join",
            "receive",
            "serve",
            "lead",
            "hold",
            "run",
            "show",
            "speak",
            "echo",
            "opine",
            "feel",
            "understand",
            "explain",
            "submit",
            "hear",
            "pass",
            "control",
            "sell",
            "buy",
            "invest",
            "pay",
            "tease",
            "expand",
            "authorize",
            "disagree",
            "elect",
            "appoint",
            "create",
            "develop",
            "perform",
            "find",
            "spend",
            "spread",
            "respond",
            "reply",
            "answer",
        ],
        None,
    ),
    # AGREE: intent, promise, agreement to do something
    **dict.fromkeys(
        ["agree", "promise", "pledge", "vow", "swear", "commit", "undertake"], ("AGREE", None)
    ),
    # CONSULT
    **dict.fromkeys(["meet", "discuss", "negotiate", "consult", "confer"], ("CONSULT", None)),
    **dict.fromkeys(["visit", "tour"], ("CONSULT", "visit")),
    **dict.fromkeys(["phone", "telephone"], ("CONSULT", "phone")),
    "host": ("CONSULT", "visit"),
    "talk": ("CONSULT", None),
    "summon": ("ACCUSE", "allege"),  # summoning an envoy is an official complaint (CAMEO 114)
    **dict.fromkeys(["challenge"], ("ACCUSE", "disapprove")),
    **dict.fromkeys(["pressure", "pressurize"], ("REQUEST", None)),
    "cancel": ("REJECT", None),
    "allow": ("RETREAT", "access"),
    "rule": ("SANCTION", "convict"),  # by a court only: classifier.no_political_act
    "leave": ("RETREAT", "withdraw"),
    "return": ("RETREAT", "return"),
    "train": ("COOPERATE", None),
    "contribute": None,
    # "the most affected by the outbreak", "improving school facilities", "meaning that": no
    # event of their own (improving relations is, by the hand patterns)
    "affect": None,
    # "conducted" codes what it conducts (an event noun: the support-verb rule), nothing alone
    "conduct": None,
    # "contains an abundance of fish", "clarified its position": no event
    "contain": None,
    "clarify": None,
    # "women struggle to get jobs", "filling this void", "cannot be allowed to engage in
    # politics", "revealing the plan": no event of their own
    "struggle": None,
    "fill": None,
    "engage": None,
    "predict": None,
    "reveal": None,
    "communicate": None,
    "improve": None,
    "mean": None,
    "look": None,
    "counter": None,
    # Verbs whose dictionary default codes an event the verb alone does not make: "has determined
    # that" (AGREE), "failed to address" (REJECT), "founded a newspaper" (COOPERATE), "died in the
    # attack" (ASSAULT, with the victims as source), "benefiting from", "directed VOA to"
    # (COOPERATE), "postpone the order" (REJECT), "abide by" and "resolving problems" (CONCEDE).
    **dict.fromkeys(
        [
            "determine",
            "fail",
            "found",
            "die",
            "benefit",
            "direct",
            "postpone",
            "abide",
            "resolve",
            "persuade",
            "attend",
        ],
        None,
    ),
    # SUPPORT
    **dict.fromkeys(
        [
            "support",
            "back",
            "endorse",
            "praise",
            "welcome",
            "hail",
            "commend",
            "applaud",
            "thank",
            "congratulate",
            "laud",
            "appreciate",
            "recognise",
            "recognize",
            "apologize",
            "apologise",
            "forgive",
            "defend",
            "sign",
            "ratify",
            "sponsor",
            "co-sponsor",
            "cosponsor",
            "uphold",  # a court upholding a ruling or an act backs it
        ],
        ("SUPPORT", None),
    ),
    # COOPERATE
    **dict.fromkeys(["cooperate", "collaborate", "coordinate"], ("COOPERATE", None)),
    # AID
    **dict.fromkeys(
        ["aid", "assist", "help", "donate", "supply", "deliver", "evacuate", "rescue"],
        ("AID", None),
    ),
    # RETREAT / CONCEDE
    **dict.fromkeys(["release", "free"], ("RETREAT", "release")),
    **dict.fromkeys(["withdraw", "retreat", "pull"], ("RETREAT", "withdraw")),
    **dict.fromkeys(["surrender", "disarm"], ("RETREAT", "disarm")),
    "resign": ("RETREAT", "resign"),
    **dict.fromkeys(["pardon", "concede", "yield", "relent", "acquit"], ("CONCEDE", None)),
    # REQUEST
    **dict.fromkeys(
        ["ask", "urge", "demand", "request", "appeal", "press", "implore", "plead", "instruct"],
        ("REQUEST", None),
    ),
    # ACCUSE
    **dict.fromkeys(
        [
            "accuse",
            "condemn",
            "criticize",
            "criticise",
            "denounce",
            "deplore",
            "blame",
            "slam",
            "decry",
            "censure",
            "rebuke",
            "sue",
            "allege",
        ],
        ("ACCUSE", "disapprove"),
    ),
    **dict.fromkeys(["investigate", "probe"], ("ACCUSE", "investigate")),
    "convict": ("ACCUSE", "allege"),  # finding guilty is CAMEO 116, ACCUSE in the 2021 table
    # REJECT
    **dict.fromkeys(
        [
            "reject",
            "refuse",
            "deny",
            "veto",
            "decline",
            "dismiss",
            "rebuff",
            "rebut",
            "oppose",
            "spurn",
        ],
        ("REJECT", None),
    ),
    # THREATEN
    **dict.fromkeys(["threaten", "warn"], ("THREATEN", None)),
    # PROTEST
    **dict.fromkeys(
        ["protest", "demonstrate", "march", "riot", "picket", "rally"], ("PROTEST", None)
    ),
    **dict.fromkeys(["fund", "finance", "allocate", "disburse"], ("AID", None)),
    "strike": None,  # a labour strike or an air strike: decided by its object (the classifier)
    "lift": ("RETREAT", None),
    "ease": ("RETREAT", None),
    "revoke": ("RETREAT", None),
    "boycott": ("PROTEST", "boycott"),
    # MOBILIZE
    **dict.fromkeys(["mobilize", "mobilise", "deploy"], ("MOBILIZE", None)),
    # SANCTION
    **dict.fromkeys(["sanction", "sever", "expel", "fine", "penalize"], ("SANCTION", None)),
    # COERCE
    **dict.fromkeys(
        ["arrest", "detain", "jail", "imprison", "indict", "prosecute", "charge"],
        ("COERCE", "arrest"),
    ),
    **dict.fromkeys(["deport", "extradite"], ("COERCE", "deport")),
    **dict.fromkeys(["seize", "confiscate", "occupy", "annex"], ("COERCE", "seize")),
    **dict.fromkeys(["ban", "censor", "block", "restrict"], ("COERCE", "restrict")),
    # ASSAULT
    **dict.fromkeys(
        [
            "attack",
            "invade",
            "kill",
            "bomb",
            "shell",
            "shoot",
            "capture",
            "overrun",
            "recapture",
            "assassinate",
            "ambush",
            "raid",
            "storm",
            "besiege",
            "massacre",
            "wound",
            "injure",
            "behead",
            "execute",
            "torture",
        ],
        ("ASSAULT", None),
    ),
    **dict.fromkeys(["abduct", "kidnap", "hijack"], ("ASSAULT", "abduct")),
}

#: Event nouns whose "of" phrase names who does them: "the withdrawal of U.S. troops" (RETREAT).
DOER_OF_NOUNS = frozenset({"withdrawal", "drawdown", "pullout"})
#: Event nouns (lemma -> type, mode): "the phone call with", "the deliveries of weapons".
NOUNS: Mapping[str, Code] = {
    "mobilization": ("MOBILIZE", None),
    **dict.fromkeys(["concession", "concessions"], ("CONCEDE", None)),
    **dict.fromkeys(["cooperation", "coordination", "collaboration"], ("COOPERATE", None)),
    "veto": ("REJECT", None),
    **dict.fromkeys(["call", "conversation", "phone-call"], ("CONSULT", "phone")),
    **dict.fromkeys(
        ["talk", "talks", "meeting", "summit", "negotiation", "negotiations", "consultation"],
        ("CONSULT", None),
    ),
    "visit": ("CONSULT", "visit"),
    **dict.fromkeys(
        ["delivery", "deliveries", "shipment", "aid", "assistance", "donation", "distribution"],
        ("AID", None),
    ),
    **dict.fromkeys(
        [
            "attack",
            "invasion",
            "airstrike",
            "air-strike",
            "bombing",
            "offensive",
            "assault",
            "shelling",
            "raid",
        ],
        ("ASSAULT", None),
    ),
    # tariffs and boycotts are economic penalties (the article gold's SANCTION)
    **dict.fromkeys(
        ["sanction", "sanctions", "embargo", "tariff", "tariffs", "boycott"], ("SANCTION", None)
    ),
    **dict.fromkeys(
        [
            "protest",
            "protests",
            "demonstration",
            "rally",
            "sit-in",
            "march",
            "walkout",
            "walkouts",
            "walk-off",
            "walk-offs",
        ],
        ("PROTEST", None),
    ),
    "arrest": ("COERCE", "arrest"),
    **dict.fromkeys(
        ["condemnation", "criticism", "insult", "insults", "barbs", "jabs"],
        ("ACCUSE", "disapprove"),
    ),
    **dict.fromkeys(
        [
            "appreciation",
            "gratitude",
            "thanks",
            "congratulations",
            "condolences",
            "praise",
            "support",
            "backing",
            "endorsement",
        ],
        ("SUPPORT", None),
    ),
    "threat": ("THREATEN", None),
    "ultimatum": ("THREATEN", None),
    "warning": ("THREATEN", None),
    "rejection": ("REJECT", None),
    **dict.fromkeys(["investigation", "probe", "inquiry"], ("ACCUSE", "investigate")),
    **dict.fromkeys(["strike", "strikes", "airstrikes"], ("ASSAULT", None)),
    **dict.fromkeys(["appeal", "demand", "request"], ("REQUEST", None)),
    **dict.fromkeys(["complaint", "lawsuit", "suit", "accusation"], ("ACCUSE", "allege")),
    "agreement": ("SUPPORT", None),  # signing an agreement is SUPPORT in PLOVER
    **dict.fromkeys(["deal", "accord", "treaty", "pact", "memorandum"], ("SUPPORT", None)),
    "warrant": ("COERCE", "arrest"),
    "release": ("RETREAT", "release"),
    "cessation": ("RETREAT", "ceasefire"),
    "discussions": ("CONSULT", None),
    "discussion": ("CONSULT", None),
    # military exercises of one side are moves of force; joint ones cooperate (QUALIFIED_NOUNS)
    **dict.fromkeys(
        ["exercises", "drill", "drills", "manoeuvres", "maneuvers"], ("MOBILIZE", "troops")
    ),
    # a meal or trip with or of a named party is a meeting: "had lunch with", "his trip to Beijing"
    **dict.fromkeys(["lunch", "luncheon", "dinner", "breakfast"], ("CONSULT", None)),
    "trip": ("CONSULT", "visit"),
    "suspension": ("SANCTION", "discontinue"),
    **dict.fromkeys(sorted(DOER_OF_NOUNS), ("RETREAT", "withdraw")),
    "deployment": ("MOBILIZE", "troops"),
    "commitment": ("SUPPORT", None),
    "charges": ("ACCUSE", "allege"),
    "ceasefire": ("RETREAT", "ceasefire"),
    "cease-fire": ("RETREAT", "ceasefire"),
    "truce": ("RETREAT", "ceasefire"),
    "opposition": ("REJECT", None),
    **dict.fromkeys(
        [
            "killing",
            "killings",
            "assassination",
            "massacre",
            "ambush",
            "abduction",
            "kidnapping",
            "hijacking",
            "bombardment",
            "hostage-taking",
            "siege",
            "incursion",
        ],
        ("ASSAULT", None),
    ),
    "detention": ("COERCE", "arrest"),
    "crackdown": ("COERCE", None),
    "deportation": ("COERCE", "deport"),
    "seizure": ("COERCE", "seize"),
    "confiscation": ("COERCE", "seize"),
    "curfew": ("COERCE", "curfew"),
    "censorship": ("COERCE", "restrict"),
    **dict.fromkeys(["allegation", "allegations", "indictment"], ("ACCUSE", "allege")),
    **dict.fromkeys(["denial", "refusal"], ("REJECT", None)),
    "expulsion": ("SANCTION", "expel"),
    "violence": ("ASSAULT", None),
    # one state's restrictions on another's trade or firms are economic penalties
    **dict.fromkeys(["restriction", "restrictions"], ("SANCTION", None)),
}
#: Military exercises by their kind: joint ones cooperate, one side's are moves of force.
DRILL_KINDS: Mapping[str, Code] = {
    **dict.fromkeys(
        ["joint", "combined", "bilateral", "trilateral", "multinational"], ("COOPERATE", None)
    ),
    **dict.fromkeys(
        ["military", "naval", "navy", "air", "army", "war", "live-fire", "combat"],
        ("MOBILIZE", "troops"),
    ),
}
#: Nouns whose code depends on the word in front of them: "a military operation" attacks, "a
#: joint operation" cooperates, "a rescue operation" aids; a bare "operation" codes nothing (a
#: bare noun of NOUNS codes as there: "support").
QUALIFIED_NOUNS: Mapping[str, Mapping[str, Code]] = {
    "operation": {
        **dict.fromkeys(
            [
                "military",
                "security",
                "counterterrorism",
                "counter-terrorism",
                "clearance",
                "ground",
                "combat",
                "counterinsurgency",
                "anti-terror",
            ],
            ("ASSAULT", None),
        ),
        **dict.fromkeys(["joint", "combined"], ("COOPERATE", None)),
        **dict.fromkeys(["rescue", "relief", "humanitarian", "evacuation"], ("AID", None)),
    },
    **{noun: DRILL_KINDS for noun in ("exercise", "drill", "manoeuvre", "maneuver")},
    # tests of arms are moves of force: "missile tests", "a nuclear test"
    "test": dict.fromkeys(
        ["missile", "nuclear", "weapon", "weapons", "rocket", "ballistic"], ("MOBILIZE", "weapons")
    ),
    # penalties told as measures: "China's punitive measures against Australia"
    "measure": dict.fromkeys(
        ["punitive", "retaliatory", "coercive", "economic", "trade"], ("SANCTION", None)
    ),
    # material support is aid: "gives military support"
    "support": dict.fromkeys(
        ["military", "financial", "economic", "material", "logistical", "humanitarian"],
        ("AID", None),
    ),
}
#: Nouns whose code changes with the preposition after them: "a call for talks" is a demand.
PREPOSED_NOUNS: Mapping[tuple[str, str], Code] = {("call", "for"): ("REQUEST", None)}
#: Nouns of handing over that are aid when their "of" phrase names material help (an
#: :data:`AID_OBJECTS` word): "North Korea's transfer of arms and munitions to Russia"; "the
#: transfer of power" codes nothing.
HANDOVER_NOUNS = frozenset(["transfer", "transfers", "provision", "supply", "supplies"])

#: Nouns that make an event only as the object of a support verb, not on their own (too vague).
SUPPORT_ONLY_NOUNS = frozenset(
    [
        "appreciation",
        "gratitude",
        "thanks",
        "congratulations",
        "condolences",
        "praise",
        "support",
        "backing",
        "endorsement",
        "threat",
        "appeal",
        "demand",
        "request",
        "complaint",
        "lawsuit",
        "suit",
        "accusation",
        "agreement",
        "ceasefire",
        "cease-fire",
        "truce",
        "opposition",
        "condemnation",
        "criticism",
        "insult",
        "insults",
        "barbs",
        "jabs",
        "deal",
        "accord",
        "treaty",
        "pact",
        "memorandum",
        "warrant",
        "charges",
        "rejection",
        "investigation",
        "probe",
        "inquiry",
        "strike",
        "strikes",
        "ultimatum",
        "warning",
        "release",
        "cessation",
        "commitment",
        "exercise",
        "exercises",
        "drill",
        "drills",
        "manoeuvres",
        "maneuvers",
        "suspension",
        "deployment",
    ]
)

#: Nouns of :data:`SUPPORT_ONLY_NOUNS` that tell an event of their own where a phrase on them
#: names its parties, with the code they then take and the prepositions (or "'s", a possessor
#: named as an actor) that name a party: "the tentative agreement between Verizon and the
#: unions" (agreeing), "a lawsuit against Mr. Obama", "the committee's investigation".
STANDING_NOUNS: Mapping[str, tuple[Code, frozenset[str]]] = {
    **dict.fromkeys(
        ["agreement", "deal", "accord", "pact", "treaty"],
        (("AGREE", None), frozenset({"between", "with"})),
    ),
    **dict.fromkeys(
        ["lawsuit", "suit", "complaint"], (("ACCUSE", "allege"), frozenset({"against", "by", "'s"}))
    ),
    **dict.fromkeys(
        ["investigation", "probe", "inquiry"],
        (("ACCUSE", "investigate"), frozenset({"by", "'s"})),
    ),
}

#: Light verbs whose object noun carries the event: "held talks", "offered his appreciation".
SUPPORT_VERBS = frozenset(
    [
        "attend",
        "raise",
        "double",
        "hike",
        "increase",
        "join",
        "continue",
        "organize",
        "organise",
        "step",
        "intensify",
        "escalate",
        "resume",
        "hold",
        "have",
        "conduct",
        "offer",
        "express",
        "extend",
        "convey",
        "voice",
        "give",
        "make",
        "place",
        "pay",
        "launch",
        "carry",
        "stage",
        "mount",
        "impose",
        "slap",
        "levy",
        "provide",
        "send",
        "lodge",
        "file",
        "issue",
        "hurl",
        "lob",
        "trade",
        "exchange",
        "reach",
        "declare",
        "announce",
        "sign",
        "agree",
        "promise",
        "pledge",
        "reaffirm",
        "reiterate",
        "order",
        "begin",
        "start",
        "open",
    ]
)

#: Verbs of giving whose object, when it is material, makes the event AID: "gives medical equipment".
GIVING_VERBS = frozenset(
    ["give", "provide", "send", "deliver", "donate", "supply", "hand", "ship", "distribute"]
)
AID_OBJECTS = frozenset(
    [
        "equipment",
        "aid",
        "supplies",
        "food",
        "medicine",
        "medicines",
        "weapons",
        "arms",
        "ammunition",
        "assistance",
        "funds",
        "money",
        "grant",
        "loan",
        "vaccines",
        "vaccine",
        "doses",
        "tents",
        "shelter",
        "materials",
        "relief",
        "resources",
        "support",
        "expertise",
        "troops",
        "munitions",
        "weaponry",
        "shells",
        "missiles",
        "rockets",
        "drones",
        "artillery",
        "tanks",
    ]
)
#: Verbs of sending goods: what they send to a state or group is material help whatever it is
#: ("shipped at least 10,000 containers to Russia").
SHIPPING_VERBS = frozenset(["ship", "supply"])
#: Reporting verbs whose complement with "must"/"should" is a demand: "Russia says Israel must end".
DEMAND_MODALS = frozenset(["must", "should"])

#: Support verbs that make "strike" a labour strike (PROTEST) rather than an air strike.
STRIKE_PROTEST_VERBS = frozenset(
    ["hold", "stage", "go", "call", "begin", "start", "end", "continue", "organize", "organise"]
)

#: A verb whose object names an event's content: "voted for a resolution demanding ...".
RESOLUTION_NOUNS = frozenset(
    ["resolution", "motion", "statement", "declaration", "draft", "text", "bill"]
)

#: Codes that depend on who acts: an investigation by the authorities (police, prosecutors,
#: courts, government, intelligence, military) is coercion, as the article gold codes it ("an
#: investigation or probe by police/FBI/prosecutors is COERCE"); by anyone else an accusation.
BY_AUTHORITY: Mapping[Code, Code] = {("ACCUSE", "investigate"): ("COERCE", None)}
AUTHORITY_SECTORS = frozenset({"GOV", "COP", "JUD", "SPY", "MIL"})
#: Verbs of force that, done by a legislator or a party's candidate or official, are words: "Trump
#: had personally attacked his wife", "Warren hammered the bank's chief" (an accusation).
WORDS_OF_FORCE = frozenset({"attack", "hit", "blast", "hammer", "slam", "lash", "rip", "bash"})
TALKING_SECTORS = frozenset({"PTY", "LEG"})
#: Verbs that code an event only when a court does them: "the appeals court ruled Friday against
#: Ohio's procedure" is a judgement against Ohio (as the article gold codes it); "Assad has ruled
#: Syria since 2000" is none.
COURT_VERBS = frozenset({"rule"})
COURT_SECTORS = frozenset({"JUD"})
#: Verbs of a body's decision whose infinitive is the act decided: "voted to impose sanctions".
DECIDING_VERBS = frozenset({"vote"})

#: A verb and object whose code is not the noun's: blocking a sale or a deal, or banning
#: exports or a supply, is an economic penalty (SANCTION); revoking someone's house arrest or
#: bail is coercion; using a veto rejects.
#: (Reaching an agreement stays SUPPORT, as PLOVER codes it: coded AGREE it cost the PLV held-out
#: sentences and gained nothing on the held-out articles.)
SUPPORT_VERB_CODES: Mapping[tuple[str, str], Code] = {
    **{(v, "veto"): ("REJECT", None) for v in ("use", "cast", "exercise", "wield")},
    **{("seek", n): ("REQUEST", None) for n in ("aid", "assistance", "help", "support")},
    **{
        ("block", n): ("SANCTION", None)
        for n in ("sale", "deal", "export", "exports", "import", "imports", "purchase", "trade")
    },
    # a ban on goods crossing a border; a ban on "the trade" is a domestic rule as often
    **{
        (v, n): ("SANCTION", None)
        for v in ("ban", "halt", "suspend", "restrict", "curb")
        for n in ("export", "exports", "import", "imports", "supply", "shipment", "shipments")
    },
    **{("revoke", n): ("COERCE", None) for n in ("arrest", "bail", "release", "visa", "license")},
    # an honour bestowed is praise, not a consultation ("conferred its highest honor on Modi")
    **{
        (v, n): ("SUPPORT", None)
        for v in ("confer", "bestow", "award", "present")
        for n in ("honor", "honour", "award", "medal", "prize", "decoration", "title")
    },
}

#: Verbs coded by a word of their object or prepositional phrase, an idiom of the law: "invoked
#: his Fifth Amendment rights" (a refusal to answer), "hold Pagliano in contempt", "voted for
#: contempt" (a charge).
PHRASE_CODES: tuple[tuple[frozenset[str], frozenset[str], Code], ...] = (
    (frozenset({"invoke", "assert", "plead", "take", "cite"}), frozenset({"amendment"}),
     ("REJECT", None)),
    (frozenset({"hold", "find", "vote"}), frozenset({"contempt"}), ("ACCUSE", "allege")),
)  # fmt: skip

#: Verbs that code their event only with a direct object: "returned the seized ship" is RETREAT,
#: "returned to prison" or "returned home" is no event.
OBJECT_VERBS = frozenset(["return"])
#: Bodies whose name in front of an event noun says who did it: "police killings", "army
#: shelling".
FORCE_BODIES = frozenset({"police", "army", "military", "troops", "government"})

#: Named-entity labels that can stand for an actor when the actors stage has no mention there.
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
#: Common nouns that name an actor by role, used when no named actor is there.
# fmt: off
ACTOR_NOUNS = frozenset(
    [
        "activist", "activists", "administration", "agency", "aircraft", "alliance", "ambassador",
        "army", "artillery", "artists", "assailant", "assailants", "assembly", "attacker",
        "attackers", "authorities", "authority", "bloc", "bomber", "cabinet", "chancellor", "chief",
        "chiefs", "citizens", "civilians", "coalition", "commander", "commission", "committee",
        "congress", "congressman", "congressmen", "congresswoman", "legislators", "consulate",
        "council", "court", "delegate", "delegates", "delegation",
        "demonstrator", "demonstrators", "department", "diplomat", "doctors", "drivers", "drone",
        "embassy", "emir", "employees", "envoy", "expert", "extremist", "faction", "families",
        "farmers",
        "fighter", "fighters", "force", "forces", "founder", "general", "government", "governor",
        "group", "guard", "guards", "gunman", "gunmen", "hacker", "head", "heads", "helicopter",
        "inspector", "insurgent", "insurgents", "investigator", "jet", "jihadist", "journalists",
        "judge", "junta", "king", "kingdom", "lawmaker", "lawmakers", "lawyers", "leader",
        "leaders", "legislator", "legislature", "marine", "mayor", "migrants", "militant",
        "militants", "military", "militia", "minister", "ministry", "mission", "monarch", "monitor",
        "mp", "musicians", "navy", "negotiator", "negotiators", "network", "ngo", "nurses",
        "observer", "office", "officer", "official", "officials", "operator", "opponents",
        "opposition", "owner", "parents", "parliament", "party", "peacekeeper", "police",
        "policeman", "relatives",
        "premier", "president", "prince", "prosecutor", "protester", "protesters", "queen",
        "rapporteur", "rebel", "rebels", "refugees", "regime", "regulator", "representative",
        "republic", "residents", "secretary", "senate", "senator", "senators", "sheikh", "soldier",
        "soldiers",
        "spokesman", "spokesperson", "spokeswoman", "student", "students", "supporters", "teachers",
        "terrorist", "tribunal", "troop", "troops", "union", "unions", "victims", "villagers",
        "voters", "warplane", "watchdog", "women", "worker", "workers",
        # the people of election and court news: "both presidential candidates have opposed"
        "candidate", "candidates", "nominee", "nominees", "campaign", "aide", "aides",
        "prosecutors", "investigators", "regulators", "panel", "conservatives", "liberals",
    ]
)
# fmt: on
#: Characterizing someone's act or words ("called the ruling arbitrary", "called Pakistan's
#: assertions baseless"): the head or modifier of the complement words that make it an accusation.
#: A characterization with none of them ("called the death a security achievement") codes nothing.
NEGATIVE_CHARACTERIZATIONS = frozenset(
    [
        "abhorrent",
        "absurd",
        "aggression",
        "aggressor",
        "appalling",
        "arbitrary",
        "barbaric",
        "baseless",
        "betrayal",
        "blatant",
        "criminal",
        "cruel",
        "dangerous",
        "degrading",
        "deplorable",
        "despicable",
        "dictator",
        "disappointing",
        "disgraceful",
        "egregious",
        "fabricated",
        "fabrication",
        "false",
        "genocide",
        "groundless",
        "harassment",
        "heinous",
        "hypocritical",
        "illegal",
        "illegitimate",
        "inhumane",
        "insulting",
        "irresponsible",
        "lie",
        "lies",
        "misogynist",
        "offensive",
        "outrageous",
        "persecution",
        "propaganda",
        "provocation",
        "provocative",
        "racist",
        "reckless",
        "ridiculous",
        "shameful",
        "terrorism",
        "terrorist",
        "threat",
        "unacceptable",
        "unfair",
        "unfounded",
        "unjust",
        "unjustified",
        "unprovoked",
        "unwarranted",
        "violation",
    ]
)
#: How damning or praising a word must be, on the VADER valence scale (-4 .. 4), to make calling
#: someone it an accusation ("a pathological liar", "a nasty guy") or praise ("a huge win").
DAMNING_VALENCE = -1.5
PRAISING_VALENCE = 2.0


@functools.cache
def valence() -> Mapping[str, float]:
    """Lower-case word -> mean valence, from the VADER sentiment lexicon (Hutto & Gilbert 2014,
    MIT; the ``vaderSentiment`` package): 7,500 words rated by ten people each."""
    path = resources.files("vaderSentiment").joinpath("vader_lexicon.txt")
    rated: dict[str, float] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        word, score, *_ = line.split("\t")
        if word.isalpha():
            rated[word.lower()] = float(score)
    return rated


#: Praise told as a statement ("President Trump is right", "The inauguration speech of Lai was
#: fantastic"): the predicate words that make a judgement of someone or their act support.
POSITIVE_CHARACTERIZATIONS = frozenset(
    [
        "admirable",
        "brave",
        "brilliant",
        "commendable",
        "courageous",
        "excellent",
        "fantastic",
        "great",
        "historic",
        "outstanding",
        "remarkable",
        "right",
        "visionary",
        "wonderful",
    ]
)
#: Predicates of pride in or gratitude to someone: "I'm very proud of Secretary Rubio", "We are
#: pleased with the Court's decision", "I am greatly honored by the endorsement of Senator Cruz".
PRIDE_WORDS = frozenset(
    {"proud", "pleased", "grateful", "thankful", "delighted", "honored", "honoured"}
)
#: The prepositions that tell whom (or whose act) the speaker is proud of or grateful for.
PRIDE_PREPS = frozenset({"of", "with", "to", "by", "for"})
#: Predicates of concern at what someone does, a criticism of them: "We are deeply concerned
#: about the recent actions of Milorad Dodik", "troubled by Russia's decision".
CONCERN_WORDS = frozenset({"concerned", "worried", "alarmed", "troubled", "disturbed", "dismayed"})
#: The prepositions that tell what the concern is about.
CONCERN_PREPS = frozenset({"about", "over", "by", "at"})
#: Words for what someone said: calling them false rejects them ("called the claims baseless").
CLAIM_NOUNS = frozenset(
    [
        "accusation",
        "allegation",
        "assertion",
        "charge",
        "claim",
        "report",
        "statement",
        "remark",
        "comment",
    ]
)

#: Verbs that govern the real event in their complement ("agreed to meet" is AGREE, "called on X to
#: stand up" is REQUEST): the complement is not coded on its own.
GOVERNING_TYPES = frozenset({"AGREE", "REQUEST", "REJECT", "THREATEN"})

#: Verbs of holding a role: in a relative clause with no date they describe someone ("who
#: headed the party", "which oversees operations"), no act.
ROLE_VERBS = frozenset(
    {
        "head",
        "lead",
        "chair",
        "run",
        "oversee",
        "direct",
        "serve",
        "represent",
        "negotiate",
        "manage",
        "command",
        "govern",
        "supervise",
        "coordinate",
    }
)
#: Prepositions of a time that tells how long a role lasted: "for two years", "until 2017".
TENURE_PREPS = frozenset({"for", "until", "since", "from", "to", "throughout", "between"})
#: Verbs that free someone only when what they free is someone.
RELEASE_VERBS = frozenset({"release", "free"})
#: Nouns of the people who are freed: "released the prisoners".
CAPTIVE_NOUNS = frozenset(
    {
        "prisoner",
        "hostage",
        "detainee",
        "captive",
        "inmate",
        "people",
        "person",
        "man",
        "woman",
        "child",
        "member",
        "national",
        "journalist",
        "activist",
        "worker",
        "crew",
        "sailor",
        "fisherman",
        "body",
        "remains",
        "candidate",
        "physician",
        "doctor",
        "nurse",
        "deputy",
        "aide",
        "tourist",
        "citizen",
        "civilian",
        "guard",
    }
)
#: Word endings of compounds that name a person: "homeguard", "crewman", "servicemen".
PERSON_ENDINGS = ("guard", "man", "men", "woman", "women", "person", "people")
#: Dependencies that start a clause of its own under a word.
CLAUSE_DEPS = frozenset({"relcl", "advcl", "ccomp", "xcomp", "acl", "csubj", "parataxis", "conj"})
#: What is released by publishing it: "released a report", "released a video".
# fmt: off
PUBLISHED_NOUNS = frozenset(
    [
        "report", "statement", "video", "data", "figures", "findings", "list", "results", "study",
        "survey", "footage", "image", "images", "photo", "photos", "document", "documents",
        "details", "information", "album", "book", "film", "song", "record", "records", "numbers",
        "audio", "recording", "transcript", "plan", "budget", "guidelines", "version", "update",
        "analysis", "estimate", "estimates", "index", "ranking", "poll", "assessment",
    ]
)
# fmt: on
#: Context patterns the hand table adds (lemma, words after it, code).
PATTERNS: Sequence[tuple[str, tuple[str, ...], Code | None]] = (
    # acts of force told by a verb and its particle or object
    ("blow", ("up",), ("ASSAULT", "explosives")),
    ("set", ("fire",), ("ASSAULT", "destroy")),
    ("set", ("ablaze",), ("ASSAULT", "destroy")),
    ("take", ("hostage",), ("ASSAULT", "abduct")),
    ("take", ("hostages",), ("ASSAULT", "abduct")),
    ("take", ("captive",), ("ASSAULT", "abduct")),
    ("call", ("on",), ("REQUEST", None)),
    ("rule", ("out",), ("REJECT", None)),
    ("call", ("upon",), ("REQUEST", None)),
    ("call", ("for", "sanctions"), ("ACCUSE", "disapprove")),
    ("call", ("for", "investigation"), ("ACCUSE", "investigate")),
    ("call", ("for",), ("REQUEST", None)),
    # heads of state "speaking with" each other do so by phone unless a visit is told
    ("speak", ("with",), ("CONSULT", "phone")),
    ("talk", ("with",), ("CONSULT", None)),
    ("impose", ("sanctions",), ("SANCTION", None)),
    ("impose", ("sanction",), ("SANCTION", None)),
    ("impose", ("embargo",), ("SANCTION", None)),
    ("impose", ("curfew",), ("COERCE", "curfew")),
    ("impose", ("ban",), ("COERCE", "ban")),
    ("vote", ("for",), ("SUPPORT", None)),
    ("vote", ("against",), ("REJECT", None)),
    ("lift", ("ban",), ("CONCEDE", None)),
    ("lift", ("sanctions",), ("CONCEDE", None)),
    ("lift", ("curfew",), ("RETREAT", None)),
    ("lift", ("siege",), ("RETREAT", None)),
    ("ease", ("sanctions",), ("CONCEDE", None)),
    ("ease", ("restrictions",), ("CONCEDE", None)),
    # raising relations a grade is a stance of support: "upgraded their ties to a partnership"
    ("upgrade", ("ties",), ("SUPPORT", None)),
    ("upgrade", ("relations",), ("SUPPORT", None)),
    ("elevate", ("ties",), ("SUPPORT", None)),
    ("elevate", ("relations",), ("SUPPORT", None)),
    ("cut", ("ties",), ("SANCTION", None)),
    ("cut", ("aid",), ("SANCTION", None)),
    ("suspend", ("aid",), ("SANCTION", None)),
    ("suspend", ("talks",), ("SANCTION", None)),
    ("suspend", ("ties",), ("SANCTION", None)),
    ("strike", ("deal",), ("AGREE", None)),
    ("strike", ("agreement",), ("AGREE", None)),
    ("find", ("guilty",), ("ACCUSE", "allege")),
    # a plea answers a charge: denying it rejects it, admitting it concedes
    ("plead", ("not", "guilty"), ("REJECT", None)),
    ("plead", ("innocent",), ("REJECT", None)),
    ("plead", ("guilty",), ("CONCEDE", None)),
    ("launch", ("attack",), ("ASSAULT", None)),
    ("launch", ("investigation",), ("ACCUSE", "investigate")),
    ("open", ("investigation",), ("ACCUSE", "investigate")),
    ("go", ("on", "strike"), ("PROTEST", "strike")),
    ("walk", ("off", "job"), ("PROTEST", "strike")),
    # words aimed at someone: "took aim at Clinton", "took a swipe at"
    ("take", ("aim",), ("ACCUSE", "disapprove")),
    ("take", ("swipe",), ("ACCUSE", "disapprove")),
    ("take", ("jab",), ("ACCUSE", "disapprove")),
    ("walk", ("out",), ("PROTEST", None)),
    ("go", ("strike",), ("PROTEST", "strike")),
    ("take", ("control",), ("COERCE", "seize")),
    ("take", ("part",), None),
    # idioms that code nothing: "pulling ahead of rivals", "settled in Mauritius"
    ("pull", ("ahead",), None),
    ("close", ("up", "shop"), None),
    ("close", ("shop",), None),
    ("decline", ("to", "comment"), None),
    ("improve", ("relations",), ("COOPERATE", None)),
    ("improve", ("ties",), ("COOPERATE", None)),
    ("improve", ("cooperation",), ("COOPERATE", None)),
    # publishing something is no release of captives: "released a report"
    *(("release", (thing,), None) for thing in sorted(PUBLISHED_NOUNS)),
    *(("issue", (thing,), None) for thing in sorted(PUBLISHED_NOUNS)),
    ("deal", ("with",), None),
    # "spoke by phone": a call, whoever spoke
    *(
        (v, ("by", w), ("CONSULT", "phone"))
        for v in ("speak", "talk")
        for w in ("phone", "telephone")
    ),
    # granting bail, house arrest, a pardon or an amnesty releases someone
    *(("grant", (w,), ("RETREAT", "release")) for w in ("bail", "arrest", "pardon", "amnesty")),
    ("slam", ("into",), None),
    # testing arms is a move of force: "tested a ballistic missile", "testing a weapon system"
    *(
        ("test", (arm,), ("MOBILIZE", "weapons"))
        for arm in ("missile", "missiles", "weapon", "weapons", "rocket", "rockets", "bomb")
    ),
    ("request", ("comment",), None),
    ("seek", ("comment",), None),
    ("request", ("anonymity",), None),
    ("ask", ("anonymity",), None),
    ("ask", ("not", "to", "be", "named"), None),
    ("ask", ("not", "to", "be", "identified"), None),
    ("refuse", ("to", "comment"), None),
    ("settle", ("in",), None),
    ("take", ("over",), ("COERCE", "seize")),
    ("hand", ("over",), ("AID", None)),
    ("withdraw", ("peacekeepers",), ("SANCTION", "expel")),
    ("withdraw", ("observers",), ("SANCTION", "expel")),
    ("withdraw", ("ambassador",), ("SANCTION", "withdraw")),
    ("withdraw", ("aid",), ("SANCTION", "discontinue")),
    ("withdraw", ("from", "treaty"), ("SANCTION", "withdraw")),
    ("withdraw", ("from", "agreement"), ("SANCTION", "withdraw")),
    ("withdraw", ("from", "deal"), ("SANCTION", "withdraw")),
    ("withdraw", ("from", "accord"), ("SANCTION", "withdraw")),
    ("withdraw", ("from", "talks"), ("SANCTION", "withdraw")),
    ("suspend", ("cooperation",), ("SANCTION", "discontinue")),
    ("suspend", ("membership",), ("SANCTION", "expel")),
    ("suspend", ("relations",), ("SANCTION", "withdraw")),
    ("suspend", ("funding",), ("SANCTION", "discontinue")),
    ("halt", ("aid",), ("SANCTION", "discontinue")),
    ("halt", ("talks",), ("SANCTION", "withdraw")),
    ("freeze", ("aid",), ("SANCTION", "discontinue")),
    ("recall", ("ambassador",), ("SANCTION", "withdraw")),
    ("recall", ("envoy",), ("SANCTION", "withdraw")),
    ("close", ("embassy",), ("SANCTION", "withdraw")),
    ("downgrade", ("ties",), ("SANCTION", "withdraw")),
    ("downgrade", ("relations",), ("SANCTION", "withdraw")),
    ("cut", ("funding",), ("SANCTION", "discontinue")),
    ("cut", ("relations",), ("SANCTION", "withdraw")),
    ("take", ("to", "streets"), ("PROTEST", "demo")),
    ("go", ("on", "hunger", "strike"), ("PROTEST", "hunger")),
    ("deploy", ("peacekeepers",), ("AID", None)),
    ("send", ("peacekeepers",), ("AID", None)),
    ("deploy", ("observers",), ("AID", None)),
    ("let", ("free",), ("RETREAT", "release")),
    ("push", ("back",), ("REJECT", None)),
    ("extend", ("curfew",), ("COERCE", "curfew")),
    ("impose", ("martial",), ("COERCE", "martial-law")),
    ("declare", ("martial",), ("COERCE", "martial-law")),
    ("tighten", ("blockade",), ("COERCE", "restrict")),
    ("tighten", ("restrictions",), ("COERCE", "restrict")),
    ("stop", ("work",), ("PROTEST", "strike")),
    ("shun", ("work",), ("PROTEST", "strike")),
    ("block", ("roads",), ("PROTEST", "obstruct")),
    ("block", ("road",), ("PROTEST", "obstruct")),
    ("block", ("streets",), ("PROTEST", "obstruct")),
    ("block", ("bridge",), ("PROTEST", "obstruct")),
    ("block", ("highway",), ("PROTEST", "obstruct")),
    ("remain", ("on", "alert"), ("MOBILIZE", "troops")),
    ("put", ("on", "alert"), ("MOBILIZE", "troops")),
    ("place", ("on", "alert"), ("MOBILIZE", "troops")),
    ("reduce", ("aid",), ("SANCTION", "discontinue")),
    ("suspend", ("supplies",), ("SANCTION", "discontinue")),
    ("end", ("mediation",), ("SANCTION", "withdraw")),
    ("accept", ("demands",), ("CONCEDE", None)),
    ("accept", ("demand",), ("CONCEDE", None)),
    ("agree", ("to", "deal"), ("SUPPORT", None)),
    ("agree", ("on", "deal"), ("SUPPORT", None)),
    ("agree", ("on", "text"), ("SUPPORT", None)),
    ("agree", ("to", "proposal"), ("SUPPORT", None)),
    ("send", ("troops",), ("MOBILIZE", "troops")),
    ("send", ("aid",), ("AID", None)),
    ("send", ("weapons",), ("AID", None)),
    ("set", ("free",), ("RETREAT", "release")),
    ("step", ("down",), ("RETREAT", "resign")),
    ("pull", ("out",), ("RETREAT", "withdraw")),
    ("stand", ("up", "for"), ("SUPPORT", None)),
    ("break", ("ties",), ("SANCTION", None)),
    ("break", ("off",), ("SANCTION", None)),
)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The verb dictionary (lemma -> default code and context patterns) and its synonym sets."""

    defaults: Mapping[str, Code]
    patterns: Mapping[
        str, Sequence[tuple[tuple[frozenset[str], ...], tuple[frozenset[str], ...], Code | None]]
    ]


def _code(value: Any) -> Code | None:
    if not value or not value[0]:
        return None
    return str(value[0]), (str(value[1]) if value[1] else None)


@functools.cache
def load_lexicon() -> Lexicon:
    """The shipped verb dictionary, parsed once per process."""
    text = resources.files("storyline").joinpath("resources/events/verbs.json").read_text("utf-8")
    data = json.loads(text)
    synsets: dict[str, frozenset[str]] = {k: frozenset(v) for k, v in data["synsets"].items()}

    def slots(raw: list[list[str]]) -> tuple[frozenset[str], ...]:
        out = []
        for alternatives in raw:
            words: set[str] = set()
            for word in alternatives:
                words |= synsets.get(word, frozenset()) if word.startswith("&") else {word}
            out.append(frozenset(words))
        return tuple(out)

    defaults: dict[str, Code] = {}
    patterns: dict[
        str, list[tuple[tuple[frozenset[str], ...], tuple[frozenset[str], ...], Code | None]]
    ] = {}
    for lemma, entry in data["verbs"].items():
        default = _code(entry["default"])
        if default:
            defaults[lemma] = default
        patterns[lemma] = [
            (slots(p["pre"]), slots(p["post"]), _code([p["type"], p["mode"]]))
            for p in entry["patterns"]
        ]
    return Lexicon(defaults, patterns)


def _words_after(token: Token, limit: int = 8) -> list[set[str]]:
    """The lower-cased forms and lemmas of the tokens after ``token`` in its own phrase."""
    # The sentence's end, from the parse (``token.sent`` rescans the document: too slow here).
    sent_end = token.i + 1
    doc = token.doc
    while sent_end < len(doc) and not doc[sent_end].is_sent_start:
        sent_end += 1
    right = min(max(token.right_edge.i + 1, token.i + 1), sent_end)
    right = max(right, min(token.i + 3, sent_end))  # particles the parser hung elsewhere
    return [
        {t.lower_, t.lemma_.lower()}
        for t in token.doc[token.i + 1 : min(right, token.i + 1 + limit)]
    ]


def _matches(slots: tuple[frozenset[str], ...], words: list[set[str]]) -> bool:
    """True when every slot matches a distinct word, in order."""
    i = 0
    for slot in slots:
        while i < len(words) and not (words[i] & slot):
            i += 1
        if i == len(words):
            return False
        i += 1
    return True


#: Words of a hand pattern that must follow the verb at once ("called on X", not "called X on
#: Saturday").
_PARTICLES = frozenset(
    ["on", "for", "with", "to", "upon", "over", "out", "down", "up", "off", "against", "from", "in"]
)


def _hand_match(token: Token, words: tuple[str, ...], after: list[set[str]]) -> bool:
    """A hand pattern's first word is the next word (a particle or preposition) or the verb's
    object; the others follow in order."""
    first = words[0]
    doc = token.doc
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if nxt is not None and first in {nxt.lower_, nxt.lemma_.lower()}:
        start = 1
    elif first not in _PARTICLES:
        objects = [
            c
            for c in token.children
            if c.dep_ in {"dobj", "prt", "acomp", "attr", "oprd"}
            and first in {c.lower_, c.lemma_.lower()}
        ]
        if not objects:
            return False
        start = objects[0].i - token.i
    else:
        return False
    rest = tuple(frozenset([w]) for w in words[1:])
    return _matches(rest, after[start:]) if rest else True


#: Lemmas the model's lemmatizer gets wrong for verbs of this domain.
_LEMMA_FIXES = {
    "stag": "stage",
    "staging": "stage",
    "bombe": "bomb",
    "shelle": "shell",
    "fin": "fine",
    "scapegoate": "scapegoat",
}


def verb_lemma(token: Token) -> str:
    """The lower-cased lemma of a verb, with the lemmatizer's known slips fixed."""
    lemma = token.lemma_.lower()
    return _LEMMA_FIXES.get(lemma, lemma)


def verb_code(token: Token, lexicon: Lexicon) -> tuple[Code | None, float]:
    """The PLOVER code of a verb in context and how specific the evidence is (0..1).

    Order: the hand patterns, the dictionary's context patterns, the hand verb table, the
    dictionary's default for the verb. ``(None, 0)`` when the verb codes no event.
    """
    lemma = verb_lemma(token)
    after = _words_after(token)
    for p_lemma, words, code in PATTERNS:
        if p_lemma == lemma and _hand_match(token, words, after):
            return code, 0.9
    before = [{t.lower_, t.lemma_.lower()} for t in token.doc[max(0, token.i - 4) : token.i]]
    if lemma in VERBS:
        return VERBS[lemma], 0.8
    nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    next_words = {nxt.lower_, nxt.lemma_.lower()} if nxt is not None else set()
    for pre, post, code in lexicon.patterns.get(lemma, ()):
        if not post or (pre and not _matches(pre, before)):
            continue
        if post[0] <= _PARTICLES:
            # a particle or preposition belongs right after the verb: "called on X", not
            # "called X on Saturday"
            if post[0] & next_words and _matches(post[1:], after[1:]):
                return code, 0.7
        elif _matches(post, after):
            return code, 0.7
    default = lexicon.defaults.get(lemma)
    return default, (0.5 if default else 0.0)


def noun_code(token: Token) -> Code | None:
    """The PLOVER code of an event noun, or None."""
    lemma = token.lemma_.lower()
    doc = token.doc
    # the tokenizer splits "cease-fire"
    if (
        lemma == "fire"
        and token.i >= 2
        and doc[token.i - 1].text == "-"
        and (doc[token.i - 2].lower_ == "cease")
    ):
        return ("RETREAT", "ceasefire")
    for child in token.children:
        if child.dep_ == "prep" and (lemma, child.lower_) in PREPOSED_NOUNS:
            return PREPOSED_NOUNS[(lemma, child.lower_)]
    if lemma in HANDOVER_NOUNS or token.lower_ in HANDOVER_NOUNS:
        return _handover_code(token)
    kinds = QUALIFIED_NOUNS.get(lemma)
    if kinds is not None:
        words = (
            c.lemma_.lower()
            for c in doc[token.left_edge.i : token.i]
            if c.dep_ in {"amod", "compound"}
        )
        found = next((kinds[w] for w in words if w in kinds), None)
        return found or NOUNS.get(lemma) or NOUNS.get(token.lower_)
    return NOUNS.get(lemma) or NOUNS.get(token.lower_)


def _handover_code(token: Token) -> Code | None:
    """AID for a handing over of material help ("transfers of military equipment and
    munitions"), else None."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            things = [o for o in child.children if o.dep_ == "pobj"]
            things += [c for o in things for c in o.conjuncts]
            if any(t.lower_ in AID_OBJECTS or t.lemma_.lower() in AID_OBJECTS for t in things):
                return ("AID", None)
    return None

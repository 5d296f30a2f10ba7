"""Who a quote's speaker is: the entity behind a name, pronoun or nominal found in the text.

Reads: ``doc._.mentions`` and ``doc._.entities`` (the actors stage), ``doc.ents`` as a fallback
when no mention covers a name. Writes: :class:`Speaker` values (character offsets only).

A person's name is the entity's canonical name cut after the last word the document's own
mentions of them end in, outside title-case lines ("Ted Cruz Hints Trump", a headline the
actors stage took for a name, speaks as "Ted Cruz" where the text says "Cruz"; "Donald Trump‘s"
as "Donald Trump"); a generational suffix stays ("Charles Elliott III").

Resolution order for a speaker head token: the narrowest actor mention covering it; for "he",
"she" and "it" with no mention, a look back over the previous sentences (outside quotes) for a
compatible subject, stopping at the previous quote's cue (its speaker continues) and giving up
(None) when two different candidates compete; for a name the actors stage missed, the name itself.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from spacy.tokens import Doc, Span, Token

from storyline.records import Entity, Mention, Role
from storyline.stages import doc_list
from storyline.stages.actors.lexicon import capital_of, country_of, role_sector
from storyline.stages.actors.names import one_letter_off
from storyline.stages.lookup import families
from storyline.stages.quotes_cues import PRONOUNS_PERSON, name_span, unglue
from storyline.stages.quotes_marks import Covered
from storyline.stages.quotes_nominals import (
    INSTITUTION_NOUNS,
    appositive_name,
    document_owner,
    has_owner,
    is_anonymous,
    is_body,
    is_definite,
    is_document,
    is_institution,
    is_people,
    kind_phrases,
    modifiers,
    written_name,
)
from storyline.stages.syntax import token_chars

PERSON_TYPES = frozenset({"PERSON"})
GROUP_TYPES = frozenset({"ORG", "GPE", "NORP", "FAC"})
SPEAKER_TYPES = PERSON_TYPES | GROUP_TYPES
GROUP = "GROUP"  # the type of an unnamed group kept as written ("press freedom groups")
THEY_TYPES = GROUP_TYPES | {GROUP}
_LOOK_BACK = 4  # sentences searched for a pronoun's antecedent
#: Verbs whose object is the one who answers next ("Hannity asked Trump …").
ASKING_VERBS = frozenset({"ask", "question", "press", "interview", "quiz", "challenge"})
#: Participles that give a body's name: "an aid group known as MSF", "a charity called Oxfam".
NAMING_VERBS = frozenset({"know", "call", "name"})
_BODY_BACK = 2  # sentences before a body noun ("the aid group") searched for its organization
#: Words that may follow a surname in a person's name ("Charles Elliott III").
NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
_POSSESSIVE = re.compile(r"[’‘']s?$")
_TITLE_SHARE = 0.8  # a line whose longer words are this often capitalized is a title
_TITLE_WORDS = 3  # ... when it has at least this many longer words
_RARE_END = 4  # a word ending 4 times fewer mentions than the commonest is no surname


@dataclass(frozen=True, slots=True)
class Speaker:
    """A resolved (or unresolved: ``name`` None) speaker and the text span it was found from."""

    name: str | None
    entity_id: str | None
    start: int
    end: int
    type: str | None = None


@dataclass(frozen=True, slots=True)
class Ref:
    """Something in the text that can name a speaker: an actor mention or a named entity."""

    start: int
    end: int
    name: str
    entity_id: str | None
    type: str
    kind: str  # name, pronoun, nominal, ent


#: Body nouns that name an organization by its sector: "the newspaper" is the one outlet named.
BODY_SECTORS: Mapping[str, str] = MappingProxyType(
    {
        "newspaper": "JRN",
        "daily": "JRN",
        "publication": "JRN",
        "magazine": "JRN",
        "broadcaster": "JRN",
        "company": "BUS",
        "firm": "BUS",
        "bank": "BUS",
        "editorial board": "JRN",  # a body noun with the word in front that says its kind
    }
)


#: Sectors of a role noun of an election ("the nominee", "the front-runner"): the one person of
#: that sector named before it is its holder (:meth:`Resolver._sole_candidate`).
ELECTION_SECTORS = frozenset({"PTY"})


class Resolver:
    """Speaker look-ups over one Doc (built once per Doc, used for each quote)."""

    def __init__(self, doc: Doc, quoted: Sequence[tuple[int, int]]) -> None:
        self.doc = doc
        self.text = doc.text  # (Doc.text joins every token on each access)
        self.sents = list(doc.sents)
        self.quoted = Covered(quoted)
        entities: dict[str, Entity] = {e.id: e for e in doc_list(doc, "entities")}
        mentions: list[Mention] = doc_list(doc, "mentions")
        self.countries = {e.id: e.country for e in entities.values()}
        self.sectors = {e.id: e.sector for e in entities.values()}
        self.roles: dict[str, frozenset[int]] = {}
        self.titles: dict[str, set[str]] = {}  # the words of each entity's roles
        for role in doc_list(doc, "roles"):
            assert isinstance(role, Role)
            self.titles.setdefault(role.entity_id, set()).update(role.role.lower().split())
            known = self.roles.get(role.entity_id, frozenset())
            self.roles[role.entity_id] = known | families(role.role)
        for m in mentions:  # "Manhattan Supreme Court Justice Frank Nervo": a title in front
            if m.kind == "title" and m.entity_id is not None:
                self.titles.setdefault(m.entity_id, set()).update(m.text.lower().split())
        names = _spoken_names(doc, entities, mentions, _title_lines(self.text))
        refs = [
            Ref(
                m.start,
                m.end,
                names.get(m.entity_id, m.text),
                m.entity_id,
                entities[m.entity_id].type if m.entity_id in entities else "",
                m.kind,
            )
            for m in mentions
        ]
        for ent in doc.ents:
            if ent.label_ in SPEAKER_TYPES and not any(
                r.start < ent.end_char and ent.start_char < r.end for r in refs
            ):
                start, end = unglue(ent[0], ent.start_char, ent.end_char)
                if ent[0].lower_ == "the" and len(ent) > 1:
                    start = ent[1].idx  # "the Somali Military Command" names the Command
                name = ent.text[start - ent.start_char :]
                refs.append(Ref(start, end, name, None, ent.label_, "ent"))
        self.refs = sorted(refs, key=lambda r: (r.start, r.end))

    def in_quote(self, char: int) -> bool:
        """Whether a character lies inside quotation marks."""
        return char in self.quoted

    def ref_at(self, start: int, end: int) -> Ref | None:
        """The narrowest reference overlapping ``[start, end)``."""
        found = [r for r in self.refs if r.start < end and start < r.end]
        return min(found, key=lambda r: (r.end - r.start, r.start)) if found else None

    def resolve(
        self, head: Token, previous: Speaker | None, stop: int | None, *, as_name: bool = False
    ) -> Speaker:
        """The speaker named by ``head``; ``previous`` is the last quote's speaker and ``stop``
        the character where that quote's cue is (a look-back reaching it keeps the speaker)."""
        if head.tag_ in ("WDT", "WP") and head.head.dep_ == "relcl":
            # "Washington, which claims …": the noun the clause is about, found at "which"
            noun = self.resolve(head.head.head, previous, stop, as_name=as_name)
            return Speaker(noun.name, noun.entity_id, *token_chars(head), noun.type)
        start, end = name_span(head)
        lower = head.lower_
        ref = self.ref_at(*token_chars(head))
        # "Doctors Without Borders says": a common noun that is a word of an organization's name
        in_name = (
            ref is not None and ref.kind == "name" and ref.type == "ORG" and _longer(ref, head)
        )
        if head.pos_ == "NOUN" and not as_name and not in_name:
            return self._nominal(head, ref, previous, stop)
        answerer = self._answerer(head) if lower in PRONOUNS_PERSON else None
        if answerer is not None:
            return Speaker(answerer.name, answerer.entity_id, *token_chars(head), answerer.type)
        if ref is not None and (ref.entity_id is not None or ref.kind in ("ent", "name")):
            return Speaker(ref.name, ref.entity_id, ref.start, ref.end, ref.type or None)
        if lower in PRONOUNS_PERSON or lower in ("it", "they"):
            wanted = {"it": GROUP_TYPES, "they": THEY_TYPES}.get(lower, PERSON_TYPES)
            found = self._look_back(head, wanted, previous, stop)
            if found is None:
                return Speaker(None, None, *token_chars(head))
            return Speaker(found.name, found.entity_id, *token_chars(head), found.type)
        if head.pos_ == "PROPN" or as_name:
            if self.text[start : start + 4].lower() == "the ":
                start += 4  # the named entity took the article: "the Somali Military Command"
            name = self.text[start:end]
            match = self._by_name(name)
            if match is not None:
                return Speaker(match.name, match.entity_id, start, end, match.type)
            return Speaker(name, None, start, end, "PERSON" if head.ent_type_ == "PERSON" else None)
        if head.text[:1].isupper() and head.pos_ in ("VERB", "ADJ"):
            # "Trump this week also said": a known name the tagger took for another word
            match = self._by_name(self.text[start:end])
            if match is not None:
                return Speaker(match.name, match.entity_id, start, end, match.type)
        # a nominal ("the spokesman", "officials") the actors stage did not resolve
        return Speaker(None, None, start, end)

    def _answerer(self, head: Token) -> Ref | None:
        """The person asked in the sentence before a pronoun's, outside quotes ("Hannity asked
        Trump whether …. 'No,' he said": Trump answers, not the interviewer)."""
        index = next(i for i, s in enumerate(self.sents) if s.start <= head.i < s.end)
        for sent in self.sents[max(index - 2, 0) : index][::-1]:
            if not any(t.is_alpha and not self.in_quote(t.idx) for t in sent):
                continue  # a quoted sentence: the answer itself
            asked = _asked(sent)
            if asked is None or self.in_quote(asked.idx):
                return None
            ref = self.ref_at(*token_chars(asked))
            return ref if ref is not None and ref.type in PERSON_TYPES else None
        return None

    def _nominal(
        self, head: Token, ref: Ref | None, previous: Speaker | None, stop: int | None
    ) -> Speaker:
        """The speaker behind a common noun (see ``quotes_nominals``)."""
        name = appositive_name(head)
        if name is not None:
            found = self.resolve(name, previous, stop, as_name=True)
            if found.entity_id is not None:  # "the envoy" later is this "representative"
                known = self.roles.get(found.entity_id, frozenset())
                self.roles[found.entity_id] = known | families(head.lemma_)
            return found
        owner = (document_owner(head) or self._owner_before(head)) if is_document(head) else None
        if owner is not None:
            # the owner speaks, found at the document ("the NISA statement")
            found = self.resolve(owner, previous, stop, as_name=owner.pos_ == "PROPN")
            return Speaker(found.name, found.entity_id, *name_span(head), found.type)
        if is_document(head) and not is_body(head):  # "the newspaper" may be the outlet
            return Speaker(None, None, *name_span(head))
        lead = None if is_definite(head) else self._lead_holder(head, families(head.lemma_))
        if lead is not None:  # "A New York judge has rejected ...": named later
            return Speaker(lead.name, lead.entity_id, *token_chars(head), "PERSON")
        if (
            ref is not None
            and ref.entity_id is not None
            and (ref.type == "PERSON" or is_institution(head))
        ):
            return _said_by(ref)
        if (
            previous is not None
            and previous.name is not None
            and is_definite(head)
            and not has_owner(head)  # "Bernie Sanders' campaign" is not the last campaign
            and previous.name.lower().split()[-1] == head.lower_
        ):
            # "a senior State Department official told …. The official added"
            return Speaker(previous.name, previous.entity_id, *name_span(head), previous.type)
        holder = self._role_holder(head) or self._sole_candidate(head)
        if holder is not None:
            return Speaker(holder.name, holder.entity_id, *token_chars(head), "PERSON")
        body = (
            (
                self._known_as(head)
                or self._named_like(head)
                or self._body_before(head)
                or self._only_of_kind(head)
            )
            if is_body(head)
            else None
        )
        if body is not None:
            return Speaker(body.name, body.entity_id, *token_chars(head), body.type)
        start, end = written_name(head, head.left_edge.idx, name_span(head)[1])
        if is_anonymous(head):
            return Speaker(None, None, start, end)  # "analysts say": the text names no one
        entity_id = ref.entity_id if ref is not None else None
        kind = GROUP if head.tag_ == "NNS" else None
        return Speaker(self.text[start:end] or None, entity_id, start, end, kind)

    def _body_before(self, head: Token) -> Ref | None:
        """The organization a definite body noun points back at: the one named as the subject
        of its sentence or of one of the two before ("The charity Doctors Without Borders says
        …. The aid group … reports")."""
        index = next(i for i, s in enumerate(self.sents) if s.start <= head.i < s.end)
        lemma = head.lemma_.lower()
        for sent in self.sents[max(index - _BODY_BACK, 0) : index + 1][::-1]:
            for token in sent:
                if token.i < head.i and token.lemma_.lower() == lemma and token.pos_ == "NOUN":
                    ref = self.ref_at(*token_chars(token))
                    if (ref is None or ref.type != "ORG") and not is_definite(token):
                        return None  # "a New Hampshire ballot commission": no name given
            subjects = [
                t
                for t in sent
                if t.dep_ in ("nsubj", "nsubjpass")
                and t.i < head.i
                and t.i != head.i
                and not self.in_quote(t.idx)
            ]
            for subject in subjects[::-1]:
                ref = self.ref_at(*token_chars(subject))
                if ref is None or ref.type != "ORG" or ref.kind not in ("name", "ent"):
                    continue
                if lemma in INSTITUTION_NOUNS and not _governs(ref):
                    continue  # "the government" is a state's, not a company's
                return ref
        return None

    def _only_of_kind(self, head: Token) -> Ref | None:
        """The one organization of a body noun's sector the document names before it ("The
        newspaper writes" after "the Wall Street Journal"; "The company had argued" in a story
        on Verizon)."""
        sector = next((BODY_SECTORS[k] for k in kind_phrases(head) if k in BODY_SECTORS), None)
        sector = sector or BODY_SECTORS.get(head.lemma_.lower())
        if sector is None:
            return None
        found = {
            r.entity_id: r
            for r in self.refs
            if r.start < head.idx
            and r.type == "ORG"
            and r.entity_id is not None
            and self.sectors.get(r.entity_id) == sector
        }
        return next(iter(found.values())) if len(found) == 1 else None

    def _known_as(self, head: Token) -> Ref | None:
        """The known organization a body noun's own phrase names it by ("The aid group, known
        by its French acronym MSF, reports", "a charity called Oxfam")."""
        for child in head.rights:
            if child.dep_ != "acl" or child.lemma_.lower() not in NAMING_VERBS:
                continue
            for token in child.subtree:
                ref = self.ref_at(*token_chars(token))
                if ref is not None and ref.type == "ORG" and ref.kind == "name" and ref.entity_id:
                    return ref
        return None

    def _owner_before(self, head: Token) -> Token | None:
        """Who issued the document a definite document noun points back at: the owner of the
        last one of that noun in its sentence or the two before ("A preliminary assessment from
        Malawi's Department of Disaster Management Affairs showed …. The assessment said …")."""
        if not is_definite(head):
            return None
        index = next(i for i, s in enumerate(self.sents) if s.start <= head.i < s.end)
        lemma = head.lemma_.lower()
        for sent in self.sents[max(index - _BODY_BACK, 0) : index + 1][::-1]:
            for token in reversed(sent):
                if token.i < head.i and token.lemma_.lower() == lemma and token.pos_ == "NOUN":
                    return document_owner(token)  # the last one: its owner, or none told
        return None

    def _named_like(self, head: Token) -> Ref | None:
        """The organization named before whose name holds a body noun and every word before it
        ("the disaster management department" after "the Department of Disaster Management
        Affairs"), the latest one."""
        nouns = {head.lower_, head.lemma_.lower()}
        words = [t.lower_ for t in head.lefts if t.dep_ in ("compound", "amod")]
        if not words:
            return None
        found = None
        for r in self.refs:
            if r.start >= head.idx:
                break
            if r.type != "ORG" or r.kind not in ("name", "ent") or self.in_quote(r.start):
                continue
            name = set(r.name.lower().split())
            if nouns & name and name.issuperset(words):
                found = r
        return found

    def _role_holder(self, head: Token) -> Ref | None:
        """The person last named before a definite role noun with a role of its family ("the
        Pakistani envoy" after "Pakistan's permanent representative, Munir Akram")."""
        wanted = families(head.lemma_)
        if not wanted:
            return None
        if not is_definite(head):
            return None
        country = next(
            (c for t in modifiers(head) if (c := country_of(t) or capital_of(t)) is not None), None
        )
        # "the Afghan army chief": a chief of the army (MIL), not the Taliban's leader (REB)
        body = [t.lower_ for t in head.lefts if t.dep_ == "compound" and t.pos_ == "NOUN"]
        sector = role_sector(" ".join([*body, head.lower_])) if body else None
        found = None
        for r in self.refs:
            if r.start >= head.idx:
                break
            if r.type != "PERSON" or r.entity_id is None or self.in_quote(r.start):
                continue
            if not wanted & self.roles.get(r.entity_id, frozenset()):
                continue
            if country is not None and self.countries.get(r.entity_id) != country:
                continue  # "Washington's envoy": not an envoy of no stated country
            if sector is not None and self.sectors.get(r.entity_id) not in (None, sector):
                continue
            found = r
        return found or self._named_after(head, wanted, country)

    def _sole_candidate(self, head: Token) -> Ref | None:
        """The one person named before a definite role noun of an election ("The GOP
        presidential nominee argued", :data:`ELECTION_SECTORS`) whose sector is that role's,
        when the text gave them no such title (a candidate known from the people lexicon)."""
        sector = role_sector(head.lower_)
        if sector not in ELECTION_SECTORS or not is_definite(head):
            return None
        return self._sole_person(head, lambda e: self.sectors.get(e) == sector, after=False)

    def _lead_holder(self, head: Token, wanted: frozenset[int]) -> Ref | None:
        """The person an article's opening sentence leaves unnamed ("A New York judge has
        rejected a media request ..., saying ...") and names later with a title of the same
        family ("Manhattan Supreme Court Justice Frank Nervo"), when only one person holds one."""
        if head.sent.start != self.sents[0].start or not any(
            c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.lefts
        ):
            return None
        return self._sole_person(
            head, lambda e: bool(wanted & families(" ".join(self.titles.get(e, ()))))
        )

    def _named_after(self, head: Token, wanted: frozenset[int], country: str | None) -> Ref | None:
        """The person a role noun introduces when no one of that role was named before it: the
        first person named in its sentence or the next two ("Russia's envoy dismissed the
        accusations. 'This is false,' Vassily Nebenzia told the council"), when no title or
        country of theirs says otherwise."""
        index = next(i for i, s in enumerate(self.sents) if s.start <= head.i < s.end)
        end = self.sents[min(index + 2, len(self.sents) - 1)].end_char
        # a person inside the role noun's own phrase owns the role, not holds it ("the leader
        # of his legal team", "a spokesman for Trump")
        phrase_end = head.right_edge.idx + len(head.right_edge)
        owners = {
            r.entity_id
            for r in self.refs
            if head.left_edge.idx <= r.start < phrase_end and r.entity_id is not None
        }
        said = head.head  # "The former governor said Trump was wrong": Trump is what was said
        told = range(said.left_edge.idx, said.right_edge.idx + len(said.right_edge))
        for r in self.refs:
            if r.start < phrase_end or r.type != "PERSON":
                continue
            if r.entity_id in owners:
                break  # the text goes on about the owner: the holder is not named here
            if r.start >= end:
                break
            if self.in_quote(r.start) or (said is not head and r.start in told):
                continue
            roles = self.roles.get(r.entity_id or "", frozenset())
            held = self.countries.get(r.entity_id or "")
            if (roles and not roles & wanted) or (country and held and held != country):
                break  # the next person named is someone else
            if r.kind == "nominal" and not self._same_noun(r, head):
                break  # "the minister said the journalist …": another noun, another person
            return r
        return self._holder_after(head, wanted, country)

    def _same_noun(self, ref: Ref, head: Token) -> bool:
        """Whether a nominal mention's last word is the role noun ``head`` ("the governor")."""
        words = self.text[ref.start : ref.end].lower().split()
        return bool(words) and words[-1].rstrip(".,") in (head.lower_, head.lemma_.lower())

    def _holder_after(self, head: Token, wanted: frozenset[int], country: str | None) -> Ref | None:
        """The person named later in the document with a role of the wanted family, its title
        the noun itself, and no other country ("Canada's Ontario provincial leader said …" …
        "Doug Ford, Ontario's provincial leader, said"), when only one person holds it there."""
        return self._sole_person(
            head,
            lambda e: (
                bool(wanted & self.roles.get(e, frozenset()))
                and head.lemma_.lower() in self.titles.get(e, ())
                and not (country and self.countries.get(e) not in (None, country))
            ),
        )

    def _sole_person(
        self, head: Token, fits: Callable[[str], bool], after: bool = True
    ) -> Ref | None:
        """The one person named after ``head`` (``after``; else before it, outside quotes)
        whose entity ``fits``, None when none or several do."""
        found = {
            r.entity_id: r
            for r in self.refs
            if (r.start > head.idx if after else r.end <= head.idx and not self.in_quote(r.start))
            and r.type == "PERSON"
            and r.entity_id is not None
            and fits(r.entity_id)
        }
        return next(iter(found.values())) if len(found) == 1 else None

    def _by_name(self, name: str) -> Ref | None:
        """An entity the document names in full whose last word is this short name."""
        last = name.rsplit(maxsplit=1)[-1].lower() if name.split() else name.lower()
        found = {
            (r.name, r.entity_id): r
            for r in self.refs
            if r.type == "PERSON"
            and (r.name.lower() == name.lower() or r.name.lower().split()[-1:] == [last])
        }
        if not found and " " not in name.strip():
            # "Equiluz says" in a story of "Luis Eguiluz": a surname written one letter off
            found = {
                (r.name, r.entity_id): r
                for r in self.refs
                if r.type == "PERSON"
                and len(r.name.split()) > 1
                and one_letter_off(r.name.lower().split()[-1], last)
            }
        return next(iter(found.values())) if len(found) == 1 else None

    def _look_back(
        self, head: Token, wanted: frozenset[str], previous: Speaker | None, stop: int | None
    ) -> Speaker | None:
        sents = self.sents
        index = next(i for i, s in enumerate(sents) if s.start <= head.i < s.end)
        searched = 0
        while index >= 0 and searched < _LOOK_BACK:
            sent = sents[index]
            index -= 1
            if sent.start_char > head.idx:
                continue
            if not any(t.is_alpha and not self.in_quote(t.idx) for t in sent):
                continue  # a quoted sentence: its names are the speaker's words
            searched += 1
            if (
                previous is not None
                and stop is not None
                and sent.start_char <= stop < sent.end_char
                and stop < head.idx
            ):
                return previous if previous.type in wanted or previous.type is None else None
            limit = min(head.idx, sent.end_char)
            outcome = self._candidate_in(sent, limit, wanted)
            if outcome == "ambiguous":
                return None
            if isinstance(outcome, Speaker):
                return outcome
        return None

    def _candidate_in(self, sent: Span, limit: int, wanted: frozenset[str]) -> Speaker | str | None:
        refs = [
            r
            for r in self.refs
            if sent.start_char <= r.start
            and r.end <= limit
            and not self.in_quote(r.start)
            and r.type in wanted
            and r.kind != "pronoun"
        ]
        asked = _asked(sent)
        if asked is not None and asked.idx < limit and not self.in_quote(asked.idx):
            for r in refs:
                if r.start <= asked.idx < r.end:
                    # "Hannity asked Trump whether …. 'No,' he said": the one asked answers
                    return _said_by(r)
        subject = _subject_head(sent)
        if subject is not None and subject.idx < limit and not self.in_quote(subject.idx):
            if any(c.dep_ == "conj" for c in subject.children):
                return self._one_of(subject, refs, wanted)
            for r in refs:
                if r.start <= subject.idx < r.end:
                    if subject.pos_ == "NOUN":  # "Iraqi officials": a group as written
                        return self._nominal(subject, r, None, None)
                    return _said_by(r)
            if GROUP in wanted and is_people(subject):
                return self._nominal(subject, None, None, None)
            holder = self._role_holder(subject) if subject.pos_ == "NOUN" else None
            if holder is not None and holder.type in wanted:
                # "Solo's mayor … cautioned …. 'We will do it slowly,' he added"
                return _said_by(holder)
            if subject.pos_ == "PRON" or any(c.dep_ in ("det", "poss") for c in subject.children):
                return None  # "he", "the premier": the same referent, named further back
        names = {(r.name, r.entity_id) for r in refs}
        if len(names) == 1:
            r = refs[0]
            return _said_by(r)
        return "ambiguous" if names else None

    def _one_of(self, subject: Token, refs: Sequence[Ref], wanted: frozenset[str]) -> Speaker | str:
        """The one person among the conjuncts of a subject a singular pronoun can point at, the
        others plural ("Canos-Donnay and others worked …. 'Kansala had …,' she said"), else
        ambiguous ("Yang Peou and Chum Sounry met …", "Mbewe and her daughter …")."""
        if wanted != PERSON_TYPES:
            return "ambiguous"
        found: dict[tuple[str, str | None], Ref] = {}
        for head in (subject, *subject.conjuncts):
            covering = [r for r in refs if r.start <= head.idx < r.end]
            if not covering and head.tag_ != "NNS":
                return "ambiguous"  # a singular conjunct no reference names: maybe "she"
            found.update(((r.name, r.entity_id), r) for r in covering)
        if len(found) != 1:
            return "ambiguous"
        r = next(iter(found.values()))
        return _said_by(r)


def _said_by(ref: Ref) -> Speaker:
    """The speaker a reference names, found at that reference."""
    return Speaker(ref.name, ref.entity_id, ref.start, ref.end, ref.type)


def _bare(word: str) -> str:
    """A word without a possessive ending or edge punctuation ("Trump‘s" -> "Trump")."""
    return _POSSESSIVE.sub("", word.strip(',:;."“”()')) or word


def _title_lines(text: str) -> list[tuple[int, int]]:
    """Character ranges of title-case lines (headlines: "Ted Cruz Hints Trump Has to Come")."""
    found = []
    start = 0
    for line in text.split("\n"):
        words = [w for w in line.split() if len(w) >= 4 and w[0].isalpha()]
        upper = sum(w[0].isupper() for w in words)
        if len(words) >= _TITLE_WORDS and upper >= _TITLE_SHARE * len(words):
            found.append((start, start + len(line)))
        start += len(line) + 1
    return found


def spoken_name(name: str, ends: Mapping[str, int], full: Collection[str] = ()) -> str:
    """``name`` cut after its last word that mentions of the person end in (``ends``: word ->
    how many), keeping a generational suffix after it. A word few one-word mentions end in,
    next to the most common one, does not count (a namesake's mention the actors stage took
    in), unless it ends a mention of several words (``full``) of a name whose first word is
    the one most mentions end in (surname first: "Lai Ching-te", said "Lai")."""
    words = name.split()
    most = max(ends.values(), default=0)
    wanted = {e.lower() for e, n in ends.items() if n * _RARE_END >= most}
    commonest = max(ends, key=lambda e: ends[e], default="")
    if words and _bare(words[0]).lower() == commonest.lower():
        wanted |= {e.lower() for e in full}  # surname first: "Lai Ching-te", said "Lai"
    cut = next(
        (i for i in range(len(words) - 1, -1, -1) if _bare(words[i]).lower() in wanted), None
    )
    if cut is None:
        return name
    tail = [w for w in words[cut + 1 :] if w.lower().strip(",") in NAME_SUFFIXES]
    if len(tail) != len(words) - cut - 1:
        tail = []  # words after the surname that are no suffix: not part of the name
    return " ".join([*words[:cut], _bare(words[cut]), *tail])


def _spoken_names(
    doc: Doc,
    entities: dict[str, Entity],
    mentions: Sequence[Mention],
    titles: Sequence[tuple[int, int]],
) -> dict[str, str]:
    """The name each entity speaks as (see the module docstring): people by their mentions
    outside title lines, everyone else by the canonical name."""
    ends: dict[str, Counter[str]] = {}
    full: dict[str, set[str]] = {}
    for m in mentions:
        if m.kind != "name" or any(a <= m.start < b for a, b in titles):
            continue
        words = m.text.split()
        while len(words) > 1 and words[-1].lower() in NAME_SUFFIXES:
            words.pop()
        if words:
            ends.setdefault(m.entity_id, Counter())[_bare(words[-1])] += 1
        last = doc.char_span(m.start, m.end, alignment_mode="expand")
        if len(words) > 1 and last is not None and len(last) and last[-1].ent_type_ == "PERSON":
            # a person's full name as the tagger reads it ("Lai Ching-te", not "Trump Tower")
            full.setdefault(m.entity_id, set()).add(_bare(words[-1]))
    return {
        e.id: spoken_name(e.name, ends[e.id], full.get(e.id, ()))
        if e.type in PERSON_TYPES and e.id in ends
        else e.name
        for e in entities.values()
    }


def _longer(ref: Ref, head: Token) -> bool:
    """Whether a reference spans more than the word ``head`` it was found at, a capitalized word
    of the name ("Doctors" of "Doctors Without Borders", not "officials" of "Iraqi officials")."""
    return (
        ref.entity_id is not None
        and head.text[:1].isupper()
        and not ref.entity_id.startswith("country:")  # "Iraqi officials" stay as written
        and ref.end - ref.start > len(head.text)
    )


def _governs(ref: Ref) -> bool:
    """Whether a reference names a state's government ("Philippines (government)")."""
    return (ref.entity_id or "").endswith(":GOV") or ref.name.endswith("(government)")


def _asked(sent: Span) -> Token | None:
    """The person a sentence's main verb asks ("Hannity asked Trump whether …"), else None."""
    root = sent.root
    if root.lemma_.lower() not in ASKING_VERBS:
        return None
    return next((c for c in root.children if c.dep_ in ("dobj", "dative")), None)


def _subject_head(sent: Span) -> Token | None:
    for child in sent.root.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return child
    return None

"""What a thing is, asked: "is it a mesh or a load balancer", "is gloo just istio with a UI".

The words after "is <it | this | that | a mesh's name>" and an identity word (rules.yaml
`phrases: identity`: "just", "basically", "a"…) up to the end of the clause say what the
subject is, not which of its features is asked about: "load balancer" there names a kind of
thing, not the load-balancing feature. "a" or "an" counts only before a word of the field
("is it a mesh", not "is linkerd a good fit for mtls").
"""

from __future__ import annotations

import re

from bot.intents.cues import CuePhrases
from bot.intents.extract import find_mentions
from bot.knowledge.aliases import AliasIndex, normalise

SUBJECTS = frozenset({"it", "this", "that", "they"})
COPULA = "is"
CONTRACTED = frozenset({"what", "that", "it"})  # "what's", "that's": "s" is "is" after them
FUSED = frozenset({"whats", "thats", "its"})  # "whats x": "is" written into the word before
# "its just istio", "it's basically istio": the subject is said with the "is"
SAID_WITH = frozenset({"thats", "its"})
WHAT = "what"  # "what is x, a mesh or a load balancer?"; "whats" asks it too
HEDGES = frozenset({"exactly", "actually", "really", "even", "then", "now"})  # "what's x exactly"
ARTICLES = frozenset({"a", "an"})
# Words right after an identity word that make it a purpose, not what the subject is ("is a
# mesh worth it just for observability?", "simply to get mtls").
PURPOSE = frozenset({"for", "to"})
MESH_KINDS = frozenset({"mesh", "service mesh"})  # "… - mesh or load balancer?"
ALTERNATIVE = "or"  # a clause going on with the description: "…, or an api gateway?"
JOINERS = frozenset({"or", "and", "but"})
NAME_WORDS = 4  # "is tetrate service bridge just …": a product's name of four words at most
LISTING = ","  # what ends a clause the list of what the subject may be goes on after
# The clauses and what ends each; a hyphen with spaces round it is a dash ("lattice - a mesh?").
_CLAUSES = re.compile(r"((?:[,.;:!?()\n—]|\s[-–]\s)+)")


class IdentityReader:
    """Takes the description of what a thing is out of a question."""

    def __init__(self, cues: CuePhrases, meshes: AliasIndex, features: AliasIndex) -> None:
        self._cues = cues
        self._meshes = meshes
        self._features = features

    def clauses(self, text: str) -> list[str]:
        """The text's clauses, normalised, without identity complements."""
        asked: list[str] = []
        describing = listing = False
        parts = _CLAUSES.split(text)
        for clause, ended in zip(parts[::2], [*parts[1::2], ""], strict=True):
            words = normalise(clause).split()
            if describing and self._goes_on(words, listing):  # "… a mesh, a gateway, or what?"
                listing = ended.strip() == LISTING
                continue
            end, open_ = self._complement(words, first=not asked and not describing)
            resumes = self._resumes(words, end)  # "… or can it do sidecarless": asked again
            describing = open_ or (resumes == len(words) and end < len(words))
            listing = open_ or ended.strip() == LISTING
            # "what even is vpc lattice — is it a service mesh?": "is it" left of a clause
            # asking only what the subject is asks nothing more
            bare = end < len(words) and set(words[:end]) <= {COPULA, *SUBJECTS, *FUSED, *HEDGES}
            asked.append(" ".join(([] if bare else words[:end]) + words[resumes:]))
        return [a for a in asked if a]

    def _goes_on(self, words: list[str], listing: bool) -> bool:
        """A clause that goes on with what the subject may be: "or …" that asks nothing new
        ("or what?", not "or does it…"), or after a comma (`listing`) "a" and a word of the
        field ("is it a mesh, a load balancer, or something else")."""
        if words[:1] == [ALTERNATIVE]:
            return self._resumes(words, 0) == len(words)
        if not listing or not words or self._resumes(words, 0) < len(words):
            return False
        if words[0] in ARTICLES:
            return self._identity(words, 0)
        # "what is kong mesh - kuma with a support contract, or a fork?": a mesh said as what
        # the subject may be, right after what it is asked
        if find_mentions(words, self._meshes, self._features).mesh_used[:1] == [True]:
            return True
        # kinds set as alternatives after a mesh's name, a mesh one of them: "vpc lattice -
        # mesh or load balancer?" (not "consul: mesh gateway or ingress gateway?")
        pieces = " ".join(words).split(f" {ALTERNATIVE} ")
        kinds = [[w for w in piece.split() if w not in ARTICLES] for piece in pieces]
        return len(pieces) > 1 and any(" ".join(kind) in MESH_KINDS for kind in kinds)

    def _complement(self, words: list[str], first: bool = True) -> tuple[int, bool]:
        """Where the description of what the subject is starts (the end if none does), and
        whether the clause asks what a mesh is and ends on its name, a hedge at most after it
        ("whats traefik mesh exactly, a mesh or a load balancer?": the description follows),
        or is the `first` clause and a mesh's name alone ("lattice: a mesh, or …?"; not one of
        a list: "compare linkerd, kuma, consul on mtls")."""
        mesh_used = find_mentions(words, self._meshes, self._features).mesh_used
        for i in range(len(words) - 1):
            if not _copula(words, i):
                continue
            named = i + 2 if words[i + 1] == "the" else i + 1  # "what's the aks add-on"
            if words[i] in SAID_WITH or (words[i] == "s" and words[i - 1] in SUBJECTS):
                end = i + 1
            else:
                end = i + 2 if words[i + 1] in SUBJECTS else _mesh_end(mesh_used, named)
            if not end and i == 0:  # "is tetrate service bridge basically istio with a gui?"
                end = self._named_before_identity(words, named)
            while end and end < len(words) and words[end] in HEDGES:
                end += 1
            if end and self._identity(words, end):
                return end, False
            asks_what = bool({"whats", WHAT} & set(words[: i + 1]))  # "what kind of thing is x"
            if end == len(words) and asks_what and any(mesh_used[i + 1 : end]):
                return end, True
        # a clause that is a mesh's name alone ("lattice: a mesh, or a load balancer?")
        named = words[1:] if words[:1] == ["the"] else words
        alone = first and bool(named) and all(mesh_used[len(words) - len(named) :])
        return len(words), alone

    def _named_before_identity(self, words: list[str], start: int) -> int:
        """Where a name of a few words no mesh took ends, right before an `identity` phrase
        ("is <product> basically …": the product asked what it is); 0 if none does."""
        for end in range(start + 1, min(len(words), start + NAME_WORDS + 1)):
            if self._cues.starts("identity", " ".join(words[end:])):
                return end
        return 0

    def _resumes(self, words: list[str], end: int) -> int:
        """Where a new question starts after the description ("or can it…", "but does it…")."""
        for i in range(end, len(words) - 1):
            if words[i] in JOINERS and words[i + 1] in self._cues.words["asks_of"]:
                return i + 1
        return len(words)

    def _identity(self, words: list[str], at: int) -> bool:
        """Whether an identity word stands at `at` ("just", or "a" before a field word)."""
        rest = " ".join(words[at:])
        if words[at : at + 1] and words[at] in ARTICLES:
            return self._cues.starts("field", " ".join(words[at + 1 :]))
        if words[at + 1 : at + 2] and words[at + 1] in PURPOSE:
            return False
        return self._cues.starts("identity", rest)


def _copula(words: list[str], i: int) -> bool:
    """An "is" at `i`: written out, contracted ("what's" reads "what s") or fused ("whats")."""
    word = words[i]
    return word in (COPULA, *FUSED) or (word == "s" and i > 0 and words[i - 1] in CONTRACTED)


def _mesh_end(mesh_used: list[bool], start: int) -> int:
    """Where a mesh's name starting at `start` ends (0 if none starts there)."""
    end = start
    while end < len(mesh_used) and mesh_used[end]:
        end += 1
    return end if end > start else 0

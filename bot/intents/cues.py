"""Cue phrases from rules.yaml `phrases:`: the words that decide what kind of question it is.

Each group is a list of phrases matched on normalised text at word boundaries; a
group missing from the file never matches.
"""

from __future__ import annotations

import re

from bot.intents.alternation import word_pattern
from bot.intents.lazy import LazyPattern
from bot.knowledge.aliases import normalise

GROUPS = frozenset(
    {
        "addressed",
        "help",
        "explain",
        "what_is",
        "concept",
        "sources",
        "evidence",
        "evidence_verb_next",
        "evidence_owned",
        "yours",
        "yours_after",
        "provenance",
        "whence",
        "whence_end",
        "whether",
        "features",
        "cost",
        "recommend",
        "decision",
        "decision_opening",
        "next_step",
        "route_asked",
        "decision_relative",
        "relay",
        "own_changes",
        "reason_given",
        "indifferent",
        "purpose",
        "relevance",
        "privative",
        "supposed_need",
        "heading_words",
        "closing",
        "which_meshes",
        "compare",
        "comparative",
        "whole_picture",
        "lifecycle",
        "status_idioms",
        "release_words",
        "unit_mib",
        "unit_gib",
        "unit_millicores",
        "release_status",
        "dated",
        "release_on",
        "how_to",
        "platform_ops",
        "lightest",
        "question_openers",
        "least",
        "choice_openers",
        "lead_in",
        "theirs",
        "counted_per",
        "least_spent",
        "spends",
        "greeting",
        "thanks",
        "out_of_scope",
        "other_tasks",
        "answer_form",
        "status_place",
        "identity",
        "likeness",
        "excepting",
        "rivals",
        "meaning",
        "derived",
        "stands_in",
        "stands_in_after",
        "negation",
        "negation_after",
        "kept_out",
        "kept_out_next",
        "negation_verb",
        "negators",
        "need_words",
        "negation_stops",
        "by_hand",
        "in_full",
        "in_full_after",
        "loosely_before",
        "loosely_after",
        "rehearsed",
        "watched",
        "wished",
        "complaint",
        "clause_break",
        "follow_up",
        "unusable",
        "acts",
        "name_before",
        "name_then_asks",
        "name_part",
        "name_kind",
        "not_names",
        "infrastructure",
        "other_names",
        "product_matters",
        "web_domains",
        "field",
        "east_west",
        "incidental",
        "memory",
        "cpu",
        "latency",
        "control_plane",
        "data_plane",
        "inclusive",
        "quantity",
        "list_meshes",
        "spanning",
        "asks_of",
        "asks_opening",
        "asks_if",
        "asks_way",
        "support_check",
        "built_in",
        "name_after",
        "being",
        "filler",
        "upstream",
        "them",
        "symptoms",
        "diagnose",
        "readiness",
        "licence_words",
        "licence_use",
        "price",
        "billed_units",
        "drawbacks",
        "reply_openers",
        "picks_between",
        "compliance",
        "refers_back",
        "pronouns",
        "concept_asks",
        "support_asked",
        "latest_asked",
        "unit_microseconds",
        "recounted",
        "pivot",
        "pivot_bound",
        "recalled",
        "swapped",
        "according",
    }
)


# Words any topic's question uses ("why", "fix", "error", "production", "legal", "why does
# it matter", "zero"): they say what is asked of a subject, never make a subject mine, so they
# are no vocabulary of mine ("Grey Matter" stays a name).
ANY_TOPIC = frozenset(
    {
        "symptoms",
        "diagnose",
        "readiness",
        "licence_use",
        "relevance",
        "privative",
        "rehearsed",
        "watched",
        "wished",
    }
)


# A group whose phrases, said whole, hold a word of another group in a sense of their own
# ("dead on arrival" is no project's status): inside one, that group's phrase is no cue.
IDIOMS = {"lifecycle": "status_idioms"}


class CuePhrases:
    """One matcher per phrase group, compiled when the group is first used (a question
    touches a few groups; compiling all of them cost every process ~7 ms). An `intensifiers`
    word may stand inside any phrase: "what can you actually do" asks "what can you do"."""

    def __init__(self, phrases: dict[str, list[str]]) -> None:
        self.words: dict[str, frozenset[str]] = {}
        for group in GROUPS:
            self.words[group] = frozenset({normalise(p) for p in phrases.get(group, [])} - {""})
        self._intensifiers = [normalise(p) for p in phrases.get("intensifiers", [])]
        self._patterns: dict[str, LazyPattern | None] = {}

    def _pattern(self, group: str) -> LazyPattern | None:
        if group not in self._patterns:
            self._patterns[group] = word_pattern(self.words[group], self._intensifiers)
        return self._patterns[group]

    def _matches(self, group: str, normalised: str) -> list[re.Match[str]]:
        """The group's phrases said, but for those inside one of its idioms."""
        pattern = self._pattern(group)
        if not pattern:
            return []
        found = list(pattern.finditer(normalised))
        idioms = self._pattern(IDIOMS[group]) if found and group in IDIOMS else None
        if not idioms:
            return found
        held = [m.span() for m in idioms.finditer(normalised)]
        return [m for m in found if not any(a <= m.start() and m.end() <= b for a, b in held)]

    def has(self, group: str, normalised: str) -> bool:
        if group not in IDIOMS:
            pattern = self._pattern(group)
            return bool(pattern and pattern.search(normalised))
        return bool(self._matches(group, normalised))

    def find(self, group: str, normalised: str) -> list[re.Match[str]]:
        return self._matches(group, normalised)

    def strip(self, group: str, normalised: str) -> str:
        """The text with every phrase of the group taken out."""
        if not self._pattern(group):
            return normalised
        kept, at = [], 0
        for match in self._matches(group, normalised):
            kept.append(normalised[at : match.start()])
            at = match.end()
        return " ".join(" ".join([*kept, normalised[at:]]).split())

    def starts(self, group: str, normalised: str) -> bool:
        return bool(self.leading(group, normalised))

    def before(self, group: str, normalised: str) -> str:
        """The text before the group's first phrase (all of it if none is said)."""
        found = self._matches(group, normalised)
        return normalised[: found[0].start()] if found else normalised

    def leading(self, group: str, normalised: str) -> str:
        """The group's longest phrase the text starts with ('' if none)."""
        if group in IDIOMS:
            found = self._matches(group, normalised)
            return found[0].group(0) if found and found[0].start() == 0 else ""
        pattern = self._pattern(group)
        match = pattern.match(normalised) if pattern else None
        return match.group(0) if match else ""

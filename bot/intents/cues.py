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
        "catch",
        "list_asked",
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
    {"symptoms", "diagnose", "readiness", "licence_use", "relevance", "privative", "rehearsed"}
)


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

    def has(self, group: str, normalised: str) -> bool:
        pattern = self._pattern(group)
        return bool(pattern and pattern.search(normalised))

    def find(self, group: str, normalised: str) -> list[re.Match[str]]:
        pattern = self._pattern(group)
        return list(pattern.finditer(normalised)) if pattern else []

    def strip(self, group: str, normalised: str) -> str:
        """The text with every phrase of the group taken out."""
        pattern = self._pattern(group)
        return " ".join(pattern.sub(" ", normalised).split()) if pattern else normalised

    def starts(self, group: str, normalised: str) -> bool:
        pattern = self._pattern(group)
        return bool(pattern and pattern.match(normalised))

    def before(self, group: str, normalised: str) -> str:
        """The text before the group's first phrase (all of it if none is said)."""
        pattern = self._pattern(group)
        match = pattern.search(normalised) if pattern else None
        return normalised[: match.start()] if match else normalised

    def leading(self, group: str, normalised: str) -> str:
        """The group's longest phrase the text starts with ('' if none)."""
        pattern = self._pattern(group)
        match = pattern.match(normalised) if pattern else None
        return match.group(0) if match else ""

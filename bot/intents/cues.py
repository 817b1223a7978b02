"""Cue phrases from rules.yaml `phrases:`: the words that decide what kind of question it is.

Each group is a list of phrases matched on normalised text at word boundaries; a
group missing from the file never matches.
"""

from __future__ import annotations

import re

from bot.intents.alternation import word_pattern
from bot.intents.complaints import not_beside
from bot.intents.lazy import LazyPattern
from bot.knowledge.aliases import normalise

GROUPS = frozenset(
    {
        "addressed",
        "moves_to",
        "asks_release_support",
        "asks_freshness",
        "asks_independence",
        "asks_method",
        "cli_suffixes",
        "alternative_clause",
        "sufficiency",
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
        "source_idioms",
        "whence",
        "whence_end",
        "whether",
        "features",
        "cost",
        "recommend",
        "recommend_closing",
        "decision",
        "decision_opening",
        "next_step",
        "brief",
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
        "heading_setup",
        "closing",
        "which_meshes",
        "compare",
        "comparative",
        "whole_picture",
        "lifecycle",
        "status_idioms",
        "status_asked",
        "confirm_asked",
        "how_works",
        "works_asked",
        "release_words",
        "release_channels",
        "unit_mib",
        "unit_gib",
        "unit_millicores",
        "release_status",
        "release_news",
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
        "known_already",
        "afterthought",
        "afterthought_joined",
        "fallback_joined",
        "fallback_picks",
        "more_asked",
        "field_opened",
        "rivals",
        "meaning",
        "derived",
        "stands_in",
        "stands_in_after",
        "negation",
        "negation_after",
        "losing",
        "kept_out",
        "kept_out_next",
        "kept_out_before",
        "kept_out_before_unless",
        "negation_verb",
        "negators",
        "need_words",
        "negation_stops",
        "by_hand",
        "in_full",
        "in_full_after",
        "released",
        "released_after",
        "released_all",
        "loosely_before",
        "loosely_after",
        "rehearsed",
        "watched",
        "wished",
        "complaint",
        "compared_amount",
        "mesh_vocabulary",
        "clause_break",
        "follow_up",
        "narrowing",
        "unusable",
        "proxy_rollout",
        "acts",
        "name_before",
        "name_then_asks",
        "name_part",
        "speaker_owners",
        "speaker_verbs",
        "name_kind",
        "mesh_said",
        "run_pronoun",
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
        "by_default",
        "install_need",
        "installed_words",
        "interop_asked",
        "name_after",
        "being",
        "filler",
        "upstream",
        "them",
        "symptoms",
        "symptom_idioms",
        "diagnose",
        "readiness",
        "licence_words",
        "licence_use",
        "price",
        "price_free",
        "price_free_lead",
        "money_ranked",
        "billed_units",
        "drawbacks",
        "catch",
        "difference_asked",
        "list_asked",
        "reply_openers",
        "picks_between",
        "among_named",
        "compliance",
        "refers_back",
        "feature_asked",
        "need_added",
        "distribution_nouns",
        "changes_asked",
        "loss_asked",
        "instead_asked",
        "migration_asked",
        "pronouns",
        "concept_asks",
        "support_asked",
        "sellers_asked",
        "who_asked",
        "latest_asked",
        "unit_microseconds",
        "recounted",
        "pivot",
        "pivot_bound",
        "recalled",
        "swapped",
        "swaps_in",
        "according",
        "role_asked",
        "callers",
        "opinion_asked",
        "wanting",
        "requiring",
    }
)

# A group whose phrases a longer phrase of another group holds, and then says that other
# thing: "who does" asks which meshes do something ("who does global rate limiting?"), but
# "who does the routing" asks what part does a job (`role_asked`), and "who can call payments"
# names the callers a policy allows (`callers`); "dead on arrival" is no project's status
# (`status_idioms`).
YIELDS: dict[str, tuple[str, ...]] = {
    "which_meshes": ("role_asked", "callers"),
    "list_meshes": ("role_asked", "callers"),
    "lifecycle": ("status_idioms",),
    "provenance": ("source_idioms",),
    "symptoms": ("symptom_idioms",),
    "requiring": ("wanting",),  # "not a must", "not mandatory": a want
}

# A group whose phrases say it only where no phrase of another group stands right after or
# right before: "sidecars eat our memory" complains, "which one eats less memory" and "which
# one is less of a headache" weigh two amounts (bot/intents/complaints.py).
NOT_BESIDE: dict[str, str] = {"complaint": "compared_amount"}

# A group whose phrases say it too where they close the text ("… what's the mesh?") but not
# further on ("what's the mesh overhead"): `has` reads them for the group.
CLOSING = {"recommend": "recommend_closing"}


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
            said = word_pattern(self.words[group], self._intensifiers)
            beside = self.words.get(NOT_BESIDE.get(group, ""), frozenset())
            self._patterns[group] = not_beside(said, beside, self.words[group])
        return self._patterns[group]

    def has(self, group: str, normalised: str) -> bool:
        pattern = self._pattern(group)
        if pattern and pattern.search(self._yielded(group, normalised)):
            return True
        closing = CLOSING.get(group)
        return bool(closing) and self.closes(closing, normalised)

    def closes(self, group: str, normalised: str) -> bool:
        """The text ends on a phrase of the group."""
        end = len(normalised.rstrip())
        return any(m.end() == end for m in self.find(group, normalised))

    def find(self, group: str, normalised: str) -> list[re.Match[str]]:
        pattern = self._pattern(group)
        return list(pattern.finditer(self._yielded(group, normalised))) if pattern else []

    def _yielded(self, group: str, normalised: str) -> str:
        """The text with the phrases of the groups this one yields to (`YIELDS`) blanked,
        its length kept: what they say is theirs."""
        for other in YIELDS.get(group, ()):
            if pattern := self._pattern(other):
                normalised = pattern.sub(lambda m: re.sub(r"\S", "_", m.group(0)), normalised)
        return normalised

    def strip(self, group: str, normalised: str) -> str:
        """The text with every phrase of the group taken out."""
        if not self._pattern(group):
            return normalised
        kept, at = [], 0
        for match in self.find(group, normalised):
            kept.append(normalised[at : match.start()])
            at = match.end()
        return " ".join(" ".join([*kept, normalised[at:]]).split())

    def starts(self, group: str, normalised: str) -> bool:
        return bool(self.leading(group, normalised))

    def before(self, group: str, normalised: str) -> str:
        """The text before the group's first phrase (all of it if none is said)."""
        found = self.find(group, normalised)
        return normalised[: found[0].start()] if found else normalised

    def leading(self, group: str, normalised: str) -> str:
        """The group's longest phrase the text starts with ('' if none)."""
        pattern = self._pattern(group)
        match = pattern.match(self._yielded(group, normalised)) if pattern else None
        return match.group(0) if match else ""

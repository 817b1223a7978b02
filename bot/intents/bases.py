"""A distribution's base mesh named as its context, not as a subject.

"is gloo just istio with a UI", "tetrate service bridge vs gloo mesh for enterprise istio",
"what does gloo mesh add in latency, same as istio or worse?": Istio is what Gloo Mesh is
built on, said to place it, and the question is about Gloo Mesh. The base is a subject
only when it is set against something: an operand of "vs", "compare", "better than"
(rules.yaml `phrases: compare`), of "than", or of an "and" after such a cue ("difference
between openshift service mesh and running community istio") with no other mesh between, or listed
beside another mesh ("gloo mesh or istio", "compare gloo mesh and istio").
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.intents.extract import Mentions
from bot.knowledge.models import Mesh

WINDOW = 5  # "addon vs just helm installing istio": up to five words between cue and name
COMPARATIVE = "than"  # "more latency than vanilla istio" (no cue alone: "more than 200 pods")
JOINER = "and"  # after a comparison cue, the word between its operands
LISTING = frozenset({"and", "or", "vs", "versus", "v"})


def context_bases(
    tokens: list[str], found: Mentions, meshes: Iterable[Mesh], cues: list[tuple[int, int]]
) -> set[str]:
    """The base meshes named only as the context of a distribution also named.

    `cues`: the token spans (start, end) of comparison cues other than a lone "or".
    """
    cues = cues + [(i, i + 1) for i, word in enumerate(tokens) if word == COMPARATIVE]
    named = set(found.meshes)
    bases = {m.based_on for m in meshes if m.id in named and m.based_on in named}
    return {
        b
        for b in bases
        if not any(
            _set_against(tokens, found, s, cues) or _joined(tokens, found, s, cues)
            for s in _spans(found, b)
        )
    }


def _joined(
    tokens: list[str], found: Mentions, span: tuple[int, int, str], cues: list[tuple[int, int]]
) -> bool:
    """The second operand of a cue's "and": "diff between openshift service mesh and
    running community istio" (another mesh between the cue and the "and", none after it)."""
    start = span[0]
    joints = [
        i
        for i, word in enumerate(tokens[:start])
        if word == JOINER and start - i - 1 <= WINDOW and not _mesh_between(found, i, start)
    ]
    return any(
        end <= joint and _mesh_between(found, end, joint) for joint in joints for _, end in cues
    )


def _spans(found: Mentions, mesh: str) -> list[tuple[int, int, str]]:
    return [span for span in found.spans if span[2] == mesh]


def _set_against(
    tokens: list[str], found: Mentions, span: tuple[int, int, str], cues: list[tuple[int, int]]
) -> bool:
    start, end, _ = span
    for cue_start, cue_end in cues:
        if 0 <= start - cue_end <= WINDOW and not _mesh_between(found, cue_end, start):
            return True
        if 0 <= cue_start - end <= WINDOW and not _mesh_between(found, end, cue_start):
            return True
    return _listed(tokens, found, span)


def _mesh_between(found: Mentions, start: int, end: int) -> bool:
    return any(found.mesh_used[start:end])


def _listed(tokens: list[str], found: Mentions, span: tuple[int, int, str]) -> bool:
    """Beside another mesh with only "and", "or" or "vs" between: "gloo mesh or istio"."""
    start, end, mesh = span
    for other_start, other_end, other in found.spans:
        if other == mesh:
            continue
        gap = tokens[other_end:start] if other_end <= start else tokens[end:other_start]
        if len(gap) <= 1 and set(gap) <= LISTING:
            return True
    return False

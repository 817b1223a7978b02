"""Meshes named as the context of a question about something else, not as its subjects.

- A retired mesh said to be gone: "evaluating kumaflow because osm got archived", "osm is
  dead so we are trialling linkerd". The question is about Kumaflow or Linkerd; Open Service Mesh is
  named with a lifecycle word (rules.yaml `phrases: lifecycle`) a few words from it to say
  why, or apart from the current meshes a comparison sets against each other ("we inherited
  app mesh … lattice vs istio?"). Alone ("app mesh is being shut down, what do we do next")
  it stays the subject.
- A mesh a feature is likened to: "can consul do ambient like istio does", "does network
  service mesh do L7 routing like istio?" ask about Consul and Network Service Mesh; Istio
  stands after a `likeness` word ("like", "the way") as the yardstick. With no subject
  before it ("something like app mesh for 20 services") it stays a subject.

- A mesh a product the knowledge base lacks is made from: "flomesh — looks like a fork of
  osm", "aspen mesh, 'hardened istio for carriers'" ask about Flomesh and Aspen Mesh; the
  mesh after a `derived` word places them.
- A mesh a product the knowledge base lacks is set in place of: "'Istiolite Pro' as a drop-in
  istio replacement", "Meshly, an alternative to linkerd" ask about the product; the mesh
  beside a `stands_in` word (before it) or `stands_in_after` word (after it) places it.

A distribution's base named as its context is bot/intents/bases.py.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Callable
from itertools import pairwise

from bot.intents.cues import CuePhrases
from bot.intents.extract import Mentions
from bot.knowledge.aliases import normalise

WINDOW = 3  # "osm got archived on us": the lifecycle word within three words of the name
COMPARE_GAP = 1  # "vs plain istio": one word at most between a comparison cue and a name
LONE_OR = "or"  # "app mesh or istio" sets them apart only with another cue
LIKENESS_GAP = 1  # "like plain istio": one word at most between the likeness and the name
PLACED_GAP = 5  # words between a product and the mesh it is set in place of


def _spans(cues: CuePhrases, group: str, tokens: list[str]) -> list[tuple[int, int]]:
    text = " ".join(tokens)
    return [
        (start := len(text[: m.start()].split()), start + len(m.group(0).split()))
        for m in cues.find(group, text)
    ]


def retired_context(
    tokens: list[str],
    found: Mentions,
    cues: CuePhrases,
    current: Callable[[str], bool],
    other_names: bool,
) -> set[str]:
    """The retired meshes named only to say they are gone (not a status asked of them),
    when something else is asked about (a current mesh, or `other_names`: a name the
    knowledge base lacks)."""
    if not other_names and not any(current(m) for m in found.meshes):
        return set()
    asked = _spans(cues, "status_asked", tokens)  # "the status of traefik mesh": no status said
    said = [span for span in _spans(cues, "lifecycle", tokens) if span not in asked]

    gone = {
        mesh
        for start, end, mesh in found.spans
        if not current(mesh)
        and any(0 <= s - end <= WINDOW or 0 <= start - e <= WINDOW for s, e in said)
    }
    # "nginx service mesh is dead … nginx service mesh vs kuma?": set against another, it is
    # a side of the comparison, however retired; so is one named again beside its status in
    # a message asking for a comparison with one current mesh ("app mesh is going away … what
    # we lose moving from app mesh to service connect. compare them"); beside two, it is what
    # they have today (see `left_behind`).
    named = [m for _, _, m in found.spans]
    again = {m for m in named if named.count(m) > 1}
    alone = len({m for m in named if current(m)}) < 2
    sides = again if alone and _spans(cues, "compare", tokens) else set()
    return gone - compared_meshes(tokens, found, cues) - sides


JOINED = frozenset({"and", "or"})  # between two operands of one comparison cue


def compared_meshes(tokens: list[str], found: Mentions, cues: CuePhrases) -> set[str]:
    """The meshes a comparison cue sets against another ("x vs y", "compare x and y"): a
    word apart at most from a cue other than a lone "or"."""
    cued = [(s, e) for s, e in _spans(cues, "compare", tokens) if tokens[s:e] != [LONE_OR]]

    def against(start: int, end: int) -> bool:
        return any(0 <= start - e <= COMPARE_GAP or 0 <= s - end <= COMPARE_GAP for s, e in cued)

    compared = {mesh for start, end, mesh in found.spans if against(start, end)}
    # "choosing between consul and istio": the mesh joined to a compared one is compared too
    spans = sorted(found.spans)
    for (_, end, mesh), (start, _, other) in itertools.pairwise(spans):
        if mesh in compared and start == end + 1 and tokens[end] in JOINED:
            compared.add(other)
    return compared


def left_behind(
    tokens: list[str], found: Mentions, cues: CuePhrases, current: Callable[[str], bool]
) -> set[str]:
    """The retired meshes a message names apart from the current ones it sets against each
    other: "we inherited app mesh, aws is sunsetting it … vpc lattice vs ecs service connect
    vs istio?" asks about the three; App Mesh is what they leave. A lone "or" right between two
    names sets them against each other here ("we're on app mesh today and gotta move off it.
    service connect or lattice?")."""
    compared = choice_between(tokens, found, cues)
    if len({m for m in compared if current(m)}) < 2:
        return set()
    return {m for _, _, m in found.spans if not current(m) and m not in compared}


def excepted(tokens: list[str], found: Mentions, cues: CuePhrases) -> set[str]:
    """The meshes a list question leaves out: right after an `excepting` word ("does anything
    besides istio do wasm?", "any mesh other than linkerd with fips"), the yardstick."""
    cued = _spans(cues, "excepting", tokens)
    return {
        mesh
        for start, _, mesh in found.spans
        if any(0 <= start - end <= LIKENESS_GAP for _, end in cued)
    }


def known_apart(tokens: list[str], found: Mentions, cues: CuePhrases) -> set[str]:
    """The meshes said as already known when more are asked for ("i know ambient and
    cilium, anything else?"): those right after a `known_already` phrase, and each one
    joined to them by a word at most; none where no `more_asked` phrase asks for others."""
    if not _spans(cues, "more_asked", tokens):
        return set()
    known: set[str] = set()
    for _, cue_end in _spans(cues, "known_already", tokens):
        end = cue_end
        for start, mesh_end, mesh in sorted(found.spans):
            if start < cue_end:
                continue
            if start - end > LIKENESS_GAP:
                break
            known.add(mesh)
            end = mesh_end
    return known


def listed_apart(
    tokens: list[str], found: Mentions, cues: CuePhrases, features: bool, normalised: str
) -> set[str]:
    """The meshes a list question leaves out. Asked as a list ("which meshes", "anything
    besides"), those right after an excepting word; asked of a feature with every mesh it
    names after one ("who does sidecarless besides istio ambient", "sidecarless options
    other than ambient?"), the question is a list of the others, not one of that mesh."""
    apart = excepted(tokens, found, cues)
    if cues.has("list_meshes", normalised):
        return apart
    if features and apart and {m for _, _, m in found.spans} <= apart:
        return apart
    return set()


def likened(tokens: list[str], found: Mentions, cues: CuePhrases, other_names: bool) -> set[str]:
    """The meshes a feature question likens its subject to: right after a `likeness`
    word, with a subject named before them (a mesh, or `other_names`: a name the knowledge
    base lacks)."""
    cued = _spans(cues, "likeness", tokens)
    out = set()
    for start, _, mesh in found.spans:
        before = {m for s, _, m in found.spans if s < start and m != mesh}
        if (before or other_names) and any(0 <= start - end <= LIKENESS_GAP for _, end in cued):
            out.add(mesh)
    return out


def derived(tokens: list[str], found: Mentions, cues: CuePhrases, other_names: bool) -> set[str]:
    """The meshes an unknown product is said to be made from (right after a `derived`
    word), when such a product is named (`other_names`)."""
    if not other_names:
        return set()
    cued = _spans(cues, "derived", tokens)
    return {
        mesh
        for start, _, mesh in found.spans
        if any(0 <= start - end <= LIKENESS_GAP for _, end in cued)
    }


def stood_in_for(tokens: list[str], found: Mentions, cues: CuePhrases) -> list[tuple[int, int]]:
    """Where the meshes a product is set in place of stand: right after a `stands_in` word
    ("an alternative to linkerd") or right before a `stands_in_after` one ("istio killer")."""
    before = _spans(cues, "stands_in", tokens)
    after = _spans(cues, "stands_in_after", tokens)
    return [
        (start, end)
        for start, end, _ in found.spans
        if any(0 <= start - e <= LIKENESS_GAP for _, e in before) or any(s == end for s, _ in after)
    ]


def replaced(tokens: list[str], found: Mentions, cues: CuePhrases, names: list[str]) -> set[str]:
    """The meshes an unknown product (one of `names`) is set in place of, a few words from
    it: what places it, no subject ("is meshery a mesh? could we use it instead of kuma"
    asks about Kuma too)."""
    said = [normalise(n).split() for n in names]
    at = [
        (i, i + len(words))
        for words in said
        for i in range(len(tokens))
        if words and tokens[i : i + len(words)] == words
    ]
    near = [
        (start, end)
        for start, end in stood_in_for(tokens, found, cues)
        if any(0 <= start - e <= PLACED_GAP or 0 <= s - end <= PLACED_GAP for s, e in at)
    ]
    return {mesh for start, end, mesh in found.spans if (start, end) in near}


def _either(tokens: list[str], found: Mentions, upstream: frozenset[str]) -> set[str]:
    """The meshes a lone "or" sets right between each other ("service connect or lattice"),
    an `upstream` word standing with the second's name ("managed csm or upstream istio"),
    with the list it closes ("linkerd, kuma or cilium": its commas are gone, so the meshes
    before stand right next to each other)."""
    spans = sorted(found.spans)
    chosen: set[str] = set()
    for i, ((_, end, left), (start, _, right)) in enumerate(pairwise(spans)):
        between = tokens[end + 1 : start]
        if start > end and tokens[end] == LONE_OR and all(t in upstream for t in between):
            chosen |= {left, right}
            j = i
            while j > 0 and spans[j - 1][1] == spans[j][0]:  # listed right before
                j -= 1
                chosen.add(spans[j][2])
    return chosen


def choice_between(tokens: list[str], found: Mentions, cues: CuePhrases) -> set[str]:
    """The meshes a message sets against each other to choose between: by a comparison cue
    ("kuma vs kong mesh") or a lone "or" right between them ("consul or kuma?", "csm or
    upstream istio?"); meshes only named in its history ("we looked at istio and consul last
    year") are not."""
    upstream = frozenset(cues.words["upstream"])
    return compared_meshes(tokens, found, cues) | _either(tokens, found, upstream)


UNCOVERED = "?"  # marks an uncovered product's name set among the meshes


def _name_spans(tokens: list[str], names: list[str]) -> list[tuple[int, int, str]]:
    """Where each name (of a product the knowledge base lacks) stands in the tokens, marked
    `UNCOVERED` so that it is never taken for a mesh."""
    spans = []
    for name in names:
        words = normalise(name).split()
        for start in range(len(tokens) - len(words) + 1):
            if words and tokens[start : start + len(words)] == words:
                spans.append((start, start + len(words), UNCOVERED + name))
    return spans


def choice_beside_uncovered(
    tokens: list[str], found: Mentions, cues: CuePhrases, uncovered: list[str]
) -> tuple[set[str], bool]:
    """The meshes a message sets against each other or against a product the knowledge base
    lacks ("tetrate service bridge or gloo mesh?", "greymatter vs kuma vs consul"), and
    whether such a product is among the sides."""
    spans = [*found.spans, *_name_spans(tokens, uncovered)]
    sides = choice_between(tokens, dataclasses.replace(found, spans=spans), cues)
    return {m for m in sides if not m.startswith(UNCOVERED)}, any(
        m.startswith(UNCOVERED) for m in sides
    )


def swapped_out(tokens: list[str], found: Mentions, cues: CuePhrases) -> set[str]:
    """The meshes a comparison swaps out: right after a `swapped` word ("same comparison but
    istio ambient instead of sidecar istio, vs linkerd"), when two other meshes are named and
    a comparison cue sets one of them against another. "should we use linkerd instead of
    istio?" sets the two against each other and leaves out neither."""
    cued = _spans(cues, "swapped", tokens)
    after = {
        mesh
        for start, _, mesh in found.spans
        if any(0 <= start - end <= LIKENESS_GAP for _, end in cued)
    }
    out = set()
    for mesh in after:
        others = {m for m in found.meshes if m != mesh}
        elsewhere = any(  # named again, apart from the swap: still a side
            m == mesh and not any(0 <= s - end <= LIKENESS_GAP for _, end in cued)
            for s, _, m in found.spans
        )
        if len(others) >= 2 and others & compared_meshes(tokens, found, cues) and not elsewhere:
            out.add(mesh)
    return out

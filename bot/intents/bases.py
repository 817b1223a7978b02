"""A distribution's base mesh named as its context, not as a subject.

"is gloo just istio with a UI", "tetrate service bridge vs gloo mesh for enterprise istio",
"what does gloo mesh add in latency, same as istio or worse?": Istio is what Gloo Mesh is
built on, said to place it, and the question is about Gloo Mesh. The base is a subject
only when it is set against something: an operand of "vs", "compare", "better than"
(rules.yaml `phrases: compare`), of "than", or of an "and" after such a cue ("difference
between openshift service mesh and running community istio") with no other mesh between, or listed
beside another mesh ("gloo mesh or istio", "compare gloo mesh and istio"); or called the upstream
(rules.yaml `phrases: upstream`: "is gloo mesh overhead the same as upstream istio?"), which
sets it apart from the distribution.

A project named beside one of its other modes places that mode the same way: in "wtf is
ambient mode in istio" Istio says whose ambient mode it is (mesh YAML `mode_aliases.beside`),
unless a word of its own mode stands beside it ("istio sidecars vs ambient"). Said right
against that mode's name, in either order ("ambient istio", "ambient-mode istio vs cilium"),
or a word of being in it apart ("linkerd vs istio in ambient mode"), it is part of that name,
as the alias "istio ambient" is, and never an operand of its own.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable

from bot.intents.extract import Mentions
from bot.knowledge.aliases import AliasIndex, normalise
from bot.knowledge.models import Mesh

WINDOW = 5  # "addon vs just helm installing istio": up to five words between cue and name
COMPARATIVE = "than"  # "more latency than vanilla istio" (no cue alone: "more than 200 pods")
JOINER = "and"  # after a comparison cue, the word between its operands
ALTERNATIVE = "or"  # "gloo mesh or just run plain istio": the base offered as the other choice
LISTING = frozenset({"and", "or", "vs", "versus", "v"})
COUNTED_REACH = 2  # "both managed istio", "the two managed istios": the word standing for them
MODE_OF = frozenset({"in", "using", "running"})  # "istio in ambient mode", "ambient in istio"


def context_bases(
    tokens: list[str],
    found: Mentions,
    meshes: Iterable[Mesh],
    cues: list[tuple[int, int]],
    upstream: frozenset[str] = frozenset(),
    said: list[str] | None = None,
    them: frozenset[str] = frozenset(),
) -> set[str]:
    """The base meshes named only as the context of a distribution also named.

    `cues`: the token spans (start, end) of comparison cues other than a lone "or";
    `upstream`: words right before a base that call it the upstream ("vanilla istio");
    `said`: every word of the question, where `tokens` lack those a signal took ("would
    istio sidecars eat" still names Istio's sidecar mode); `them`: words standing for the
    meshes named ("gcsm vs the aks add-on, both managed istio, how do they compare"): a base
    before one of them is no operand of the cue after it.
    """
    cues = cues + [(i, i + 1) for i, word in enumerate(tokens) if word == COMPARATIVE]
    named = set(found.meshes)
    meshes = list(meshes)
    bases = {m.based_on for m in meshes if m.id in named and m.based_on in named}
    bases |= _projects(tokens, found, meshes, tokens if said is None else said)
    siblings = {
        frozenset((m.id, other))
        for m in meshes
        if m.mode_aliases
        for other in m.mode_aliases.beside
    }
    names = {m.id: _names(m) for m in meshes if m.id in bases}  # a base's own names
    return {
        b
        for b in bases
        if not any(
            (
                not _for_them(tokens, s, names[b], them)
                and _set_against(tokens, found, s, cues, them)
            )
            or _joined(tokens, found, s, cues)
            or (s[0] > 0 and tokens[s[0] - 1] in upstream)
            for s in _spans(found, b)
            if not _fused(tokens, found, s, siblings)
        )
    }


def packaged(
    tokens: list[str],
    found: Mentions,
    meshes: Iterable[Mesh],
    index: AliasIndex,
    platform: frozenset[str],
    text: str,
) -> set[str]:
    """Meshes named only by a platform's packaging of a mesh right after another mesh's
    name: "the open service mesh aks add-on" is OSM's add-on on AKS, not the Istio add-on
    that "aks add-on" names alone. Such an alias holds a platform's word and no word that
    names a mesh by itself ("aks add-on", "aks mesh"; not "aks istio"); right after its own
    base ("istio aks add-on") it names itself, and a comma between the two (`text`: as
    written) lists two ("compare gcsm, openshift service mesh and gloo")."""
    base = {m.id: m.based_on for m in meshes}
    spans = sorted(found.spans)
    packed = set()
    lowered = text.lower()
    for (first, end, before), span in itertools.pairwise(spans):
        start, stop, mesh = span
        words = tokens[start:stop]
        if end != start or mesh in (before, base.get(before)) or base.get(mesh) == before:
            continue
        if not _run_on(lowered, tokens[first:end], words):
            continue
        if platform & set(words) and not any(index.exact(w) for w in words):
            packed.add(span)
    return {m for _, _, m in packed if all(s in packed for s in _spans(found, m))}


def _run_on(text: str, before: list[str], after: list[str]) -> bool:
    """Whether two names stand in the text with nothing but spaces or a hyphen between them
    ("open service mesh aks add-on"), not a comma or a slash ("gcsm, openshift service mesh")."""
    said = [re.escape(w) for w in before], [re.escape(w) for w in after]
    pattern = r"\W+".join(said[0]) + r"[\s-]+" + r"\W+".join(said[1])
    return bool(re.search(rf"(?<![a-z0-9]){pattern}(?![a-z0-9])", text))


def _fused(
    tokens: list[str],
    found: Mentions,
    span: tuple[int, int, str],
    siblings: set[frozenset[str]],
) -> bool:
    """A project's name touching a sibling mode's name that does not say it already, or a
    word of being in it apart: "ambient istio", "istio in ambient mode" name one mode,
    "compare istio istio-ambient" two."""
    start, end, mesh = span
    for other_start, other_end, other in found.spans:
        gap = tokens[other_end:start] if other_end <= start else tokens[end:other_start]
        if (
            frozenset((mesh, other)) in siblings
            and len(gap) <= 1
            and set(gap) <= MODE_OF
            and not set(tokens[start:end]) & set(tokens[other_start:other_end])
        ):
            return True
    return False


def _projects(tokens: list[str], found: Mentions, meshes: list[Mesh], said: list[str]) -> set[str]:
    """Projects named beside another of their modes by their name alone, no phrase of their
    own mode beside it where the question says it (`said`, the words signals took included:
    "istio", not "istio sidecars", "sidecar istio" or "would istio sidecars eat")."""
    named = set(found.meshes)
    projects = set()
    for mesh in meshes:
        modes = mesh.mode_aliases
        if mesh.id not in named or not modes or not named & set(modes.beside):
            continue
        phrases = [normalise(p) for p in modes.words]
        words = {w for phrase in phrases for w in phrase.split()}
        own = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
        names = {" ".join(tokens[s:e]) for s, e, _ in _spans(found, mesh.id)}
        if any(words & set(name.split()) for name in names):  # "istio sidecar mode"
            continue
        beside = (rf"\b(?:(?:{own}) {re.escape(n)}|{re.escape(n)} (?:{own}))\b" for n in names)
        if not any(re.search(pattern, " ".join(said)) for pattern in beside):
            projects.add(mesh.id)
    return projects


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


def _names(mesh: Mesh) -> frozenset[str]:
    return frozenset(normalise(n) for n in (mesh.id, mesh.name, *mesh.known_as)) - {""}


def _for_them(
    tokens: list[str], span: tuple[int, int, str], names: frozenset[str], them: frozenset[str]
) -> bool:
    """The base said as what the distributions named are, not as a project of its own: in
    the plural ("how the two managed istios differ"), or a word standing for them at most a
    word before it ("both managed istio, how do they differ")."""
    start, end, _ = span
    said = " ".join(tokens[start:end])
    plural = said not in names and any(said in (f"{n}s", f"{n}es") for n in names)
    return plural or bool(set(tokens[max(0, start - COUNTED_REACH) : start]) & them)


def _spans(found: Mentions, mesh: str) -> list[tuple[int, int, str]]:
    return [span for span in found.spans if span[2] == mesh]


def _set_against(
    tokens: list[str],
    found: Mentions,
    span: tuple[int, int, str],
    cues: list[tuple[int, int]],
    them: frozenset[str],
) -> bool:
    start, end, _ = span
    for cue_start, cue_end in cues:
        if 0 <= start - cue_end <= WINDOW and not _mesh_between(found, cue_end, start):
            return True
        # "… istio, how do they compare", "how the two managed istios differ": the base
        # said of the meshes named, as what they are
        stands_in = (
            set(tokens[end:cue_start]) & them or set(tokens[max(0, start - 2) : start]) & them
        )
        if 0 <= cue_start - end <= WINDOW and not (
            _mesh_between(found, end, cue_start) or stands_in
        ):
            return True
    return _listed(tokens, found, span)


def _mesh_between(found: Mentions, start: int, end: int) -> bool:
    return any(found.mesh_used[start:end])


def _listed(tokens: list[str], found: Mentions, span: tuple[int, int, str]) -> bool:
    """Beside another mesh with only "and", "or" or "vs" between ("gloo mesh or istio"), or
    offered as the other choice: "aks istio addon or just self-manage istio"."""
    start, end, mesh = span
    for other_start, other_end, other in found.spans:
        if other == mesh:
            continue
        gap = tokens[other_end:start] if other_end <= start else tokens[end:other_start]
        if len(gap) <= 1 and set(gap) <= LISTING:
            return True
        if other_end <= start and gap[:1] == [ALTERNATIVE] and len(gap) <= WINDOW:
            return True
    return False


def refused_over(
    bases: Iterable[str],
    named: Iterable[str],
    meshes: dict[str, Mesh],
    refused: object,
    vendors: Iterable[str],
) -> set[str]:
    """The bases that stay subjects because the distribution named beside them is what they
    refuse: "can I get FIPS with kuma without paying for kong mesh" asks of Kuma, Kong Mesh
    set against it. Refused by name (`refused`, the refused mesh), or made by a vendor they
    want nothing from (`vendors`: a commercial offering only that vendor provides or sells)."""
    refusing = set(vendors)
    out = set()
    for mesh_id in named:
        mesh = meshes.get(mesh_id)
        if mesh is None or mesh.based_on not in set(bases):
            continue
        fit = mesh.fit
        makers = {fit.provider} if fit and fit.provider else set(fit.support_from if fit else [])
        if mesh_id == refused or (makers and makers <= refusing):
            out.add(mesh.based_on)
    return out

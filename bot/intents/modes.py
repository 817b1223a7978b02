"""A mode of one project named by a plain word when set against another of its modes.

"istio ambient vs sidecar" compares ambient with Istio's sidecar mode: the word "sidecar"
names that entry only across a "vs", "or" or "than" from a sibling mode (mesh YAML
`mode_aliases`), so "does linkerd use sidecars" still asks about Linkerd.

A mode asked of another mesh is that mesh's feature (mesh YAML `as_feature`): "does kuma
support an ambient mode?" asks for Kuma's sidecarless row, not a comparison with Istio's
ambient mode. Said against it ("gcsm vs ambient") or of a sibling mode ("does istio support
ambient?"), the mode stays a mesh.
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.intents.extract import Mentions, add_mesh
from bot.intents.names import SEPARATORS
from bot.knowledge.aliases import normalise
from bot.knowledge.models import Mesh

CONTRASTS = frozenset({"vs", "versus", "v", "against", "than", "compared"})  # not "or", "to"
CONTRAST_GAP = 6  # words at most between the mode's word and its sibling
CONTRAST_REACH = 2  # words at most from a contrast to the mode set against one unnamed
PLACED = frozenset({"in", "on"})  # "ambient in ossm", "ambient on the aks add-on"
# "ambient with the aks add-on": placed so only in a build of the mode's own project, since
# "ambient with linkerd" asks how the two work together.
BUILT_WITH = frozenset({"with"})
PLACED_GAP = 3  # words at most between a mode and the mesh it is placed in: "supported in"


class ModeReader:
    """Adds the mode a word names to the mentions, where a sibling mode stands opposite."""

    def __init__(self, meshes: Iterable[Mesh], negators: Iterable[str] = ()) -> None:
        """`negators`: words that deny what follows ("no sidecars" names no sidecar mode)."""
        self._negators = sorted({tuple(n.split()) for n in negators if n}, key=len)
        self._modes = [
            (
                mesh.id,
                frozenset(mesh.mode_aliases.beside),
                sorted(
                    {tuple(normalise(w).split()) for w in mesh.mode_aliases.words},
                    key=len,
                    reverse=True,
                ),
            )
            for mesh in meshes
            if mesh.mode_aliases
        ]
        self._siblings = {
            frozenset((mesh.id, other))
            for mesh in meshes
            if mesh.mode_aliases
            for other in mesh.mode_aliases.beside
        }
        self._as_feature = {mesh.id: mesh.as_feature for mesh in meshes if mesh.as_feature}
        # "istio ambient": a mode named with its project's name is that mesh, no feature of
        # another ("we run linkerd; what does istio ambient cost …" asks about ambient)
        self._project_words = {
            mode: {w for a, b in self._siblings if mode in (a, b) for w in (a, b) if w != mode}
            for mode in self._as_feature
        }
        self._base = {mesh.id: mesh.based_on for mesh in meshes if mesh.based_on}

    def as_features(
        self,
        tokens: list[str],
        found: Mentions,
        asked: bool,
        compared: bool,
        ors: list[tuple[int, int]],
    ) -> list[str]:
        """The features of the modes asked of a mesh named before them, or right after them
        where the mode is placed in it ("is ambient available on the aks add-on"), taken out
        of the meshes. `asked`: a question asks of a mesh ("does gcsm …"), which a mode placed
        in one needs not ("ambient mode on openshift service mesh — GA yet?"); `compared`: a
        comparison cue sets them against each other, as a bare "or" (at `ors`) does only
        between them ("gcsm or ambient?", not "does gcsm support ambient or not?")."""
        if compared:
            return []
        features = []
        for mode, feature in self._as_feature.items():
            spans = [s for s in found.spans if s[2] == mode]
            if mode not in found.meshes or not spans:
                continue
            at = spans[0][0]
            if self._project_words[mode] & set(tokens[at : spans[0][1]]):
                continue
            before = {m for _, end, m in found.spans if end <= at and m != mode} if asked else set()
            before = before or self._placed_in(tokens, found, spans[0])
            first = min((start for start, _, m in found.spans if m in before), default=at)
            if any(first <= start and end <= at for start, end in ors):
                continue
            if before and not any(frozenset((mode, m)) in self._siblings for m in before):
                found.meshes.remove(mode)
                features.append(feature)
        return features

    def asked_of_product(self, found: Mentions, at: int, compared: bool) -> list[str]:
        """The features of the modes named after a product I lack, at `at` ("does Istio Swift
        support ambient?" asks that product's sidecarless row), taken out of the meshes; set
        against it, a mode stays a mesh."""
        if compared:
            return []
        features = []
        for mode, feature in self._as_feature.items():
            if mode in found.meshes and any(s >= at for s, _, m in found.spans if m == mode):
                found.meshes.remove(mode)
                features.append(feature)
        return features

    def _placed_in(
        self, tokens: list[str], found: Mentions, mode: tuple[int, int, str]
    ) -> set[str]:
        """The mesh a mode is placed in, named a few words after it with a `PLACED` word right
        before its name ("is ambient supported in openshift service mesh", "ambient on the aks
        add-on"), or `BUILT_WITH` before a build of the mode's own project ("can I run ambient
        mode with the aks add-on"), and no other mesh between."""
        after = [(start, m) for start, _, m in found.spans if start >= mode[1] and m != mode[2]]
        if not after:
            return set()
        start, mesh = after[0]
        between = tokens[mode[1] : start]
        if between[-1:] == ["the"]:
            between = between[:-1]
        if not between or len(between) > PLACED_GAP:
            return set()
        built = frozenset((mode[2], self._base.get(mesh, ""))) in self._siblings
        return {mesh} if between[-1] in PLACED or (built and between[-1] in BUILT_WITH) else set()

    def against(self, tokens: list[str], subject: str) -> list[str]:
        """The modes of the subject's project a reply sets against it where it names it only
        as "that" ("how much memory would that save vs sidecars?" after ambient was picked):
        each whose word comes a word or two after a contrast word, not denied."""
        set_against = []
        for mesh_id, beside, words in self._modes:
            if subject not in beside:
                continue
            for start in range(1, len(tokens)):
                if not CONTRASTS & set(tokens[max(0, start - CONTRAST_REACH) : start]):
                    continue
                if any(tuple(tokens[start - len(n) : start]) == n for n in self._negators):
                    continue
                if any(tuple(tokens[start : start + len(w)]) == w for w in words):
                    set_against.append(mesh_id)
                    break
        return set_against

    def named(self, tokens: list[str], subject: str) -> list[str]:
        """The modes of the subject's project a reply names as what it asks of, with no
        contrast ("how much memory would the sidecars use?" after Istio ambient mode: Istio's
        sidecar mode); a word denied ("no sidecars") names none."""
        asked = []
        for mesh_id, beside, words in self._modes:
            if subject not in beside:
                continue
            for start in range(len(tokens)):
                if any(tuple(tokens[max(0, start - len(n)) : start]) == n for n in self._negators):
                    continue
                if any(tuple(tokens[start : start + len(w)]) == w for w in words):
                    asked.append(mesh_id)
                    break
        return asked

    def read(self, tokens: list[str], found: Mentions) -> None:
        for mesh_id, beside, words in self._modes:
            # "sidecar mode vs ambient mode in istio": the project named to place the modes is
            # no reading of the sidecar mode, which the plain word names all the same
            if not beside & set(found.meshes):
                continue
            siblings = [(start, end) for start, end, m in found.spans if m in beside]
            span = _opposite(tokens, found, words, siblings, self._negators)
            if span is None:
                continue
            add_mesh(tokens, found, mesh_id, *span)


def _opposite(
    tokens: list[str],
    found: Mentions,
    words: list[tuple[str, ...]],
    siblings: list[tuple[int, int]],
    negators: list[tuple[str, ...]],
) -> tuple[int, int] | None:
    """The first unused span holding one of the words beside a 'vs', 'or', 'than'…, or with
    a 'vs' and no other mesh between it and a sibling mode a few words away ("how much cpu
    do envoy sidecars burn at that size vs going ambient"); not one denied ("ambient: per-pod
    proxies vs no sidecars" sets no sidecar mode against ambient)."""
    for start in range(len(tokens)):
        for word in words:
            end = start + len(word)
            if tuple(tokens[start:end]) != word or any(found.used[start:end]):
                continue
            if any(tuple(tokens[max(0, start - len(n)) : start]) == n for n in negators):
                continue
            if (start > 0 and tokens[start - 1] in SEPARATORS) or (
                end < len(tokens) and tokens[end] in SEPARATORS
            ):
                return start, end
            for first, last in siblings:
                gap = (end, first) if end <= first else (last, start)
                between = tokens[gap[0] : gap[1]]
                named = any(found.mesh_used[gap[0] : gap[1]])  # "ambient vs linkerd, … sidecars"
                if len(between) <= CONTRAST_GAP and CONTRASTS & set(between) and not named:
                    return start, end
    return None

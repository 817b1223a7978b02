"""The question a message asks, read apart from the context around it.

A message often says some context and then asks one thing: "which meshes work without a
sidecar at all? some pods have 128Mi limits and nothing else fits", "hey, what can you do?
the pinned message says to ask you before we pick anything", "we'd love to skip envoy for
our grpc calls. on cloud service mesh, can grpc clients talk to the mesh directly?". Read
whole, the context turns such a message into a request for a pick; the question itself asks
for a list, a feature's status, a mesh's status or help. When exactly one of the message's
questions asks one of those (`LED`), none asks for a pick or what to do next (nor does the
last sentence, asked without a mark: "… possible? if not which way should we go"), and the
context states no must-have beyond what the question asks, that question decides the kind
of answer and the rest stays its context (its facts). Must-haves stated beside a question
about one of them ("we need mTLS and Wasm plugins. any option that supports wasm?") ask for
the pick that meets them all, and so does a list asked beside where they run or what they
rule out ("not replacing our CNI. any sidecar-free meshes?"); an estate described beside a
ranking asked ("eks, 400 pods. least overhead?") is a pick weighing overhead (the parser's
own reading). A status asked of the mesh they run ("osm is archived?? we're on it. what
now") stays the pick it is asked for.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping

from bot.intents.clauses import PROSE_SENTENCE_END, QUESTION, last_sentence
from bot.intents.models import Intent, IntentKind
from bot.intents.moving_on import THEIRS
from bot.knowledge.models import FactValue

NEEDS = "needs"  # the fact holding the features a setup says it must have

# Kinds a question of its own decides whatever setup surrounds it. A comparison or an
# explanation asked beside a setup ("linkerd or istio for us?", "does linkerd fit?") is
# the pick weighed for that setup, so those stay recommendations.
LED = frozenset(
    {
        IntentKind.which_meshes,
        IntentKind.help,
        IntentKind.lifecycle,
        IntentKind.feature_check,
        IntentKind.sources,
    }
)
_CODE = re.compile(r"```.*?```|`[^`\n]*`", re.S)


def questions(text: str) -> list[str]:
    """The sentences of the text a question mark closes, outside code."""
    prose = _CODE.sub(" ", text)
    return [q.strip() for q in QUESTION.findall(prose) if len(q.strip()) > 1]


def question_led(
    text: str,
    whole: Intent,
    read: Callable[[str], Intent],
    refers_back: Callable[[str], bool],
    asks_next: Callable[[str], bool],
    asks_pick: Callable[[str], bool],
    setup: frozenset[str],
    covers: Mapping[str, Collection[str]],
) -> Intent:
    """`whole` (the message read whole) or, for a pick read from a setup around a question
    that asks something else, that question's reading with the message's facts. A question
    that refers back ("does it do mTLS?") asks of the context, and a name I don't know
    said in it is the subject: the message stays read whole. `covers`: the features each
    feature meets too (features.yaml `covers`)."""
    if whole.kind != IntentKind.recommend or whole.unknown_names:
        return whole
    asked = questions(text)
    if not asked or (len(asked) == 1 and asked[0] == text.strip()):
        return whole
    if asks_next(last_sentence(_CODE.sub(" ", text))):
        return whole
    # "saw that some meshes can do proxyless grpc. which ones support that?": a list
    # referring back is asked of the sentence right before it; any other question referring
    # back ("… heard good things about linkerd but does it even mirror?") asks of the context
    with_antecedents = [_with_antecedent(text, q) if refers_back(q) else q for q in asked]
    if any(
        refers_back(q) and (a == q or read(a).kind != IntentKind.which_meshes)
        for a, q in zip(with_antecedents, asked, strict=True)
    ):
        return whole
    asked = with_antecedents
    readings = [read(q) for q in asked]
    if any(
        r.kind == IntentKind.recommend or (r.kind != IntentKind.help and asks_pick(q))
        for q, r in zip(asked, readings, strict=True)
    ):
        return whole  # "any sidecar-free meshes we could use?" asks for a pick ("how do I
        # use you?" asks for help)
    led = [r for r in readings if r.kind in LED]
    if len(led) != 1 or (led[0].kind == IntentKind.feature_check and not led[0].meshes):
        return whole
    if led[0].kind == IntentKind.lifecycle and any(whole.facts.get(f) for f in THEIRS):
        return whole  # the status of the mesh they run is why they ask what next
    asked_for = set(led[0].features) | {c for f in led[0].features for c in covers.get(f, ())}
    if set(_as_list(whole.facts.get(NEEDS))) - asked_for:
        return whole  # must-haves stated beside the one asked: the pick that meets them all
        # (not one the feature asked covers: "we're 90% grpc … which ones do proxyless grpc?")
    if led[0].kind == IntentKind.which_meshes and setup & (set(whole.facts) - set(led[0].facts)):
        return whole  # "EKS plus Lambda. which mesh covers both?", "not replacing our CNI.
        # any sidecar-free meshes?": the pick for where they run and what they rule out
    return led[0].model_copy(update={"facts": {**whole.facts, **led[0].facts}, "text": whole.text})


def _with_antecedent(text: str, question: str) -> str:
    """The question with the statement right before it ("saw that some meshes can do proxyless
    grpc. which ones support that?"); the question alone where none comes before it."""
    prose = _CODE.sub(" ", text)
    at = prose.find(question)
    before = [s for s in PROSE_SENTENCE_END.split(prose[:at]) if s.strip()]
    if at <= 0 or not before or prose[:at].rstrip().endswith("?"):
        return question
    return f"{before[-1].strip()}. {question}"


def _as_list(value: FactValue | None) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else []

"""What every answer says first: names it does not know, retired meshes, guesses, assumptions.

Handlers answer the part of a question that is known; this module puts the honest
notes about the rest at the top of their answer, whatever its kind, so no handler
can forget them.
"""

from __future__ import annotations

from bot.answers.citations import source_ref
from bot.answers.phrasing import first_sentence, mesh_names
from bot.answers.platform_fit import running_on
from bot.answers.releases import release_lead, release_project
from bot.answers.results import Answer, Choice, Paragraph, Part, cited_in_order
from bot.answers.steps import step
from bot.intents.models import Aspect, Intent, IntentKind
from bot.knowledge.aliases import normalise
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import FactType, FactValue, Mesh, OtherProduct, Platform

MAX_CORRECTIONS = 3


def quoted(names: list[str]) -> str:
    marks = [f"“{n}”" for n in names]
    return marks[0] if len(marks) == 1 else ", ".join(marks[:-1]) + " or " + marks[-1]


def not_in_kb_sentence(intent: Intent, kb: KnowledgeBase | None = None) -> str:
    known = [n for n in intent.unknown_names if kb and _product(kb, n)]
    unknown = [n for n in intent.unknown_names if n not in known]
    said = []
    if known:
        verb = "is" if len(known) == 1 else "are"
        said.append(
            f"{quoted(known)} {verb} not an offering I cover (I don't weigh or compare it); "
            "what its maker documents is below."
        )
    if unknown:
        said.append(f"I don't have {quoted(unknown)} in my knowledge base, so I won't guess.")
    return " ".join(said)


def _product(kb: KnowledgeBase, name: str) -> OtherProduct | None:
    """The product a name the knowledge base has no offering for names, if it mentions one."""
    wanted = normalise(name)
    return next(
        (p for p in kb.rules.other_products if wanted in {normalise(n) for n in p.names}), None
    )


def product_notes(kb: KnowledgeBase, intent: Intent) -> list[Paragraph]:
    """What is known of each product the question names that is no offering, with sources."""
    found = {}
    for name in intent.unknown_names:
        if product := _product(kb, name):
            found[product.names[0]] = product
    return [
        Paragraph(heading=f"What I know of {name}", text=p.about, sources=list(p.sources))
        for name, p in found.items()
    ]


TROUBLESHOOTING = (
    "Diagnosing a failure is outside what I cover: I hold what each mesh supports, what it "
    "costs and where its project stands, not causes or fixes, so I won't guess at this one. "
    "What I hold on what it names:"
)

NO_THREAD = (
    "I have no earlier question here to go on from, so I read this one on its own; ask it in "
    "the thread of my answer to carry that question's meshes and sizes over."
)
UNRESOLVED = (
    "I don't know what {words} {verb} to here: I have no earlier question to go on from. "
    "Reply in the thread of my earlier answer to carry its meshes and sizes over, or name the "
    "mesh you mean."
)


def no_thread_sentence(intent: Intent) -> str:
    """What a reply asked outside any thread is read as, said first ('' in a thread)."""
    if not intent.no_thread:
        return ""
    if not intent.unresolved:
        return NO_THREAD
    words = quoted(intent.unresolved).replace(" or ", " and ")
    return UNRESOLVED.format(words=words, verb="refers" if len(intent.unresolved) == 1 else "refer")


def read_as_sentence(kb: KnowledgeBase, intent: Intent) -> str:
    """'I read “linkrd” as Linkerd.': every plain typo the parser corrected and every former
    name it read (“Conduit” as Linkerd, with what became of it), said once."""
    names = {
        **{m.id: m.name for m in kb.meshes.values()},
        **{f.id: f.name for f in kb.features.values()},
    }
    read = [  # a word read as another is said as that word ("servcies" as services)
        f"“{typed}” as {names.get(e, e)}{_formerly(kb, typed, e) if e in names else ''}"
        for typed, e in intent.read_as.items()
    ]
    return f"I read {', '.join(read)}." if read else ""


def _formerly(kb: KnowledgeBase, typed: str, entity: str) -> str:
    """' (its former name: merged into Linkerd as Linkerd 2 in 2018)' for a name it went by;
    for a short form of one, that name first (' (Anthos Service Mesh, its former name: …)')."""
    mesh = kb.meshes.get(entity)
    said = normalise(typed)
    former = (
        next((f for f in mesh.former_names if said in {normalise(n) for n in f.said_as}), None)
        if mesh
        else None
    )
    if former is None:
        return ""
    spelled = "" if normalise(former.name) == said else f"{former.name}, "  # "asm": short form
    also = f"; “{typed}” is ambiguous: {former.also_means}" if spelled and former.also_means else ""
    return f" ({spelled}its former name: {former.note}{also})"


def did_you_mean(kb: KnowledgeBase, intent: Intent) -> list[Choice]:
    """Buttons for known meshes spelled nearly like an unknown name."""
    choices = []
    for label in intent.suggestions:
        kind, _, mesh = label.partition(":")
        if kind == "mesh" and mesh in kb.meshes:
            name = kb.meshes[mesh].name
            choices.append(step(f"Did you mean {name}?", IntentKind.explain, meshes=[mesh]))
    return choices


def facts_text(kb: KnowledgeBase, facts: dict[str, FactValue], joiner: str = ", ") -> str:
    """What the user told us, in words: '40 services, platform: AKS, no sidecars'."""
    bits = []
    lines = {f.line_of: facts[f.id] for f in kb.rules.facts if f.line_of and f.id in facts}
    softened = {  # flags said only as a preference: listed under the preference
        flag
        for f in kb.rules.facts
        if f.softens and isinstance(chosen := facts.get(f.id), list)
        for flag in chosen
    }
    for key, value in facts.items():
        fact = kb.rules.fact(key)
        label = fact.label if fact else key.replace("_", " ")
        if (fact and (fact.line_of in facts or not fact.shown)) or key in softened:
            continue  # said with its mesh; bookkeeping; said under the preference
        if isinstance(value, bool):
            bits.append(label if value else (fact and fact.label_false) or f"not {label}")
        elif isinstance(value, int):
            one = fact.label_one if fact and value == 1 else None
            bits.append(f"{value:,} {one or label}")
        elif fact and fact.type == FactType.features and isinstance(value, list):
            names = [kb.features[v].name for v in value if v in kb.features]
            bits.append(f"{label}: {', '.join(names) or 'none'}")
        elif fact and fact.type == FactType.mesh and isinstance(value, str) and value in kb.meshes:
            mesh = kb.meshes[value]
            line = lines.get(key)
            earlier = mesh.earlier_line(line) if isinstance(line, int) else None
            bits.append(f"{label}: {earlier.name if earlier else mesh.name}")
        else:
            bits.append(f"{label}: {fact.says(value) if fact else value}")
    return joiner.join(bits)


def reading(kb: KnowledgeBase, intent: Intent) -> str:
    """The question as the bot read it, in words: 'compare Istio and Linkerd for 200 pods'."""
    meshes = mesh_names(kb, [m for m in intent.meshes if m in kb.meshes])
    # said after "support": "gRPC", not "gRPC support"
    features = ", ".join(
        kb.features[f].name.removesuffix(" support") for f in intent.features if f in kb.features
    )
    said = {
        IntentKind.compare: f"compare {meshes or 'Istio and Linkerd'}",
        IntentKind.explain: f"explain {meshes or features or 'what a service mesh is'}",
        IntentKind.feature_check: f"does {meshes} support {features}",
        IntentKind.which_meshes: f"which meshes support {features}",
        IntentKind.cost: f"the cost of {meshes or 'a mesh'}",
        IntentKind.recommend: "a recommendation",
    }.get(intent.kind, intent.kind.value.replace("_", " "))
    facts = facts_text(kb, _beyond_features(kb, intent))
    return f"{said} for {facts}" if facts else said


def _beyond_features(kb: KnowledgeBase, intent: Intent) -> dict[str, FactValue]:
    """The facts that say more than the features already read ("mTLS, as its name says"
    restates the mTLS asked about): those that do not, echoed twice, read garbled."""
    asked = set(intent.features)

    def restated(key: str, value: FactValue) -> bool:
        fact = kb.rules.fact(key)
        listed = fact is not None and fact.type == FactType.features and isinstance(value, list)
        return listed and set(value) <= asked

    return {k: v for k, v in intent.facts.items() if not restated(k, v)}


def corrections(kb: KnowledgeBase, intent: Intent) -> list[Choice]:
    """Other readings of an unsure question, as buttons."""
    known = [m for m in intent.meshes if m in kb.meshes]
    facts = intent.facts
    options = [step(f"Explain {kb.meshes[m].name}", IntentKind.explain, meshes=[m]) for m in known]
    if len(known) >= 2:
        names = mesh_names(kb, known[:2])
        options.append(step(f"Compare {names}", IntentKind.compare, meshes=known[:4], facts=facts))
    for feature in intent.features[:1]:
        name = kb.features[feature].name
        options.append(step(f"Who has {name}", IntentKind.which_meshes, features=[feature]))
    options.append(step("Recommend for my setup", IntentKind.recommend, facts=facts))
    return [c for c in options if c.intent.kind != intent.kind][:MAX_CORRECTIONS]


def _retired(kb: KnowledgeBase, intent: Intent) -> list[Mesh]:
    """Retired or inactive meshes the question names."""
    found = [kb.meshes.get(mesh_id) for mesh_id in intent.meshes]
    return [m for m in found if m and not m.is_current]


def _states_status(answer: Answer) -> bool:
    """Whether the answer already leads its points with the status (explain, compare)."""
    return any(isinstance(p, Paragraph) and p.heading == "Status" for p in answer.points[:1])


def status_line(kb: KnowledgeBase, mesh: Mesh, successors: bool = True) -> str:
    """'Retired: … Consider X or Y instead.' for meshes that are not current; else ''.
    Without `successors` where the lead already names them."""
    if mesh.is_current:
        return ""
    line = f"{mesh.status.value.capitalize()}: {mesh.status_note}".rstrip()
    return line + (_successors(kb, mesh) if successors else "")


def status_detail(mesh: Mesh) -> str:
    """A retired mesh's status past its first sentence: what a Status part adds to the lead,
    whose flag (`retired_flag`) says that sentence and the successors already."""
    if mesh.is_current:
        return ""
    _, _, rest = mesh.status_note.strip().partition(". ")
    return rest.strip()


def retired_flag(
    kb: KnowledgeBase, mesh: Mesh, successors: bool = True, platforms: list[Platform] = ()
) -> str:
    """The short form for an answer's lead: the status, its date and the successors (not
    where the answer is a pick of its own, which would then follow a list it may not be in),
    those that run on the `platforms` said where any does."""
    head = f"{mesh.name} is {mesh.status.value}: {first_sentence(mesh.status_note)}".rstrip()
    return head + (_successors(kb, mesh, platforms) if successors else "")


def earlier_line_flag(kb: KnowledgeBase, intent: Intent) -> tuple[str, list[str]]:
    """The earlier line of a mesh they move off ("replacing Linkerd 1.x"), said to be a
    product of its own, for the lead, and its sources."""
    left, line = intent.facts.get("leaving"), intent.facts.get("leaving_line")
    mesh = kb.meshes.get(left) if isinstance(left, str) else None
    earlier = mesh.earlier_line(line) if mesh and isinstance(line, int) else None
    if mesh is None or earlier is None:
        return "", []
    said = f"{earlier.name}, which you move off, is not today's {mesh.name}: {earlier.note}."
    return said, list(earlier.sources)


def release_flag(kb: KnowledgeBase, intent: Intent) -> tuple[str, list[str]]:
    """A pick asked beside an old release of the mesh they run ("running OSSM 2.x on OpenShift,
    heard it's going EOL"): that release's status, for the lead, and its sources."""
    if intent.kind != IntentKind.recommend or not intent.version:
        return "", []
    mesh = next((kb.meshes[m] for m in intent.meshes if m in kb.meshes), None)
    if mesh is None or not mesh.is_current:
        return "", []
    return release_lead(mesh, release_project(kb, mesh), intent.version)


def _successors(kb: KnowledgeBase, mesh: Mesh, platforms: list[Platform] = ()) -> str:
    """' Consider X or Y instead.': on the platforms said, the successors that run there
    ("what replaces App Mesh on ECS?" names no Kubernetes-only mesh), where any does."""
    named = [kb.meshes[m] for m in mesh.replaced_by if m in kb.meshes]
    there = running_on(named, list(platforms)) or named
    if not there:
        return ""
    where = f" On {_platform_words(kb, platforms)}, consider" if there != named else " Consider"
    return f"{where} {mesh_names(kb, [m.id for m in there])} instead."


def _platform_words(kb: KnowledgeBase, platforms: list[Platform]) -> str:
    fact = kb.rules.fact("platform")
    return fact.says([p.value for p in platforms]) if fact else ", ".join(platforms)


def said_platforms(intent: Intent) -> list[Platform]:
    """The platforms a question names, as read."""
    said = intent.facts.get("platform")
    values = said if isinstance(said, list) else [said] if isinstance(said, str) else []
    return [Platform(p) for p in values if p in Platform.__members__]


ALSO_ASKED = "You also asked: {title}"
TOTALS = "In all: {totals}."  # counts said apiece, multiplied


def with_notices(
    kb: KnowledgeBase, intent: Intent, answer: Answer, also: Answer | None = None
) -> Answer:
    """The answer with its notices first and any correcting buttons before its own; a check
    asked beside the main ask (`also`) is answered in short among them, its lead under its
    question."""
    parts: list[Part] = []
    buttons: list[Choice] = []
    flags: list[str] = []  # what must come first, in the lead every renderer shows first
    if threadless := no_thread_sentence(intent):
        flags.append(threadless)
    if intent.aspect == Aspect.troubleshooting:
        flags.append(TROUBLESHOOTING)
    if intent.unknown_names and intent.kind != IntentKind.not_in_kb:
        flags.append(not_in_kb_sentence(intent, kb))
        parts += product_notes(kb, intent)
        buttons += did_you_mean(kb, intent)
    if corrected := read_as_sentence(kb, intent):
        flags.append(corrected)
    if intent.totals:
        flags.append(TOTALS.format(totals="; ".join(intent.totals)))
    for mesh in _retired(kb, intent):
        flags.append(
            retired_flag(kb, mesh, intent.kind != IntentKind.recommend, said_platforms(intent))
        )
        if not _states_status(answer) and (detail := status_detail(mesh)):
            parts.append(
                Paragraph(
                    heading=f"{mesh.name} status",
                    text=detail,
                    sources=[i for i in mesh.sources[:2] if i in kb.sources],
                )
            )
    released, lead_sources = release_flag(kb, intent)
    if released:
        flags.append(released)
    earlier, earlier_sources = earlier_line_flag(kb, intent)
    if earlier:
        flags.append(earlier)
        lead_sources = [*lead_sources, *earlier_sources]
    if intent.unsure:
        parts.append(Paragraph(heading="I read this as", text=reading(kb, intent) + "."))
        buttons += corrections(kb, intent)
    notes = list(intent.unread)
    if notes:
        parts.append(Paragraph(heading="Note", text=" ".join(notes)))
    if also is not None:
        heading = ALSO_ASKED.format(title=also.title)
        parts.append(Paragraph(heading=heading, text=also.lead, sources=also.lead_sources))
    if not parts and not buttons and not flags:
        return answer
    lead = " ".join([*flags, answer.lead])
    points = parts + answer.points
    # A notice cites where its status comes from: the sources are renumbered in order of use.
    lead_sources = [*lead_sources, *answer.lead_sources]
    cited = [i for i in cited_in_order(lead_sources, points, answer.details) if i in kb.sources]
    return answer.model_copy(
        update={
            "lead": lead,
            "lead_sources": list(dict.fromkeys(lead_sources)),
            "points": points,
            "next_steps": buttons + answer.next_steps,
            "sources": [source_ref(kb, i) for i in cited],
            "reading": [r for r in answer.reading if r.id not in cited],
        }
    )

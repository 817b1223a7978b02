"""Follow-ups in a thread: the thread's question, and a reply that builds on it."""

from __future__ import annotations

from bot.answers.after_pick import (
    after_asked_of_pick,
    after_pick,
    instead_of_pick,
    known_facts,
    passed_over,
    pick_of,
)
from bot.answers.among_named import among_named
from bot.answers.answered import answered
from bot.answers.asked_of_subject import asked_of_subject
from bot.answers.distribution_asked import of_the_distribution
from bot.answers.engine import AnswerEngine
from bot.answers.gives_up import loss_asked
from bot.answers.kept_subject import asked_of_thread_mesh
from bot.answers.other_for_needs import other_for_needs
from bot.answers.own_ask import as_modes_needed, own_ask, subject_of
from bot.answers.results import Answer
from bot.answers.told_last import with_told_last
from bot.intents.models import Aspect, Intent, IntentKind
from bot.intents.parser import ECHO_CHARS, IntentParser
from bot.intents.stances import INCUMBENT
from bot.intents.thread_setup import merged
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import FactValue

LENGTH_ONLY_WORDS = 4  # a reply this short that asks a length asks nothing else
# A reply's stance that sets a mesh aside ("istio feels too complex for our team of 4, what
# else?", "istio is out, what else?"): the pick made again without it, on the thread's setup.
SETS_ASIDE = ("set_aside_mesh", "refused_mesh")
RUN, COMPLAINT = "incumbent", "hurts"  # the mesh they run, and that it hurts them


def compact(intent: Intent) -> Intent:
    """What a thread remembers of a question: its kind, meshes, parts, features and facts, what
    it asked of them ("how is it priced?": "in one line?" shortens that), and the options a
    recommendation chose between (its pick is made again from them)."""
    return Intent(
        kind=intent.kind,
        meshes=intent.meshes,
        aspect=intent.aspect,
        parts=intent.parts,
        features=intent.features,
        facts=intent.facts,
        options=intent.options,
        pick=intent.pick,
        passed=intent.passed,
    )


def follow_up(kb: KnowledgeBase, parser: IntentParser, text: str, context: Intent) -> Intent:
    """Read a reply against the thread's question: its own kind and features win, the
    thread gives the meshes, the setup and the sizes (bot/answers/own_ask.py: the catch with
    the thread's mesh, a mode needed, a list asked).

    What the reply says of the setup is read beside the thread's and laid over it
    (bot/intents/thread_setup.py): "we also need to mesh about 10 EC2 VMs" after "we run EKS"
    brings VMs in beside EKS. After a recommendation, a reply saying more of the setup makes
    the pick again over all of it, and one asking whether "that" does something checks the
    pick (bot/answers/after_pick.py); "why not X?", "compare that with X" compare X with the
    mesh that was recommended. A reply that on its own asks a cost ("what if we had 500
    pods?") answers the cost at that size for the thread's meshes (after a recommendation,
    its pick), whatever the thread first asked about them.
    """
    said = as_modes_needed(kb, parser, text, context)  # "… need ambient": its feature needed
    intent = _read(kb, parser, said, context)
    # the constraints this reply adds are kept where something must give way
    facts = with_told_last(kb.rules, context.facts, intent.facts)
    intent = intent.model_copy(update={"facts": facts, **_pick_kept(kb, context, intent)})
    return intent if said == text else intent.model_copy(update={"text": parser.parse(text).text})


def _pick_kept(kb: KnowledgeBase, context: Intent, intent: Intent) -> dict[str, object]:
    """What a reply asking of the thread's pick by name ("isn't linkerd edge risky in prod?"
    after Linkerd was picked) keeps of the recommendation: its pick and the options it chose
    between, so "what would you do instead then?" can make it again without the pick."""
    made = _recommendation_of(context)
    if made is None or intent.pick is not None or intent.kind == IntentKind.recommend:
        return {}
    pick = pick_of(kb, made) if context.kind == IntentKind.recommend else context.pick
    if pick is None or intent.meshes != [pick]:
        return {}
    return {"pick": pick, "options": made.options, "passed": made.passed}


def _read(kb: KnowledgeBase, parser: IntentParser, text: str, context: Intent) -> Intent:
    if shortened := _shortened(parser, text, context):
        return shortened  # "tl;dr please": the answer before, in brief
    if changes := _changes_asked(parser, text, context):
        return changes  # "what would change your pick?"
    if sellers := _sellers_asked(parser, text, context):
        return sellers  # "and who could support this commercially?"
    if priced := asked_of_subject(kb, parser, text, context):
        return priced  # "how is it priced?", "can we use it for free under BUSL?"
    if of_distribution := of_the_distribution(kb, parser, text, context):
        return of_distribution  # "can it do ambient?" after OpenShift Service Mesh 3
    if lost := loss_asked(kb, parser, text, context):
        return lost  # "what do we lose?" after a move weighed: what it gives up
    if aside := _set_aside(kb, parser, text, context):
        return aside  # "istio feels too complex for our team of 4, what else?"
    if context.kind == IntentKind.recommend and (chose := _answers(kb, parser, text, context)):
        return chose  # "2", "from our cloud provider", "nope, and sidecars are fine"
    if among := among_named(parser, text, context):
        return among  # "which of those three has the best multi-cluster story?"
    if asked := own_ask(kb, parser, text, context):
        return asked  # the catch with the thread's mesh, or a list on its platform
    if of_subject := asked_of_thread_mesh(kb, parser, text, context):
        return of_subject  # "can it run on EKS?", "is there an egress gateway?" after one mesh
    if other := other_for_needs(kb, parser, text, context):
        return other  # "could linkerd do that?": that mesh checked for the thread's needs
    if context.kind == IntentKind.recommend and (went_on := after_pick(kb, parser, text, context)):
        return went_on  # more of the setup, or the pick checked for a feature
    if again := after_asked_of_pick(kb, parser, text, context):
        return again  # "why not istio?", then "what if we also need jwt validation?"
    if swapped := instead_of_pick(parser, text, context):
        return swapped  # "can it do ambient?", then "what about linkerd instead?"
    intent = parser.parse_follow_up(text, context)
    if intent.kind == IntentKind.which_meshes and len(intent.meshes) == 1 and intent.features:
        # after "is there anything on ECS that does weighted routing?", "what about consul
        # then?" asks that one mesh for those features, not the list again
        return intent.model_copy(update={"kind": IntentKind.feature_check})
    if (
        context.kind == IntentKind.recommend
        and intent.kind == IntentKind.compare
        and not parser.sets_sides(text)
    ):
        # "and cilium?", "compare that with istio ambient": set against the pick, as "why not
        # cilium?" is, which stays the thread's
        pick = pick_of(kb, context)
        meshes = [*([pick] if pick else []), *(m for m in intent.meshes if m != pick)]
        return intent.model_copy(update={"meshes": meshes[:4], "pick": pick})
    about_meshes = bool(intent.meshes) or context.kind == IntentKind.recommend
    resized = intent.kind != IntentKind.cost and parser.parse(text).kind == IntentKind.cost
    if about_meshes and resized:
        intent = intent.model_copy(update={"kind": IntentKind.cost})
    return _costed_for_the_thread(kb, parser, text, context, intent)


def _set_aside(
    kb: KnowledgeBase, parser: IntentParser, text: str, context: Intent
) -> Intent | None:
    """After a recommendation, a reply that sets a mesh aside (too complex for them, or
    refused): the pick made again on the thread's setup and what the reply adds ("our team
    of 4"), without that mesh, so the alternatives within the thread's constraints are what
    it weighs, not the mesh's explainer."""
    made = _recommendation_of(context)
    if made is None:
        return None
    fresh, pick = parser.parse(text), pick_of(kb, made)
    said = _pushed_back(pick, fresh, context) or _instead(parser, text, pick, fresh)
    said = said or fresh.facts
    if not any(said.get(fact) for fact in SETS_ASIDE):
        return None
    return Intent(
        kind=IntentKind.recommend,
        options=made.options,
        features=made.features,
        facts=merged(known_facts(kb, made.facts), said),
        text=text.strip()[:ECHO_CHARS],
        pick=pick,
        passed=made.passed,
    )


def _pushed_back(pick: str | None, fresh: Intent, context: Intent) -> dict[str, FactValue] | None:
    """A reply that complains of the thread's pick as if they ran it ("I disagree, Istio is
    too complex for us", read alone as a complaint of the mesh they run) while the thread's
    setup says they don't: the pick pushed back on, so its facts set it aside as too much for
    them; None for any other reply."""
    complained = fresh.facts.get(COMPLAINT) is True and fresh.meshes == [pick]
    if not complained or fresh.facts.get(RUN) != pick or context.facts.get(RUN) == pick:
        return None
    kept = {k: v for k, v in fresh.facts.items() if k not in (RUN, COMPLAINT)}
    return {**kept, SETS_ASIDE[0]: pick}


def _instead(
    parser: IntentParser, text: str, pick: str | None, fresh: Intent
) -> dict[str, FactValue] | None:
    """A reply asking what else, naming no mesh ("what would you do instead then?" after
    "isn't linkerd edge risky in prod?"; rules.yaml `phrases: instead_asked`): the pick set
    aside, so the pick made again is what would come instead; None for any other reply."""
    if fresh.meshes or pick is None or not parser.says("instead_asked", text):
        return None
    return {**fresh.facts, SETS_ASIDE[0]: pick}


def _shortened(parser: IntentParser, text: str, context: Intent) -> Intent | None:
    """The thread's question asked again in brief, where a reply asks a length (`phrases:
    brief`) and nothing of its own: no mesh, feature, fact or name."""
    fresh = parser.parse(text)
    asks_own = fresh.meshes or fresh.features or fresh.facts or fresh.unknown_names
    # "sum it up" reads as another topic on its own; said in a few words it asks of the thread
    bare = fresh.kind == IntentKind.out_of_scope and len(text.split()) <= LENGTH_ONLY_WORDS
    kinds = (IntentKind.unknown, IntentKind.explain)
    # "which would you pick and why, in two sentences?": the pick made, asked again in brief
    made = _recommendation_of(context)
    again = fresh.kind == IntentKind.recommend and made is not None
    if not fresh.brief or asks_own or not (fresh.kind in kinds or bare or again):
        return None
    if context.kind in (IntentKind.unknown, IntentKind.too_long):
        return None
    asked = made if again and made else context
    return asked.model_copy(update={"brief": True, "text": fresh.text})


def _recommendation_of(context: Intent) -> Intent | None:
    """The recommendation a thread made: its question, or after a question asked of its pick
    ("does it do jwt?", "why not istio?"), the pick made again on the thread's setup."""
    if context.kind == IntentKind.recommend:
        return context
    if context.pick is None:
        return None
    return Intent(
        kind=IntentKind.recommend,
        facts=context.facts,
        options=context.options,
        pick=context.pick,
        passed=context.passed,
    )


def _changes_asked(parser: IntentParser, text: str, context: Intent) -> Intent | None:
    """ "What would change your pick?" after a recommendation, saying nothing of the setup:
    the thread's recommendation, answered as what would change it (`Aspect.changes`)."""
    made = _recommendation_of(context)
    if made is None or not parser.says("changes_asked", text):
        return None
    fresh = parser.parse(text)
    if fresh.meshes or fresh.features or parser.setup_of(text, context.facts).facts:
        return None  # "what would change if we added VMs?": more of the setup
    return made.model_copy(update={"aspect": Aspect.changes, "text": fresh.text})


def _sellers_asked(parser: IntentParser, text: str, context: Intent) -> Intent | None:
    """Who sells support asked of no mesh named ("and who could support this commercially?",
    "we might want enterprise support later, who would that be?"): after a recommendation,
    the pick with who sells support for it (`Aspect.support`); after a question of one mesh,
    that mesh's sellers."""
    asked = parser.says("sellers_asked", text) or (
        parser.says("support_asked", text) and parser.says("who_asked", text)
    )
    fresh = parser.parse(text)
    if not asked or fresh.meshes:
        return None
    if made := _recommendation_of(context):
        return made.model_copy(update={"aspect": Aspect.support, "text": fresh.text})
    if len(context.meshes) != 1:
        return None
    return Intent(
        kind=IntentKind.explain,
        meshes=context.meshes,
        facts=context.facts,
        aspect=Aspect.support,
        text=fresh.text,
    )


def _costed_for_the_thread(
    kb: KnowledgeBase, parser: IntentParser, text: str, context: Intent, intent: Intent
) -> Intent:
    """A cost naming no mesh is the thread's mesh's: "what would the sidecar memory be at 400
    pods?" after OpenShift Service Mesh was picked costs it, at that size and on the thread's
    setup. Set against another mode of its project without naming either ("how much memory
    would that save vs sidecars?" after Istio ambient mode), it is that mesh beside the mode,
    as "ambient vs sidecars" asks it. Asked of another mode alone ("how much memory would
    the sidecars use?"), it is that mode first, the thread's mesh beside it; set against a
    mesh named ("what would it cost in memory vs the AKS istio add-on?"), the thread's mesh
    and that one. Asked as a difference with nothing named ("what's the cost difference?"),
    it is the mesh they run beside the thread's."""
    subject = subject_of(kb, context)
    if intent.kind != IntentKind.cost or subject is None:
        return intent
    if named := parser.parse(text).meshes:  # "what would it cost vs the AKS add-on?": both
        if subject in named or not parser.set_against_only(text):
            return intent
        return intent.model_copy(update={"meshes": [subject, *intent.meshes]})
    against = parser.modes_against(text, subject)
    if against:
        return intent.model_copy(update={"meshes": [subject, *against]})
    if named := parser.modes_named(text, subject):
        return intent.model_copy(update={"meshes": [*named, subject]})
    run = context.facts.get(INCUMBENT)
    if isinstance(run, str) and run != subject and parser.says("difference_asked", text):
        return intent.model_copy(update={"meshes": [run, subject]})  # what they run, beside
    return intent if intent.meshes else intent.model_copy(update={"meshes": [subject]})


def _answers(kb: KnowledgeBase, parser: IntentParser, text: str, context: Intent) -> Intent | None:
    """The recommendation made again with the reply's answers to its questions, as their
    buttons set them (over the facts it weighs), and what else the reply says of the setup
    (bot/answers/answered.py); None where the reply is no such answer. An answer only adds
    or changes what it says: what is needed adds up ("None of these" extra needs keeps the
    mTLS said before), as the features asked for do."""
    found = answered(kb, parser, text, context)
    if found is None:
        return None
    facts = merged(merged(known_facts(kb, context.facts), found.chosen), found.setup)
    return Intent(
        kind=IntentKind.recommend,
        meshes=context.meshes,
        options=context.options,
        features=list(dict.fromkeys([*context.features, *found.needs]))[:12],
        facts=facts,
        text=text.strip()[:ECHO_CHARS],
        pick=found.before,
        passed=passed_over(found.asked, context, facts),
    )


class Conversation:
    """One conversation in turns (`meshbot chat`): each reply is read against the question
    before it, as a reply in a Slack thread is against the question its metadata carries,
    and a number chooses an answer to the last answer's follow-up question, as its button
    does."""

    def __init__(self, engine: AnswerEngine) -> None:
        self.engine = engine
        self.question: Intent | None = None  # what the thread remembers (`compact`)
        self.answer: Answer | None = None

    def choices(self) -> int:
        """How many answers the last answer's follow-up question offers (0: none)."""
        return len(self.answer.follow_up.choices) if self.answer and self.answer.follow_up else 0

    def say(self, text: str) -> Answer:
        """Answer a reply: words (a choice's number among them) read against the question
        before, as a reply in a Slack thread is."""
        engine = self.engine
        if self.question is None:
            intent = engine.parser.parse(text)
        else:
            intent = follow_up(engine.kb, engine.parser, text, self.question)
        self.answer = engine.answer(intent)
        self.question = compact(intent)
        return self.answer

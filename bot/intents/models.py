"""Typed intents: what a question asks for, independent of where it came from."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from bot.knowledge.models import FactValue

MAX_COMPARE = 4
MAX_NAME = 40

UnknownName = Annotated[str, StringConstraints(min_length=1, max_length=MAX_NAME)]
Note = Annotated[str, StringConstraints(min_length=1, max_length=200)]


class IntentKind(StrEnum):
    compare = "compare"
    feature_check = "feature_check"
    which_meshes = "which_meshes"
    cost = "cost"
    recommend = "recommend"
    explain = "explain"
    sources = "sources"
    features = "features"
    help = "help"
    lifecycle = "lifecycle"
    lightest = "lightest"
    greeting = "greeting"
    not_in_kb = "not_in_kb"
    out_of_scope = "out_of_scope"
    unknown = "unknown"
    too_long = "too_long"


class Measure(StrEnum):
    """Which overhead a cost question asks about."""

    memory = "memory"
    cpu = "cpu"
    latency = "latency"
    control_plane = "control_plane"  # what the control plane itself takes


class Aspect(StrEnum):
    """What a question asks of its subject beyond its kind: the answer's lead answers it."""

    troubleshooting = "troubleshooting"  # a failure reported and a diagnosis or fix asked
    readiness = "readiness"  # whether it is ready for production ("GA or still beta?")
    news = "news"  # what a release brings ("whats new in istio 1.32?")
    interop = "interop"  # how two meet in one mesh ("can ambient and sidecar pods talk?")
    requires = "requires"  # what must be installed for it ("does linkerd need the CRDs?")
    by_default = "by_default"  # on with no setting ("which do post-quantum TLS by default?")
    licence = "licence"  # what its licence permits ("it's BSL now, can we use it internally?")
    cncf = "cncf"  # its standing in the CNCF ("is kuma cncf?", "is linkerd a cncf project?")
    price = "price"  # what it costs in money ("what does GCSM cost for 200 vCPUs?")
    drawbacks = "drawbacks"  # reasons against it, with nothing to weigh them by ("why not X?")
    pick = "pick"  # a pick asked between the meshes named, with no setup to weigh ("X or Y?")
    changes = "changes"  # what would change a pick made ("what would change your pick?")
    support = "support"  # who sells support for it ("who do we call if ambient breaks at 3am?")
    freshness = "freshness"  # how current the knowledge is ("how fresh is your data?")
    independence = "independence"  # which evidence is independent ("or all vendor marketing?")
    method = "method"  # where the answers come from and why trust them ("over the istio docs?")
    gives_up = "gives_up"  # what a move from the mesh they run gives up ("what do we lose?")
    migration = "migration"  # how a move from the mesh they run goes ("how hard is it?")


class Intent(BaseModel):
    """A parsed question. Buttons carry it (see bot/render/button_values.py), so keep it small."""

    model_config = ConfigDict(extra="forbid")

    kind: IntentKind
    meshes: list[str] = Field(default_factory=list, max_length=12)
    features: list[str] = Field(default_factory=list, max_length=12)
    parts: list[str] = Field(
        default_factory=list,
        max_length=4,
        description="Parts of a mesh asked to be explained (a waypoint proxy, HBONE), by id: "
        "they name the mesh they belong to unless the user names another.",
    )
    facts: dict[str, FactValue] = Field(default_factory=dict)
    text: str = Field(default="", max_length=300, description="The user's words, for echoing.")
    options: list[str] = Field(
        default_factory=list,
        max_length=6,
        description="The meshes a recommendation is asked to choose between ('consul or "
        "kuma?'), not those only named in its history.",
    )
    pick: str | None = Field(
        default=None,
        description="The mesh a recommendation earlier in the thread picked: a reply that says "
        "more of the setup makes the pick again and says how it changed from this one; a "
        "question asked of it ('why not istio?', 'what's the catch?') keeps it the thread's.",
    )
    passed: list[str] = Field(
        default_factory=list,
        max_length=12,
        description="Ids of the follow-up questions a recommendation asked that a reply passed "
        "over (answering another, or saying more of the setup): not asked again next.",
    )
    excepted: list[str] = Field(
        default_factory=list,
        max_length=6,
        description="The meshes a list question leaves out ('who does sidecarless besides "
        "istio ambient?'): the list is of the others.",
    )
    suggestions: list[str] = Field(default_factory=list, max_length=6)
    page: int = Field(default=0, ge=0, le=50)
    unknown_names: list[UnknownName] = Field(
        default_factory=list,
        max_length=4,
        description="Names the user gave as meshes that are not in the knowledge base.",
    )
    read_as: dict[UnknownName, str] = Field(
        default_factory=dict,
        max_length=4,
        description="Plain typos read as a known mesh or feature, or a count's unit: as typed "
        "-> entity id (the unit itself for a unit: 'servcies' -> 'services').",
    )
    version: Annotated[str, StringConstraints(max_length=20)] | None = Field(
        default=None,
        description="The release a lifecycle question names after a mesh: 'is istio 1.20 "
        "still supported?' asks about 1.20.",
    )
    measure: Measure | None = Field(
        default=None,
        description="The overhead a cost question asks about (memory if unsaid), or whose "
        "sources a sources question asks for.",
    )
    unit: Annotated[str, StringConstraints(max_length=12)] | None = Field(
        default=None,
        description="The unit a cost question asks its figures in ('in MiB per pod', 'how "
        "many millicores'): MiB, GiB or millicores.",
    )
    control_plane_too: bool = Field(
        default=False,
        description="A memory cost question that counts the control plane in: 'incl the "
        "control plane'.",
    )
    aspect: Aspect | None = Field(
        default=None,
        description="What is asked of the subject beyond the kind: a failure to diagnose "
        "(which the bot does not do, and says so first), or readiness for production.",
    )
    unsure: bool = Field(
        default=False, description="The parse was a guess: the answer says how it was read."
    )
    no_thread: bool = Field(
        default=False,
        description="A reply that goes on from a question I don't have ('and for 500 pods?'), "
        "asked outside any thread: read on its own, and the answer says so first.",
    )
    unresolved: list[UnknownName] = Field(
        default_factory=list,
        max_length=3,
        description="The words of such a reply that stand for the missing question "
        "('it', 'that' in 'does it do that on openshift too?').",
    )
    unread: list[Note] = Field(
        default_factory=list,
        max_length=4,
        description="What the question said that the answer cannot use, one sentence each.",
    )
    totals: list[Note] = Field(
        default_factory=list,
        max_length=3,
        description="Counts said apiece and multiplied, as the answer states them: '3 "
        "clusters × 40 nodes = 120 nodes'.",
    )
    brief: bool = Field(
        default=False,
        description="A length asked for ('in two sentences', 'tl;dr'): the answer's summary "
        "and one line of source are shown, the rest a step away.",
    )
    also: Intent | None = Field(
        default=None,
        description="A check asked beside the main ask ('what do we move to, and does linkerd "
        "do circuit breaking?'): answered in short after it (bot/intents/afterthought.py).",
    )

    @property
    def quotes_user(self) -> bool:
        """Whether an answer to this intent repeats the user's own words (never cached)."""
        quoting = (IntentKind.unknown, IntentKind.too_long, IntentKind.not_in_kb)
        return self.kind in quoting or bool(self.unknown_names or self.unread or self.read_as)

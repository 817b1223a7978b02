"""Pydantic models of the knowledge files: sources, features, meshes and rules.

Every model is strict about keys (`extra="forbid"`) so a typo in a YAML file
is reported instead of silently ignored.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Mapping
from enum import StrEnum
from functools import cached_property
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    HttpUrl,
    StringConstraints,
    field_validator,
    model_validator,
)

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=60)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class Strict(BaseModel):
    """Base for every knowledge model: unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


# --------------------------------------------------------------------------- sources


class SourceKind(StrEnum):
    official_docs = "official_docs"
    release_notes = "release_notes"
    repository = "repository"
    independent_benchmark = "independent_benchmark"
    vendor_benchmark = "vendor_benchmark"
    vendor_marketing = "vendor_marketing"
    blog = "blog"


VENDOR_KINDS = frozenset({SourceKind.vendor_benchmark, SourceKind.vendor_marketing})
PRIMARY_KINDS = frozenset(
    {
        SourceKind.official_docs,
        SourceKind.release_notes,
        SourceKind.repository,
        SourceKind.independent_benchmark,
    }
)


class Source(Strict):
    id: Id
    title: Text
    url: HttpUrl | None = Field(
        default=None,
        description="The source's own public page; leave it out when there is none "
        "(never a search for it).",
    )
    publisher: Text
    date: dt.date
    kind: SourceKind
    vendor_of: list[Id] = Field(
        default_factory=list,
        description="Meshes whose vendor wrote this source; required for vendor_* kinds.",
    )
    note: str = ""

    @property
    def vendor_authored(self) -> bool:
        return self.kind in VENDOR_KINDS or bool(self.vendor_of)


class SourcesFile(Strict):
    sources: list[Source]


# --------------------------------------------------------------------------- features


class Category(StrEnum):
    security = "security"
    traffic = "traffic"
    resilience = "resilience"
    observability = "observability"
    operations = "operations"
    extensibility = "extensibility"


class Part(Strict):
    """A component or protocol of one offering (ztunnel, a waypoint proxy, HBONE): its names
    name the offering in any question, but a question asking what it is asks about the part,
    not about the offering it belongs to."""

    id: Id
    name: Text
    aliases: list[Text] = Field(default_factory=list)
    explanation: Text = Field(description="What it is and does, in a few plain sentences.")
    sources: list[Id] = Field(min_length=1)
    feature: Id | None = Field(
        default=None,
        description="For a word of the field (`service_mesh.terms`): the feature it stands for "
        "asked of a mesh ('does linkerd support SMI' checks traffic splitting, SMI's API for it).",
    )


class Feature(Strict):
    id: Id
    name: Text
    aliases: list[Text] = Field(min_length=1)
    category: Category
    description: Text = Field(description="One sentence: what the feature is for, in task words.")
    weight: int = Field(
        default=1,
        ge=1,
        le=3,
        description="How often the feature decides between meshes: 3 (the data plane, mTLS, L7 "
        "retries, JWT, VMs, multi-cluster), 2 (common needs), 1 (rarely decisive). A comparison "
        "leads with the differences of the most weight.",
    )
    tasks: list[Text] = Field(
        default_factory=list,
        description="How people describe the job it does ('log-only mode before enforcing'); "
        "questions are matched to features by ranked retrieval over these and the rest.",
    )
    avoids: list[Text] = Field(
        default_factory=list,
        description="The design it does without ('sidecar'): a complaint about it in one "
        "clause ('why does everyone hate sidecars') asks about this feature.",
    )
    named_by: list[Text] = Field(
        default_factory=list,
        description="Words that name what the feature's name promises ('mTLS', 'mutual TLS'): "
        "a must-have said with one is not met by a partial row that `lacks` that part.",
    )
    explanation: Text
    covers: list[Id] = Field(
        default_factory=list,
        description="Features it meets for the workloads it serves, where it is a must-have "
        "too: proxyless gRPC runs those services with no sidecar ('proxyless gRPC, no sidecar').",
    )
    fixes_model: DataPlaneModel | None = Field(
        default=None,
        description="The data-plane model whose problem it fixes ('sidecar': native sidecars "
        "order a sidecar's start and stop, so Jobs finish): as a must-have, an offering of "
        "another model has no such problem and meets it.",
    )
    narrows: Id | None = Field(
        default=None,
        description="The broader feature this one is a kind of ('global rate limiting' of rate "
        "limiting): found by its own aliases, never by ranked retrieval over the broader one's "
        "words.",
    )
    narrowed_by: list[Text] = Field(
        default_factory=list,
        description="Words that, said in a question naming the broader feature, ask for this "
        "narrower kind instead ('rate limiting across all replicas', 'a shared counter'). "
        "Only with `narrows`.",
    )
    defines: list[Part] = Field(
        default_factory=list,
        description="Concepts of their own the feature's row is about (SPIFFE and SVIDs for "
        "SPIFFE identity, GAMMA for the Gateway API, the trust anchor for CA rotation): asked "
        "what one is, the answer defines it first, from its own sources.",
    )
    workloads: bool = Field(
        default=False,
        description="It brings a kind of workload into the mesh (Windows nodes, VMs): said to "
        "stay out of the mesh ('the windows pods can stay outside'), it is no must-have.",
    )
    setting: bool = Field(
        default=False,
        description="Where a mesh must work, no job a mesh does (IPv6-only clusters): the "
        "no-mesh baseline meets it by doing nothing, so it alone says no need is met "
        "without a mesh.",
    )


class Concept(Strict):
    """What a service mesh is, for "what's a service mesh?" (features.yaml `service_mesh`)."""

    name: Text
    summary: Text = Field(description="A few sentences: what it is and what it does.")
    sources: list[Id] = Field(min_length=1)
    terms: list[Part] = Field(
        default_factory=list,
        description="Words of the field no one offering owns ('eBPF'): asked what one is, the "
        "answer says, then which meshes keep a proxy in the workload and which do not.",
    )


class FeaturesFile(Strict):
    service_mesh: Concept
    features: list[Feature]


# --------------------------------------------------------------------------- meshes


class Level(StrEnum):
    yes = "yes"
    partial = "partial"
    extension = "extension"
    enterprise = "enterprise"
    no = "no"
    unknown = "unknown"


class Status(StrEnum):
    active = "active"
    baseline = "baseline"
    inactive = "inactive"
    archived = "archived"
    retired = "retired"


class CncfStatus(StrEnum):
    graduated = "graduated"
    incubating = "incubating"
    sandbox = "sandbox"
    archived = "archived"
    none = "none"


class DataPlaneModel(StrEnum):
    sidecar = "sidecar"
    sidecarless = "sidecarless"
    without_mesh_core = "without_mesh_core"
    none = "none"


NOT_APPLICABLE_CHARS = 40  # a table cell's worth: the reason sits beside "n/a"


# A few words saying why a row falls short ("TLS with no client certificates").
ShortReason = Annotated[
    str, StringConstraints(strip_whitespace=True, max_length=NOT_APPLICABLE_CHARS)
]


class Support(Strict):
    level: Level
    note: str = ""
    since: str | None = None
    sources: list[Id] = Field(default_factory=list)
    lacks: ShortReason = Field(
        default="",
        description="What the feature's name promises that this partial row does not do, in a "
        "few words ('TLS with no client certificates'): a must-have said with one of the "
        "feature's `named_by` words rules the offering out. Needs level `partial`.",
    )
    not_applicable: ShortReason = Field(
        default="",
        description="Why the feature does not apply to this offering, in a few words ('no "
        "sidecar is injected'); tables then show n/a with it. Needs level `no` and a primary "
        "source.",
    )
    mode: Id | None = Field(
        default=None,
        description="On the row of a feature that is a mode of running (sidecarless): the "
        "entry that describes this offering in that mode (Istio ambient mode for a vendor's "
        "Istio). Where the setup asks for that mode (no sidecars), the rows the offering "
        "inherits from its base are read from that entry where it has less.",
    )
    sidecar_only: bool = Field(
        default=False,
        description="The row holds for the offering's sidecar mode only (Gloo Mesh onboards "
        "VMs with an Istio sidecar agent): where sidecars are refused it is read from the "
        "entry of the offering's sidecar-free `mode`, as an inherited row is.",
    )
    mode_features: list[Id] = Field(
        default_factory=list,
        description="On the row of a feature that is a mode of running, where no entry "
        "describes the mode: the features the offering gives in it (GKE ambient networking: "
        "L4 only). Where the setup asks for that mode, any other must-have is out.",
    )
    not_with: list[Id] = Field(
        default_factory=list,
        description="Features it does not work together with, as its project documents "
        "(Cilium's mTLS options and ClusterMesh, its multi-cluster): where the setup needs "
        "one of them too, this row meets nothing.",
    )
    stage: Literal["alpha", "beta"] | None = Field(
        default=None,
        description="The release stage of what delivers the feature where it is not yet "
        "generally available ('alpha': EnvoyFilter at ambient waypoints), from the project's "
        "own page; a must-have met only so is a caveat that costs more. Not with level `yes` "
        "or `no`.",
    )
    build_gap: bool = Field(
        default=False,
        description="What this partial row lacks is a build, not a mechanism: the project "
        "has the setting but ships no build that meets the feature (Istio's FIPS compliance "
        "policy without validated builds), so a licensed edition of it that meets the feature "
        "in full sells that must-have rather than its own wrapping of the same mechanism.",
    )
    edition_adds: bool = Field(
        default=False,
        description="What this partial row lacks, a licensed edition of the project adds as "
        "its own feature (open-source Kuma allows callers per service, Kong Mesh's MeshOPA "
        "adds request-level rules): a licensed edition that meets the feature in full sells "
        "that must-have, not its own wrapping of the same mechanism.",
    )
    requires: str = Field(
        default="",
        description="What must be on the cluster for it apart from the mesh, as its docs say "
        "('the Gateway API CRDs, installed by you since 2.19'), for 'does linkerd need the "
        "gateway api CRDs installed?'; the row's sources must state it.",
    )
    by_default: bool | None = Field(
        default=None,
        description="Whether it is on without any setting (true) or must be turned on (false), "
        "as its project's docs or release notes say ('which do post-quantum TLS by default?'); "
        "unset where they do not say. Not with level `no` or `unknown`.",
    )
    edge_only: bool = Field(
        default=False,
        description="Met only at the edge (an ingress or API gateway), not on calls between "
        "services: a must-have of a mesh is asked between services, so such a caveat costs "
        "more (rules.yaml caveat_cost.edge).",
    )
    inherited_from: Id | None = Field(
        default=None,
        description="Set by the loader, never in YAML: the upstream mesh whose row a "
        "distribution inherits unchanged, so its `since` is that mesh's version.",
    )

    @model_validator(mode="after")
    def _not_applicable_is_no(self) -> Support:
        if self.not_applicable and self.level != Level.no:
            raise ValueError("not_applicable needs `level: no` (the offering has no such thing)")
        if self.lacks and self.level != Level.partial:
            raise ValueError("lacks needs `level: partial` (it says what the row falls short of)")
        if self.stage and self.level in (Level.yes, Level.no):
            raise ValueError("stage needs a level short of `yes` and above `no`")
        if self.build_gap and self.level != Level.partial:
            raise ValueError("build_gap needs `level: partial` (it says what the row lacks)")
        if self.edition_adds and self.level != Level.partial:
            raise ValueError("edition_adds needs `level: partial` (it says what the row lacks)")
        if self.by_default is not None and self.level in (Level.no, Level.unknown):
            raise ValueError("by_default needs a level it has the feature at")
        if self.edge_only and self.level in (Level.yes, Level.no):
            raise ValueError("edge_only needs a level short of `yes` and above `no`")
        return self


class DataPlane(Strict):
    proxy: Text
    language: Text
    model: DataPlaneModel
    summary: Text = Field(
        description="The architecture in a phrase a comparison leads with: the proxy, its "
        "language, and where it runs ('Envoy (C++) sidecar in every pod')."
    )
    provider_run: bool = Field(
        default=False,
        description="The provider runs the whole data path as a service: no proxy of the "
        "team's in tasks, pods or nodes to run, patch or size.",
    )
    sources: list[Id] = Field(default_factory=list, description="Where the design is documented.")


class Version(Strict):
    current: Text
    as_of: dt.date
    sources: list[Id] = Field(min_length=1)


class Interop(Strict):
    """Whether its workloads and another offering's reach each other in one mesh ("can ambient
    and sidecar pods talk to each other?"), as the project documents it."""

    mesh: Id = Field(description="The other offering, by id.")
    works: bool
    summary: Text = Field(description="How they meet, in a sentence or two.")
    caveats: str = Field(default="", description="What to mind when mixing them.")
    sources: list[Id] = Field(min_length=1)


class GenerallyAvailable(Strict):
    """When an offering that shipped first as Alpha or Beta was declared generally available
    by its maintainers ("is ambient production ready?"): the release and the date."""

    since: Text = Field(description="The release that declared it GA: '1.24'.")
    on: dt.date
    sources: list[Id] = Field(min_length=1)


class Releases(Strict):
    """Where the project publishes releases, for `meshbot kb releases`."""

    repo: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$")] = Field(
        description="GitHub owner/name, e.g. istio/istio."
    )
    tag_pattern: str = Field(
        default=r"^v?(\d+(?:\.\d+)+)$",
        description="Regular expression whose first group is the version in a release tag; "
        "releases whose tag does not match are ignored.",
    )
    tag_prefix: str | None = Field(
        default=None,
        description="Read the repository's tags that start with this prefix instead of its "
        "GitHub releases: for projects whose versions are plain git tags with no release, "
        "such as Linkerd's version-2.X (releases exist only for its edge-* builds).",
    )

    @field_validator("tag_pattern")
    @classmethod
    def _one_group(cls, pattern: str) -> str:
        try:
            compiled = re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"not a regular expression ({exc})") from exc
        if compiled.groups < 1:
            raise ValueError("needs a group ( ) around the version")
        return pattern


class Minor(Strict):
    """One minor release line and when its support ends."""

    version: Annotated[str, StringConstraints(pattern=r"^\d+\.\d+$")] = Field(
        description="The minor line, 'major.minor': '1.29'."
    )
    end_of_life: dt.date | None = Field(
        default=None,
        description="The day its support ends as the project published it; left out while "
        "none is published (the line is then supported as of the project's as_of).",
    )
    month_only: bool = Field(
        default=False,
        description="The end of life is published as a month ('Sept 2025'): `end_of_life` is "
        "that month's first day and the answer names the month only.",
    )
    sources: list[Id] = Field(min_length=1, description="Where the date or the line is published.")

    @property
    def ended(self) -> str:
        """When support ends, as published: 'on 2025-04-16', or 'in September 2025'."""
        eol = self.end_of_life
        if eol is None:
            return ""
        return f"in {eol:%B %Y}" if self.month_only else f"on {eol}"

    @property
    def number(self) -> tuple[int, int]:
        major, minor = self.version.split(".")
        return int(major), int(minor)


class Project(Strict):
    """Who stands behind a mesh and how its releases and support reach users."""

    steward: Text = Field(description="Who governs or backs it: 'Buoyant (created Linkerd)'.")
    releases: Text = Field(
        description="The release and support model in a sentence: cadence, how long a "
        "release is supported, who ships stable builds."
    )
    as_of: dt.date
    sources: list[Id] = Field(min_length=1)
    minors: list[Minor] = Field(
        default_factory=list,
        description="Minor lines with a published end of life, and the lines supported as of "
        "`as_of` (no end_of_life): 'is istio 1.20 still supported?' is answered from them.",
    )
    earlier_lines_ended: bool = Field(
        default=False,
        description="The project's policy publishes every minor line older than the ones "
        "supported as of `as_of` as end of life, without a date per line (Cilium: 'Older "
        "Cilium stable versions ... are considered EOL'): an older line asked of is answered "
        "as ended. Its source is among `sources`.",
    )
    upgrade_span: int | None = Field(
        default=None,
        ge=1,
        description="How many minor lines one documented upgrade may cross (2: 1.8 straight "
        "to 1.10 with a canary upgrade); an answer about an old release counts the hops.",
    )
    upgrade_sources: list[Id] = Field(
        default_factory=list, description="Where `upgrade_span` is documented."
    )
    revision_prefix: Text | None = Field(
        default=None,
        description="The prefix of the revision names a line is installed as ('asm': "
        "'asm-1-24' is the line 1.24): a revision name said is read as this mesh and line.",
    )

    def minor(self, version: str) -> Minor | None:
        """The line a version belongs to ('1.29.3' is on 1.29), if it is recorded."""
        line = ".".join(version.split(".")[:2])
        return next((m for m in self.minors if m.version == line), None)

    def ended_by_policy(self, version: str) -> bool:
        """Whether the line a version belongs to is older than every line supported on
        `as_of` and the project's policy publishes such lines as ended."""
        alive = [m.number for m in self.supported()]
        parts = version.split(".")
        if not (self.earlier_lines_ended and alive and len(parts) >= 2):
            return False
        return (int(parts[0]), int(parts[1])) < min(alive)

    def supported(self) -> list[Minor]:
        """The lines still supported on `as_of`, newest first."""
        alive = [m for m in self.minors if m.end_of_life is None or m.end_of_life > self.as_of]
        return sorted(alive, key=lambda m: m.number, reverse=True)


class Link(Strict):
    title: Text
    url: HttpUrl


class Snippet(Strict):
    title: Text
    language: Text = "yaml"
    code: Text


class Metric(StrEnum):
    proxy_memory = "proxy_memory"
    proxy_cpu = "proxy_cpu"
    latency_p50 = "latency_p50"
    latency_p90 = "latency_p90"
    latency_p99 = "latency_p99"
    latency_max = "latency_max"
    control_plane_memory = "control_plane_memory"
    control_plane_cpu = "control_plane_cpu"
    throughput_change = "throughput_change"


class Scope(StrEnum):
    """What one figure is counted per: it decides how a cost total scales."""

    pod = "pod"
    node = "node"
    waypoint = "waypoint"
    hop = "hop"
    request_path = "request_path"
    mesh = "mesh"


class Basis(StrEnum):
    """What kind of number a figure is: it decides whether it may headline or rank."""

    measured = "measured"  # a typical value measured under the stated load
    peak = "peak"  # a maximum under load: headlines prefer a measured figure of the same rank
    guidance = "guidance"  # a vendor's sizing allowance, not a measurement: never ranked
    # measured under a setup that inflates it (a new connection every request, a saturated
    # app): shown as a labelled worst case, never a headline beside any other figure
    worst_case = "worst_case"


class Figure(Strict):
    metric: Metric
    mode: Text = Field(description="Data-plane mode measured, e.g. sidecar, ztunnel, waypoint.")
    low: float = Field(ge=0)
    high: float = Field(ge=0)
    unit: Text
    per: Scope
    conditions: Text
    per_rps: int | None = Field(
        default=None,
        gt=0,
        description="The request rate the value is quoted per: 1000 in "
        "'0.2 vCPU per 1000 rps'. Lets a cost answer scale it to the user's rate.",
    )
    as_of: dt.date
    sources: list[Id] = Field(min_length=1)
    note: str = ""
    basis: Basis = Field(
        default=Basis.measured,
        description="'peak' for a maximum under load (a headline prefers a typical figure of "
        "the same source rank, and says 'peak' where it shows one); 'guidance' for a vendor's "
        "sizing allowance that was never measured (labelled so, never ranked); 'worst_case' "
        "for a value its setup inflates (no keep-alive): a headline takes any other figure of "
        "the mesh first and shows this one apart, labelled with its setup.",
    )
    borrowed_from: Id | None = Field(
        default=None,
        description="The mesh this figure was measured for, when it is borrowed: the offering "
        "has no measurement of its own and runs the same proxy. Answers label it "
        "'borrowed: measured for <mesh>'. A distribution's inherited figures get their base.",
    )

    measured_proxies: int | None = Field(
        default=None,
        gt=0,
        description="How many proxies a control-plane figure was measured serving (2000 for "
        "'istiod serving 1000 services and 2000 sidecars'): asked at more pods, the answer "
        "says the figure is not scaled, and what its `beyond` says.",
    )
    beyond: str = Field(
        default="",
        description="What its sources say decides the figure past `measured_proxies` (what the "
        "load grows with, how it scales out): said instead of a linear guess.",
    )

    def model_post_init(self, _: Any) -> None:
        if self.high < self.low:
            raise ValueError(f"high ({self.high}) is below low ({self.low}); swap them")
        if self.beyond and not self.measured_proxies:
            raise ValueError("beyond needs measured_proxies (the scale it was measured at)")


class DefaultRequests(Strict):
    """What the scheduler sets aside for one of the mesh's proxies by default, whatever it
    uses: the chart's resource requests (Istio's sidecar: 100m CPU, 128 MiB)."""

    mode: Text = Field(description="The `mode` of the figures it goes with: sidecar, ztunnel.")
    cpu: float = Field(ge=0, description="vCPU requested by default.")
    memory: float = Field(gt=0, description="MiB requested by default.")
    setting: Text = Field(description="Where to change it: the Helm value that sets it.")
    per: Scope = Field(
        default=Scope.pod,
        description="What one request is set aside for: each pod (a sidecar), each node (a "
        "per-node proxy) or the mesh (a control-plane replica).",
    )
    sources: list[Id] = Field(min_length=1)


class FormerName(Strict):
    """A name the offering went by before ("Conduit" for Linkerd): read as it, and said so."""

    name: Text
    short: list[Text] = Field(
        default_factory=list,
        description="Short forms of that name ('ASM' for Anthos Service Mesh): they name the "
        "offering as its aliases do, and the answer says what became of the name.",
    )
    note: Text = Field(description="What became of it: 'merged into Linkerd as Linkerd 2 (2018)'.")
    also_means: Text | None = Field(
        default=None,
        description="What else its short forms name ('ASM': Alibaba Cloud Service Mesh, the "
        "AKS add-on's asm-1-NN revisions): the answer says the reading is one of several.",
    )
    sources: list[Id] = Field(min_length=1)

    @property
    def said_as(self) -> list[str]:
        """The name and its short forms."""
        return [self.name, *self.short]


class EarlierLine(Strict):
    """An earlier major line of an offering that is a product of its own ("Linkerd 1.x", the
    JVM Linkerd, before the Linkerd 2 rewrite): moving on from it is no move off the offering,
    which is its successor."""

    line: int = Field(ge=0, description="Its major version: 1 for Linkerd 1.x.")
    name: Text = Field(description="How it is named: 'Linkerd 1.x'.")
    note: Text = Field(
        description="What it is and what moving from it to the offering means, in a sentence "
        "or two: a rewrite, a migration rather than an upgrade."
    )
    sources: list[Id] = Field(min_length=1)


class Component(Strict):
    """A project an offering built of others runs (no mesh: cert-manager, OpenTelemetry,
    Kubernetes), with its standing in the CNCF."""

    name: Text
    cncf: CncfStatus
    sources: list[Id] = Field(min_length=1, description="Where that standing is announced.")


class OutdatedClaim(Strict):
    claim: Text
    seen_in: list[Id] = Field(min_length=1)
    current: Text
    feature: Id | None = None
    sources: list[Id] = Field(min_length=1)


class ControlPlaneModel(StrEnum):
    """Who runs the control plane, and where: it decides whose cost its figures are."""

    self_managed = "self_managed"  # you install and upgrade it, in your cluster
    managed = "managed"  # the provider operates it, still in your cluster (AKS add-on)
    provider_hosted = "provider_hosted"  # the provider runs it outside your cluster (Google)


class Distribution(Strict):
    """What a vendor's offering adds to (or takes from) the mesh it is based on."""

    upstream_version: Text | None = Field(
        default=None, description="The upstream release it ships, e.g. Istio '1.26'."
    )
    control_plane: ControlPlaneModel
    support: str = ""
    pricing: str = ""
    project_code: bool = Field(
        default=False,
        description="It runs its base project's own open-source code, built or managed by the "
        "vendor with no closed layer of its own (the AKS add-on, OpenShift Service Mesh): a "
        "policy of CNCF projects only takes it as that project, at the project's level.",
    )
    sources: list[Id] = Field(min_length=1)


class Platform(StrEnum):
    """Where a team runs its workloads; `kubernetes` is any conformant cluster."""

    aks = "aks"
    eks = "eks"
    gke = "gke"
    openshift = "openshift"
    okd = "okd"  # OpenShift's community distribution: no Red Hat subscription
    kubernetes = "kubernetes"
    ecs = "ecs"
    nomad = "nomad"
    vms = "vms"
    lambda_functions = "lambda"  # AWS Lambda: functions, no host or cluster of theirs to mesh
    cloud_run = "cloud_run"  # Google Cloud Run services: no node or pod of theirs


class LicenceKind(StrEnum):
    open_source = "open_source"  # an OSI licence: Apache-2.0, MPL-2.0
    source_available = "source_available"  # BUSL and the like
    proprietary = "proprietary"  # a closed commercial product or a cloud service


class StableBuilds(Strict):
    """Where an offering's stable releases (patch releases with fixes backported) come from
    when its project publishes none of its own, only edge or nightly builds."""

    edition: str = Field(description="The vendor edition that has them, by name.")
    known_as: list[Text] = Field(
        default_factory=list,
        description="Names the edition is asked by ('buoyant enterprise', 'bel'): what it "
        "costs asked by one of them is its price, not the proxies' memory.",
    )
    vendor: Id
    free_below: int | None = Field(
        default=None,
        description="Employees under which a company may run that edition in production free.",
    )
    last_own: Annotated[str, StringConstraints(pattern=r"\d+\.\d+")] | None = Field(
        default=None,
        description="The project's last stable release of its own ('stable-2.14.10'): the "
        "line a release at or before it is on gets no more fixes from the project.",
    )
    last_own_on: dt.date | None = Field(default=None, description="When that release came out.")
    sources: list[Id] = Field(min_length=1)

    @property
    def last_line(self) -> tuple[int, int] | None:
        """The line of the project's last stable release of its own: (2, 14)."""
        found = re.search(r"(\d+)\.(\d+)", self.last_own or "")
        return (int(found.group(1)), int(found.group(2))) if found else None


class OptionalEnvoy(Strict):
    """Where Envoy runs only in an optional part of the data plane (ambient's waypoints):
    the features its Envoy-free part gives on its own; any other needs that part."""

    part: str = Field(description="The optional part that runs Envoy, by name.")
    without: list[Id] = Field(
        min_length=1, description="Feature ids the data plane gives without that part."
    )
    sources: list[Id] = Field(min_length=1)


class FargatePods(Strict):
    """Whether it meshes EKS pods on AWS Fargate, where no node is yours: Fargate runs no
    DaemonSets, no privileged containers and no CNI plugin of your own, and takes no pod
    that adds the NET_ADMIN capability a sidecar's traffic-redirecting init container asks
    for."""

    runs: bool
    why: Text = Field(description="What of it Fargate does or does not allow, in one clause.")
    caveat: Text = Field(
        default="", description="Where it runs, what it gives up there, in one clause."
    )
    sources: list[Id] = Field(min_length=1)


class AutopilotPods(FargatePods):
    """Whether it meshes pods on GKE Autopilot, where Google runs the nodes: Autopilot
    rejects privileged pods, host-path writes and capabilities past its default set unless
    an allowlist or a cluster workload policy (NET_ADMIN) admits them, and its CNI is GKE
    Dataplane V2."""


class UnitPrices(Strict):
    """A service billed by use: its price per service-hour and per GB processed, in USD, in one
    Region, and the hours its pricing page counts in a month."""

    service_hour: float = Field(gt=0)
    gb: float = Field(gt=0)
    region: Text
    hours_a_month: int = Field(gt=0)
    unpriced: Text = Field(description="What the total leaves out ('request charges').")
    as_of: dt.date
    sources: list[Id] = Field(min_length=1)


class Fit(Strict):
    """The facts that decide whether an offering can serve a setup at all.

    The recommender screens on these before it weighs anything: where the offering
    runs, whose platform it belongs to, its licence, who supports it, and what it
    imposes on the cluster.
    """

    platforms: list[Platform] = Field(
        min_length=1,
        description="Where it runs as your mesh; `kubernetes` covers AKS, EKS, GKE and "
        "OpenShift unless `not_on` names one; `vms` of a provider's own offering are VMs in "
        "that provider's cloud.",
    )
    not_on: list[Platform] = Field(
        default_factory=list, description="Kubernetes platforms it is known not to run on."
    )
    provider: Id | None = Field(
        default=None,
        description="The platform provider whose own offering this is (microsoft, google, aws, "
        "red-hat), or none.",
    )
    licence: LicenceKind
    support_from: list[Id] = Field(
        default_factory=list,
        description="Who sells a support contract covering this offering (vendor ids).",
    )
    included_with: list[Platform] = Field(
        default_factory=list,
        description="Platforms whose own subscription includes it at no separate charge "
        "(OpenShift Service Mesh with OpenShift): on one of them, a refusal to pay its vendor "
        "more buys nothing here.",
    )
    mesh: bool = Field(
        default=True,
        description="It is a mesh. False for the baseline of running none: a requirement on a "
        "mesh's support contract or on who runs its control plane has nothing to apply to.",
    )
    uses_envoy: bool = Field(description="Envoy (a C++ proxy) runs in its data plane.")
    optional_envoy: OptionalEnvoy | None = Field(
        default=None,
        description="Set where Envoy runs only in an optional part, needed for some features.",
    )
    replaces_cni: bool = Field(
        default=False, description="Adopting it means replacing the cluster's CNI."
    )
    billed_by_use: bool = Field(
        default=False,
        description="The provider bills it by use (per service-hour, GB or request), on top of "
        "the compute you run.",
    )
    pricing: str = Field(
        default="",
        description="What it costs in money where no distribution says (ECS Service Connect: "
        "no charge of its own, the proxy's CPU and memory in each task); cited by "
        "`pricing_sources`.",
    )
    pricing_sources: list[Id] = Field(default_factory=list)
    unit_prices: UnitPrices | None = Field(
        default=None,
        description="The provider's published unit prices, for a monthly total at the "
        "services and traffic said.",
    )
    stable_builds: StableBuilds | None = Field(
        default=None,
        description="Set where the project ships no stable releases itself: the vendor edition "
        "that has them. Unset, the offering's own releases are stable and patched.",
    )
    fargate_pods: FargatePods | None = Field(
        default=None, description="Whether it meshes EKS pods on Fargate; unset: not recorded."
    )
    gke_autopilot: AutopilotPods | None = Field(
        default=None, description="Whether it meshes pods on GKE Autopilot; unset: not recorded."
    )
    maker: Id | None = Field(
        default=None,
        description="The vendor (id) that created and maintains it, where it sells no support "
        "for it itself (kong for Kuma): its customers already know its tools and people.",
    )
    note: str = ""
    sources: list[Id] = Field(
        min_length=1,
        description="The offering's main page on these facts first: it is the one mark an "
        "elimination carries on the recommendation's first card.",
    )
    support_sources: list[Id] = Field(
        default_factory=list,
        description="Where who sells support for it is documented (`support_from`): what a "
        "rule-out for support cites ('no support contract from Microsoft'), not the main page; "
        "none held, it cites nothing.",
    )
    platform_sources: list[Id] = Field(
        default_factory=list,
        description="Where the platforms it runs on (`platforms`) are documented: what a "
        "platform rule-out cites ('doesn't run on EKS'), not the first of `sources` (a page "
        "about one platform, or about its licence); none held, it cites nothing.",
    )

    @property
    def makers(self) -> set[Id]:
        """Who makes it: the provider whose offering it is, else its maker, else the one
        vendor that supports it (its own product)."""
        if self.provider:
            return {self.provider}
        if self.maker:
            return {self.maker}
        return set(self.support_from) if len(self.support_from) == 1 else set()


class ModeAliases(Strict):
    """Words that name this entry only when set against another mode of its project."""

    beside: list[Id] = Field(
        min_length=1,
        description="The project's other modes ('sidecar' names Istio's sidecar mode only "
        "across a 'vs' or 'or' from ambient, never in 'does linkerd use sidecars').",
    )
    words: list[Text] = Field(min_length=1)


class PlatformSummary(Strict):
    """What an offering is on one platform whose own means differ from the general case."""

    summary: Text = Field(description="A few sentences, as `summary`, for that platform.")
    not_with: list[Id] = Field(
        default_factory=list,
        description="Flag facts of a setup it does not apply to: 'cilium_cni' for a note on "
        "EKS's own VPC CNI, where Cilium is the cluster's CNI.",
    )
    sources: list[Id] = Field(min_length=1)


class LicenceTerms(Strict):
    """What an offering's licence permits, as its licensor's own terms or FAQ say it."""

    use: Text = Field(
        description="One or two sentences answering 'can we use it for …?': what is allowed "
        "and what is not, as the licensor words it."
    )
    sources: list[Id] = Field(min_length=1)


class Mesh(Strict):
    id: Id
    based_on: Id | None = Field(
        default=None,
        description="The upstream mesh this distribution inherits from (see inheritance.py).",
    )
    name: Text
    aliases: list[Text] = Field(min_length=1)
    former_names: list[FormerName] = Field(
        default_factory=list,
        description="Names it went by before: matched like aliases, and the answer says so.",
    )
    earlier_lines: list[EarlierLine] = Field(
        default_factory=list,
        description="Earlier major lines that are products of their own (not inherited).",
    )
    mode_aliases: ModeAliases | None = None
    default_requests: list[DefaultRequests] = Field(
        default_factory=list,
        description="Its proxies' default resource requests, by figure mode (not inherited): "
        "a cost answer says what they reserve at the size asked beside what is used.",
    )
    parts: list[Part] = Field(
        default_factory=list,
        description="Its components and protocols, named by their own words (not inherited).",
    )
    as_feature: Id | None = Field(
        default=None,
        description="The feature another mesh has when it offers this mode: 'does kuma "
        "support an ambient mode?' asks for Kuma's sidecarless row.",
    )
    status: Status
    status_note: str = ""
    replaced_by: list[Id] = Field(
        default_factory=list,
        description="Where its users can move: maintained offerings its migration notes map it "
        "onto.",
    )
    successors_named: list[Id] = Field(
        default_factory=list,
        description="Of `replaced_by`, those its makers or its platform's provider name "
        "themselves (its status sources say so): AWS names ECS Service Connect and VPC Lattice "
        "for App Mesh. Empty where they name none.",
    )
    summary: Text
    on_platforms: dict[Platform, PlatformSummary] = Field(
        default_factory=dict,
        description="Its summary on a platform whose own means differ (no mesh on ECS: "
        "security groups and the ADOT sidecar, not NetworkPolicies): shown to a setup on it.",
    )
    data_plane: DataPlane
    control_plane: list[Text] = Field(default_factory=list)
    license: Text
    license_terms: LicenceTerms | None = Field(
        default=None,
        description="What the licence permits, for 'it's BSL now, can we still use it "
        "internally?'; unset where no licensor's reading is held.",
    )
    cncf: CncfStatus
    cncf_sources: list[Id] = Field(
        default_factory=list,
        description="Where its CNCF standing is announced (the CNCF's release, the TOC's "
        "vote, the project's README): 'is kuma cncf?' cites them.",
    )
    built_from: list[Component] = Field(
        default_factory=list,
        description="The projects it is made of, where it is no project itself (no mesh): a "
        "CNCF policy reads their standing, since its own `cncf` is none.",
    )
    version: Version
    generally_available: GenerallyAvailable | None = Field(
        default=None,
        description="Where it shipped first as Alpha or Beta: when its maintainers declared it "
        "GA; unset where it never was short of GA or no such statement is held.",
    )
    interop: list[Interop] = Field(
        default_factory=list,
        description="Other offerings its workloads run beside in one mesh, and how they meet.",
    )
    releases: Releases | None = None
    project: Project | None = Field(
        default=None,
        description="Steward and release model; a distribution's comes from `distribution`.",
    )
    strengths: list[Text] = Field(default_factory=list)
    weaknesses: list[Text] = Field(default_factory=list)
    best_for: Text
    install: list[Text] = Field(default_factory=list)
    snippet: Snippet | None = None
    links: list[Link] = Field(default_factory=list)
    sources: list[Id] = Field(min_length=1, description="Sources for the mesh-level facts.")
    features: dict[Id, Support]
    overhead: list[Figure] = Field(default_factory=list)
    waypoint_features: list[Id] = Field(
        default_factory=list,
        description="Features the offering applies only in an L7 proxy deployed apart (ambient's "
        "waypoints), as its feature rows say: needed, a cost counts at least one such proxy.",
    )
    outdated_claims: list[OutdatedClaim] = Field(default_factory=list)
    distribution: Distribution | None = None
    fit: Fit | None = Field(
        default=None, description="Screening facts for recommendations (see Fit)."
    )
    api_family: Id | None = Field(
        default=None,
        description="The family of configuration resources it is driven by (istio: "
        "VirtualService, AuthorizationPolicy; one of rules.yaml's `knows_api` choices): a team "
        "that knows them carries them over, and a mesh 'built on' it is one of them. A "
        "distribution inherits its base's.",
    )
    features_removed: dict[Id, Text] = Field(
        default_factory=dict,
        description="Features the distribution drops from its base, with why; "
        "their rows read level `no` with that note.",
    )

    @property
    def known_as(self) -> list[str]:
        """Its aliases, the names it went by before and its parts' names: every name a
        question may use."""
        parts = [a for part in self.parts for a in (part.name, *part.aliases)]
        return [*self.aliases, *(n for f in self.former_names for n in f.said_as), *parts]

    def earlier_line(self, line: int | None) -> EarlierLine | None:
        """The earlier line of that major version, if it is one of this offering's."""
        return next((e for e in self.earlier_lines if e.line == line), None)

    @property
    def billed_by_use(self) -> bool:
        """The provider bills it by use (per service-hour, GB or request)."""
        return bool(self.fit and self.fit.billed_by_use)

    @property
    def priced(self) -> bool:
        """What it costs is money first: a licence or subscription (a vendor's edition or
        product), a bill by use, or a price held ("no charge of its own"); an open-source
        project costs the resources its proxies take."""
        fit = self.fit
        if fit is None:
            return False
        return self.pricing_held or fit.billed_by_use or fit.licence != LicenceKind.open_source

    @property
    def pricing_held(self) -> bool:
        """A pricing row of its own is held (a distribution's `pricing`, or `fit.pricing`:
        "included with the OpenShift subscription", "no charge of its own")."""
        fit, dist = self.fit, self.distribution
        return bool((fit and fit.pricing) or (dist and dist.pricing))

    @property
    def is_current(self) -> bool:
        return self.status in (Status.active, Status.baseline)

    def on(
        self, platforms: list[Platform], facts: Mapping[str, object] | None = None
    ) -> PlatformSummary | None:
        """Its summary on the one platform a setup runs, where that platform has its own and
        no flag of the setup (`facts`) sets it aside."""
        there = self.on_platforms.get(platforms[0]) if len(platforms) == 1 else None
        if there is None or any((facts or {}).get(flag) is True for flag in there.not_with):
            return None
        return there

    @property
    def offering_sources(self) -> list[Id]:
        """The sources about the offering itself: its own, its fit's, its distribution's and
        its project's."""
        fit = self.fit.sources if self.fit else []
        distribution = self.distribution.sources if self.distribution else []
        project = self.project.sources if self.project else []
        return list(dict.fromkeys([*self.sources, *fit, *distribution, *project]))


# --------------------------------------------------------------------------- rules

FactValue = int | bool | str | list[str]


class FactType(StrEnum):
    number = "number"
    flag = "flag"
    choice = "choice"
    choices = "choices"  # several of the choices at once (a list)
    features = "features"
    mesh = "mesh"  # a mesh id from meshes/


class FactDef(Strict):
    """One thing the recommender can know about the user's setup."""

    id: Id
    type: FactType
    label: Text = Field(
        description="How the fact reads in an answer: 'services', 'platform teams'."
    )
    label_one: Text | None = Field(
        default=None,
        description="How a number fact of 1 reads, where the label is a plural: 'cluster'.",
    )
    label_false: Text | None = Field(
        default=None,
        description="How a flag said to be false reads ('sidecars are fine'), where 'not' "
        "before the label would not.",
    )
    wish: bool = Field(
        default=False,
        description="For a flag: what they would like ('as few new components to run as "
        "possible'), not what their setup is: where it puts ahead a pick that meets a "
        "must-have only in part, the answer names the clash (bot/answers/wishes.py).",
    )
    narrows: Text | None = Field(
        default=None,
        description="For a flag: the part of a platform it names when true ('EKS Fargate'): "
        "a question whether an offering runs there is about that part, not the platform.",
    )
    units: list[Text] = Field(
        default_factory=list, description="Words after a number that set it: '40 services'."
    )
    shared_units: list[Text] = Field(
        default_factory=list,
        description="Words after a number that set it only with a `beside` word in the same "
        "sentence ('the platform team is 3 people'); elsewhere they count something else "
        "('a startup of 22 people').",
    )
    beside: list[Text] = Field(
        default_factory=list, description="Words that make a shared unit this fact's."
    )
    attached: list[Text] = Field(
        default_factory=list,
        description="Words right after a shared unit that make it this fact's whatever stands "
        "nearer ('we're 4 people on the platform team': the team, not the company).",
    )
    lead_ins: list[Text] = Field(
        default_factory=list,
        description="Words right before a number with no unit after it that say what it "
        "counts ('a team of 3', 'a crew of two').",
    )
    apiece: dict[Id, list[Text]] = Field(
        default_factory=dict,
        description="Units that count this fact apiece of another fact's holders, by that "
        "fact ('pods per node' counts per node: times the nodes counted, not per service).",
    )
    per: list[Id] = Field(
        default_factory=list,
        description="Number facts whose holders this fact may be counted apiece of ('3 "
        "clusters of 40 nodes' is 120 nodes): bot/intents/products.py.",
    )
    narrowest: bool = Field(
        default=False,
        description="Counted more than once, the smallest count is this fact's ('~20 engineers "
        "… one part-time platform person': the people running the platform are the fewest).",
    )
    adds_by_place: bool = Field(
        default=False,
        description="Counted again in a clause naming another platform than each count "
        "before it ('AKS (~120 svcs) … ~100 services on Linux VMs'), the counts are parts of "
        "the estate and add up (bot/intents/places.py).",
    )
    scoped_by_need: bool = Field(
        default=False,
        description="A count of it in a clause saying what some of the estate needs ('we "
        "need Windows nodes too for 20 .NET Framework apps') counts a part, not the estate, "
        "where the estate is sized another way (`phrases: count_scoped`).",
    )
    wider: Id | None = Field(
        default=None,
        description="The fact a `narrowest` fact's larger count sets ('SaaS company, 250 "
        "engineers, platform team of 10': 10 run the platform, 250 are the engineering).",
    )
    choices: list[Id] = Field(default_factory=list)
    names: dict[Id, Text] = Field(
        default_factory=dict, description="How a choice reads in an answer: aks -> AKS."
    )
    shown: bool = Field(
        default=True,
        description="Listed among what the user said; false for a bookkeeping fact "
        "(`told_last`: the constraints the latest reply set, listed under their own labels).",
    )
    had: bool = Field(
        default=False,
        description="What the team already has or knows (Cilium as the CNI, Envoy experience, "
        "a mesh they run): context for a comparison, never a constraint that asks it for a pick.",
    )
    of_platform: bool = Field(
        default=False,
        description="A detail of the platform itself (GKE Autopilot, every pod on EKS Fargate): "
        "said with no mesh, feature or pick, the question is about the platform, not a setup.",
    )
    mesh: Id | None = Field(
        default=None,
        description="The mesh a flag set true says they have ('Cilium is already the CNI': "
        "cilium): what a pronoun asked after it refers to ('… does it do mtls?').",
    )
    softens: bool = Field(
        default=False,
        description="Its choices name flags said only as a preference (`preferred`: 'no Envoy "
        "if possible'): those flags are listed once, under this fact's label.",
    )
    line_of: Id | None = Field(
        default=None,
        description="The mesh fact whose release line this number names (`leaving`: "
        "'replacing Linkerd 1.x'): the two read as one, the line's name ('moving off: "
        "Linkerd 1.x').",
    )
    role: list[str] = Field(
        default_factory=list,
        description="Words that say the role the flag's mesh runs in ('cni': 'Cilium is "
        "already our CNI'): said with the project's bare name, it is that role they run, not "
        "the mesh, so no incumbent mesh unless the mesh is named whole ('cilium service mesh').",
    )

    def says(self, value: FactValue) -> str:
        """The value in words: a choice's name (names joined by 'and'), else the value."""
        if isinstance(value, list):
            names = [self.names.get(v, v) for v in value]
            return " and ".join(names) if len(names) <= 2 else ", ".join(names)
        return self.names.get(value, str(value)) if isinstance(value, str) else str(value)


class Signal(Strict):
    """Phrases in free text that set facts: 'only need mTLS' sets only_mtls."""

    phrases: list[Text] = Field(min_length=1)
    set: dict[Id, FactValue]
    unless_next: list[Text] = Field(
        default_factory=list,
        description="Words that, right after a phrase, make it describe something else "
        "('open source kuma', 'the open source project': no licence policy).",
    )
    unless_mesh_next: bool = Field(
        default=False, description="A mesh's name right after a phrase makes it describe that mesh."
    )
    unless_before: list[Text] = Field(
        default_factory=list,
        description="Words that, right before a phrase, make it describe something else "
        "('no extra vendor contracts': no new vendor, not support wanted).",
    )
    moots: list[Id] = Field(
        default_factory=list,
        description="Features the phrase names as a chore, not as a must-have: 'babysit "
        "upgrades' wants less upgrade work, not canary control-plane upgrades.",
    )
    unless_asked: bool = Field(
        default=False,
        description="The phrase names no stance of its own, so a question asking about it "
        "(an `asked_about` cue a few words before: 'what about running edge releases in "
        "production?') sets nothing.",
    )
    unless_compared: bool = Field(
        default=False,
        description="The phrase names a quality offerings are weighed on as well as a stance, "
        "so a question weighing them on it (a `compared_on` cue a few words before: 'which "
        "has the better enterprise support story', 'is the enterprise thing worth it or just "
        "a support contract') sets nothing.",
    )
    keeps_words: bool = Field(
        default=False,
        description="The phrase asks something too ('do we even need a mesh?'): it sets its "
        "facts and its words stay for the question's own cues.",
    )


class PricedOut(Strict):
    """A paid offering's price complained of ("our Gloo Mesh renewal quote tripled"): what
    they leave is the paid edition, not the open-source project it is built on."""

    words: list[Text] = Field(
        min_length=1, description="Words naming what a vendor charges: 'renewal', 'quote'."
    )
    rises: list[Text] = Field(
        default_factory=list,
        description="Words saying that price rose ('tripled', 'went up'); a `complaint` "
        "phrase in the sentence does as well.",
    )
    unless: list[Text] = Field(
        default_factory=list,
        description="Words that make the sentence about an overhead, not a price ('too "
        "expensive in memory').",
    )
    held: list[Text] = Field(
        default_factory=list,
        description="A licence said to renew ('enterprise licence renews next quarter'): with "
        "no rise, the paid offering its sentence names is one they hold and run.",
    )
    set: dict[Id, FactValue] = Field(
        description="The facts it sets where the setup has not said them: open source only."
    )
    asked_instead: dict[Id, FactValue] = Field(
        default_factory=dict,
        description="The facts a price said to be too much sets where the same message asks "
        "for what `set` sets instead ('that will be expensive, what is the open-source "
        "option?'): the paid part, a vendor's support contract, is not bought either.",
    )


class Covered(Strict):
    """A tool a team may already run, and the needs it covers ("we already have
    OpenTelemetry": traces and metrics are not asked of the mesh)."""

    words: list[Text] = Field(min_length=1)
    features: list[Id] = Field(default_factory=list)
    said: list[Id] = Field(
        default_factory=list,
        description="Needs it covers only where they are named with it ('our own "
        "interceptors for retries and authz', 'cert-manager with SPIFFE IDs'), or called back "
        "by a pronoun after it ('golden metrics, but the interceptors already emit those').",
    )
    sources: list[Id] = Field(min_length=1)

    @model_validator(mode="after")
    def _covers_something(self) -> Covered:
        if not (self.features or self.said):
            raise ValueError("a tool covers `features` whenever named or `said` ones; give one")
        return self


class Condition(Strict):
    """A test on one fact; every operator given must hold."""

    is_: FactValue | None = Field(default=None, alias="is")
    lt: float | None = None
    gte: float | None = None
    any_of: list[Id] | None = None
    all_of: list[Id] | None = Field(
        default=None, description="A features fact names every one of these (and maybe more)."
    )
    only: list[Id] | None = Field(
        default=None,
        description="A features (or choices) fact names these and nothing else.",
    )
    one_of: list[Id] | None = None
    none_of: list[Id] | None = Field(
        default=None,
        description="Stated as none of these, or unstated: 'support: none_of [none]' holds "
        "until they say they need no support.",
    )
    known: bool | None = Field(
        default=None, description="true: holds for any stated value; false: while unstated."
    )

    def holds(self, value: FactValue) -> bool:
        checks = []
        if self.known is not None:
            checks.append(self.known)
        if self.is_ is not None:
            checks.append(value == self.is_)
        if self.lt is not None:
            checks.append(isinstance(value, int) and value < self.lt)
        if self.gte is not None:
            checks.append(isinstance(value, int) and value >= self.gte)
        if self.one_of is not None:
            several = value if isinstance(value, list) else [value]
            checks.append(any(v in self.one_of for v in several))
        if self.none_of is not None:
            several = value if isinstance(value, list) else [value]
            checks.append(not any(v in self.none_of for v in several))
        if self.any_of is not None:
            checks.append(isinstance(value, list) and bool(set(value) & set(self.any_of)))
        if self.all_of is not None:
            checks.append(isinstance(value, list) and set(self.all_of) <= set(value))
        if self.only is not None:
            checks.append(isinstance(value, list) and set(value) <= set(self.only))
        return bool(checks) and all(checks)

    def holds_unstated(self) -> bool:
        """Whether it holds while the fact is unstated: `known: false`, or `none_of` alone."""
        if self.known is not None:
            return self.known is False
        others = (self.is_, self.lt, self.gte, self.any_of, self.all_of, self.only, self.one_of)
        return self.none_of is not None and all(o is None for o in others)


class MetWithoutMesh(Strict):
    """A need the platform meets without a mesh, said in words of its own (a flag a signal
    sets: "default-deny between namespaces", "internal traffic is fine, we need TLS at the
    edge"): the features it covers are no need of a mesh."""

    fact: Id = Field(description="The flag fact that says the need.")
    features: list[Id] = Field(
        default_factory=list, description="Features it covers ('canary at the edge')."
    )
    when: dict[Id, Condition] = Field(
        default_factory=dict,
        description="What else the setup must hold for the platform to meet it ('cilium_cni: "
        "is true': the CNI's own encryption between nodes).",
    )

    def meets(self, facts: Mapping[str, FactValue]) -> bool:
        """The need is said, and the setup meets it without a mesh."""
        return facts.get(self.fact) is True and all(
            c.holds(facts[f]) if f in facts else c.holds_unstated() for f, c in self.when.items()
        )


OFFERED = 5  # buttons a question offers at once


class Option(Strict):
    label: Annotated[str, StringConstraints(min_length=1, max_length=60)]
    set: dict[Id, FactValue]
    said: list[Text] = Field(
        default_factory=list,
        description="Other words a reply in a thread says this answer in ('our cloud "
        "vendor'), beside its label; read as it wherever they are the whole of a clause "
        "(bot/answers/answered.py).",
    )
    means: Literal["yes", "no"] | None = Field(
        default=None,
        description="The answer a bare yes or no (rules.yaml `replies`) gives, while this "
        "question is the one asked.",
    )
    unless: dict[Id, Condition] = Field(
        default_factory=dict,
        description="Not offered while these hold: no AKS button for a team not on Kubernetes.",
    )

    def offered(self, facts: dict[str, FactValue]) -> bool:
        return not any(f in facts and c.holds(facts[f]) for f, c in self.unless.items())


class Replies(Strict):
    """How a reply in words answers the question a recommendation asked next
    (bot/answers/answered.py): the words of a bare yes or no, the words around an answer
    that say nothing of it, and the words that split a reply into its answers."""

    yes: list[Text] = Field(default_factory=list)
    no: list[Text] = Field(default_factory=list)
    filler: list[Text] = Field(
        default_factory=list,
        description="Words an answer is said with that change nothing ('ok', 'we're', "
        "'is fine'): a clause of nothing else is no answer, one with an answer is that answer.",
    )
    ordinals: list[Text] = Field(
        default_factory=list,
        description="Words choosing an answer by its place ('first', 'second'), in order.",
    )
    breaks: list[Text] = Field(
        default_factory=list,
        description="Words between two answers in one reply ('no, and sidecars are fine').",
    )


class Question(Strict):
    id: Id
    fact: Id = Field(description="The fact this question settles; asked only while unknown.")
    ask: Text
    shapes_mesh: bool = Field(
        default=False,
        description="It asks what the mesh they would run should be (its support, who runs "
        "it, its licence): not asked next while the pick is to run no mesh.",
    )
    options: list[Option] = Field(
        min_length=2,
        max_length=10,
        description=f"The answers; the first {OFFERED} that what is known leaves are offered.",
    )
    unless: dict[Id, Condition] = Field(
        default_factory=dict,
        description="Not asked while any of these holds: whether one mesh spans clusters, of "
        "one cluster; a memory budget per node, where no node is theirs.",
    )
    scoped: list[Id] = Field(
        default_factory=list,
        description="Facts a reply's words set that, said in answer to this question, only "
        "scope the answer: 'only mTLS' answering which needs to enforce at the mesh names mTLS "
        "as the need, not mTLS as the only reason for a mesh (bot/answers/after_pick.py).",
    )

    def moot(self, facts: dict[str, FactValue]) -> bool:
        """Whether what they said already settles it (`unless`): not asked."""
        return any(f in facts and c.holds(facts[f]) for f, c in self.unless.items())

    def offered(self, facts: dict[str, FactValue]) -> list[Option]:
        """The options offered now: the first few that no stated fact rules out."""
        return [o for o in self.options if o.offered(facts)][:OFFERED]


class OfferingTrait(StrEnum):
    """The traits a rule may weigh; bot/answers/traits.py implements each one."""

    cncf_graduated = "cncf_graduated"
    managed = "managed"
    provider_native = "provider_native"
    provider_customer = "provider_customer"
    platform_bound = "platform_bound"
    vendor_supported = "vendor_supported"
    open_source = "open_source"
    uses_envoy = "uses_envoy"
    sidecarless = "sidecarless"
    without_mesh_core = "without_mesh_core"
    replaces_cni = "replaces_cni"
    billed_by_use = "billed_by_use"
    vendor_product = "vendor_product"
    lightest_at_size = "lightest_at_size"
    heaviest_at_size = "heaviest_at_size"
    lightest_control_plane = "lightest_control_plane"
    requests_fill_node = "requests_fill_node"
    incumbent = "incumbent"
    incumbent_build = "incumbent_build"
    incumbent_mode = "incumbent_mode"
    incumbent_other_mode = "incumbent_other_mode"
    moves_off_incumbent = "moves_off_incumbent"
    already_run = "already_run"
    from_current_vendor = "from_current_vendor"
    from_vendor_family = "from_vendor_family"
    supported_as_wished = "supported_as_wished"
    familiar_api = "familiar_api"
    wanted_base = "wanted_base"
    liked = "liked"
    paid_edition = "paid_edition"
    base_suffices = "base_suffices"
    base_left = "base_left"
    fills_base_gap = "fills_base_gap"
    carries_many_vms = "carries_many_vms"
    keeps_vms_as_meshed = "keeps_vms_as_meshed"
    needs_met_without_mesh = "needs_met_without_mesh"
    meets_needs = "meets_needs"
    edge_builds_only = "edge_builds_only"
    free_stable_builds = "free_stable_builds"
    successor = "successor"
    hurt_before = "hurt_before"
    drops_incumbent_mtls = "drops_incumbent_mtls"
    migration_path = "migration_path"
    provider_successor = "provider_successor"
    retired_unencrypted = "retired_unencrypted"


class Applies(Strict):
    """What an offering must have for a rule's reason to be true of it: a feature at
    `at_least` this level (yes, partial, extension, enterprise, no, in that order), or a
    trait; `is: false` asks for the opposite."""

    feature: Id | None = None
    at_least: Level = Level.yes
    trait: OfferingTrait | None = None
    is_: bool = Field(default=True, alias="is")

    def model_post_init(self, _: Any) -> None:
        if (self.feature is None) == (self.trait is None):
            raise ValueError("applies_if needs exactly one of feature: or trait:")


class RuleClause(Strict):
    """A sentence of a rule's reason about one offering it weighs ("Linkerd encrypts TCP
    traffic between meshed pods by default"), with the sources behind it."""

    text: Text
    sources: list[Id] = Field(min_length=1)


class Rule(Strict):
    """A trade-off among the offerings that pass screening: when every condition holds,
    add `scores` to the meshes it names (a distribution takes its base mesh's score unless
    the rule names it too) and `traits` to every offering that has the trait."""

    id: Id
    when: dict[Id, Condition] = Field(
        default_factory=dict, description="Conditions on known facts; none: always weighed."
    )
    scores: dict[Id, int] = Field(default_factory=dict)
    traits: dict[Id, int] = Field(
        default_factory=dict,
        description="Score for every offering with the trait (bot/answers/traits.py).",
    )
    applies_if: Applies | None = Field(
        default=None,
        description="What an offering must have for `because` to be true of it; the rule "
        "weighs no other offering (a distribution inherits a score only where it holds).",
    )
    because: Text
    because_of: dict[Id, RuleClause] = Field(
        default_factory=dict,
        description="Sentences of the reason about one offering each (mesh id -> clause), "
        "said after `because` only while that offering is left: a reason about Linkerd is "
        "no reason for the pick where Linkerd is ruled out.",
    )
    because_of_need: dict[Id, RuleClause] = Field(
        default_factory=dict,
        description="Sentences of the reason about one must-have each (feature id -> clause), "
        "said after `because` only where that feature is a must-have: what a licence buys for "
        "FIPS is no reason where request-level authorization was asked.",
    )
    sources: list[Id] = Field(min_length=1)
    cite_weighed: bool = Field(
        default=False,
        description="Cite only those of `sources` that the offerings it weighs cite "
        "themselves (the provider's own offering: its own pages, not every provider's).",
    )
    of_project: bool = Field(
        default=False,
        description="`because` speaks of the project's code, which every build of it runs "
        "(a provider's managed one too): beside its base, a build is weighed as the base is, "
        "so the reason sets no two builds of one project apart.",
    )
    rests_on: list[Id] = Field(
        default_factory=list,
        description="Traits (bot/answers/traits.py) whose holders `because` is true of: "
        "argued against another offering only where the pick has none of them.",
    )
    partial_enough: bool = Field(
        default=False,
        description="The reason is that what the offerings it weighs up meet only partly is "
        "enough for this setup (retries from a client library on a small estate): where it "
        "fires, their partial must-haves are not outdone by a mesh meeting them in full "
        "(`caveat_cost.outdone`).",
    )

    def model_post_init(self, _: Any) -> None:
        if not self.scores and not self.traits:
            raise ValueError("a rule needs scores: or traits:")

    def said_of(
        self, left: Collection[str], sources: list[Id], needs: Collection[str] = ()
    ) -> tuple[str, list[Id]]:
        """The reason with the sentences about the offerings `left` and the must-haves
        `needs`, and what it cites of `sources` (the rule's, as chosen to show) and of those
        sentences': none that only a sentence left unsaid reads."""
        shown = [c for mesh, c in self.because_of.items() if mesh in left]
        shown += [c for need, c in self.because_of_need.items() if need in needs]
        clauses = [*self.because_of.values(), *self.because_of_need.values()]
        said = {s for c in shown for s in c.sources}
        unsaid = {s for c in clauses for s in c.sources} - said
        text = " ".join([self.because, *(c.text for c in shown)])
        cited = [s for s in sources if s not in unsaid]
        return text, list(dict.fromkeys([*cited, *(s for c in shown for s in c.sources)]))


class PlatformLicence(Strict):
    """The licence of a platform the team runs, where it is a product of its own (Nomad):
    a licence policy that rules a mesh out for it reaches the platform too."""

    kind: LicenceKind
    says: Text = Field(description="One sentence: the licence and since when, as its maker says.")
    sources: list[Id] = Field(min_length=1)


class ClusterHostsDef(Strict):
    """VMs a Kubernetes cluster is said to run on ("kubeadm on azure VMs", "EKS on EC2
    nodes"): the cluster's machines, neither a platform of their own nor VM workloads."""

    links: list[Text] = Field(
        min_length=1,
        description="Words right after a Kubernetes platform's name that put it on machines "
        "('on', 'running on', 'on top of').",
    )
    kinds: list[Text] = Field(
        default_factory=list,
        description="Words that may stand between the platform's name and the link, two at "
        "most ('kubeadm clusters on our VMs').",
    )
    machines: list[Text] = Field(
        min_length=1,
        description="Words naming the machines ('vms', 'instances'); the `hosted` words of the "
        "VMs platform ('ec2', 'azure vms') name them too.",
    )
    gap: int = Field(
        default=3, ge=0, description="Words at most between the link and the machines' word."
    )
    breaks: list[Text] = Field(
        default_factory=list,
        description="Words that end the span before the machines ('and', 'plus'): what follows "
        "is another part of the estate, not the cluster's machines.",
    )


class PlatformDef(Strict):
    """A platform a team runs on: the words that name it and whose platform it is."""

    words: list[Text] = Field(min_length=1)
    alone: list[Text] = Field(
        default_factory=list,
        description="Words that name it only when no other platform is named: a place "
        "('bare metal') that Kubernetes may run on, a cloud ('azure') that runs several.",
    )
    where_run: list[Text] = Field(
        default_factory=list,
        description="Words that name it where a mesh they run or leave is named and no "
        "platform is ('consul on our vms'); alone they are a topic ('which meshes run on vms').",
    )
    distinct: list[Text] = Field(
        default_factory=list,
        description="Words that name it as a platform of its own even beside a more specific "
        "one ('rke2' beside EKS is a second platform; 'kubernetes' is not).",
    )
    located: list[Text] = Field(
        default_factory=list,
        description="Words that say where or by whom clusters run ('on-prem cluster', 'self "
        "hosted k8s'): a platform of their own beside one only a provider runs ('EKS plus an "
        "on-prem cluster'), the same platform beside one that is `self_hosted`.",
    )
    self_hosted: bool = Field(
        default=False,
        description="Teams also install it on their own machines (OpenShift on-prem), so "
        "`located` words beside it describe where it runs, not a second platform.",
    )
    provider: Id | None = Field(default=None, description="Vendor id of the platform's owner.")
    hosted: dict[Id, list[Text]] = Field(
        default_factory=dict,
        description="Words that name this platform in one provider's cloud (vendor id -> words: "
        "'ec2' VMs are AWS's); they set `cloud`, whose provider then owns the platform.",
    )
    premises: list[Text] = Field(
        default_factory=list,
        description="Words anywhere in a setup that put this platform's machines in the "
        "team's own data centre ('on-prem VMware VMs'): in no provider's cloud, so `cloud` "
        "is 'own' and no provider's own offering runs there.",
    )
    narrows: Platform | None = Field(
        default=None,
        description="The platform it is a build of (OKD of OpenShift): named beside that one "
        "('OKD now, OCP later'), it is the one they run, not a second platform.",
    )
    licence: PlatformLicence | None = Field(
        default=None,
        description="The platform's own licence, where a licence policy may reach it (Nomad).",
    )
    clusterless: bool = Field(
        default=False,
        description="It holds no Kubernetes cluster of the team's (AWS Lambda's functions, "
        "ECS's tasks): named beside other platforms, it adds none to the clusters counted.",
    )
    machines: Platform | None = Field(
        default=None,
        description="The platform its workloads' machines are (Nomad schedules onto VMs and "
        "bare-metal hosts): an offering that runs there but not here runs beside it, with no "
        "integration, kept with that caveat.",
    )


class ScreeningTest(StrEnum):
    """The tests a constraint may name; bot/answers/screening.py implements each one."""

    runs_on = "runs_on"
    supported_by = "supported_by"
    managed_control_plane = "managed_control_plane"
    licence_fits = "licence_fits"
    has_features = "has_features"
    has_feature = "has_feature"
    sidecar_free = "sidecar_free"
    per_pod_proxy = "per_pod_proxy"
    proxy_free = "proxy_free"
    envoy_free = "envoy_free"
    keeps_cni = "keeps_cni"
    vendor_neutral = "vendor_neutral"
    adds_no_vendor = "adds_no_vendor"
    not_made_by = "not_made_by"
    runs_off_kubernetes = "runs_off_kubernetes"
    not_leaving = "not_leaving"
    not_refused = "not_refused"
    not_set_aside = "not_set_aside"
    own_control_plane = "own_control_plane"
    is_wanted = "is_wanted"
    is_a_mesh = "is_a_mesh"
    stable_builds = "stable_builds"
    within_memory = "within_memory"
    within_pod_memory = "within_pod_memory"
    within_node_memory = "within_node_memory"
    runs_on_fargate = "runs_on_fargate"
    runs_on_autopilot = "runs_on_autopilot"
    not_billed_by_use = "not_billed_by_use"
    vms_in_own_cloud = "vms_in_own_cloud"


class Constraint(Strict):
    """A hard requirement: every candidate failing `test` on the fact's value is ruled out.

    `out` and `caveat` are the reason templates: {value} is the fact's value in words,
    {detail} what the test found (a feature's name, a licence).
    """

    id: Id
    fact: Id
    when: Condition | None = Field(
        default=None, description="Applies only while the fact's value passes this test."
    )
    test: Id = Field(description="A named test over a mesh (bot/answers/screening.py).")
    feature: Id | None = Field(default=None, description="The feature a test checks, if one.")
    out: Text
    caveat: str = ""
    out_no_mesh: str = Field(
        default="",
        description="The reason that rules out the baseline of running no mesh (fit `mesh: "
        "false`) where `out` speaks of a mesh it does not have: what they ask of a mesh, said "
        "of the offering so it reads true as a caveat too ('not a mesh {detail} "
        "supports, as you ask').",
    )
    sources: list[Id] = Field(
        default_factory=list,
        description="What backs `out` where the mesh's own sources do not (the provider's "
        "managed Cilium): cited for it instead.",
    )
    loosens_to: str | None = Field(
        default=None,
        description="Given up because nothing meets every requirement, the constraint first "
        "holds at this looser value of its fact (support from Microsoft → from any vendor), "
        "and goes only when nothing meets that either.",
    )


class Implication(Strict):
    """When every condition holds (`known: false` while a fact is unstated), these facts
    follow (unless the question set them)."""

    when: dict[Id, Condition] = Field(min_length=1)
    set: dict[Id, FactValue] = Field(default_factory=dict)
    at_least: dict[Id, Id] = Field(
        default_factory=dict,
        description="A count as large as another the question gave, unless it gave this one "
        "too ('clusters in 3 regions': three clusters at least).",
    )


class CaveatCost(Strict):
    """What a screening caveat costs an offering in the ranking."""

    partial: int = Field(default=0, ge=0, description="Only partly, or enterprise-only.")
    unconfirmed: int = Field(default=0, ge=0, description="Nothing says either way.")
    bought: int = Field(
        default=0, ge=0, description="Enterprise-only, from a vendor whose support is wanted."
    )
    conditional: int = Field(
        default=0, ge=0, description="Met as long as an optional part stays unused."
    )
    added: int = Field(default=0, ge=0, description="Met by an add-on (an `extension` row).")
    edge: int = Field(
        default=0,
        ge=0,
        description="Added where it is met only at the edge, not between services (a row's "
        "`edge_only`).",
    )
    outdone: int = Field(
        default=0,
        ge=0,
        description="Added to a must-have met only partly or unconfirmed where another mesh "
        "left meets it in full: that need then tells them apart.",
    )
    outdone_unless: list[Id] = Field(
        default_factory=list,
        description="Traits (bot/answers/traits.py) of offerings whose full row outdoes no "
        "other's: what they add over a partial row is something else (a licence).",
    )
    outdone_spares: list[Id] = Field(
        default_factory=list,
        description="Traits of offerings never charged `outdone`: what they run already, "
        "whose partial row they live with (staying is weighed by its own rules).",
    )
    early: dict[Literal["alpha", "beta"], Annotated[int, Field(ge=0)]] = Field(
        default_factory=dict,
        description="Added, by release stage, where what meets it is not yet generally "
        "available (a row's `stage`).",
    )


class Refused(Strict):
    """What one must-not fact refuses: the words that name it."""

    words: list[Text] = Field(min_length=1, description="'sidecars', 'envoy', 'c++ proxy'.")
    unless_next: list[Text] = Field(
        default_factory=list,
        description="Words right after the object that make it something else: "
        "'envoy experience' is a skill, not the proxy.",
    )
    unless_before: list[Text] = Field(
        default_factory=list,
        description="Words right before the object that make it something else: "
        "'no third-party vendors' wants the provider's support, not no lock-in.",
    )
    moots: list[Id] = Field(
        default_factory=list,
        description="Features the refusal makes moot as must-haves: with no sidecars, "
        "native sidecars are not asked of the mesh.",
    )
    value: FactValue = Field(
        default=True,
        description="What the refusal sets: true for a must-not flag, or a choice's option "
        "('no vendor support needed': support none).",
    )
    sets: Id | None = Field(
        default=None,
        description="The fact it sets where that is not its key: a second object of one "
        "fact ('no third-party vendors' sets support to the provider).",
    )
    also: dict[Id, FactValue] = Field(
        default_factory=dict,
        description="Facts the refusal sets beside its own: Envoy refused anywhere is Envoy "
        "refused ('Envoy in any form is banned' sets no_envoy too).",
    )


class RefusedVendors(Strict):
    """A refused vendor ("nothing from HashiCorp"): its words are in `vendors:`."""

    fact: Id = Field(description="The choices fact the refused vendors' ids go in.")
    unless_next: list[Text] = Field(
        default_factory=list,
        description="Words right after the vendor that make it something else: "
        "'no Microsoft support needed' refuses support, not the vendor.",
    )
    paid: list[Text] = Field(
        default_factory=list,
        description="Words right before the vendor that say it is paid ('won't be paying "
        "buoyant'): read with it as one object, so a cue refuses that vendor, not every "
        "paid licence.",
    )


class RefusedMeshes(Strict):
    """A mesh they want off ("we want off istio entirely"): a cue at most `window` words
    before one of a current mesh's names."""

    fact: Id = Field(description="The mesh fact the refused mesh's id goes in.")
    before: list[Text] = Field(min_length=1, description="'off', 'get rid of', 'replace'.")
    window: int = Field(default=2, ge=0, description="Words at most between cue and name.")
    unless_before: list[Text] = Field(
        default_factory=list,
        description="Words a word or two before the cue that deny it ('not switching away "
        "from istio'): they keep the mesh, and want what they move to built on it.",
    )
    modes: dict[Id, list[Text]] = Field(
        default_factory=dict,
        description="Words right after the name that make what they leave the mesh's "
        "data-plane mode ('off istio sidecars'): each flag fact and its words.",
    )
    pronouns: list[Text] = Field(
        default_factory=list,
        description="Words that stand for the mesh named before them ('we ran consul for "
        "years and want off it'): a cue followed by one leaves the nearest mesh before it.",
    )
    reach: int = Field(
        default=12, ge=1, description="Words at most back from such a cue to the mesh's name."
    )
    split: list[Text] = Field(
        default_factory=list,
        description="Cues said either side of the mesh or pronoun they leave, the last word "
        "after it ('rip it out', 'phase istio out'); each is a `before` cue too.",
    )
    unnamed: list[Text] = Field(
        default_factory=list,
        description="Cues that leave without naming what ('is there an exit', 'what replaces "
        "it'): beside the mesh they run, however far back it is named, they leave that one.",
    )


class MeshStance(Strict):
    """What a setup says of a mesh it does not run: refused ("the team refuses Istio"),
    wanted ("we want ambient mode specifically") or liked ("the team likes Linkerd"). A cue
    at most `window` words before one of a current mesh's names, with no other mesh between,
    or one right after it, in one clause."""

    fact: Id = Field(description="The mesh fact the mesh's id goes in.")
    before: list[Text] = Field(default_factory=list, description="'refuses', 'we want'.")
    after: list[Text] = Field(default_factory=list, description="'is off the table'.")
    window: int = Field(default=2, ge=0, description="Words at most between cue and name.")
    unless_next: list[Text] = Field(
        default_factory=list,
        description="Words right after the name that make it something else: 'no istio "
        "experience' is a skill, 'no istio sidecars' a data-plane mode.",
    )
    alone: bool = Field(
        default=False,
        description="Read only where it governs one mesh: 'we want istio or linkerd' asks "
        "which, and wants neither alone.",
    )
    unless_before: list[Text] = Field(
        default_factory=list,
        description="Words right before a cue that deny it: 'we do NOT want consul' wants nothing.",
    )
    framed: dict[Text, list[Text]] = Field(
        default_factory=dict,
        description="Cues that hold the name between them, a word right before it and one of "
        "its words right after it: 'never istio again'.",
    )
    others: list[Text] = Field(
        default_factory=list,
        description="People other than the team ('someone', 'our VP', 'the CTO'): one of them "
        "earlier in the clause than the cue, with none of `ours` between, holds the stance.",
    )
    ours: list[Text] = Field(
        default_factory=list,
        description="Words that say the team speaks ('we', 'i'): after one of `others`, the "
        "stance is the team's again ('the CTO asked and we want istio').",
    )
    doubted_as: Id | None = Field(
        default=None,
        description="The fact a stance of one of `others` sets instead where the message "
        "doubts having a mesh at all: 'someone read a blog and now wants istio. do we even "
        "need a mesh?' doubts Istio, and requires it of nothing.",
    )
    theirs_given_up_first: bool = Field(
        default=False,
        description="A stance one of `others` holds, where the message does not doubt having "
        "a mesh, is theirs to weigh, not the setup's to keep: listed with the must-nots said "
        "as preferences (`refusals.preferred_fact`), so it is given up first where nothing "
        "meets every requirement ('our platform lead wants cilium' on a cluster whose "
        "provider-built Cilium offers no mesh).",
    )


class Limits(Strict):
    """What a setup says is all it has ("all we need is north-south", "north-south only"):
    a cue before or after an object, in one clause, sets the object's value."""

    before: list[Text] = Field(default_factory=list, description="'all we need is', 'only'.")
    after: list[Text] = Field(default_factory=list, description="'only', 'alone'.")
    objects: dict[Id, Refused] = Field(
        default_factory=dict, description="Each fact, the words that name it and its value."
    )
    unless_before: list[Text] = Field(
        default_factory=list,
        description="Words right before a cue that make it one side of a choice asked, "
        "nothing said as had or insisted on: 'move to ambient or stay on sidecars?'.",
    )


class Demands(Limits):
    """What a setup insists on ("security insists on a per-pod proxy", "sidecars are
    mandatory"): a cue before or after an object, in one clause, sets the object's value
    unless a refusal in that clause governs the object."""


class MemoryBudget(Strict):
    """A budget in a clause that sizes no one thing ("3,000 pods, 20 GB budget", "3000 pods
    and a 20GB budget for mesh overhead"): a cap on the whole data plane. A word of `of`
    with a number right before it is counted ("3000 pods"), not sized."""

    fact: Id = Field(description="The number fact such a budget sets.")
    words: list[Text] = Field(description="Words that say a size is a budget: 'budget'.")
    whole: list[Text] = Field(
        default_factory=list,
        description="Words of `of` that still leave it the whole estate's ('for the mesh').",
    )
    unless: list[Text] = Field(
        default_factory=list,
        description="Words that make it apiece after all ('each', 'per').",
    )


class NodeBudget(Strict):
    """A budget a node for the mesh's proxies ("at most 300 MB per node on mesh proxies"): a
    size said `per` node, with an `of` word and a `limit` word in its sentence, is what the
    proxies on a node may take (`fact`), not the node's own memory."""

    fact: Id
    per: list[Text] = Field(description="Words right after a size: 'per node', 'each node'.")
    of: list[Text] = Field(description="Words naming what may take it: 'proxies', 'mesh'.")
    limit: list[Text] = Field(description="Words saying it is a cap: 'at most', 'budget'.")


class MemorySizes(Strict):
    """Memory said of a node or a pod ("512MB RAM nodes", "20MiB per pod")."""

    units: dict[Text, float] = Field(
        default_factory=dict, description="Memory units and their size in MiB: gb -> 1024."
    )
    of: dict[Id, list[Text]] = Field(
        default_factory=dict,
        description="The number fact a size sets, and the words that say what it is of.",
    )
    window: int = Field(default=4, ge=1, description="Words at most between size and word.")
    share: Id | None = Field(
        default=None,
        description="The number fact a share of memory sets ('eating 30% of node memory').",
    )
    share_of: list[Text] = Field(
        default_factory=list, description="Words that make a percentage a share of memory."
    )
    alone: Id | None = Field(
        default=None,
        description="The number fact of a size said as memory ('2gb ram') in a clause that names "
        "nothing it is of: the hardware's own ('k3s on pis, 4-6 pods each, 2gb ram').",
    )
    measured: list[Text] = Field(
        default_factory=list,
        description="Words before a size in its clause that say it is what something uses now "
        "('our pods use about 58Mi', 'sitting at 58Mi'): a measurement, no size nor budget.",
    )
    measured_fact: Id | None = Field(
        default=None,
        description="The flag a `measured` size sets beside its own fact: what is used, no budget.",
    )
    measured_unless: list[Text] = Field(
        default_factory=list,
        description="Words that make a `measured` size a limit after all ('can use at most').",
    )
    proxy_rows: list[Text] = Field(
        default_factory=list,
        description="A mesh proxy's container names ('istio-proxy'): a pasted line naming one "
        "('kubectl top pod --containers') gives what a proxy uses now, over other rows' sizes.",
    )
    proxy_fact: Id | None = Field(
        default=None, description="The number fact a `proxy_rows` line's size sets."
    )
    budget: MemoryBudget | None = Field(
        default=None,
        description="A budget said beside what it is counted over, for the whole estate "
        "('3,000 pods, 20 GB budget').",
    )
    per_node: NodeBudget | None = Field(
        default=None, description="A size said as the proxies' budget on each node."
    )


class RateCaps(Strict):
    """A rate said as a cap ("cap each API key at 100 req/s", "hold a tenant to 200 rps", "a
    300 rps budget"): a limit on requests asked for, not the load the mesh carries ("rps is
    modest, ~150")."""

    fact: Id = Field(description="The number fact whose `units` are rates (rps).")
    feature: Id = Field(description="The feature a capped rate asks for.")
    before: list[Text] = Field(
        min_length=1, description="Words that cap the rate after them: 'cap', 'no more than'."
    )
    after: list[Text] = Field(
        default_factory=list, description="Words that cap the rate before them: 'budget'."
    )
    held: list[Text] = Field(
        default_factory=list,
        description="Verbs that cap a rate only across a `held_at` word right before it "
        "('hold a tenant to 200 rps'; not 'can it hold 200 rps').",
    )
    held_at: list[Text] = Field(default_factory=list, description="'to', 'at', 'under'.")
    window: int = Field(default=4, ge=1, description="Words at most between cap word and rate.")


class PriorityTopic(Strict):
    """One thing a setup may rank first, and what ranking it first sets."""

    words: list[Text] = Field(min_length=1, description="Words that name the topic: 'memory'.")
    set: dict[Id, FactValue] = Field(min_length=1)
    unless: list[Id] = Field(
        default_factory=list,
        description="Facts that, read already, name this concern more precisely ('each "
        "upgrade bounces every pod'): the topic then sets nothing.",
    )


class Priorities(Strict):
    """What a setup ranks first: "mesh memory cost is the #1 concern", "our top priority is
    RAM". A topic's word in the few words before "is/are [the/our] <rank> <noun>", or after
    "<rank> <noun> is/are"."""

    ranks: list[Text] = Field(default_factory=list, description="'top', 'main', '1'.")
    nouns: list[Text] = Field(default_factory=list, description="'concern', 'priority'.")
    window: int = Field(default=3, ge=1, description="Words at most between topic and verb.")
    topics: dict[Id, PriorityTopic] = Field(default_factory=dict)
    in_complaints: bool = Field(
        default=False,
        description="A topic named in a clause with a `phrases.complaint` word ('istio "
        "upgrades keep breaking prod') is ranked first too: the pain said.",
    )
    kept_small: list[Text] = Field(
        default_factory=list,
        description="Words asking for little of a topic named in the same clause ('which "
        "option won't add a lot of memory per pod'): that topic is ranked first too.",
    )


class ClusterLimits(Strict):
    """Kubernetes' documented single-cluster limits: a size past them is an estate of many
    clusters, where a per-node or per-pod figure from a small test mesh does not scale
    linearly (ztunnel and the control plane grow with the workloads they track)."""

    nodes: int = Field(gt=0)
    pods: int = Field(gt=0)
    sources: list[Id] = Field(min_length=1)


class Refusals(Strict):
    """Must-nots read from a refusal that governs its object within one clause: "we don't
    want to run Envoy", "sidecars are a no-go". Clauses end at punctuation and at
    `phrases.clause_break`."""

    before: list[Text] = Field(
        default_factory=list,
        description="Refusal cues before the object, besides `phrases.negation`: 'avoid'.",
    )
    after: list[Text] = Field(
        default_factory=list, description="Refusal cues after the object: 'is a no-go'."
    )
    gathering: list[Text] = Field(
        default_factory=list,
        description="Words that gather a listed refusal's objects before its cue after them "
        "('sidecars and envoy are both off the table'): no word of the window.",
    )
    accepting: list[Text] = Field(
        default_factory=list,
        description="Phrases that accept: a clause with one refuses nothing ('no problem "
        "with sidecars').",
    )
    accepting_back: list[Text] = Field(
        default_factory=list,
        description="Phrases that accept what the clause named before them, however far "
        "back ('legal reviewed the busl thing and it's fine for us').",
    )
    causes: list[Text] = Field(
        default_factory=list,
        description="Words right before a refusal cue that make it a reason given for "
        "something else ('no sign-off for prod bc no support contract'): it refuses nothing.",
    )
    supposing: list[Text] = Field(
        default_factory=list,
        description="Phrases that open a clause on a supposition: it refuses nothing ('if "
        "there's no sidecar, where does the proxy go?').",
    )
    proposing: list[Text] = Field(
        default_factory=list,
        description="Words right before a refusal cue that make it a question putting its "
        "object forward ('why not the managed one?'): it refuses nothing.",
    )
    phrasal: list[Text] = Field(
        default_factory=list,
        description="A refusal cue's verb with the particle that makes it another verb "
        "('drop down to raw envoy config', 'skip straight to'): no refusal.",
    )
    preferring: list[Text] = Field(
        default_factory=list,
        description="Words that make a clause's refusals preferences ('i'd prefer no "
        "sidecars'): set all the same, and given up first where nothing meets them all.",
    )
    preferred_fact: Id | None = Field(
        default=None, description="The fact that lists the must-nots said as preferences."
    )
    weighed: dict[Id, Id] = Field(
        default_factory=dict,
        description="A must-not said only as a preference ('mTLS without sidecars if "
        "possible'), and the flag that records it instead: a rule weighs it for the offerings "
        "that meet it, and it screens none out. Said outright anywhere, it stays a must-not.",
    )
    softened: dict[Id, Id] = Field(
        default_factory=dict,
        description="A requirement said only in clauses with a `preferring` word ('want "
        "managed if possible', 'open source preferred'), or offered as one option among "
        "others (`offering`), and the flag that records it as a preference instead: weighed "
        "for the offerings that have it, never screening the others out.",
    )
    offering: list[Text] = Field(
        default_factory=list,
        description="Words that set what a clause of a question names as one option among "
        "others ('should we move to ambient, linkerd, or something managed?'): a requirement "
        "said only in such clauses is a candidate to weigh (`softened`), not a must-have.",
    )
    extends: list[Text] = Field(
        default_factory=list,
        description="Words beside an object that add it to a refusal said before it in the "
        "sentence ('refuses anything Envoy-based, node-level proxies included').",
    )
    window: int = Field(default=6, ge=1, description="Words at most between cue and object.")
    objects: dict[Id, Refused] = Field(
        default_factory=dict, description="Each must-not flag fact and what it refuses."
    )
    accepted: dict[Id, Refused] = Field(
        default_factory=dict,
        description="Requirements lifted by a clause that accepts their object ('legal is "
        "fine with BUSL': any licence), and the value that sets.",
    )
    vendors: RefusedVendors | None = Field(
        default=None, description="Where a refused vendor goes ('nothing from HashiCorp')."
    )
    limits: Limits = Field(default_factory=lambda: Limits())
    demands: Demands = Field(default_factory=lambda: Demands())
    meshes: RefusedMeshes | None = Field(
        default=None, description="Where a mesh they want off goes ('we want off istio')."
    )
    stances: list[MeshStance] = Field(
        default_factory=list,
        description="What a setup says of a mesh it does not run: refused, wanted or liked.",
    )


class OtherProduct(Strict):
    """A product the knowledge base mentions but covers as no offering of its own (it is not
    screened, weighed or compared): a question naming it is told so, and what is known of it,
    with sources, instead of a bare "not in my knowledge base"."""

    names: list[Text] = Field(min_length=1, description="Its name and short names ('tsb').")
    about: Text = Field(description="What it is and what the sources say, in a few sentences.")
    sources: list[Id] = Field(min_length=1)


class SignalFillers(Strict):
    """Small words that may stand inside a signal phrase (bot/intents/fillers.py)."""

    determiners: list[Text] = Field(
        default_factory=list,
        description="Articles and possessives: one written in a phrase stands for any of "
        "them ('not operating the control plane ourselves' is also said with 'another' or "
        "'our own').",
    )
    words: list[Text] = Field(
        default_factory=list,
        description="Other words that may stand between a phrase's words ('own', 'whole', "
        "'separate'); `phrases: intensifiers` may too.",
    )
    most: int = Field(default=0, ge=0, le=3, description="How many fillers may stand in one gap.")
    min_words: int = Field(
        default=3,
        ge=2,
        description="The fewest words a phrase needs before fillers may stand between them: "
        "a two-word phrase is a set pair ('managed mesh' is not 'managed the mesh').",
    )


class SetupWeight(Strict):
    """How much setup a message carries (bot/intents/setup_weight.py)."""

    groups: dict[str, list[str]] = Field(
        default_factory=dict,
        description="Groups of fact ids (where it runs, its size, its team, its limits); "
        "each group with a fact said weighs one.",
    )
    enough: int = Field(
        default=0,
        ge=0,
        description="The weight (groups said, plus clauses stating a need in sentences that "
        "ask nothing) at which a question asked of one offering, or for a list, asks for a "
        "pick; 0 never.",
    )
    several: int = Field(
        default=2,
        ge=1,
        description="The needs the setup must state, at least, to ask for a pick.",
    )


class RulesFile(Strict):
    featured: list[Id] = Field(
        min_length=2,
        description="Meshes shown where a question names none (the compare pair, the cost "
        "chart); the recommender itself weighs every current offering.",
    )
    facts: list[FactDef]
    other_products: list[OtherProduct] = Field(
        default_factory=list,
        description="Products mentioned but not covered as offerings (Tetrate Service Bridge): "
        "a question naming one gets what is known of it, not a bare 'not in my knowledge base'.",
    )
    signals: list[Signal] = Field(default_factory=list)
    signal_fillers: SignalFillers = Field(
        default_factory=lambda: SignalFillers(),
        description="Small words that may stand inside a signal phrase ('not operating "
        "another control plane ourselves').",
    )
    platforms: dict[Platform, PlatformDef] = Field(default_factory=dict)
    vendors: dict[Id, list[Text]] = Field(
        default_factory=dict, description="Vendor ids and the words that name them."
    )
    provider_named: list[Text] = Field(
        default_factory=list,
        description="How a provider's own build of a project is named, with {vendor} (a word "
        "of the provider: a `vendors` word or one of its platforms') and {base} (the project "
        "it is built on): 'gke managed istio' names Google's Istio-based offering. Each "
        "distribution with a `fit.provider` is also known by these.",
    )
    managed_phrases: list[Text] = Field(
        default_factory=list,
        description="How a provider-run control plane is asked for, with {vendor} (and "
        "{modal} where one of `vendor_modals` may stand).",
    )
    vendor_modals: list[Text] = Field(
        default_factory=list,
        description="Words between a vendor and what it is to do, where a managed or support "
        "phrase has {modal} ('Google has to manage it', 'Microsoft should support it').",
    )
    modal_adverbs: list[Text] = Field(
        default_factory=list,
        description="Words that may stand right after one of `vendor_modals` ('Microsoft "
        "will actually support it').",
    )
    not_platform: list[Text] = Field(
        default_factory=list,
        description="Words right before a platform's name that say it is not that one "
        "('ARO, not AKS').",
    )
    platform_qualifiers: list[Text] = Field(
        default_factory=list,
        description="Words that may stand between a `not_platform` word and the platform "
        "('not plain AKS').",
    )
    not_platform_skills: list[Text] = Field(
        default_factory=list,
        description="Words right after a platform a `not_platform` word denies that make it "
        "the team's skill, not where they run ('zero kubernetes experience').",
    )
    places: list[Text] = Field(
        default_factory=list,
        description="Where machines are ('bare metal'): no platform, and not a feature.",
    )
    cluster_hosts: ClusterHostsDef | None = Field(
        default=None,
        description="VMs a Kubernetes cluster is said to run on: its machines, not a platform "
        "or VM workloads.",
    )
    shares: list[Text] = Field(
        default_factory=list,
        description="Words a few words before VMs that put only part of the estate there "
        "('half our stuff is on plain VMs'): a mixed estate, not VMs alone; the words stay "
        "for the features they name.",
    )
    joins: list[Text] = Field(
        default_factory=list,
        description="Verbs right before VMs, a small word between at most, that bring them "
        "into the mesh ('onboard plain VMs'): VMs asked for as workloads, not the platform.",
    )
    besides: list[Text] = Field(
        default_factory=list,
        description="Words right after VMs that set them beside another platform ('plain VMs "
        "too, not just k8s'): a mixed estate, VMs asked for as workloads; a platform said beside "
        "them in a reply joins the thread's (bot/intents/estate_added.py).",
    )
    joined_after: list[Text] = Field(
        default_factory=list,
        description="Words right after VMs that bring them into the mesh ('our ec2 vms join "
        "the mesh'): VMs asked for as workloads, not the platform.",
    )
    setup_weight: SetupWeight = Field(
        default_factory=lambda: SetupWeight(),
        description="How much setup a message carries before a question asked of one "
        "offering, or for a list, turns it into a request for a pick.",
    )
    implied: list[Implication] = Field(
        default_factory=list, description="Facts that follow from others unless stated."
    )
    compared_implied: list[Implication] = Field(
        default_factory=list,
        description="What a comparison reads from a size it is asked at ('gloo vs ambient for "
        "5 clusters': one mesh across them), where a pick would ask instead.",
    )
    reply_implied: list[Implication] = Field(
        default_factory=list,
        description="What a reply's own facts undo of the thread's setup ('what if we go down "
        "to 1 cluster?' after '4 clusters, need multi-cluster': no mesh spans clusters, "
        "multi-cluster is not needed); read of the reply alone, then laid over the thread.",
    )
    already_phrases: list[Text] = Field(
        default_factory=list,
        description="Words before a mesh or vendor the team already runs or buys from.",
    )
    kept_phrases: list[Text] = Field(
        default_factory=list,
        description="Words straight before a mesh, no word between, that keep the mesh the "
        "team runs ('want to keep istio'); 'keep our istio crds' keeps its API only.",
    )
    run_through: list[Text] = Field(
        default_factory=list,
        description="Words between a mesh they run and the build of it they run it as "
        "('running istio via the aks addon'): that build is the one they run.",
    )
    having_tools: list[Text] = Field(
        default_factory=list,
        description="Words before a tool the team has (rules.yaml `covered_by`), two words "
        "apart at most and no 'to' between ('we have nginx plus ingress'): what it does is "
        "covered. Said of a mesh they say no more than that they have it.",
    )
    customer_phrases: list[Text] = Field(
        default_factory=list,
        description="Words before a vendor the team buys from, whatever it buys "
        "('we pay Kong for our API gateway'); they name no mesh the team runs.",
    )
    customer_after: list[Text] = Field(
        default_factory=list,
        description="Words right after a vendor that make the team its customer, keeping to "
        "its own offerings ('we'd like to stay AWS-native').",
    )
    count_qualifiers: list[Text] = Field(
        default_factory=list,
        description="Words that may stand between a count and its unit: '3 internal services'.",
    )
    versioned: list[Text] = Field(
        default_factory=list,
        description="Names a number right after is a version of, not a count: "
        "'Windows Server 2022 nodes'.",
    )
    already_products: list[Text] = Field(
        default_factory=list,
        description="Words after a vendor's name that make it the vendor's product, not a "
        "vendor they buy from ('we're on the AWS VPC CNI').",
    )
    already_denied: list[Text] = Field(
        default_factory=list,
        description="Words between an `already_phrases` cue and the mesh after it that say "
        "they do not run it ('we're on nomad without consul').",
    )
    customer_denied_before: list[Text] = Field(
        default_factory=list,
        description="Words a few before a `customer_phrases` cue that deny it ('not paying Red "
        "Hat for anything extra'): no vendor they buy from.",
    )
    customer_supposed_before: list[Text] = Field(
        default_factory=list,
        description="Words right before a `customer_phrases` cue that make the paying a "
        "supposition or the question ('what do I get for paying Kong', 'is it worth paying "
        "Solo'): no vendor they buy from yet.",
    )
    already_denied_before: list[Text] = Field(
        default_factory=list,
        description="Words a few before a name an `already_after` word follows that say they "
        "lack it ('we don't have the RH mesh subscription').",
    )
    already_after: list[Text] = Field(
        default_factory=list,
        description="Words right after a mesh, vendor or tool the team already runs "
        "('Cilium is already our CNI').",
    )
    already_for: list[Text] = Field(
        default_factory=list,
        description="How long a mesh has run, a few words after its name ('linkerd 2.14 on "
        "eks for 2 years', 'open source kuma for ~2 yrs'): 'for', a count or 'a'/'a few', one "
        "of these.",
    )
    already_now: list[Text] = Field(
        default_factory=list,
        description="Words saying a mesh runs now, a few words after its name and where it "
        "runs ('consul on vms today', 'linkerd across our eks clusters right now').",
    )
    already_openers: list[Text] = Field(
        default_factory=list,
        description="Words opening a message right before a current mesh's name ('on istio "
        "1.20 sidecars on GKE', 'running linkerd on eks, …'): the mesh they run.",
    )
    running_fine: list[Text] = Field(
        default_factory=list,
        description="Words saying something works for them today ('works fine'): the current "
        "mesh named nearest before them, within the leaving cues' reach, is one they run.",
    )
    trial_phrases: list[Text] = Field(
        default_factory=list,
        description="Words a few words before a mesh that make the time said with it a "
        "trial, not a mesh they run ('evaluating istio for a few months').",
    )
    tried_once: list[Text] = Field(
        default_factory=list,
        description="Words right before a retired mesh's name that make it one tried once "
        "('we tried Traefik Mesh in dev a while back'), not one they run and must move off.",
    )
    past_use: list[Text] = Field(
        default_factory=list,
        description="Words that set a mesh a sentence complains of in the past ('we tried "
        "istio back in 2021 and it hurt'): it hurt them once, and they do not run it now.",
    )
    priced_out: PricedOut | None = None
    covered_by: list[Covered] = Field(
        default_factory=list,
        description="Tools a team already runs and the needs they cover (after already_phrases).",
    )
    covered_links: list[Text] = Field(
        default_factory=list,
        description="Words between a tool and the needs named with it ('interceptors for "
        "retries', 'cert-manager with SPIFFE IDs', 'the interceptors already emit those').",
    )
    covered_pronouns: list[Text] = Field(
        default_factory=list,
        description="Words after a tool's link that stand for the needs named before it in "
        "the sentence ('… golden metrics, but the interceptors already emit those').",
    )
    covered_relatives: list[Text] = Field(
        default_factory=list,
        description="Words right before a tool and its link that stand for the needs named "
        "before them in the sentence ('canary deploys, which argo rollouts can do').",
    )
    covered_placed: list[Text] = Field(
        default_factory=list,
        description="Words between needs named first and the tool of theirs that does them "
        "('we already do retries in the grpc client', 'timeouts handled inside our client lib').",
    )
    without_mesh: list[MetWithoutMesh] = Field(
        default_factory=list,
        description="Needs the platform meets without a mesh, each a flag fact and the "
        "features it covers.",
    )
    support_phrases: list[Text] = Field(
        default_factory=list,
        description="How support is asked for, with {vendor} where a vendor's word goes (and "
        "{modal} where one of `vendor_modals` may stand).",
    )
    support_plans: list[Text] = Field(
        default_factory=list,
        description="Names of a vendor's support plans, read after the vendor's word in a "
        "support phrase ('our Microsoft Unified support contract').",
    )
    mesh_base_phrases: list[Text] = Field(
        default_factory=list,
        description="How a mesh built on a project is asked for, with {mesh} where a mesh's "
        "name goes ('an Istio-based mesh', 'closer to upstream Istio'): the mesh must be "
        "built on that project (`built_on`: its `api_family`).",
    )
    mesh_vendor_phrases: list[Text] = Field(
        default_factory=list,
        description="How a vendor of a mesh's project is asked for, with {mesh} where a "
        "mesh's name goes ('a commercial Istio vendor'): any vendor's support, for an "
        "offering built on that project.",
    )
    phrases: dict[Id, list[Text]] = Field(
        default_factory=dict,
        description="Cue phrases the question parser reads, by group (bot/intents/cues.py).",
    )
    short_forms: dict[Text, list[Text]] = Field(
        default_factory=dict,
        description="Clipped words of the field and the words they stand for ('auth': "
        "authorization, authentication); feature retrieval reads each as all of them.",
    )
    shorthand: dict[Text, Text] = Field(
        default_factory=dict,
        description="Words written with a slash and the words they stand for ('w/o': without): "
        "read as those words before anything else (bot/intents/shorthand.py).",
    )
    refusals: Refusals = Field(default_factory=lambda: Refusals())
    constraints: list[Constraint] = Field(default_factory=list)
    relax_first: list[Id] = Field(
        default_factory=list,
        description="Facts that only make a must-have stricter (`in_full`), dropped one at a "
        "time before any constraint in `relax_order` while nothing meets every requirement.",
    )
    relax_order: list[Id] = Field(
        default_factory=list,
        description="Constraints given up, one at a time in this order, while nothing "
        "meets every requirement (the answer says which).",
    )
    ways_out: list[Id] = Field(
        default_factory=list,
        description="Constraints a nothing-fits answer offers to give up, each with the pick "
        "giving it up alone leaves (never the platform).",
    )
    kept_over_new_needs: list[Id] = Field(
        default_factory=list,
        description="Of `relax_order`, the constraints said as rules before a reply that adds "
        "a must-have none meets with them: the rule is kept and the new need gives way ('no "
        "Envoy anywhere', then 'what if we need mirroring?'); the others give way to it.",
    )
    caveat_cost: CaveatCost = Field(default_factory=lambda: CaveatCost())
    memory: MemorySizes = Field(default_factory=lambda: MemorySizes())
    rate_caps: RateCaps | None = None
    priorities: Priorities = Field(default_factory=lambda: Priorities())
    cluster_limits: ClusterLimits | None = None
    no_paid_editions: list[dict[Id, Condition]] = Field(
        default_factory=list,
        description="Setups a vendor's paid edition is closed to (any one whose conditions "
        "all hold): a must-have only in a paid edition is missing for them.",
    )
    cncf_policies: dict[Id, list[CncfStatus]] = Field(
        default_factory=dict,
        description="The licence policies that take CNCF projects only, each with the maturity "
        "levels it takes ('cncf_incubating': graduated and incubating).",
    )
    replies: Replies = Field(default_factory=lambda: Replies())
    questions: list[Question]
    rules: list[Rule]

    def fact(self, fact_id: str) -> FactDef | None:
        return self._facts_by_id.get(fact_id)

    @cached_property
    def _facts_by_id(self) -> dict[str, FactDef]:
        return {f.id: f for f in self.facts}

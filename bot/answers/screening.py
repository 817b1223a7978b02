"""Screening: hard requirements rule offerings out before anything is weighed; pure functions.

Each constraint in rules.yaml names a fact and a test here. A test looks at one mesh's
`fit` block, feature rows, data plane or CNCF status and returns what it found: fits, a
caveat (a must-have only partly there, or unconfirmed) or out, with the sources of the
row or field it read.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import cached_property

from bot.answers.citations import its_own
from bot.answers.footprint import DEFAULT_PODS, footprint, nodes_of, per_pod
from bot.answers.platform_fit import KUBERNETES_PLATFORMS, runs_there
from bot.answers.requirements import Requirements
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.licences import banned_licences
from bot.knowledge.memo import remember
from bot.knowledge.models import (
    CncfStatus,
    Constraint,
    ControlPlaneModel,
    DataPlaneModel,
    FactValue,
    FargatePods,
    Level,
    LicenceKind,
    Mesh,
    Platform,
    Scope,
    StableBuilds,
    Support,
)
from bot.knowledge.wording import LEVEL_WORDS, amount

CNCF_PROJECTS = frozenset({CncfStatus.graduated, CncfStatus.incubating, CncfStatus.sandbox})
PARTLY = frozenset({Level.partial, Level.enterprise, Level.extension})
CHECKS_KEPT = 20_000  # checks a knowledge base remembers (a recommendation makes ~300)


class Outcome(StrEnum):
    fits = "fits"
    caveat = "caveat"
    out = "out"


@dataclass(frozen=True)
class Check:
    """What one test found about one mesh."""

    outcome: Outcome
    detail: str = ""
    sources: tuple[str, ...] = ()
    unconfirmed: bool = False  # a caveat because nothing says either way
    bought: bool = False  # in the paid edition of a vendor whose support is wanted anyway
    conditional: bool = False  # met as long as an optional part stays unused (or gRPC)
    added: bool = False  # met by an add-on installed beside the mesh (`extension`)
    no_mesh: bool = False  # the baseline of no mesh, out as not the mesh they ask for
    early: str = ""  # what meets it is at this release stage (alpha, beta), not yet GA
    edge: bool = False  # met only at the edge (a gateway), not between services
    why: str = ""  # for a caveat on a feature row: the row's note, first sentence
    feature: str = ""  # the must-have feature the check read, where it read one
    paid_only: bool = False  # met only in a paid edition (an `enterprise` row)


@dataclass(frozen=True)
class Finding:
    """A check that did not simply fit, in words, with the sources it read."""

    constraint: str
    outcome: Outcome
    text: str
    sources: list[str]
    relaxed: bool = False  # a constraint given up because nothing met every one
    unconfirmed: bool = False
    bought: bool = False
    conditional: bool = False
    added: bool = False
    early: str = ""
    edge: bool = False
    why: str = ""  # what the row a caveat read says of it, for the pick's Caveats
    feature: str = ""  # the must-have feature it is about, where it is about one
    paid_only: bool = False

    @property
    def in_full(self) -> bool:
        """Met as fully as a plain yes: in the paid edition they buy anyway, or while an
        optional part stays unused (an add-on beside the mesh is not the mesh meeting it)."""
        return self.bought or self.conditional

    @property
    def met_anyway(self) -> bool:
        """Met all the same: in the paid edition they buy anyway, while an optional part
        stays unused, or by an add-on installed beside the mesh."""
        return self.bought or self.conditional or self.added


@dataclass(frozen=True)
class Screened:
    """One offering as screened. Its findings never change, so what they say is worked out
    once: the what-if answers behind a recommendation share most of their Screened."""

    mesh: Mesh
    findings: list[Finding] = field(default_factory=list)

    @cached_property
    def out(self) -> bool:
        return any(f.outcome == Outcome.out for f in self.findings)

    @cached_property
    def reasons(self) -> list[Finding]:
        return self._said_once(Outcome.out)

    @cached_property
    def caveats(self) -> list[Finding]:
        return self._said_once(Outcome.caveat)

    @cached_property
    def shortfalls(self) -> int:
        """Requirements it meets only partly or unconfirmed (a caveat that comes with what
        they buy anyway, or that holds while an optional part stays unused, is none)."""
        return sum(1 for f in self.caveats if not f.met_anyway)

    def _said_once(self, outcome: Outcome) -> list[Finding]:
        """The findings with this outcome, each text once: a must-have and the clusters-
        spanning rule can find the same partial row."""
        found: dict[str, Finding] = {}
        for f in self.findings:
            if f.outcome == outcome:
                found.setdefault(f.text, f)
        return list(found.values())


@dataclass(frozen=True)
class Context:
    kb: KnowledgeBase
    req: Requirements
    constraint: Constraint


Test = Callable[[Mesh, FactValue, Context], list[Check]]


def managed(mesh: Mesh) -> bool:
    """The provider runs the control plane: a managed distribution, or a cloud service
    (a provider's own proprietary offering with no distribution block)."""
    if mesh.distribution:
        return mesh.distribution.control_plane != ControlPlaneModel.self_managed
    fit = mesh.fit
    return bool(fit and fit.provider and fit.licence == LicenceKind.proprietary)


FITS = [Check(Outcome.fits)]


def _unrecorded(mesh: Mesh) -> list[Check]:
    return [Check(Outcome.caveat, f"{mesh.name}: fit not yet recorded", unconfirmed=True)]


def _paying(mesh: Mesh, req: Requirements) -> bool:
    """The setup wants a support contract this offering's vendor sells: its enterprise
    edition is what they would be buying."""
    vendors = mesh.fit.support_from if mesh.fit else []
    return bool(vendors) and (req.support == "any" or req.support in vendors)


def _feature(mesh: Mesh, feature_id: str, ctx: Context) -> Check:
    """A must-have feature: met through another that covers it, else what the offering gives
    in the mode the setup asks for, else its own row."""
    kb = ctx.kb
    name = kb.features[feature_id].name if feature_id in kb.features else feature_id
    own = mesh.features.get(feature_id)
    met = own is not None and own.level == Level.yes  # met on its own: no other way to weigh
    if not met and (covered := _covered(mesh, feature_id, ctx)):
        return covered
    if _needless(mesh, feature_id, ctx):
        return Check(Outcome.fits)
    if (moded := _in_mode(mesh, feature_id, ctx)) is not None:
        return moded
    row = mesh.features.get(feature_id)
    if row is not None and (beside := [f for f in row.not_with if f in ctx.req.needs]):
        names = " or ".join(kb.features[f].name if f in kb.features else f for f in beside)
        return Check(Outcome.out, f"{name} together with {names}", tuple(row.sources))
    return _level(row, name, feature_id, mesh, ctx)


# How much of a feature a row gives, to find the weaker of two rows.
_STRENGTH = {
    Level.yes: 3,
    Level.partial: 2,
    Level.extension: 2,
    Level.enterprise: 2,
    Level.unknown: 1,
    Level.no: 0,
}
SIDECARLESS = "sidecarless"  # features.yaml: the mode a setup refusing sidecars asks for


def _in_mode(mesh: Mesh, feature_id: str, ctx: Context) -> Check | None:
    """A must-have where sidecars are refused or a sidecar-free data plane is itself a
    must-have, on an offering that runs sidecars and also a sidecar-free mode: what that
    mode gives (a mesh runs in one mode: what its sidecars give does not count). A row it
    inherits from its sidecar base, or one that holds in sidecar mode only (`sidecar_only`),
    is read from the entry of its mode (Istio ambient mode for a vendor's Istio) where that
    has less; where no entry describes the mode, what it lists (`mode_features`) is all it
    gives. None where nothing changes,
    or where a must-have runs them with no sidecar another way (proxyless gRPC)."""
    if feature_id == SIDECARLESS or not (ctx.req.no_sidecars or SIDECARLESS in ctx.req.needs):
        return None
    if mesh.data_plane.model != DataPlaneModel.sidecar:
        return None
    mode = mesh.features.get(SIDECARLESS)
    if mode is None or mode.level == Level.no:
        return None
    if _covered(mesh, SIDECARLESS, ctx):  # no sidecar by another way (proxyless gRPC)
        return None
    kb = ctx.kb
    name = kb.features[feature_id].name if feature_id in kb.features else feature_id
    if mode.mode_features and feature_id not in mode.mode_features:
        return Check(Outcome.out, f"{name} without sidecars", tuple(mode.sources))
    own = mesh.features.get(feature_id)
    entry = kb.meshes.get(mode.mode or "")
    theirs = entry.features.get(feature_id) if entry else None
    own_row = own is not None and not (own.inherited_from or own.sidecar_only)
    if entry is None or theirs is None or own_row:
        return None
    if own is not None and _STRENGTH[theirs.level] >= _STRENGTH[own.level]:
        return None
    found = _level(theirs, name, feature_id, mesh, ctx)
    if found.outcome == Outcome.fits:
        return found
    detail = f"{found.detail} without sidecars (as in {entry.name})"
    return replace(found, detail=detail)


def _level(row: Support | None, name: str, feature_id: str, mesh: Mesh, ctx: Context) -> Check:
    """What one row says of a must-have: yes fits, partial keeps with a caveat, no rules
    out; an enterprise-only row is a caveat that costs nothing when that vendor's support is
    wanted, and rules out where a paid edition is closed to the setup (open source only); a
    partial row, or one nothing confirms, rules out a must-have asked for in full ("real
    mutual TLS", "FIPS … is non-negotiable")."""
    level = row.level if row else Level.unknown
    sources = tuple(row.sources) if row else ()
    if row and row.stage and level != Level.no and feature_id in ctx.req.released:
        return Check(Outcome.out, f"generally available {name} (only {row.stage})", sources)
    if level == Level.yes:
        return Check(Outcome.fits)
    if level == Level.no:
        return Check(Outcome.out, name, sources)
    if level == Level.enterprise and ctx.req.no_paid_edition:
        return Check(Outcome.out, f"{name} outside a paid edition", sources)
    if (
        level == Level.partial
        and feature_id in ctx.req.in_full
        and not _met_as_said(row, feature_id, ctx)
    ):
        return Check(Outcome.out, f"{name} in full", sources)
    if level == Level.partial and row and row.lacks and _named(feature_id, ctx):
        return Check(Outcome.out, f"{name} ({row.lacks})", sources)
    if level == Level.unknown and feature_id in ctx.req.in_full:
        return Check(Outcome.out, f"confirmed {name}", sources)
    if level == Level.unknown:
        return Check(Outcome.caveat, f"{name} unconfirmed", sources, unconfirmed=True)
    if level == Level.enterprise and _paying(mesh, ctx.req):
        vendors = mesh.fit.support_from if mesh.fit else []
        seller = ctx.req.support if ctx.req.support in vendors else vendors[0]
        paid = _says(ctx, "support", seller) if len(vendors) == 1 or seller != vendors[0] else ""
        paid = f"{paid}'s" if paid else "a vendor's"
        text = f"{name} in {paid} paid edition{_staged(row)}"
        return Check(
            Outcome.caveat,
            text,
            sources,
            bought=True,
            early=_stage(row),
            why=_why(row),
            paid_only=True,
        )
    # A kept caveat names the same gap a must-have said by name is ruled out for, so the
    # offering never reads "no" in one answer and a bare "partial" in another.
    lacks = f" ({row.lacks})" if row and row.lacks and level == Level.partial else ""
    text = f"{name} {LEVEL_WORDS[level]}{lacks}{_staged(row)}"
    added = level == Level.extension
    # what it lacks is the Kubernetes kind of workload, and theirs are the other kind (VMs)
    other = bool(lacks) and _other_kind(feature_id, ctx)
    return Check(
        Outcome.caveat,
        text,
        sources,
        added=added,
        conditional=other,
        early=_stage(row),
        edge=bool(row and row.edge_only),
        why=_why(row),
        paid_only=level == Level.enterprise,
    )


WHY_CHARS = 240  # a row's note longer than this is left to the comparison table


def _why(row: Support | None) -> str:
    """The first sentence of a row's note, where it is short enough to say beside a caveat."""
    note = " ".join((row.note if row else "").split())
    head, dot, _ = note.partition(". ")
    said = head + "." if dot else note
    return said if len(said) <= WHY_CHARS else ""


def _met_as_said(row: Support | None, feature_id: str, ctx: Context) -> bool:
    """A partial row that `lacks` only what the feature's name promises meets a must-have
    asked for in full in other words: "auditors require encryption in transit" asks for the
    encryption, which TLS without client certificates gives; "require mTLS" asks for the
    mutual part too."""
    feature = ctx.kb.features.get(feature_id)
    named_by = bool(feature and feature.named_by)
    return bool(row and row.lacks) and named_by and not _named(feature_id, ctx)


def _named(feature_id: str, ctx: Context) -> bool:
    """The must-have is what its name promises: said by name ("mTLS"), or a kind of workload
    whose `named_by` words are Kubernetes' own (Windows pods) on an estate that is all
    Kubernetes, where such workloads can only be pods: no VMs counted, and no other kind of
    workload (VMs) to bring in."""
    if feature_id in ctx.req.by_name:
        return True
    features, req = ctx.kb.features, ctx.req
    feature = features.get(feature_id)
    if not (feature and feature.workloads and feature.named_by) or req.vms:
        return False
    others = [features[n] for n in req.needs if n != feature_id and n in features]
    return (
        bool(req.platforms)
        and all(p in KUBERNETES_PLATFORMS or p == Platform.kubernetes for p in req.platforms)
        and not any(f.workloads for f in others)
    )


def _other_kind(feature_id: str, ctx: Context) -> bool:
    """A kind of workload whose `named_by` words are Kubernetes' own (Windows pods), asked
    of an estate with another kind of workload in it (VMs counted, or VMs a must-have) and
    never said by those words ("Windows Server VMs"): a row lacking only the Kubernetes kind
    meets it as long as none of those is added, a conditional caveat."""
    features, req = ctx.kb.features, ctx.req
    feature = features.get(feature_id)
    if not (feature and feature.workloads and feature.named_by) or _named(feature_id, ctx):
        return False
    others = [features[n] for n in req.needs if n != feature_id and n in features]
    return bool(req.vms) or any(f.workloads for f in others)


def _stage(row: Support | None) -> str:
    return row.stage or "" if row else ""


def _staged(row: Support | None) -> str:
    """' (alpha)' where what meets the feature is not yet generally available."""
    return f" ({row.stage})" if row and row.stage else ""


def _needless(mesh: Mesh, feature_id: str, ctx: Context) -> bool:
    """A must-have that fixes a data-plane model's problem (features.yaml `fixes_model`), on
    an offering of another model: "native sidecars, our Jobs hang" is met where no sidecar
    runs beside the Job at all."""
    feature = ctx.kb.features.get(feature_id)
    model = feature.fixes_model if feature else None
    return model is not None and mesh.data_plane.model != model


def _covered(mesh: Mesh, feature_id: str, ctx: Context) -> Check | None:
    """A must-have met through another one that covers it for the workloads it serves
    (features.yaml `covers`): "proxyless gRPC, no sidecar" is sidecar-free where the mesh
    serves gRPC clients proxyless; a partial row there keeps it with that caveat."""
    kb = ctx.kb
    for need in ctx.req.needs:
        feature = kb.features.get(need)
        row = mesh.features.get(need)
        if feature is None or feature_id not in feature.covers or row is None:
            continue
        if row.level == Level.yes:
            return Check(Outcome.fits)
        if row.level == Level.partial:
            name = kb.features[feature_id].name if feature_id in kb.features else feature_id
            text = f"{name} only through {feature.name} ({LEVEL_WORDS[row.level]})"
            return Check(Outcome.caveat, text, tuple(row.sources))
    return None


def has_features(mesh: Mesh, value: FactValue, ctx: Context) -> list[Check]:
    features = value if isinstance(value, list) else []
    return [replace(_feature(mesh, f, ctx), feature=f) for f in features]


def has_feature(mesh: Mesh, _: FactValue, ctx: Context) -> list[Check]:
    feature = ctx.constraint.feature
    return [replace(_feature(mesh, feature, ctx), feature=feature)] if feature else FITS


def runs_beside(mesh: Mesh, machines: Platform | None, cloud: str | None) -> bool:
    """It runs on the machines a scheduler places work on (Nomad's hosts), without that
    scheduler's integration. A provider's own offering runs on VMs only in its cloud, so
    not beside a scheduler whose hosts are not known to be there."""
    if machines is None or mesh.fit is None or not runs_there(mesh, machines):
        return False
    return mesh.fit.provider is None or mesh.fit.provider == cloud


def runs_on(mesh: Mesh, _: FactValue, ctx: Context) -> list[Check]:
    """It runs on every platform named; a provider's own offering on VMs only in its cloud.
    Where it runs only on the machines a platform schedules onto (`machines`: Nomad's
    hosts), it runs beside that platform, with that caveat."""
    if mesh.fit is None:
        return _unrecorded(mesh)
    said, platforms = ctx.req.platforms, ctx.kb.rules.platforms
    absent = [p.value for p in said if not runs_there(mesh, p)]
    beside = [
        p
        for p in absent
        if runs_beside(mesh, platforms[p].machines if p in platforms else None, ctx.req.cloud)
    ]
    missing = [_says(ctx, "platform", p) for p in absent if p not in beside]
    cloud, provider = ctx.req.cloud, mesh.fit.provider
    elsewhere = provider and cloud and cloud != provider and runs_there(mesh, Platform.vms)
    if Platform.vms in said and elsewhere:
        missing.append(f"{_says(ctx, 'platform', 'vms')} in {_says(ctx, 'cloud', cloud)}")
    sources = tuple(mesh.fit.platform_sources)
    own = [p.value for p in mesh.fit.platforms if p in KUBERNETES_PLATFORMS]
    if missing and Platform.kubernetes.value in absent and own:  # AKS is Kubernetes too
        only = (
            f"{_says(ctx, 'platform', missing)} in general: only on {_says(ctx, 'platform', own)}"
        )
        return [Check(Outcome.out, only, sources)]
    if missing:
        return [Check(Outcome.out, _says(ctx, "platform", missing), sources)]
    if beside:
        named = _says(ctx, "platform", beside)
        return [Check(Outcome.caveat, f"no {named} integration: runs on its hosts", sources)]
    return FITS


def supported_by(mesh: Mesh, value: FactValue, ctx: Context) -> list[Check]:
    vendor = ctx.req.support or value  # 'provider' is the platform's provider, once known
    if vendor in ("none", "provider"):  # no platform known yet: nothing to test
        return FITS
    if mesh.fit is None:
        return _unrecorded(mesh)
    vendors, sources = mesh.fit.support_from, tuple(mesh.fit.support_sources)
    if not mesh.fit.mesh:  # no mesh, and they want one supported: said as that
        said = _says(ctx, "support", vendor)
        return [Check(Outcome.out, said, sources, no_mesh=True)]
    if (vendor == "any" and vendors) or vendor in vendors:
        return FITS
    return [Check(Outcome.out, _says(ctx, "support", vendor), sources)]


def managed_control_plane(mesh: Mesh, value: FactValue, _: Context) -> list[Check]:
    """Someone else runs the mesh's control plane: a managed one (running no mesh is ruled
    out as not the managed mesh they want, not as one they would run)."""
    if value is not True or managed(mesh):
        return FITS
    sources = mesh.distribution.sources if mesh.distribution else mesh.sources
    no_mesh = mesh.fit is not None and not mesh.fit.mesh
    return [Check(Outcome.out, sources=tuple(sources), no_mesh=no_mesh)]


def is_a_mesh(mesh: Mesh, value: FactValue, ctx: Context) -> list[Check]:
    """A mesh said to be needed (or what only a mesh does): running none is out as not what
    they need, on the constraint's sources where it has them."""
    if value is not True or mesh.fit is None or mesh.fit.mesh:
        return FITS
    sources = tuple(ctx.constraint.sources or mesh.fit.sources)
    return [Check(Outcome.out, sources=sources, no_mesh=True)]


def own_control_plane(mesh: Mesh, value: FactValue, _: Context) -> list[Check]:
    """A control plane of their own: no managed offering ("not the managed one")."""
    if value is not True or not managed(mesh):
        return FITS
    sources = mesh.distribution.sources if mesh.distribution else mesh.sources
    return [Check(Outcome.out, sources=tuple(sources))]


def licence_fits(mesh: Mesh, value: FactValue, ctx: Context) -> list[Check]:
    if isinstance(value, str) and (levels := ctx.kb.rules.cncf_policies.get(value)):
        return cncf_fits(mesh, levels, ctx.kb)
    if value not in ("open_source", "no_source_available"):
        return FITS
    if mesh.fit is None:
        return _unrecorded(mesh)
    kind = mesh.fit.licence
    if kind in banned_licences(value):
        words = kind.value.replace("_", "-")
        said = (
            f"a proprietary offering, whatever its code's licence ({mesh.license})"
            if kind == LicenceKind.proprietary
            else f"{words} licence: {mesh.license}"
        )
        return [Check(Outcome.out, said, tuple(mesh.fit.sources))]
    return FITS


def cncf_fits(mesh: Mesh, levels: list[CncfStatus], kb: KnowledgeBase) -> list[Check]:
    """A CNCF project at one of the levels a policy takes; an offering made of other projects
    (no mesh) fits where every one of them is ("Kuma is CNCF sandbox", "OpenTelemetry is CNCF
    incubating"), and a build that runs its project's own code (`project_code`: the AKS
    add-on is upstream Istio) is that project."""
    taken = " or ".join(level.value for level in levels)
    base = kb.meshes.get(mesh.based_on or "")
    if base is not None and mesh.distribution and mesh.distribution.project_code:
        mesh = base
    if mesh.built_from:
        below = [p for p in mesh.built_from if p.cncf not in levels]
        if not below:
            return FITS
        said = "; ".join(f"{p.name} is {_standing(p.cncf)}" for p in below)
        sources = tuple(s for p in below for s in p.sources)
        return [Check(Outcome.out, f"built on a project not CNCF {taken}: {said}", sources)]
    if mesh.cncf in levels:
        return FITS
    if mesh.cncf not in CNCF_PROJECTS:
        return [Check(Outcome.out, f"not a CNCF project (licence: {mesh.license})")]
    return [Check(Outcome.out, f"{_standing(mesh.cncf)}, not {taken}")]


def _standing(level: CncfStatus) -> str:
    """'a CNCF sandbox project', 'not a CNCF project'."""
    return f"a CNCF {level.value} project" if level in CNCF_PROJECTS else "not a CNCF project"


def sidecar_free(mesh: Mesh, value: FactValue, ctx: Context) -> list[Check]:
    if value is not True or mesh.data_plane.model == DataPlaneModel.none:
        return FITS
    return [_feature(mesh, "sidecarless", ctx)]


def per_pod_proxy(mesh: Mesh, value: FactValue, _: Context) -> list[Check]:
    """A proxy in every pod: a sidecar data plane (whatever other mode it offers too)."""
    plane = mesh.data_plane
    if value is not True or plane.model == DataPlaneModel.sidecar:
        return FITS
    return [Check(Outcome.out, plane.summary, tuple(plane.sources))]


def proxy_free(mesh: Mesh, value: FactValue, ctx: Context) -> list[Check]:
    """No proxy in the data path at all: an option that runs none, or for gRPC services one
    whose gRPC clients take its configuration over xDS themselves (proxyless gRPC); a data
    path the provider runs as a service leaves them none to run, a caveat."""
    plane = mesh.data_plane
    if value is not True or plane.model == DataPlaneModel.none:
        return FITS
    proxyless = mesh.features.get("proxyless_grpc")
    # gRPC services said, or proxyless gRPC itself asked ("grpc services talking without any
    # proxy at all"): no proxy is what that need is
    grpc = {"grpc_support", "proxyless_grpc"} & set(ctx.req.needs)
    if proxyless and proxyless.level == Level.yes and grpc:
        text = "no proxy only for gRPC services (proxyless gRPC)"
        return [Check(Outcome.caveat, text, tuple(proxyless.sources), conditional=True)]
    if plane.provider_run:  # "we'd rather not run any proxies": none of theirs to run
        text = f"no proxy of yours to run, but one in the path: {plane.summary}"
        return [Check(Outcome.caveat, text, tuple(plane.sources))]
    return [Check(Outcome.out, plane.summary, tuple(plane.sources))]


def envoy_free(mesh: Mesh, value: FactValue, ctx: Context) -> list[Check]:
    """No Envoy: out where Envoy runs in its data plane; where it runs only in an optional
    part (ambient's waypoints), out where Envoy is refused anywhere ("no Envoy at all"), out
    for a need that part meets, a cost-free caveat where every need said is met without it,
    and unconfirmed where no need is said yet."""
    if value is not True:
        return FITS
    if mesh.fit is None:
        return _unrecorded(mesh)
    if not mesh.fit.uses_envoy:
        return FITS
    part = mesh.fit.optional_envoy
    if part is None:
        return [Check(Outcome.out, sources=tuple(mesh.fit.sources))]
    sources = tuple(part.sources)
    if ctx.req.no_envoy_anywhere:  # "no Envoy anywhere": an optional part running it too
        return [Check(Outcome.out, f"runs Envoy in its {part.part}", sources)]
    if needing := [n for n in ctx.req.needs if n not in part.without]:
        names = ", ".join(ctx.kb.features[n].name for n in needing)
        return [Check(Outcome.out, f"{names} need its {part.part}, which run Envoy", sources)]
    if not ctx.req.needs_said:  # Envoy-free only while nothing needs those parts: unknown yet
        met = ", ".join(ctx.kb.features[n].name for n in part.without)
        text = f"Envoy-free only if you need no more than {met}: the rest runs in its {part.part}"
        return [Check(Outcome.caveat, text, sources, unconfirmed=True)]
    return [
        Check(
            Outcome.caveat,
            f"Envoy only in its optional {part.part}, unused here",
            sources,
            conditional=True,
        )
    ]


PROVIDER_CILIUM = "provider_cilium"  # rules.yaml: the CNI is the provider's managed Cilium


def keeps_cni(mesh: Mesh, value: FactValue, ctx: Context) -> list[Check]:
    """A mesh that must be the cluster's CNI is out where another CNI stays; where the CNI
    kept is the provider's managed Cilium, its own constraint (`provider_cilium`) says why:
    Cilium run as that CNI is the provider's, not a Cilium of theirs to mesh with."""
    if value is not True or (ctx.req.cilium_cni and not ctx.req.provider_cilium):
        return FITS
    if ctx.req.provider_cilium and ctx.constraint.fact != PROVIDER_CILIUM:
        return FITS
    if mesh.fit is None:
        return _unrecorded(mesh)
    sources = tuple(ctx.constraint.sources or mesh.fit.sources)
    return [Check(Outcome.out, sources=sources)] if mesh.fit.replaces_cni else FITS


def vendor_neutral(mesh: Mesh, value: FactValue, ctx: Context) -> list[Check]:
    if value is not True:
        return FITS
    if mesh.fit is None:
        return _unrecorded(mesh)
    fit, sources = mesh.fit, tuple(mesh.fit.sources)
    if fit.provider:
        return [Check(Outcome.out, f"tied to {_says(ctx, 'support', fit.provider)}", sources)]
    if fit.licence != LicenceKind.open_source:
        return [Check(Outcome.out, f"commercial licence: {mesh.license}", sources)]
    return FITS


def adds_no_vendor(mesh: Mesh, value: FactValue, ctx: Context) -> list[Check]:
    """No contract with a vendor new to them: a proprietary product is out unless its maker
    (the provider, or the one vendor selling it) is their provider, a vendor they pay or the
    one whose support they want. Open-source and source-available code runs with no contract."""
    if value is not True:
        return FITS
    if mesh.fit is None:
        return _unrecorded(mesh)
    fit = mesh.fit
    if fit.licence != LicenceKind.proprietary:
        return FITS
    makers = {fit.provider} if fit.provider else set(fit.support_from)
    req = ctx.req
    if makers & {req.provider, req.vendor, req.support}:
        return FITS
    text = f"a commercial product: a new contract with {_says(ctx, 'not_from', sorted(makers))}"
    return [Check(Outcome.out, text, tuple(fit.sources))]


def not_made_by(mesh: Mesh, value: FactValue, ctx: Context) -> list[Check]:
    """Made by a refused vendor: the provider's own offering, or a vendor's own product (not
    open source, and that vendor alone supports it). An open-source project whose support
    contracts come only from refused vendors stays in, with that caveat: the refusal is of
    the vendor the data names, never of a project it happens to support."""
    refused = value if isinstance(value, list) else []
    if not refused:
        return FITS
    if mesh.fit is None:
        return _unrecorded(mesh)
    fit = mesh.fit
    sold = set(fit.support_from)
    only = sold if len(sold) == 1 and fit.licence != LicenceKind.open_source else set()
    makers = {fit.provider} if fit.provider else only
    made = [v for v in refused if v in makers]
    included = sorted({p.value for p in ctx.req.platforms} & {p.value for p in fit.included_with})
    if made and included and ctx.req.platforms:
        # "we won't buy an RH mesh subscription" on OpenShift: what they pay the vendor for the
        # platform already includes it, so refusing to pay that vendor more leaves it in
        place, payee = _says(ctx, "platform", included), _says(ctx, "not_from", made)
        said = f"included with your {place} subscription: nothing more paid to {payee}"
        return [Check(Outcome.caveat, said, tuple(fit.sources))]
    if made:
        return [Check(Outcome.out, _says(ctx, "not_from", made), tuple(fit.sources))]
    if sold and sold <= set(refused):
        vendors = _says(ctx, "not_from", sorted(sold))
        return [Check(Outcome.caveat, f"support contracts only from {vendors}", tuple(fit.sources))]
    return FITS


def not_leaving(mesh: Mesh, value: FactValue, ctx: Context) -> list[Check]:
    """The mesh they want off, or one configured with the same resources (its other modes
    and its distributions): moving there is no move off it. Off a vendor's build (Gloo Mesh),
    they leave that build: its project and the project's other builds stay. An earlier line of
    it they leave ("replacing Linkerd 1.x") is a product of its own, which the mesh succeeds."""
    left = ctx.kb.meshes.get(value) if isinstance(value, str) else None
    if left is None or left.earlier_line(ctx.req.leaving_line) is not None:
        return FITS
    family = left.api_family if left.based_on is None else None
    if mesh.id != left.id and not (family and mesh.api_family == family):
        return FITS
    like = "the mesh" if mesh.id == left.id else f"configured like {left.name}, which"
    return [Check(Outcome.out, f"{like} you want to move off", tuple(mesh.sources))]


def builds_of(project: Mesh, mesh: Mesh) -> bool:
    """The mesh is the project itself or, where the project heads its family of
    configuration resources (Istio, not Istio ambient mode), a mode or build of it."""
    family = project.api_family
    return mesh.id == project.id or (family == project.id and mesh.api_family == family)


def not_refused(mesh: Mesh, value: FactValue, ctx: Context) -> list[Check]:
    """The mesh they refuse, or for a project, any mode or build of it ("refuses Istio"
    rules out Istio ambient mode and every vendor's Istio, from each entry's `based_on`)."""
    refused = ctx.kb.meshes.get(value) if isinstance(value, str) else None
    if refused is None or not builds_of(refused, mesh):
        return FITS
    if mesh.id == refused.id:
        return [Check(Outcome.out, "you refuse it", tuple(mesh.sources))]
    project = _says(ctx, "built_on", refused.id)
    return [Check(Outcome.out, f"built on {project}, which you refuse", tuple(mesh.sources))]


def not_set_aside(mesh: Mesh, value: FactValue, _: Context) -> list[Check]:
    """The one entry they set aside as too much for them ("istio feels too complex for our
    team"), not its project's other modes or builds: those are the alternatives asked for
    (ambient mode, a vendor's supported Istio)."""
    if value != mesh.id:
        return FITS
    return [Check(Outcome.out, "you set it aside", tuple(mesh.sources))]


def is_wanted(mesh: Mesh, value: FactValue, ctx: Context) -> list[Check]:
    """The mesh they want, or a mode or build of its project that offers it in full: a
    build of Istio wanted as its ambient mode needs that mode's feature row (`as_feature`)
    at yes ("Istio's ambient mode … is not offered" rules the build out)."""
    wanted = ctx.kb.meshes.get(value) if isinstance(value, str) else None
    if wanted is None or mesh.id == wanted.id:
        return FITS
    head = ctx.kb.meshes.get(wanted.api_family or "")
    if head is None or not builds_of(head, mesh):
        return [Check(Outcome.out, f"not {wanted.name}, which you want", tuple(mesh.sources))]
    if wanted.as_feature is None:
        return FITS
    row = mesh.features.get(wanted.as_feature)
    if row is not None and row.level == Level.yes:
        return FITS
    sources = tuple(row.sources) if row else tuple(mesh.sources)
    if row is None or row.level in (Level.no, Level.unknown):
        return [Check(Outcome.out, f"no {wanted.name}, which you want", sources)]
    return [Check(Outcome.out, f"{wanted.name}, which you want, only in part", sources)]


def within_memory(mesh: Mesh, value: FactValue, ctx: Context) -> list[Check]:
    """The data plane's memory at the setup's size (the overhead figures) within the total
    they allow, in MiB; no data plane fits, no figure keeps it with that caveat."""
    if not isinstance(value, int) or mesh.data_plane.model == DataPlaneModel.none:
        return FITS
    found = footprint(ctx.kb, mesh, ctx.req)
    if found is None or found.unit != "MB":
        return [Check(Outcome.caveat, "memory at your size unknown", unconfirmed=True)]
    if found.total <= value:
        return FITS
    size = ctx.req.size or DEFAULT_PODS
    text = f"about {amount(found.total, found.unit)} of proxies at {size:,} pods"
    return [Check(Outcome.out, text, tuple(found.sources))]


def within_node_memory(mesh: Mesh, value: FactValue, ctx: Context) -> list[Check]:
    """The data plane's memory on one node (the overhead figures at the setup's pods a node,
    or its per-node proxy) within what they allow the proxies of a node, in MiB; no data plane
    fits, no figure keeps it with that caveat."""
    if not isinstance(value, int) or mesh.data_plane.model == DataPlaneModel.none:
        return FITS
    found = footprint(ctx.kb, mesh, ctx.req)
    if found is None or found.unit != "MB":
        return [Check(Outcome.caveat, "memory a node unknown", unconfirmed=True)]
    nodes = nodes_of(ctx.req)
    if found.total / nodes <= value:
        return _node_requests_over(mesh, value)
    density = (ctx.req.size or DEFAULT_PODS) / nodes
    each = amount(found.total / nodes, found.unit)
    text = f"about {each} of proxies a node at {density:,.0f} pods a node"
    return [Check(Outcome.out, text, tuple(found.sources))]


def _node_requests_over(mesh: Mesh, value: int) -> list[Check]:
    """A per-node proxy within the budget in use whose chart requests more a node by default
    (ztunnel's 512 MiB): the scheduler sets that aside, so it fits once the request is
    lowered; said, at no cost in the ranking."""
    over = [r for r in mesh.default_requests if r.per == Scope.node and r.memory > value]
    if not over:
        return FITS
    asks = over[0]
    text = (
        f"its {asks.mode} requests {asks.memory:g} MiB a node by default, which the scheduler "
        f"sets aside: lower it ({asks.setting})"
    )
    return [Check(Outcome.caveat, text, tuple(asks.sources), conditional=True)]


def within_pod_memory(mesh: Mesh, value: FactValue, ctx: Context) -> list[Check]:
    """A proxy of each pod's own within the memory a pod can spare (MiB, read as the
    figures' MB): out when every per-pod figure is over it, a caveat when the figure gone by
    is over and another source's is within. No data plane, or none in the pods (a per-node
    proxy), takes nothing from a pod; a sidecar with no figure is unconfirmed. What a proxy
    uses now ("proxies avg 20mb") is a measurement, no cap."""
    if not isinstance(value, int) or mesh.data_plane.model == DataPlaneModel.none:
        return FITS
    if ctx.req.memory_in_use:
        return FITS
    figures = [f for f in per_pod(ctx.kb, mesh) if f.unit == "MB"]
    if not figures:
        if mesh.data_plane.model == DataPlaneModel.sidecar:
            return [Check(Outcome.caveat, "memory a pod unknown", unconfirmed=True)]
        return FITS
    best, least = figures[0], min(figures, key=lambda f: f.low)
    if best.low <= value:
        return FITS
    said = f"about {amount(best.low, best.unit)} a pod"
    if least.low <= value:
        also = f"{said} in one measurement, {amount(least.low, least.unit)} in another"
        return [Check(Outcome.caveat, also, tuple(best.sources + least.sources))]
    return [Check(Outcome.out, said, tuple(best.sources))]


def stable_builds(mesh: Mesh, value: FactValue, ctx: Context) -> list[Check]:
    """Stable releases wanted: an offering whose project ships only edge builds has them in
    a vendor's edition, free below a head count; out where that vendor's paid edition is
    closed to the setup (none is, or the vendor is refused), a caveat otherwise (costing
    nothing when that vendor's support is wanted)."""
    if value is not True:
        return FITS
    if mesh.fit is None:
        return _unrecorded(mesh)
    builds = mesh.fit.stable_builds
    if builds is None or free_edition(builds, ctx.req):
        return FITS
    sources = tuple(builds.sources)
    where = f"stable releases only in {builds.edition}"
    if edition_closed(ctx.req, builds.vendor):
        free = f", free only under {builds.free_below} employees" if builds.free_below else ""
        return [Check(Outcome.out, f"{where} (a paid edition{free})", sources)]
    paying = _paying(mesh, ctx.req)
    return [Check(Outcome.caveat, where, sources, bought=paying)]


def edition_closed(req: Requirements, vendor: str) -> bool:
    """A paid edition of this vendor's is not open to them for stable builds: none is ("open
    source only"), they refuse that vendor ("we won't be paying buoyant"), or they want stable
    builds free ("nothing that needs a paid sub to get stable builds")."""
    return req.no_paid_edition or vendor in req.not_from or req.free_stable_releases


def free_edition(builds: StableBuilds, req: Requirements) -> bool:
    """The company is small enough to run the vendor's stable edition free."""
    return bool(builds.free_below and req.employees and req.employees < builds.free_below)


def runs_off_kubernetes(mesh: Mesh, value: FactValue, _: Context) -> list[Check]:
    """Not on Kubernetes: it runs somewhere else too (VMs, ECS or Nomad)."""
    if value is not True:
        return FITS
    if mesh.fit is None:
        return _unrecorded(mesh)
    if set(mesh.fit.platforms) - KUBERNETES_PLATFORMS - {Platform.kubernetes}:
        return FITS
    return [Check(Outcome.out, sources=tuple(mesh.fit.sources))]


def _runs_where(mesh: Mesh, record: FargatePods | None, where: str) -> list[Check]:
    """Whether its data plane runs where no node is the team's (`record`, one of `fit`'s
    per-platform facts); unrecorded, a caveat that says so; no data plane needs no node."""
    if mesh.data_plane.model == DataPlaneModel.none:
        return FITS
    if record is None:
        return [Check(Outcome.caveat, f"on {where} unconfirmed", unconfirmed=True)]
    if record.runs and record.caveat:
        return [Check(Outcome.caveat, record.caveat, tuple(record.sources))]
    if record.runs:
        return FITS
    return [Check(Outcome.out, record.why, tuple(record.sources))]


def runs_on_fargate(mesh: Mesh, value: FactValue, _: Context) -> list[Check]:
    """Every pod on EKS Fargate: nothing of its data plane may need what Fargate denies
    (DaemonSets, its own CNI plugin, NET_ADMIN in the pod); no data plane needs none of it."""
    if value is not True:
        return FITS
    return _runs_where(mesh, mesh.fit.fargate_pods if mesh.fit else None, "Fargate")


def runs_on_autopilot(mesh: Mesh, value: FactValue, _: Context) -> list[Check]:
    """On GKE Autopilot: nothing of its data plane may need what Autopilot denies
    (privileged pods, a CNI of its own, NET_ADMIN without the cluster's workload policy)."""
    if value is not True:
        return FITS
    return _runs_where(mesh, mesh.fit.gke_autopilot if mesh.fit else None, "GKE Autopilot")


def not_billed_by_use(mesh: Mesh, value: FactValue, _: Context) -> list[Check]:
    """Billing by use refused ("don't want per-pod mesh billing"): out where its provider
    bills it by use (`fit.billed_by_use`), on top of the compute it runs on."""
    if value is not True:
        return FITS
    if mesh.fit is None:
        return _unrecorded(mesh)
    if mesh.fit.billed_by_use:
        return [Check(Outcome.out, sources=tuple(mesh.fit.sources))]
    return FITS


def vms_in_own_cloud(mesh: Mesh, value: FactValue, ctx: Context) -> list[Check]:
    """VMs brought in beside another platform (the constraint's `feature` a must-have), in a
    cloud not the offering's provider's: its VMs are its own cloud's only. VMs named as the
    platform are `runs_on`'s."""
    feature = ctx.constraint.feature
    if not isinstance(value, str) or feature not in ctx.req.needs or mesh.fit is None:
        return FITS
    provider = mesh.fit.provider
    if Platform.vms in ctx.req.platforms or not provider or provider == value:
        return FITS
    if not runs_there(mesh, Platform.vms):
        return FITS  # no VMs at all: the feature's row says so
    return [Check(Outcome.out, sources=tuple(mesh.fit.sources))]


def _says(ctx: Context, fact_id: str, value: FactValue) -> str:
    fact = ctx.kb.rules.fact(fact_id)
    return fact.says(value) if fact else str(value)


# What of the requirements, beyond the constraint's own fact, each test reads: its checks are
# remembered by these values (tests/test_screening_reads.py holds every test to its list).
# What a feature row is read against: an enterprise row is bought with support, or closed to
# the setup; a row in beta does not meet a must-have asked generally available; with
# sidecars refused, a row is read in the offering's sidecar-free mode; on an all-Kubernetes
# estate a kind of workload is read by its Kubernetes name (Windows pods).
_FEATURE_READS = (
    "support",
    "no_paid_edition",
    "in_full",
    "released",
    "by_name",
    "needs",
    "no_sidecars",
    "platforms",
    "vms",
)
READS: dict[str, tuple[str, ...]] = {
    "runs_on": ("platforms", "cloud"),
    "vms_in_own_cloud": ("needs", "platforms"),
    "not_made_by": ("platforms",),  # an offering its platform's subscription includes
    "supported_by": ("support",),
    "has_features": _FEATURE_READS,
    "has_feature": _FEATURE_READS,
    "sidecar_free": (
        "support",
        "no_paid_edition",
        "in_full",
        "released",
        "by_name",
        "needs",
        "platforms",
        "vms",
    ),
    "keeps_cni": ("cilium_cni", "provider_cilium"),
    # needs only an optional Envoy part can meet; Envoy refused in that part too
    "envoy_free": ("needs", "needs_said", "no_envoy_anywhere"),
    "proxy_free": ("needs",),  # gRPC services may go proxyless
    "stable_builds": (
        "support",
        "no_paid_edition",
        "not_from",
        "employees",
        "free_stable_releases",
    ),
    # sidecars refused: a mode without them; the nodes said: a node proxy's count
    "within_memory": ("size", "no_sidecars", "nodes"),
    "within_node_memory": ("size", "no_sidecars", "nodes"),
    "within_pod_memory": ("memory_in_use",),  # what a proxy uses now is no cap
    "not_leaving": ("leaving_line",),
    "adds_no_vendor": ("provider", "vendor", "support"),
}


def _frozen(value: object) -> Hashable:
    return tuple(value) if isinstance(value, list) else value  # type: ignore[return-value]


TESTS: dict[str, Test] = {
    "runs_on": runs_on,
    "supported_by": supported_by,
    "managed_control_plane": managed_control_plane,
    "licence_fits": licence_fits,
    "has_features": has_features,
    "has_feature": has_feature,
    "sidecar_free": sidecar_free,
    "per_pod_proxy": per_pod_proxy,
    "proxy_free": proxy_free,
    "envoy_free": envoy_free,
    "keeps_cni": keeps_cni,
    "vendor_neutral": vendor_neutral,
    "adds_no_vendor": adds_no_vendor,
    "not_made_by": not_made_by,
    "runs_off_kubernetes": runs_off_kubernetes,
    "stable_builds": stable_builds,
    "within_memory": within_memory,
    "within_pod_memory": within_pod_memory,
    "within_node_memory": within_node_memory,
    "not_leaving": not_leaving,
    "not_refused": not_refused,
    "not_set_aside": not_set_aside,
    "own_control_plane": own_control_plane,
    "is_wanted": is_wanted,
    "is_a_mesh": is_a_mesh,
    "runs_on_fargate": runs_on_fargate,
    "runs_on_autopilot": runs_on_autopilot,
    "not_billed_by_use": not_billed_by_use,
    "vms_in_own_cloud": vms_in_own_cloud,
}


def _checked(
    kb: KnowledgeBase, mesh: Mesh, constraint: Constraint, value: FactValue, req: Requirements
) -> list[Finding]:
    """What one constraint finds about one mesh: nothing when it fits."""
    found = []
    ctx = Context(kb, req, constraint)
    for check in TESTS[constraint.test](mesh, value, ctx):
        if check.outcome == Outcome.fits:
            continue
        template = constraint.out if check.outcome == Outcome.out else constraint.caveat
        if check.no_mesh and constraint.out_no_mesh:
            template = constraint.out_no_mesh
        words = _says(ctx, constraint.fact, value)
        text = (template or "{detail}").format(value=words, detail=check.detail)
        found.append(
            Finding(
                constraint.id,
                check.outcome,
                text,
                its_own(kb, mesh.id, check.sources),
                unconfirmed=check.unconfirmed,
                bought=check.bought,
                conditional=check.conditional,
                added=check.added,
                early=check.early,
                edge=check.edge,
                why=check.why,
                feature=check.feature,
                paid_only=check.paid_only,
            )
        )
    return found


def _given_up(finding: Finding) -> Finding:
    if finding.outcome != Outcome.out:
        return finding
    return replace(finding, outcome=Outcome.caveat, relaxed=True)


def _no_checks(_: KnowledgeBase) -> dict[Hashable, list[Finding]]:
    return {}


class Screener:
    """Screens candidates. Each check is a pure function of the knowledge base, so the
    knowledge base remembers it: the what-if answers behind a recommendation (one per
    follow-up option), and every recommendation after it, ask the same ones. A mesh whose
    checks are all the same as before is the same Screened."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._memo: dict[Hashable, list[Finding]] = kb.derived("screening_checks", _no_checks)
        self._screened: dict[tuple[object, ...], Screened] = {}

    def _applied(
        self, facts: dict[str, FactValue], req: Requirements
    ) -> list[tuple[Constraint, FactValue, tuple[object, ...]]]:
        """The constraints these facts call on, each with its value and what its checks are
        remembered by (beyond the mesh): its fact's value and what of the requirements its
        test reads."""
        applied = []
        for constraint in self.kb.rules.constraints:
            value = facts.get(constraint.fact)
            if value is None or (constraint.when and not constraint.when.holds(value)):
                continue
            read = tuple(_frozen(getattr(req, name)) for name in READS.get(constraint.test, ()))
            applied.append((constraint, value, (constraint.id, _frozen(value), read)))
        return applied

    def _findings(
        self,
        mesh: Mesh,
        applied: list[tuple[Constraint, FactValue, tuple[object, ...]]],
        req: Requirements,
        relaxed: frozenset[str],
    ) -> list[Finding]:
        found: list[Finding] = []
        memo = self._memo if self.kb.owns(mesh) else {}  # a changed copy is checked afresh
        for constraint, value, said in applied:
            key = (mesh.id, *said)
            checked = memo.get(key)
            if checked is None:
                checked = _checked(self.kb, mesh, constraint, value, req)
                remember(memo, key, checked, CHECKS_KEPT)
            found += [_given_up(f) for f in checked] if constraint.id in relaxed else checked
        return found

    def screen(
        self,
        candidates: list[Mesh],
        facts: dict[str, FactValue],
        relaxed: frozenset[str] = frozenset(),
        req: Requirements | None = None,
    ) -> list[Screened]:
        """Every candidate with what the constraints found about it, in candidate order; a
        `relaxed` constraint's failures are caveats, not exclusions."""
        req = req or Requirements.from_facts(self.kb.rules, facts)
        applied = self._applied(facts, req)
        checks = (tuple(said for _, _, said in applied), relaxed)
        out = []
        for mesh in candidates:
            key = (mesh.id, checks)
            if key not in self._screened or self._screened[key].mesh is not mesh:
                self._screened[key] = Screened(mesh, self._findings(mesh, applied, req, relaxed))
            out.append(self._screened[key])
        return out


def screen(
    kb: KnowledgeBase,
    candidates: list[Mesh],
    facts: dict[str, FactValue],
    relaxed: frozenset[str] = frozenset(),
) -> list[Screened]:
    """Every candidate with what the constraints found about it (see Screener.screen)."""
    return Screener(kb).screen(candidates, facts, relaxed)

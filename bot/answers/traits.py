"""Traits of an offering that decision rules weigh (`traits:` in rules.yaml); pure functions.

A trait is judged among the offerings left after screening (the field), since some are
relative: the lightest data plane at this size is lightest among those still in.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from bot.answers.footprint import Footprint, control_plane, footprint
from bot.answers.requirements import Requirements
from bot.answers.screening import Screened, builds_of, edition_closed, free_edition, managed
from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import (
    Applies,
    CncfStatus,
    DataPlaneModel,
    Level,
    LicenceKind,
    Mesh,
    Platform,
    Scope,
    ScreeningTest,
)

NODE_SHARE = 0.5  # default requests this share of a node's memory or more fill it
LIGHT_MARGIN = 1.5  # within this factor of the lightest data plane counts as lightest
LIGHT_ENOUGH_MB = 500  # below this for the whole estate, memory decides nothing
MANY_VMS = 100  # VMs to mesh from this many on, what carries them weighs most
GAPS = frozenset({Level.no, Level.unknown})  # a base's row a licensed edition fills


@dataclass(frozen=True)
class Field:
    """The offerings left after screening, and what the setup requires."""

    kb: KnowledgeBase
    req: Requirements
    alive: list[Screened]
    _judged: dict[tuple[str, str], bool] = dataclasses.field(
        default_factory=dict, compare=False, repr=False
    )

    def has(self, trait: str, s: Screened) -> bool:
        """Whether an offering has a trait here: one of its own from the knowledge base's
        table, one judged in the field once per field (every rule weighing it asks again)."""
        if trait in OWN_TRAITS and self.kb.owns(s.mesh):
            return self.kb.derived("own_traits", own_traits)[trait][s.mesh.id]
        if trait in OWN_TRAITS:  # a changed copy of a mesh
            return OWN_TRAITS[trait](s.mesh, self.kb)
        key = (trait, s.mesh.id)  # asked tens of thousands of times a recommendation
        judged = self._judged.get(key)
        if judged is None:
            judged = self._judged[key] = FIELD_TRAITS[trait](s, self)
        return judged

    @cached_property
    def footprints(self) -> dict[str, Footprint]:
        found = {s.mesh.id: footprint(self.kb, s.mesh, self.req) for s in self.alive}
        return {m: f for m, f in found.items() if f is not None}

    @cached_property
    def control_planes(self) -> dict[str, Footprint]:
        """Each offering's control-plane memory, where a figure gives it (in MB)."""
        found = {s.mesh.id: control_plane(s.mesh) for s in self.alive}
        return {m: f for m, f in found.items() if f is not None and f.unit == "MB"}

    @cached_property
    def lightest(self) -> float | None:
        """The smallest data plane that holds memory in the cluster: one run outside it (VPC
        Lattice's 0 MB) is lightest itself, but no yardstick for the proxies."""
        return min((f.total for f in self.footprints.values() if f.total > 0), default=None)


Trait = Callable[[Screened, Field], bool]  # judged against the setup, among the field
OwnTrait = Callable[[Mesh, KnowledgeBase], bool]  # judged from the offering alone


def _provider_native(s: Screened, field: Field) -> bool:
    fit = s.mesh.fit
    return bool(fit and fit.provider and fit.provider == field.req.provider)


def _provider_customer(s: Screened, field: Field) -> bool:
    """The provider's own offering, on a platform of theirs, and the team says it buys from
    that provider (a Red Hat shop on OpenShift)."""
    return bool(field.req.platforms and field.req.vendor == field.req.provider) and (
        _provider_native(s, field)
    )


def _sidecarless(mesh: Mesh, _: KnowledgeBase) -> bool:
    row = mesh.features.get("sidecarless")
    return bool(row and row.level == Level.yes)


def _without_mesh_core(mesh: Mesh, _: KnowledgeBase) -> bool:
    """An offering run as a mesh that gives workloads no identity with mutual TLS: its `mtls`
    row below partial, or partial only with what the name promises lacking (`lacks`: "SigV4
    signing instead of mutual TLS"). A service between services, without what a mesh is
    chiefly for."""
    row = mesh.features.get("mtls")
    core = bool(row and (row.level == Level.yes or (row.level == Level.partial and not row.lacks)))
    return bool(mesh.fit and mesh.fit.mesh) and not core


def _lightest(s: Screened, field: Field) -> bool:
    mine = field.footprints.get(s.mesh.id)
    if mine is None:
        return False
    small = mine.unit == "MB" and mine.total <= LIGHT_ENOUGH_MB
    lightest = field.lightest
    return small or lightest is None or mine.total <= lightest * LIGHT_MARGIN


def _heaviest(s: Screened, field: Field) -> bool:
    """Its data plane at this size is among the heaviest left (within the margin of the
    heaviest) and well over the lightest: where memory decides, the one to avoid."""
    mine = field.footprints.get(s.mesh.id)
    lightest = field.lightest
    if mine is None or lightest is None or mine.unit != "MB" or mine.total <= LIGHT_ENOUGH_MB:
        return False
    heaviest = max(f.total for f in field.footprints.values())
    return mine.total > lightest * LIGHT_MARGIN and mine.total * LIGHT_MARGIN >= heaviest


def _lightest_control_plane(s: Screened, field: Field) -> bool:
    """Its control plane is the lightest among those left with a figure (within the margin)."""
    mine = field.control_planes.get(s.mesh.id)
    least = min((f.total for f in field.control_planes.values()), default=None)
    return mine is not None and least is not None and mine.total <= least * LIGHT_MARGIN


def _requests_fill_node(s: Screened, field: Field) -> bool:
    """What its charts set aside by default for the parts that run once in the mesh (a
    control-plane replica) and once a node (a per-node proxy) is half a node's memory or more:
    on a 2 GiB board, istiod's 2 GiB request alone does not fit as shipped."""
    node = field.req.node_memory
    if not node:
        return False
    scopes = (Scope.node,) if managed(s.mesh) else (Scope.mesh, Scope.node)  # run off the nodes
    fixed = sum(r.memory for r in s.mesh.default_requests if r.per in scopes)
    return fixed >= node * NODE_SHARE


def _vendor_product(mesh: Mesh, _: KnowledgeBase) -> bool:
    """A vendor's own product, or its own build of an open-source mesh (a distribution)."""
    fit = mesh.fit
    own = bool(fit and (fit.licence != LicenceKind.open_source or mesh.based_on))
    return bool(fit and fit.support_from and own)


def _platform_bound(mesh: Mesh, _: KnowledgeBase) -> bool:
    """Runs only on its own provider's platforms: no Kubernetes anywhere, and VMs (where it
    takes them) only in the provider's own cloud."""
    fit = mesh.fit
    return bool(fit and fit.provider and Platform.kubernetes not in fit.platforms)


def _paid_edition(mesh: Mesh, kb: KnowledgeBase) -> bool:
    """A licensed, self-run edition of an open-source mesh (Kong Mesh of Kuma)."""
    fit, base = mesh.fit, kb.meshes.get(mesh.based_on or "")
    return bool(
        fit
        and fit.licence != LicenceKind.open_source
        and not managed(mesh)
        and base
        and base.fit
        and base.fit.licence == LicenceKind.open_source
    )


def _works_with(field: Field, s: Screened, supports: bool) -> bool:
    """The vendor the team works with supports it (or makes it); never the platform's
    provider, whose own offerings `provider_native` and `provider_customer` weigh (a team
    on EKS buys from AWS anyway)."""
    vendor, fit = field.req.vendor, s.mesh.fit
    if not vendor or not fit or vendor == field.req.provider:
        return False
    return vendor in (fit.support_from if supports else fit.makers)


def _supported_as_wished(s: Screened, field: Field) -> bool:
    """Support said to be nice to have comes with it: from the vendor named, or from any
    vendor where none was."""
    wished, fit = field.req.support_preferred, s.mesh.fit
    if not wished or not fit or not fit.mesh:
        return False
    return bool(fit.support_from) if wished == "any" else wished in fit.support_from


def _needs_met_without_mesh(s: Screened, field: Field) -> bool:
    """No data plane at all, and every need spoken of is one it has in full (what a tool they
    run or the platform covers is no need any more)."""
    if s.mesh.data_plane.model != DataPlaneModel.none or not field.req.needs_said:
        return False
    needs = field.req.needs
    settings = {f.id for f in field.kb.features.values() if f.setting}
    if needs and all(need in settings for need in needs):
        return False  # "a mesh that works on IPv6-only clusters": where, not what
    rows = [s.mesh.features.get(need) for need in needs]
    return all(row and row.level == Level.yes for row in rows)


FEATURE_TESTS = frozenset({ScreeningTest.has_features, ScreeningTest.has_feature})
# Where it runs at all: the platform, its kinds of node (Fargate, Autopilot) and machines.
PLATFORM_TESTS = frozenset(
    {
        ScreeningTest.runs_on,
        ScreeningTest.runs_on_fargate,
        ScreeningTest.runs_on_autopilot,
        ScreeningTest.vms_in_own_cloud,
        ScreeningTest.runs_off_kubernetes,
    }
)


def _meets_needs(s: Screened, field: Field) -> bool:
    """Every must-have the setup states is met in full (or in a paid edition they may buy, or by
    an add-on): a
    reason that a lighter mesh's simplicity outweighs its feature gap is no reason where the
    gap is a must-have of theirs."""
    tests = {c.id: c.test for c in field.kb.rules.constraints}
    return not any(tests.get(f.constraint) in FEATURE_TESTS and not f.met_anyway for f in s.caveats)


def _graduated(mesh: Mesh, kb: KnowledgeBase) -> bool:
    """A graduated CNCF project, or a vendor's build of one that you run yourself (the
    project's own code; a service a provider runs is its own product)."""
    base = kb.meshes.get(mesh.based_on or "")
    built = base is not None and base.cncf == CncfStatus.graduated and not managed(mesh)
    return mesh.cncf == CncfStatus.graduated or built


def _incumbent(s: Screened, field: Field) -> bool:
    """The mesh they run, or a vendor's build of it."""
    return _runs_it(s, field) or _build_of_theirs(s, field)


def _runs_it(s: Screened, field: Field) -> bool:
    return field.req.incumbent is not None and field.req.incumbent == s.mesh.id


def _build_of_theirs(s: Screened, field: Field) -> bool:
    """A vendor's build of the project they run (its `based_on`: Kong Mesh for Kuma)."""
    return field.req.incumbent is not None and field.req.incumbent == s.mesh.based_on


def _already_run(s: Screened, field: Field) -> bool:
    """What they run already: the mesh itself, or the CNI they run that is also a mesh
    (Cilium as the CNI)."""
    cni = bool(s.mesh.fit and s.mesh.fit.replaces_cni and field.req.cilium_cni)
    return cni or _incumbent(s, field)


def _incumbent_mode(s: Screened, field: Field) -> bool:
    """Another mode of the mesh they run (configured with the same resources, its
    `api_family`), once the mode they run is ruled out ("off istio's sidecars")."""
    ran = field.kb.meshes.get(field.req.incumbent or "")
    if ran is None or not ran.api_family or _incumbent(s, field):
        return False
    stays = any(other.mesh.id == ran.id for other in field.alive)
    return not stays and s.mesh.api_family == ran.api_family


def _incumbent_other_mode(s: Screened, field: Field) -> bool:
    """Another mode of the project they run (the same `api_family`, no vendor's build of it),
    whether or not the mode they run is left: the move that keeps its control plane and its
    resources ("off istio's sidecars to ambient")."""
    ran = field.kb.meshes.get(field.req.incumbent or "")
    if ran is None or not ran.api_family or _incumbent(s, field):
        return False
    return s.mesh.based_on is None and s.mesh.api_family == ran.api_family


def _moves_off_incumbent(s: Screened, field: Field) -> bool:
    """The mesh they run is ruled out with every build of it, and this is no mode of its
    project: taking it is a migration ("we run linkerd … want Microsoft support": the AKS
    add-on is a move off Linkerd)."""
    ran = field.kb.meshes.get(field.req.incumbent or "")
    if ran is None or any(_incumbent(other, field) for other in field.alive):
        return False
    return not (ran.api_family and s.mesh.api_family == ran.api_family)


def _hurt_before(s: Screened, field: Field) -> bool:
    """The mesh that hurt them once, or a vendor's build of it."""
    mesh, hurt = s.mesh, field.req.hurt_before
    return hurt is not None and hurt in (mesh.id, mesh.based_on)


def _liked(s: Screened, field: Field) -> bool:
    """The mesh their team likes, or for a project, a mode or build of it."""
    liked = field.kb.meshes.get(field.req.liked_mesh or "")
    return liked is not None and builds_of(liked, s.mesh)


def _drops_incumbent_mtls(s: Screened, field: Field) -> bool:
    """The mesh they run has mutual TLS between workloads in full, and this has none in
    full: moving to it takes that away from every service."""
    ran = field.kb.meshes.get(field.req.incumbent or "")
    if ran is None or _incumbent(s, field):
        return False
    theirs, this = ran.features.get("mtls"), s.mesh.features.get("mtls")
    return bool(theirs and theirs.level == Level.yes) and not (this and this.level == Level.yes)


def _moves_to(s: Screened, field: Field, named: bool) -> bool:
    """Among where the retired mesh they move off leads (`replaced_by`; with `named`, only the
    successors its makers or provider name), or configured like one of those (its other mode
    or a distribution of it: the same `api_family`)."""
    kb = field.kb
    retired = kb.meshes.get(field.req.retired_mesh or "")
    if retired is None:
        return False
    ids = retired.successors_named if named else retired.replaced_by
    family = s.mesh.api_family

    def like(ids: list[str]) -> bool:
        found = [kb.meshes[m] for m in ids if m in kb.meshes]
        return any(m.id == s.mesh.id or (family and m.api_family == family) for m in found)

    return like(ids) if named else like(ids) and not like(retired.successors_named)


ENCRYPTION = "mtls"  # features.yaml: encryption between services


def _retired_unencrypted(s: Screened, field: Field) -> bool:
    """No mesh at all, where the retired mesh they leave never encrypted traffic between
    services (its mTLS row: no): dropping it leaves traffic as it was."""
    retired = field.kb.meshes.get(field.req.retired_mesh or "")
    row = retired.features.get(ENCRYPTION) if retired else None
    baseline = bool(s.mesh.fit and s.mesh.fit.mesh is False)
    return baseline and row is not None and row.level == Level.no


def _provider_successor(s: Screened, field: Field) -> bool:
    """The platform provider's own offering, and itself a successor named for the retired mesh
    they move off (AKS names its Istio add-on for OSM add-on users): the documented path."""
    retired = field.kb.meshes.get(field.req.retired_mesh or "")
    return bool(retired and s.mesh.id in retired.successors_named) and _provider_native(s, field)


def _edge_builds_only(s: Screened, field: Field) -> bool:
    """Its project ships only edge builds, and the vendor edition with stable ones is closed
    to the setup (open source only, no vendor, or that vendor refused): they would run edge
    builds in production."""
    builds = s.mesh.fit.stable_builds if s.mesh.fit else None
    return bool(
        builds and edition_closed(field.req, builds.vendor) and not free_edition(builds, field.req)
    )


def _free_stable_builds(s: Screened, field: Field) -> bool:
    """Its project ships only edge builds, and the company is small enough to run the
    vendor's stable edition free."""
    builds = s.mesh.fit.stable_builds if s.mesh.fit else None
    return bool(builds and free_edition(builds, field.req))


def _runs_on_vms(mesh: Mesh) -> bool:
    """Its control plane runs on VMs itself (no provider's cloud offering): VMs are
    first-class workloads to it, not an expansion of a Kubernetes mesh."""
    fit = mesh.fit
    return bool(fit and not fit.provider and Platform.vms in fit.platforms)


def _carries_many_vms(s: Screened, field: Field) -> bool:
    """Many VMs to mesh, and it carries them first-class (`_runs_on_vms`)."""
    return bool(field.req.vms and field.req.vms >= MANY_VMS and _runs_on_vms(s.mesh))


def _keeps_vms_as_meshed(s: Screened, field: Field) -> bool:
    """They move off a mesh that carries VMs first-class (Consul: the mesh they say they
    leave, or the one they run, ruled out), and this other mesh carries them the same way
    (Kuma): the VMs keep the model they are meshed in today, where a mesh of Kubernetes would
    take them in as an expansion (no mesh at all keeps none)."""
    kb, req = field.kb, field.req
    left = kb.meshes.get(req.leaving or "")
    moves = left is not None and not builds_of(left, s.mesh)
    if left is None:
        left = kb.meshes.get(req.incumbent or "")
        moves = _moves_off_incumbent(s, field)
    meshless = bool(s.mesh.fit and s.mesh.fit.mesh is False)
    return bool(left and moves and not meshless and _runs_on_vms(left) and _runs_on_vms(s.mesh))


def fills_base_gap(s: Screened, field: Field) -> bool:
    """A licensed edition meeting in full a must-have that every open-source mode of its base
    lacks, leaves unconfirmed, or has only short of a build (`build_gap`: Istio's FIPS
    compliance policy, but no validated builds) or of what the edition adds (`edition_adds`:
    Kuma's per-service authorization, Kong Mesh's request-level MeshOPA): the licence buys
    what was asked."""
    base = field.kb.meshes.get(s.mesh.based_on or "")
    if not (base and _paid_edition(s.mesh, field.kb)):
        return False
    family = base.api_family or base.id
    modes = [  # the project's own entries (Istio's sidecar and ambient modes), no builds of it
        m
        for m in field.kb.current_meshes()
        if m.id == base.id
        or (
            m.api_family == family
            and not m.based_on
            and m.fit
            and m.fit.licence == LicenceKind.open_source
        )
    ]
    short = {f.feature for f in s.caveats if f.feature and not f.in_full}
    return any(
        need not in short
        and all(
            (row := m.features.get(need)) is None
            or row.build_gap
            or row.edition_adds
            or row.level in GAPS
            for m in modes
        )
        for need in field.req.needs
    )


def _open_bases(s: Screened, field: Field) -> list[Screened]:
    """Where it is a licensed edition: its open-source base still in, in any of its modes
    (Istio's ambient mode beside Gloo Mesh, where sidecars are refused)."""
    base = field.kb.meshes.get(s.mesh.based_on or "")
    if not (_paid_edition(s.mesh, field.kb) and base):
        return []
    family = base.api_family or base.id
    return [
        o
        for o in field.alive
        if o.mesh.id == base.id
        or (
            o.mesh.api_family == family
            and o.mesh.fit
            and o.mesh.fit.licence == LicenceKind.open_source
        )
    ]


def _base_left(s: Screened, field: Field) -> bool:
    """A licensed edition whose open-source base is still in, in any of its modes: what the
    licence buys is no must-have. Where the base is out, or lacks a must-have the edition
    meets (`fills_base_gap`), the edition fills a gap it leaves (FIPS builds)."""
    return bool(_open_bases(s, field)) and not fills_base_gap(s, field)


def _base_suffices(s: Screened, field: Field) -> bool:
    """A licensed edition whose open-source base is still in and has every must-have at least
    partly, none of them unconfirmed nor lacking only a build the edition ships: the licence
    fills no gap in it (`fills_base_gap`; a feature in Beta upstream that the vendor sells as
    its own is still the upstream's, there to be run)."""
    if fills_base_gap(s, field):
        return False
    tests = {c.id: c.test for c in field.kb.rules.constraints}
    return any(
        not any(f.unconfirmed for f in base.caveats if tests.get(f.constraint) in FEATURE_TESTS)
        for base in _open_bases(s, field)
    )


FIELD_TRAITS: dict[str, Trait] = {
    "base_suffices": _base_suffices,
    "base_left": _base_left,
    "fills_base_gap": fills_base_gap,
    "carries_many_vms": _carries_many_vms,
    "keeps_vms_as_meshed": _keeps_vms_as_meshed,
    "edge_builds_only": _edge_builds_only,
    "free_stable_builds": _free_stable_builds,
    "incumbent": _runs_it,
    "incumbent_build": _build_of_theirs,
    "incumbent_mode": _incumbent_mode,
    "incumbent_other_mode": _incumbent_other_mode,
    "moves_off_incumbent": _moves_off_incumbent,
    "successor": lambda s, field: _moves_to(s, field, named=True),
    "migration_path": lambda s, field: _moves_to(s, field, named=False),
    "provider_successor": _provider_successor,
    "retired_unencrypted": _retired_unencrypted,
    "hurt_before": _hurt_before,
    "liked": _liked,
    "drops_incumbent_mtls": _drops_incumbent_mtls,
    "already_run": _already_run,
    "from_current_vendor": lambda s, field: _works_with(field, s, supports=True),
    "from_vendor_family": lambda s, field: _works_with(field, s, supports=False),
    "supported_as_wished": _supported_as_wished,
    "familiar_api": lambda s, field: bool(
        field.req.knows_api and s.mesh.api_family == field.req.knows_api
    ),
    "wanted_base": lambda s, field: bool(
        field.req.built_on and s.mesh.api_family == field.req.built_on
    ),
    "needs_met_without_mesh": _needs_met_without_mesh,
    "meets_needs": _meets_needs,
    "provider_native": _provider_native,
    "provider_customer": _provider_customer,
    "lightest_at_size": _lightest,
    "heaviest_at_size": _heaviest,
    "lightest_control_plane": _lightest_control_plane,
    "requests_fill_node": _requests_fill_node,
    "replaces_cni": lambda s, field: (
        bool(s.mesh.fit and s.mesh.fit.replaces_cni) and not field.req.cilium_cni
    ),
}
OWN_TRAITS: dict[str, OwnTrait] = {
    "paid_edition": _paid_edition,
    "cncf_graduated": _graduated,
    "open_source": lambda mesh, _: bool(mesh.fit and mesh.fit.licence == LicenceKind.open_source),
    "managed": lambda mesh, _: managed(mesh),
    "platform_bound": _platform_bound,
    "vendor_supported": lambda mesh, _: bool(mesh.fit and mesh.fit.support_from),
    "vendor_product": _vendor_product,
    "uses_envoy": lambda mesh, _: bool(mesh.fit and mesh.fit.uses_envoy),
    "sidecarless": _sidecarless,
    "without_mesh_core": _without_mesh_core,
    "billed_by_use": lambda mesh, _: bool(mesh.fit and mesh.fit.billed_by_use),
}
TRAITS = frozenset({*FIELD_TRAITS, *OWN_TRAITS})


def own_traits(kb: KnowledgeBase) -> dict[str, dict[str, bool]]:
    """Every offering's own traits, judged once per knowledge base."""
    return {
        trait: {mesh.id: judge(mesh, kb) for mesh in kb.meshes.values()}
        for trait, judge in OWN_TRAITS.items()
    }


# Feature levels, strongest first: `at_least: partial` is met by yes and partial.
LEVELS = (Level.yes, Level.partial, Level.extension, Level.enterprise, Level.no, Level.unknown)


def applies(condition: Applies, s: Screened, field: Field) -> bool:
    """Whether an offering has what a rule's reason speaks of (rules.yaml `applies_if`)."""
    if condition.trait is not None:
        return field.has(condition.trait, s) is condition.is_
    row = s.mesh.features.get(condition.feature or "")
    level = row.level if row else Level.unknown
    return (LEVELS.index(level) <= LEVELS.index(condition.at_least)) is condition.is_

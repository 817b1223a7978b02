"""What a setup requires, read from an intent's flat facts (what buttons carry)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from bot.knowledge.models import FactValue, Platform, RulesFile


class Requirements(BaseModel):
    """One setup's requirements; None where the user has not said."""

    model_config = ConfigDict(frozen=True)

    platforms: list[Platform] = Field(
        default_factory=list, description="Every platform the mesh must run on."
    )
    provider: str | None = Field(
        default=None,
        description="Vendor id of the platforms' owner (microsoft on AKS), when they share one; "
        "with no platform said, the cloud vendor they already buy from.",
    )
    managed_control_plane: bool | None = None
    own_control_plane: bool = Field(
        default=False, description="A control plane of their own: no managed offering."
    )
    support: str | None = Field(
        default=None,
        description="'none', 'any', or the vendor id support must come from "
        "('provider' is resolved to the platform's provider when it is known).",
    )
    support_preferred: str | None = Field(
        default=None,
        description="Support wished for, not required: 'any' or a vendor id ('provider' "
        "resolved as for `support`).",
    )
    licence: str | None = None
    memory_in_use: bool = Field(
        default=False,
        description="The memory a pod said is what its proxy uses now ('proxies avg 20mb'), "
        "no budget a pod can spare.",
    )
    needs: list[str] = Field(default_factory=list, description="Must-have feature ids.")
    in_full: list[str] = Field(
        default_factory=list, description="Must-haves a partial row does not meet."
    )
    released: list[str] = Field(
        default_factory=list,
        description="Must-haves asked for generally available: a row in alpha, beta or "
        "preview (its `stage`) does not meet them.",
    )
    by_name: list[str] = Field(
        default_factory=list,
        description="Must-haves said by what their name promises ('mTLS'): a partial row that "
        "`lacks` that part does not meet them.",
    )
    services: int | None = None
    pods: int | None = None
    nodes: int | None = Field(default=None, description="Nodes counted, where said.")
    clusters: int | None = None
    vms: int | None = Field(default=None, description="VMs counted, to mesh or to run on.")
    regions: int | None = None
    employees: int | None = Field(default=None, description="The company's head count.")
    team_size: str | None = None
    envoy_experience: bool | None = None
    memory_budget: str | None = None
    node_memory: int | None = Field(default=None, description="MiB of memory a node has.")
    cilium_cni: bool | None = None
    provider_cilium: bool = Field(
        default=False, description="The CNI is the provider's managed Cilium (not theirs)."
    )
    incumbent: str | None = Field(default=None, description="The mesh the team runs today.")
    leaving: str | None = Field(default=None, description="The mesh they say they move off.")
    hurt_before: str | None = Field(
        default=None, description="A mesh they ran or tried once, and it hurt them."
    )
    leaving_line: int | None = Field(
        default=None,
        description="The major line of the mesh they move off, where they name one "
        "('replacing Linkerd 1.x'): an earlier line is a product of its own.",
    )
    retired_mesh: str | None = Field(
        default=None, description="The retired mesh they move off (its successors lead)."
    )
    refused_mesh: str | None = Field(
        default=None, description="A mesh they refuse (and, for a project, its builds)."
    )
    set_aside_mesh: str | None = Field(
        default=None, description="A mesh they set aside as too much for them (that entry only)."
    )
    wanted_mesh: str | None = Field(
        default=None, description="The mesh they want (or a build offering it in full)."
    )
    liked_mesh: str | None = Field(default=None, description="A mesh their team likes.")
    cloud: str | None = Field(
        default=None, description="The provider whose cloud their VMs run in ('ec2': aws)."
    )
    vendor: str | None = Field(default=None, description="A vendor the team already pays.")
    knows_api: str | None = Field(
        default=None, description="The family of mesh configuration resources the team knows."
    )
    built_on: str | None = Field(
        default=None, description="The project (an `api_family`) the mesh must be built on."
    )
    low_overhead: bool | None = None
    no_sidecars: bool = False
    no_envoy: bool = False
    no_envoy_anywhere: bool = Field(
        default=False,
        description="Envoy refused in every part, optional ones too (ambient's waypoints).",
    )
    no_new_cni: bool = False
    no_vendor: bool = False
    no_new_vendor: bool = Field(
        default=False, description="No contract with a vendor they don't already have."
    )
    no_paid_edition: bool = Field(
        default=False, description="A vendor's paid edition is not open to them (licence, support)."
    )
    not_from: list[str] = Field(
        default_factory=list, description="Vendor ids they refuse to buy from or pay."
    )
    free_stable_releases: bool = Field(
        default=False,
        description="Stable releases wanted free: an edition paid for them is closed to them.",
    )
    needs_said: bool = Field(
        default=False,
        description="Needs were spoken of: features named (those a tool they run covers "
        "too), or a need the platform meets without a mesh (rules.yaml `without_mesh`); a "
        "tool they run, named alone, speaks of none.",
    )

    @classmethod
    def from_facts(cls, rules: RulesFile, facts: dict[str, FactValue]) -> Requirements:
        """The requirements these facts state; facts the model has no field for are skipped."""
        known = {k: v for k, v in facts.items() if k in cls.model_fields and v is not None}
        said = facts.get("platform") or []
        names = {p.value: p for p in Platform}
        platforms = [names[p] for p in (said if isinstance(said, list) else [said]) if p in names]
        cloud = known.get("cloud")
        owners = {_owner(rules, p, cloud) for p in platforms}
        provider = owners.pop() if len(owners) == 1 else None
        for wanted in ("support", "support_preferred"):
            if known.get(wanted) == "provider" and provider:
                known[wanted] = provider
            elif known.get(wanted) == "provider" and platforms:
                known[wanted] = "any"  # no one provider runs them (on-prem): a vendor's support
        clouds = {d.provider for d in rules.platforms.values() if d.provider}
        if not platforms and known.get("vendor") in clouds:  # "we're an AWS shop": on AWS
            provider = known["vendor"]
        unpaid = any(
            all(f in facts and c.holds(facts[f]) for f, c in setup.items())
            for setup in rules.no_paid_editions
        )
        # Needs spoken of: some named, or all those named met another way (a tool they run
        # covers them; `without_mesh`). An empty list alone ("none of these" to the menu of
        # advanced must-haves) names no need at all: it rules those out, not the basics.
        named = "needs" in facts and bool(facts["needs"] or facts.get("covered"))
        said = named or any(met.meets(facts) for met in rules.without_mesh)
        return cls.model_validate(
            {
                **known,
                "platforms": platforms,
                "provider": provider,
                "no_paid_edition": unpaid,
                "needs_said": said,
            }
        )

    @property
    def size(self) -> int | None:
        """Pods if known, else services (a pod a service): what per-pod costs scale with."""
        return self.pods or self.services


def _owner(rules: RulesFile, platform: Platform, cloud: FactValue | None) -> str | None:
    """Whose platform it is: its provider, or for one hosted in any cloud (VMs) the cloud's."""
    said = rules.platforms.get(platform)
    if said is None:
        return None
    if said.provider:
        return said.provider
    return cloud if isinstance(cloud, str) and cloud in said.hosted else None

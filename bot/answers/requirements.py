"""What a setup requires, read from an intent's flat facts (what buttons carry)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from bot.knowledge.models import FactValue, Platform, RulesFile


class Requirements(BaseModel):
    """One setup's requirements; None where the user has not said."""

    model_config = ConfigDict(frozen=True)

    platform: Platform | None = None
    provider: str | None = Field(
        default=None, description="Vendor id of the platform's owner (microsoft on AKS)."
    )
    managed_control_plane: bool | None = None
    support: str | None = Field(
        default=None,
        description="'none', 'any', or the vendor id support must come from "
        "('provider' is resolved to the platform's provider when it is known).",
    )
    licence: str | None = None
    needs: list[str] = Field(default_factory=list, description="Must-have feature ids.")
    services: int | None = None
    pods: int | None = None
    clusters: int | None = None
    regions: int | None = None
    team_size: str | None = None
    envoy_experience: bool | None = None
    memory_budget: str | None = None
    cilium_cni: bool | None = None
    no_sidecars: bool = False
    no_envoy: bool = False
    no_new_cni: bool = False
    no_vendor: bool = False

    @classmethod
    def from_facts(cls, rules: RulesFile, facts: dict[str, FactValue]) -> Requirements:
        """The requirements these facts state; facts the model has no field for are skipped."""
        known = {k: v for k, v in facts.items() if k in cls.model_fields and v is not None}
        platforms = {p.value: p for p in Platform}
        platform = platforms.get(str(known.pop("platform", "")))
        definition = rules.platforms.get(platform) if platform else None
        provider = definition.provider if definition else None
        if known.get("support") == "provider" and provider:
            known["support"] = provider
        return cls.model_validate({**known, "platform": platform, "provider": provider})

    @property
    def size(self) -> int | None:
        """Pods if known, else services (a pod a service): what per-pod costs scale with."""
        return self.pods or self.services

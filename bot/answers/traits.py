"""Traits of an offering that decision rules weigh (`traits:` in rules.yaml); pure functions."""

from __future__ import annotations

from collections.abc import Callable

from bot.answers.requirements import Requirements
from bot.answers.screening import Screened, managed
from bot.knowledge.models import CncfStatus, Level

Trait = Callable[[Screened, Requirements], bool]


def _provider_native(s: Screened, req: Requirements) -> bool:
    fit = s.mesh.fit
    return bool(fit and fit.provider and fit.provider == req.provider)


def _sidecarless(s: Screened, _: Requirements) -> bool:
    row = s.mesh.features.get("sidecarless")
    return bool(row and row.level == Level.yes)


TRAITS: dict[str, Trait] = {
    "cncf_graduated": lambda s, _: s.mesh.cncf == CncfStatus.graduated,
    "managed": lambda s, _: managed(s.mesh),
    "provider_native": _provider_native,
    "vendor_supported": lambda s, _: bool(s.mesh.fit and s.mesh.fit.support_from),
    "uses_envoy": lambda s, _: bool(s.mesh.fit and s.mesh.fit.uses_envoy),
    "sidecarless": _sidecarless,
    "replaces_cni": lambda s, req: (
        bool(s.mesh.fit and s.mesh.fit.replaces_cni) and not req.cilium_cni
    ),
}

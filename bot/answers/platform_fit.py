"""Where an offering runs: the platforms its fit records, Kubernetes covering the managed
flavours unless it names one it does not run on."""

from __future__ import annotations

from bot.knowledge.models import Mesh, Platform

KUBERNETES_PLATFORMS = frozenset(
    {Platform.aks, Platform.eks, Platform.gke, Platform.openshift, Platform.okd}
)


def runs_there(mesh: Mesh, platform: Platform) -> bool:
    """It runs on the platform; `kubernetes` covers AKS, EKS, GKE and OpenShift unless
    `not_on` names one. A mesh whose fit is unrecorded is not known to."""
    fit = mesh.fit
    if fit is None:
        return False
    kubernetes = (
        platform in KUBERNETES_PLATFORMS
        and Platform.kubernetes in fit.platforms
        and platform not in fit.not_on
    )
    return platform in fit.platforms or kubernetes


def running_on(meshes: list[Mesh], platforms: list[Platform]) -> list[Mesh]:
    """Those of `meshes` that run on every platform named (all of them where none is)."""
    return [m for m in meshes if all(runs_there(m, p) for p in platforms)]

"""Sizes past what one Kubernetes cluster is designed for: said so beside the totals.

Kubernetes documents its single-cluster limits (`cluster_limits` in rules.yaml: 5,000 nodes,
150,000 pods). A cost asked past them is for an estate of many clusters, where a figure
measured on a small test mesh, scaled linearly, is a floor at best: node proxies such as
ztunnel and each cluster's control plane grow with the workloads they track.
"""

from __future__ import annotations

import math

from bot.knowledge.base import KnowledgeBase


def past_one_cluster(
    kb: KnowledgeBase, pods: int, nodes: int, clusters: int
) -> tuple[str, list[str]]:
    """The caveat for a size past one cluster's limits, and its sources ('' and [] within
    them, or where the clusters said already spread it within them)."""
    limits = kb.rules.cluster_limits
    if limits is None:
        return "", []
    needed = max(math.ceil(pods / limits.pods), math.ceil(nodes / limits.nodes))
    if needed <= clusters:
        return "", []
    said = (
        f"{pods:,} pods on {nodes:,} nodes is past what one Kubernetes cluster is designed for "
        f"({limits.nodes:,} nodes, {limits.pods:,} pods), so this is an estate of at least "
        f"{needed:,} clusters. These totals scale a figure measured on a small test mesh "
        "linearly: at this size each proxy and each cluster's control plane hold state "
        "for far more workloads, so treat them as a floor, and add a control plane (and any "
        "waypoints or gateways) per cluster"
    )
    return said, list(limits.sources)

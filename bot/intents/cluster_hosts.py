"""VMs a Kubernetes cluster is said to run on (rules.yaml `cluster_hosts`).

"kubeadm on azure VMs", "EKS on EC2 nodes", "rke2 clusters running on top of our vmware vms":
the VMs are the cluster's machines. So are a cloud's VMs named right after a cluster the team
runs itself, with no link between ("self-managed k8s (GCE VMs, kubeadm)"). Their cloud is
where it runs, but they are neither a platform of their own (the platform is the Kubernetes
one named) nor VM workloads to bring into a mesh.
"""

from __future__ import annotations

from bot.intents.alternation import trie_source
from bot.intents.lazy import LazyPattern, Words
from bot.knowledge.aliases import normalise
from bot.knowledge.models import Platform, RulesFile

# Platforms that are Kubernetes clusters, whose words may put a cluster on VMs.
CLUSTER_PLATFORMS = frozenset(
    {
        Platform.kubernetes,
        Platform.aks,
        Platform.eks,
        Platform.gke,
        Platform.openshift,
        Platform.okd,
    }
)


class ClusterHosts:
    """Finds the spans naming the VMs a Kubernetes cluster runs on, in normalised text."""

    def __init__(self, rules: RulesFile) -> None:
        self._spans: LazyPattern | None = None
        said, vms = rules.cluster_hosts, rules.platforms.get(Platform.vms)
        if said is None:
            return
        clusters = [
            normalise(word)
            for platform, definition in rules.platforms.items()
            if platform in CLUSTER_PLATFORMS
            for word in (*definition.words, *definition.distinct, *definition.located)
        ]
        hosted = [w for words in vms.hosted.values() for w in words] if vms else []
        own = rules.platforms.get(Platform.kubernetes)
        run_by_them = (
            [normalise(w) for w in (*own.words, *own.distinct, *own.located)] if own else []
        )
        machines = [normalise(w) for w in (*said.machines, *hosted)]
        links = [normalise(w) for w in said.links]
        kinds = trie_source(normalise(w) for w in said.kinds)
        breaks = trie_source(normalise(w) for w in said.breaks)
        kind = rf"(?:\s+(?:{kinds})){{0,2}}" if kinds else ""
        stop = rf"(?!(?:{breaks})\b)" if breaks else ""
        self._spans = LazyPattern(
            rf"\b(?:{trie_source(clusters)}){kind}\s+(?P<hosts>(?:{trie_source(links)})"
            rf"(?:\s+{stop}\S+){{0,{said.gap}}}?\s+(?:{trie_source(machines)}))\b",
            opens=Words.of(links),
        )
        self._unlinked: LazyPattern | None = None
        clouds = [normalise(w) for w in hosted]
        if run_by_them and clouds:
            self._unlinked = LazyPattern(
                rf"\b(?:{trie_source(run_by_them)}){kind}\s+"
                rf"(?P<hosts>(?:{trie_source(clouds)}))\b",
                opens=Words.of(clouds),
            )

    def spans(self, normalised: str) -> list[tuple[int, int]]:
        """Where each link and the machines after it stand ("on azure vms" in "kubeadm on
        azure vms")."""
        if self._spans is None:
            return []
        linked = [m.span("hosts") for m in self._spans.finditer(normalised)]
        unlinked = self._unlinked.finditer(normalised) if self._unlinked else []
        return sorted({*linked, *(m.span("hosts") for m in unlinked)})

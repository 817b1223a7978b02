"""Spot checks of the knowledge base against the seeds and the research notes."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from bot.knowledge.models import Level, Metric, Status
from bot.render.plain import render_terminal


def test_proxies_and_languages(kb):
    assert kb.meshes["linkerd"].data_plane.language == "Rust"
    assert kb.meshes["istio"].data_plane.proxy.lower().startswith("envoy")


def test_outdated_seed_claims_hold_the_current_fact(kb):
    linkerd = kb.meshes["linkerd"].features
    assert linkerd["circuit_breaking"].level == Level.yes
    assert linkerd["circuit_breaking"].since == "2.13"
    assert linkerd["header_routing"].level == Level.yes
    assert linkerd["traffic_mirroring"].level == Level.no
    assert linkerd["jwt_validation"].level == Level.no
    claims = {c.feature for c in kb.meshes["linkerd"].outdated_claims}
    assert {"circuit_breaking", "header_routing"} <= claims


def test_vendor_material_is_labelled(kb):
    assert kb.sources["seed-002"].vendor_authored
    assert "linkerd" in kb.sources["seed-002"].vendor_of


def test_figures_are_kept_per_source(kb):
    istio_memory = [f for f in kb.meshes["istio"].overhead if f.metric == Metric.proxy_memory]
    assert len({tuple(f.sources) for f in istio_memory}) == len(istio_memory) > 1


def test_retired_meshes_point_to_alternatives(kb):
    for mesh_id in ("open-service-mesh", "aws-app-mesh"):
        mesh = kb.meshes[mesh_id]
        assert mesh.status not in (Status.active, Status.baseline)
        assert mesh.status_note
        assert mesh.replaced_by, mesh_id
        assert all(kb.meshes[m].is_current for m in mesh.replaced_by)


def test_at_least_25_features_spread_over_every_category(kb):
    assert len(kb.features) >= 25
    per_category = Counter(f.category.value for f in kb.features.values())
    assert min(per_category.values()) >= 2, per_category  # an area is more than one row
    assert {f.category.value for f in kb.features.values()} == {
        "security",
        "traffic",
        "resilience",
        "observability",
        "operations",
        "extensibility",
    }


def test_prose_names_features_and_meshes_not_their_ids(kb):
    """Notes and summaries are read by people: 'see Raw proxy configuration', never an id."""
    ids = [i for i in [*kb.features, *kb.meshes] if "_" in i or "-" in i]
    pattern = re.compile(r"(?<![\w./-])(" + "|".join(map(re.escape, ids)) + r")(?![\w/-])")
    leaks = [
        (mesh.id, where, found.group(1))
        for mesh in kb.meshes.values()
        for where, text in [
            ("summary", mesh.summary),
            *((f, s.note or "") for f, s in mesh.features.items()),
        ]
        if (found := pattern.search(text))
    ]
    assert leaks == []


@pytest.mark.parametrize(
    ("question", "level", "says"),
    [
        ("are the identities linkerd gives pods spiffe ids?", "partial", "DNS-form identities"),
        ("can ztunnel in ambient mode get spiffe ids from spire", "partial", "ztunnel has no"),
        ("does consul issue spiffe ids or use spire", "partial", "no SPIRE integration"),
        ("does vpc lattice hand out spiffe identities", "no", "IAM principals"),
        ("can kuma get spiffe ids from a spire agent", "yes", "Universal since 2.13"),
    ],
)
def test_a_spiffe_answer_says_which_half_the_mesh_has(engine, question, level, says):
    """SPIFFE-format IDs and SPIRE issuing them share one row: the note says which holds."""
    lead = engine.ask(question).lead
    assert f"SPIFFE / SPIRE identity: {level} (" in lead
    assert says in lead


def test_lattice_mtls_names_what_it_does_instead(engine):
    lead = engine.ask("is vpc lattice traffic encrypted end to end with mtls").lead
    assert "Mutual TLS (mTLS): no, not as its name promises: SigV4 signing" in lead
    assert "held as partial" not in lead
    assert all(word in lead for word in ("SigV4", "HTTPS listener", "TLS listener"))


@pytest.mark.parametrize(
    ("question", "row", "says"),
    [
        (
            "is ext authz with OPA available on google cloud service mesh",
            "Google Cloud Service Mesh (managed): External authorization: partial (",
            "supported by allowlist",
        ),
        (
            "does google cloud service mesh support vm workloads",
            "Google Cloud Service Mesh (managed): VMs and non-Kubernetes workloads: partial (",
            "service-routing APIs",
        ),
        (
            "does managed cloud service mesh do zone failover with localityLbSetting",
            "Google Cloud Service Mesh (managed): Locality-aware failover: yes (",
            "TRAFFIC_DIRECTOR",
        ),
        (
            "can gloo mesh bring VMs into the mesh",
            "Gloo Mesh (Solo Enterprise for Istio): VMs and non-Kubernetes workloads: yes (",
            "east-west gateway",
        ),
        (
            "can openshift service mesh run multi-cluster",
            "Red Hat OpenShift Service Mesh 3: Multi-cluster: yes (",
            "primary-remote",
        ),
    ],
)
def test_a_distribution_answers_from_its_own_row_not_istios(engine, question, row, says):
    """Where a vendor's docs differ from upstream Istio, the distribution's own row answers."""
    lead = engine.ask(question).lead
    assert row in lead
    assert says in lead


def test_istio_windows_answer_names_the_experimental_branch(engine):
    lead = engine.ask("will istio ambient run on windows worker nodes").lead
    assert "Istio ambient mode: Windows nodes: no (" in lead
    assert "experimental branch" in lead


@pytest.mark.parametrize(
    ("question", "row", "says"),
    [
        (
            "is a traefik mesh global rate limit counted across every node proxy",
            "Traefik Mesh: Global rate limiting: no (",
            "each node's proxy",
        ),
        (
            "nginx service mesh global rate limits for all pods together?",
            "NGINX Service Mesh: Global rate limiting: no (",
            "per pod",
        ),
    ],
)
def test_a_per_proxy_rate_limit_is_not_global(engine, question, row, says):
    """A limit each proxy or pod counts alone is a `no` for global rate limiting, saying why."""
    text = render_terminal(engine.ask(question))
    line = next(line for line in text.splitlines() if row in line)
    assert says in line

"""Figures set side by side are like for like: one latency percentile, one benchmark where
the knowledge base has it; offerings with no proxy in the cluster are not ranked at 0 MB;
a what-if on the provider's support waits for the platform."""

from __future__ import annotations

import re

from bot.answers.engine import AnswerEngine
from bot.render.plain import render_terminal


def lead(engine: AnswerEngine, text: str) -> str:
    return render_terminal(engine.ask(text)).split("\n")[2]


def test_latency_side_by_side_keeps_the_percentile_asked(engine: AnswerEngine):
    said = lead(engine, "how much p99 delay does ztunnel add compared with envoy sidecars?")
    assert set(re.findall(r"at (p\d\d)", said)) == {"p99"}, said


def test_latency_from_many_benchmarks_names_the_odd_ones_out(engine: AnswerEngine):
    said = lead(engine, "request latency overhead for 300 pods on 12 nodes")
    assert "measured alike by" in said and "Not comparable with those" in said, said
    alike = said.split("Not comparable")[0]
    assert "p90" not in alike.split(":", 1)[1], said


def test_lightest_does_not_rank_a_managed_data_plane_at_zero(engine: AnswerEngine):
    said = render_terminal(engine.ask("which service mesh has the smallest memory footprint"))
    first = said.split(" is the lightest")[0]
    assert "VPC Lattice" not in first, said
    assert not re.search(r"\b0 MB", said), said
    assert "billed by use" in said and "billed by use" not in said.split("\n")[2], said


def test_provider_support_what_if_waits_for_the_platform(engine: AnswerEngine):
    text = render_terminal(engine.ask("pick a mesh for 800 pods, we need wasm plugins"))
    lines = [x for x in text.splitlines() if "cloud provider →" in x or "→ From our cloud" in x]
    assert all("depends on where you run" in x for x in lines), lines
    assert not any("Gloo Mesh" in x.split("→", 1)[1].split(":")[0] for x in lines), lines


def test_a_platform_alone_gets_the_list_of_meshes_that_run_there(engine: AnswerEngine):
    answer = engine.ask("what meshes can i put on hashicorp nomad")
    said = render_terminal(answer)
    assert answer.intent.kind == "which_meshes", answer.intent
    runs = said.split("\n")[2].split(".")[0]
    assert "Consul" in runs and "Google Cloud" not in runs and "Istio" not in runs, runs


def test_scheduler_hosts_do_not_hold_another_clouds_managed_offering(engine: AnswerEngine):
    said = render_terminal(engine.ask("nomad cluster on our own hardware, need mtls, recommend"))
    kept = [x for x in said.splitlines() if ": kept" in x]
    assert not any("Google Cloud" in x or "VPC Lattice" in x for x in kept), kept


def test_control_plane_memory_counts_the_clusters_given(engine: AnswerEngine):
    said = lead(engine, "how much ram does istiod need across 4 clusters")
    assert "4 clusters" in said and "6 GB" in said, said


def test_a_node_count_alone_titles_the_cost_by_nodes(engine: AnswerEngine):
    said = render_terminal(engine.ask("ztunnel memory on 120 nodes"))
    title = said.splitlines()[0]
    assert "120 nodes" in title and "pods" not in title, title


def test_a_distribution_row_copied_from_upstream_names_upstreams_version(engine: AnswerEngine):
    said = lead(engine, "can the azure istio add-on run policies in dry run")
    assert "since Istio 1." in said and "Inherited from upstream Istio" in said, said


def test_memory_question_without_a_size_still_says_which_is_lighter(engine: AnswerEngine):
    said = lead(engine, "does sidecar istio or ambient use less ram")
    assert "takes the least proxy memory" in said, said


def test_a_borrowed_figure_is_not_named_alone_as_the_dearest(engine: AnswerEngine):
    said = lead(engine, "sidecar memory bill for 2000 pods")
    top = said.rsplit(" to ", 1)[1]
    assert "borrowed" in top and "Istio (sidecar mode)" in top, said


def test_a_provider_kubernetes_is_said_to_be_kubernetes(engine: AnswerEngine):
    said = render_terminal(
        engine.ask("self-hosted kubernetes in our datacenter, 60 services, mtls")
    )
    row = next(x for x in said.splitlines() if x.startswith("- AKS Istio"))
    assert "only on AKS" in row, row


def test_the_comparison_offered_after_a_feature_check_starts_from_the_mesh_asked(
    engine: AnswerEngine,
):
    answer = engine.ask("can kuma rate limit requests")
    offered = [c.label for c in answer.next_steps if c.label.startswith("Compare")]
    assert offered and all("Kuma" in label for label in offered), offered


def test_the_no_mesh_baseline_is_not_counted_as_a_mesh(engine: AnswerEngine, kb):
    said = lead(engine, "which meshes can do retries")
    meshes = [m for m in kb.current_meshes() if m.status == "active"]
    assert f"of {len(meshes)} current meshes" in said, said


def test_a_compare_verdict_gives_only_reasons_that_tell_the_meshes_apart(engine: AnswerEngine):
    said = render_terminal(engine.ask("cilium or ambient istio for our 30 node eks cluster"))
    setup = said.split("FOR YOUR SETUP", 1)[1].split("\n\n", 1)[0]
    assert "Graduated CNCF" not in setup, setup  # both are graduated: it decides nothing


def test_likenesses_between_meshes_leave_out_what_is_unknown_for_all(engine: AnswerEngine):
    said = render_terminal(engine.ask("how do kuma and consul differ"))
    same = (
        said.split("THE SAME IN ALL", 1)[1].split("\n\n", 1)[0] if "THE SAME IN ALL" in said else ""
    )
    assert "(unknown)" not in same, same


def test_what_ifs_do_not_trade_away_a_hard_need(engine: AnswerEngine):
    answer = engine.ask(
        "we must have FIPS validated crypto on EKS and a vendor contract, what mesh"
    )
    said = render_terminal(answer)
    kept = {
        x.split(":")[0].lstrip("- ")
        for x in said.splitlines()
        if "FIPS" in x and "unconfirmed" in x
    }
    changes = [x for x in said.splitlines() if "the pick becomes" in x]
    assert not any(name and name in x for x in changes for name in kept), (kept, changes)

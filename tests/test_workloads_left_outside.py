"""The platform's own offering ruled out only for a kind of workload it cannot take in (Windows
nodes, VMs: features with `workloads`) still meshes the rest: the answer says so, and that
those workloads stay outside the mesh, their traffic secured another way. Out for anything
else, it says only why it is out."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.render.plain import render_terminal

LEFT_OUTSIDE = "it would still mesh the rest, with Windows nodes left outside the mesh"

WINDOWS_ON_AKS = [
    "We were on the OSM add-on on AKS, which is retired now. Cluster has Linux and Windows node "
    "pools. Requirement from security: mTLS on all pod traffic incl. the Windows ones, and "
    "Microsoft support. What should we move to?",
    "AKS cluster with Linux pools AND Windows node pools (legacy ASP.NET in Windows "
    "containers). auditors want mTLS for pod-to-pod including the Windows pods. which mesh "
    "handles Windows nodes?",
    "AKS, 60 services, some on Windows node pools. We need mTLS everywhere, Windows pods "
    "included. Which mesh?",
    "we run AKS with windows nodes for .NET Framework apps and linux nodes for the rest; mtls "
    "must cover the windows containers too. recommendation?",
    "AKS, 120 services on Linux and Windows pools, mTLS for every pod including the Windows "
    "containers, Azure support preferred. which service mesh?",
]


@pytest.mark.parametrize("text", WINDOWS_ON_AKS)
def test_the_add_on_out_only_for_windows_still_meshes_the_rest(engine: AnswerEngine, text: str):
    said = " ".join(render_terminal(engine.ask(text)).split())
    assert "AKS Istio-based service mesh add-on is out: no Windows nodes" in said
    assert LEFT_OUTSIDE in said
    assert "TLS in the apps" in said


OUT_FOR_OTHER_REASONS = [
    "AKS, 80 services. No Envoy anywhere. We need mTLS. Which mesh?",
    # (with "no sidecars" instead, that rule is what gives way, and then Windows alone keeps
    # the add-on out: the note is then right)
    "AKS, 80 services. No Envoy anywhere. Windows node pools in the mesh too. Which mesh?",
]


@pytest.mark.parametrize("text", OUT_FOR_OTHER_REASONS)
def test_out_for_something_else_it_says_only_why(engine: AnswerEngine, text: str):
    said = " ".join(render_terminal(engine.ask(text)).split())
    assert "it would still mesh the rest" not in said

"""What a team needs, told as problems, stories and denials: every reason for a mesh denied or
covered leaves none ("compliance signed off plaintext", "retries are in our RPC lib"); a
functions-only estate has nowhere for a proxy; a failure named as what a wanted view should
show is no failure reported; the exit point all outbound traffic must take is an egress
gateway. Every case goes through the public path (parse, then the verdict or the answer)."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.intents.models import Aspect, IntentKind
from tests.support.verdicts import verdict

EVERY_REASON_DENIED = [
    "Trading engine, every microsecond matters: the latency budget for a request across 5 "
    "hops is 3ms. Security has signed off that plaintext inside the cluster is fine, and "
    "timeouts and retries are already handled in our in-house RPC framework. Any mesh worth "
    "it?",
    "our auditors have signed off on plaintext between pods in this private cluster, and "
    "retries/timeouts are done in our RPC library. 40 services on EKS, latency sensitive. "
    "do we need a mesh?",
    "Ad bidding, p99 budget is 1ms. Compliance has approved unencrypted in-cluster traffic "
    "and our internal RPC lib does retries and timeouts. Is a mesh worth it here?",
    "risk has signed off that in-cluster plaintext is ok; retries and timeouts are already "
    "built into our home grown RPC stack. GKE, 50 services, latency critical. mesh or not?",
    "Plaintext is acceptable inside our dedicated cluster (infosec signed off) and our rpc "
    "client handles retries and timeouts. tight latency budget, 30 services. mesh?",
]


@pytest.mark.parametrize("text", EVERY_REASON_DENIED)
def test_every_reason_denied_or_covered_leaves_no_mesh(engine: AnswerEngine, text: str):
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.recommend
    assert intent.facts.get("east_west_accepted") is True
    assert {"retries", "timeouts"} <= set(intent.facts.get("covered", []))
    assert verdict(engine, text).pick == "no-mesh"


# A denial of something else, or a requirement still standing, keeps the mesh's reasons.
STILL_A_REASON = [
    "compliance has signed off on mtls being required everywhere. retries are in our rpc "
    "lib. EKS, 60 services",
    "retries and timeouts are already handled in our in-house RPC lib, but PCI needs mTLS "
    "between every service. EKS, 80 services",
]


@pytest.mark.parametrize("text", STILL_A_REASON)
def test_a_reason_left_standing_keeps_a_mesh(engine: AnswerEngine, text: str):
    assert verdict(engine, text).pick != "no-mesh"


def test_a_latency_budget_names_no_feature(engine: AnswerEngine):
    intent = engine.parser.parse("p99 budget for a request across 4 internal hops is 2ms")
    assert intent.facts.get("low_latency") is True
    assert intent.features == []


FUNCTIONS_ONLY = [
    "100% serverless: API Gateway + ~70 Lambdas + DynamoDB + SQS. someone asked if we need a "
    "service mesh for observability/security between functions",
    "we're all Lambda functions behind API Gateway, 40 of them, talking over SQS and "
    "EventBridge. do we need a service mesh for tracing?",
    "every workload is a lambda function (about 120). a consultant says we need a mesh for "
    "security between them. thoughts?",
    "lambdas only, ~25 functions, dynamodb streams and sqs between them. should we add a "
    "mesh to get metrics?",
    "our stack is aws lambda end to end, 90 functions. is a service mesh worth it for "
    "observability?",
]


@pytest.mark.parametrize("text", FUNCTIONS_ONLY)
def test_a_functions_only_estate_needs_no_mesh(engine: AnswerEngine, text: str):
    assert engine.parser.parse(text).facts.get("platform") == ["lambda"]
    found = verdict(engine, text)
    assert found.pick == "no-mesh"
    assert "functions-only" in {r.id for r in found.fired}


def test_functions_beside_a_cluster_keep_the_mesh(engine: AnswerEngine):
    text = "EKS with 80 services plus a few lambdas; need mTLS between the services"
    found = verdict(engine, text)
    assert found.pick != "no-mesh"
    assert "functions-only" not in {r.id for r in found.fired}


VIEW_WANTED = [
    "my manager wants 'a screen she can look at' that shows which services talk to which and "
    "where the errors are. GKE Standard, ~60 services.",
    "the VP wants one page showing who talks to whom and where errors happen. EKS, 80 services",
    "we'd like a dashboard to spot which calls are failing between services. AKS, 50 services",
    "leadership is asking for a service map that highlights errors. GKE, 70 services",
    "need a map of which services call which, with the failing calls shown. 90 services on EKS",
]


@pytest.mark.parametrize("text", VIEW_WANTED)
def test_a_failure_named_as_what_a_view_shows_is_no_failure_reported(
    engine: AnswerEngine, text: str
):
    intent = engine.parser.parse(text)
    assert intent.aspect != Aspect.troubleshooting
    assert intent.kind != IntentKind.out_of_scope
    assert "dashboard" in intent.features


FAILURES_REPORTED = [
    "grafana shows 503s since the istio upgrade, what's going on?",
    "our linkerd dashboard shows errors on every call to payments. how do we fix it?",
]


@pytest.mark.parametrize("text", FAILURES_REPORTED)
def test_a_failure_a_view_shows_today_is_still_reported(engine: AnswerEngine, text: str):
    assert engine.parser.parse(text).aspect == Aspect.troubleshooting


EGRESS_POINT = [
    "after a supply-chain incident, all outbound traffic must go through a controlled egress "
    "point with a hostname allowlist. EKS, 120 services",
    "CISO wants a single exit point for everything leaving the cluster, with every call "
    "logged. GKE, 60 services",
    "outbound calls must leave by one controlled exit point. on-prem k8s, 90 services",
    "we need an egress point we control for calls to third-party APIs. AKS 70 services",
    "all internet-bound traffic through controlled egress, allowlisted hosts only. EKS, 40 "
    "services",
]


@pytest.mark.parametrize("text", EGRESS_POINT)
def test_the_point_outbound_traffic_leaves_by_is_an_egress_gateway(engine: AnswerEngine, text: str):
    assert engine.parser.parse(text).facts.get("egress_gateway") is True
    found = verdict(engine, text)
    assert "egress-gateway" in {r.id for r in found.fired}


def test_an_entry_point_is_no_egress_gateway(engine: AnswerEngine):
    text = "we want a single entry point for all inbound traffic. EKS, 40 services"
    assert engine.parser.parse(text).facts.get("egress_gateway") is None


OLDER_WINDOWS_VMS = [
    "mixed estate: EKS for new services, ~60 Windows Server 2019 VMs running .NET Framework "
    "that stay on VMs. Need mTLS + service discovery spanning both. Commercial licence is fine.",
    "40 Windows Server 2016 virtual machines plus two AKS clusters; want one mesh with mTLS "
    "across the VMs and the pods. paid is ok",
    "our .NET apps live on windows 2022 VMs (about 30), the rest is on GKE. need mtls between "
    "the two worlds, licence cost is not a problem",
    "on-prem k8s plus ~100 win2019 VMs that won't be containerised. mTLS everywhere, "
    "enterprise licence fine",
    "Windows Server 2012 R2 VMs (25 of them) must talk mTLS to services on EKS. commercial "
    "options welcome",
]


@pytest.mark.parametrize("text", OLDER_WINDOWS_VMS)
def test_windows_vms_of_an_older_release_weigh_against_linkerd(engine: AnswerEngine, text: str):
    intent = engine.parser.parse(text)
    assert intent.facts.get("windows_before_2025") is True
    assert {"windows_nodes", "vm_workloads"} <= set(intent.features)
    found = verdict(engine, text)
    assert "windows-vms-before-2025" in {r.id for r in found.fired}
    assert found.pick != "linkerd"


def test_windows_vms_of_2025_are_no_older_release(engine: AnswerEngine):
    text = "EKS plus 30 Windows Server 2025 VMs; need mTLS across both, commercial is fine"
    assert engine.parser.parse(text).facts.get("windows_before_2025") is None
    assert "windows-vms-before-2025" not in {r.id for r in verdict(engine, text).fired}


@pytest.mark.parametrize(
    "text",
    [
        "EKS plus 30 Windows Server 2025 VMs running SQL Server 2019; need mTLS across both",
        "our .NET apps ship as mcr.microsoft.com/dotnet/framework/aspnet:4.8-windowsservercore-"
        "ltsc2019 images on AKS windows node pools; we need mTLS",
    ],
)
def test_a_database_release_or_an_image_tag_is_no_old_windows_vm(engine: AnswerEngine, text):
    assert engine.parser.parse(text).facts.get("windows_before_2025") is None


@pytest.mark.parametrize(
    "text",
    [
        "EKS plus 40 Windows 10 VMs on prem running .NET; need mTLS across both",
        "we have 25 win10 boxes beside GKE that must join the mesh with mTLS",
        "EKS plus 40 Windows Server Core 2025 VMs; need mTLS across both",
    ],
)
def test_windows_releases_buoyants_support_does_not_cover_are_said(engine: AnswerEngine, text: str):
    facts = engine.parser.parse(text).facts
    assert facts.get("windows_before_2025") is True and facts.get("vms") != 2025

"""Pasted blocks (fences, `$ cmd` lines and their output, JSON, logs) are evidence, not prose:
the length limit applies to the prose, no product name is read from inside a paste, and what a
tool printed changes neither the kind asked nor the meshes asked about."""

from __future__ import annotations

import pytest

from bot.answers.engine import AnswerEngine
from bot.intents.models import IntentKind, Measure
from bot.intents.pasted import MAX_MESSAGE

PODS_ROW = "istio-ingressgateway-7d9c8f6b5-2xkqp    0/1     CrashLoopBackOff   6 (41s ago)   3d\n"
LOG_ROW = (
    "2024-11-21T10:02:11.019Z info access connection complete src.addr=10.4.1.22:51144 "
    'dst.addr=10.4.3.9:15008 dst.service="inventory.shop.svc.cluster.local" bytes_sent=412\n'
)
JSON_ROW = '    {"meshName": "payments-prod", "meshOwner": "1234xxxx", "version": 14},\n'
YAML_ROW = "  - name: istio-proxy\n    image: docker.io/istio/proxyv2:1.24.1\n"
CHECK_ROW = "√ trust anchors are within their validity period\n"


@pytest.mark.parametrize(
    ("text", "kind", "meshes"),
    [
        (
            "we run istio 1.22 on EKS, ~400 pods. gateway got OOMKilled:\n```\n"
            f"$ kubectl -n istio-system get pods\n{PODS_ROW * 30}```\n"
            "istio vs linkerd for a 3 person team?",
            IntentKind.compare,
            ["istio", "linkerd"],
        ),
        (
            "seeing these from ztunnel all day:\n```\n"
            f"{LOG_ROW * 12}```\nwhat is istio ambient mode exactly?",
            IntentKind.explain,
            ["istio-ambient"],
        ),
        (
            f'our app mesh estate:\n```json\n{{\n  "meshes": [\n{JSON_ROW * 25}  ]\n}}\n```\n'
            "ecs service connect vs vpc lattice?",
            IntentKind.compare,
            ["amazon-ecs-service-connect", "amazon-vpc-lattice"],
        ),
        (
            f"pod spec after the upgrade:\n```yaml\ninitContainers:\n{YAML_ROW * 30}```\n"
            "does linkerd support native sidecars?",
            IntentKind.feature_check,
            ["linkerd"],
        ),
        (
            f"```\n$ linkerd check --proxy\nlinkerd-identity\n----------------\n{CHECK_ROW * 30}"
            "```\ncan linkerd rotate the trust anchor without downtime?",
            IntentKind.feature_check,
            ["linkerd"],
        ),
        (  # unfenced: a prompt, then its table
            f"$ kubectl get pods -n istio-system\n{PODS_ROW * 30}kuma vs istio, which is lighter"
            " to run?",
            IntentKind.compare,
            ["kuma", "istio"],
        ),
    ],
)
def test_a_long_paste_leaves_the_question_read(engine: AnswerEngine, text, kind, meshes):
    assert len(text) > 1_000
    intent = engine.parser.parse(text)
    assert intent.kind == kind
    assert set(intent.meshes) == set(meshes)


@pytest.mark.parametrize(
    "text",
    [
        "istio vs linkerd? " * 60,  # prose alone over the limit
        "```\n" + PODS_ROW * 200 + "```\nistio vs linkerd?",  # over the whole message's cap
    ],
)
def test_too_much_prose_or_a_huge_message_is_still_too_long(engine: AnswerEngine, text):
    assert len(text) > 1_000
    assert engine.parser.parse(text).kind == IntentKind.too_long
    assert len(text) <= MAX_MESSAGE or text.count("\n") > 100


@pytest.mark.parametrize(
    ("text", "meshes"),
    [
        (
            "running cilium as CNI:\n```\n$ cilium status\n"
            "DaemonSet              cilium             Desired: 24, Ready: 24/24\n```\n"
            "cilium service mesh vs linkerd for mtls?",
            ["cilium", "linkerd"],
        ),
        (
            "```\n$ aws appmesh list-meshes\n{\n"
            f"{JSON_ROW}}}\n```\necs service connect vs vpc lattice for weighted routing?",
            ["amazon-ecs-service-connect", "amazon-vpc-lattice"],
        ),
        (
            'does ecs service connect do mTLS?\n```json\n"serviceConnectConfiguration": {\n'
            '  "enabled": true,\n  "tls": {"kmsKey": "arn:aws:kms:..."}\n}\n```',
            ["amazon-ecs-service-connect"],
        ),
        (
            "is aws app mesh end of support already? terraform says:\n```\nError: creating App "
            "Mesh Mesh (staging): AccessDeniedException: appmesh:CreateMesh\n```",
            ["aws-app-mesh"],
        ),
        (
            "kuma or linkerd for this?\n```\nNAME                 DESIRED   READY   AGE\n"
            "FooBarProxy          5         5       2y\n```",
            ["kuma", "linkerd"],
        ),
        (
            "Error: Gravitee Mesh Operator failed to reconcile\ndoes istio support external CAs?",
            ["istio"],
        ),
    ],
)
def test_no_product_name_is_read_from_inside_a_paste(engine: AnswerEngine, text, meshes):
    intent = engine.parser.parse(text)
    assert intent.unknown_names == []
    assert set(meshes) <= set(intent.meshes)


@pytest.mark.parametrize(
    "text",
    [
        "greymatter sidecars crashlooping:\n```\ngreymatter-proxy  [2024-11-19 08:14:22][critical]"
        " tls: failed to load certificate\n```\ndoes greymatter support an external CA?",
        "```\n$ kubectl get pods\nNAME   READY   AGE\nx      1/1     2d\n```\nhow does aspen mesh "
        "compare to istio?",
        "is FooMesh any good? `kubectl get pods` shows nothing odd",
    ],
)
def test_a_product_named_in_prose_beside_a_paste_is_still_read(engine: AnswerEngine, text):
    assert engine.parser.parse(text).unknown_names


@pytest.mark.parametrize(
    "text",
    [
        "istio-proxy cpu across the fleet:\n```\n$ kubectl top pod -A --containers | awk "
        "'$3==\"istio-proxy\"{sum+=$4} END{print sum}'\n38412\n```\n(millicores) for 2.5k pods."
        " is that normal istio sidecar cpu?",
        "```\nkubectl top pod --containers | awk '{print $3, $4}'\n```\nhow much cpu does the "
        "istio sidecar use at 1k rps?",
        "summed it: `awk` gives this\n```\n$ awk '{s+=$2} END {print s}' top.txt\n9100\n```\n"
        "what cpu should istio proxies take at 2k rps?",
        "$ kubectl top pod -A --containers | awk '$3~/proxy/ {print $4}'\nistio sidecar cpu per"
        " 1000 rps?",
        "```\n$ echo $((38412/1000)) cores\n38 cores\n```\nlinkerd proxy cpu at 3k rps?",
    ],
)
def test_a_shell_variable_in_a_paste_asks_no_price(engine: AnswerEngine, text):
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.cost
    assert intent.aspect is None
    assert intent.measure == Measure.cpu


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "when is AWS App Mesh end of support? terraform failed:\n```\nError: creating App Mesh"
            " Mesh (staging-mesh): AccessDeniedException: User is not authorized to perform: "
            "appmesh:CreateMesh\n```",
            IntentKind.lifecycle,
        ),
        (
            f"what is istio ambient mode? ztunnel vs waypoint? i see lines like\n```\n{LOG_ROW}"
            '2024-11-21T10:02:12.019Z info direction="outbound" authorization policy allowed\n```',
            IntentKind.explain,
        ),
        (
            "is open service mesh archived? our controller logs:\n```\n2024-11-19T08:14:22Z error "
            "rate limited: too many retries, circuit breaker open\n```",
            IntentKind.lifecycle,
        ),
        (
            "what is linkerd? found this in a namespace:\n```\n$ kubectl logs deploy/web -c "
            "linkerd-proxy\nWARN outbound: timeout after 10s; retrying\n```",
            IntentKind.explain,
        ),
        (
            "is kuma still maintained?\n```\n$ kumactl inspect dataplanes\nfailed: mTLS "
            "certificate expired, traffic permission denied\n```",
            IntentKind.lifecycle,
        ),
    ],
)
def test_what_a_tool_printed_asks_for_no_feature(engine: AnswerEngine, text, kind):
    intent = engine.parser.parse(text)
    assert intent.kind == kind
    assert intent.features == []


@pytest.mark.parametrize(
    "text",
    [
        "```\n$ linkerd check --proxy\n√ issuer cert is valid\n```\ncan linkerd take its issuer "
        "from our own CA (vault via cert-manager)?",
        "```\n$ linkerd version\nClient version: edge-24.11.8\n```\ndoes linkerd let cert-manager"
        " issue its certs?",
        "linkerd-identity check output:\n```\n‼ trust anchors are valid for at least 60 days\n```\n"
        "can linkerd use an issuer from cert-manager, and rotate anchors without downtime?",
        "```\n$ istioctl version\nclient version: 1.22.1\n```\ncan istio plug in our own CA via "
        "cert-manager?",
        "```\n$ kubectl -n kuma-system get pods\nkuma-control-plane-1   1/1   Running\n```\n"
        "does kuma support workload certs from our own CA (cert-manager)?",
    ],
)
def test_a_mesh_named_in_prose_and_shown_in_a_paste_is_the_one_asked(engine: AnswerEngine, text):
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.feature_check
    assert len(intent.meshes) == 1


@pytest.mark.parametrize(
    ("text", "kind", "meshes"),
    [
        ("does `linkerd` do retries?", IntentKind.feature_check, ["linkerd"]),
        ("`istio` vs `kuma`?", IntentKind.compare, ["istio", "kuma"]),
        ("is `osm` archived?", IntentKind.lifecycle, ["open-service-mesh"]),
        ("can `kuma` do `retryOn: 503` retries?", IntentKind.feature_check, ["kuma"]),
        ("what does gloo mesh cost, $ per cluster?", IntentKind.explain, ["gloo-mesh"]),
    ],
)
def test_inline_code_and_short_messages_keep_their_reading(
    engine: AnswerEngine, text, kind, meshes
):
    intent = engine.parser.parse(text)
    assert intent.kind == kind
    assert intent.meshes == meshes


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "lowest overhead mesh overall? cpu + mem.\n```\nnamespace      cpu_req   mem_req\n"
            "istio-system   4.2       9.1Gi\n(sidecars)     61.0      118Gi\n```",
            IntentKind.lightest,
        ),
        (
            "```\n$ kubectl top pod -n linkerd --containers\nweb-1   linkerd-proxy   9m   21Mi\n```"
            "\nwhich mesh has the smallest footprint?",
            IntentKind.lightest,
        ),
        (
            'what are "kubernetes native sidecars"? saw this after our upgrade:\n```yaml\n'
            "initContainers:\n- name: istio-proxy\n  restartPolicy: Always\n```",
            IntentKind.explain,
        ),
        (
            "what is mTLS exactly? our logs say\n```\n2024-11-19T08:14:22Z linkerd-proxy "
            "INFO inbound: tls handshake ok\n```",
            IntentKind.explain,
        ),
        (
            "which meshes support wasm plugins? context:\n```\n$ kubectl get pods -n istio-system"
            "\nNAME                READY   STATUS\nistiod-6c8b9d7f4   1/1     Running\n```",
            IntentKind.which_meshes,
        ),
    ],
)
def test_a_mesh_only_a_paste_shows_is_no_subject_of_a_general_question(
    engine: AnswerEngine, text, kind
):
    intent = engine.parser.parse(text)
    assert intent.kind == kind
    assert intent.meshes == []

"""The lead answers the question asked: a failure to diagnose (which I don't do, said first),
readiness for production, what a licence permits, a word of the field gone out of use; and an
outside topic that borrows a field word stays outside."""

from __future__ import annotations

import pytest

from bot.intents.models import Aspect, IntentKind
from bot.knowledge.models import Level

OUTSIDE = "Diagnosing a failure is outside what I cover"


@pytest.mark.parametrize(
    ("text", "kind", "meshes"),
    [
        # an error pasted after a change, with nothing asked: the mesh whose config it names
        (
            "flipped our PeerAuthentication to STRICT this morning, sidecars now log "
            "`OPENSSL_internal:CERTIFICATE_VERIFY_FAILED` on calls to payments",
            None,
            ["istio"],
        ),
        (
            "why do my istio pods fail with CERTIFICATE_VERIFY_FAILED once mtls is strict",
            None,
            ["istio"],
        ),
        (
            "calls between istio pods fail with `upstream connect error` since mtls went strict, "
            "what are we doing wrong?",
            IntentKind.feature_check,
            ["istio"],
        ),
        (
            "linkerd-proxy keeps getting OOMKilled with a 256Mi limit under ~3k rps. why?",
            IntentKind.cost,
            ["linkerd"],
        ),
        (
            "our linkerd sidecars are being OOM killed at 256Mi, how do we fix that?",
            IntentKind.cost,
            ["linkerd"],
        ),
        (
            "istio-proxy OOMKilled at 512Mi limit on our busiest service, what's causing it?",
            IntentKind.cost,
            ["istio"],
        ),
    ],
)
def test_a_failure_to_diagnose_is_said_to_be_outside_then_what_i_hold(engine, text, kind, meshes):
    intent = engine.parser.parse(text)
    assert intent.aspect == Aspect.troubleshooting
    assert intent.kind != IntentKind.recommend  # no pick was asked
    if kind:
        assert intent.kind == kind
    assert intent.meshes == meshes
    assert engine.answer(intent).lead.startswith(OUTSIDE)


@pytest.mark.parametrize(
    "text",
    [
        "getting WRONG_VERSION_NUMBER TLS errors between pods since we switched "
        "PeerAuthentication to STRICT, what gives?",
        "istio mtls strict broke calls from our legacy pods with SSL wrong version number",
        "our AuthorizationPolicy ALLOW from frontend isn't blocking anything, payments still "
        "gets calls from other namespaces",
        "this AuthorizationPolicy isn't blocking: `action: ALLOW` "
        '`from: source: namespaces: ["frontend"]` - what\'s wrong?',
        "linkerd server authorization policy not denying traffic from other namespaces, why",
        "kuma MeshTrafficPermission doesn't block calls from other services, ideas?",
    ],
)
def test_a_policy_that_does_not_bite_or_a_tls_error_is_a_failure_to_diagnose(engine, text):
    intent = engine.parser.parse(text)
    assert intent.aspect == Aspect.troubleshooting
    assert intent.kind != IntentKind.recommend  # no pick was asked
    assert engine.answer(intent).lead.startswith(OUTSIDE)


@pytest.mark.parametrize(
    "text",
    [
        "kubectl keeps failing with `error: You must be logged in to the server "
        "(Unauthorized)`, how do we fix it",
        "what annotation does ingress-nginx need to rewrite /api/foo to /foo",
        "nginx ingress rewrite target example for a path prefix",
        "how do I set up ssl-redirect annotations on ingress-nginx?",
        "how do i configure a traefik stripprefix middleware on my ingressroute?",
        "cert-manager certificate stuck in pending, how do i fix it",
    ],
)
def test_a_failure_or_setting_of_another_tool_is_outside(engine, text):
    assert engine.parser.parse(text).kind == IntentKind.out_of_scope


@pytest.mark.parametrize(
    "text",
    [
        "seeing `upstream connect error or disconnect/reset before headers` now and then. "
        "will linkerd retry those?",
        "our sidecars keep getting OOMKilled. what is ambient mode?",
        "why would ambient help? our envoy sidecars get OOMKilled every week",
    ],
)
def test_a_failure_said_beside_another_question_asks_that_question(engine, text):
    intent = engine.parser.parse(text)
    assert intent.aspect is None
    assert not engine.answer(intent).lead.startswith(OUTSIDE)


@pytest.mark.parametrize(
    "text",
    [
        "can we rely on cilium's mtls in production for PCI?",
        "cilium service mesh mtls, GA or still beta? we're in a PCI scope",
        "is cilium mutual authentication stable enough for prod",
    ],
)
def test_readiness_is_answered_first_from_the_rows_label(engine, kb, text):
    intent = engine.parser.parse(text)
    assert (intent.kind, intent.meshes, intent.aspect) == (
        IntentKind.feature_check,
        ["cilium"],
        Aspect.readiness,
    )
    assert kb.meshes["cilium"].features["mtls"].stage == "beta"
    lead = engine.answer(intent).lead
    assert lead.startswith("Not by its maintainers' own label") and "Beta" in lead


def test_readiness_without_a_label_says_none_is_held(engine, kb):
    support = kb.meshes["kuma"].features["mtls"]
    assert support.stage is None and support.level == Level.yes
    lead = engine.ask("is kuma's mtls production ready?").lead
    assert lead.startswith("I hold no Alpha or Beta label")


@pytest.mark.parametrize(
    "text",
    [
        "consul switched to the business source license, are we allowed to run it internally?",
        "is it legal to use consul under BSL for our in-house platform?",
        "Consul BUSL - ok for internal use?",
        "does the consul licence change affect us if it's only used in house",
    ],
)
def test_what_a_licence_permits_is_answered_first(engine, kb, text):
    intent = engine.parser.parse(text)
    assert (intent.kind, intent.meshes, intent.aspect) == (
        IntentKind.explain,
        ["consul"],
        Aspect.licence,
    )
    assert "licence" not in intent.facts  # a question, not a licence policy to screen by
    answer = engine.answer(intent)
    terms = kb.meshes["consul"].license_terms
    assert terms and answer.lead.endswith(terms.use) and "Internal use is allowed" in answer.lead
    assert answer.lead.startswith("Not open source: Consul is licensed BUSL-1.1")
    assert set(terms.sources) <= {s.id for s in answer.sources}


def test_a_licence_held_without_a_reading_is_not_guessed(engine):
    assert "I hold no reading" in engine.ask("kuma's license: can we use it internally?").lead


def test_a_pick_asked_over_a_licence_stays_a_pick(engine):
    intent = engine.parser.parse("consul went BSL and we can't have that. what should we move to?")
    assert intent.kind == IntentKind.recommend and intent.aspect is None


@pytest.mark.parametrize(
    "text",
    [
        "nomad and consul everywhere, 60 services on VMs, no k8s. need mtls. BSL is fine for us",
        "we run consul on GKE, legal flagged the BSL licence, 250 services, multi-cluster a must",
        "consul today on EKS; licence: BUSL is ok for internal use. 90 services, want retries",
    ],
)
def test_a_setup_stating_its_licence_stance_asks_for_a_pick(engine, text):
    intent = engine.parser.parse(text)
    assert intent.kind == IntentKind.recommend and intent.aspect is None


@pytest.mark.parametrize(
    "text",
    [
        "is SMI still relevant when picking a service mesh?",
        "does it matter if a mesh supports the service mesh interface?",
        "is smi dead?",
        "SMI compliance: should it be on our mesh checklist?",
    ],
)
def test_smi_is_explained_as_archived_with_what_replaced_it(engine, text):
    intent = engine.parser.parse(text)
    assert (intent.kind, intent.meshes, intent.parts) == (IntentKind.explain, [], ["smi"])
    answer = engine.answer(intent)
    assert "archived" in answer.lead and "Gateway API" in answer.lead
    assert "cncf-smi-archived" in {s.id for s in answer.sources}


@pytest.mark.parametrize(
    "text", ["does linkerd support smi trafficsplit?", "does kuma implement the smi spec?"]
)
def test_smi_asked_of_a_mesh_is_its_traffic_splitting(engine, text):
    intent = engine.parser.parse(text)
    assert (intent.kind, intent.features) == (IntentKind.feature_check, ["traffic_split"])


@pytest.mark.parametrize(
    ("text", "meshes"),
    [
        ("kuma or consul for multi-zone deployments?", ["kuma", "consul"]),
        ("consul vs kuma for multi-zone, which one handles it better", ["consul", "kuma"]),
        ("istio vs linkerd for multi-cluster", ["istio", "linkerd"]),
    ],
)
def test_a_comparison_for_a_feature_leads_with_each_meshs_row(engine, kb, text, meshes):
    intent = engine.parser.parse(text)
    assert (intent.kind, intent.meshes) == (IntentKind.compare, meshes)
    lead = engine.answer(intent).lead
    assert lead.startswith("On Multi-cluster: ")
    for mesh in meshes:  # each row's own words, in the order asked
        assert kb.meshes[mesh].features["multi_cluster"].note.split(".")[0] in lead


@pytest.mark.parametrize(
    "text",
    [
        "how big should istiod be for 10k pods?",
        "istiod memory for 10000 sidecars?",
        "control plane memory for istio at twenty thousand pods",
    ],
)
def test_a_control_plane_figure_is_not_scaled_past_what_it_was_measured_at(engine, text):
    lead = engine.ask(text).lead
    assert "measured at 2,000 proxies" in lead and "I don't scale it linearly" in lead
    assert "horizontally" in lead


def test_a_control_plane_figure_within_its_measured_scale_says_nothing_more(engine):
    assert "I don't scale it" not in engine.ask("istiod memory at 800 pods").lead


@pytest.mark.parametrize(
    ("text", "mesh"),
    [
        ("why not linkerd?", "linkerd"),
        ("what's wrong with kuma", "kuma"),
        ("why not just use consul?", "consul"),
    ],
)
def test_why_not_a_mesh_with_nothing_to_weigh_asks_for_what_and_lists_its_weaknesses(
    engine, kb, text, mesh
):
    intent = engine.parser.parse(text)
    assert (intent.kind, intent.meshes, intent.aspect) == (
        IntentKind.explain,
        [mesh],
        Aspect.drawbacks,
    )
    answer = engine.answer(intent)
    assert answer.lead.startswith(f"Why not {kb.meshes[mesh].name} for what?")
    shown = [p.text for p in answer.points if getattr(p, "heading", "") == "Weaknesses"]
    assert shown and all(w in shown[0] for w in kb.meshes[mesh].weaknesses)


@pytest.mark.parametrize(
    "text", ["ok and for 400 pods then?", "what about at 3000 pods", "and with kuma?"]
)
def test_a_reply_with_no_thread_says_first_it_is_read_on_its_own(engine, text):
    intent = engine.parser.parse(text)
    assert intent.no_thread
    assert engine.answer(intent).lead.startswith("I have no earlier question here")


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("ok but does it do that on openshift too", "“it” and “that” refer"),
        ("is it production ready?", "“it” refers"),
        ("does that work on eks as well?", "“that” refers"),
        ("hmm, can they run on plain VMs too?", "“they” refers"),
        ("and is this GA yet?", "“this” refers"),
    ],
)
def test_a_reply_referring_back_with_no_thread_says_so_first_and_picks_nothing(engine, text, words):
    intent = engine.parser.parse(text)
    answer = engine.answer(intent)
    assert intent.kind != IntentKind.recommend
    assert answer.lead.startswith(f"I don't know what {words} to here")


def test_a_reply_in_a_thread_says_nothing_of_the_kind(engine):
    context = engine.parser.parse("cost of istio at 200 pods")
    intent = engine.parser.parse_follow_up("and for 400 pods then?", context)
    assert intent.facts.get("pods") == 400
    assert not intent.no_thread
    context = engine.parser.parse("compare istio and linkerd")
    intent = engine.parser.parse_follow_up("ok but does it do that on openshift too", context)
    assert not intent.no_thread and intent.kind != IntentKind.help


@pytest.mark.parametrize(
    ("text", "meshes"),
    [
        ("should we go with istio or linkerd?", ["istio", "linkerd"]),
        ("kuma or consul, what would you choose?", ["kuma", "consul"]),
        ("istio or kuma for us?", ["istio", "kuma"]),
        ("linkerd or istio, which should we pick?", ["linkerd", "istio"]),
    ],
)
def test_a_pick_between_named_meshes_with_no_setup_says_what_it_depends_on(engine, text, meshes):
    intent = engine.parser.parse(text)
    assert (intent.kind, intent.meshes, intent.aspect) == (IntentKind.compare, meshes, Aspect.pick)
    lead = engine.answer(intent).lead
    assert lead.startswith("Which to use depends on your setup")
    assert all(f"{engine.kb.meshes[m].name} is best for" in lead for m in meshes)


def test_a_comparison_asking_no_pick_leads_as_before(engine):
    intent = engine.parser.parse("istio vs linkerd")
    assert intent.aspect is None
    assert not engine.answer(intent).lead.startswith("Which to use")


def test_a_reason_not_to_pick_a_mesh_lists_its_weaknesses(engine):
    intent = engine.parser.parse("any reason not to pick kuma?")
    assert (intent.kind, intent.meshes, intent.aspect) == (
        IntentKind.explain,
        ["kuma"],
        Aspect.drawbacks,
    )


@pytest.mark.parametrize(
    ("text", "regime"),
    [
        ("can we rely on cilium's mtls in production for PCI?", "PCI"),
        ("hipaa shop, 40 services on eks, need mtls. which mesh?", "HIPAA"),
    ],
)
def test_a_compliance_regime_said_gets_a_note_that_none_is_assessed(engine, text, regime):
    intent = engine.parser.parse(text)
    assert any(n.startswith(f"I hold no {regime} assessment") for n in intent.unread)


@pytest.mark.parametrize(
    "text",
    [
        "lightest mesh for eks, 40 pods, we're broke",
        "we are broke, cheapest mesh on gke",
        "im broke lol, which mesh is lightest",
        "broke startup on aks, 30 services, need mtls, what mesh",
        "we're pretty broke so the mesh has to be cheap to run, 200 pods on eks",
    ],
)
def test_broke_of_money_reports_no_failure(engine, text):
    intent = engine.parser.parse(text)
    assert intent.aspect != Aspect.troubleshooting
    assert intent.facts.get("low_cost") is True
    assert not engine.answer(intent).lead.startswith(OUTSIDE)


@pytest.mark.parametrize(
    "text",
    ["linkerd broke after the upgrade", "istio upgrade broke our ingress, what's going on?"],
)
def test_broke_of_a_mesh_is_still_a_failure(engine, text):
    assert engine.parser.parse(text).aspect == Aspect.troubleshooting

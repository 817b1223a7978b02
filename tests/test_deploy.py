"""Shipping: the image's install path, the Dockerfile lint, and the Kubernetes manifests."""

from __future__ import annotations

import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest
import yaml
from kubernetes_validate import validate
from kubernetes_validate.utils import latest_version

from bot.slack.listeners.assistant import PROMPTS

ROOT = Path(__file__).resolve().parent.parent
K8S = ROOT / "deploy" / "kubernetes"
KUSTOMIZATIONS = sorted(K8S.rglob("kustomization.yaml"))


def documents(path: Path) -> list[dict]:
    return [d for d in yaml.safe_load_all(path.read_text()) if d]


@pytest.mark.slow
def test_wheel_installs_in_a_fresh_venv_like_the_image(tmp_path):
    wheels = tmp_path / "wheels"
    subprocess.run(  # fetches the build backend: slow, so .ci/run runs it (pytest -m slow)
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels), str(ROOT)],
        check=True,
        capture_output=True,
    )
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    pip, meshbot = env_dir / "bin" / "pip", env_dir / "bin" / "meshbot"
    [wheel] = wheels.glob("*.whl")
    subprocess.run([str(pip), "install", "-q", str(wheel)], check=True, capture_output=True)
    assert (
        "serve"
        in subprocess.run(
            [str(meshbot), "--help"], check=True, capture_output=True, text=True, cwd=tmp_path
        ).stdout
    )
    check = subprocess.run(
        [str(meshbot), "kb", "check"], capture_output=True, text=True, cwd=tmp_path
    )
    assert check.returncode == 0, check.stderr
    assert check.stdout.startswith("Knowledge base OK")
    installed = subprocess.run(
        [str(pip), "list", "--format=freeze"], capture_output=True, text=True, check=True
    ).stdout.lower()
    assert "pytest" not in installed and "ruff" not in installed  # runtime dependencies only


def test_dockerfile_passes_hadolint():
    hadolint = shutil.which("hadolint") or str(Path(sys.executable).parent / "hadolint")
    result = subprocess.run([hadolint, str(ROOT / "Dockerfile")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_dockerfile_runs_as_non_root_with_healthcheck():
    text = (ROOT / "Dockerfile").read_text()
    assert "USER 10001" in text and "HEALTHCHECK" in text and "/healthz" in text
    assert text.count("FROM python:3.12.8-slim") == 2


@pytest.mark.parametrize(
    "path",
    sorted(p for p in (K8S / "base").glob("*.yaml") if p.name != "kustomization.yaml"),
    ids=lambda p: p.name,
)
def test_base_manifests_validate_against_kubernetes_schemas(path):
    for doc in documents(path):
        validate(doc, latest_version(), strict=True)


@pytest.mark.parametrize("kustomization", KUSTOMIZATIONS, ids=lambda p: p.parent.name)
def test_kustomization_names_existing_files(kustomization):
    spec = yaml.safe_load(kustomization.read_text())
    here = kustomization.parent
    for entry in spec.get("resources", []):
        assert (here / entry).exists(), entry
    for patch in spec.get("patches", []):
        assert (here / patch["path"]).is_file(), patch
    for generator in spec.get("configMapGenerator", []):
        for file in generator["files"]:
            # The override overlay reads a copy of knowledge/; it must list real knowledge files.
            assert (ROOT / file).is_file(), file


def test_knowledge_override_lists_every_shipped_file():
    spec = yaml.safe_load((K8S / "overlays/knowledge-override/kustomization.yaml").read_text())
    listed = {f for g in spec["configMapGenerator"] for f in g["files"]}
    shipped = {str(p.relative_to(ROOT)) for p in (ROOT / "knowledge").rglob("*.yaml")}
    assert listed == shipped


def test_deployment_probes_resources_and_security():
    [deployment] = documents(K8S / "base/deployment.yaml")
    pod = deployment["spec"]["template"]["spec"]
    [container] = pod["containers"]
    assert deployment["spec"]["replicas"] == 2
    assert container["readinessProbe"]["httpGet"]["path"] == "/readyz"
    assert container["livenessProbe"]["httpGet"]["path"] == "/healthz"
    assert container["securityContext"]["readOnlyRootFilesystem"] is True
    assert pod["securityContext"]["runAsNonRoot"] is True
    assert {"requests", "limits"} <= set(container["resources"])


@pytest.mark.skipif(not shutil.which("kubectl"), reason="kubectl (for kustomize) not installed")
@pytest.mark.parametrize("overlay", ["base", "overlays/socket-mode"])
def test_rendered_kustomizations_validate(overlay):
    rendered = subprocess.run(
        ["kubectl", "kustomize", str(K8S / overlay)], check=True, capture_output=True, text=True
    ).stdout
    docs = [d for d in yaml.safe_load_all(rendered) if d]
    for doc in docs:
        validate(doc, latest_version(), strict=True)
    kinds = {d["kind"] for d in docs}
    assert ("Service" in kinds) == (overlay == "base")


def test_slack_manifests_request_exactly_what_the_bot_uses():
    for name in ("manifest.yaml", "manifest.http.yaml"):
        manifest = yaml.safe_load((ROOT / "deploy/slack" / name).read_text())
        scopes = set(manifest["oauth_config"]["scopes"]["bot"])
        assert scopes == {
            "app_mentions:read",
            "assistant:write",
            "chat:write",
            "chat:write.public",
            "commands",
            "files:write",
            "im:history",
            "im:write",
            "channels:history",  # follow-ups read the thread's question back
            "groups:history",
            "mpim:history",
        }
        events = set(manifest["settings"]["event_subscriptions"]["bot_events"])
        assert events == {
            "app_home_opened",
            "app_mention",
            "assistant_thread_context_changed",
            "assistant_thread_started",
            "message.im",
        }
        prompts = [p["title"] for p in manifest["features"]["assistant_view"]["suggested_prompts"]]
        assert prompts == PROMPTS
        assert manifest["features"]["slash_commands"][0]["command"] == "/mesh"
        assert manifest["settings"]["socket_mode_enabled"] is (name == "manifest.yaml")

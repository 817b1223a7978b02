"""Keeping it fresh: stale-date warnings in `kb check`, release drift in `kb releases`."""

from __future__ import annotations

import asyncio
import datetime as dt
import socket
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import yaml

from bot.cli import main
from bot.knowledge.yaml_files import KnowledgeYamlLoader
from tests.support.github_standin import GitHubStandIn

TODAY = dt.date.today()


def read(path: Path) -> dict:
    return yaml.load(path.read_text(), Loader=KnowledgeYamlLoader)


def write(path: Path, data: dict) -> None:
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))


def set_version(kb_dir: Path, mesh_id: str, current: str, as_of: dt.date = TODAY) -> None:
    mesh = read(kb_dir / f"meshes/{mesh_id}.yaml")
    mesh["version"]["current"] = current
    mesh["version"]["as_of"] = as_of
    write(kb_dir / f"meshes/{mesh_id}.yaml", mesh)


def up_to_date(kb_dir: Path) -> Path:
    """Every recorded version set to what the recorded releases say is latest."""
    latest = {
        "istio": "1.31",
        "istio-ambient": "1.31",
        "linkerd": "2.20",
        "cilium": "1.20",
        "consul": "2.0.3",
        "kuma": "3.0.2",
    }
    for mesh_id, version in latest.items():
        set_version(kb_dir, mesh_id, version)
    return kb_dir


# --------------------------------------------------------------------------- stale dates


def test_old_version_date_of_a_live_mesh_warns_but_passes(kb_dir, capsys):
    set_version(kb_dir, "kuma", "3.0.2", as_of=TODAY - dt.timedelta(days=200))
    assert main(["kb", "check", str(kb_dir)]) == 0
    out = capsys.readouterr().out
    line = next(ln for ln in out.splitlines() if "meshes/kuma.yaml: version.as_of" in ln)
    assert line.startswith("Warning: ")
    assert "more than 6 months ago" in line and "Fix: " in line
    assert "warning(s): dates older than 6 months (not errors)" in out


def test_max_age_is_configurable(kb_dir, capsys):
    set_version(kb_dir, "kuma", "3.0.2", as_of=TODAY - dt.timedelta(days=200))
    assert main(["kb", "check", str(kb_dir), "--max-age", "1y"]) == 0
    assert "meshes/kuma.yaml: version.as_of" not in capsys.readouterr().out
    assert main(["kb", "check", str(kb_dir), "--max-age", "30d"]) == 0
    assert "meshes/kuma.yaml: version.as_of" in capsys.readouterr().out


def test_old_figure_dates_are_listed_with_their_field(kb_dir, capsys):
    mesh = read(kb_dir / "meshes/linkerd.yaml")
    mesh["overhead"][0]["as_of"] = TODAY - dt.timedelta(days=400)
    write(kb_dir / "meshes/linkerd.yaml", mesh)
    assert main(["kb", "check", str(kb_dir)]) == 0
    assert "Warning: meshes/linkerd.yaml: overhead[0].as_of: " in capsys.readouterr().out


def test_retired_meshes_and_fresh_dates_do_not_warn(kb_dir, capsys):
    set_version(kb_dir, "kuma", "3.0.2", as_of=TODAY - dt.timedelta(days=10))
    assert main(["kb", "check", str(kb_dir)]) == 0
    out = capsys.readouterr().out
    assert "meshes/kuma.yaml: version.as_of" not in out
    assert "meshes/open-service-mesh.yaml" not in out  # archived: its dates are history


def test_a_bad_max_age_is_a_clear_usage_error(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["kb", "check", "--max-age", "soon"])
    assert exited.value.code == 2
    assert "'soon' is not an age; write e.g. 6m (months), 180d, 26w or 1y" in (
        capsys.readouterr().err
    )


# --------------------------------------------------------------------------- release drift


@pytest.fixture
async def github(monkeypatch) -> AsyncIterator[GitHubStandIn]:
    standin = await GitHubStandIn().start()
    monkeypatch.setenv("MESHBOT_GITHUB_API_URL", standin.url)
    monkeypatch.delenv("GITHUB_TOKEN", raising=False)
    yield standin
    await standin.stop()


async def releases(*args: str) -> int:
    """`meshbot kb releases …` in a thread, so its event loop runs beside the stand-in's."""
    return await asyncio.to_thread(main, ["kb", "releases", *args])


def table_line(out: str, mesh_id: str) -> str:
    return next(ln for ln in out.splitlines() if ln.startswith(mesh_id + " "))


def table_row(out: str, mesh_id: str) -> list[str]:
    return table_line(out, mesh_id).split()


async def test_drift_is_a_table_and_exit_1(github, kb_dir, capsys):
    up_to_date(kb_dir)
    set_version(kb_dir, "cilium", "1.19")
    set_version(kb_dir, "kuma", "2.14.6")
    assert await releases(str(kb_dir)) == 1
    out = capsys.readouterr().out
    assert out.splitlines()[0].split() == ["mesh", "repository", "recorded", "latest", "status"]
    assert table_row(out, "cilium") == ["cilium", "cilium/cilium", "1.19", "1.20.0", "DRIFT"]
    assert table_row(out, "kuma") == ["kuma", "kumahq/kuma", "2.14.6", "3.0.2", "DRIFT"]
    # the highest published version wins over a newer patch of an older line and pre-releases
    assert table_row(out, "istio") == ["istio", "istio/istio", "1.31", "1.31.0", "current"]
    assert "2 mesh(es) behind their latest release" in out


async def test_no_drift_exits_0(github, kb_dir, capsys):
    assert await releases(str(up_to_date(kb_dir))) == 0
    out = capsys.readouterr().out
    assert table_row(out, "linkerd") == ["linkerd", "linkerd/linkerd2", "2.20", "2.20", "current"]
    assert "All 6 recorded versions match the latest releases." in out
    assert {r["path"] for r in github.requests} >= {
        "/repos/istio/istio/releases?per_page=100",
        "/repos/linkerd/linkerd2/git/matching-refs/tags/version-",
    }
    assert all("Authorization" not in r for r in github.requests)


async def test_linkerd_versions_are_read_from_its_tags_not_its_releases(github, kb_dir, capsys):
    """Linkerd publishes GitHub releases only for edge-* builds; its versions are the
    version-2.X tags, so reading releases alone would find no version at all."""
    set_version(up_to_date(kb_dir), "linkerd", "2.19")
    assert await releases(str(kb_dir)) == 1
    out = capsys.readouterr().out
    assert table_row(out, "linkerd") == ["linkerd", "linkerd/linkerd2", "2.19", "2.20", "DRIFT"]
    mesh = read(kb_dir / "meshes/linkerd.yaml")
    del mesh["releases"]["tag_prefix"]  # releases only: the edge builds never match the pattern
    write(kb_dir / "meshes/linkerd.yaml", mesh)
    assert await releases(str(kb_dir)) == 2
    assert "no release tag matches tag_pattern" in table_line(capsys.readouterr().out, "linkerd")


async def test_token_from_the_environment_is_sent(github, kb_dir, monkeypatch):
    monkeypatch.setenv("GITHUB_TOKEN", "ghp_test")
    assert await releases(str(up_to_date(kb_dir))) == 0
    assert {r.get("Authorization") for r in github.requests} == {"Bearer ghp_test"}


async def test_rate_limit_says_what_to_do(github, kb_dir, capsys):
    github.status = 403
    assert await releases(str(up_to_date(kb_dir))) == 2
    out = capsys.readouterr().out
    assert "rate-limited; set GITHUB_TOKEN and retry" in out
    assert "could not be read" in out


async def test_unreachable_api_is_said_clearly(kb_dir, monkeypatch, capsys):
    with socket.socket() as probe:  # a loopback port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setenv("MESHBOT_GITHUB_API_URL", f"http://127.0.0.1:{port}")
    assert await releases(str(kb_dir)) == 2
    err = capsys.readouterr().err
    assert f"The GitHub releases API at http://127.0.0.1:{port} is unreachable" in err
    assert "nothing was compared" in err

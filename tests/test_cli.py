"""The offline front end, run as a person would: `meshbot ask` and `meshbot chat`."""

from __future__ import annotations

import json
import subprocess
import sys

from bot.render import limits
from tests.conftest import KNOWLEDGE

MESHBOT = [sys.executable, "-m", "bot"]


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*MESHBOT, *args, "--knowledge", str(KNOWLEDGE)],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_ask_prints_a_readable_answer():
    result = run("ask", "compare istio linkerd")
    assert result.returncode == 0, result.stderr
    assert "and Linkerd compared" in result.stdout
    assert "SOURCES" in result.stdout and "Knowledge base reviewed" in result.stdout


def test_ask_json_prints_the_slack_payload():
    result = run("ask", "--json", "does linkerd support circuit breaking")
    payload = json.loads(result.stdout)
    assert set(payload) == {"text", "blocks"}
    assert limits.problems(payload) == []


def test_a_decision_record_needs_a_comparison_or_recommendation():
    written = run("ask", "--format", "adr", "compare istio linkerd")
    assert written.returncode == 0 and written.stdout.startswith("# ADR:")
    refused = run("ask", "--format", "adr", "what laptop should new SREs get")
    assert refused.returncode == 1 and refused.stdout == ""
    assert "comparison or a recommendation" in refused.stderr


def test_chat_walks_the_recommendation_by_number():
    result = run("chat", stdin="recommend\n9\n1\n1\n1\n1\n1\n1\n1\nquit\n")
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("Recommendation:") >= 3
    assert "Choose 1 to" in result.stdout  # 9 is not an option


def test_bad_knowledge_directory_is_a_clear_error(tmp_path):
    result = subprocess.run(
        [*MESHBOT, "ask", "help", "--knowledge", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "sources.yaml: file is missing" in result.stderr
    assert "Traceback" not in result.stderr


def test_ask_into_a_reader_that_stops_early_prints_no_traceback():
    proc = subprocess.Popen(
        [*MESHBOT, "ask", "compare istio linkerd", "--knowledge", str(KNOWLEDGE)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    proc.stdout.close()  # like `| head -1` exiting before the answer is written
    stderr = proc.stderr.read()
    proc.wait(timeout=60)
    assert "Traceback" not in stderr and "BrokenPipeError" not in stderr, stderr


RECOMMEND = "EKS, 30 services, 3 platform engineers, need mTLS and retries. which mesh?"


def test_ask_shows_the_first_view_and_names_the_sections_left_out():
    first = run("ask", RECOMMEND)
    assert first.returncode == 0, first.stderr
    assert "MORE: Ruled out" in first.stdout and "(add --full for them)" in first.stdout
    assert "── Ruled out ──" not in first.stdout
    full = run("ask", "--full", RECOMMEND)
    assert "── Ruled out ──" in full.stdout and "MORE:" not in full.stdout
    assert len(full.stdout) > len(first.stdout)


def test_ask_lists_only_the_sources_the_first_view_cites():
    first = run("ask", RECOMMEND).stdout
    full = run("ask", "--full", RECOMMEND).stdout
    listed = [line for line in first.split("SOURCES\n")[1].splitlines() if line.startswith("[")]
    every = [line for line in full.split("SOURCES\n")[1].splitlines() if line.startswith("[")]
    assert listed and set(listed) < set(every)
    cited = {f"[{n}]" for line in listed for n in [line[1 : line.index("]")]]}
    body = first.split("SOURCES\n")[0]
    assert all(mark in body for mark in cited)


def test_chat_more_shows_the_answer_before_in_full():
    result = run("chat", stdin=f"{RECOMMEND}\nmore\nquit\n")
    assert result.returncode == 0, result.stderr
    first, _, rest = result.stdout.partition("── Ruled out ──")
    assert "type 'more' for them" in first and rest

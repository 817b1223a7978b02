"""Mesh Advisor against its baselines, side by side in one run (loopback only).

    python benchmarks/perf.py [--postgres URL]   # everything, about four minutes
    python benchmarks/perf.py --quick            # shorter runs, for a smoke check

1. serving (serving.py): the answer a user waits for (ack + response_url post) and the
   ack alone, p50/p99, answers/s, RSS and start-up, meshbot serve with the store on as
   by default against a bare Bolt app that answers the same way; the store's cost
   (SQLite, and PostgreSQL with --postgres or MESHBOT_TEST_DATABASE_URL) against it off
2. the one-shot CLI (cli.py): `meshbot ask` against importing pydantic, yaml, rapidfuzz
3. answer engine in process: p50/p99 per intent (parse + answer + render)
4. knowledge base scale: load (validating, and from the snapshot) and answer time at
   1x, 10x and 50x (meshes x features)

Every figure that is judged is a ratio against a baseline measured in the same run.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import random
import shutil
import statistics
import string
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.cli import cli_bench, compile_byte_code, print_cli  # noqa: E402
from benchmarks.load import percentile  # noqa: E402
from benchmarks.serving import print_serving, serving_bench  # noqa: E402
from bot.answers.engine import AnswerEngine  # noqa: E402
from bot.knowledge.loader import load_knowledge  # noqa: E402
from bot.knowledge.yaml_files import KnowledgeYamlLoader  # noqa: E402
from bot.render.blocks import build_message  # noqa: E402
from bot.render.button_values import View  # noqa: E402
from bot.slack.replies import MessageCache  # noqa: E402

KNOWLEDGE = ROOT / "knowledge"
TEMPLATES = {
    "compare": [
        "compare {m} {m2}",
        "{m} vs {m2}",
        "{m} or {m2} for {n} services?",
        "{m} vs {m2} vs {m3}",
    ],
    "feature_check": ["does {m} support {f}", "does {m} do {f}?", "can {m} handle {f}"],
    "cost": [
        "cost {n} pods",
        "what does a sidecar cost us at {n} pods with {m}",
        "memory overhead of {m} at {n} pods on {k} nodes",
    ],
    "recommend": [
        "recommend for {n} services",
        "{n} services, small team, recommend",
        "we have {n} services and only need mTLS, do we need a mesh?",
        "recommend: {n} services, {k} platform teams, multi-cluster, need {f}",
    ],
    "explain": ["what is {m}", "explain {m}", "tell me about {m}"],
    "unknown": ["{w}", "{w} {w2}", "<!channel> {w}"],
}


def varied_questions(kb, per_intent: int, seed: int = 7) -> dict[str, list[str]]:
    """Thousands of different questions: every mesh and feature alias, many numbers, noise."""
    rng = random.Random(seed)
    meshes = [a for m in kb.current_meshes() for a in (m.name.lower(), *m.aliases)]
    features = [a for f in kb.features.values() for a in f.aliases]
    out = {}
    for intent, templates in TEMPLATES.items():
        questions = []
        for _ in range(per_intent):
            m, m2, m3 = rng.sample(meshes, 3)
            questions.append(
                rng.choice(templates).format(
                    m=m,
                    m2=m2,
                    m3=m3,
                    f=rng.choice(features),
                    n=rng.randint(5, 5000),
                    k=rng.randint(2, 9),
                    w=_random_name(rng)[: rng.randint(4, 12)],
                    w2=_random_name(rng),
                )
            )
        out[intent] = questions
    return out


def timed_ms(fn, *args) -> float:
    started = time.perf_counter()
    fn(*args)
    return (time.perf_counter() - started) * 1000


def engine_bench(engine: AnswerEngine, per_intent: int) -> dict[str, dict[str, float]]:
    """p50/p99 per intent of parse + answer + render, as served (memoised) and cold."""
    questions = varied_questions(engine.kb, per_intent)
    for texts in varied_questions(engine.kb, per_intent // 4, seed=1).values():
        for text in texts:  # warm-up on other questions: imports, schema and block caches
            build_message(engine.ask(text))
    unseen = varied_questions(engine.kb, per_intent, seed=2)
    served = MessageCache(engine)
    out = {}
    for intent, texts in questions.items():
        warm = [
            timed_ms(lambda t: served.message(engine.parser.parse(t), View(), False), t)
            for t in texts
        ]
        cold = [timed_ms(lambda t: build_message(engine.ask(t)), t) for t in unseen[intent]]
        out[intent] = {
            "p50_ms": statistics.median(warm),
            "p99_ms": percentile(warm, 99),
            "cold_p50_ms": statistics.median(cold),
            "cold_p99_ms": percentile(cold, 99),
        }
    return out


def _read(path: Path) -> dict:
    return yaml.load(path.read_text(), Loader=KnowledgeYamlLoader)


def _random_name(rng: random.Random) -> str:
    """A made-up 12-letter word: far from every real alias and from each other."""
    return "".join(rng.choice(string.ascii_lowercase) for _ in range(12))


def synthetic_knowledge(factor_meshes: int, factor_features: int, target: Path) -> Path:
    """A copy of the knowledge base with meshes and features multiplied.

    Copies reuse the real entries' data under made-up, unconfusable names, so the
    result passes every check the shipped knowledge base passes.
    """
    rng = random.Random(factor_meshes * 100 + factor_features)
    shutil.copytree(KNOWLEDGE, target, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    features_file = target / "features.yaml"
    features_data = _read(features_file)
    features = features_data["features"]
    copies = []
    for _ in range(1, factor_features):
        for feature in features[: len(features)]:
            name = _random_name(rng)
            copies.append((feature["id"], name))
    features += [
        dict(next(f for f in features if f["id"] == original), id=name, name=name, aliases=[name])
        for original, name in copies
    ]
    features_file.write_text(
        yaml.safe_dump({**features_data, "features": features}, sort_keys=False)
    )
    mesh_files = sorted((target / "meshes").glob("*.yaml"))
    for path in mesh_files:
        mesh = _read(path)
        rows = mesh.setdefault("features", {})  # a distribution gives only what differs
        for original, name in copies:
            if original in rows:
                rows[name] = rows[original]
        path.write_text(yaml.safe_dump(mesh, sort_keys=False))
    for _ in range(1, factor_meshes):
        for path in mesh_files:
            mesh = _read(path)
            name = _random_name(rng)
            mesh.update(
                id=name,
                name=name,
                aliases=[name],
                replaced_by=[],
                successors_named=[],
                former_names=[],
                parts=[],
            )
            (target / "meshes" / f"{name}.yaml").write_text(yaml.safe_dump(mesh, sort_keys=False))
    return target


def scale_bench(per_intent: int) -> list[dict[str, float]]:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for label, meshes, features in (("1x", 1, 1), ("10x", 5, 2), ("50x", 10, 5)):
            directory = (
                KNOWLEDGE
                if label == "1x"
                else synthetic_knowledge(meshes, features, Path(tmp) / label)
            )
            started = time.perf_counter()
            kb = load_knowledge(directory, snapshot=False)
            load_ms = (time.perf_counter() - started) * 1000
            load_knowledge(directory)  # writes the snapshot, as kb compile does
            started = time.perf_counter()
            kb = load_knowledge(directory)
            snapshot_ms = (time.perf_counter() - started) * 1000
            engine = AnswerEngine(kb)
            gc.collect()
            gc.freeze()  # as meshbot serve does after loading
            times = engine_bench(engine, per_intent)
            rows.append(
                {
                    "size": label,
                    "meshes": len(kb.meshes),
                    "features": len(kb.features),
                    "load_ms": load_ms,
                    "snapshot_ms": snapshot_ms,
                    "answer_p50_ms": statistics.median(t["cold_p50_ms"] for t in times.values()),
                    "answer_p99_ms": max(t["cold_p99_ms"] for t in times.values()),
                }
            )
    return rows


async def main_async(quick: bool, postgres: str | None) -> dict:
    seconds, per_intent, starts, runs = (3, 200, 3, 5) if quick else (15, 600, 7, 15)
    compile_byte_code()
    report = {"serving": await serving_bench(seconds, starts, postgres)}
    report["cli"] = cli_bench(runs)
    kb = load_knowledge(KNOWLEDGE)
    engine = AnswerEngine(kb)
    gc.collect()
    gc.freeze()  # as meshbot serve does after start-up
    report["engine"] = engine_bench(engine, per_intent)
    report["scale"] = scale_bench(per_intent // 4)
    return report


def print_report(report: dict) -> None:
    print_serving(report["serving"])
    print()
    print_cli(report["cli"])
    print("\nAnswer engine (parse + answer + render), ms: as served (memoised) | cold")
    for intent, t in report["engine"].items():
        print(
            f"  {intent:<14} p50 {t['p50_ms']:.3f}  p99 {t['p99_ms']:.3f}  |  "
            f"p50 {t['cold_p50_ms']:.3f}  p99 {t['cold_p99_ms']:.3f}"
        )
    print("\nKnowledge base scale (cold answers, no memo)")
    for row in report["scale"]:
        print(
            f"  {row['size']:<4} {row['meshes']:>4} meshes {row['features']:>4} features  "
            f"load + validate {row['load_ms']:.0f} ms  from snapshot {row['snapshot_ms']:.0f} ms  "
            f"answer p50 {row['answer_p50_ms']:.3f} ms  "
            f"p99 {row['answer_p99_ms']:.3f} ms"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--postgres",
        default=os.environ.get("MESHBOT_TEST_DATABASE_URL"),
        metavar="URL",
        help="also measure the store on this PostgreSQL server (a database of its own)",
    )
    args = parser.parse_args()
    report = asyncio.run(main_async(args.quick, args.postgres))
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print_report(report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

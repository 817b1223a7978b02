"""Load a knowledge directory, validate it completely, and build a KnowledgeBase.

Every problem is collected before failing, so one run of `meshbot kb check`
shows all of them. The bot's start-up uses the same function, from the compiled
snapshot while the YAML has not changed (snapshot.py).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import FeaturesFile, Mesh, RulesFile, SourcesFile, Strict
from bot.knowledge.problems import KnowledgeError, Problem, format_loc
from bot.knowledge.snapshot import fingerprint, read_snapshot, write_snapshot

M = TypeVar("M", bound=BaseModel)


class Meta(Strict):
    """knowledge/meta.yaml: when the knowledge base as a whole was last reviewed."""

    as_of: dt.date
    maintainers: str = ""


def default_knowledge_dir() -> Path:
    """The knowledge base shipped with the package."""
    import mesh_knowledge

    return Path(mesh_knowledge.__file__).parent


def _validate(model: type[M], data: object, display: str, problems: list[Problem]) -> M | None:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors():
            problems.append(
                Problem(
                    file=display,
                    path=format_loc(err["loc"]) or "(top level)",
                    message=err["msg"],
                    fix=_fix_for(err["type"]),
                )
            )
        return None


def _fix_for(error_type: str) -> str:
    return {
        "extra_forbidden": "remove the key or correct its spelling",
        "missing": "add the required key",
        "enum": "use one of the allowed values",
        "date_from_datetime_parsing": "write the date as YYYY-MM-DD",
        "date_parsing": "write the date as YYYY-MM-DD",
        "url_parsing": "write a full URL such as https://example.org/page",
        "url_scheme": "write a full URL such as https://example.org/page",
        "string_pattern_mismatch": "match the pattern shown (ids: lower-case letters, digits, "
        "'-' and '_'; release lines: major.minor such as 1.29)",
        "too_short": "add at least one item",
    }.get(error_type, "correct the value to match the schema in bot/knowledge/models.py")


def _load_file(root: Path, name: str, model: type[M], problems: list[Problem]) -> M | None:
    from bot.knowledge.yaml_files import read_yaml

    path = root / name
    if not path.is_file():
        problems.append(
            Problem(
                file=name, message="file is missing", fix=f"create {name} (see docs/knowledge.md)"
            )
        )
        return None
    data, problem = read_yaml(path, name)
    if problem:
        problems.append(problem)
        return None
    return _validate(model, data, name, problems)


def knowledge_files(paths: Iterable[Path]) -> list[Path]:
    """YAML files, without hidden ones (editor lock files such as `.#linkerd.yaml`)."""
    return sorted(p for p in paths if not p.name.startswith("."))


def _digest(root: Path) -> str:
    h = hashlib.sha256()
    for path in knowledge_files(root.rglob("*.yaml")):
        h.update(path.relative_to(root).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:12]


def load_knowledge(
    root: Path | None = None, today: dt.date | None = None, *, snapshot: bool = True
) -> KnowledgeBase:
    """Load `root`; raise KnowledgeError listing every problem.

    With `snapshot`, a snapshot made from exactly this YAML is used as is, and a
    validation of changed YAML refreshes it (see snapshot.py). Without, the YAML is
    always validated (`kb check`).
    """
    root = root or default_knowledge_dir()
    if not root.is_dir():
        raise KnowledgeError(
            [
                Problem(
                    file=str(root),
                    message="is not a directory",
                    fix="point at a knowledge directory (see docs/knowledge.md)",
                )
            ]
        )
    if not snapshot:
        return validate_directory(root, today or dt.date.today())
    key = fingerprint(root)
    kb = read_snapshot(root, key)
    if kb is None:
        kb = validate_directory(root, today or dt.date.today())
        write_snapshot(kb, root, key)
    return kb


def validate_directory(root: Path, today: dt.date) -> KnowledgeBase:
    """Parse and validate every file under `root` with every check."""
    # Imported here: a process serving from the snapshot never needs them.
    from bot.knowledge.checks import LoadedFiles, cross_check
    from bot.knowledge.inheritance import RawMesh, resolve_distributions
    from bot.knowledge.provider_names import provider_named
    from bot.knowledge.yaml_files import read_yaml

    problems: list[Problem] = []
    meta = _load_file(root, "meta.yaml", Meta, problems)
    sources = _load_file(root, "sources.yaml", SourcesFile, problems)
    features = _load_file(root, "features.yaml", FeaturesFile, problems)
    rules = _load_file(root, "rules.yaml", RulesFile, problems)

    meshes: dict[str, Mesh] = {}
    mesh_files: dict[str, str] = {}
    mesh_paths = knowledge_files((root / "meshes").glob("*.yaml"))
    if not mesh_paths:
        problems.append(
            Problem(
                file="meshes/", message="holds no mesh files", fix="add one <mesh-id>.yaml per mesh"
            )
        )
    raw: list[RawMesh] = []
    for path in mesh_paths:
        display = f"meshes/{path.name}"
        data, problem = read_yaml(path, display)
        if problem:
            problems.append(problem)
        else:
            raw.append(RawMesh(display, data))
    resolved, inheritance_problems = resolve_distributions(raw)
    problems.extend(inheritance_problems)
    for entry in resolved:
        display = entry.file
        mesh = _validate(Mesh, entry.data, display, problems)
        if mesh is None:
            continue
        stem = display.removeprefix("meshes/").removesuffix(".yaml")
        if mesh.id != stem:
            problems.append(
                Problem(
                    file=display,
                    path="id",
                    message=f"id '{mesh.id}' differs from the file name",
                    fix=f"rename the file to {mesh.id}.yaml or set id: {stem}",
                )
            )
        if mesh.id in meshes:
            problems.append(
                Problem(
                    file=display,
                    path="id",
                    message=f"duplicate mesh id '{mesh.id}' (also in {mesh_files[mesh.id]})",
                    fix="give each mesh a unique id",
                )
            )
            continue
        meshes[mesh.id] = mesh
        mesh_files[mesh.id] = display

    if rules:  # "gke managed istio": a provider's distribution named by provider and project
        meshes = provider_named(rules, meshes)
    loaded = LoadedFiles(
        meta_as_of=meta.as_of if meta else None,
        sources=sources,
        features=features,
        rules=rules,
        meshes=meshes,
        mesh_files=mesh_files,
    )
    problems.extend(cross_check(loaded, today))
    if problems or not (meta and sources and features and rules):
        raise KnowledgeError(problems)
    return KnowledgeBase(
        as_of=meta.as_of,
        meshes=meshes,
        features={f.id: f for f in features.features},
        service_mesh=features.service_mesh,
        sources={s.id: s for s in sources.sources},
        rules=rules,
        version=_digest(root),
    )

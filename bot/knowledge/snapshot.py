"""A pre-validated, content-hashed snapshot of a knowledge directory.

`meshbot kb compile` (run in the Docker build) writes it next to the YAML; the
loader uses it only while its fingerprint matches the YAML and the code that
validates it, so it is derived data that can never drift from its source. The
models defer building their validators (`defer_build=True`), and unpickling sets
their fields without validating, so a serving process whose knowledge has not
changed never builds them.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path

from bot.knowledge.base import KnowledgeBase

SNAPSHOT_NAME = ".snapshot.pickle"
_FORMAT = b"meshbot-knowledge-snapshot/1"
_CODE = (
    "models.py",
    "inheritance.py",
    "checks.py",
    "loader.py",
    "base.py",
    "aliases.py",
    "provider_names.py",
)


def fingerprint(root: Path) -> str:
    """The hash of every YAML file under `root` and of the code that validates them."""
    h = hashlib.sha256(_FORMAT)
    for path in sorted(root.rglob("*.yaml")):
        if path.name.startswith("."):  # hidden: editor lock files, as the loader skips them
            continue
        h.update(path.relative_to(root).as_posix().encode() + b"\0")
        h.update(path.read_bytes() + b"\0")
    here = Path(__file__).parent
    for name in _CODE:
        h.update((here / name).read_bytes())
    return h.hexdigest()


def snapshot_path(root: Path) -> Path:
    return root / SNAPSHOT_NAME


def read_snapshot(root: Path, expected: str) -> KnowledgeBase | None:
    """The snapshot's knowledge base if it was made from exactly this YAML, else None."""
    try:
        with snapshot_path(root).open("rb") as file:
            if file.readline().strip() != expected.encode():
                return None
            kb = pickle.load(file)  # trusted: written by kb compile from validated YAML
    except Exception:  # any unreadable snapshot only means validating the YAML instead
        return None
    return kb if isinstance(kb, KnowledgeBase) else None


def write_snapshot(kb: KnowledgeBase, root: Path, key: str) -> Path | None:
    """Write atomically; None when the directory is read-only (serving then validates)."""
    target = snapshot_path(root)
    try:
        fd, tmp = tempfile.mkstemp(dir=root, prefix=SNAPSHOT_NAME, suffix=".tmp")
    except OSError:
        return None
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(key.encode() + b"\n")
            pickle.dump(kb, file, protocol=pickle.HIGHEST_PROTOCOL)
        os.chmod(tmp, 0o644)  # built as root in the image, read by the service user
        os.replace(tmp, target)
    except OSError:
        Path(tmp).unlink(missing_ok=True)
        return None
    return target

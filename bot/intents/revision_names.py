"""Revision names that say a mesh and its release: "asm-1-24" is the AKS Istio add-on's
revision of Istio 1.24 (its `project.revision_prefix`), not Anthos Service Mesh ("ASM").

Such a name is read as the mesh's name and the release ("… revision 1.24"), so "AKS istio
add-on revision asm-1-24 - is that still supported?" asks that release's support status.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.knowledge.models import Mesh


class RevisionNames:
    """Rewrites revision names as their mesh and release (patterns built once)."""

    def __init__(self, meshes: Iterable[Mesh]) -> None:
        self._named = [
            (re.compile(rf"(?<![\w-]){re.escape(prefix)}-(\d+)-(\d+)(?![\w-])", re.I), said)
            for mesh in meshes
            if mesh.project and (prefix := mesh.project.revision_prefix)
            for said in mesh.aliases[:1]
        ]

    def rewrite(self, text: str) -> str:
        """The text with each revision name said as its mesh (by its first alias) and release."""
        for pattern, name in self._named:
            text = pattern.sub(lambda m, n=name: f"{n} revision {m[1]}.{m[2]}", text)
        return text

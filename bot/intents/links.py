"""Slack links read as their labels, a mesh in a label being where they read something.

"linkerd quantum-safe key exchange? security team saw the <https://istio.io/…|istio ml-kem
post>": the label says what they read (Istio's post); the words outside the links ask about
Linkerd. When those words name a mesh, the meshes named in labels are left out of them, and
the rest of each label (what the post is about) is kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.knowledge.aliases import normalise

LINKS = re.compile(r"<(?:https?|mailto):[^|>]*(?:\|([^>]*))?>")  # <https://…|label>

# The words' flags, one each: whether it is part of a mesh's name.
MeshWords = Callable[[list[str]], list[bool]]


def as_labels(text: str, mesh_words: MeshWords) -> str:
    """The text with each link replaced by its label, less the meshes it names when the
    words outside the links name one."""
    if not LINKS.search(text):
        return text
    outside = normalise(LINKS.sub(" ", text)).split()
    aside = any(mesh_words(outside))

    def label(link: re.Match[str]) -> str:
        said = link.group(1) or ""
        if aside:
            words = normalise(said).split()
            said = " ".join(
                w for w, named in zip(words, mesh_words(words), strict=True) if not named
            )
        return f" {said} "

    return LINKS.sub(label, text)

"""The release a question names right after a mesh: "is istio 1.20 still supported?" asks
about Istio 1.20, "when does istio version 1.29.3 go eol" about 1.29.3.

The words that may stand between the name and the number ("version", "release", "v") are
rules.yaml `phrases: release_words`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

NUMBER = r"v?(\d+\.\d+(?:\.\d+)?)(?![\d.]*\d)"


def version_after(text: str, names: Iterable[str], words: Iterable[str]) -> str | None:
    """The first version number said right after one of the names, in the text as written."""
    return _said_after(text, names, words, r"[\s.:-]*", NUMBER)


# a dash only as punctuation, spaced: "ossm 2 - still supported?", not "istio 2-cluster"
# "ossm 2.x on openshift": a line written with its ".x" is one, whatever follows
MAJOR = r"v?(\d+)(?:\.x(?![\w.])|(?=\s*(?:$|[?!.,;:]|\s[-—]\s|still\b|eol\b|supported\b)))"


def major_after(text: str, names: Iterable[str], words: Iterable[str]) -> str | None:
    """A major line alone said right after one of the names, and nothing counted by it ("is
    OpenShift Service Mesh 2 still supported?", "ossm 2.x eol?"; not "istio 2 clusters")."""
    return _said_after(text, names, words, r"[\s.:]*", MAJOR)


def _said_after(
    text: str, names: Iterable[str], words: Iterable[str], gap: str, number: str
) -> str | None:
    """`number`'s first group, said right after one of the names (longest first), with at
    most one of `words` ("version", "release") and `gap` between."""
    spelled = sorted({n.lower() for n in names if n.strip()}, key=len, reverse=True)
    if not spelled:
        return None
    name = "|".join(r"[\s-]+".join(map(re.escape, n.split())) for n in spelled)
    between = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    word = rf"(?:(?:{between}){gap})?" if between else ""
    match = re.search(rf"(?<![\w-])(?:{name})[\s:,(\[-]+{word}{number}", text.lower())
    return match.group(1) if match else None


def major_said(text: str, names: Iterable[str], words: Iterable[str]) -> int | None:
    """The major version of a release or line said right after one of the names: "Linkerd
    1.x", "linkerd 1.7.5", "OSSM 2.6" (None if none is)."""
    said = version_after(text, names, words) or major_after(text, names, words)
    return int(said.split(".")[0]) if said else None

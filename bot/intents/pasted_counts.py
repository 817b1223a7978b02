"""A count read from pasted output of a command that counts lines ("kubectl get pods -A | wc -l"
and "812" under it): `wc -l` counts every line, kubectl's NAME header among them unless
`--no-headers` or names alone (`-o name`) were asked, and with every namespace listed (`-A`)
it counts system pods that get no proxy too. The header line is taken off the count, and a
note says what was read and that the count is an upper bound (rules.yaml `count_commands`,
`count_lines`, `count_headerless`, `count_every_namespace`).
"""

from __future__ import annotations

import re

from bot.knowledge.models import FactValue, RulesFile

PODS = "pods"
_NUMBER = r"(?P<num>\d[\d,]*)"


def _either(phrases: list[str]) -> str:
    said = sorted({p.lower() for p in phrases if p}, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in said)


class PastedCounts:
    """Reads the pod count of a pasted line-counting command (patterns built once)."""

    def __init__(self, rules: RulesFile) -> None:
        phrases = rules.phrases
        lists, lines = (
            _either(phrases.get("count_commands", [])),
            _either(phrases.get("count_lines", [])),
        )
        self._counted = (
            re.compile(
                rf"(?:{lists})\s+(?P<args>[^|\n]*)\|\s*(?:{lines})\b[^\n\d]*?\n?[^\n\d]*?{_NUMBER}"
            )
            if lists and lines
            else None
        )
        headerless = _either(phrases.get("count_headerless", []))
        everywhere = _either(phrases.get("count_every_namespace", []))
        # "-o jsonpath='{…}'": the flag's value may follow it
        self._headerless = re.compile(rf"(?<!\S)(?:{headerless})(?![\w-])") if headerless else None
        self._everywhere = re.compile(rf"(?<!\S)(?:{everywhere})(?!\S)") if everywhere else None

    def read(self, text: str, facts: dict[str, FactValue]) -> list[str]:
        """Takes the header line off a pod count read from pasted `wc -l` output (in
        `facts`), and says so; the notes for the answer."""
        if self._counted is None or not isinstance(facts.get(PODS), int):
            return []
        for match in self._counted.finditer(text.lower()):
            args = f" {match['args']} "
            said = int(match["num"].replace(",", ""))
            if not re.search(r"\bpods?\b|\bpo\b", args) or said != facts[PODS]:
                continue
            header = not (self._headerless and self._headerless.search(args))
            pods = said - 1 if header and said > 1 else said
            facts[PODS] = pods
            read = (
                f"Read {said:,} from your pasted `wc -l`, which counts kubectl's header line: "
                f"{pods:,} pods"
                if header
                else f"Read {pods:,} pods from your pasted `wc -l`"
            )
            every = self._everywhere and self._everywhere.search(args)
            scope = "every namespace's" if every else "its namespace's"
            return [f"{read}. It counts {scope} system pods, which get no proxy: an upper bound."]
        return []

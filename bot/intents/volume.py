"""Traffic said as data a month ("2 TB a month", "500GB/month"): what a service billed per GB
processed charges for (fact `data_gb_month`, in GB; a TB is 1,024 GB). The words that say
"a month" are rules.yaml `phrases: per_month`."""

from __future__ import annotations

import re

from bot.intents.lazy import LazyPattern
from bot.knowledge.models import FactValue, RulesFile

FACT = "data_gb_month"
_SCALE = {"gb": 1, "gib": 1, "tb": 1_024, "tib": 1_024, "pb": 1_024 * 1_024}


class VolumeReader:
    """Reads a monthly data volume (patterns built once)."""

    def __init__(self, rules: RulesFile) -> None:
        months = sorted(rules.phrases.get("per_month", []), key=len, reverse=True)
        said = "|".join(re.escape(m).replace(r"\ ", r"\s*") for m in months)
        units = "|".join(_SCALE)
        self._volume = LazyPattern(
            rf"(?<![\w.])(?P<num>\d+(?:[.,]\d+)?)\s*(?P<unit>{units})\b\s*(?:{said or '(?!)'})",
            re.IGNORECASE,
        )

    def read(self, text: str) -> dict[str, FactValue]:
        """The GB a month said, if any: {"data_gb_month": 2048} for "2 TB a month"."""
        found = self._volume.search(text)
        if not found:
            return {}
        gb = float(found["num"].replace(",", ".")) * _SCALE[found["unit"].lower()]
        return {FACT: round(gb)} if gb >= 1 else {}

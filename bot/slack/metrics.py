"""Prometheus metrics: requests by surface and intent, latency, errors."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Histogram


class Metrics:
    """One registry per app, so several apps (and tests) never share counters."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "meshbot_requests",
            "Slack requests handled",
            ["surface", "intent"],
            registry=self.registry,
        )
        self.errors = Counter(
            "meshbot_errors", "Requests that failed", ["surface"], registry=self.registry
        )
        self.rejected = Counter(
            "meshbot_rejected",
            "Requests refused before handling",
            ["reason"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "meshbot_answer_seconds",
            "Time to build an answer",
            ["surface"],
            registry=self.registry,
            buckets=(0.0005, 0.001, 0.002, 0.005, 0.01, 0.05, 0.1, 0.5, 1),
        )
        self.http_latency = Histogram(
            "meshbot_http_seconds",
            "Time to answer Slack's HTTP request",
            registry=self.registry,
            buckets=(0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 3),
        )

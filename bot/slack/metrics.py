"""Prometheus metrics: requests by surface and intent, latency, errors, and the calls to
Slack in flight (the backlog that bounds new work when Slack is slow)."""

from __future__ import annotations

import aiohttp
from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram


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
        self.slack_calls = SlackCalls(
            Gauge(
                "meshbot_slack_calls_in_flight",
                "Calls to Slack (Web API and response_url) started and not yet finished",
                registry=self.registry,
            )
        )


class SlackCalls:
    """Counts the calls to Slack in flight on the shared HTTP session."""

    def __init__(self, gauge: Gauge) -> None:
        self.gauge = gauge
        self.in_flight = 0

    def trace_config(self) -> aiohttp.TraceConfig:
        """Hooks for the session: a call starts, ends, or fails (a timeout included)."""
        trace = aiohttp.TraceConfig()

        async def started(*_: object) -> None:
            self.in_flight += 1
            self.gauge.inc()

        async def finished(*_: object) -> None:
            self.in_flight -= 1
            self.gauge.dec()

        trace.on_request_start.append(started)
        trace.on_request_end.append(finished)
        trace.on_request_exception.append(finished)
        return trace

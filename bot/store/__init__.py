"""Shared state: feedback, knowledge gaps, event dedupe and rate limits (SQLAlchemy)."""

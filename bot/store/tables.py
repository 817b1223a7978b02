"""The store's tables (times are Unix seconds, ids of people are salted hashes)."""

from __future__ import annotations

from sqlalchemy import Column, Float, Index, Integer, MetaData, String, Table, Text

metadata = MetaData()

install = Table(
    "meshbot_install",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", String(200), nullable=False),
)

# Event ids, request signatures and rate-limit windows claimed by one replica.
claims = Table(
    "meshbot_claims",
    metadata,
    Column("key", String(200), primary_key=True),
    Column("count", Integer, nullable=False, default=1),
    Column("expires_at", Float, nullable=False, index=True),
)

votes = Table(
    "meshbot_votes",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("vote", String(8), nullable=False),
    Column("reason", String(32)),
    Column("comment", Text),
    Column("intent", String(32), nullable=False),
    Column("meshes", Text, nullable=False, default="[]"),
    Column("features", Text, nullable=False, default="[]"),
    Column("knowledge_version", String(64)),
    Column("user_hash", String(64), nullable=False, index=True),
    Column("team_hash", String(64)),
    Column("created_at", Float, nullable=False, index=True),
)

gaps = Table(
    "meshbot_gaps",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("reason", String(32), nullable=False),
    Column("text", Text),
    Column("parsed", Text, nullable=False),
    Column("names", Text, nullable=False, default="[]"),
    Column("knowledge_version", String(64)),
    Column("user_hash", String(64), index=True),
    Column("team_hash", String(64)),
    Column("asked_at", Float, nullable=False, index=True),
)

comparisons = Table(
    "meshbot_comparisons",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("meshes", String(400), nullable=False),
    Column("user_hash", String(64), index=True),
    Column("asked_at", Float, nullable=False, index=True),
)

Index("ix_meshbot_gaps_text", gaps.c.text)

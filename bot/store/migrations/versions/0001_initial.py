"""The store's first tables: install salt, claims, votes, gaps, comparisons.

Revision ID: 0001
Revises:
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "meshbot_install",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.String(200), nullable=False),
    )
    op.create_table(
        "meshbot_claims",
        sa.Column("key", sa.String(200), primary_key=True),
        sa.Column("count", sa.Integer, nullable=False),
        sa.Column("expires_at", sa.Float, nullable=False),
    )
    op.create_index("ix_meshbot_claims_expires_at", "meshbot_claims", ["expires_at"])
    op.create_table(
        "meshbot_votes",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("vote", sa.String(8), nullable=False),
        sa.Column("reason", sa.String(32)),
        sa.Column("comment", sa.Text),
        sa.Column("intent", sa.String(32), nullable=False),
        sa.Column("meshes", sa.Text, nullable=False),
        sa.Column("features", sa.Text, nullable=False),
        sa.Column("knowledge_version", sa.String(64)),
        sa.Column("user_hash", sa.String(64), nullable=False),
        sa.Column("team_hash", sa.String(64)),
        sa.Column("created_at", sa.Float, nullable=False),
    )
    op.create_index("ix_meshbot_votes_user_hash", "meshbot_votes", ["user_hash"])
    op.create_index("ix_meshbot_votes_created_at", "meshbot_votes", ["created_at"])
    op.create_table(
        "meshbot_gaps",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("reason", sa.String(32), nullable=False),
        sa.Column("text", sa.Text),
        sa.Column("parsed", sa.Text, nullable=False),
        sa.Column("names", sa.Text, nullable=False),
        sa.Column("knowledge_version", sa.String(64)),
        sa.Column("user_hash", sa.String(64)),
        sa.Column("team_hash", sa.String(64)),
        sa.Column("asked_at", sa.Float, nullable=False),
    )
    op.create_index("ix_meshbot_gaps_user_hash", "meshbot_gaps", ["user_hash"])
    op.create_index("ix_meshbot_gaps_asked_at", "meshbot_gaps", ["asked_at"])
    op.create_index("ix_meshbot_gaps_text", "meshbot_gaps", ["text"])
    op.create_table(
        "meshbot_comparisons",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("meshes", sa.String(400), nullable=False),
        sa.Column("user_hash", sa.String(64)),
        sa.Column("asked_at", sa.Float, nullable=False),
    )
    op.create_index("ix_meshbot_comparisons_user_hash", "meshbot_comparisons", ["user_hash"])
    op.create_index("ix_meshbot_comparisons_asked_at", "meshbot_comparisons", ["asked_at"])


def downgrade() -> None:
    for table in ("meshbot_comparisons", "meshbot_gaps", "meshbot_votes", "meshbot_claims"):
        op.drop_table(table)
    op.drop_table("meshbot_install")

"""ledger: tree nodes are stored from level 4 up

Revision ID: 0010
Revises: 0009

Nodes of levels 1-3 cover at most 16 leaves and are now recomputed from the leaf hashes when a
proof needs them, so they are no longer stored. Downgrading recomputes and stores them again.
"""
import hashlib

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None

LOWEST_STORED_LEVEL = 4


def upgrade():
    op.execute(sa.text("DELETE FROM ledger_nodes WHERE level < :lowest").bindparams(lowest=LOWEST_STORED_LEVEL))


def downgrade():
    connection = op.get_bind()
    hashes = [row[0] for row in connection.execute(sa.text('SELECT leaf_hash FROM ledger_leaves ORDER BY "index"'))]
    rows = []
    for level in range(1, LOWEST_STORED_LEVEL):
        hashes = [hashlib.sha256(b"\x01" + hashes[i] + hashes[i + 1]).digest() for i in range(0, len(hashes) - 1, 2)]
        rows += [{"level": level, "index": index, "hash": value} for index, value in enumerate(hashes)]
    if rows:
        connection.execute(sa.text('INSERT INTO ledger_nodes (level, "index", hash) VALUES (:level, :index, :hash)'),
                           rows)

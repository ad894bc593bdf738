"""payouts: a payout account's number (and the free text of older accounts) encrypted at rest

Revision ID: 0090_payout_accounts_encrypted
Revises: 0020
Create Date: 2026-12-04 20:10:00.000000

``account_number`` and ``details`` become ``account_number_encrypted`` and ``details_encrypted``:
AES-256-GCM under keys derived from ``DATA_ENCRYPTION_KEY`` (app.crypto, the model's
``EncryptedText``). Existing rows are encrypted here; downgrading decrypts them back.
"""
import sqlalchemy as sa
from alembic import op

from app.crypto import open_text, seal_text

# revision identifiers, used by Alembic.
revision = '0090_payout_accounts_encrypted'
down_revision = '0050_recordings'
branch_labels = None
depends_on = None

COLUMNS = {'account_number': b'payouts:account-number', 'details': b'payouts:account-details'}
PLAIN_TYPES = {'account_number': sa.String(length=254), 'details': sa.Text()}


def upgrade():
    with op.batch_alter_table('payout_destinations') as batch:
        for column in COLUMNS:
            batch.add_column(sa.Column(f'{column}_encrypted', sa.LargeBinary(), nullable=True))
    bind = op.get_bind()
    table = sa.table('payout_destinations', sa.column('id', sa.Integer),
                     *(sa.column(c, sa.Text) for c in COLUMNS),
                     *(sa.column(f'{c}_encrypted', sa.LargeBinary) for c in COLUMNS))
    for row in bind.execute(sa.select(table)).mappings().all():
        values = {f'{c}_encrypted': seal_text(p, row[c])
                  for c, p in COLUMNS.items() if row[c] is not None}
        if values:
            bind.execute(table.update().where(table.c.id == row['id']).values(**values))
    with op.batch_alter_table('payout_destinations') as batch:
        for column in COLUMNS:
            batch.drop_column(column)


def downgrade():
    with op.batch_alter_table('payout_destinations') as batch:
        for column, kind in PLAIN_TYPES.items():
            batch.add_column(sa.Column(column, kind, nullable=True))
    bind = op.get_bind()
    table = sa.table('payout_destinations', sa.column('id', sa.Integer),
                     *(sa.column(c, sa.Text) for c in COLUMNS),
                     *(sa.column(f'{c}_encrypted', sa.LargeBinary) for c in COLUMNS))
    for row in bind.execute(sa.select(table)).mappings().all():
        values = {c: open_text(p, row[f'{c}_encrypted'])
                  for c, p in COLUMNS.items() if row[f'{c}_encrypted'] is not None}
        if values:
            bind.execute(table.update().where(table.c.id == row['id']).values(**values))
    with op.batch_alter_table('payout_destinations') as batch:
        for column in COLUMNS:
            batch.drop_column(f'{column}_encrypted')

"""app: one record-once table for every provider's callbacks (payout_webhook_events → webhook_events)

Revision ID: 0013
Revises: 0012

Stripe's events were recorded in ``payout_webhook_events`` by event id alone. The webhook door in
``app/webhooks.py`` serves every provider (Twilio next), so the table is renamed, gains a
``provider`` column (existing rows are Stripe's) and is unique per provider and event id. Its
primary key, unique constraint and (on PostgreSQL) id sequence are renamed with it.
"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade():
    postgres = op.get_bind().dialect.name == 'postgresql'
    op.rename_table('payout_webhook_events', 'webhook_events')
    if postgres:
        op.execute('ALTER SEQUENCE payout_webhook_events_id_seq RENAME TO webhook_events_id_seq')
        op.execute('ALTER TABLE webhook_events RENAME CONSTRAINT pk_payout_webhook_events TO pk_webhook_events')
    with op.batch_alter_table('webhook_events', recreate='auto') as batch:
        batch.add_column(sa.Column('provider', sa.String(length=32), nullable=False, server_default='stripe'))
        batch.drop_constraint('uq_payout_webhook_events_event_id', type_='unique')
        batch.create_unique_constraint(op.f('uq_webhook_events_provider_event_id'), ['provider', 'event_id'])
    with op.batch_alter_table('webhook_events', recreate='auto') as batch:
        batch.alter_column('provider', server_default=None)
    if not postgres:  # SQLite: the copied table keeps its old primary key's name; rebuild it under the new one
        _rebuild_sqlite('webhook_events', 'pk_payout_webhook_events', 'pk_webhook_events')


def downgrade():
    postgres = op.get_bind().dialect.name == 'postgresql'
    op.execute("DELETE FROM webhook_events WHERE provider <> 'stripe'")
    with op.batch_alter_table('webhook_events', recreate='auto') as batch:
        batch.drop_constraint('uq_webhook_events_provider_event_id', type_='unique')
        batch.create_unique_constraint(op.f('uq_payout_webhook_events_event_id'), ['event_id'])
        batch.drop_column('provider')
    if postgres:
        op.execute('ALTER TABLE webhook_events RENAME CONSTRAINT pk_webhook_events TO pk_payout_webhook_events')
        op.execute('ALTER SEQUENCE webhook_events_id_seq RENAME TO payout_webhook_events_id_seq')
    else:
        _rebuild_sqlite('webhook_events', 'pk_webhook_events', 'pk_payout_webhook_events')
    op.rename_table('webhook_events', 'payout_webhook_events')


def _rebuild_sqlite(table, old_pk, new_pk):
    """SQLite cannot rename a constraint: recreate the table from its own DDL with the new name."""
    bind = op.get_bind()
    ddl = bind.execute(sa.text("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = :t"),
                       {"t": table}).scalar()
    if old_pk not in ddl:
        return
    op.execute(f'ALTER TABLE {table} RENAME TO _{table}_old')
    op.execute(ddl.replace(old_pk, new_pk, 1))
    op.execute(f'INSERT INTO {table} SELECT * FROM _{table}_old')
    op.execute(f'DROP TABLE _{table}_old')

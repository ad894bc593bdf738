"""telephony: a caller sent on past the longest wait ends "overflowed" (to the enterprise's line, or
with a callback request), with its own timeline event, neither abandoned nor failed

Revision ID: 0080_interaction_overflowed
Revises: 0020
"""
from alembic import op

# revision identifiers, used by Alembic.
revision = '0080_interaction_overflowed'
down_revision = '0091_lesson_markdown'
branch_labels = None
depends_on = None

STATES = ('queued', 'offered', 'in_progress', 'held', 'wrapup', 'completed', 'abandoned', 'failed')
KINDS = ('queued', 'offered', 'declined', 'missed', 'answered', 'held', 'resumed', 'transferred', 'escalated',
         'wrapup', 'completed', 'abandoned', 'failed')


def _one_of(column, values):
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def _constraints(states, kinds):
    with op.batch_alter_table('interactions') as batch:
        batch.drop_constraint(op.f('ck_interactions_interaction_state_known'), type_='check')
        batch.create_check_constraint(op.f('ck_interactions_interaction_state_known'), _one_of('state', states))
    with op.batch_alter_table('interaction_events') as batch:
        batch.drop_constraint(op.f('ck_interaction_events_interaction_event_kind_known'), type_='check')
        batch.create_check_constraint(op.f('ck_interaction_events_interaction_event_kind_known'),
                                      _one_of('kind', kinds))


def upgrade():
    _constraints((*STATES, 'overflowed'), (*KINDS, 'overflowed'))


def downgrade():
    op.execute("UPDATE interactions SET state = 'failed', failure_reason = outcome WHERE state = 'overflowed'")
    op.execute("DELETE FROM interaction_events WHERE kind = 'overflowed'")
    _constraints(STATES, KINDS)

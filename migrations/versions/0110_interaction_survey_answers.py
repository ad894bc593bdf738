"""telephony: the member's answers to a campaign's survey questions are stored with the
interaction (interactions.survey_answers), not folded into the disposition notes

Revision ID: 0110_interaction_survey_answers
Revises: 0081_users_is_simulated
"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0110_interaction_survey_answers'
down_revision = '0100_certification_work_scores'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('interactions') as batch:
        batch.add_column(sa.Column('survey_answers', sa.JSON(), nullable=True))


def downgrade():
    with op.batch_alter_table('interactions') as batch:
        batch.drop_column('survey_answers')

"""quality: each QA result keeps the matcher that scored it (QA_MATCHER: lexical or embedding)

Revision ID: 0120_qa_results_matcher
Revises: 0110_qa_rescorings
"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0120_qa_results_matcher'
down_revision = '0110_qa_rescorings'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('qa_results') as batch:
        batch.add_column(sa.Column('matcher', sa.String(length=16), nullable=True))
    op.execute("UPDATE qa_results SET matcher = 'lexical' WHERE auto_score IS NOT NULL")


def downgrade():
    with op.batch_alter_table('qa_results') as batch:
        batch.drop_column('matcher')

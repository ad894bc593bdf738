"""academy: a lesson keeps the Markdown its trainer typed, per language

Revision ID: 0091_lesson_markdown
Revises: 0090_payout_accounts_encrypted
Create Date: 2026-12-04 20:15:00.000000

``body_html`` stays what learners see (rendered, allow-listed); ``body_markdown`` is what the
lesson editor opens again. Lessons saved before have none: the editor converts their HTML.
"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0091_lesson_markdown'
down_revision = '0090_payout_accounts_encrypted'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('academy_lessons') as batch:
        batch.add_column(sa.Column('body_markdown', sa.JSON(), nullable=True))


def downgrade():
    with op.batch_alter_table('academy_lessons') as batch:
        batch.drop_column('body_markdown')

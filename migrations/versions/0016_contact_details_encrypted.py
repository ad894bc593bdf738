"""contacts: the raw name and attribute cells encrypted; the plain columns keep them masked

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-04 17:30:00.000000

A contact's name and attribute cells are shown with every phone, ID or card number in them masked;
the file's text is kept only encrypted, under the number's key, in ``details_encrypted``.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('contacts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('details_encrypted', sa.LargeBinary(), nullable=True))


def downgrade():
    with op.batch_alter_table('contacts', schema=None) as batch_op:
        batch_op.drop_column('details_encrypted')

"""alarm acknowledgement: who/when acknowledged, who/when closed (误报 / 已关闭)

Revision ID: 0006_alarm_ack
Revises: 0005_case_indexes
"""
from alembic import op
import sqlalchemy as sa


revision = '0006_alarm_ack'
down_revision = '0005_case_indexes'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('alarm', schema=None) as batch_op:
        batch_op.add_column(sa.Column('acked_by', sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column('acked_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('closed_by', sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('alarm', schema=None) as batch_op:
        batch_op.drop_column('closed_at')
        batch_op.drop_column('closed_by')
        batch_op.drop_column('acked_at')
        batch_op.drop_column('acked_by')

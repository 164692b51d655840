"""case workflow: reporter, photos, phase clock, suspension, approvals, counters

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 14:44:30.570445
"""
from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('case', schema=None) as batch_op:
        batch_op.add_column(sa.Column('class_kind', sa.String(length=8), nullable=True))
        batch_op.add_column(sa.Column('component_code', sa.String(length=24), nullable=True))
        batch_op.add_column(sa.Column('reporter', sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column('reporter_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('photos', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('phase_since', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('limit_s', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('limit_unit', sa.String(length=8), nullable=True))
        batch_op.add_column(sa.Column('suspended_since', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('suspended_total_s', sa.Float(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('pending_action', sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column('pending_by', sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column('pending_payload', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('filed_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('dispatched_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('disposed_in_time', sa.Boolean(), nullable=True))
        batch_op.add_column(sa.Column('rework_count', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('extension_count', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('returned_count', sa.Integer(), nullable=False, server_default='0'))
        batch_op.create_index(batch_op.f('ix_case_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_deadline'), ['deadline'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_reporter_id'), ['reporter_id'], unique=False)
        batch_op.create_foreign_key('fk_case_reporter_id_staff', 'staff', ['reporter_id'], ['id'])


def downgrade() -> None:
    with op.batch_alter_table('case', schema=None) as batch_op:
        batch_op.drop_constraint('fk_case_reporter_id_staff', type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_case_reporter_id'))
        batch_op.drop_index(batch_op.f('ix_case_deadline'))
        batch_op.drop_index(batch_op.f('ix_case_created_at'))
        batch_op.drop_column('returned_count')
        batch_op.drop_column('extension_count')
        batch_op.drop_column('rework_count')
        batch_op.drop_column('disposed_in_time')
        batch_op.drop_column('closed_at')
        batch_op.drop_column('dispatched_at')
        batch_op.drop_column('filed_at')
        batch_op.drop_column('pending_payload')
        batch_op.drop_column('pending_by')
        batch_op.drop_column('pending_action')
        batch_op.drop_column('suspended_total_s')
        batch_op.drop_column('suspended_since')
        batch_op.drop_column('limit_unit')
        batch_op.drop_column('limit_s')
        batch_op.drop_column('phase_since')
        batch_op.drop_column('photos')
        batch_op.drop_column('reporter_id')
        batch_op.drop_column('reporter')
        batch_op.drop_column('component_code')
        batch_op.drop_column('class_kind')

"""emergency plans: level triggers, activation area/steps/log, resources, responsibility zones, drill runs

Revision ID: 0004_emergency
Revises: 0002
Create Date: 2026-11-25 14:54:48.272080
"""
from alembic import op
import sqlalchemy as sa


revision = '0004_emergency'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('drill_run',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('scenario', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=128), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ended_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('speed', sa.Float(), nullable=False),
    sa.Column('report', sa.JSON(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('emergency_resource',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('quantity', sa.Float(), nullable=False),
    sa.Column('unit', sa.String(length=8), nullable=False),
    sa.Column('owner', sa.String(length=64), nullable=False),
    sa.Column('contact', sa.String(length=32), nullable=False),
    sa.Column('phone', sa.String(length=32), nullable=True),
    sa.Column('x', sa.Float(), nullable=False),
    sa.Column('y', sa.Float(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('code')
    )
    with op.batch_alter_table('emergency_resource', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_emergency_resource_kind'), ['kind'], unique=False)

    op.create_table('incident_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('activation_id', sa.Integer(), nullable=True),
    sa.Column('drill_run_id', sa.Integer(), nullable=True),
    sa.Column('ts', sa.DateTime(timezone=True), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('actor', sa.String(length=32), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('data', sa.JSON(), nullable=True),
    sa.Column('is_drill', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['activation_id'], ['plan_activation.id'], ),
    sa.ForeignKeyConstraint(['drill_run_id'], ['drill_run.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('incident_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_incident_log_activation_id'), ['activation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_incident_log_drill_run_id'), ['drill_run_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_incident_log_is_drill'), ['is_drill'], unique=False)
        batch_op.create_index(batch_op.f('ix_incident_log_ts'), ['ts'], unique=False)

    op.create_table('responsibility_zone',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('plan_type', sa.String(length=16), nullable=True),
    sa.Column('staff_id', sa.Integer(), nullable=True),
    sa.Column('person', sa.String(length=32), nullable=False),
    sa.Column('phone', sa.String(length=32), nullable=True),
    sa.Column('duty', sa.Text(), nullable=False),
    sa.Column('geom_wkb', sa.LargeBinary(), nullable=True),
    sa.Column('min_x', sa.Float(), nullable=True),
    sa.Column('min_y', sa.Float(), nullable=True),
    sa.Column('max_x', sa.Float(), nullable=True),
    sa.Column('max_y', sa.Float(), nullable=True),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('code')
    )
    with op.batch_alter_table('responsibility_zone', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_responsibility_zone_min_x'), ['min_x'], unique=False)
        batch_op.create_index(batch_op.f('ix_responsibility_zone_min_y'), ['min_y'], unique=False)

    op.create_table('activation_step',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('activation_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('level', sa.String(length=4), nullable=False),
    sa.Column('owner', sa.String(length=32), nullable=False),
    sa.Column('action', sa.Text(), nullable=False),
    sa.Column('department', sa.String(length=32), nullable=True),
    sa.Column('deadline_min', sa.Float(), nullable=False),
    sa.Column('due_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('confirm', sa.Boolean(), nullable=False),
    sa.Column('done_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('done_by', sa.String(length=32), nullable=True),
    sa.Column('case_id', sa.Integer(), nullable=True),
    sa.Column('is_drill', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['activation_id'], ['plan_activation.id'], ),
    sa.ForeignKeyConstraint(['case_id'], ['case.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('activation_step', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_activation_step_activation_id'), ['activation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_activation_step_is_drill'), ['is_drill'], unique=False)

    with op.batch_alter_table('plan_activation', schema=None) as batch_op:
        batch_op.add_column(sa.Column('title', sa.String(length=128), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('radius_m', sa.Float(), nullable=False, server_default='500'))
        batch_op.add_column(sa.Column('end_reason', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('drill_run_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('geom_wkb', sa.LargeBinary(), nullable=True))
        batch_op.add_column(sa.Column('min_x', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('min_y', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('max_x', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('max_y', sa.Float(), nullable=True))
        batch_op.create_index(batch_op.f('ix_plan_activation_drill_run_id'), ['drill_run_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_plan_activation_min_x'), ['min_x'], unique=False)
        batch_op.create_index(batch_op.f('ix_plan_activation_min_y'), ['min_y'], unique=False)
        batch_op.create_foreign_key('fk_plan_activation_drill_run_id_drill_run', 'drill_run', ['drill_run_id'], ['id'])

    with op.batch_alter_table('plan_level', schema=None) as batch_op:
        batch_op.add_column(sa.Column('trigger', sa.JSON(), nullable=True))



def downgrade() -> None:
    with op.batch_alter_table('plan_level', schema=None) as batch_op:
        batch_op.drop_column('trigger')

    with op.batch_alter_table('plan_activation', schema=None) as batch_op:
        batch_op.drop_constraint('fk_plan_activation_drill_run_id_drill_run', type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_plan_activation_min_y'))
        batch_op.drop_index(batch_op.f('ix_plan_activation_min_x'))
        batch_op.drop_index(batch_op.f('ix_plan_activation_drill_run_id'))
        batch_op.drop_column('max_y')
        batch_op.drop_column('max_x')
        batch_op.drop_column('min_y')
        batch_op.drop_column('min_x')
        batch_op.drop_column('geom_wkb')
        batch_op.drop_column('drill_run_id')
        batch_op.drop_column('end_reason')
        batch_op.drop_column('radius_m')
        batch_op.drop_column('title')

    with op.batch_alter_table('activation_step', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_activation_step_is_drill'))
        batch_op.drop_index(batch_op.f('ix_activation_step_activation_id'))

    op.drop_table('activation_step')
    with op.batch_alter_table('responsibility_zone', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_responsibility_zone_min_y'))
        batch_op.drop_index(batch_op.f('ix_responsibility_zone_min_x'))

    op.drop_table('responsibility_zone')
    with op.batch_alter_table('incident_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_incident_log_ts'))
        batch_op.drop_index(batch_op.f('ix_incident_log_is_drill'))
        batch_op.drop_index(batch_op.f('ix_incident_log_drill_run_id'))
        batch_op.drop_index(batch_op.f('ix_incident_log_activation_id'))

    op.drop_table('incident_log')
    with op.batch_alter_table('emergency_resource', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_emergency_resource_kind'))

    op.drop_table('emergency_resource')
    op.drop_table('drill_run')

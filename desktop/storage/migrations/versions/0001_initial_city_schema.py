"""initial city schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-25 14:38:01.019852
"""
from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    
    op.create_table('admin_area',
    sa.Column('code', sa.String(length=12), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('level', sa.String(length=16), nullable=False),
    sa.Column('parent_code', sa.String(length=12), nullable=True),
    sa.Column('center_x', sa.Float(), nullable=True),
    sa.Column('center_y', sa.Float(), nullable=True),
    sa.Column('geom_wkb', sa.LargeBinary(), nullable=True),
    sa.Column('min_x', sa.Float(), nullable=True),
    sa.Column('min_y', sa.Float(), nullable=True),
    sa.Column('max_x', sa.Float(), nullable=True),
    sa.Column('max_y', sa.Float(), nullable=True),
    sa.ForeignKeyConstraint(['parent_code'], ['admin_area.code'], ),
    sa.PrimaryKeyConstraint('code')
    )
    with op.batch_alter_table('admin_area', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_admin_area_level'), ['level'], unique=False)
        batch_op.create_index(batch_op.f('ix_admin_area_min_x'), ['min_x'], unique=False)
        batch_op.create_index(batch_op.f('ix_admin_area_min_y'), ['min_y'], unique=False)
        batch_op.create_index(batch_op.f('ix_admin_area_parent_code'), ['parent_code'], unique=False)

    op.create_table('alarm',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('stream', sa.String(length=32), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('level', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=32), nullable=False),
    sa.Column('device_id', sa.String(length=64), nullable=True),
    sa.Column('component_code', sa.String(length=24), nullable=True),
    sa.Column('x', sa.Float(), nullable=True),
    sa.Column('y', sa.Float(), nullable=True),
    sa.Column('ts', sa.DateTime(timezone=True), nullable=False),
    sa.Column('status', sa.String(length=8), nullable=False),
    sa.Column('message', sa.Text(), nullable=False),
    sa.Column('payload', sa.JSON(), nullable=True),
    sa.Column('is_drill', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('stream', 'seq')
    )
    with op.batch_alter_table('alarm', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_alarm_is_drill'), ['is_drill'], unique=False)
        batch_op.create_index(batch_op.f('ix_alarm_kind'), ['kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_alarm_ts'), ['ts'], unique=False)

    op.create_table('base_feature',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('subkind', sa.String(length=16), nullable=True),
    sa.Column('name', sa.String(length=64), nullable=True),
    sa.Column('geom_wkb', sa.LargeBinary(), nullable=True),
    sa.Column('min_x', sa.Float(), nullable=True),
    sa.Column('min_y', sa.Float(), nullable=True),
    sa.Column('max_x', sa.Float(), nullable=True),
    sa.Column('max_y', sa.Float(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('base_feature', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_base_feature_kind'), ['kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_base_feature_min_x'), ['min_x'], unique=False)
        batch_op.create_index(batch_op.f('ix_base_feature_min_y'), ['min_y'], unique=False)

    op.create_table('class_code',
    sa.Column('scheme', sa.String(length=32), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('code', sa.String(length=8), nullable=False),
    sa.Column('major_code', sa.String(length=4), nullable=False),
    sa.Column('major_name', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('symbol', sa.String(length=32), nullable=True),
    sa.PrimaryKeyConstraint('scheme', 'kind', 'code')
    )
    op.create_table('department',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('phone', sa.String(length=32), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('code')
    )
    op.create_table('emergency_plan',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('plan_type', sa.String(length=16), nullable=False),
    sa.Column('sections', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('code')
    )
    op.create_table('meta',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )
    op.create_table('camera',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('x', sa.Float(), nullable=False),
    sa.Column('y', sa.Float(), nullable=False),
    sa.Column('heading', sa.Float(), nullable=False),
    sa.Column('fov', sa.Float(), nullable=False),
    sa.Column('range_m', sa.Float(), nullable=False),
    sa.Column('stream_url', sa.String(length=512), nullable=True),
    sa.Column('department_id', sa.Integer(), nullable=True),
    sa.Column('admin_code', sa.String(length=12), nullable=True),
    sa.ForeignKeyConstraint(['department_id'], ['department.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('code')
    )
    op.create_table('disposal_grid',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('department_id', sa.Integer(), nullable=False),
    sa.Column('geom_wkb', sa.LargeBinary(), nullable=True),
    sa.Column('min_x', sa.Float(), nullable=True),
    sa.Column('min_y', sa.Float(), nullable=True),
    sa.Column('max_x', sa.Float(), nullable=True),
    sa.Column('max_y', sa.Float(), nullable=True),
    sa.ForeignKeyConstraint(['department_id'], ['department.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('code')
    )
    with op.batch_alter_table('disposal_grid', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_disposal_grid_department_id'), ['department_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_disposal_grid_min_x'), ['min_x'], unique=False)
        batch_op.create_index(batch_op.f('ix_disposal_grid_min_y'), ['min_y'], unique=False)

    op.create_table('plan_activation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('level', sa.String(length=4), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ended_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('x', sa.Float(), nullable=True),
    sa.Column('y', sa.Float(), nullable=True),
    sa.Column('is_drill', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['plan_id'], ['emergency_plan.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('plan_activation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plan_activation_is_drill'), ['is_drill'], unique=False)

    op.create_table('plan_level',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('level', sa.String(length=4), nullable=False),
    sa.Column('criteria', sa.Text(), nullable=False),
    sa.Column('command_group', sa.JSON(), nullable=False),
    sa.Column('steps', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['plan_id'], ['emergency_plan.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('plan_id', 'level')
    )
    op.create_table('staff',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=32), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('department_id', sa.Integer(), nullable=True),
    sa.Column('admin_code', sa.String(length=12), nullable=True),
    sa.Column('phone', sa.String(length=32), nullable=True),
    sa.Column('radio', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['admin_code'], ['admin_area.code'], ),
    sa.ForeignKeyConstraint(['department_id'], ['department.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('code')
    )
    with op.batch_alter_table('staff', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_staff_department_id'), ['department_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_staff_role'), ['role'], unique=False)

    op.create_table('unit_grid',
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('community_code', sa.String(length=12), nullable=False),
    sa.Column('area_m2', sa.Float(), nullable=False),
    sa.Column('zone_type', sa.String(length=16), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=True),
    sa.Column('geom_wkb', sa.LargeBinary(), nullable=True),
    sa.Column('min_x', sa.Float(), nullable=True),
    sa.Column('min_y', sa.Float(), nullable=True),
    sa.Column('max_x', sa.Float(), nullable=True),
    sa.Column('max_y', sa.Float(), nullable=True),
    sa.ForeignKeyConstraint(['community_code'], ['admin_area.code'], ),
    sa.PrimaryKeyConstraint('code')
    )
    with op.batch_alter_table('unit_grid', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_unit_grid_community_code'), ['community_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_unit_grid_min_x'), ['min_x'], unique=False)
        batch_op.create_index(batch_op.f('ix_unit_grid_min_y'), ['min_y'], unique=False)

    op.create_table('vehicle',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plate', sa.String(length=16), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('terminal_id', sa.String(length=20), nullable=True),
    sa.Column('phone', sa.String(length=20), nullable=True),
    sa.Column('department_id', sa.Integer(), nullable=True),
    sa.Column('depot_x', sa.Float(), nullable=True),
    sa.Column('depot_y', sa.Float(), nullable=True),
    sa.ForeignKeyConstraint(['department_id'], ['department.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('plate'),
    sa.UniqueConstraint('terminal_id')
    )
    with op.batch_alter_table('vehicle', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_vehicle_kind'), ['kind'], unique=False)

    op.create_table('case',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_no', sa.String(length=32), nullable=False),
    sa.Column('stage', sa.String(length=8), nullable=False),
    sa.Column('source', sa.String(length=16), nullable=False),
    sa.Column('scheme', sa.String(length=32), nullable=True),
    sa.Column('class_code', sa.String(length=8), nullable=True),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('address', sa.String(length=128), nullable=True),
    sa.Column('x', sa.Float(), nullable=True),
    sa.Column('y', sa.Float(), nullable=True),
    sa.Column('grid_code', sa.String(length=20), nullable=True),
    sa.Column('department_id', sa.Integer(), nullable=True),
    sa.Column('alarm_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deadline', sa.DateTime(timezone=True), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('is_drill', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['alarm_id'], ['alarm.id'], ),
    sa.ForeignKeyConstraint(['department_id'], ['department.id'], ),
    sa.ForeignKeyConstraint(['grid_code'], ['unit_grid.code'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('case_no')
    )
    with op.batch_alter_table('case', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_is_drill'), ['is_drill'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_stage'), ['stage'], unique=False)

    op.create_table('component',
    sa.Column('code', sa.String(length=24), nullable=False),
    sa.Column('scheme', sa.String(length=32), nullable=False),
    sa.Column('class_code', sa.String(length=8), nullable=False),
    sa.Column('admin_code', sa.String(length=12), nullable=False),
    sa.Column('grid_code', sa.String(length=20), nullable=True),
    sa.Column('department_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=8), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=True),
    sa.Column('geom_wkb', sa.LargeBinary(), nullable=True),
    sa.Column('min_x', sa.Float(), nullable=True),
    sa.Column('min_y', sa.Float(), nullable=True),
    sa.Column('max_x', sa.Float(), nullable=True),
    sa.Column('max_y', sa.Float(), nullable=True),
    sa.ForeignKeyConstraint(['department_id'], ['department.id'], ),
    sa.ForeignKeyConstraint(['grid_code'], ['unit_grid.code'], ),
    sa.PrimaryKeyConstraint('code')
    )
    with op.batch_alter_table('component', schema=None) as batch_op:
        batch_op.create_index('ix_component_bbox', ['min_x', 'min_y'], unique=False)
        batch_op.create_index(batch_op.f('ix_component_class_code'), ['class_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_component_grid_code'), ['grid_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_component_min_x'), ['min_x'], unique=False)
        batch_op.create_index(batch_op.f('ix_component_min_y'), ['min_y'], unique=False)

    op.create_table('grid_responsibility',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('grid_code', sa.String(length=20), nullable=False),
    sa.Column('level', sa.String(length=8), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['grid_code'], ['unit_grid.code'], ),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('grid_code', 'level')
    )
    with op.batch_alter_table('grid_responsibility', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_grid_responsibility_grid_code'), ['grid_code'], unique=False)

    op.create_table('vehicle_position',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('vehicle_id', sa.Integer(), nullable=False),
    sa.Column('ts', sa.DateTime(timezone=True), nullable=False),
    sa.Column('x', sa.Float(), nullable=False),
    sa.Column('y', sa.Float(), nullable=False),
    sa.Column('speed_kmh', sa.Float(), nullable=False),
    sa.Column('heading', sa.Float(), nullable=False),
    sa.Column('is_drill', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['vehicle_id'], ['vehicle.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('vehicle_position', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_vehicle_position_is_drill'), ['is_drill'], unique=False)
        batch_op.create_index('ix_vehicle_position_vehicle_ts', ['vehicle_id', 'ts'], unique=False)

    op.create_table('case_audit',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('ts', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor', sa.String(length=32), nullable=False),
    sa.Column('seat', sa.String(length=32), nullable=True),
    sa.Column('action', sa.String(length=16), nullable=False),
    sa.Column('from_stage', sa.String(length=8), nullable=True),
    sa.Column('to_stage', sa.String(length=8), nullable=True),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.Column('attachments', sa.JSON(), nullable=True),
    sa.Column('is_drill', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['case.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('case_audit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_audit_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_audit_is_drill'), ['is_drill'], unique=False)

    op.create_table('iot_device',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('device_id', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('component_code', sa.String(length=24), nullable=True),
    sa.Column('x', sa.Float(), nullable=False),
    sa.Column('y', sa.Float(), nullable=False),
    sa.ForeignKeyConstraint(['component_code'], ['component.code'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('device_id')
    )
    with op.batch_alter_table('iot_device', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_iot_device_component_code'), ['component_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_iot_device_kind'), ['kind'], unique=False)

    


def downgrade() -> None:
    
    with op.batch_alter_table('iot_device', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_iot_device_kind'))
        batch_op.drop_index(batch_op.f('ix_iot_device_component_code'))

    op.drop_table('iot_device')
    with op.batch_alter_table('case_audit', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_audit_is_drill'))
        batch_op.drop_index(batch_op.f('ix_case_audit_case_id'))

    op.drop_table('case_audit')
    with op.batch_alter_table('vehicle_position', schema=None) as batch_op:
        batch_op.drop_index('ix_vehicle_position_vehicle_ts')
        batch_op.drop_index(batch_op.f('ix_vehicle_position_is_drill'))

    op.drop_table('vehicle_position')
    with op.batch_alter_table('grid_responsibility', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_grid_responsibility_grid_code'))

    op.drop_table('grid_responsibility')
    with op.batch_alter_table('component', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_component_min_y'))
        batch_op.drop_index(batch_op.f('ix_component_min_x'))
        batch_op.drop_index(batch_op.f('ix_component_grid_code'))
        batch_op.drop_index(batch_op.f('ix_component_class_code'))
        batch_op.drop_index('ix_component_bbox')

    op.drop_table('component')
    with op.batch_alter_table('case', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_stage'))
        batch_op.drop_index(batch_op.f('ix_case_is_drill'))

    op.drop_table('case')
    with op.batch_alter_table('vehicle', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_vehicle_kind'))

    op.drop_table('vehicle')
    with op.batch_alter_table('unit_grid', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_unit_grid_min_y'))
        batch_op.drop_index(batch_op.f('ix_unit_grid_min_x'))
        batch_op.drop_index(batch_op.f('ix_unit_grid_community_code'))

    op.drop_table('unit_grid')
    with op.batch_alter_table('staff', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_staff_role'))
        batch_op.drop_index(batch_op.f('ix_staff_department_id'))

    op.drop_table('staff')
    op.drop_table('plan_level')
    with op.batch_alter_table('plan_activation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_plan_activation_is_drill'))

    op.drop_table('plan_activation')
    with op.batch_alter_table('disposal_grid', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_disposal_grid_min_y'))
        batch_op.drop_index(batch_op.f('ix_disposal_grid_min_x'))
        batch_op.drop_index(batch_op.f('ix_disposal_grid_department_id'))

    op.drop_table('disposal_grid')
    op.drop_table('camera')
    op.drop_table('meta')
    op.drop_table('emergency_plan')
    op.drop_table('department')
    op.drop_table('class_code')
    with op.batch_alter_table('base_feature', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_base_feature_min_y'))
        batch_op.drop_index(batch_op.f('ix_base_feature_min_x'))
        batch_op.drop_index(batch_op.f('ix_base_feature_kind'))

    op.drop_table('base_feature')
    with op.batch_alter_table('alarm', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_alarm_ts'))
        batch_op.drop_index(batch_op.f('ix_alarm_kind'))
        batch_op.drop_index(batch_op.f('ix_alarm_is_drill'))

    op.drop_table('alarm')
    with op.batch_alter_table('admin_area', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_admin_area_parent_code'))
        batch_op.drop_index(batch_op.f('ix_admin_area_min_y'))
        batch_op.drop_index(batch_op.f('ix_admin_area_min_x'))
        batch_op.drop_index(batch_op.f('ix_admin_area_level'))

    op.drop_table('admin_area')
    

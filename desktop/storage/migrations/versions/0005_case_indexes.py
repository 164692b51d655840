"""case indexes: open cases by department and by grid

Revision ID: 0005_case_indexes
Revises: 0004_emergency
"""
from alembic import op

revision = '0005_case_indexes'
down_revision = '0004_emergency'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_case_department_stage', 'case', ['department_id', 'stage'], unique=False)
    op.create_index('ix_case_grid_stage', 'case', ['grid_code', 'stage'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_case_grid_stage', table_name='case')
    op.drop_index('ix_case_department_stage', table_name='case')

"""The city data model (SQLAlchemy 2 ORM), portable between SQLite and PostgreSQL.

Geometry is WKB with bbox columns (:mod:`desktop.storage.geometry`); enumerations are
stored as short strings so the schema stays portable. Records a drill can create carry
``is_drill``. The case audit log is append-only (see :mod:`desktop.storage.guards`).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from desktop.storage.geometry import GeometryMixin

# Value sets (kept as strings in the database).
ADMIN_LEVELS = ("city", "district", "street", "community")
ZONE_TYPES = (
    "主要道路",
    "背街小巷",
    "居住小区",
    "重要机关",
    "广场",
    "车站",
    "学校",
    "医院",
    "景区",
    "商业街区",
    "集贸市场",
    "河道",
    "建筑工地",
    "公园绿地",
    "工业园区",
    "其他",
)
RESPONSIBILITY_LEVELS = ("市", "区", "办事处", "社区", "小区")
COMPONENT_STATUSES = ("完好", "破损", "丢失", "占用", "废弃")
STAFF_ROLES = ("监督员", "处置人员", "坐席", "值班长", "指挥长", "网格长")
VEHICLE_KINDS = ("环卫", "渣土", "执法", "市政抢修")
CASE_STAGES = (
    "信息采集",
    "案件建立",
    "任务派遣",
    "任务处理",
    "处理反馈",
    "核查结案",
    "绩效考核",
    "已结案",
    "作废",
    "挂账",
)
ALARM_STATUSES = ("未处理", "已确认", "已转案件", "误报", "已关闭")  # open: the first two
PLAN_LEVELS = ("I", "II", "III", "IV")
RESOURCE_KINDS = ("人力", "物资", "设施", "车辆装备", "技术", "资金", "特殊")
BASE_FEATURE_KINDS = ("road", "water", "green", "place", "boundary")


class Base(DeclarativeBase):
    type_annotation_map = {dict: JSON, list: JSON}


class DrillFlag:
    """Marks records a drill can create; drill records never count in real KPIs."""

    is_drill: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False, index=True)


class Meta(Base):
    """Key/value facts about the database (city name, generator seed, grid code rule …)."""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class AdminArea(GeometryMixin, Base):
    """市 / 区 / 街道 / 社区 with GB/T 2260-style codes (4, 6, 9, 12 digits)."""

    __tablename__ = "admin_area"
    code: Mapped[str] = mapped_column(String(12), primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    level: Mapped[str] = mapped_column(String(16), index=True)
    parent_code: Mapped[str | None] = mapped_column(ForeignKey("admin_area.code"), index=True)
    center_x: Mapped[float | None] = mapped_column(Float)
    center_y: Mapped[float | None] = mapped_column(Float)


class Department(Base):
    """A disposing or managing department (市政、环卫、园林、城管执法 …)."""

    __tablename__ = "department"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(32))
    phone: Mapped[str | None] = mapped_column(String(32))


class Staff(Base):
    __tablename__ = "staff"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(32))
    role: Mapped[str] = mapped_column(String(16), index=True)
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"), index=True)
    admin_code: Mapped[str | None] = mapped_column(ForeignKey("admin_area.code"))
    phone: Mapped[str | None] = mapped_column(String(32))
    radio: Mapped[str | None] = mapped_column(String(32))


class UnitGrid(GeometryMixin, Base):
    """单元网格 (GB/T 30428.1); the code rule lives in :mod:`desktop.domain.codes`."""

    __tablename__ = "unit_grid"
    code: Mapped[str] = mapped_column(String(20), primary_key=True)
    community_code: Mapped[str] = mapped_column(ForeignKey("admin_area.code"), index=True)
    area_m2: Mapped[float] = mapped_column(Float)
    zone_type: Mapped[str] = mapped_column(String(16), default="其他")
    name: Mapped[str | None] = mapped_column(String(64))


class GridResponsibility(Base):
    """One link of a grid's five-level responsibility chain (市/区/办事处/社区/小区)."""

    __tablename__ = "grid_responsibility"
    __table_args__ = (UniqueConstraint("grid_code", "level"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    grid_code: Mapped[str] = mapped_column(ForeignKey("unit_grid.code"), index=True)
    level: Mapped[str] = mapped_column(String(8))
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    title: Mapped[str] = mapped_column(String(32), default="网格长")


class DisposalGrid(GeometryMixin, Base):
    """处置网格: one layer per department; the polygon containing a case decides who disposes."""

    __tablename__ = "disposal_grid"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(64))
    department_id: Mapped[int] = mapped_column(ForeignKey("department.id"), index=True)
    department: Mapped[Department] = relationship()


class ClassCode(Base):
    """A 管理部件 or 管理事项 class in one coding scheme (major + minor class)."""

    __tablename__ = "class_code"
    scheme: Mapped[str] = mapped_column(String(32), primary_key=True)
    kind: Mapped[str] = mapped_column(String(8), primary_key=True)  # 部件 / 事项
    code: Mapped[str] = mapped_column(String(8), primary_key=True)
    major_code: Mapped[str] = mapped_column(String(4))
    major_name: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(64))
    symbol: Mapped[str | None] = mapped_column(String(32))


class Component(GeometryMixin, Base):
    """管理部件: identity = admin code + class code + serial."""

    __tablename__ = "component"
    __table_args__ = (Index("ix_component_bbox", "min_x", "min_y"),)
    code: Mapped[str] = mapped_column(String(24), primary_key=True)
    scheme: Mapped[str] = mapped_column(String(32))
    class_code: Mapped[str] = mapped_column(String(8), index=True)
    admin_code: Mapped[str] = mapped_column(String(12))
    grid_code: Mapped[str | None] = mapped_column(ForeignKey("unit_grid.code"), index=True)
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"))
    status: Mapped[str] = mapped_column(String(8), default="完好")
    name: Mapped[str | None] = mapped_column(String(64))


class Vehicle(Base):
    __tablename__ = "vehicle"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plate: Mapped[str] = mapped_column(String(16), unique=True)
    kind: Mapped[str] = mapped_column(String(8), index=True)
    terminal_id: Mapped[str | None] = mapped_column(String(20), unique=True)
    phone: Mapped[str | None] = mapped_column(String(20))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"))
    depot_x: Mapped[float | None] = mapped_column(Float)
    depot_y: Mapped[float | None] = mapped_column(Float)


class VehiclePosition(DrillFlag, Base):
    """Time series of vehicle positions."""

    __tablename__ = "vehicle_position"
    __table_args__ = (Index("ix_vehicle_position_vehicle_ts", "vehicle_id", "ts"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    vehicle_id: Mapped[int] = mapped_column(ForeignKey("vehicle.id"))
    ts: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    x: Mapped[float] = mapped_column(Float)
    y: Mapped[float] = mapped_column(Float)
    speed_kmh: Mapped[float] = mapped_column(Float, default=0.0)
    heading: Mapped[float] = mapped_column(Float, default=0.0)


class Camera(Base):
    __tablename__ = "camera"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(64))
    x: Mapped[float] = mapped_column(Float)
    y: Mapped[float] = mapped_column(Float)
    heading: Mapped[float] = mapped_column(Float)
    fov: Mapped[float] = mapped_column(Float, default=60.0)
    range_m: Mapped[float] = mapped_column(Float, default=80.0)
    stream_url: Mapped[str | None] = mapped_column(String(512))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"))
    admin_code: Mapped[str | None] = mapped_column(String(12))


class IoTDevice(Base):
    """A sensor, bound to a component when it has one (井盖、路灯、水位计 …)."""

    __tablename__ = "iot_device"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    device_id: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(16), index=True)
    component_code: Mapped[str | None] = mapped_column(ForeignKey("component.code"), index=True)
    x: Mapped[float] = mapped_column(Float)
    y: Mapped[float] = mapped_column(Float)


class Alarm(DrillFlag, Base):
    """An alarm from the live feed (unique per ``stream, seq``); acknowledged and closed with who/when."""

    __tablename__ = "alarm"
    __table_args__ = (UniqueConstraint("stream", "seq"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    stream: Mapped[str] = mapped_column(String(32), default="default")
    seq: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(32), index=True)
    level: Mapped[int] = mapped_column(Integer, default=3)
    source: Mapped[str] = mapped_column(String(32))
    device_id: Mapped[str | None] = mapped_column(String(64))
    component_code: Mapped[str | None] = mapped_column(String(24))
    x: Mapped[float | None] = mapped_column(Float)
    y: Mapped[float | None] = mapped_column(Float)
    ts: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    status: Mapped[str] = mapped_column(String(8), default="未处理")
    message: Mapped[str] = mapped_column(Text, default="")
    payload: Mapped[dict | None] = mapped_column(JSON)
    acked_by: Mapped[str | None] = mapped_column(String(32))
    acked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    closed_by: Mapped[str | None] = mapped_column(String(32))  # 误报 / 已关闭
    closed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class Case(DrillFlag, Base):
    """A city-management case, moved through its stages by :mod:`desktop.cases.service`.

    The clock of the current phase (立案/派遣/处置/核查/结案) starts at ``phase_since`` with
    ``limit_s`` seconds of ``limit_unit`` time; ``deadline`` is when it runs out (suspension
    excluded). ``pending_action`` is a request (作废、延期、挂账 …) awaiting approval.
    """

    __tablename__ = "case"
    __table_args__ = (  # the seat's lists: open cases of one department or grid
        Index("ix_case_department_stage", "department_id", "stage"),
        Index("ix_case_grid_stage", "grid_code", "stage"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_no: Mapped[str] = mapped_column(String(32), unique=True)
    stage: Mapped[str] = mapped_column(String(8), index=True, default="信息采集")
    source: Mapped[str] = mapped_column(String(16))
    scheme: Mapped[str | None] = mapped_column(String(32))
    class_code: Mapped[str | None] = mapped_column(String(8))
    description: Mapped[str] = mapped_column(Text, default="")
    address: Mapped[str | None] = mapped_column(String(128))
    x: Mapped[float | None] = mapped_column(Float)
    y: Mapped[float | None] = mapped_column(Float)
    grid_code: Mapped[str | None] = mapped_column(ForeignKey("unit_grid.code"))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"))
    alarm_id: Mapped[int | None] = mapped_column(ForeignKey("alarm.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    deadline: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), index=True)
    class_kind: Mapped[str | None] = mapped_column(String(8))  # 部件 / 事项
    component_code: Mapped[str | None] = mapped_column(String(24))
    reporter: Mapped[str | None] = mapped_column(String(32))
    reporter_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), index=True)
    photos: Mapped[list | None] = mapped_column(JSON)
    phase_since: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    limit_s: Mapped[float | None] = mapped_column(Float)
    limit_unit: Mapped[str | None] = mapped_column(String(8))
    suspended_since: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    suspended_total_s: Mapped[float] = mapped_column(Float, default=0.0)
    pending_action: Mapped[str | None] = mapped_column(String(16))
    pending_by: Mapped[str | None] = mapped_column(String(32))
    pending_payload: Mapped[dict | None] = mapped_column(JSON)
    filed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    dispatched_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    closed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    disposed_in_time: Mapped[bool | None] = mapped_column(Boolean)
    rework_count: Mapped[int] = mapped_column(Integer, default=0)
    extension_count: Mapped[int] = mapped_column(Integer, default=0)
    returned_count: Mapped[int] = mapped_column(Integer, default=0)
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version}


class CaseAudit(DrillFlag, Base):
    """Append-only audit log of a case: who, when, from which seat, what."""

    __tablename__ = "case_audit"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case.id"), index=True)
    ts: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    actor: Mapped[str] = mapped_column(String(32))
    seat: Mapped[str | None] = mapped_column(String(32))
    action: Mapped[str] = mapped_column(String(16))
    from_stage: Mapped[str | None] = mapped_column(String(8))
    to_stage: Mapped[str | None] = mapped_column(String(8))
    comment: Mapped[str] = mapped_column(Text, default="")
    attachments: Mapped[list | None] = mapped_column(JSON)


class EmergencyPlan(Base):
    """应急预案 (structure only for now): sections as named in the plan template."""

    __tablename__ = "emergency_plan"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(64))
    plan_type: Mapped[str] = mapped_column(String(16))
    sections: Mapped[dict] = mapped_column(JSON, default=dict)
    levels: Mapped[list[PlanLevel]] = relationship(back_populates="plan", cascade="all, delete-orphan")


class PlanLevel(Base):
    """One response level (I–IV) of a plan: criteria, command group, ordered steps."""

    __tablename__ = "plan_level"
    __table_args__ = (UniqueConstraint("plan_id", "level"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("emergency_plan.id"))
    level: Mapped[str] = mapped_column(String(4))
    criteria: Mapped[str] = mapped_column(Text, default="")
    trigger: Mapped[dict | None] = mapped_column(JSON)  # machine-readable criteria (desktop.emergency.criteria)
    command_group: Mapped[list] = mapped_column(JSON, default=list)
    steps: Mapped[list] = mapped_column(JSON, default=list)
    plan: Mapped[EmergencyPlan] = relationship(back_populates="levels")


class PlanActivation(DrillFlag, GeometryMixin, Base):
    """A plan in force at a place (centre ``x, y``; affected area as geometry) and level."""

    __tablename__ = "plan_activation"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("emergency_plan.id"))
    level: Mapped[str] = mapped_column(String(4))
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    ended_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    x: Mapped[float | None] = mapped_column(Float)
    y: Mapped[float | None] = mapped_column(Float)
    title: Mapped[str] = mapped_column(String(128), default="")
    radius_m: Mapped[float] = mapped_column(Float, default=500.0)
    end_reason: Mapped[str | None] = mapped_column(Text)
    drill_run_id: Mapped[int | None] = mapped_column(ForeignKey("drill_run.id"), index=True)
    plan: Mapped[EmergencyPlan] = relationship()


class ActivationStep(DrillFlag, Base):
    """One response step of an activation, copied from the level's steps; ticked with who/when."""

    __tablename__ = "activation_step"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    activation_id: Mapped[int] = mapped_column(ForeignKey("plan_activation.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    level: Mapped[str] = mapped_column(String(4))
    owner: Mapped[str] = mapped_column(String(32))
    action: Mapped[str] = mapped_column(Text)
    department: Mapped[str | None] = mapped_column(String(32))
    deadline_min: Mapped[float] = mapped_column(Float)  # after activation (or after the level change that added it)
    due_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    confirm: Mapped[bool] = mapped_column(Boolean, default=True)
    done_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    done_by: Mapped[str | None] = mapped_column(String(32))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("case.id"))


class IncidentLog(DrillFlag, Base):
    """The time-stamped log of an incident or drill: every action, alarm, dispatch and note."""

    __tablename__ = "incident_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    activation_id: Mapped[int | None] = mapped_column(ForeignKey("plan_activation.id"), index=True)
    drill_run_id: Mapped[int | None] = mapped_column(ForeignKey("drill_run.id"), index=True)
    ts: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    actor: Mapped[str] = mapped_column(String(32), default="")
    text: Mapped[str] = mapped_column(Text, default="")
    data: Mapped[dict | None] = mapped_column(JSON)


class EmergencyResource(Base):
    """应急资源 (人力、物资、设施、车辆装备、技术、资金、特殊) at a place, with its keeper."""

    __tablename__ = "emergency_resource"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(8), index=True)
    quantity: Mapped[float] = mapped_column(Float, default=1.0)
    unit: Mapped[str] = mapped_column(String(8), default="")
    owner: Mapped[str] = mapped_column(String(64), default="")
    contact: Mapped[str] = mapped_column(String(32), default="")
    phone: Mapped[str | None] = mapped_column(String(32))
    x: Mapped[float] = mapped_column(Float)
    y: Mapped[float] = mapped_column(Float)


class ResponsibilityZone(GeometryMixin, Base):
    """分区分段包干: a polygon and the person answering for it (in a plan type, or all)."""

    __tablename__ = "responsibility_zone"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(64))
    plan_type: Mapped[str | None] = mapped_column(String(16))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    person: Mapped[str] = mapped_column(String(32))
    phone: Mapped[str | None] = mapped_column(String(32))
    duty: Mapped[str] = mapped_column(Text, default="")


class DrillRun(Base):
    """One run of a drill scenario; ``report`` is the after-action report once it has ended."""

    __tablename__ = "drill_run"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    scenario: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(128))
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    ended_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    speed: Mapped[float] = mapped_column(Float, default=1.0)
    report: Mapped[dict | None] = mapped_column(JSON)


class BaseFeature(GeometryMixin, Base):
    """Base-map features: roads (by class), water, green space, place labels, boundaries."""

    __tablename__ = "base_feature"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), index=True)
    subkind: Mapped[str | None] = mapped_column(String(16))
    name: Mapped[str | None] = mapped_column(String(64))

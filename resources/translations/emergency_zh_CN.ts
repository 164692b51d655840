<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActivateDialog</name>
    <message>
        <location filename="../../widgets/emergency/plan_library.py" line="177"/>
        <source>Activate plan</source>
        <translation>启动预案</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/plan_library.py" line="185"/>
        <source> m</source>
        <translation> 米</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/plan_library.py" line="188"/>
        <source>Duty officer</source>
        <translation>值班长</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/plan_library.py" line="190"/>
        <source>Plan</source>
        <translation>预案</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/plan_library.py" line="191"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/plan_library.py" line="192"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/plan_library.py" line="193"/>
        <source>Radius</source>
        <translation>影响半径</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/plan_library.py" line="194"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/plan_library.py" line="195"/>
        <source>Operator</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/plan_library.py" line="196"/>
        <source>Activate</source>
        <translation>启动</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="vanished">取消</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/plan_library.py" line="208"/>
        <source>%1°E %2°N (click the map to move)</source>
        <translation>东经 %1° 北纬 %2°（点击地图可改变位置）</translation>
    </message>
</context>
<context>
    <name>DrillPanel</name>
    <message>
        <location filename="../../widgets/emergency/drill_panel.py" line="48"/>
        <source>Scripted participant responds</source>
        <translation>按脚本自动参演（无人值守）</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/drill_panel.py" line="49"/>
        <source>DRILL IN PROGRESS — records are marked as drill</source>
        <translation>演练进行中——所有记录均标记为演练</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/drill_panel.py" line="52"/>
        <source>No drill running</source>
        <translation>当前没有演练</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/drill_panel.py" line="54"/>
        <source>Scenario</source>
        <translation>演练脚本</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/drill_panel.py" line="55"/>
        <source>Speed</source>
        <translation>时间倍速</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/drill_panel.py" line="60"/>
        <source>Start</source>
        <translation>开始演练</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/drill_panel.py" line="60"/>
        <location filename="../../widgets/emergency/drill_panel.py" line="165"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/drill_panel.py" line="61"/>
        <source>End drill</source>
        <translation>结束演练</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/drill_panel.py" line="61"/>
        <source>New scenario…</source>
        <translation>新建脚本…</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/drill_panel.py" line="62"/>
        <source>Edit scenario…</source>
        <translation>编辑脚本…</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/drill_panel.py" line="62"/>
        <source>Export HTML…</source>
        <translation>导出 HTML…</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/drill_panel.py" line="63"/>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/drill_panel.py" line="79"/>
        <source>Proposals (double-click to activate):</source>
        <translation>启动建议（双击启动预案）：</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/drill_panel.py" line="104"/>
        <location filename="../../widgets/emergency/drill_panel.py" line="151"/>
        <source>Drill</source>
        <translation>演练</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/drill_panel.py" line="133"/>
        <source>Director</source>
        <translation>导演组</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/drill_panel.py" line="149"/>
        <source>Duty officer</source>
        <translation>值班长</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/drill_panel.py" line="165"/>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/drill_panel.py" line="167"/>
        <source>Scenario time %1 of %2</source>
        <translation>演练时间 %1 / %2</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/drill_panel.py" line="174"/>
        <source>Drill ended; the after-action report is below.</source>
        <translation>演练已结束，评估报告如下。</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/drill_panel.py" line="191"/>
        <location filename="../../widgets/emergency/drill_panel.py" line="197"/>
        <source>Export report</source>
        <translation>导出评估报告</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/drill_panel.py" line="191"/>
        <source>HTML (*.html)</source>
        <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/drill_panel.py" line="197"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>EmergencyLayers</name>
    <message>
        <location filename="../../layers/emergency/resource_layers.py" line="24"/>
        <source>Responsibility zones</source>
        <translation>分区分段包干</translation>
    </message>
    <message>
        <location filename="../../layers/emergency/resource_layers.py" line="26"/>
        <source>Emergency resources</source>
        <translation>应急资源</translation>
    </message>
</context>
<context>
    <name>EmergencyMenu</name>
    <message>
        <location filename="../../widgets/emergency/menu_actions.py" line="18"/>
        <source>Emergency plans</source>
        <translation>应急预案</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/menu_actions.py" line="20"/>
        <source>New emergency &amp;plan…</source>
        <translation>新建应急预案(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/menu_actions.py" line="22"/>
        <source>Emergency d&amp;rills</source>
        <translation>应急演练(&amp;R)</translation>
    </message>
</context>
<context>
    <name>EmergencyPanel</name>
    <message>
        <location filename="../../widgets/emergency/emergency_panel.py" line="19"/>
        <source>Plans</source>
        <translation>预案库</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/emergency_panel.py" line="19"/>
        <source>Command</source>
        <translation>事件指挥</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/emergency_panel.py" line="19"/>
        <source>Drills</source>
        <translation>演练</translation>
    </message>
</context>
<context>
    <name>IncidentPanel</name>
    <message>
        <location filename="../../widgets/emergency/incident_panel.py" line="84"/>
        <source>DRILL</source>
        <translation>演练</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/incident_panel.py" line="91"/>
        <source>Duty officer</source>
        <translation>值班长</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/incident_panel.py" line="95"/>
        <source>Operator</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/incident_panel.py" line="103"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="vanished">级别</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/incident_panel.py" line="103"/>
        <source>Owner</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/incident_panel.py" line="103"/>
        <source>Action</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/incident_panel.py" line="103"/>
        <source>Deadline</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/incident_panel.py" line="103"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/incident_panel.py" line="104"/>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/incident_panel.py" line="105"/>
        <source>Role</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/incident_panel.py" line="105"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/incident_panel.py" line="105"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/incident_panel.py" line="105"/>
        <source>Radio</source>
        <translation>对讲呼号</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/incident_panel.py" line="109"/>
        <source>Note for the incident log</source>
        <translation>输入事件记录，回车保存</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/incident_panel.py" line="111"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/incident_panel.py" line="119"/>
        <source>Resource</source>
        <translation>资源</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/incident_panel.py" line="119"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/incident_panel.py" line="119"/>
        <source>Distance</source>
        <translation>距离</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/incident_panel.py" line="119"/>
        <source>Details</source>
        <translation>数量 · 单位 · 联系人</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/incident_panel.py" line="122"/>
        <location filename="../../widgets/emergency/incident_panel.py" line="245"/>
        <source>Response steps</source>
        <translation>响应步骤</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/incident_panel.py" line="122"/>
        <source>Command group</source>
        <translation>指挥组</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/incident_panel.py" line="123"/>
        <source>Incident log</source>
        <translation>事件日志</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/incident_panel.py" line="123"/>
        <source>Nearest resources</source>
        <translation>周边资源</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/incident_panel.py" line="124"/>
        <source>Cameras in the area</source>
        <translation>区域内摄像机</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/incident_panel.py" line="130"/>
        <source>Step done</source>
        <translation>完成步骤</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/incident_panel.py" line="130"/>
        <source>Dispatch task</source>
        <translation>派遣任务</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/incident_panel.py" line="131"/>
        <source>Change level…</source>
        <translation>调整级别…</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/incident_panel.py" line="131"/>
        <source>Terminate…</source>
        <translation>终止响应…</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/incident_panel.py" line="132"/>
        <source>Show on map</source>
        <translation>地图定位</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/incident_panel.py" line="132"/>
        <source>CAP warning…</source>
        <translation>发布预警…</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/incident_panel.py" line="133"/>
        <source>Summary</source>
        <translation>后期处置总结</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/incident_panel.py" line="139"/>
        <source>No plan is in force. Activate one from the plan library or a proposal.</source>
        <translation>当前没有启动的预案。请在预案库中启动预案，或接受系统的启动建议。</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/incident_panel.py" line="174"/>
        <source>[drill] </source>
        <translation>【演练】</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/incident_panel.py" line="174"/>
        <source>[ended] </source>
        <translation>【已终止】</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/incident_panel.py" line="211"/>
        <source> — terminated: %1</source>
        <translation> —— 已终止：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/incident_panel.py" line="228"/>
        <source>%1 m</source>
        <translation>%1 米</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/incident_panel.py" line="232"/>
        <source>No camera within the area</source>
        <translation>区域内没有摄像机</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/incident_panel.py" line="239"/>
        <source>Elapsed %1</source>
        <translation>已历时 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/incident_panel.py" line="245"/>
        <source>Select a step in the checklist first.</source>
        <translation>请先在步骤清单中选择一个步骤。</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/incident_panel.py" line="253"/>
        <source>Not done</source>
        <translation>操作未完成</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/incident_panel.py" line="266"/>
        <source>Case %1 dispatched</source>
        <translation>已派遣案件 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/incident_panel.py" line="269"/>
        <source>Change response level</source>
        <translation>调整响应级别</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/incident_panel.py" line="276"/>
        <source>Terminate the response</source>
        <translation>终止应急响应</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/incident_panel.py" line="293"/>
        <source>Alert</source>
        <translation>首发预警</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/incident_panel.py" line="293"/>
        <source>Update</source>
        <translation>更新预警</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/incident_panel.py" line="293"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/incident_panel.py" line="294"/>
        <location filename="../../widgets/emergency/incident_panel.py" line="297"/>
        <source>CAP warning</source>
        <translation>CAP 预警信息</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/incident_panel.py" line="294"/>
        <source>Message type</source>
        <translation>消息类型</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/incident_panel.py" line="301"/>
        <source>After-incident summary</source>
        <translation>后期处置总结</translation>
    </message>
</context>
<context>
    <name>LevelEditor</name>
    <message>
        <location filename="../../widgets/emergency/plan_editor.py" line="81"/>
        <source>This plan has this response level</source>
        <translation>本预案设有此响应级别</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/plan_editor.py" line="83"/>
        <source>Activation criteria as written in the plan</source>
        <translation>启动条件（预案原文）</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/plan_editor.py" line="86"/>
        <source>Role</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/plan_editor.py" line="86"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/plan_editor.py" line="87"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/plan_editor.py" line="87"/>
        <source>Radio</source>
        <translation>对讲呼号</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/plan_editor.py" line="88"/>
        <source>Owner</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/plan_editor.py" line="88"/>
        <source>Action</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/plan_editor.py" line="89"/>
        <source>Deadline (min)</source>
        <translation>时限（分钟）</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/plan_editor.py" line="90"/>
        <source>Confirm</source>
        <translation>须确认</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/plan_editor.py" line="91"/>
        <source>Department</source>
        <translation>处置部门</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/plan_editor.py" line="93"/>
        <source>Response steps</source>
        <translation>响应步骤</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/plan_editor.py" line="94"/>
        <source>Command group</source>
        <translation>指挥组</translation>
    </message>
</context>
<context>
    <name>PlanEditor</name>
    <message>
        <location filename="../../widgets/emergency/plan_editor.py" line="123"/>
        <source>Emergency plan</source>
        <translation>应急预案</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/plan_editor.py" line="129"/>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/plan_editor.py" line="130"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/plan_editor.py" line="131"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/plan_editor.py" line="144"/>
        <source>Plan text</source>
        <translation>预案文本</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/plan_editor.py" line="148"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="vanished">取消</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/plan_editor.py" line="175"/>
        <source>Plan incomplete</source>
        <translation>预案不完整</translation>
    </message>
</context>
<context>
    <name>PlanLibrary</name>
    <message>
        <location filename="../../widgets/emergency/plan_library.py" line="51"/>
        <source>Plan</source>
        <translation>预案</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/plan_library.py" line="51"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/plan_library.py" line="51"/>
        <source>Levels</source>
        <translation>响应级别</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/plan_library.py" line="59"/>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/plan_library.py" line="59"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/plan_library.py" line="60"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/plan_library.py" line="60"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/plan_library.py" line="61"/>
        <source>Activate…</source>
        <translation>启动…</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/plan_library.py" line="68"/>
        <source>Activate proposal…</source>
        <translation>接受建议并启动…</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/plan_library.py" line="73"/>
        <source>Proposed by alarms meeting plan criteria:</source>
        <translation>告警满足预案启动条件，系统建议：</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/plan_library.py" line="103"/>
        <source>No proposal</source>
        <translation>暂无启动建议</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/plan_library.py" line="128"/>
        <location filename="../../widgets/emergency/plan_library.py" line="134"/>
        <source>Import plan</source>
        <translation>导入预案</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/plan_library.py" line="128"/>
        <location filename="../../widgets/emergency/plan_library.py" line="140"/>
        <source>Plan files (*.json)</source>
        <translation>预案文件 (*.json)</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/plan_library.py" line="140"/>
        <source>Export plan</source>
        <translation>导出预案</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/plan_library.py" line="166"/>
        <source>Activate plan</source>
        <translation>启动预案</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../widgets/emergency/incident_panel.py" line="315"/>
        <source>New level</source>
        <translation>新级别</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/incident_panel.py" line="316"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/incident_panel.py" line="317"/>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="vanished">取消</translation>
    </message>
</context>
<context>
    <name>RowTable</name>
    <message>
        <location filename="../../widgets/emergency/row_table.py" line="70"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/row_table.py" line="70"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/row_table.py" line="71"/>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/row_table.py" line="71"/>
        <source>Down</source>
        <translation>下移</translation>
    </message>
</context>
<context>
    <name>ScenarioEditor</name>
    <message>
        <location filename="../../widgets/emergency/scenario_editor.py" line="44"/>
        <source>Drill scenario</source>
        <translation>演练脚本</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/scenario_editor.py" line="51"/>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/scenario_editor.py" line="52"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/scenario_editor.py" line="53"/>
        <source>Plan code</source>
        <translation>预案编号</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/scenario_editor.py" line="54"/>
        <source>Description</source>
        <translation>情景说明</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/scenario_editor.py" line="56"/>
        <location filename="../../widgets/emergency/scenario_editor.py" line="61"/>
        <source>Minute</source>
        <translation>第几分钟</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/scenario_editor.py" line="56"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/scenario_editor.py" line="56"/>
        <source>Alarm kind</source>
        <translation>告警类型</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/scenario_editor.py" line="57"/>
        <location filename="../../widgets/emergency/scenario_editor.py" line="62"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/scenario_editor.py" line="57"/>
        <source>East (m)</source>
        <translation>东偏（米）</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/scenario_editor.py" line="58"/>
        <source>North (m)</source>
        <translation>北偏（米）</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/scenario_editor.py" line="58"/>
        <source>Metric</source>
        <translation>读数指标</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/scenario_editor.py" line="59"/>
        <source>Reading</source>
        <translation>读数</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/scenario_editor.py" line="59"/>
        <source>Message</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/scenario_editor.py" line="61"/>
        <source>Action</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/scenario_editor.py" line="61"/>
        <source>Who</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/scenario_editor.py" line="62"/>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/scenario_editor.py" line="63"/>
        <source>Reason / text</source>
        <translation>理由 / 记录内容</translation>
    </message>
    <message>
        <source>Types: reading, alarm, breakdown, call, video</source>
        <translation type="vanished">类型：reading 传感读数、alarm 告警、breakdown 车辆故障、call 市民来电、video 视频事件</translation>
    </message>
    <message>
        <source>Actions: acknowledge, activate, tick, dispatch, change_level, note, cap, terminate, end</source>
        <translation type="vanished">动作：acknowledge 确认告警、activate 启动预案、tick 完成步骤、dispatch 派遣任务、change_level 调整级别、note 记录、cap 发布预警、terminate 终止响应、end 结束演练</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/scenario_editor.py" line="65"/>
        <source>Injects</source>
        <translation>注入事件</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/scenario_editor.py" line="66"/>
        <source>Scripted responses</source>
        <translation>参演动作</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/scenario_editor.py" line="67"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="vanished">取消</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/scenario_editor.py" line="98"/>
        <source>Scenario incomplete</source>
        <translation>演练脚本不完整</translation>
    </message>
</context>
<context>
    <name>TextDialog</name>
    <message>
        <location filename="../../widgets/emergency/incident_panel.py" line="328"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/incident_panel.py" line="328"/>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/incident_panel.py" line="328"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/incident_panel.py" line="341"/>
        <source>Save as</source>
        <translation>另存为</translation>
    </message>
</context>
<context>
    <name>TriggerForm</name>
    <message>
        <location filename="../../widgets/emergency/plan_editor.py" line="37"/>
        <source>Automatic proposal (alarm criteria)</source>
        <translation>自动建议启动（告警条件）</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/plan_editor.py" line="39"/>
        <source>alarm kinds separated by 、 — empty: by hand only</source>
        <translation>告警类型，用“、”分隔；留空表示仅人工启动</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/plan_editor.py" line="42"/>
        <source>none</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/plan_editor.py" line="44"/>
        <source> m</source>
        <translation> 米</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/plan_editor.py" line="45"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/plan_editor.py" line="47"/>
        <source>Alarm kinds</source>
        <translation>告警类型</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/plan_editor.py" line="48"/>
        <source>Reading (metric)</source>
        <translation>读数指标</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/plan_editor.py" line="49"/>
        <source>Reading at least</source>
        <translation>读数不低于</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/plan_editor.py" line="55"/>
        <source>At least</source>
        <translation>至少</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/plan_editor.py" line="51"/>
        <source>alarms within</source>
        <translation>条告警，半径</translation>
    </message>
    <message>
        <location filename="../../widgets/emergency/plan_editor.py" line="51"/>
        <source>in the last</source>
        <translation>范围内，时间窗口</translation>
    </message>
</context>
</TS>

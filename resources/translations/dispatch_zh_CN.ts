<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActionDialog</name>
    <message>
        <location filename="../../widgets/dispatch/action_dialogs.py" line="40"/>
        <source>%1 · case %2</source>
        <translation>%1 · 案件 %2</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/action_dialogs.py" line="42"/>
        <source>Case %1, now at %2</source>
        <translation>案件 %1，当前阶段：%2</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="vanished">取消</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/action_dialogs.py" line="54"/>
        <source>Notes</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/action_dialogs.py" line="56"/>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
</context>
<context>
    <name>CaseDetail</name>
    <message>
        <location filename="../../widgets/dispatch/case_detail.py" line="26"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/case_detail.py" line="26"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/case_detail.py" line="26"/>
        <source>By</source>
        <translation>操作人（坐席）</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/case_detail.py" line="26"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/case_detail.py" line="26"/>
        <source>Notes</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/case_detail.py" line="29"/>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/case_detail.py" line="30"/>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/case_detail.py" line="43"/>
        <source>[Drill]</source>
        <translation>【演练】</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/case_detail.py" line="43"/>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/case_detail.py" line="43"/>
        <source>awaiting approval of</source>
        <translation>待审批：</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/case_detail.py" line="44"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/case_detail.py" line="44"/>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/case_detail.py" line="44"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/case_detail.py" line="45"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/case_detail.py" line="45"/>
        <source>Department</source>
        <translation>处置部门</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/case_detail.py" line="45"/>
        <source>Deadline</source>
        <translation>截止</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/case_detail.py" line="46"/>
        <source>Description</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/case_detail.py" line="59"/>
        <source>%1 attachments</source>
        <translation>附件 %1 个</translation>
    </message>
</context>
<context>
    <name>CasePanel</name>
    <message>
        <location filename="../../widgets/dispatch/case_panel.py" line="73"/>
        <source>Register…</source>
        <translation>案件登记…</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/case_panel.py" line="75"/>
        <source>Register at map click</source>
        <translation>地图点选登记</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/case_panel.py" line="77"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/case_panel.py" line="79"/>
        <source>All stages</source>
        <translation>全部阶段</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/case_panel.py" line="80"/>
        <source>All time limits</source>
        <translation>全部时限</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/case_panel.py" line="82"/>
        <source>All sources</source>
        <translation>全部来源</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/case_panel.py" line="84"/>
        <source>Search case no.</source>
        <translation>按案件编号搜索</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/case_panel.py" line="87"/>
        <source>Reported from</source>
        <translation>上报日期</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/case_panel.py" line="115"/>
        <source>Current seat</source>
        <translation>当前坐席</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/case_panel.py" line="130"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/case_panel.py" line="186"/>
        <source>All departments</source>
        <translation>全部部门</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/case_panel.py" line="187"/>
        <source>All grids</source>
        <translation>全部网格</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/case_panel.py" line="205"/>
        <source>No database open</source>
        <translation>未打开数据库</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/case_panel.py" line="214"/>
        <source>Cannot read cases: %1</source>
        <translation>无法读取案件：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/case_panel.py" line="218"/>
        <source>%1 cases</source>
        <translation>共 %1 件</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/case_panel.py" line="280"/>
        <source>Open a city database first.</source>
        <translation>请先打开城市数据库。</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/case_panel.py" line="284"/>
        <source>Case %1 registered.</source>
        <translation>案件 %1 已登记。</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/case_panel.py" line="321"/>
        <source>Database error: %1</source>
        <translation>数据库错误：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/case_panel.py" line="326"/>
        <source>Case %1: %2 done, now %3.</source>
        <translation>案件 %1：已%2，当前阶段：%3。</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <location filename="../../widgets/dispatch/case_table_model.py" line="19"/>
        <source>Case no.</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/case_table_model.py" line="19"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/case_table_model.py" line="19"/>
        <source>Time limit</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/case_table_model.py" line="19"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/case_table_model.py" line="20"/>
        <source>Department</source>
        <translation>处置部门</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/case_table_model.py" line="20"/>
        <source>Reported</source>
        <translation>上报</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/case_table_model.py" line="57"/>
        <source>[Drill] %1</source>
        <translation>【演练】%1</translation>
    </message>
</context>
<context>
    <name>ClassPicker</name>
    <message>
        <location filename="../../widgets/dispatch/class_picker.py" line="29"/>
        <source>Search classes by name or code</source>
        <translation>按名称或代码搜索类别</translation>
    </message>
</context>
<context>
    <name>DispatchDialog</name>
    <message>
        <location filename="../../widgets/dispatch/action_dialogs.py" line="96"/>
        <source>Unit</source>
        <translation>车辆/人员</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/action_dialogs.py" line="96"/>
        <source>Located by</source>
        <translation>定位方式</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/action_dialogs.py" line="96"/>
        <source>Distance</source>
        <translation>距离</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/action_dialogs.py" line="96"/>
        <source>ETA</source>
        <translation>预计到达</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/action_dialogs.py" line="100"/>
        <source>Department</source>
        <translation>处置部门</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/action_dialogs.py" line="102"/>
        <source>Nearest units</source>
        <translation>就近推荐</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/action_dialogs.py" line="103"/>
        <source>Disposal deadline</source>
        <translation>处置时限</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/action_dialogs.py" line="117"/>
        <source>%1 m</source>
        <translation>%1 米</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/action_dialogs.py" line="118"/>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/action_dialogs.py" line="127"/>
        <source>%1 %2, due %3</source>
        <translation>%1 %2，截止 %3</translation>
    </message>
</context>
<context>
    <name>DispatchMenu</name>
    <message>
        <location filename="../../widgets/dispatch/menu_actions.py" line="19"/>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/menu_actions.py" line="21"/>
        <source>Register a &amp;case…</source>
        <translation>案件登记(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/menu_actions.py" line="24"/>
        <source>&amp;Evaluation (KPI)…</source>
        <translation>考核评价(&amp;E)…</translation>
    </message>
</context>
<context>
    <name>ExtensionDialog</name>
    <message>
        <location filename="../../widgets/dispatch/action_dialogs.py" line="166"/>
        <source>Extend by</source>
        <translation>延期时长</translation>
    </message>
</context>
<context>
    <name>FeedbackDialog</name>
    <message>
        <location filename="../../widgets/dispatch/action_dialogs.py" line="142"/>
        <source>Photos before</source>
        <translation>处置前照片</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/action_dialogs.py" line="143"/>
        <source>Photos after</source>
        <translation>处置后照片</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/action_dialogs.py" line="149"/>
        <source>(%1 photos before, %2 after)</source>
        <translation>（处置前照片 %1 张，处置后 %2 张）</translation>
    </message>
</context>
<context>
    <name>KpiPanel</name>
    <message>
        <location filename="../../widgets/dispatch/kpi_panel.py" line="48"/>
        <source>Evaluation</source>
        <translation>考核评价</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/kpi_panel.py" line="53"/>
        <source>By department</source>
        <translation>按处置部门</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/kpi_panel.py" line="53"/>
        <source>By grid</source>
        <translation>按单元网格</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/kpi_panel.py" line="54"/>
        <source>By inspector</source>
        <translation>按监督员</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/kpi_panel.py" line="61"/>
        <source>Compute</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/kpi_panel.py" line="63"/>
        <source>Export CSV…</source>
        <translation>导出月报 CSV…</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/kpi_panel.py" line="64"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/kpi_panel.py" line="65"/>
        <source>Export printable HTML…</source>
        <translation>导出可打印月报 HTML…</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/kpi_panel.py" line="66"/>
        <source>HTML files (*.html)</source>
        <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/kpi_panel.py" line="71"/>
        <source>Cases per day (reported / closed)</source>
        <translation>每日案件数（上报 / 结案）</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/kpi_panel.py" line="72"/>
        <source>Composite index per department</source>
        <translation>各部门综合指数排名</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/kpi_panel.py" line="73"/>
        <source>Cases per major class</source>
        <translation>按大类的案件分布</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/kpi_panel.py" line="83"/>
        <source>KPIs</source>
        <translation>考核指标</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/kpi_panel.py" line="84"/>
        <source>Comprehensive evaluation</source>
        <translation>综合评价</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/kpi_panel.py" line="86"/>
        <source>Period</source>
        <translation>统计期</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/kpi_panel.py" line="86"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/kpi_panel.py" line="113"/>
        <source>Open a database and choose a period whose end is not before its start.</source>
        <translation>请打开数据库，并选择截止日期不早于起始日期的统计期。</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/kpi_panel.py" line="126"/>
        <source>Cannot compute the KPIs: %1</source>
        <translation>无法统计考核指标：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/kpi_panel.py" line="130"/>
        <source>No cases in this period.</source>
        <translation>统计期内没有案件。</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/kpi_panel.py" line="131"/>
        <source>%1 cases reported; composite index %2, grade %3</source>
        <translation>上报案件 %1 件；综合指数 %2，等级 %3</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/kpi_panel.py" line="149"/>
        <location filename="../../widgets/dispatch/kpi_panel.py" line="156"/>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/kpi_panel.py" line="150"/>
        <location filename="../../widgets/dispatch/kpi_panel.py" line="156"/>
        <source>Composite index</source>
        <translation>综合指数</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/kpi_panel.py" line="150"/>
        <location filename="../../widgets/dispatch/kpi_panel.py" line="156"/>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/kpi_panel.py" line="165"/>
        <source>Reported</source>
        <translation>上报</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/kpi_panel.py" line="166"/>
        <source>Closed</source>
        <translation>结案</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/kpi_panel.py" line="181"/>
        <source>Cases per day</source>
        <translation>每日案件趋势</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/kpi_panel.py" line="181"/>
        <source>Ranking per department</source>
        <translation>部门排名</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/kpi_panel.py" line="182"/>
        <source>Distribution by class</source>
        <translation>类别分布</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/kpi_panel.py" line="189"/>
        <source>Nothing to export: compute the KPIs first.</source>
        <translation>没有可导出的内容：请先统计。</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/kpi_panel.py" line="191"/>
        <source>Export monthly report</source>
        <translation>导出月度考核报告</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/kpi_panel.py" line="199"/>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/kpi_panel.py" line="201"/>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
</context>
<context>
    <name>KpiReport</name>
    <message>
        <location filename="../../widgets/dispatch/kpi_report.py" line="18"/>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/kpi_report.py" line="22"/>
        <source>Composite index</source>
        <translation>综合指数</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/kpi_report.py" line="22"/>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/kpi_report.py" line="38"/>
        <source>Evaluation report %1 to %2</source>
        <translation>考核报告（%1 至 %2）</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/kpi_report.py" line="66"/>
        <location filename="../../widgets/dispatch/kpi_report.py" line="92"/>
        <source>Comprehensive evaluation</source>
        <translation>综合评价</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/kpi_report.py" line="90"/>
        <source>KPIs</source>
        <translation>考核指标</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/kpi_report.py" line="91"/>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
</context>
<context>
    <name>MiniMap</name>
    <message>
        <location filename="../../widgets/dispatch/mini_map.py" line="53"/>
        <source>No location</source>
        <translation>无位置</translation>
    </message>
</context>
<context>
    <name>PhotoList</name>
    <message>
        <location filename="../../widgets/dispatch/photo_list.py" line="12"/>
        <source>Add photos…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/photo_list.py" line="14"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/photo_list.py" line="26"/>
        <source>Choose photos</source>
        <translation>选择照片</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/photo_list.py" line="27"/>
        <source>Images (*.jpg *.jpeg *.png *.bmp);;All files (*)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.bmp);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>RegisterDialog</name>
    <message>
        <location filename="../../widgets/dispatch/register_dialog.py" line="47"/>
        <source>Register a case</source>
        <translation>案件登记</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/register_dialog.py" line="52"/>
        <source>Drill case</source>
        <translation>演练案件</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/register_dialog.py" line="57"/>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/register_dialog.py" line="65"/>
        <source>Report</source>
        <translation>上报</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="vanished">取消</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/register_dialog.py" line="85"/>
        <source>Lon</source>
        <translation>经度</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/register_dialog.py" line="87"/>
        <source>Lat</source>
        <translation>纬度</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/register_dialog.py" line="92"/>
        <source>Current seat</source>
        <translation>当前坐席</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/register_dialog.py" line="96"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/register_dialog.py" line="97"/>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/register_dialog.py" line="98"/>
        <source>Description</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/register_dialog.py" line="99"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/register_dialog.py" line="100"/>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/register_dialog.py" line="132"/>
        <source>Alarm %1 does not exist.</source>
        <translation>报警 %1 不存在。</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/register_dialog.py" line="135"/>
        <source>Register a case from alarm %1</source>
        <translation>由报警 %1 登记案件</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/register_dialog.py" line="159"/>
        <source>Choose the current seat first.</source>
        <translation>请先选择当前坐席。</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/register_dialog.py" line="162"/>
        <source>Describe the problem or choose its class.</source>
        <translation>请填写问题描述或选择案件类别。</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/register_dialog.py" line="165"/>
        <source>Give a location on the map or an address.</source>
        <translation>请在地图上给出位置或填写地址。</translation>
    </message>
    <message>
        <location filename="../../widgets/dispatch/register_dialog.py" line="177"/>
        <source>Database error: %1</source>
        <translation>数据库错误：%1</translation>
    </message>
</context>
<context>
    <name>SeatSelector</name>
    <message>
        <location filename="../../widgets/dispatch/seat_selector.py" line="34"/>
        <source>(no staff in the database)</source>
        <translation>（数据库中没有坐席人员）</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AlarmDesk</name>
    <message>
        <location filename="../../widgets/alarms/alarm_desk.py" line="60"/>
        <source>Seat name</source>
        <translation>坐席名称</translation>
    </message>
    <message>
        <location filename="../../widgets/alarms/alarm_desk.py" line="61"/>
        <source>Name of this seat:</source>
        <translation>本坐席名称：</translation>
    </message>
    <message>
        <location filename="../../widgets/alarms/alarm_desk.py" line="72"/>
        <source>Alarms</source>
        <translation>告警</translation>
    </message>
    <message>
        <location filename="../../widgets/alarms/alarm_desk.py" line="79"/>
        <source>Alarm &amp;sound</source>
        <translation>告警提示音(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../widgets/alarms/alarm_desk.py" line="83"/>
        <source>Seat &amp;name…</source>
        <translation>坐席名称(&amp;N)…</translation>
    </message>
</context>
<context>
    <name>AlarmPanel</name>
    <message>
        <location filename="../../widgets/alarms/alarm_panel.py" line="50"/>
        <location filename="../../widgets/alarms/alarm_panel.py" line="151"/>
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../../widgets/alarms/alarm_panel.py" line="69"/>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../../widgets/alarms/alarm_panel.py" line="70"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../widgets/alarms/alarm_panel.py" line="71"/>
        <source>All levels</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <location filename="../../widgets/alarms/alarm_panel.py" line="85"/>
        <source>All streets</source>
        <translation>全部街道</translation>
    </message>
    <message>
        <location filename="../../widgets/alarms/alarm_panel.py" line="127"/>
        <location filename="../../widgets/alarms/alarm_panel.py" line="151"/>
        <source>Create case</source>
        <translation>生成案件</translation>
    </message>
    <message>
        <location filename="../../widgets/alarms/alarm_panel.py" line="127"/>
        <source>Case dispatch is not available yet.</source>
        <translation>案件派遣模块暂不可用。</translation>
    </message>
    <message>
        <location filename="../../widgets/alarms/alarm_panel.py" line="152"/>
        <source>False alarm</source>
        <translation>误报</translation>
    </message>
    <message>
        <location filename="../../widgets/alarms/alarm_panel.py" line="152"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>AlarmTableModel</name>
    <message>
        <location filename="../../widgets/alarms/alarm_table.py" line="31"/>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../widgets/alarms/alarm_table.py" line="31"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../widgets/alarms/alarm_table.py" line="31"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../widgets/alarms/alarm_table.py" line="31"/>
        <source>Street</source>
        <translation>街道</translation>
    </message>
    <message>
        <location filename="../../widgets/alarms/alarm_table.py" line="32"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../widgets/alarms/alarm_table.py" line="32"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../widgets/alarms/alarm_table.py" line="33"/>
        <source>Minor</source>
        <translation>一般</translation>
    </message>
    <message>
        <location filename="../../widgets/alarms/alarm_table.py" line="33"/>
        <source>Major</source>
        <translation>较重</translation>
    </message>
    <message>
        <location filename="../../widgets/alarms/alarm_table.py" line="33"/>
        <source>Severe</source>
        <translation>严重</translation>
    </message>
    <message>
        <location filename="../../widgets/alarms/alarm_table.py" line="33"/>
        <source>Critical</source>
        <translation>特别严重</translation>
    </message>
    <message>
        <location filename="../../widgets/alarms/alarm_table.py" line="121"/>
        <source>[Drill] {kind}</source>
        <translation>【演练】{kind}</translation>
    </message>
    <message>
        <location filename="../../widgets/alarms/alarm_table.py" line="127"/>
        <source>{status} · overdue</source>
        <translation>{status} · 超时</translation>
    </message>
    <message>
        <location filename="../../widgets/alarms/alarm_table.py" line="133"/>
        <source>Acknowledged by {who} at {when}</source>
        <translation>{who} 于 {when} 确认</translation>
    </message>
    <message>
        <location filename="../../widgets/alarms/alarm_table.py" line="136"/>
        <source>{status} by {who} at {when}</source>
        <translation>{who} 于 {when} 标记为{status}</translation>
    </message>
</context>
<context>
    <name>FeedStateLabel</name>
    <message>
        <location filename="../../widgets/alarms/alarm_desk.py" line="48"/>
        <source>Feed: no gateway configured (settings feed/url, feed/token)</source>
        <translation>推送：未配置网关（设置 feed/url、feed/token）</translation>
    </message>
    <message>
        <location filename="../../widgets/alarms/alarm_desk.py" line="50"/>
        <source>Feed: connected</source>
        <translation>推送：已连接</translation>
    </message>
    <message>
        <location filename="../../widgets/alarms/alarm_desk.py" line="52"/>
        <source>Feed: reconnecting since {time}</source>
        <translation>推送：重连中（自 {time}）</translation>
    </message>
    <message>
        <location filename="../../widgets/alarms/alarm_desk.py" line="54"/>
        <source>Feed: offline since {time}</source>
        <translation>推送：离线（自 {time}）</translation>
    </message>
</context>
<context>
    <name>UnacknowledgedLabel</name>
    <message>
        <location filename="../../widgets/alarms/alarm_desk.py" line="29"/>
        <source>Unacknowledged alarms: {count}</source>
        <translation>未确认告警 {count} 条</translation>
    </message>
</context>
</TS>

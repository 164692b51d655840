<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>TrackReplay</name>
    <message>
        <location filename="../../widgets/vehicles/__init__.py" line="19"/>
        <source>Track replay</source>
        <translation>轨迹回放</translation>
    </message>
</context>
<context>
    <name>TrackReplayPanel</name>
    <message>
        <location filename="../../widgets/vehicles/replay_panel.py" line="50"/>
        <source>Type a plate to search</source>
        <translation>输入车牌号搜索</translation>
    </message>
    <message>
        <location filename="../../widgets/vehicles/replay_panel.py" line="52"/>
        <source>Query</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../widgets/vehicles/replay_panel.py" line="83"/>
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <location filename="../../widgets/vehicles/replay_panel.py" line="84"/>
        <source>From</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../widgets/vehicles/replay_panel.py" line="85"/>
        <source>To</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <location filename="../../widgets/vehicles/replay_panel.py" line="91"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../widgets/vehicles/replay_panel.py" line="91"/>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <location filename="../../widgets/vehicles/replay_panel.py" line="91"/>
        <source>Mileage</source>
        <translation>里程</translation>
    </message>
    <message>
        <location filename="../../widgets/vehicles/replay_panel.py" line="92"/>
        <source>Top speed</source>
        <translation>最高速度</translation>
    </message>
    <message>
        <location filename="../../widgets/vehicles/replay_panel.py" line="92"/>
        <source>Stops</source>
        <translation>停留</translation>
    </message>
    <message>
        <location filename="../../widgets/vehicles/replay_panel.py" line="103"/>
        <source>Stops (click to go there)</source>
        <translation>停留点（点击定位）</translation>
    </message>
    <message>
        <location filename="../../widgets/vehicles/replay_panel.py" line="145"/>
        <source>Pick a vehicle first.</source>
        <translation>请先选择车辆。</translation>
    </message>
    <message>
        <location filename="../../widgets/vehicles/replay_panel.py" line="161"/>
        <source>No track of this vehicle in the chosen time range. Its positions are recorded from {0} to {1}.</source>
        <translation>所选时段内没有该车的轨迹记录。该车有记录的时段：{0} 至 {1}。</translation>
    </message>
    <message>
        <location filename="../../widgets/vehicles/replay_panel.py" line="159"/>
        <source>This vehicle has no recorded positions.</source>
        <translation>该车没有任何定位记录。</translation>
    </message>
    <message>
        <location filename="../../widgets/vehicles/replay_panel.py" line="171"/>
        <source>{0}. {1}–{2}, {3} min</source>
        <translation>{0}. {1}–{2}，停留 {3} 分钟</translation>
    </message>
    <message>
        <location filename="../../widgets/vehicles/replay_panel.py" line="204"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../widgets/vehicles/replay_panel.py" line="204"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location filename="../../widgets/vehicles/replay_panel.py" line="217"/>
        <location filename="../../widgets/vehicles/replay_panel.py" line="220"/>
        <source>{0:.1f} km/h</source>
        <translation>{0:.1f} km/h</translation>
    </message>
    <message>
        <location filename="../../widgets/vehicles/replay_panel.py" line="218"/>
        <source>{0:.2f} / {1:.2f} km</source>
        <translation>{0:.2f} / {1:.2f} 公里</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/vehicles/replay_panel.py" line="221"/>
        <source>%n time(s)</source>
        <translation>
            <numerusform>%n 次</numerusform>
        </translation>
    </message>
</context>
</TS>

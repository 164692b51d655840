<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CameraTreeModel</name>
    <message>
        <location filename="../../widgets/video/camera_tree.py" line="32"/>
        <source>Unassigned</source>
        <translation>未分组</translation>
    </message>
    <message>
        <location filename="../../widgets/video/camera_tree.py" line="40"/>
        <source>No video source</source>
        <translation>无视频源</translation>
    </message>
</context>
<context>
    <name>VideoPanel</name>
    <message>
        <location filename="../../widgets/video/panel.py" line="86"/>
        <source>By area</source>
        <translation>按区域</translation>
    </message>
    <message>
        <location filename="../../widgets/video/panel.py" line="87"/>
        <source>By department</source>
        <translation>按部门</translation>
    </message>
    <message>
        <location filename="../../widgets/video/panel.py" line="100"/>
        <source>%1 views</source>
        <translation>%1 画面</translation>
    </message>
    <message>
        <location filename="../../widgets/video/panel.py" line="103"/>
        <source>Previous page</source>
        <translation>上一页</translation>
    </message>
    <message>
        <location filename="../../widgets/video/panel.py" line="106"/>
        <source>Next page</source>
        <translation>下一页</translation>
    </message>
    <message>
        <location filename="../../widgets/video/panel.py" line="108"/>
        <source>Auto linkage</source>
        <translation>自动联动</translation>
    </message>
    <message>
        <location filename="../../widgets/video/panel.py" line="109"/>
        <source>Put the cameras covering a selected alarm or case on the wall</source>
        <translation>选中告警或案件时，把覆盖其位置的摄像机放上视频墙</translation>
    </message>
    <message>
        <location filename="../../widgets/video/panel.py" line="111"/>
        <location filename="../../widgets/video/panel.py" line="210"/>
        <source>Detach wall</source>
        <translation>分离窗口</translation>
    </message>
    <message>
        <location filename="../../widgets/video/panel.py" line="164"/>
        <source>No camera covers the incident</source>
        <translation>没有摄像机覆盖事发位置</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/video/panel.py" line="167"/>
        <source>%n camera(s) cover the incident: </source>
        <translation>
            <numerusform>%n 台摄像机覆盖事发位置：</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../widgets/video/panel.py" line="186"/>
        <source>Page %1 of %2</source>
        <translation>第 %1/%2 页</translation>
    </message>
    <message>
        <location filename="../../widgets/video/panel.py" line="194"/>
        <source>Video wall</source>
        <translation>视频墙</translation>
    </message>
    <message>
        <location filename="../../widgets/video/panel.py" line="203"/>
        <source>Dock wall</source>
        <translation>停靠回主窗口</translation>
    </message>
</context>
<context>
    <name>VideoTile</name>
    <message>
        <location filename="../../widgets/video/tile.py" line="89"/>
        <source>Drop a camera here</source>
        <translation>拖入摄像机</translation>
    </message>
    <message>
        <location filename="../../widgets/video/tile.py" line="91"/>
        <source>Paused (not visible)</source>
        <translation>已暂停（不可见）</translation>
    </message>
    <message>
        <location filename="../../widgets/video/tile.py" line="92"/>
        <source>No video source</source>
        <translation>无视频源</translation>
    </message>
    <message>
        <location filename="../../widgets/video/tile.py" line="93"/>
        <source>Connecting</source>
        <translation>连接中</translation>
    </message>
    <message>
        <location filename="../../widgets/video/tile.py" line="94"/>
        <source>Playing</source>
        <translation>播放中</translation>
    </message>
    <message>
        <location filename="../../widgets/video/tile.py" line="95"/>
        <source>Signal lost</source>
        <translation>信号中断</translation>
    </message>
    <message>
        <location filename="../../widgets/video/tile.py" line="96"/>
        <source>No permission</source>
        <translation>无权限</translation>
    </message>
    <message>
        <location filename="../../widgets/video/tile.py" line="97"/>
        <source>Invalid address</source>
        <translation>地址无效</translation>
    </message>
    <message>
        <location filename="../../widgets/video/tile.py" line="98"/>
        <source>Player missing</source>
        <translation>播放组件缺失</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/video/tile.py" line="108"/>
        <source>Retrying in %n s</source>
        <translation>
            <numerusform>%n 秒后重试</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../widgets/video/tile.py" line="204"/>
        <source>Alarm linkage</source>
        <translation>告警联动</translation>
    </message>
</context>
<context>
    <name>VideoWall</name>
    <message>
        <location filename="../../widgets/video/wall_dock.py" line="16"/>
        <source>Video wall</source>
        <translation>视频墙</translation>
    </message>
</context>
</TS>

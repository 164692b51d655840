<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BookmarksMenu</name>
    <message>
        <location filename="../../widgets/maptools/bookmarks_menu.py" line="15"/>
        <source>&amp;Bookmarks</source>
        <translation>书签(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../widgets/maptools/bookmarks_menu.py" line="23"/>
        <source>&amp;Add current view…</source>
        <translation>添加当前视图(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../widgets/maptools/bookmarks_menu.py" line="29"/>
        <source>&amp;Delete bookmark</source>
        <translation>删除书签(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../widgets/maptools/bookmarks_menu.py" line="34"/>
        <source>Add bookmark</source>
        <translation>添加书签</translation>
    </message>
    <message>
        <location filename="../../widgets/maptools/bookmarks_menu.py" line="34"/>
        <source>Name of the current view:</source>
        <translation>当前视图的名称：</translation>
    </message>
    <message>
        <location filename="../../widgets/maptools/bookmarks_menu.py" line="35"/>
        <source>View %1</source>
        <translation>视图 %1</translation>
    </message>
</context>
<context>
    <name>Identify</name>
    <message>
        <location filename="../../layers/maptools/identify.py" line="68"/>
        <source>Plate</source>
        <translation>车牌号</translation>
    </message>
    <message>
        <location filename="../../layers/maptools/identify.py" line="68"/>
        <source>Vehicle type</source>
        <translation>车辆类型</translation>
    </message>
    <message>
        <location filename="../../layers/maptools/identify.py" line="68"/>
        <source>Terminal</source>
        <translation>终端号</translation>
    </message>
    <message>
        <location filename="../../layers/maptools/identify.py" line="69"/>
        <location filename="../../layers/maptools/identify.py" line="89"/>
        <location filename="../../layers/maptools/identify.py" line="101"/>
        <source>Department</source>
        <translation>所属单位</translation>
    </message>
    <message>
        <location filename="../../layers/maptools/identify.py" line="69"/>
        <source>Position time</source>
        <translation>定位时间</translation>
    </message>
    <message>
        <location filename="../../layers/maptools/identify.py" line="74"/>
        <source>Case number</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <location filename="../../layers/maptools/identify.py" line="74"/>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../../layers/maptools/identify.py" line="74"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../layers/maptools/identify.py" line="75"/>
        <source>Description</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <location filename="../../layers/maptools/identify.py" line="75"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../layers/maptools/identify.py" line="76"/>
        <location filename="../../layers/maptools/identify.py" line="89"/>
        <source>Unit grid</source>
        <translation>所属网格</translation>
    </message>
    <message>
        <location filename="../../layers/maptools/identify.py" line="76"/>
        <source>Reported</source>
        <translation>上报时间</translation>
    </message>
    <message>
        <location filename="../../layers/maptools/identify.py" line="81"/>
        <location filename="../../layers/maptools/identify.py" line="100"/>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../layers/maptools/identify.py" line="81"/>
        <location filename="../../layers/maptools/identify.py" line="89"/>
        <location filename="../../layers/maptools/identify.py" line="94"/>
        <location filename="../../layers/maptools/identify.py" line="106"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../layers/maptools/identify.py" line="81"/>
        <source>Heading</source>
        <translation>朝向</translation>
    </message>
    <message>
        <location filename="../../layers/maptools/identify.py" line="82"/>
        <source>Field of view</source>
        <translation>视场角</translation>
    </message>
    <message>
        <location filename="../../layers/maptools/identify.py" line="82"/>
        <source>Range</source>
        <translation>可视距离</translation>
    </message>
    <message>
        <location filename="../../layers/maptools/identify.py" line="87"/>
        <source>Component code</source>
        <translation>部件编码</translation>
    </message>
    <message>
        <location filename="../../layers/maptools/identify.py" line="87"/>
        <source>Major class</source>
        <translation>大类</translation>
    </message>
    <message>
        <location filename="../../layers/maptools/identify.py" line="88"/>
        <source>Class</source>
        <translation>小类</translation>
    </message>
    <message>
        <location filename="../../layers/maptools/identify.py" line="88"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../layers/maptools/identify.py" line="94"/>
        <source>Grid code</source>
        <translation>网格编码</translation>
    </message>
    <message>
        <location filename="../../layers/maptools/identify.py" line="94"/>
        <source>Zone type</source>
        <translation>区域类型</translation>
    </message>
    <message>
        <location filename="../../layers/maptools/identify.py" line="95"/>
        <source>Area</source>
        <translation>面积</translation>
    </message>
    <message>
        <location filename="../../layers/maptools/identify.py" line="95"/>
        <source>Community</source>
        <translation>所属社区</translation>
    </message>
    <message>
        <location filename="../../layers/maptools/identify.py" line="100"/>
        <source>Disposal grid</source>
        <translation>处置网格</translation>
    </message>
    <message>
        <location filename="../../layers/maptools/identify.py" line="101"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../layers/maptools/identify.py" line="106"/>
        <source>Administrative code</source>
        <translation>行政区划代码</translation>
    </message>
    <message>
        <location filename="../../layers/maptools/identify.py" line="107"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
</context>
<context>
    <name>IdentifyCard</name>
    <message>
        <location filename="../../widgets/maptools/identify_card.py" line="30"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>LayerTreePanel</name>
    <message>
        <location filename="../../widgets/maptools/layer_tree.py" line="63"/>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../widgets/maptools/layer_tree.py" line="63"/>
        <source>Move the layer up</source>
        <translation>将图层上移一层</translation>
    </message>
    <message>
        <location filename="../../widgets/maptools/layer_tree.py" line="64"/>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../widgets/maptools/layer_tree.py" line="64"/>
        <source>Move the layer down</source>
        <translation>将图层下移一层</translation>
    </message>
    <message>
        <location filename="../../widgets/maptools/layer_tree.py" line="69"/>
        <location filename="../../widgets/maptools/layer_tree.py" line="70"/>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../widgets/maptools/layer_tree.py" line="76"/>
        <source>Opacity</source>
        <translation>不透明度</translation>
    </message>
    <message>
        <location filename="../../widgets/maptools/layer_tree.py" line="77"/>
        <source>Hide when zoomed in beyond</source>
        <translation>放大超过此比例时隐藏</translation>
    </message>
    <message>
        <location filename="../../widgets/maptools/layer_tree.py" line="78"/>
        <source>Hide when zoomed out beyond</source>
        <translation>缩小超过此比例时隐藏</translation>
    </message>
</context>
<context>
    <name>MapFeatures</name>
    <message>
        <location filename="../../layers/maptools/features.py" line="23"/>
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <location filename="../../layers/maptools/features.py" line="24"/>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../layers/maptools/features.py" line="25"/>
        <source>Camera</source>
        <translation>摄像机</translation>
    </message>
    <message>
        <location filename="../../layers/maptools/features.py" line="26"/>
        <source>Component</source>
        <translation>管理部件</translation>
    </message>
    <message>
        <location filename="../../layers/maptools/features.py" line="27"/>
        <source>Unit grid</source>
        <translation>单元网格</translation>
    </message>
    <message>
        <location filename="../../layers/maptools/features.py" line="28"/>
        <source>Disposal grid</source>
        <translation>处置网格</translation>
    </message>
    <message>
        <location filename="../../layers/maptools/features.py" line="29"/>
        <source>Place</source>
        <translation>地名</translation>
    </message>
    <message>
        <location filename="../../layers/maptools/features.py" line="30"/>
        <source>Administrative area</source>
        <translation>行政区</translation>
    </message>
    <message>
        <location filename="../../layers/maptools/features.py" line="38"/>
        <source>City</source>
        <translation>市</translation>
    </message>
    <message>
        <location filename="../../layers/maptools/features.py" line="39"/>
        <source>District</source>
        <translation>区</translation>
    </message>
    <message>
        <location filename="../../layers/maptools/features.py" line="40"/>
        <source>Subdistrict</source>
        <translation>街道</translation>
    </message>
    <message>
        <location filename="../../layers/maptools/features.py" line="41"/>
        <source>Community</source>
        <translation>社区</translation>
    </message>
</context>
<context>
    <name>MapToolBar</name>
    <message>
        <location filename="../../widgets/maptools/map_toolbar.py" line="14"/>
        <source>Map tools</source>
        <translation>地图工具</translation>
    </message>
    <message>
        <location filename="../../widgets/maptools/map_toolbar.py" line="18"/>
        <source>Browse</source>
        <translation>浏览</translation>
    </message>
    <message>
        <location filename="../../widgets/maptools/map_toolbar.py" line="18"/>
        <source>Pan and zoom the map</source>
        <translation>平移、缩放地图</translation>
    </message>
    <message>
        <location filename="../../widgets/maptools/map_toolbar.py" line="19"/>
        <source>Identify</source>
        <translation>识别</translation>
    </message>
    <message>
        <location filename="../../widgets/maptools/map_toolbar.py" line="19"/>
        <source>Click a feature to see its attributes</source>
        <translation>单击要素查看其属性</translation>
    </message>
    <message>
        <location filename="../../widgets/maptools/map_toolbar.py" line="20"/>
        <source>Distance</source>
        <translation>测距</translation>
    </message>
    <message>
        <location filename="../../widgets/maptools/map_toolbar.py" line="20"/>
        <source>Click points to measure a distance; Esc ends</source>
        <translation>依次单击测量距离，按 Esc 结束</translation>
    </message>
    <message>
        <location filename="../../widgets/maptools/map_toolbar.py" line="21"/>
        <source>Area</source>
        <translation>测面</translation>
    </message>
    <message>
        <location filename="../../widgets/maptools/map_toolbar.py" line="21"/>
        <source>Click points to measure an area; Esc ends</source>
        <translation>依次单击测量面积，按 Esc 结束</translation>
    </message>
</context>
<context>
    <name>MapTools</name>
    <message>
        <source>Layer tree</source>
        <translation type="vanished">图层树</translation>
    </message>
    <message>
        <source>&amp;Plugins</source>
        <translation type="vanished">插件(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../widgets/maptools/__init__.py" line="38"/>
        <source>Layers</source>
        <translation>图层</translation>
    </message>
    <message>
        <location filename="../../widgets/maptools/__init__.py" line="43"/>
        <source>&amp;Manage plugins…</source>
        <translation>插件管理(&amp;M)…</translation>
    </message>
</context>
<context>
    <name>Measure</name>
    <message>
        <location filename="../../layers/maptools/measure.py" line="15"/>
        <source>{0:.1f} m</source>
        <translation>{0:.1f} 米</translation>
    </message>
    <message>
        <location filename="../../layers/maptools/measure.py" line="16"/>
        <source>{0:.3f} km</source>
        <translation>{0:.3f} 千米</translation>
    </message>
    <message>
        <location filename="../../layers/maptools/measure.py" line="21"/>
        <source>{0:.1f} m²</source>
        <translation>{0:.1f} 平方米</translation>
    </message>
    <message>
        <location filename="../../layers/maptools/measure.py" line="23"/>
        <source>{0:.2f} ha</source>
        <translation>{0:.2f} 公顷</translation>
    </message>
    <message>
        <location filename="../../layers/maptools/measure.py" line="24"/>
        <source>{0:.3f} km²</source>
        <translation>{0:.3f} 平方千米</translation>
    </message>
    <message>
        <location filename="../../layers/maptools/measure.py" line="89"/>
        <source>Area {area} · perimeter {perimeter}</source>
        <translation>面积 {area} · 周长 {perimeter}</translation>
    </message>
    <message>
        <location filename="../../layers/maptools/measure.py" line="93"/>
        <source>Length {0}</source>
        <translation>总长 {0}</translation>
    </message>
</context>
<context>
    <name>PluginDialog</name>
    <message>
        <location filename="../../widgets/maptools/plugin_dialog.py" line="14"/>
        <source>Plugins</source>
        <translation>插件管理</translation>
    </message>
    <message>
        <location filename="../../widgets/maptools/plugin_dialog.py" line="18"/>
        <source>Plugin</source>
        <translation>插件</translation>
    </message>
    <message>
        <location filename="../../widgets/maptools/plugin_dialog.py" line="18"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../widgets/maptools/plugin_dialog.py" line="18"/>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../widgets/maptools/plugin_dialog.py" line="18"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../widgets/maptools/plugin_dialog.py" line="47"/>
        <source>Loaded</source>
        <translation>已加载</translation>
    </message>
    <message>
        <location filename="../../widgets/maptools/plugin_dialog.py" line="47"/>
        <source>Built in</source>
        <translation>内置</translation>
    </message>
    <message>
        <location filename="../../widgets/maptools/plugin_dialog.py" line="48"/>
        <source>Not loaded</source>
        <translation>未加载</translation>
    </message>
    <message>
        <location filename="../../widgets/maptools/plugin_dialog.py" line="48"/>
        <source>Broken</source>
        <translation>无法使用</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <location filename="../../widgets/maptools/search_box.py" line="23"/>
        <source>Search grid, component, plate, case number or place…</source>
        <translation>搜索网格、部件、车牌、案件编号或地名…</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CityLayers</name>
    <message>
        <location filename="../../layers/city_data.py" line="73"/>
        <source>Unit grids</source>
        <translation>单元网格</translation>
    </message>
    <message>
        <location filename="../../layers/city_data.py" line="75"/>
        <source>Green space</source>
        <translation>绿地</translation>
    </message>
    <message>
        <location filename="../../layers/city_data.py" line="76"/>
        <source>Water</source>
        <translation>水系</translation>
    </message>
    <message>
        <location filename="../../layers/city_data.py" line="77"/>
        <source>Roads</source>
        <translation>道路</translation>
    </message>
    <message>
        <location filename="../../layers/city_data.py" line="78"/>
        <source>District boundaries</source>
        <translation>区界</translation>
    </message>
    <message>
        <location filename="../../layers/city_data.py" line="79"/>
        <source>Place names</source>
        <translation>地名</translation>
    </message>
    <message>
        <location filename="../../layers/city_data.py" line="106"/>
        <source>Management components</source>
        <translation>管理部件</translation>
    </message>
    <message>
        <location filename="../../layers/city_data.py" line="114"/>
        <source>Video cameras</source>
        <translation>视频监控</translation>
    </message>
    <message>
        <location filename="../../layers/city_data.py" line="115"/>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../layers/city_data.py" line="116"/>
        <source>Alarms</source>
        <translation>告警</translation>
    </message>
    <message>
        <location filename="../../layers/city_data.py" line="117"/>
        <source>Vehicles</source>
        <translation>车辆</translation>
    </message>
    <message>
        <location filename="../../layers/city_data.py" line="141"/>
        <source>Disposal grids</source>
        <translation>处置网格</translation>
    </message>
</context>
<context>
    <name>CityStatusBar</name>
    <message>
        <location filename="../../widgets/city_status_bar.py" line="24"/>
        <source>CGCS2000 / WGS-84</source>
        <translation>坐标系 CGCS2000 / WGS-84</translation>
    </message>
    <message>
        <location filename="../../widgets/city_status_bar.py" line="25"/>
        <source>CGCS2000 (EPSG:4490) and WGS-84 coordinates agree to about one metre</source>
        <translation>CGCS2000（EPSG:4490）与 WGS-84 坐标相差约 1 米以内</translation>
    </message>
    <message>
        <location filename="../../widgets/city_status_bar.py" line="39"/>
        <source>No city database</source>
        <translation>未打开城市数据库</translation>
    </message>
    <message>
        <location filename="../../widgets/city_status_bar.py" line="42"/>
        <source>Unnamed city</source>
        <translation>未命名城市</translation>
    </message>
    <message>
        <location filename="../../widgets/city_status_bar.py" line="44"/>
        <source>Grids {grids:,} · Components {components:,} · Vehicles {vehicles:,} · Cameras {cameras:,}</source>
        <translation>单元网格 {grids:,} · 管理部件 {components:,} · 车辆 {vehicles:,} · 摄像机 {cameras:,}</translation>
    </message>
    <message>
        <location filename="../../widgets/city_status_bar.py" line="51"/>
        <source>Lon — Lat —</source>
        <translation>经度 — 纬度 —</translation>
    </message>
    <message>
        <source>GCJ-02 —</source>
        <translation type="vanished">火星坐标 GCJ-02 —</translation>
    </message>
    <message>
        <location filename="../../widgets/city_status_bar.py" line="54"/>
        <source>Lon {lon:.6f}° Lat {lat:.6f}°</source>
        <translation>经度 {lon:.6f}° 纬度 {lat:.6f}°</translation>
    </message>
    <message>
        <location filename="../../widgets/city_status_bar.py" line="57"/>
        <source>GCJ-02 {lon:.6f}°, {lat:.6f}°</source>
        <translation>火星坐标 GCJ-02 {lon:.6f}°, {lat:.6f}°</translation>
    </message>
</context>
<context>
    <name>DialogButtons</name>
    <message>
        <location filename="../../widgets/dialog_buttons.py" line="17"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/shell/main_window.py" line="41"/>
        <source>City Operations · One-Map Command Centre</source>
        <translation>城市运管服 · 一张图指挥中心</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation type="vanished">图层</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation type="vanished">告警</translation>
    </message>
    <message>
        <source>Alarm intake will be provided by the live-feed module.</source>
        <translation type="vanished">告警接入将在实时接入模块中提供。</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation type="vanished">案件</translation>
    </message>
    <message>
        <source>Case handling will be provided by the dispatch module.</source>
        <translation type="vanished">案件办理将在派遣调度模块中提供。</translation>
    </message>
    <message>
        <source>Video wall</source>
        <translation type="vanished">视频墙</translation>
    </message>
    <message>
        <source>The video wall will be provided by the video module.</source>
        <translation type="vanished">视频墙将在视频模块中提供。</translation>
    </message>
    <message>
        <source>Emergency plans</source>
        <translation type="vanished">应急预案</translation>
    </message>
    <message>
        <source>Emergency plans will be provided by the emergency-plan module.</source>
        <translation type="vanished">应急预案将在应急预案模块中提供。</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/window_host.py" line="27"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/window_host.py" line="30"/>
        <source>&amp;Plugins</source>
        <translation>插件(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/main_window.py" line="64"/>
        <source>&amp;Open database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/main_window.py" line="66"/>
        <source>E&amp;xit</source>
        <translation>退出(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/window_host.py" line="28"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/main_window.py" line="67"/>
        <source>Fit map to &amp;city</source>
        <translation>全图显示(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/main_window.py" line="68"/>
        <source>&amp;Full screen</source>
        <translation>全屏(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/main_window.py" line="71"/>
        <source>&amp;Restore default layout</source>
        <translation>恢复默认布局(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/window_host.py" line="31"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/main_window.py" line="74"/>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/main_window.py" line="86"/>
        <source>Open city database</source>
        <translation>打开城市数据库</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/main_window.py" line="86"/>
        <source>City databases (*.db *.sqlite);;All files (*)</source>
        <translation>城市数据库 (*.db *.sqlite);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/main_window.py" line="97"/>
        <source>Cannot open database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/main_window.py" line="115"/>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/main_window.py" line="116"/>
        <source>City Operations · One-Map Command Centre

The city&apos;s unit grids, management components, vehicles, cameras, alarms and cases on one map.</source>
        <translation>城市运管服 · 一张图指挥中心

单元网格、管理部件、车辆、摄像机、告警与案件，尽在一张图。</translation>
    </message>
</context>
<context>
    <name>MapCanvas</name>
    <message>
        <location filename="../../widgets/map_canvas.py" line="300"/>
        <source>No city database is open</source>
        <translation>未打开城市数据库</translation>
    </message>
    <message>
        <location filename="../../widgets/map_overlays.py" line="85"/>
        <source>{n:g} km</source>
        <translation>{n:g} 千米</translation>
    </message>
    <message>
        <location filename="../../widgets/map_overlays.py" line="86"/>
        <source>{n:g} m</source>
        <translation>{n:g} 米</translation>
    </message>
    <message>
        <location filename="../../widgets/map_overlays.py" line="102"/>
        <source>N</source>
        <translation>北</translation>
    </message>
</context>
<context>
    <name>PluginManager</name>
    <message>
        <location filename="../../plugins/manager.py" line="71"/>
        <source>not a LayerPlugin subclass</source>
        <translation>不是 LayerPlugin 的子类</translation>
    </message>
    <message>
        <location filename="../../plugins/manager.py" line="74"/>
        <source>The plugin “{name}” cannot be imported: {error}</source>
        <translation>插件“{name}”无法导入：{error}</translation>
    </message>
    <message>
        <location filename="../../plugins/manager.py" line="103"/>
        <source>The plugin “{name}” failed to load and was switched off: {error}</source>
        <translation>插件“{name}”加载失败，已停用：{error}</translation>
    </message>
    <message>
        <location filename="../../plugins/manager.py" line="119"/>
        <source>The plugin “{name}” failed while unloading; what it added was removed: {error}</source>
        <translation>插件“{name}”卸载时出错，其添加的内容已移除：{error}</translation>
    </message>
</context>
<context>
    <name>Plugins</name>
    <message>
        <location filename="../../plugins/builtin/component_density.py" line="33"/>
        <source>Component density</source>
        <translation>部件密度</translation>
    </message>
    <message>
        <location filename="../../plugins/builtin/component_density.py" line="35"/>
        <source>Unit grids coloured by the number of management components they hold.</source>
        <translation>按所含管理部件数量为单元网格着色。</translation>
    </message>
    <message>
        <location filename="../../plugins/builtin/city_layers.py" line="27"/>
        <source>Unit grids and base map</source>
        <translation>单元网格与底图</translation>
    </message>
    <message>
        <location filename="../../plugins/builtin/city_layers.py" line="28"/>
        <source>Unit grids, green space, water, roads, district boundaries and place names.</source>
        <translation>单元网格、绿地、水系、道路、区界和地名。</translation>
    </message>
    <message>
        <location filename="../../plugins/builtin/city_layers.py" line="34"/>
        <source>Disposal grids</source>
        <translation>处置网格</translation>
    </message>
    <message>
        <location filename="../../plugins/builtin/city_layers.py" line="35"/>
        <source>Each department&apos;s disposal grids as a layer of its own.</source>
        <translation>各部门的处置网格，每个部门一个图层。</translation>
    </message>
    <message>
        <location filename="../../plugins/builtin/city_layers.py" line="41"/>
        <source>Emergency resources and zones</source>
        <translation>应急资源与包干分区</translation>
    </message>
    <message>
        <location filename="../../plugins/builtin/city_layers.py" line="42"/>
        <source>Emergency resources by kind and the responsibility zones of the plans.</source>
        <translation>按类别显示的应急资源，以及预案的分区分段包干区域。</translation>
    </message>
    <message>
        <location filename="../../plugins/builtin/city_layers.py" line="48"/>
        <source>Management components</source>
        <translation>管理部件</translation>
    </message>
    <message>
        <location filename="../../plugins/builtin/city_layers.py" line="49"/>
        <source>Management components by class and status; density marks at city zoom.</source>
        <translation>按类别和状态显示的管理部件；全市比例尺下显示密度标记。</translation>
    </message>
    <message>
        <location filename="../../plugins/builtin/city_layers.py" line="55"/>
        <source>Cameras, cases, alarms and vehicles</source>
        <translation>视频、案件、告警与车辆</translation>
    </message>
    <message>
        <location filename="../../plugins/builtin/city_layers.py" line="56"/>
        <source>The live layers: cameras with view cones, open cases, open alarms, vehicles.</source>
        <translation>实时图层：带视域的摄像机、未结案件、未处理告警、车辆。</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../desktop/shell/app.py" line="103"/>
        <source>Generating the demo city…</source>
        <translation>正在生成演示城市…</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/app.py" line="104"/>
        <source>First start</source>
        <translation>首次启动</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/app.py" line="133"/>
        <source>Cannot open database “{path}”: {reason}</source>
        <translation>无法打开数据库“{path}”：{reason}</translation>
    </message>
    <message>
        <location filename="../../desktop/shell/app.py" line="136"/>
        <source>Cannot open database</source>
        <translation>无法打开数据库</translation>
    </message>
</context>
<context>
    <name>WindowHost</name>
    <message>
        <location filename="../../desktop/shell/window_host.py" line="131"/>
        <source>No toolbar {name}</source>
        <translation>没有工具栏 {name}</translation>
    </message>
    <message>
        <location filename="../../widgets/window_host.py" line="77"/>
        <source>Feature {key} requires itself through {by}</source>
        <translation>功能 {key} 经由 {by} 依赖自身</translation>
    </message>
    <message>
        <location filename="../../widgets/window_host.py" line="82"/>
        <source>Feature {by} requires the missing feature {key}</source>
        <translation>功能 {by} 依赖的功能 {key} 不存在</translation>
    </message>
</context>
</TS>

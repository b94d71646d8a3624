<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>@default</name>
    <message>
        <location filename="../algorithms/base.py" line="14" />
        <source>Plan structure</source>
        <translation>规划结构</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="15" />
        <source>Target checks</source>
        <translation>指标校核</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="16" />
        <source>Data preparation</source>
        <translation>数据准备</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="17" />
        <source>Thematic maps</source>
        <translation>专题图</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="52" />
        <source>{name} stopped on an unexpected error: {error}. The input layers were not changed. Please report this with the log (Processing &gt; History) to the plugin's tracker.</source>
        <translation>{name} 因意外错误停止：{error}。输入图层未被修改。请将日志（处理 &gt; 历史）提交到插件的问题跟踪页。</translation>
    </message>
    <message>
        <location filename="../algorithms/list_targets.py" line="31" />
        <source>List plan targets</source>
        <translation>列出规划指标</translation>
    </message>
    <message>
        <location filename="../algorithms/list_targets.py" line="34" />
        <source>Lists the spatial and statistical targets a plan catalogue holds (for example 江津 城镇建成区 145 km² by 2025, 巫溪 城区公交站点500米覆盖率 90%), one row each, with value, unit, year, scope, whether the plan calls it binding (约束性) or expected (预期性), and the document and line it is taken from.

Inputs: a bundled catalogue (jiangjin, kaizhou, wuxi, chongqing) or a catalogue file of your own; optionally an indicator to keep (builtup_area, bus_stop_coverage, …).
Output: a table without geometry.</source>
        <translation>列出规划目录中的空间与统计指标（如江津 2025 年城镇建成区 145 平方公里、巫溪城区公交站点500米覆盖率 90%），每项一行：指标值、单位、年份、范围、约束性或预期性，以及出处文件与行号。

输入：内置目录（jiangjin 江津、kaizhou 开州、wuxi 巫溪、chongqing 重庆市）或自定义目录文件；可选只保留某一指标（builtup_area、bus_stop_coverage 等）。
输出：无几何的属性表。</translation>
    </message>
    <message>
        <location filename="../algorithms/list_targets.py" line="46" />
        <source>Only this indicator (empty: all)</source>
        <translation>只列此指标（留空：全部）</translation>
    </message>
    <message>
        <location filename="../algorithms/list_targets.py" line="48" />
        <source>Plan targets</source>
        <translation>规划指标</translation>
    </message>
    <message>
        <location filename="../algorithms/list_targets.py" line="66" />
        <source>{n} targets from {file}</source>
        <translation>共 {n} 项指标，来自 {file}</translation>
    </message>
    <message>
        <location filename="../algorithms/params.py" line="22" />
        <source>Plan catalogue</source>
        <translation>规划目录</translation>
    </message>
    <message>
        <location filename="../algorithms/params.py" line="26" />
        <source>Or a catalogue file of your own (YAML)</source>
        <translation>或自定义目录文件（YAML）</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="33" />
        <source>Plan checks</source>
        <translation>规划校核</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="35" />
        <source>Plan checks: tag townships, check targets, export maps</source>
        <translation>规划校核：标注乡镇、校核指标、导出专题图</translation>
    </message>
    <message>
        <location filename="../provider.py" line="15" />
        <source>Chongqing urban plan checks</source>
        <translation>重庆城镇规划校核</translation>
    </message>
    <message>
        <location filename="../provider.py" line="18" />
        <source>Chongqing urban plan checks (plan roles, built-up area, coverage, control lines, maps)</source>
        <translation>重庆城镇规划校核（规划角色、建成区面积、覆盖率、控制线、专题图）</translation>
    </message>
    <message>
        <location filename="../core/inputs.py" line="27" />
        <source>Cancelled by the user; nothing was written.</source>
        <translation>用户已取消，未写入任何结果。</translation>
    </message>
    <message>
        <location filename="../core/inputs.py" line="43" />
        <source>input layer</source>
        <translation>输入图层</translation>
    </message>
    <message>
        <location filename="../core/inputs.py" line="65" />
        <source>{layer}: reprojected from {crs}.</source>
        <translation>{layer}：已从 {crs} 重投影。</translation>
    </message>
    <message>
        <location filename="../core/inputs.py" line="67" />
        <source>{layer}: {n} invalid geometries repaired (feature ids {ids}).</source>
        <translation>{layer}：修复了 {n} 个无效几何（要素编号 {ids}）。</translation>
    </message>
    <message>
        <location filename="../core/inputs.py" line="70" />
        <source>{layer}: {n} features without geometry skipped (feature ids {ids}).</source>
        <translation>{layer}：跳过 {n} 个无几何要素（要素编号 {ids}）。</translation>
    </message>
    <message>
        <location filename="../core/inputs.py" line="73" />
        <source>{layer}: {n} features of another geometry type skipped (feature ids {ids}).</source>
        <translation>{layer}：跳过 {n} 个几何类型不符的要素（要素编号 {ids}）。</translation>
    </message>
    <message>
        <location filename="../core/inputs.py" line="88" />
        <source>Layer '{layer}' has no coordinate reference system.</source>
        <translation>图层“{layer}”没有坐标参考系。</translation>
    </message>
    <message>
        <location filename="../core/inputs.py" line="88" />
        <source>Set it in Layer Properties &gt; Source (Chongqing data are usually EPSG:4490 CGCS2000, or a CGCS2000 3-degree Gauss-Krüger zone such as EPSG:4544/4545/4546).</source>
        <translation>请在“图层属性 &gt; 源”中设置（重庆数据通常为 EPSG:4490 CGCS2000，或 CGCS2000 3 度带高斯-克吕格投影，如 EPSG:4544/4545/4546）。</translation>
    </message>
    <message>
        <location filename="../core/inputs.py" line="103" />
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../core/inputs.py" line="104" />
        <source>Layer '{layer}' has no field {fields}.</source>
        <translation>图层“{layer}”没有字段 {fields}。</translation>
    </message>
    <message>
        <location filename="../core/inputs.py" line="104" />
        <source>Choose one of its fields: {available}.</source>
        <translation>请从以下字段中选择：{available}。</translation>
    </message>
    <message>
        <location filename="../core/inputs.py" line="119" />
        <source>Layer '{layer}' could not be opened.</source>
        <translation>无法打开图层“{layer}”。</translation>
    </message>
    <message>
        <location filename="../core/inputs.py" line="119" />
        <source>Check that the file or database is reachable.</source>
        <translation>请检查文件或数据库是否可访问。</translation>
    </message>
    <message>
        <location filename="../core/inputs.py" line="157" />
        <source>Reading {layer}: {i}/{n}</source>
        <translation>正在读取 {layer}：{i}/{n}</translation>
    </message>
    <message>
        <location filename="../core/inputs.py" line="160" />
        <source>Layer '{layer}' is empty.</source>
        <translation>图层“{layer}”为空。</translation>
    </message>
    <message>
        <location filename="../core/inputs.py" line="160" />
        <source>Choose a layer with features, or check its filter (subset string).</source>
        <translation>请选择含有要素的图层，或检查其过滤条件（子集字符串）。</translation>
    </message>
    <message>
        <location filename="../core/inputs.py" line="162" />
        <source>Layer '{layer}' has {n} features but none with a usable geometry.</source>
        <translation>图层“{layer}”有 {n} 个要素，但没有可用的几何。</translation>
    </message>
    <message>
        <location filename="../core/inputs.py" line="162" />
        <source>Check its geometry type and that its geometries are not empty.</source>
        <translation>请检查其几何类型，以及几何是否为空。</translation>
    </message>
    <message>
        <location filename="../core/report.py" line="54" />
        <source>met</source>
        <translation>达标</translation>
    </message>
    <message>
        <location filename="../core/report.py" line="54" />
        <source>not met</source>
        <translation>未达标</translation>
    </message>
    <message>
        <location filename="../core/report.py" line="54" />
        <source>no target</source>
        <translation>无指标</translation>
    </message>
    <message>
        <location filename="../core/report.py" line="80" />
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../core/report.py" line="80" />
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <location filename="../core/report.py" line="80" />
        <source>Target</source>
        <translation>目标值</translation>
    </message>
    <message>
        <location filename="../core/report.py" line="80" />
        <source>Measured</source>
        <translation>实测值</translation>
    </message>
    <message>
        <location filename="../core/report.py" line="80" />
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../core/report.py" line="80" />
        <source>Gap</source>
        <translation>差值</translation>
    </message>
    <message>
        <location filename="../core/report.py" line="81" />
        <source>Result</source>
        <translation>结论</translation>
    </message>
    <message>
        <location filename="../core/report.py" line="81" />
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../core/report.py" line="81" />
        <source>Plan text</source>
        <translation>规划依据</translation>
    </message>
</context>
</TS>
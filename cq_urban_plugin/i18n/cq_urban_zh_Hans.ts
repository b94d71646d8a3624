<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>@default</name>
    <message>
        <location filename="../core/layout.py" line="155" />
        <source>Plan structure</source>
        <translation>规划结构</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="39" />
        <source>Target checks</source>
        <translation>指标校核</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="40" />
        <source>Data preparation</source>
        <translation>数据准备</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="41" />
        <source>Thematic maps</source>
        <translation>专题图</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="197" />
        <source>{name} stopped on an unexpected error: {error}. The input layers were not changed. Please report this with the log (Processing &gt; History) to the plugin's tracker.</source>
        <translation>{name} 因意外错误停止：{error}。输入图层未被修改。请将日志（处理 &gt; 历史）提交到插件的问题跟踪页。</translation>
    </message>
    <message>
        <location filename="../algorithms/list_targets.py" line="31" />
        <source>List plan targets</source>
        <translation>列出规划指标</translation>
    </message>
    <message>
        <location filename="../algorithms/list_targets.py" line="37" />
        <source>Lists the spatial and statistical targets a plan catalogue holds (for example 江津 城镇建成区 145 km² by 2025, 巫溪 城区公交站点500米覆盖率 90%), one row each, with value, unit, year, scope, whether the plan calls it binding (约束性) or expected (预期性), and the document and line it is taken from.

Inputs: a bundled catalogue (jiangjin, kaizhou, wuxi, chongqing) or a catalogue file of your own; optionally an indicator to keep (builtup_area, bus_stop_coverage, …).
Output: a table without geometry.</source>
        <translation>列出规划目录中的空间与统计指标（如江津 2025 年城镇建成区 145 平方公里、巫溪城区公交站点500米覆盖率 90%），每项一行：指标值、单位、年份、范围、约束性或预期性，以及出处文件与行号。

输入：内置目录（jiangjin 江津、kaizhou 开州、wuxi 巫溪、chongqing 重庆市）或自定义目录文件；可选只保留某一指标（builtup_area、bus_stop_coverage 等）。
输出：无几何的属性表。</translation>
    </message>
    <message>
        <location filename="../algorithms/list_targets.py" line="49" />
        <source>Only this indicator (empty: all)</source>
        <translation>只列此指标（留空：全部）</translation>
    </message>
    <message>
        <location filename="../algorithms/list_targets.py" line="51" />
        <source>Plan targets</source>
        <translation>规划指标</translation>
    </message>
    <message>
        <location filename="../algorithms/list_targets.py" line="69" />
        <source>{n} targets from {file}</source>
        <translation>共 {n} 项指标，来自 {file}</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="516" />
        <source>Plan catalogue</source>
        <translation>规划目录</translation>
    </message>
    <message>
        <location filename="../algorithms/params.py" line="26" />
        <source>Or a catalogue file of your own (YAML)</source>
        <translation>或自定义目录文件（YAML）</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="114" />
        <source>Plan checks</source>
        <translation>规划校核</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="40" />
        <source>Plan checks: tag townships, check targets, export maps</source>
        <translation>规划校核：标注乡镇、校核指标、导出专题图</translation>
    </message>
    <message>
        <location filename="../provider.py" line="16" />
        <source>Chongqing urban plan checks</source>
        <translation>重庆城镇规划校核</translation>
    </message>
    <message>
        <location filename="../provider.py" line="19" />
        <source>Chongqing urban plan checks (plan roles, built-up area, coverage, control lines, maps)</source>
        <translation>重庆城镇规划校核（规划角色、建成区面积、覆盖率、控制线、专题图）</translation>
    </message>
    <message>
        <location filename="../core/inputs.py" line="30" />
        <source>Cancelled by the user; nothing was written.</source>
        <translation>用户已取消，未写入任何结果。</translation>
    </message>
    <message>
        <location filename="../core/layout.py" line="493" />
        <source>input layer</source>
        <translation>输入图层</translation>
    </message>
    <message>
        <location filename="../core/inputs.py" line="72" />
        <source>{layer}: reprojected from {crs}.</source>
        <translation>{layer}：已从 {crs} 重投影。</translation>
    </message>
    <message>
        <location filename="../core/inputs.py" line="74" />
        <source>{layer}: {n} invalid geometries repaired (feature ids {ids}).</source>
        <translation>{layer}：修复了 {n} 个无效几何（要素编号 {ids}）。</translation>
    </message>
    <message>
        <location filename="../core/inputs.py" line="90" />
        <source>{layer}: {n} features without geometry skipped (feature ids {ids}).</source>
        <translation>{layer}：跳过 {n} 个无几何要素（要素编号 {ids}）。</translation>
    </message>
    <message>
        <location filename="../core/inputs.py" line="93" />
        <source>{layer}: {n} features of another geometry type skipped (feature ids {ids}).</source>
        <translation>{layer}：跳过 {n} 个几何类型不符的要素（要素编号 {ids}）。</translation>
    </message>
    <message>
        <location filename="../core/inputs.py" line="113" />
        <source>Layer '{layer}' has no coordinate reference system.</source>
        <translation>图层“{layer}”没有坐标参考系。</translation>
    </message>
    <message>
        <location filename="../core/inputs.py" line="113" />
        <source>Set it in Layer Properties &gt; Source (Chongqing data are usually EPSG:4490 CGCS2000, or a CGCS2000 3-degree Gauss-Krüger zone such as EPSG:4544/4545/4546).</source>
        <translation>请在“图层属性 &gt; 源”中设置（重庆数据通常为 EPSG:4490 CGCS2000，或 CGCS2000 3 度带高斯-克吕格投影，如 EPSG:4544/4545/4546）。</translation>
    </message>
    <message>
        <location filename="../core/layout.py" line="242" />
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../core/layout.py" line="286" />
        <source>Layer '{layer}' has no field {fields}.</source>
        <translation>图层“{layer}”没有字段 {fields}。</translation>
    </message>
    <message>
        <location filename="../core/layout.py" line="286" />
        <source>Choose one of its fields: {available}.</source>
        <translation>请从以下字段中选择：{available}。</translation>
    </message>
    <message>
        <location filename="../core/layout.py" line="494" />
        <source>Layer '{layer}' could not be opened.</source>
        <translation>无法打开图层“{layer}”。</translation>
    </message>
    <message>
        <location filename="../core/layout.py" line="494" />
        <source>Check that the file or database is reachable.</source>
        <translation>请检查文件或数据库是否可访问。</translation>
    </message>
    <message>
        <location filename="../core/inputs.py" line="308" />
        <source>Reading {layer}: {i}/{n}</source>
        <translation>正在读取 {layer}：{i}/{n}</translation>
    </message>
    <message>
        <location filename="../core/layout.py" line="499" />
        <source>Layer '{layer}' is empty.</source>
        <translation>图层“{layer}”为空。</translation>
    </message>
    <message>
        <location filename="../core/layout.py" line="499" />
        <source>Choose a layer with features, or check its filter (subset string).</source>
        <translation>请选择含有要素的图层，或检查其过滤条件（子集字符串）。</translation>
    </message>
    <message>
        <location filename="../core/inputs.py" line="314" />
        <source>Layer '{layer}' has {n} features but none with a usable geometry.</source>
        <translation>图层“{layer}”有 {n} 个要素，但没有可用的几何。</translation>
    </message>
    <message>
        <location filename="../core/inputs.py" line="314" />
        <source>Check its geometry type and that its geometries are not empty.</source>
        <translation>请检查其几何类型，以及几何是否为空。</translation>
    </message>
    <message>
        <location filename="../gui/results.py" line="30" />
        <source>met</source>
        <translation>达标</translation>
    </message>
    <message>
        <location filename="../gui/results.py" line="30" />
        <source>not met</source>
        <translation>未达标</translation>
    </message>
    <message>
        <location filename="../gui/results.py" line="30" />
        <source>no target</source>
        <translation>无指标</translation>
    </message>
    <message>
        <location filename="../core/report.py" line="107" />
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="361" />
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="323" />
        <source>Target</source>
        <translation>目标值</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="361" />
        <source>Measured</source>
        <translation>实测值</translation>
    </message>
    <message>
        <location filename="../core/report.py" line="107" />
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../core/report.py" line="107" />
        <source>Gap</source>
        <translation>差值</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="361" />
        <source>Result</source>
        <translation>结论</translation>
    </message>
    <message>
        <location filename="../core/report.py" line="108" />
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../core/report.py" line="108" />
        <source>Plan text</source>
        <translation>规划依据</translation>
    </message>
    <message>
        <location filename="../core/encoding.py" line="114" />
        <source>{file} has no .cpg file and its text is not UTF-8: it was read as GBK. To make this permanent, save a file {stem}.cpg containing the word GBK beside it.</source>
        <translation>{file} 缺少 .cpg 文件且文字不是 UTF-8 编码，已按 GBK 读取。如需长期生效，请在其旁边保存一个内容为 GBK 的 {stem}.cpg 文件。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_builtup.py" line="91" />
        <source>Check built-up area against the plan's target</source>
        <translation>建成区面积与规划目标校核</translation>
    </message>
    <message>
        <location filename="../algorithms/check_builtup.py" line="97" />
        <source>Measures the built-up area in km², by township and in total, and sets it beside the plan's target: 江津 城镇建成区 145 km² (000_5c0b1797e2e1b3c4.txt line 55) and 城市建成区 120 km² (001_c0dc96b9baef37ce.txt line 1383) by 2025, 开州 城区 60 km² by 2025 and 100 km² by 2035 (003_19d1efc2983d1444.txt line 135).

Inputs: a built-up polygon layer, or a land-use layer with its class field and the codes that count as built-up (presets: 三调 城镇村属性码 201/202, 三调 地类编码, 用地用海分类; typed codes match as prefixes, '07' counts '0701'); the township layer (optional; tagged or not) with its name field; the scope: a field and value such as role = 一主 (empty: the whole jurisdiction; with a catalogue target the target's own scope); the target from the catalogue (e.g. builtup_2025) or typed in km².

Areas are measured in the CGCS2000 3-degree Gauss-Krüger zone of the data (parts across a zone boundary, as in 巫溪, each in their own zone) or on the ellipsoid (as 三调 computes its 椭球面积), never in degrees. Overlapping built-up polygons count once; polygons crossing township boundaries are split; invalid geometries are repaired and listed in the report.

Outputs: township polygons with bu_km2 (built-up km²), twp_km2 (township km²), share (built-up share of the township, percent) and in_scope; a table with one row per township, per group (level 'group') and for the scope (level 'scope'); an HTML report; and MEASURED, TARGET, GAP (measured − target, km²), PASSED.</source>
        <translation>量算建成区面积（平方公里），分乡镇（街道）并汇总，与规划目标对照：江津 2025 年城镇建成区 145 平方公里（000_5c0b1797e2e1b3c4.txt 第 55 行）、城市建成区 120 平方公里（001_c0dc96b9baef37ce.txt 第 1383 行），开州 2025 年城区 60 平方公里、2035 年 100 平方公里（003_19d1efc2983d1444.txt 第 135 行）。

输入：建成区面图层，或土地利用图层及其地类字段和计为建成区的代码（预设：三调 城镇村属性码 201/202、三调 地类编码、用地用海分类；输入的代码按前缀匹配，“07”包括“0701”）；乡镇图层（可选，标注与否均可）及其名称字段；范围：字段及取值，如 role = 一主（留空为全域；使用目录目标时为该目标自身的范围）；目标取自规划目录（如 builtup_2025）或直接输入（平方公里）。

面积在数据所在的 CGCS2000 3 度带高斯-克吕格投影中量算（跨带部分如巫溪，各在本带内量算），或在椭球面上量算（与三调椭球面积一致），从不以度量算。重叠的建成区图斑只计一次；跨乡镇界线的图斑被切分；无效几何被修复并在报告中列出。

输出：乡镇面图层，含 bu_km2（建成区平方公里）、twp_km2（乡镇平方公里）、share（建成区占乡镇面积百分比）和 in_scope；表格，每个乡镇一行、每个分组一行（level 为 group）、范围合计一行（level 为 scope）；HTML 报告；以及 MEASURED、TARGET、GAP（实测减目标，平方公里）、PASSED。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_builtup.py" line="119" />
        <source>Built-up area polygons</source>
        <translation>建成区面图层</translation>
    </message>
    <message>
        <location filename="../algorithms/check_builtup.py" line="121" />
        <source>Or a land-use layer (三调 / 用地用海)</source>
        <translation>或土地利用图层（三调 / 用地用海）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_builtup.py" line="124" />
        <source>Land-use class field (empty: CZCSXM / DLBM / YDYHFLDM by preset)</source>
        <translation>地类字段（留空：按预设取 CZCSXM / DLBM / YDYHFLDM）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_builtup.py" line="127" />
        <source>Codes that count as built-up</source>
        <translation>计为建成区的代码</translation>
    </message>
    <message>
        <location filename="../algorithms/check_builtup.py" line="130" />
        <source>Or these codes (comma-separated prefixes, override the preset)</source>
        <translation>或以下代码（逗号分隔的前缀，优先于预设）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_builtup.py" line="133" />
        <source>Townships (乡镇街道)</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_builtup.py" line="135" />
        <source>Township name field (empty: plan_name, name or XZQMC)</source>
        <translation>乡镇名称字段（留空：依次使用 plan_name、name 或 XZQMC）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_builtup.py" line="138" />
        <source>Scope: plan role or group field (e.g. role)</source>
        <translation>范围：规划职能或分组字段（如 role）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_builtup.py" line="141" />
        <source>Scope value (e.g. 一主; empty: the whole jurisdiction)</source>
        <translation>范围取值（如 一主；留空为全域）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_builtup.py" line="144" />
        <source>Target id in the catalogue (e.g. builtup_2025)</source>
        <translation>目录中的目标编号（如 builtup_2025）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_builtup.py" line="146" />
        <source>Or a target typed in km²</source>
        <translation>或直接输入目标（平方公里）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="124" />
        <source>Area</source>
        <translation>面积</translation>
    </message>
    <message>
        <location filename="../algorithms/check_builtup.py" line="149" />
        <source>Planar in the CGCS2000 Gauss-Krüger zone</source>
        <translation>CGCS2000 高斯-克吕格投影带平面面积</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="148" />
        <source>On the CGCS2000 ellipsoid</source>
        <translation>在 CGCS2000 椭球面上</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="884" />
        <source>Built-up by township</source>
        <translation>分乡镇建成区</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="885" />
        <source>Built-up table</source>
        <translation>建成区统计表</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="151" />
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="151" />
        <source>HTML files (*.html)</source>
        <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
        <location filename="../algorithms/check_builtup.py" line="172" />
        <source>Give either a built-up layer or a land-use layer, not both and not neither.</source>
        <translation>请给出建成区图层或土地利用图层二者之一。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_builtup.py" line="172" />
        <source>Choose the built-up polygons, or the land-use layer and its codes.</source>
        <translation>请选择建成区面图层，或土地利用图层及其代码。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_builtup.py" line="178" />
        <source>Built-up land-use codes (typed): {codes}.</source>
        <translation>计为建成区的地类代码（输入）：{codes}。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_builtup.py" line="178" />
        <source>Built-up land-use codes ({preset}): {reason}</source>
        <translation>计为建成区的地类代码（{preset}）：{reason}</translation>
    </message>
    <message>
        <location filename="../algorithms/check_builtup.py" line="185" />
        <source>Choose the land-use class field. Its fields: {available}.</source>
        <translation>请选择地类字段。其字段为：{available}。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_builtup.py" line="207" />
        <source>About the target: {note}</source>
        <translation>关于该目标：{note}</translation>
    </message>
    <message>
        <location filename="../algorithms/check_builtup.py" line="213" />
        <source>The target's scope in the plan is '{target}'; the scope measured is the one chosen, '{scope}'.</source>
        <translation>规划中该目标的范围为“{target}”；量算采用所选范围“{scope}”。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_builtup.py" line="216" />
        <source>A scope value '{value}' was given without a scope field.</source>
        <translation>给出了范围取值“{value}”，但未选择范围字段。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_builtup.py" line="216" />
        <source>Choose the township layer's field holding it (e.g. role).</source>
        <translation>请选择乡镇图层中存放该值的字段（如 role）。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_builtup.py" line="222" />
        <source>The target's scope is '{scope}'; without a township layer (or a scope the catalogue can resolve) the whole built-up layer is measured.</source>
        <translation>目标的范围为“{scope}”；由于没有乡镇图层（或目录无法解析该范围），量算的是整个建成区图层。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_builtup.py" line="226" />
        <source>The target's scope '{scope}' is resolved by township name: the township name field is needed.</source>
        <translation>目标范围“{scope}”需按乡镇名称确定：请选择乡镇名称字段。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_builtup.py" line="226" />
        <source>Choose the township name field, or tag the townships first.</source>
        <translation>请选择乡镇名称字段，或先标注乡镇。</translation>
    </message>
    <message>
        <location filename="../core/layout.py" line="152" />
        <source>Built-up area check</source>
        <translation>建成区面积校核</translation>
    </message>
    <message>
        <location filename="../algorithms/check_builtup.py" line="253" />
        <source>Built-up area in {scope}: {km2:.3f} km²</source>
        <translation>{scope} 建成区面积：{km2:.3f} 平方公里</translation>
    </message>
    <message>
        <location filename="../algorithms/check_builtup.py" line="334" />
        <source>outside every township</source>
        <translation>所有乡镇（街道）之外</translation>
    </message>
    <message>
        <location filename="../algorithms/check_builtup.py" line="325" />
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../algorithms/check_builtup.py" line="325" />
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../algorithms/check_builtup.py" line="332" />
        <source>All townships</source>
        <translation>全部乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_builtup.py" line="336" />
        <source>Built-up area by township</source>
        <translation>分乡镇（街道）建成区面积</translation>
    </message>
    <message>
        <location filename="../core/result_styles.py" line="152" />
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <location filename="../algorithms/check_builtup.py" line="339" />
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="441" />
        <source>Built-up km²</source>
        <translation>建成区（km²）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_builtup.py" line="339" />
        <source>Township km²</source>
        <translation>乡镇面积（平方公里）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_builtup.py" line="339" />
        <source>Share %</source>
        <translation>占比 %</translation>
    </message>
    <message>
        <location filename="../algorithms/check_builtup.py" line="339" />
        <source>In scope</source>
        <translation>在范围内</translation>
    </message>
    <message>
        <location filename="../algorithms/check_builtup.py" line="339" />
        <source>Built-up area by plan group</source>
        <translation>分规划分组建成区面积</translation>
    </message>
    <message>
        <location filename="../core/layout.py" line="546" />
        <source>Townships</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="930" />
        <source>Control lines by township</source>
        <translation>分乡镇三条控制线</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="96" />
        <source>Measures each township against the three control lines — 生态保护红线 (ECOLOGY), 永久基本农田 (FARMLAND) and 城镇开发边界 (DEVELOPMENT); give at least one — and checks the result against the township's plan zone (主体功能分区: 城市化发展区 / 农产品主产区 / 生态功能区, 001_c0dc96b9baef37ce.txt l.1375; 开州's 城市化发展区, 003_19d1efc2983d1444.txt l.135).

Inputs: the township polygons (tagged by 'Tag townships' or not), their name field, the plan zone field (default: 'zone', as tagging writes it; without it areas are still measured and the report says no zone was checked), optionally the built-up polygons.

Outputs: per township (OUTPUT) its area, km² and percent inside each line (eco_, farm_, dev_), the overlaps between lines (ef_km2 红线×农田, ed_km2 红线×开发边界, fd_km2 农田×开发边界), built-up land and built-up land outside the development boundary, plan_zone, zone_ok (1 consistent, 0 flagged, empty: not checked) and the reason; OVERLAPS: the overlap polygons of any two lines, by township, with the pair and its area; BUILTUP_OUTSIDE: built-up land outside the development boundary, by township; SUMMARY: one row per jurisdiction (field 'juris' when present); REPORT: an HTML page with all of it.

Consistency rules (advanced parameters, percent of the township's area): a 生态功能区 town is flagged with more than {eco:g}% inside the development boundary, a 城市化发展区 town with less than {urban:g}%, a 农产品主产区 town with less than {farm:g}% permanent basic farmland or more than {farmdev:g}% inside the development boundary.

Areas are measured in the CGCS2000 3-degree Gauss-Krüger zone of the data (or on the ellipsoid), whatever the layers' CRS; outputs are in that zone's CRS. Invalid geometries are repaired and counted in the report; the input layers are never changed. MEASURED is the number of townships flagged.</source>
        <translation>按乡镇量算三条控制线——生态保护红线（ECOLOGY）、永久基本农田（FARMLAND）、城镇开发边界（DEVELOPMENT），至少提供一条——并将结果与乡镇的规划分区对照（主体功能分区：城市化发展区 / 农产品主产区 / 生态功能区，001_c0dc96b9baef37ce.txt 第1375行；开州的城市化发展区，003_19d1efc2983d1444.txt 第135行）。

输入：乡镇面图层（可经“标注乡镇”标注，也可不标注）、其名称字段、规划分区字段（默认“zone”，即标注算法写入的字段；缺少该字段时仍量算面积，报告中说明未校核分区），以及可选的建成区面图层。

输出：逐乡镇（OUTPUT）的面积、位于各控制线内的面积（km²）和比例（eco_、farm_、dev_），控制线之间的重叠（ef_km2 红线×农田，ed_km2 红线×开发边界，fd_km2 农田×开发边界），建成区及城镇开发边界外的建成区，plan_zone，zone_ok（1 相符，0 不相符，空值 未校核）及原因；OVERLAPS：任意两条控制线的重叠图斑，按乡镇分开，注明哪两条线及面积；BUILTUP_OUTSIDE：按乡镇统计的城镇开发边界外建成区；SUMMARY：每个区县一行（如有“juris”字段）；REPORT：包含以上全部内容的 HTML 报告。

一致性规则（高级参数，占乡镇面积的百分比）：生态功能区位于城镇开发边界内超过 {eco:g}%，城市化发展区低于 {urban:g}%，农产品主产区永久基本农田低于 {farm:g}% 或位于城镇开发边界内超过 {farmdev:g}%，即标记为不相符。

无论图层采用何种坐标系，面积均在数据所在的 CGCS2000 3 度带高斯-克吕格投影中（或在椭球面上）量算；输出采用该投影坐标系。无效几何会被修复并在报告中计数；输入图层不会被修改。MEASURED 为标记为不相符的乡镇数。</translation>
    </message>
    <message>
        <location filename="../algorithms/tag_townships.py" line="131" />
        <source>Township name field</source>
        <translation>乡镇名称字段</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="128" />
        <source>Plan zone field (城市化发展区 / 农产品主产区 / 生态功能区; empty: 'zone' if present)</source>
        <translation>规划分区字段（城市化发展区 / 农产品主产区 / 生态功能区；留空：如有则用“zone”）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="131" />
        <source>Ecological protection red line (生态保护红线)</source>
        <translation>生态保护红线</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="134" />
        <source>Permanent basic farmland (永久基本农田)</source>
        <translation>永久基本农田</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="137" />
        <source>Urban development boundary (城镇开发边界)</source>
        <translation>城镇开发边界</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="140" />
        <source>Built-up land (建成区)</source>
        <translation>建成区</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="145" />
        <source>Jurisdiction field for the summary (empty: 'juris' if present)</source>
        <translation>汇总所用的区县字段（留空：如有则用“juris”）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="148" />
        <source>Area measured</source>
        <translation>面积量算方式</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="148" />
        <source>Planar, in the CGCS2000 3-degree Gauss-Krüger zone</source>
        <translation>平面面积，CGCS2000 3 度带高斯-克吕格投影</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="152" />
        <source>生态功能区: flag above this % inside the development boundary</source>
        <translation>生态功能区：位于城镇开发边界内超过此百分比即标记</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="154" />
        <source>城市化发展区: flag below this % inside the development boundary</source>
        <translation>城市化发展区：位于城镇开发边界内低于此百分比即标记</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="156" />
        <source>农产品主产区: flag below this % permanent basic farmland</source>
        <translation>农产品主产区：永久基本农田低于此百分比即标记</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="158" />
        <source>农产品主产区: flag above this % inside the development boundary</source>
        <translation>农产品主产区：位于城镇开发边界内超过此百分比即标记</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="165" />
        <source>Townships with control-line areas</source>
        <translation>乡镇三条控制线面积</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="440" />
        <source>Overlaps between control lines</source>
        <translation>控制线之间的重叠</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="441" />
        <source>Built-up land outside the development boundary</source>
        <translation>城镇开发边界外的建成区</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="433" />
        <source>Summary by jurisdiction</source>
        <translation>按区县汇总</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="174" />
        <source>Report (HTML)</source>
        <translation>报告（HTML）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="212" />
        <source>No township layer was given.</source>
        <translation>未提供乡镇图层。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="212" />
        <source>Choose the township polygons.</source>
        <translation>请选择乡镇（街道）面图层。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="220" />
        <source>No control-line layer was given, so there is nothing to check the townships against.</source>
        <translation>未提供任何控制线图层，无法对乡镇进行校核。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="220" />
        <source>Choose at least one of: ecological protection red line (ECOLOGY), permanent basic farmland (FARMLAND), urban development boundary (DEVELOPMENT).</source>
        <translation>请至少选择以下之一：生态保护红线（ECOLOGY）、永久基本农田（FARMLAND）、城镇开发边界（DEVELOPMENT）。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="237" />
        <source>Layer '{layer}' has no field {field}: the townships were not checked against their plan zone. Tag them with 'Tag townships' or choose the zone field.</source>
        <translation>图层“{layer}”没有字段 {field}：未校核各乡镇与规划分区的一致性。请先用“标注乡镇”为其赋值，或选择分区字段。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="241" />
        <source>No plan zone field was chosen and layer '{layer}' has no field 'zone': the townships were not checked against their plan zone.</source>
        <translation>未选择规划分区字段，且图层“{layer}”没有“zone”字段：未校核各乡镇与规划分区的一致性。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="249" />
        <source>Built-up land</source>
        <translation>建成区</translation>
    </message>
    <message>
        <location filename="../core/builtup.py" line="259" />
        <source>feature {fid}</source>
        <translation>要素 {fid}</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="318" />
        <source>{flagged} of {checked} townships checked against their plan zone are flagged.</source>
        <translation>已校核规划分区的 {checked} 个乡镇中，{flagged} 个不相符。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="328" />
        <source>Input fields replaced by the check's own in the output: {fields}.</source>
        <translation>输出中以下输入字段被本校核的同名字段替换：{fields}。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="407" />
        <source>consistent</source>
        <translation>相符</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="407" />
        <source>flagged</source>
        <translation>不相符</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="1176" />
        <source>not checked</source>
        <translation>未校核</translation>
    </message>
    <message>
        <location filename="../core/result_styles.py" line="148" />
        <source>Jurisdiction</source>
        <translation>区县</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="440" />
        <source>Area km²</source>
        <translation>面积（km²）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="436" />
        <source>Built-up outside the development boundary km²</source>
        <translation>城镇开发边界外建成区（km²）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="433" />
        <source>Checked</source>
        <translation>已校核</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="433" />
        <source>Flagged</source>
        <translation>不相符</translation>
    </message>
    <message>
        <location filename="../core/result_styles.py" line="152" />
        <source>Plan zone</source>
        <translation>规划分区</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="436" />
        <source>Zone check</source>
        <translation>分区校核</translation>
    </message>
    <message>
        <location filename="../core/result_styles.py" line="153" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="440" />
        <source>Lines</source>
        <translation>控制线</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="441" />
        <source>Outside km²</source>
        <translation>边界外（km²）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="441" />
        <source>Share of built-up</source>
        <translation>占建成区比例</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="445" />
        <source>Control lines given: {lines}.</source>
        <translation>参与校核的控制线：{lines}。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="445" />
        <source>Each line is dissolved within each township, so overlapping polygons of one layer count once; land of a line outside every township is not counted.</source>
        <translation>每条控制线在各乡镇内融合后计算，同一图层中相互重叠的图斑只计一次；位于所有乡镇范围以外的控制线面积不计入。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="73" />
        <source>Bus-stop coverage (500 m)</source>
        <translation>公交站点覆盖率（500 米）</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="308" />
        <source>Bus stops</source>
        <translation>公交站点</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="104" />
        <source>Served area (城区 / built-up polygons)</source>
        <translation>服务区域（城区 / 建成区面）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="106" />
        <source>Townships (optional, for a row per township)</source>
        <translation>乡镇（可选，按乡镇逐行统计）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="112" />
        <source>Radius (m)</source>
        <translation>半径（米）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="115" />
        <source>Distance</source>
        <translation>距离</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="115" />
        <source>Straight line</source>
        <translation>直线距离</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="115" />
        <source>Along the road network</source>
        <translation>沿路网</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="118" />
        <source>Roads and footpaths (for distance along the network)</source>
        <translation>道路和步行道（用于沿路网计算距离）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="121" />
        <source>Walking access width on each side of a reached road (m)</source>
        <translation>可达道路每侧的步行接入宽度（米）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="124" />
        <source>Measure</source>
        <translation>口径</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="124" />
        <source>Population</source>
        <translation>人口</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="126" />
        <source>Population raster (persons per cell)</source>
        <translation>人口栅格（每格人数）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="128" />
        <source>Or a population field of the served-area polygons</source>
        <translation>或服务区域面的人口字段</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="139" />
        <source>Target id in the catalogue (empty: the catalogue's bus-stop coverage target)</source>
        <translation>目录中的指标编号（留空：使用目录中的公交站点覆盖率指标）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="142" />
        <source>Or a target value of your own (percent)</source>
        <translation>或自定目标值（百分比）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="145" />
        <source>Service area</source>
        <translation>服务范围</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="147" />
        <source>Uncovered served area</source>
        <translation>未覆盖的服务区域</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="383" />
        <source>Coverage by township</source>
        <translation>各乡镇覆盖率</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="165" />
        <source>Bus-stop coverage (target given by the user)</source>
        <translation>公交站点覆盖率（用户给定目标）</translation>
    </message>
    <message>
        <location filename="../core/catalogue.py" line="625" />
        <source>Catalogue '{catalogue}' has no target '{id}'.</source>
        <translation>目录“{catalogue}”中没有目标“{id}”。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="202" />
        <source>The bus stops and the served area are both needed.</source>
        <translation>公交站点和服务区域两者都必须提供。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="202" />
        <source>Choose a point layer of stops and a polygon layer of the served area.</source>
        <translation>请选择站点点图层和服务区域面图层。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="205" />
        <source>Served area</source>
        <translation>服务区域</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="207" />
        <source>Distance along the network needs a road layer.</source>
        <translation>沿路网计算距离需要道路图层。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="207" />
        <source>Choose the roads and footpaths (ROADS), or straight-line distance.</source>
        <translation>请选择道路和步行道图层（ROADS），或改用直线距离。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="210" />
        <source>Population-based coverage needs a population raster or a population field.</source>
        <translation>按人口计算覆盖率需要人口栅格或人口字段。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="247" />
        <source>{layer}: {n} duplicate stops counted once (feature ids {ids}).</source>
        <translation>{layer}：{n} 个重复站点只计一次（要素编号 {ids}）。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="251" />
        <source>{layer} holds no stop: the coverage is 0%. Check the layer and its filter.</source>
        <translation>{layer} 中没有站点：覆盖率为 0%。请检查该图层及其过滤条件。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="260" />
        <source>Service area of {n} stops</source>
        <translation>{n} 个站点的服务范围</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="270" />
        <source>Roads</source>
        <translation>道路</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="268" />
        <source>Walking distance along {roads}: multi-source shortest paths from every stop tied to the nearest road within {snap:g} m, every road part within {r:g} m widened by {w:g} m on each side ({seg} segments per quarter circle).</source>
        <translation>沿 {roads} 的步行距离：从每个站点（连接到 {snap:g} 米内最近的道路）同时出发的多源最短路径，{r:g} 米内可达的每段道路两侧各加宽 {w:g} 米（每四分之一圆 {seg} 段）。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="275" />
        <source>Straight-line distance: every stop buffered by {r:g} m with {seg} segments per quarter circle (as native:buffer), dissolved and intersected with the served area.</source>
        <translation>直线距离：每个站点按 {r:g} 米缓冲（每四分之一圆 {seg} 段，与 native:buffer 相同），融合后与服务区域求交。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="294" />
        <source>Coverage in {n} zones</source>
        <translation>在 {n} 个分区中计算覆盖率</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="307" />
        <source>About {km2:.3f} km² of the served area lies outside every township and is not counted (overlapping served polygons also reduce this figure).</source>
        <translation>约 {km2:.3f} 平方千米的服务区域不在任何乡镇内，未计入（服务区域面相互重叠也会使这一数值减小）。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="320" />
        <source>Population: cells of {raster} whose centre is in the covered / served area.</source>
        <translation>人口：统计 {raster} 中中心点位于覆盖区域 / 服务区域内的栅格。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="348" />
        <source>Population: field {field}, shared out by area.</source>
        <translation>人口：取字段 {field}，按面积分摊。</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="913" />
        <source>Bus-stop coverage</source>
        <translation>公交站点覆盖率</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="437" />
        <source>Whole served area</source>
        <translation>全部服务区域</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="394" />
        <source>Coverage {value:.2f}% ({covered:.3f} of {served:.3f} km²).</source>
        <translation>覆盖率 {value:.2f}%（{served:.3f} 平方千米中覆盖 {covered:.3f} 平方千米）。</translation>
    </message>
    <message>
        <location filename="../algorithms/convert_web_coordinates.py" line="33" />
        <source>Convert web-map coordinates (GCJ-02 / BD-09)</source>
        <translation>网络地图坐标转换（GCJ-02 / BD-09）</translation>
    </message>
    <message>
        <location filename="../algorithms/convert_web_coordinates.py" line="60" />
        <source>Layer with web-map coordinates</source>
        <translation>网络地图坐标图层</translation>
    </message>
    <message>
        <location filename="../algorithms/convert_web_coordinates.py" line="62" />
        <source>Coordinates of the input</source>
        <translation>输入坐标系</translation>
    </message>
    <message>
        <location filename="../algorithms/convert_web_coordinates.py" line="62" />
        <source>GCJ-02 (Amap, Tencent)</source>
        <translation>GCJ-02（高德、腾讯）</translation>
    </message>
    <message>
        <location filename="../algorithms/convert_web_coordinates.py" line="62" />
        <source>BD-09 (Baidu)</source>
        <translation>BD-09（百度）</translation>
    </message>
    <message>
        <location filename="../algorithms/convert_web_coordinates.py" line="65" />
        <source>Output coordinate system</source>
        <translation>输出坐标系</translation>
    </message>
    <message>
        <location filename="../algorithms/convert_web_coordinates.py" line="65" />
        <source>EPSG:4490 CGCS2000</source>
        <translation>EPSG:4490 CGCS2000（2000 国家大地坐标系）</translation>
    </message>
    <message>
        <location filename="../algorithms/convert_web_coordinates.py" line="65" />
        <source>EPSG:4326 WGS84</source>
        <translation>EPSG:4326 WGS84</translation>
    </message>
    <message>
        <location filename="../algorithms/convert_web_coordinates.py" line="68" />
        <source>Converted layer</source>
        <translation>转换后图层</translation>
    </message>
    <message>
        <location filename="../algorithms/convert_web_coordinates.py" line="74" />
        <source>The input layer could not be opened.</source>
        <translation>无法打开输入图层。</translation>
    </message>
    <message>
        <location filename="../algorithms/convert_web_coordinates.py" line="84" />
        <source>Layer '{layer}' has coordinates that cannot be longitude/latitude degrees (extent {extent}; declared CRS {crs}).</source>
        <translation>图层“{layer}”的坐标不可能是经纬度（范围 {extent}；声明坐标系 {crs}）。</translation>
    </message>
    <message>
        <location filename="../core/population.py" line="121" />
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../algorithms/convert_web_coordinates.py" line="84" />
        <source>Web-map coordinates are GCJ-02 or BD-09 degrees. If the layer was reprojected, convert the original longitude/latitude file instead.</source>
        <translation>网络地图坐标为 GCJ-02 或 BD-09 经纬度。若图层已被重投影，请改为转换原始的经纬度文件。</translation>
    </message>
    <message>
        <location filename="../algorithms/convert_web_coordinates.py" line="91" />
        <source>Layer '{layer}' declares the projected CRS {crs}, but its coordinates are read as GCJ-02/BD-09 longitude/latitude degrees. Check that this is what the layer holds.</source>
        <translation>图层“{layer}”声明的是投影坐标系 {crs}，但其坐标将按 GCJ-02/BD-09 经纬度读取。请确认图层内容确实如此。</translation>
    </message>
    <message>
        <location filename="../algorithms/convert_web_coordinates.py" line="136" />
        <source>{n} features converted from {system} to {crs}.</source>
        <translation>已将 {n} 个要素从 {system} 转换为 {crs}。</translation>
    </message>
    <message>
        <location filename="../algorithms/convert_web_coordinates.py" line="150" />
        <source>{n} features without geometry copied unchanged.</source>
        <translation>{n} 个无几何要素原样复制。</translation>
    </message>
    <message>
        <location filename="../algorithms/export_map.py" line="46" />
        <source>Export thematic map</source>
        <translation>导出专题图</translation>
    </message>
    <message>
        <location filename="../algorithms/export_map.py" line="53" />
        <source>Exports a thematic map for a plan revision document as PDF, PNG or SVG (by the output file's extension): title (the plan and the structure), the jurisdiction with every township named in Chinese, legend in the plan's own terms, scale bar in km, north arrow, coordinate system, data sources and the plan text shown (document and line, e.g. 江津 “一主两副六节点多特色” 000_5c0b1797e2e1b3c4.txt l.234, 开州 “十四五”城镇体系 003_19d1efc2983d1444.txt l.133), date.

Inputs: a township layer tagged by “Tag townships” (the plan is recognised from its juris field) or a check's output layer; the theme ({themes}); optionally the field to show, result layers to draw on top (uncovered areas and control-line conflicts in red), paper (A3 landscape or A4 portrait, templates styles/layout_*.qpt, editable in the layout designer), title, resolution.
Structures are coloured by the plan's classes (styles/&lt;catalogue&gt;_&lt;field&gt;.qml); the built-up check by share in classes.

Atlas: one page per feature of the input layer (township or district); a PDF holds all pages, PNG and SVG give one file per page named &lt;file&gt;_&lt;n&gt;. An existing file is replaced only once the new one is complete. Needs a Chinese font (Debian/Ubuntu: fonts-noto-cjk).</source>
        <translation>导出用于规划修编文件的专题图，格式为 PDF、PNG 或 SVG（按输出文件扩展名）：标题（规划与结构）、辖区地图及中文标注的全部乡镇、采用规划原文术语的图例、以公里为单位的比例尺、指北针、坐标系、数据来源及所示规划原文（文件与行号，例如江津“一主两副六节点多特色” 000_5c0b1797e2e1b3c4.txt 第234行，开州“十四五”城镇体系 003_19d1efc2983d1444.txt 第133行）、日期。

输入：经“标注乡镇”标注的乡镇图层（按其 juris 字段识别规划）或校核结果图层；专题（{themes}）；可选：显示字段、叠加的结果图层（未覆盖区域和控制线冲突以红色显示）、图纸（A3 横向或 A4 纵向，模板为 styles/layout_*.qpt，可在布局设计器中编辑）、标题、分辨率。
规划结构按规划的类别着色（styles/&lt;catalogue&gt;_&lt;field&gt;.qml）；建成区校核按占比分级着色。

图集：输入图层每个要素（乡镇或区县）一页；PDF 将所有页存为一个文件，PNG 和 SVG 每页一个文件，命名为 &lt;文件名&gt;_&lt;序号&gt;。已有文件仅在新文件完整写出后才被替换。需要中文字体（Debian/Ubuntu：fonts-noto-cjk）。</translation>
    </message>
    <message>
        <location filename="../algorithms/export_map.py" line="75" />
        <source>Tagged township layer or a check's output layer</source>
        <translation>已标注的乡镇图层或校核结果图层</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="392" />
        <source>Theme</source>
        <translation>专题</translation>
    </message>
    <message>
        <location filename="../algorithms/export_map.py" line="79" />
        <source>Field to show (empty: the theme's field)</source>
        <translation>显示字段（留空：专题的默认字段）</translation>
    </message>
    <message>
        <location filename="../algorithms/export_map.py" line="82" />
        <source>Result layers to draw on top (e.g. uncovered areas, conflicts)</source>
        <translation>叠加显示的结果图层（如未覆盖区域、冲突）</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="395" />
        <source>Paper</source>
        <translation>纸张</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="394" />
        <source>A3 landscape</source>
        <translation>A3 横向</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="394" />
        <source>A4 portrait</source>
        <translation>A4 纵向</translation>
    </message>
    <message>
        <location filename="../algorithms/export_map.py" line="87" />
        <source>Title (empty: the plan and the structure)</source>
        <translation>标题（留空：规划名称与结构）</translation>
    </message>
    <message>
        <location filename="../algorithms/export_map.py" line="89" />
        <source>Atlas: one page per feature</source>
        <translation>图集：每个要素一页</translation>
    </message>
    <message>
        <location filename="../algorithms/export_map.py" line="91" />
        <source>Resolution (dpi)</source>
        <translation>分辨率（dpi）</translation>
    </message>
    <message>
        <location filename="../algorithms/export_map.py" line="94" />
        <source>Township name field for labels (empty: plan_name, else the name field)</source>
        <translation>标注用乡镇名称字段（留空：plan_name，否则为名称字段）</translation>
    </message>
    <message>
        <location filename="../algorithms/export_map.py" line="97" />
        <source>Plan catalogue file, when the layer was tagged with one of your own (YAML)</source>
        <translation>规划目录文件（图层用自备目录标注时，YAML）</translation>
    </message>
    <message>
        <location filename="../algorithms/export_map.py" line="105" />
        <source>Map file</source>
        <translation>地图文件</translation>
    </message>
    <message>
        <location filename="../algorithms/export_map.py" line="105" />
        <source>PDF files (*.pdf);;PNG images (*.png);;SVG drawings (*.svg)</source>
        <translation>PDF 文件 (*.pdf);;PNG 图像 (*.png);;SVG 图形 (*.svg)</translation>
    </message>
    <message>
        <location filename="../algorithms/export_map.py" line="107" />
        <source>Pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <location filename="../algorithms/export_map.py" line="108" />
        <source>Files written</source>
        <translation>已写入的文件</translation>
    </message>
    <message>
        <location filename="../algorithms/export_map.py" line="129" />
        <source>{title}: {pages} page(s), {paper}</source>
        <translation>{title}：{pages} 页，{paper}</translation>
    </message>
    <message>
        <location filename="../algorithms/export_map.py" line="133" />
        <source>Written: {path}</source>
        <translation>已写入：{path}</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="250" />
        <source>Tag townships with plan roles</source>
        <translation>按规划标注乡镇角色</translation>
    </message>
    <message>
        <location filename="../algorithms/tag_townships.py" line="108" />
        <source>Writes the plan's structures onto township polygons: for each township, its role, tier, zone, function type, region or group in every structure of the plan catalogue (for example 开州's three-tier town system, 003_19d1efc2983d1444.txt l.135–137; 江津's 一主两副六节点多特色, 000_5c0b1797e2e1b3c4.txt l.234 and l.274, and its function zones, 001_c0dc96b9baef37ce.txt l.1375), with the document and line of each value in plan_cite.

Inputs: a township polygon layer, its name field, optionally a township code field (features of another jurisdiction are then left out, and features sharing name and code are parts of one township), and a catalogue.
Names match when they are equal, or equal once suffixes (镇, 乡, 街道, 街道办事处, 办事处), spaces, full-width characters and a 乡 that became a 镇 are ignored, or through the catalogue's aliases. Nothing is guessed: unmatched names, names fitting several townships, several features for one township and plan townships missing from the layer are left untagged and listed in the match report with the fix and the closest plan names. Where the plan contradicts itself the field holds every reading (第一级|第三级) and plan_note gives the lines.
Outputs: the layer with plan_name, match, juris, plan_note, one field per structure and plan_cite (styled by structure and with drop-down lists of the plan's values when loaded in QGIS), and the match report table.</source>
        <translation>将规划结构写入乡镇面图层：按规划目录中的每一种结构，写出每个乡镇的角色、层级、分区、职能类型、片区或组团（例如开州三级城镇体系，003_19d1efc2983d1444.txt 第135–137行；江津“一主两副六节点多特色”，000_5c0b1797e2e1b3c4.txt 第234行和第274行，及其功能分区，001_c0dc96b9baef37ce.txt 第1375行），并在 plan_cite 中注明每个值出自的文件和行号。

输入：乡镇面图层、名称字段、可选的乡镇代码字段（此时其他行政区的要素不予标注，名称和代码相同的要素视为同一乡镇的几个部分），以及规划目录。
名称完全相同，或忽略后缀（镇、乡、街道、街道办事处、办事处）、空格、全角字符以及“乡改镇”后相同，或与规划目录中的别名相同，即为匹配。不作任何猜测：未匹配的名称、可对应多个乡镇的名称、同一乡镇对应多个要素，以及图层中缺失的规划乡镇，均不标注，并在匹配报告中逐条列出修改方法和最接近的规划名称。规划前后矛盾之处，字段写入全部表述（第一级|第三级），plan_note 注明行号。
输出：增加 plan_name、match、juris、plan_note、每种结构一个字段及 plan_cite 的图层（在 QGIS 中加载时按结构设置样式，并提供规划取值的下拉列表），以及匹配报告表。</translation>
    </message>
    <message>
        <location filename="../algorithms/tag_townships.py" line="129" />
        <source>Township polygons</source>
        <translation>乡镇面图层</translation>
    </message>
    <message>
        <location filename="../algorithms/tag_townships.py" line="134" />
        <source>Township code field (optional)</source>
        <translation>乡镇代码字段（可选）</translation>
    </message>
    <message>
        <location filename="../algorithms/tag_townships.py" line="138" />
        <source>Tagged townships</source>
        <translation>已标注的乡镇</translation>
    </message>
    <message>
        <location filename="../algorithms/tag_townships.py" line="140" />
        <source>Match report</source>
        <translation>匹配报告</translation>
    </message>
    <message>
        <location filename="../algorithms/tag_townships.py" line="142" />
        <source>Townships tagged</source>
        <translation>已标注乡镇数</translation>
    </message>
    <message>
        <location filename="../algorithms/tag_townships.py" line="142" />
        <source>Names not matched</source>
        <translation>未匹配名称数</translation>
    </message>
    <message>
        <location filename="../algorithms/tag_townships.py" line="142" />
        <source>Ambiguous names</source>
        <translation>有歧义名称数</translation>
    </message>
    <message>
        <location filename="../algorithms/tag_townships.py" line="142" />
        <source>Plan townships missing</source>
        <translation>缺失的规划乡镇数</translation>
    </message>
    <message>
        <location filename="../algorithms/tag_townships.py" line="166" />
        <source>The styles could not be saved in the GeoPackage ({problems}); the tagged layer is complete, style it from styles/ if needed.</source>
        <translation>无法将样式保存到 GeoPackage（{problems}）；已标注的图层是完整的，如需要可从 styles/ 加载样式。</translation>
    </message>
    <message>
        <location filename="../algorithms/tag_townships.py" line="174" />
        <source>The township layer could not be opened.</source>
        <translation>无法打开乡镇图层。</translation>
    </message>
    <message>
        <location filename="../algorithms/tag_townships.py" line="184" />
        <source>Layer '{layer}': the field {field} is one tagging writes itself.</source>
        <translation>图层“{layer}”：字段 {field} 是标注算法自身写入的字段。</translation>
    </message>
    <message>
        <location filename="../algorithms/tag_townships.py" line="184" />
        <source>Choose the field holding the township's own name (or code), not a field of an earlier tagging.</source>
        <translation>请选择记录乡镇本身名称（或代码）的字段，而不是之前标注生成的字段。</translation>
    </message>
    <message>
        <location filename="../algorithms/tag_townships.py" line="208" />
        <source>{layer}: fields {fields} of an earlier tagging are replaced.</source>
        <translation>{layer}：之前标注生成的字段 {fields} 已被替换。</translation>
    </message>
    <message>
        <location filename="../algorithms/tag_townships.py" line="255" />
        <source>{file}: {MATCHED} townships tagged, {UNMATCHED} names not matched, {AMBIGUOUS} ambiguous, {MISSING} plan townships missing from the layer.</source>
        <translation>{file}：已标注 {MATCHED} 个乡镇，{UNMATCHED} 个名称未匹配，{AMBIGUOUS} 个有歧义，图层中缺少 {MISSING} 个规划乡镇。</translation>
    </message>
    <message>
        <location filename="../algorithms/tag_townships.py" line="259" />
        <source>Some names were not tagged: see the match report for each one and its fix.</source>
        <translation>部分名称未标注：请查看匹配报告中的逐条说明和修改方法。</translation>
    </message>
    <message>
        <location filename="../core/builtup.py" line="141" />
        <source>township</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="891" />
        <source>Built-up area</source>
        <translation>建成区面积</translation>
    </message>
    <message>
        <location filename="../core/catalogue.py" line="616" />
        <source>Target '{id}' needs a plan catalogue.</source>
        <translation>目标“{id}”需要规划目录。</translation>
    </message>
    <message>
        <location filename="../core/measure.py" line="172" />
        <source>The layers {layers} lie at longitude {w:.2f}–{e:.2f}, latitude {s:.2f}–{n:.2f}, not in China.</source>
        <translation>图层 {layers} 位于经度 {w:.2f}–{e:.2f}、纬度 {s:.2f}–{n:.2f}，不在中国境内。</translation>
    </message>
    <message>
        <location filename="../core/measure.py" line="172" />
        <source>A layer's coordinate reference system is probably wrong: set the one its coordinates are in (Layer Properties &gt; Source), e.g. a GK zone such as EPSG:4545 for metres, EPSG:4490 for degrees.</source>
        <translation>某图层的坐标参考系可能有误：请在“图层属性 &gt; 源”中设置其坐标实际所用的坐标系，如以米为单位的高斯-克吕格投影带 EPSG:4545，以度为单位的 EPSG:4490。</translation>
    </message>
    <message>
        <location filename="../core/builtup.py" line="217" />
        <source>features</source>
        <translation>个要素</translation>
    </message>
    <message>
        <location filename="../core/builtup.py" line="226" />
        <source>Dissolving built-up polygons</source>
        <translation>正在融合建成区图斑</translation>
    </message>
    <message>
        <location filename="../core/builtup.py" line="221" />
        <source>Layer '{layer}' has no built-up polygon with an area.</source>
        <translation>图层“{layer}”没有具有面积的建成区图斑。</translation>
    </message>
    <message>
        <location filename="../core/builtup.py" line="221" />
        <source>Check its geometries and, for a land-use layer, the codes.</source>
        <translation>请检查其几何；如为土地利用图层，请检查代码。</translation>
    </message>
    <message>
        <location filename="../core/builtup.py" line="229" />
        <source>The scope '{scope}' needs the township layer, to know which townships it covers.</source>
        <translation>范围“{scope}”需要乡镇图层，才能确定其包含哪些乡镇（街道）。</translation>
    </message>
    <message>
        <location filename="../core/builtup.py" line="229" />
        <source>Choose the township layer (tagged by 'Tag townships with the plan's structure'), or leave the scope empty to measure the whole built-up layer.</source>
        <translation>请选择乡镇图层（由“按规划结构标注乡镇”标注），或将范围留空以量算整个建成区图层。</translation>
    </message>
    <message>
        <location filename="../core/builtup.py" line="243" />
        <source>Splitting built-up area by township</source>
        <translation>正在按乡镇（街道）切分建成区</translation>
    </message>
    <message>
        <location filename="../core/builtup.py" line="246" />
        <source>No built-up polygon of '{builtup}' lies inside any township of '{townships}'.</source>
        <translation>“{builtup}”中没有任何建成区图斑位于“{townships}”的乡镇（街道）内。</translation>
    </message>
    <message>
        <location filename="../core/builtup.py" line="246" />
        <source>Check that both layers cover the same jurisdiction and that each layer's coordinate reference system is the one its coordinates are in.</source>
        <translation>请检查两个图层是否覆盖同一行政区，以及各图层的坐标参考系是否与其坐标一致。</translation>
    </message>
    <message>
        <location filename="../core/builtup.py" line="266" />
        <source>No township of '{layer}' is in the scope '{scope}'. Values found: {found}.</source>
        <translation>“{layer}”中没有乡镇（街道）属于范围“{scope}”。已有取值：{found}。</translation>
    </message>
    <message>
        <location filename="../core/landuse.py" line="178" />
        <source>(only empty values)</source>
        <translation>（只有空值）</translation>
    </message>
    <message>
        <location filename="../core/builtup.py" line="266" />
        <source>Tag the townships first ('Tag townships with the plan's structure'), or choose the scope field and one of its values.</source>
        <translation>请先标注乡镇（“按规划结构标注乡镇”），或选择范围字段及其取值之一。</translation>
    </message>
    <message>
        <location filename="../core/builtup.py" line="274" />
        <source>No value of '{group}' for these townships (not tagged, or not named in the plan); they are outside the scope: {names}.</source>
        <translation>以下乡镇（街道）没有“{group}”的取值（未标注，或规划中未列出），不计入范围：{names}。</translation>
    </message>
    <message>
        <location filename="../core/builtup.py" line="279" />
        <source>The plan gives these townships more than one value for the scope; each is counted in the scope when one of its values matches: {names}.</source>
        <translation>规划对以下乡镇（街道）给出了多个范围取值，只要其中之一相符即计入范围：{names}。</translation>
    </message>
    <message>
        <location filename="../core/builtup.py" line="284" />
        <source>Townships overlap, so land in both is counted twice in sums: {pairs}.</source>
        <translation>乡镇（街道）之间存在重叠，重叠部分在合计中被计算两次：{pairs}。</translation>
    </message>
    <message>
        <location filename="../core/builtup.py" line="289" />
        <source>{km2:.3f} km² of built-up area lies outside every township and is not counted in the scope.</source>
        <translation>有 {km2:.3f} 平方公里建成区位于所有乡镇（街道）之外，未计入范围。</translation>
    </message>
    <message>
        <location filename="../core/builtup.py" line="294" />
        <source>(no value)</source>
        <translation>（无值）</translation>
    </message>
    <message>
        <location filename="../core/builtup.py" line="307" />
        <source>Built-up polygons are dissolved first, so overlapping polygons count once; the result is cut by the township boundaries, so a polygon crossing a boundary is split between townships. Invalid geometries are repaired (makeValid) and listed below.</source>
        <translation>先融合建成区图斑，重叠部分只计一次；再按乡镇（街道）界线切分，跨界图斑分摊到各乡镇。无效几何已修复（makeValid），列于下文。</translation>
    </message>
    <message>
        <location filename="../core/control_lines.py" line="49" />
        <source>ecological protection red line (生态保护红线)</source>
        <translation>生态保护红线</translation>
    </message>
    <message>
        <location filename="../core/control_lines.py" line="50" />
        <source>permanent basic farmland (永久基本农田)</source>
        <translation>永久基本农田</translation>
    </message>
    <message>
        <location filename="../core/control_lines.py" line="51" />
        <source>urban development boundary (城镇开发边界)</source>
        <translation>城镇开发边界</translation>
    </message>
    <message>
        <location filename="../core/control_lines.py" line="94" />
        <source>A township is flagged when its plan zone ({cite}) and the control lines disagree: 生态功能区 with more than {eco:g}% of its area inside the urban development boundary; 城市化发展区 with less than {urban:g}% inside it; 农产品主产区 with less than {farm:g}% permanent basic farmland or more than {farmdev:g}% inside the development boundary.</source>
        <translation>乡镇的规划分区（{cite}）与三条控制线不相符时予以标记：生态功能区位于城镇开发边界内的面积超过其面积的 {eco:g}%；城市化发展区位于城镇开发边界内的面积低于 {urban:g}%；农产品主产区永久基本农田面积低于 {farm:g}%，或位于城镇开发边界内的面积超过 {farmdev:g}%。</translation>
    </message>
    <message>
        <location filename="../core/control_lines.py" line="202" />
        <source>not checked: the township layer has no plan zone field</source>
        <translation>未校核：乡镇图层没有规划分区字段</translation>
    </message>
    <message>
        <location filename="../core/control_lines.py" line="205" />
        <source>not checked: no plan zone for this township</source>
        <translation>未校核：该乡镇没有规划分区</translation>
    </message>
    <message>
        <location filename="../core/control_lines.py" line="206" />
        <source>not checked: plan zone '{zone}' is not one of 城市化发展区, 农产品主产区, 生态功能区</source>
        <translation>未校核：规划分区“{zone}”不属于城市化发展区、农产品主产区、生态功能区</translation>
    </message>
    <message>
        <location filename="../core/control_lines.py" line="216" />
        <source>{zone} with {share} of its area in {line}</source>
        <translation>{zone}位于{line}内的面积占 {share}</translation>
    </message>
    <message>
        <location filename="../core/control_lines.py" line="219" />
        <source>(more than {limit:g}%)</source>
        <translation>（超过 {limit:g}%）</translation>
    </message>
    <message>
        <location filename="../core/control_lines.py" line="219" />
        <source>(less than {limit:g}%)</source>
        <translation>（低于 {limit:g}%）</translation>
    </message>
    <message>
        <location filename="../core/control_lines.py" line="234" />
        <source>not checked: {zone} needs the {lines} layer</source>
        <translation>未校核：{zone}需要{lines}图层</translation>
    </message>
    <message>
        <location filename="../core/control_lines.py" line="235" />
        <source>consistent with {zone}: {measures}</source>
        <translation>与{zone}相符：{measures}</translation>
    </message>
    <message>
        <location filename="../core/control_lines.py" line="237" />
        <source>not checked against {lines} (layer not given)</source>
        <translation>未对照{lines}校核（未提供图层）</translation>
    </message>
    <message>
        <location filename="../core/control_lines.py" line="325" />
        <source>Townships {a} and {b} overlap by {km2:.4f} km²: that land is counted in both.</source>
        <translation>乡镇 {a} 与 {b} 重叠 {km2:.4f} km²：该部分在两者中都被计入。</translation>
    </message>
    <message>
        <location filename="../core/control_lines.py" line="328" />
        <source>The township layer has no plan zone field: areas were measured, but no township was checked against its zone.</source>
        <translation>乡镇图层没有规划分区字段：已量算面积，但未校核各乡镇与其分区的一致性。</translation>
    </message>
    <message>
        <location filename="../core/control_lines.py" line="331" />
        <source>Built-up land outside the urban development boundary was not computed: no development boundary layer was given.</source>
        <translation>未计算城镇开发边界外的建成区：未提供城镇开发边界图层。</translation>
    </message>
    <message>
        <location filename="../core/control_lines.py" line="333" />
        <source>all townships</source>
        <translation>全部乡镇</translation>
    </message>
    <message>
        <location filename="../core/coverage.py" line="254" />
        <source>{layer}: {share:.0%} of the stops ({n} of {total} tested) lie outside the served area. Check that the stops and the served area belong to the same place and coordinate system.</source>
        <translation>{layer}：{share:.0%} 的站点（检查的 {total} 个中有 {n} 个）位于服务区域之外。请检查站点与服务区域是否属于同一地区、同一坐标系。</translation>
    </message>
    <message>
        <location filename="../core/coverage.py" line="272" />
        <source>{layer}: the stops look offset as if in GCJ-02 web-map coordinates: shifted back to CGCS2000, {gained} more stops fall inside the served area ({before:.0%} → {after:.0%} outside). Convert them with 'Convert web-map coordinates' (cq_urban:convert_web_coordinates) and run again.</source>
        <translation>{layer}：站点似乎有偏移，像是 GCJ-02 网络地图坐标：纠偏回 CGCS2000 后，多出 {gained} 个站点落入服务区域（区域外比例 {before:.0%} → {after:.0%}）。请用“网络地图坐标转换”（cq_urban:convert_web_coordinates）转换后重新运行。</translation>
    </message>
    <message>
        <location filename="../core/inputs.py" line="122" />
        <source>Layer '{layer}', feature {fid}</source>
        <translation>图层“{layer}”，要素 {fid}</translation>
    </message>
    <message>
        <location filename="../core/inputs.py" line="173" />
        <source>Layer '{layer}'</source>
        <translation>图层“{layer}”</translation>
    </message>
    <message>
        <location filename="../core/inputs.py" line="124" />
        <source>{where}: the coordinates are not valid in the layer's coordinate reference system {crs}.</source>
        <translation>{where}：坐标在图层的坐标参考系 {crs} 中无效。</translation>
    </message>
    <message>
        <location filename="../core/inputs.py" line="124" />
        <source>The layer's CRS is probably set wrong: in Layer Properties &gt; Source, set the CRS its coordinates are really in (metres in Chongqing are usually CGCS2000 Gauss-Krüger, EPSG:4544/4545/4546; degrees EPSG:4490) instead of reprojecting it.</source>
        <translation>图层的坐标参考系可能设置有误：请在“图层属性 &gt; 源”中设置其坐标实际所用的坐标系（重庆以米为单位的数据通常为 CGCS2000 高斯-克吕格投影 EPSG:4544/4545/4546；经纬度为 EPSG:4490），而不是对其重投影。</translation>
    </message>
    <message>
        <location filename="../core/landuse.py" line="55" />
        <source>三调 城镇村属性码: 城市 + 建制镇 (201, 201A, 202, 202A) — 城镇建成区</source>
        <translation>三调 城镇村属性码：城市 + 建制镇（201、201A、202、202A）— 城镇建成区</translation>
    </message>
    <message>
        <location filename="../core/landuse.py" line="55" />
        <source>城镇村属性码 201 城市 and 202 建制镇 (with their 独立工业用地 201A/202A); 村庄 203, 采矿 204 and 特殊 205 are not counted.</source>
        <translation>计入城镇村属性码 201 城市和 202 建制镇（含其独立工业用地 201A/202A）；不计入 203 村庄、204 盐田及采矿用地和 205 特殊用地。</translation>
    </message>
    <message>
        <location filename="../core/landuse.py" line="60" />
        <source>三调 城镇村属性码: 城市 only (201, 201A) — 城市建成区</source>
        <translation>三调 城镇村属性码：仅城市（201、201A）— 城市建成区</translation>
    </message>
    <message>
        <location filename="../core/landuse.py" line="60" />
        <source>城镇村属性码 201 城市 (with 201A); 建制镇 202 and the rest are not counted.</source>
        <translation>计入城镇村属性码 201 城市（含 201A）；不计入 202 建制镇及其他。</translation>
    </message>
    <message>
        <location filename="../core/landuse.py" line="64" />
        <source>三调 地类编码: urban construction land (05, 0601, 0604, 0701, 08, 09, 1004, 1005, 1201)</source>
        <translation>三调 地类编码：城镇建设用地（05、0601、0604、0701、08、09、1004、1005、1201）</translation>
    </message>
    <message>
        <location filename="../core/landuse.py" line="64" />
        <source>三调 land classes 05, 0601, 0604, 0701, 08, 09, 1004, 1005 and 1201; mining 0602, salt pans 0603, rural homesteads 0702, regional transport 1001–1003 and 1006–1009 are not counted.</source>
        <translation>计入三调地类 05、0601、0604、0701、08、09、1004、1005 和 1201；不计入 0602 采矿用地、0603 盐田、0702 农村宅基地、1001–1003 和 1006–1009 区域交通用地。</translation>
    </message>
    <message>
        <location filename="../core/landuse.py" line="70" />
        <source>用地用海分类: urban construction land (0701, 0702, 08, 09, 1001, 11, 1206–1208, 13, 14, 15)</source>
        <translation>用地用海分类：城镇建设用地（0701、0702、08、09、1001、11、1206–1208、13、14、15）</translation>
    </message>
    <message>
        <location filename="../core/landuse.py" line="70" />
        <source>用地用海 classes 0701, 0702, 08, 09, 1001, 11, 1206, 1207, 1208, 13, 14 and 15; rural 0703/0704, mining 1002/1003, regional transport 1201–1205, 1209 and 留白用地 16 are not counted.</source>
        <translation>计入用地用海分类 0701、0702、08、09、1001、11、1206、1207、1208、13、14 和 15；不计入农村用地 0703/0704、采矿及盐田 1002/1003、区域交通 1201–1205、1209 和 16 留白用地。</translation>
    </message>
    <message>
        <location filename="../core/landuse.py" line="108" />
        <source>Field '{field}' of layer '{layer}' is of type {type}, which cannot hold land-use codes.</source>
        <translation>图层“{layer}”的字段“{field}”类型为 {type}，不能存放地类代码。</translation>
    </message>
    <message>
        <location filename="../core/landuse.py" line="108" />
        <source>Choose the field holding the class codes (text such as '0701' or '201', or whole numbers).</source>
        <translation>请选择存放地类代码的字段（文本如“0701”“201”，或整数）。</translation>
    </message>
    <message>
        <location filename="../core/landuse.py" line="144" />
        <source>No land-use codes were given for layer '{layer}'.</source>
        <translation>未给出图层“{layer}”的地类代码。</translation>
    </message>
    <message>
        <location filename="../core/landuse.py" line="144" />
        <source>Choose a preset or type the codes that count as built-up, e.g. 201, 202.</source>
        <translation>请选择预设或输入计为建成区的代码，如 201、202。</translation>
    </message>
    <message>
        <location filename="../core/landuse.py" line="172" />
        <source>Field '{field}' of layer '{layer}' holds decimal numbers (e.g. {example}), not land-use codes.</source>
        <translation>图层“{layer}”的字段“{field}”存放的是小数（如 {example}），不是地类代码。</translation>
    </message>
    <message>
        <location filename="../core/landuse.py" line="172" />
        <source>Choose the field holding the class codes (for 三调: DLBM or CZCSXM).</source>
        <translation>请选择存放地类代码的字段（三调数据为 DLBM 或 CZCSXM）。</translation>
    </message>
    <message>
        <location filename="../core/landuse.py" line="178" />
        <source>No feature of layer '{layer}' has a code in field '{field}' starting with {codes}. The field holds: {found}.</source>
        <translation>图层“{layer}”字段“{field}”中没有以 {codes} 开头的代码。该字段的取值为：{found}。</translation>
    </message>
    <message>
        <location filename="../core/landuse.py" line="178" />
        <source>Choose the preset for this code system, another field, or type the codes that count as built-up.</source>
        <translation>请选择与该编码体系对应的预设、换一个字段，或输入计为建成区的代码。</translation>
    </message>
    <message>
        <location filename="../core/landuse.py" line="186" />
        <source>{layer}: {n} of {total} land-use features counted as built-up (codes {codes}).</source>
        <translation>{layer}：{total} 个地类图斑中有 {n} 个计为建成区（代码 {codes}）。</translation>
    </message>
    <message>
        <location filename="../core/landuse.py" line="190" />
        <source>{layer}: {n} features without a code in '{field}' not counted (feature ids {ids}).</source>
        <translation>{layer}：{n} 个要素的“{field}”无代码，未计入（要素编号 {ids}）。</translation>
    </message>
    <message>
        <location filename="../core/layout.py" line="110" />
        <source>No font with Chinese characters is installed, so the map's names would print as boxes.</source>
        <translation>未安装含中文字符的字体，图上的名称会显示为方框。</translation>
    </message>
    <message>
        <location filename="../core/layout.py" line="110" />
        <source>Install the Noto CJK fonts (Debian/Ubuntu: sudo apt-get install fonts-noto-cjk; or run `make setup`) or any Simplified Chinese font, then restart QGIS.</source>
        <translation>请安装 Noto CJK 字体（Debian/Ubuntu：sudo apt-get install fonts-noto-cjk，或运行 `make setup`）或任一简体中文字体，然后重启 QGIS。</translation>
    </message>
    <message>
        <location filename="../core/layout.py" line="147" />
        <source>Town roles</source>
        <translation>城镇职能定位</translation>
    </message>
    <message>
        <location filename="../core/layout.py" line="148" />
        <source>Town tiers</source>
        <translation>城镇等级</translation>
    </message>
    <message>
        <location filename="../core/layout.py" line="149" />
        <source>Planning zones</source>
        <translation>规划分区</translation>
    </message>
    <message>
        <location filename="../core/layout.py" line="150" />
        <source>Town function types</source>
        <translation>城镇职能类型</translation>
    </message>
    <message>
        <location filename="../core/layout.py" line="151" />
        <source>Regions</source>
        <translation>片区</translation>
    </message>
    <message>
        <location filename="../core/layout.py" line="153" />
        <source>Bus-stop coverage check</source>
        <translation>公交站点覆盖率校核</translation>
    </message>
    <message>
        <location filename="../core/layout.py" line="187" />
        <source>Control-line conflicts</source>
        <translation>控制线冲突</translation>
    </message>
    <message>
        <location filename="../core/layout.py" line="178" />
        <source>Unknown map theme '{theme}'.</source>
        <translation>未知的专题“{theme}”。</translation>
    </message>
    <message>
        <location filename="../core/layout.py" line="178" />
        <source>Use one of: {themes}.</source>
        <translation>请使用以下之一：{themes}。</translation>
    </message>
    <message>
        <location filename="../core/layout.py" line="187" />
        <source>Uncovered areas</source>
        <translation>未覆盖区域</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="930" />
        <source>Built-up outside the development boundary</source>
        <translation>城镇开发边界外的建成区</translation>
    </message>
    <message>
        <location filename="../core/layout.py" line="187" />
        <source>Served area (within the radius)</source>
        <translation>服务范围（半径以内）</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="332" />
        <source>Ecological protection red line</source>
        <translation>生态保护红线</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="334" />
        <source>Permanent basic farmland</source>
        <translation>永久基本农田</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="337" />
        <source>Urban development boundary</source>
        <translation>城镇开发边界</translation>
    </message>
    <message>
        <location filename="../core/layout.py" line="261" />
        <source>Layer '{layer}' has no field for the theme '{theme}' (looked for {fields}).</source>
        <translation>图层“{layer}”没有专题“{theme}”所需的字段（已查找 {fields}）。</translation>
    </message>
    <message>
        <location filename="../core/layout.py" line="256" />
        <source>Tag the townships first (cq_urban:tag_townships), or choose the field to show (FIELD).</source>
        <translation>请先标注乡镇（cq_urban:tag_townships），或选择要显示的字段（FIELD）。</translation>
    </message>
    <message>
        <location filename="../core/layout.py" line="261" />
        <source>Use the per-township output of cq_urban:check_builtup, or choose the field to show (FIELD).</source>
        <translation>请使用 cq_urban:check_builtup 的分乡镇输出图层，或选择要显示的字段（FIELD）。</translation>
    </message>
    <message>
        <location filename="../core/result_styles.py" line="151" />
        <source>Built-up share of the township (%)</source>
        <translation>建成区占乡镇面积比例（%）</translation>
    </message>
    <message>
        <location filename="../core/result_styles.py" line="150" />
        <source>Built-up area (km²)</source>
        <translation>建成区面积（km²）</translation>
    </message>
    <message>
        <location filename="../core/layout.py" line="272" />
        <source>Bus-stop coverage (%)</source>
        <translation>公交站点覆盖率（%）</translation>
    </message>
    <message>
        <location filename="../core/result_styles.py" line="155" />
        <source>Built-up outside the development boundary (%)</source>
        <translation>开发边界外建成区比例（%）</translation>
    </message>
    <message>
        <location filename="../core/layout.py" line="330" />
        <source>No value</source>
        <translation>无值</translation>
    </message>
    <message>
        <location filename="../core/layout.py" line="516" />
        <source>Field '{field}' of layer '{layer}' is not numeric, so it cannot be shown in classes.</source>
        <translation>图层“{layer}”的字段“{field}”不是数值型，无法分级显示。</translation>
    </message>
    <message>
        <location filename="../core/layout.py" line="516" />
        <source>Choose a numeric field (FIELD), such as the check's share.</source>
        <translation>请选择数值字段（FIELD），例如校核结果中的占比。</translation>
    </message>
    <message>
        <location filename="../core/layout.py" line="535" />
        <source>Layer '{layer}' has no text field, so the townships are not named on the map.</source>
        <translation>图层“{layer}”没有文本字段，图上不标注乡镇名称。</translation>
    </message>
    <message>
        <location filename="../core/layout.py" line="554" />
        <source>An extra layer could not be read and was left out.</source>
        <translation>有一个叠加图层无法读取，已略去。</translation>
    </message>
    <message>
        <location filename="../core/layout.py" line="598" />
        <source>Unknown paper '{paper}'.</source>
        <translation>未知的图纸“{paper}”。</translation>
    </message>
    <message>
        <location filename="../core/layout.py" line="598" />
        <source>Use one of: {papers}.</source>
        <translation>请使用以下之一：{papers}。</translation>
    </message>
    <message>
        <location filename="../core/layout.py" line="611" />
        <source>The layout template {path} is missing or damaged.</source>
        <translation>布局模板 {path} 缺失或已损坏。</translation>
    </message>
    <message>
        <location filename="../core/layout.py" line="611" />
        <source>Reinstall the plugin, or restore the file from the plugin's styles folder.</source>
        <translation>请重新安装插件，或从插件的 styles 文件夹恢复该文件。</translation>
    </message>
    <message>
        <location filename="../core/layout.py" line="619" />
        <source>The layout template has no {kind} item with the id '{id}'.</source>
        <translation>布局模板中没有编号为“{id}”的 {kind} 项。</translation>
    </message>
    <message>
        <location filename="../core/layout.py" line="619" />
        <source>Give the item that id again in the layout designer (Item Properties &gt; Id), or reinstall the plugin.</source>
        <translation>请在布局设计器中为该项重新设置此编号（项目属性 &gt; 编号），或重新安装插件。</translation>
    </message>
    <message>
        <location filename="../core/layout.py" line="715" />
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <location filename="../core/layout.py" line="738" />
        <source>Coordinate system: {crs} ({authid})</source>
        <translation>坐标系：{crs}（{authid}）</translation>
    </message>
    <message>
        <location filename="../core/layout.py" line="740" />
        <source>Data: {sources}</source>
        <translation>数据来源：{sources}</translation>
    </message>
    <message>
        <location filename="../core/layout.py" line="742" />
        <source>Plan text: {citations}</source>
        <translation>规划依据：{citations}</translation>
    </message>
    <message>
        <location filename="../core/layout.py" line="744" />
        <source>Map date: {date}</source>
        <translation>制图日期：{date}</translation>
    </message>
    <message>
        <location filename="../core/layout.py" line="836" />
        <source>Atlas page</source>
        <translation>图集页</translation>
    </message>
    <message>
        <location filename="../core/layout.py" line="869" />
        <source>the file could not be written</source>
        <translation>无法写入文件</translation>
    </message>
    <message>
        <location filename="../core/layout.py" line="870" />
        <source>the PDF could not be created</source>
        <translation>无法生成 PDF</translation>
    </message>
    <message>
        <location filename="../core/layout.py" line="871" />
        <source>there was not enough memory for this resolution</source>
        <translation>此分辨率下内存不足</translation>
    </message>
    <message>
        <location filename="../core/layout.py" line="872" />
        <source>an SVG layer could not be written</source>
        <translation>无法写入 SVG 图层</translation>
    </message>
    <message>
        <location filename="../core/layout.py" line="873" />
        <source>the atlas could not step through the townships</source>
        <translation>图集无法逐个遍历乡镇</translation>
    </message>
    <message>
        <location filename="../core/layout.py" line="874" />
        <source>the export was cancelled</source>
        <translation>导出已取消</translation>
    </message>
    <message>
        <location filename="../core/layout.py" line="879" />
        <source>unknown error</source>
        <translation>未知错误</translation>
    </message>
    <message>
        <location filename="../core/layout.py" line="880" />
        <source>The map could not be exported to {path}: {reason}{detail}.</source>
        <translation>无法将地图导出到 {path}：{reason}{detail}。</translation>
    </message>
    <message>
        <location filename="../core/layout.py" line="880" />
        <source>Check that the folder exists and is writable and the disk is not full; for PNG, try a lower DPI.</source>
        <translation>请检查文件夹是否存在且可写、磁盘是否已满；PNG 可尝试降低 DPI。</translation>
    </message>
    <message>
        <location filename="../core/layout.py" line="895" />
        <source>Cannot export a map to '{path}'.</source>
        <translation>无法将地图导出到“{path}”。</translation>
    </message>
    <message>
        <location filename="../core/layout.py" line="895" />
        <source>Give the output file the extension .pdf, .png or .svg.</source>
        <translation>请将输出文件的扩展名设为 .pdf、.png 或 .svg。</translation>
    </message>
    <message>
        <location filename="../core/layout.py" line="902" />
        <source>The atlas has no pages: the township layer has no features.</source>
        <translation>图集没有页面：乡镇图层没有要素。</translation>
    </message>
    <message>
        <location filename="../core/layout.py" line="902" />
        <source>Choose a layer with features, or export without the atlas.</source>
        <translation>请选择含有要素的图层，或不使用图集导出。</translation>
    </message>
    <message>
        <location filename="../core/layout.py" line="959" />
        <source>{n} of {count} pages written</source>
        <translation>已写入 {count} 页中的 {n} 页</translation>
    </message>
    <message>
        <location filename="../core/network.py" line="79" />
        <source>{layer}: {n} dead ends lie within {tol:g} m of another road without being joined to it (gaps in the network); walking distance stops there. Snap the line ends to close them.</source>
        <translation>{layer}：有 {n} 个断头端点距另一条道路不足 {tol:g} 米却未与其相接（路网缺口），步行距离在此中断。请捕捉线端点以闭合缺口。</translation>
    </message>
    <message>
        <location filename="../core/network.py" line="85" />
        <source>{n} stops are more than {tol:g} m from every road and were not used for the walking-distance coverage (stop feature ids {ids}). Add the missing roads or check the stops' coordinates.</source>
        <translation>有 {n} 个站点距任何道路都超过 {tol:g} 米，未用于按步行距离计算的覆盖率（站点要素编号 {ids}）。请补充缺失的道路或检查站点坐标。</translation>
    </message>
    <message>
        <location filename="../core/outputs.py" line="173" />
        <source>The output '{output}' is the input layer '{input}' ({path}).</source>
        <translation>输出“{output}”就是输入图层“{input}”（{path}）。</translation>
    </message>
    <message>
        <location filename="../core/outputs.py" line="173" />
        <source>Choose another file for the output: the input is never overwritten.</source>
        <translation>请为输出另选文件：输入数据不会被覆盖。</translation>
    </message>
    <message>
        <location filename="../core/outputs.py" line="128" />
        <source>The folder of output '{output}' does not exist: {folder}.</source>
        <translation>输出“{output}”所在的文件夹不存在：{folder}。</translation>
    </message>
    <message>
        <location filename="../core/outputs.py" line="128" />
        <source>Create the folder or choose another file.</source>
        <translation>请先创建该文件夹，或另选文件。</translation>
    </message>
    <message>
        <location filename="../core/population.py" line="38" />
        <source>The population raster '{layer}' could not be opened.</source>
        <translation>无法打开人口栅格“{layer}”。</translation>
    </message>
    <message>
        <location filename="../core/population.py" line="38" />
        <source>Choose a GDAL-readable raster (GeoTIFF) of persons per cell.</source>
        <translation>请选择 GDAL 可读取的、以每格人数计的栅格（GeoTIFF）。</translation>
    </message>
    <message>
        <location filename="../core/population.py" line="41" />
        <source>The population raster '{layer}' is rotated.</source>
        <translation>人口栅格“{layer}”带有旋转。</translation>
    </message>
    <message>
        <location filename="../core/population.py" line="41" />
        <source>Warp it to a north-up grid first (Raster &gt; Projections &gt; Warp).</source>
        <translation>请先将其重投影为正北方向的栅格（栅格 &gt; 投影 &gt; 变形）。</translation>
    </message>
    <message>
        <location filename="../core/population.py" line="59" />
        <source>The population raster '{layer}' has no coordinate reference system.</source>
        <translation>人口栅格“{layer}”没有坐标参考系。</translation>
    </message>
    <message>
        <location filename="../core/population.py" line="59" />
        <source>Assign its CRS (Raster &gt; Projections &gt; Assign Projection).</source>
        <translation>请为其指定坐标系（栅格 &gt; 投影 &gt; 指定投影）。</translation>
    </message>
    <message>
        <location filename="../core/population.py" line="159" />
        <source>Layer '{layer}', feature {fid}: population field '{field}' holds '{value}', not a number.</source>
        <translation>图层“{layer}”，要素 {fid}：人口字段“{field}”的值为“{value}”，不是数字。</translation>
    </message>
    <message>
        <location filename="../core/population.py" line="159" />
        <source>Choose a numeric population field, or correct the value.</source>
        <translation>请选择数值型人口字段，或更正该值。</translation>
    </message>
    <message>
        <location filename="../core/population.py" line="169" />
        <source>Layer '{layer}', feature {fid}: population field '{field}' is negative ({value}).</source>
        <translation>图层“{layer}”，要素 {fid}：人口字段“{field}”为负数（{value}）。</translation>
    </message>
    <message>
        <location filename="../core/population.py" line="169" />
        <source>Correct the value; a population cannot be negative.</source>
        <translation>请更正该值，人口不能为负数。</translation>
    </message>
    <message>
        <location filename="../core/tagging.py" line="148" />
        <source>{structure}: the plan contradicts itself: {readings}.</source>
        <translation>{structure}：规划表述前后矛盾：{readings}。</translation>
    </message>
    <message>
        <location filename="../core/tagging.py" line="178" />
        <source>Code {code} is not in {juris} ({prefix}…).</source>
        <translation>代码 {code} 不属于{juris}（{prefix}…）。</translation>
    </message>
    <message>
        <location filename="../core/tagging.py" line="181" />
        <source>Not tagged: the feature belongs to another jurisdiction. Use that jurisdiction's catalogue, or correct the code.</source>
        <translation>未标注：该要素属于其他行政区。请使用该行政区的规划目录，或更正代码。</translation>
    </message>
    <message>
        <location filename="../core/tagging.py" line="188" />
        <source>Fits several plan townships: {names}.</source>
        <translation>可对应多个规划乡镇：{names}。</translation>
    </message>
    <message>
        <location filename="../core/tagging.py" line="190" />
        <source>Not tagged. Write the full name with its suffix (for example {example}) in the name field, then run again.</source>
        <translation>未标注。请在名称字段中填写带后缀的全称（例如 {example}）后重新运行。</translation>
    </message>
    <message>
        <location filename="../core/tagging.py" line="197" />
        <source>Not tagged: the name is empty. Fill in the township's name, then run again.</source>
        <translation>未标注：名称为空。请填写乡镇名称后重新运行。</translation>
    </message>
    <message>
        <location filename="../core/tagging.py" line="199" />
        <source>Not tagged: no plan township has this name. If it is a misspelling, correct it (closest plan names: {names}); if it is an old name, add it to the catalogue's `aliases`.</source>
        <translation>未标注：规划中没有该名称的乡镇。如为错别字请更正（最接近的规划名称：{names}）；如为旧名，请将其加入规划目录的 `aliases`。</translation>
    </message>
    <message>
        <location filename="../core/tagging.py" line="203" />
        <source>Not tagged: the catalogue names no such township. Nothing to do if the plan does not mention it; if it does, add the layer's spelling to the catalogue's `aliases`. Check also that the layer and the catalogue are of the same jurisdiction.</source>
        <translation>未标注：规划目录中没有该乡镇。如规划未提及该乡镇，无需处理；如规划提及，请将图层中的写法加入规划目录的 `aliases`。另请检查图层与规划目录是否属于同一行政区。</translation>
    </message>
    <message>
        <location filename="../core/tagging.py" line="216" />
        <source>Features {fids} all resolve to {township}.</source>
        <translation>要素 {fids} 都对应{township}。</translation>
    </message>
    <message>
        <location filename="../core/tagging.py" line="233" />
        <source>features {fids}</source>
        <translation>要素 {fids}</translation>
    </message>
    <message>
        <location filename="../core/tagging.py" line="218" />
        <source>Not tagged: several features resolve to {township}. Correct the wrong name; if they are parts of one township, dissolve them or give them one code in the code field.</source>
        <translation>未标注：多个要素对应{township}。请更正错误的名称；如属同一乡镇的几个部分，请融合（Dissolve）或在代码字段中填写同一代码。</translation>
    </message>
    <message>
        <location filename="../core/tagging.py" line="228" />
        <source>Tagged: an alias listed in the catalogue.</source>
        <translation>已标注：规划目录中列出的别名。</translation>
    </message>
    <message>
        <location filename="../core/tagging.py" line="230" />
        <source>Tagged: the name differs from the plan's only in suffix, spaces or character width.</source>
        <translation>已标注：名称与规划仅在后缀、空格或全半角上不同。</translation>
    </message>
    <message>
        <location filename="../core/tagging.py" line="233" />
        <source>Tagged: the features share code {code}, read as parts of one township.</source>
        <translation>已标注：这些要素代码同为 {code}，视为同一乡镇的几个部分。</translation>
    </message>
    <message>
        <location filename="../core/tagging.py" line="242" />
        <source>Tagged {field} with every reading: the plan contradicts itself. Decide which applies and edit the field.</source>
        <translation>{field} 已写入全部表述：规划前后矛盾。请判断适用哪一种并编辑该字段。</translation>
    </message>
    <message>
        <location filename="../core/tagging.py" line="250" />
        <source>No feature of the layer is named {township}. Check whether it is missing, merged into another township, or written differently (see the unmatched rows).</source>
        <translation>图层中没有名为{township}的要素。请检查该乡镇是否缺失、已并入其他乡镇，或写法不同（见未匹配行）。</translation>
    </message>
    <message>
        <location filename="../gui/edits.py" line="16" />
        <source>Layer '{layer}' has no field '{field}'.</source>
        <translation>图层“{layer}”没有字段“{field}”。</translation>
    </message>
    <message>
        <location filename="../gui/edits.py" line="16" />
        <source>Choose the layer's name field in the panel.</source>
        <translation>请在面板中选择图层的名称字段。</translation>
    </message>
    <message>
        <location filename="../gui/edits.py" line="19" />
        <source>Layer '{layer}' has no feature {fid}.</source>
        <translation>图层“{layer}”没有编号为 {fid} 的要素。</translation>
    </message>
    <message>
        <location filename="../gui/edits.py" line="19" />
        <source>Run tagging again: the layer changed since the match report was made.</source>
        <translation>请重新运行标注：匹配报告生成后图层已发生变化。</translation>
    </message>
    <message>
        <location filename="../gui/edits.py" line="22" />
        <source>Layer '{layer}' cannot be edited.</source>
        <translation>图层“{layer}”不可编辑。</translation>
    </message>
    <message>
        <location filename="../gui/edits.py" line="22" />
        <source>Save a copy of it in a GeoPackage (Export &gt; Save Features As…) and use the copy.</source>
        <translation>请将其另存为 GeoPackage（导出 &gt; 要素另存为…）并使用副本。</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="832" />
        <source>Fix township name</source>
        <translation>修正乡镇名称</translation>
    </message>
    <message>
        <location filename="../gui/edits.py" line="29" />
        <source>Layer '{layer}': feature {fid} could not be changed.</source>
        <translation>图层“{layer}”：要素 {fid} 无法修改。</translation>
    </message>
    <message>
        <location filename="../gui/edits.py" line="29" />
        <source>Check that the layer is not read-only.</source>
        <translation>请检查图层是否为只读。</translation>
    </message>
    <message>
        <location filename="../gui/layout_actions.py" line="23" />
        <source>Thematic map: {title}</source>
        <translation>专题图：{title}</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="184" />
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="194" />
        <source>Township layer</source>
        <translation>乡镇图层</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="200" />
        <source>Name field</source>
        <translation>名称字段</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="212" />
        <source>Tagging</source>
        <translation>标注</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="213" />
        <source>Checks</source>
        <translation>校核</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="214" />
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="215" />
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="223" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="228" />
        <source>Choose a plan catalogue and the township layer.</source>
        <translation>请选择规划目录和乡镇图层。</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="240" />
        <source>Save the tagged layer as</source>
        <translation>标注结果保存为</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="245" />
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="246" />
        <source>[temporary layer]</source>
        <translation>[临时图层]</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="247" />
        <source>A GeoPackage keeps the roles you edit by hand; a temporary layer is lost when QGIS closes.</source>
        <translation>保存为 GeoPackage 可保留手工编辑的角色；临时图层在关闭 QGIS 后会丢失。</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="253" />
        <source>Match report: run tagging first.</source>
        <translation>匹配报告：请先运行标注。</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="259" />
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="264" />
        <source>Double-click a row to zoom the map to the feature.</source>
        <translation>双击一行可将地图缩放至该要素。</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="268" />
        <source>Fix the selected name…</source>
        <translation>修正所选名称…</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="269" />
        <source>Change the name in the township layer (undoable, in its edit session), then run tagging again.</source>
        <translation>在乡镇图层中修改名称（在编辑会话中进行，可撤销），然后重新运行标注。</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="273" />
        <source>Edit roles by hand…</source>
        <translation>手工编辑角色…</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="274" />
        <source>Open the tagged layer's attribute table: its plan fields offer the catalogue's values.</source>
        <translation>打开标注结果图层的属性表：其规划字段提供规划目录中的取值。</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="340" />
        <source>Built-up layer</source>
        <translation>建成区图层</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="300" />
        <source>Check built-up area</source>
        <translation>校核建成区面积</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="310" />
        <source>Area served (城区 / built-up)</source>
        <translation>服务范围（城区 / 建成区）</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="312" />
        <source>Empty: straight-line distance. A road or footpath layer: distance along it.</source>
        <translation>留空：按直线距离。选择道路或步行路径图层：按沿路网距离。</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="313" />
        <source>Walking network (optional)</source>
        <translation>步行路网（可选）</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="315" />
        <source>Empty: coverage by area. A population raster: coverage by population.</source>
        <translation>留空：按面积计算覆盖率。选择人口栅格：按人口计算覆盖率。</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="316" />
        <source>Population raster (optional)</source>
        <translation>人口栅格（可选）</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="321" />
        <source>Radius</source>
        <translation>半径</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="324" />
        <source>Check bus-stop coverage</source>
        <translation>校核公交站点覆盖率</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="939" />
        <source>Control lines</source>
        <translation>三条控制线</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="341" />
        <source>Check control lines</source>
        <translation>校核三条控制线</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="376" />
        <source>Click a row to zoom the map to the township.</source>
        <translation>单击一行可将地图缩放至该乡镇。</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="379" />
        <source>Clear results</source>
        <translation>清空结果</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="388" />
        <source>Layer to map</source>
        <translation>制图图层</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="591" />
        <source>Built-up check</source>
        <translation>建成区校核</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="397" />
        <source>Title (optional)</source>
        <translation>标题（可选）</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="398" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="401" />
        <source>PDF (*.pdf);;PNG image (*.png);;SVG (*.svg)</source>
        <translation>PDF (*.pdf);;PNG 图片 (*.png);;SVG (*.svg)</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="402" />
        <source>Save as</source>
        <translation>保存为</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="1091" />
        <source>Export map</source>
        <translation>导出专题图</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="516" />
        <source>Plan catalogue (*.yaml *.yml)</source>
        <translation>规划目录 (*.yaml *.yml)</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="576" />
        <source>No target (measure only)</source>
        <translation>不设指标（仅量算）</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="650" />
        <source>Another run is under way: wait for it or cancel it.</source>
        <translation>另一项运行尚未结束：请等待或取消。</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="653" />
        <source>The algorithm {id} is not available: check that the plugin's Processing provider is enabled (Processing &gt; Toolbox).</source>
        <translation>算法 {id} 不可用：请检查插件的处理提供程序是否已启用（处理 &gt; 工具箱）。</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="668" />
        <source>{task}: running…</source>
        <translation>{task}：运行中…</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="674" />
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="693" />
        <source>{task}: done.</source>
        <translation>{task}：已完成。</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="699" />
        <source>{task}: the results could not be shown: {error}</source>
        <translation>{task}：无法显示结果：{error}</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="703" />
        <source>{task}: cancelled; nothing was added to the project.</source>
        <translation>{task}：已取消，未向项目添加任何内容。</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="707" />
        <source>{task} failed: {error}</source>
        <translation>{task} 失败：{error}</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="918" />
        <source>Choose the township layer and its name field first.</source>
        <translation>请先选择乡镇图层及其名称字段。</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="743" />
        <source>{layer} (plan roles)</source>
        <translation>{layer}（规划角色）</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="744" />
        <source>{layer} match report</source>
        <translation>{layer} 匹配报告</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="751" />
        <source>Tag townships</source>
        <translation>标注乡镇</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="768" />
        <source>Matched {MATCHED}, unmatched {UNMATCHED}, ambiguous {AMBIGUOUS}; plan townships missing from the layer: {MISSING}.</source>
        <translation>已匹配 {MATCHED}，未匹配 {UNMATCHED}，有歧义 {AMBIGUOUS}；图层中缺少的规划乡镇：{MISSING}。</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="773" />
        <source>The tagged layer is temporary: to keep roles edited by hand, choose a GeoPackage under "Save the tagged layer as" (or use Make Permanent on the layer).</source>
        <translation>标注结果为临时图层：如需保留手工编辑的角色，请在“标注结果保存为”中选择 GeoPackage（或对该图层使用“转为永久图层”）。</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="813" />
        <source>{layer}: feature {fid} renamed to '{name}' (undo with Ctrl+Z; save the layer's edits to keep it). Run tagging again.</source>
        <translation>{layer}：要素 {fid} 已更名为“{name}”（可用 Ctrl+Z 撤销；保存图层编辑以保留修改）。请重新运行标注。</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="823" />
        <source>Select a row of the match report that names a feature of the layer.</source>
        <translation>请在匹配报告中选择一行指向图层要素的记录。</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="832" />
        <source>New name for '{name}' (feature {fid}):</source>
        <translation>“{name}”（要素 {fid}）的新名称：</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="862" />
        <source>Run tagging first: the roles are edited on its output layer.</source>
        <translation>请先运行标注：角色在其输出图层上编辑。</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="882" />
        <source>Choose the built-up layer.</source>
        <translation>请选择建成区图层。</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="897" />
        <source>Choose the bus-stop layer and the area served.</source>
        <translation>请选择公交站点图层和服务范围。</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="901" />
        <source>Bus-stop service area</source>
        <translation>公交站点服务范围</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="902" />
        <source>Uncovered areas (bus stops)</source>
        <translation>公交站点未覆盖区域</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="903" />
        <source>Coverage table</source>
        <translation>覆盖率统计表</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="922" />
        <source>Choose at least one control-line layer.</source>
        <translation>请至少选择一个控制线图层。</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="930" />
        <source>Control-line overlaps</source>
        <translation>控制线冲突（重叠）</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="930" />
        <source>Control-line summary</source>
        <translation>三条控制线汇总</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="961" />
        <source>Whole area checked</source>
        <translation>校核范围合计</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="994" />
        <source>{task}: done. &lt;a href="{url}"&gt;Open the report&lt;/a&gt;</source>
        <translation>{task}：已完成。&lt;a href="{url}"&gt;打开报告&lt;/a&gt;</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="1097" />
        <source>Choose the layer to map (a tagged layer or a check's output).</source>
        <translation>请选择制图图层（标注结果或校核输出）。</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="1100" />
        <source>Choose where to save the map (.pdf, .png or .svg).</source>
        <translation>请选择专题图的保存位置（.pdf、.png 或 .svg）。</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="1088" />
        <source>Map saved: &lt;a href="{url}"&gt;{path}&lt;/a&gt;</source>
        <translation>专题图已保存：&lt;a href="{url}"&gt;{path}&lt;/a&gt;</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="1141" />
        <source>exact match</source>
        <translation>完全匹配</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="1141" />
        <source>matched after normalising</source>
        <translation>规范化后匹配</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="1141" />
        <source>matched by alias</source>
        <translation>按别名匹配</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="1142" />
        <source>ambiguous</source>
        <translation>有歧义</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="1142" />
        <source>unmatched</source>
        <translation>未匹配</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="1142" />
        <source>duplicate</source>
        <translation>重复</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="1143" />
        <source>parts of one township</source>
        <translation>同一乡镇的多个部分</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="1143" />
        <source>missing from the layer</source>
        <translation>图层中缺少</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="1144" />
        <source>other jurisdiction</source>
        <translation>其他辖区</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="1144" />
        <source>plan contradicts itself</source>
        <translation>规划表述矛盾</translation>
    </message>
    <message>
        <location filename="../gui/tasks.py" line="199" />
        <source>The algorithm stopped without a message; see the Processing log.</source>
        <translation>算法停止但未给出信息；请查看处理日志。</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="36" />
        <source>&amp;Chongqing plan checks</source>
        <translation>重庆规划校核(&amp;C)</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="443" />
        <source>Served area (km²)</source>
        <translation>服务区域（平方千米）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="443" />
        <source>Covered (km²)</source>
        <translation>已覆盖（平方千米）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="443" />
        <source>Coverage by area (%)</source>
        <translation>按面积覆盖率（%）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="444" />
        <source>Population served</source>
        <translation>服务区域人口</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="444" />
        <source>Population covered</source>
        <translation>覆盖人口</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="444" />
        <source>Coverage by population (%)</source>
        <translation>按人口覆盖率（%）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="445" />
        <source>Measured (%)</source>
        <translation>实测值（%）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="445" />
        <source>Target (%)</source>
        <translation>目标值（%）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="445" />
        <source>Met</source>
        <translation>达标</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="52" />
        <source>Thematic map of the active layer in the layout designer</source>
        <translation>在布局设计器中打开当前图层的专题图</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="98" />
        <source>Select a tagged township layer or a check's output layer first.</source>
        <translation>请先选中已标注的乡镇图层或校核结果图层。</translation>
    </message>
    <message>
        <location filename="../core/catalogue.py" line="616" />
        <source>Choose a catalogue or a catalogue file, or type the target value.</source>
        <translation>请选择规划目录或目录文件，或直接输入指标值。</translation>
    </message>
    <message>
        <location filename="../core/catalogue.py" line="630" />
        <source>Its {indicator} targets are: {known}. Or type a target value.</source>
        <translation>其中的 {indicator} 指标有：{known}。也可直接输入指标值。</translation>
    </message>
    <message>
        <location filename="../core/catalogue.py" line="630" />
        <source>Target '{id}' of '{catalogue}' is {label} in {unit}, not {indicator} in {wanted}.</source>
        <translation>“{catalogue}”中的指标“{id}”是{label}（单位 {unit}），不是以 {wanted} 计的 {indicator}。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="131" />
        <source>Or population points (buildings, address points)</source>
        <translation>或人口点（建筑、门牌地址点）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="134" />
        <source>Persons field of the population points</source>
        <translation>人口点的人数字段</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="210" />
        <source>Choose POPULATION_RASTER, or POPULATION_FIELD of the served-area layer, or population points (POPULATION_POINTS), or the area measure.</source>
        <translation>请选择人口栅格（POPULATION_RASTER）、服务区域图层的人口字段（POPULATION_FIELD）或人口点（POPULATION_POINTS），或改用面积口径。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="214" />
        <source>The population points need their persons field.</source>
        <translation>人口点需要指定人数字段。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="214" />
        <source>Choose POPULATION_POINTS_FIELD, the field holding the persons at each point.</source>
        <translation>请选择 POPULATION_POINTS_FIELD，即记录每个点人数的字段。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="351" />
        <source>Population points</source>
        <translation>人口点</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="330" />
        <source>Population: field {field} of {layer}, each point counted where it stands.</source>
        <translation>人口：{layer} 的字段 {field}，每个点按其所在位置计入。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="83" />
        <source>Measures the share of the served area (城区 or built-up land) within a radius (default 500 m) of a bus stop, as plans state it: 城区公交站点500米覆盖率, for example 巫溪 90% by 2025 (004_de8bb285974af80e.txt l.39, repeated l.125).

Inputs: bus stops (points), the served area (polygons), optionally townships with a name field. Distance: straight-line (each stop buffered with 16 segments per quarter circle, the same polygon as native:buffer with SEGMENTS=16), or along a road/footpath layer (a shortest-path search from all stops at once; stops are tied to the nearest road within 100 m; every road part within the radius is widened by the access width, default 50 m, on each side). Measure: area (covered area / served area) or population (from a population raster, counting cells whose centre is covered, or from a population field of the served polygons, area-weighted, or from population points such as buildings, each counted where it stands).
All work is done in the CGCS2000 Gauss-Krüger zone of the data; duplicate stops count once; overlapping stops and served polygons count once.

Outputs: the service area, the uncovered parts of the served area (where new stops are needed), a table per township and for the whole area with the plan's target, the gap and the result, and an HTML report. MEASURED is the coverage in percent.</source>
        <translation>按规划的口径计算服务区域（城区或建成区）中位于公交站点一定半径（默认 500 米）以内的比例，即城区公交站点500米覆盖率，例如巫溪 2025 年达到 90%（004_de8bb285974af80e.txt 第 39 行，第 125 行重申）。

输入：公交站点（点）、服务区域（面），可选带名称字段的乡镇图层。距离：直线距离（每个站点按每四分之一圆 16 段缓冲，与 native:buffer 取 SEGMENTS=16 所得多边形相同），或沿道路/步行道图层（从全部站点同时出发的最短路径搜索；站点连接到 100 米内最近的道路；半径内可达的每段道路两侧各加宽步行接入宽度，默认 50 米）。口径：面积（覆盖面积 / 服务区域面积）或人口（来自人口栅格，统计中心点被覆盖的栅格，或来自服务区域面的人口字段，按面积分摊，或来自建筑等人口点，按点所在位置计入）。
全部计算在数据所在的 CGCS2000 高斯-克吕格投影带中进行；重复站点只计一次；相互重叠的站点缓冲区和服务区域面只计一次。

输出：服务范围、服务区域中未覆盖的部分（需新增站点之处）、按乡镇及全域的覆盖率表（含规划目标、差距和结果），以及 HTML 报告。MEASURED 为以百分比表示的覆盖率。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="315" />
        <source>The population raster '{raster}' has data under only {share:.1f}% of the served area (the rest lies outside the raster or on nodata cells): the population figures count that part only. Use a raster covering the whole served area.</source>
        <translation>人口栅格“{raster}”仅覆盖服务区域的 {share:.1f}%（其余部分位于栅格范围之外或为无数据像元）：人口数字只统计了这一部分。请使用覆盖整个服务区域的栅格。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="351" />
        <source>population raster '{layer}'</source>
        <translation>人口栅格“{layer}”</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="351" />
        <source>population points '{layer}' (field {field})</source>
        <translation>人口点“{layer}”（字段 {field}）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="351" />
        <source>population field '{field}' of '{layer}'</source>
        <translation>“{layer}”的人口字段“{field}”</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="356" />
        <source>The {source} gives no person in the served area: a population coverage cannot be computed.</source>
        <translation>{source}在服务区域内人口为零：无法计算人口覆盖率。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="356" />
        <source>Check that the population data belong to this place and hold persons, or measure by area.</source>
        <translation>请检查人口数据是否属于该地区且含有人口数，或改按面积计算。</translation>
    </message>
    <message>
        <location filename="../algorithms/convert_web_coordinates.py" line="39" />
        <source>Moves features taken from Chinese web maps back to true positions. Amap (高德) and Tencent coordinates are GCJ-02, Baidu's are BD-09; in Chongqing both are shifted by several hundred metres, as much as the 500 m bus-stop radius the plans set (e.g. 巫溪 城区公交站点500米覆盖率, 004_de8bb285974af80e.txt l.39).

Input: any vector layer whose coordinates are GCJ-02 or BD-09 longitude/latitude. They are read as such whatever CRS the layer declares (web-map scrapes are usually declared EPSG:4326); a warning is given if it declares a projected CRS, and the run stops if the coordinates cannot be degrees. Every vertex is converted; points outside mainland China (abroad, and in Hong Kong, Macau and Taiwan, where the web maps apply no shift) are left unchanged and counted (OUTSIDE_CHINA), and those within about 5 km of its edge are listed (NEAR_BORDER): the outline is a coarse one, from Natural Earth (public domain). The input layer is not modified.
Output: the same features and fields in EPSG:4490 (CGCS2000) or EPSG:4326 (WGS84). The two agree to within centimetres for this purpose, so the same coordinates are written in either.

Accuracy: WGS84→GCJ-02 is the published formula; its inverse is solved by iteration until the forward formula gives back the input to 1e-9 degree (sub-centimetre), better than the usual one-step reverse (1–2 m). BD-09→GCJ-02 is solved the same way. The result is only as good as the published formula's agreement with the web map itself, which this tool cannot check.</source>
        <translation>将取自国内网络地图的要素移回真实位置。高德、腾讯地图坐标为 GCJ-02，百度地图为 BD-09；在重庆两者均偏移数百米，与规划规定的公交站点 500 米服务半径相当（如巫溪 城区公交站点500米覆盖率，004_de8bb285974af80e.txt 第 39 行）。

输入：坐标为 GCJ-02 或 BD-09 经纬度的任意矢量图层。无论图层声明何种坐标系，均按此读取（网络地图抓取的数据通常声明为 EPSG:4326）；若声明为投影坐标系则给出警告，若坐标不可能是经纬度则停止运行。每个节点均被转换；中国大陆以外的点（境外及香港、澳门、台湾，网络地图在这些地方不做偏移）保持不变并计数（OUTSIDE_CHINA），距其边缘约 5 千米以内的点会列出（NEAR_BORDER）：所用轮廓较粗略，取自 Natural Earth（公有领域）。不修改输入图层。
输出：相同的要素和字段，坐标系为 EPSG:4490（CGCS2000）或 EPSG:4326（WGS84）。就此用途两者相差在厘米级以内，因此两者写出相同的坐标。

精度：WGS84→GCJ-02 采用公开公式；其反算通过迭代求解，直至正算结果与输入相差小于 1e-9 度（优于厘米级），优于常用的一步反算（1–2 米）。BD-09→GCJ-02 同样迭代求解。结果的精度取决于公开公式与网络地图本身的吻合程度，本工具无法检验这一点。</translation>
    </message>
    <message>
        <location filename="../algorithms/convert_web_coordinates.py" line="139" />
        <source>{layer}: {n} features lie outside mainland China (abroad, or in Hong Kong, Macau or Taiwan), where the web maps apply no shift: copied unchanged (feature ids {ids}).</source>
        <translation>{layer}：{n} 个要素位于中国大陆以外（境外，或香港、澳门、台湾），网络地图在这些地方不做偏移：原样复制（要素编号 {ids}）。</translation>
    </message>
    <message>
        <location filename="../algorithms/convert_web_coordinates.py" line="144" />
        <source>{layer}: {n} features lie within about {km:g} km of the edge of mainland China as this tool draws it (a coarse outline; feature ids {ids}): those inside were converted, those outside left as they were. Check them against a map of the border.</source>
        <translation>{layer}：{n} 个要素距本工具所用的中国大陆轮廓边缘约 {km:g} 千米以内（轮廓较粗略；要素编号 {ids}）：轮廓内的已转换，轮廓外的保持不变。请对照边界地图检查。</translation>
    </message>
    <message>
        <location filename="../core/encoding.py" line="110" />
        <source>{cpg} says the text of {file} is UTF-8, but it is not: its bytes are GBK (as older ArcGIS and CAD exports write them), so it was read as GBK. To make this permanent, replace the content of {cpg} with the word GBK.</source>
        <translation>{cpg} 声明 {file} 的文字为 UTF-8，但实际不是：其字节为 GBK 编码（旧版 ArcGIS 和 CAD 导出即如此），因此已按 GBK 读取。如需长期生效，请将 {cpg} 的内容改为 GBK。</translation>
    </message>
    <message>
        <location filename="../core/inputs.py" line="77" />
        <source>area {before:.4f} km² before (outer rings less holes), {after:.4f} km² once repaired</source>
        <translation>修复前面积 {before:.4f} 平方千米（外环减去内洞），修复后 {after:.4f} 平方千米</translation>
    </message>
    <message>
        <location filename="../core/inputs.py" line="80" />
        <source>{layer}, feature {fid}: {what}{sep}{change}.</source>
        <translation>{layer}，要素 {fid}：{what}{sep}{change}。</translation>
    </message>
    <message>
        <location filename="../core/inputs.py" line="83" />
        <source>{layer}: {n} more repaired features not listed.</source>
        <translation>{layer}：另有 {n} 个已修复的要素未列出。</translation>
    </message>
    <message>
        <location filename="../core/inputs.py" line="86" />
        <source>{layer}: {n} geometry collections read as their {kind} parts, other parts ignored (feature ids {ids}).</source>
        <translation>{layer}：{n} 个几何集合按其中的{kind}部分读取，其他部分忽略（要素编号 {ids}）。</translation>
    </message>
    <message>
        <location filename="../core/inputs.py" line="284" />
        <source>a coordinate is not a finite number</source>
        <translation>有坐标不是有限数值</translation>
    </message>
    <message>
        <location filename="../core/inputs.py" line="148" />
        <source>a coordinate is absurdly far from the CRS's origin ({x:g}, {y:g})</source>
        <translation>有坐标离坐标系原点远得不合常理（{x:g}, {y:g}）</translation>
    </message>
    <message>
        <location filename="../core/inputs.py" line="163" />
        <source>the point ({x:g}, {y:g}) cannot be converted to longitude/latitude</source>
        <translation>点（{x:g}, {y:g}）无法换算为经纬度</translation>
    </message>
    <message>
        <location filename="../core/inputs.py" line="173" />
        <source>Layer '{layer}', feature {fids}</source>
        <translation>图层“{layer}”，要素 {fids}</translation>
    </message>
    <message>
        <location filename="../core/inputs.py" line="173" />
        <source>Layer '{layer}', features {fids}</source>
        <translation>图层“{layer}”，要素 {fids}</translation>
    </message>
    <message>
        <location filename="../core/inputs.py" line="176" />
        <source>{where}: {problem} in the layer's coordinate reference system {crs}: such coordinates are no place on Earth, and every area and share would be wrong.</source>
        <translation>{where}：在图层坐标系 {crs} 中{problem}：这样的坐标不在地球上任何地方，所有面积和比例都会出错。</translation>
    </message>
    <message>
        <location filename="../core/inputs.py" line="176" />
        <source>Correct or delete the vertex (Vertex Tool, or Processing &gt; Check validity), or set the CRS the coordinates are really in (Layer Properties &gt; Source).</source>
        <translation>请修正或删除该节点（节点工具，或 处理 &gt; 检查有效性），或设置坐标实际所用的坐标系（图层属性 &gt; 源）。</translation>
    </message>
    <message>
        <location filename="../core/inputs.py" line="276" />
        <source>polygon</source>
        <translation>面</translation>
    </message>
    <message>
        <location filename="../core/inputs.py" line="276" />
        <source>line</source>
        <translation>线</translation>
    </message>
    <message>
        <location filename="../core/inputs.py" line="277" />
        <source>point</source>
        <translation>点</translation>
    </message>
    <message>
        <location filename="../core/inputs.py" line="289" />
        <source>: nothing of it is left</source>
        <translation>：修复后什么也没有剩下</translation>
    </message>
    <message>
        <location filename="../core/inputs.py" line="302" />
        <source>feature {fid} of layer '{layer}' was left in degrees</source>
        <translation>图层“{layer}”的要素 {fid} 仍为经纬度（度）</translation>
    </message>
    <message>
        <location filename="../core/inputs.py" line="377" />
        <source>overlapping or touching parts merged</source>
        <translation>重叠或相接的部分已合并</translation>
    </message>
    <message>
        <location filename="../core/inputs.py" line="392" />
        <source>self-intersections resolved</source>
        <translation>自相交已消除</translation>
    </message>
    <message>
        <location filename="../core/inputs.py" line="401" />
        <source>{n} hole(s) lying outside its outer ring ignored (they cover none of its land; a plain repair would have made them land)</source>
        <translation>{n} 个位于外环之外的内洞已忽略（它们不覆盖该要素的任何用地；简单修复会把它们变成用地）</translation>
    </message>
    <message>
        <location filename="../core/inputs.py" line="404" />
        <source>{n} hole(s) reaching beyond its outer ring cut to the ring</source>
        <translation>{n} 个超出外环的内洞已裁剪到外环以内</translation>
    </message>
    <message>
        <location filename="../core/inputs.py" line="410" />
        <source>holes touching or crossing its outer ring or each other resolved, each hole kept as a hole</source>
        <translation>与外环或彼此相接、相交的内洞已处理，每个内洞仍保留为内洞</translation>
    </message>
    <message>
        <location filename="../core/outputs.py" line="122" />
        <source>The outputs '{first}' and '{second}' are the same file ({path}): the second would replace the first.</source>
        <translation>输出“{first}”和“{second}”是同一个文件（{path}）：后者会覆盖前者。</translation>
    </message>
    <message>
        <location filename="../core/outputs.py" line="122" />
        <source>Give each output a file of its own.</source>
        <translation>请为每个输出指定各自的文件。</translation>
    </message>
    <message>
        <location filename="../core/outputs.py" line="133" />
        <source>The folder of output '{output}' cannot be written to: {folder}.</source>
        <translation>输出“{output}”所在文件夹不可写：{folder}。</translation>
    </message>
    <message>
        <location filename="../core/outputs.py" line="133" />
        <source>Choose a folder you may write to, or ask for write access to this one.</source>
        <translation>请另选有写入权限的文件夹，或申请该文件夹的写入权限。</translation>
    </message>
    <message>
        <location filename="../core/outputs.py" line="260" />
        <source>nothing readable</source>
        <translation>无法读取的内容</translation>
    </message>
    <message>
        <location filename="../core/outputs.py" line="261" />
        <source>Output '{output}' was not written completely: {expected} features were meant for {path}, the file holds {found}. The previous file was left as it was.</source>
        <translation>输出“{output}”未完整写入：应向 {path} 写入 {expected} 个要素，文件中只有 {found}。原有文件保持不变。</translation>
    </message>
    <message>
        <location filename="../core/report.py" line="36" />
        <source>Check the free space and that the folder {folder} can be written to, then run again.</source>
        <translation>请检查磁盘剩余空间以及文件夹 {folder} 是否可写，然后重新运行。</translation>
    </message>
    <message>
        <location filename="../core/outputs.py" line="336" />
        <source>Output '{output}': a feature could not be written ({error}). The previous output was left as it was.</source>
        <translation>输出“{output}”：有要素未能写入（{error}）。原有输出保持不变。</translation>
    </message>
    <message>
        <location filename="../core/outputs.py" line="336" />
        <source>no reason given</source>
        <translation>未给出原因</translation>
    </message>
    <message>
        <location filename="../core/outputs.py" line="336" />
        <source>Check the free space, the folder's permissions or the database connection, then run again.</source>
        <translation>请检查磁盘剩余空间、文件夹权限或数据库连接，然后重新运行。</translation>
    </message>
    <message>
        <location filename="../core/population.py" line="119" />
        <source>{n} {kind}</source>
        <translation>{n} 个{kind}</translation>
    </message>
    <message>
        <location filename="../core/population.py" line="121" />
        <source>The population raster '{layer}' (POPULATION_RASTER) holds cells in the served area that are no population: {wrong} (nodata value: {nodata}).</source>
        <translation>人口栅格“{layer}”（POPULATION_RASTER）在服务区域内有不是人口数的像元：{wrong}（无数据值：{nodata}）。</translation>
    </message>
    <message>
        <location filename="../core/population.py" line="121" />
        <source>Correct those cells (Raster Calculator), or, if they mean 'no data', declare that value as the raster's nodata value (Layer Properties &gt; Transparency, or gdal_edit.py -a_nodata).</source>
        <translation>请修正这些像元（栅格计算器）；若它们表示“无数据”，请将该值设为栅格的无数据值（图层属性 &gt; 透明度，或 gdal_edit.py -a_nodata）。</translation>
    </message>
    <message>
        <location filename="../core/population.py" line="131" />
        <source>only nodata cells lie under it</source>
        <translation>其下只有无数据像元</translation>
    </message>
    <message>
        <location filename="../core/population.py" line="131" />
        <source>the raster lies elsewhere or its cells are too coarse to have a centre in it</source>
        <translation>栅格位于别处，或其像元过粗、没有像元中心落在其中</translation>
    </message>
    <message>
        <location filename="../core/population.py" line="133" />
        <source>The population raster '{layer}' (POPULATION_RASTER) does not cover the served area: {where}, so every population figure would be 0.</source>
        <translation>人口栅格“{layer}”（POPULATION_RASTER）未覆盖服务区域：{where}，所有人口数字都将为 0。</translation>
    </message>
    <message>
        <location filename="../core/population.py" line="133" />
        <source>Choose a population raster of this place (check its extent and CRS), or measure by area.</source>
        <translation>请选择该地区的人口栅格（检查其范围和坐标系），或改按面积计算。</translation>
    </message>
    <message>
        <location filename="../core/population.py" line="164" />
        <source>Layer '{layer}', feature {fid}: population field '{field}' is {value}, not a number of persons.</source>
        <translation>图层“{layer}”，要素 {fid}：人口字段“{field}”为 {value}，不是人数。</translation>
    </message>
    <message>
        <location filename="../core/population.py" line="164" />
        <source>Correct the value (a count of persons), or leave it empty where it is unknown.</source>
        <translation>请修正该值（人数），未知时留空。</translation>
    </message>
    <message>
        <location filename="../core/transforms.py" line="111" />
        <source>QGIS could not set up the coordinate transformation from {source} to {destination} in this session ({why}): the run was stopped rather than report a figure computed in the wrong coordinates.</source>
        <translation>本次 QGIS 会话未能建立从 {source} 到 {destination} 的坐标转换（{why}）：为免按错误坐标得出数字，运行已停止。</translation>
    </message>
    <message>
        <location filename="../core/transforms.py" line="111" />
        <source>Run it again; if this message comes back, save the project and restart QGIS. Please report it with the Processing log, naming your QGIS version.</source>
        <translation>请重新运行；如仍出现此提示，请保存工程并重启 QGIS，并附上处理日志和 QGIS 版本号反馈此问题。</translation>
    </message>
    <message>
        <location filename="../core/transforms.py" line="154" />
        <source>its coordinate system lost its PROJ definition</source>
        <translation>其坐标系已丢失 PROJ 定义</translation>
    </message>
    <message>
        <location filename="../core/transforms.py" line="159" />
        <source>QGIS reports the transformation as invalid</source>
        <translation>QGIS 报告该转换无效</translation>
    </message>
    <message>
        <location filename="../core/transforms.py" line="177" />
        <source>it leaves coordinates unchanged</source>
        <translation>转换后坐标没有变化</translation>
    </message>
    <message>
        <location filename="../core/inputs.py" line="352" />
        <source>Layer '{layer}': only {read} of its {total} features could be read; the reading stopped early (the database connection was lost, or the file is damaged). Nothing was computed from the part read, and no output was replaced.</source>
        <translation>图层“{layer}”：{total} 个要素中只读到 {read} 个，读取提前中断（数据库连接断开或文件损坏）。未用已读部分计算任何结果，也未替换任何输出。</translation>
    </message>
    <message>
        <location filename="../core/inputs.py" line="352" />
        <source>Check the database server or the file, then run again.</source>
        <translation>请检查数据库服务器或文件，然后重新运行。</translation>
    </message>
    <message>
        <location filename="../core/outputs.py" line="143" />
        <source>The output '{output}' is the input layer '{input}' (table {table}).</source>
        <translation>输出“{output}”就是输入图层“{input}”（数据表 {table}）。</translation>
    </message>
    <message>
        <location filename="../core/outputs.py" line="143" />
        <source>Choose another table for the output: the input is never overwritten.</source>
        <translation>请为输出另选数据表：输入永远不会被覆盖。</translation>
    </message>
    <message>
        <location filename="../core/outputs.py" line="218" />
        <source>Output '{output}' was not written completely: {expected} features were meant for table {table}, the database holds {found}. The previous table was left as it was.</source>
        <translation>输出“{output}”未完整写入：应向数据表 {table} 写入 {expected} 个要素，数据库中只有 {found}。原有数据表保持不变。</translation>
    </message>
    <message>
        <location filename="../core/outputs.py" line="413" />
        <source>Check the database server and your rights on the schema, then run again.</source>
        <translation>请检查数据库服务器以及您对该模式（schema）的权限，然后重新运行。</translation>
    </message>
    <message>
        <location filename="../core/outputs.py" line="413" />
        <source>The finished table could not replace {table} ({error}); the previous table was left as it was.</source>
        <translation>已完成的数据表未能替换 {table}（{error}）；原有数据表保持不变。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="199" />
        <source>{flagged} of {checked} flagged</source>
        <translation>{checked} 个中 {flagged} 个不符合</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="201" />
        <source>Control-line check</source>
        <translation>三线校核</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="177" />
        <source>Coverage check</source>
        <translation>公交覆盖率校核</translation>
    </message>
    <message>
        <location filename="../algorithms/run_outputs.py" line="103" />
        <source>townships</source>
        <translation>个乡镇</translation>
    </message>
    <message>
        <location filename="../core/result_styles.py" line="75" />
        <source>Built-up share {low:g}–{high:g} %</source>
        <translation>建成区占比 {low:g}–{high:g} %</translation>
    </message>
    <message>
        <location filename="../core/result_styles.py" line="80" />
        <source>Outside the target's scope</source>
        <translation>不在目标范围内</translation>
    </message>
    <message>
        <location filename="../core/result_styles.py" line="85" />
        <source>No built-up figure</source>
        <translation>无建成区数据</translation>
    </message>
    <message>
        <location filename="../core/result_styles.py" line="153" />
        <source>Consistent with its plan zone</source>
        <translation>符合主体功能分区</translation>
    </message>
    <message>
        <location filename="../core/result_styles.py" line="91" />
        <source>Zone not checked</source>
        <translation>未校核功能分区</translation>
    </message>
    <message>
        <location filename="../core/result_styles.py" line="102" />
        <source>Overlap: {a} × {b}</source>
        <translation>重叠：{a} × {b}</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="220" />
        <source>points</source>
        <translation>点</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="220" />
        <source>lines</source>
        <translation>线</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="221" />
        <source>polygons</source>
        <translation>面</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="236" />
        <source>Parameter {parameter}: layer '{layer}' holds {found}, but {description} must be {wanted}.</source>
        <translation>参数 {parameter}：图层“{layer}”是{found}图层，而“{description}”须为{wanted}图层。</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="236" />
        <source> or </source>
        <translation>或</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="236" />
        <source>Choose a layer of {wanted} for {parameter}.</source>
        <translation>请为 {parameter} 选择{wanted}图层。</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="307" />
        <source>Parameter {parameter}: {path} holds {n} layers ({layers}) and none was named; the first, '{first}', is read. To read another, name it: {path}|layername=…</source>
        <translation>参数 {parameter}：{path} 中有 {n} 个图层（{layers}），未指定图层名，已读取第一个“{first}”。如需读取其他图层，请写明：{path}|layername=…</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="342" />
        <source>{layer}: {n} served polygons have no population in field '{field}' (feature ids {ids}); they count in the area but not in the population coverage.</source>
        <translation>{layer}：{n} 个服务范围面在字段“{field}”中没有人口（要素编号 {ids}）；它们计入面积，但不计入人口覆盖率。</translation>
    </message>
    <message>
        <location filename="../algorithms/tag_townships.py" line="211" />
        <source>{layer}: its own fields with the names tagging writes are kept under new names ({fields}); the plan's values are written under the names.</source>
        <translation>{layer}：图层自带的与标注字段同名的字段已改名保留（{fields}）；规划的取值写入原字段名。</translation>
    </message>
    <message>
        <location filename="../core/report.py" line="36" />
        <source>{path} could not be written ({reason}); a previous file of that name was left as it was.</source>
        <translation>无法写入 {path}（{reason}）；同名的原有文件保持不变。</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="259" />
        <source>Plan name</source>
        <translation>规划名称</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="370" />
        <source>Point at a row for the check, the gap and the reason.</source>
        <translation>将鼠标指向一行，可查看校核项、差值和原因。</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="797" />
        <source>Feature id: {fid}</source>
        <translation>要素编号：{fid}</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="1186" />
        <source>{n} townships</source>
        <translation>{n} 个乡镇</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="1195" />
        <source>Measured: {value}</source>
        <translation>实测值：{value}</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="1196" />
        <source>Target: {value}</source>
        <translation>目标值：{value}</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="1197" />
        <source>Gap: {value}</source>
        <translation>差值：{value}</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="1198" />
        <source>Result: {value}</source>
        <translation>结论：{value}</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="1200" />
        <source>Reason: {reason}</source>
        <translation>原因：{reason}</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="273" />
        <source>Parameter {parameter}: layer '{layer}' is stored as geometry collections (GEOMETRYCOLLECTION). Its file declares {crs}, but QGIS reads neither the coordinate system nor the extent of such a layer, so it cannot be measured.</source>
        <translation>参数 {parameter}：图层“{layer}”以几何集合（GEOMETRYCOLLECTION）存储。文件中声明的坐标系为 {crs}，但 QGIS 无法读取此类图层的坐标系和范围，因此无法量算。</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="273" />
        <source>Save it with a single geometry type first, e.g. `ogr2ogr -nlt PROMOTE_TO_MULTI -explodecollections out.gpkg in.gpkg`, or Vector &gt; Geometry Tools &gt; Multipart to Singleparts and save the result as a GeoPackage.</source>
        <translation>请先将其另存为单一几何类型，例如 `ogr2ogr -nlt PROMOTE_TO_MULTI -explodecollections out.gpkg in.gpkg`，或使用“矢量 &gt; 几何工具 &gt; 多部件转单部件”后另存为 GeoPackage。</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="259" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="987" />
        <source>{check}: target {value}</source>
        <translation>{check}：目标 {value}</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="145" />
        <source>Measured value</source>
        <translation>实测值</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="146" />
        <source>Unit of the measured value</source>
        <translation>实测值单位</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="147" />
        <source>Target value (none without a target)</source>
        <translation>目标值（无目标时为空）</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="148" />
        <source>Gap: measured minus target</source>
        <translation>差值：实测值减目标值</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="149" />
        <source>Target met</source>
        <translation>是否达标</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="177" />
        <source>Townships inconsistent with their plan zone</source>
        <translation>与规划分区不一致的乡镇</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="177" />
        <source>Townships checked</source>
        <translation>已校核乡镇数</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="177" />
        <source>Overlaps between control lines (km²)</source>
        <translation>控制线之间的重叠（平方公里）</translation>
    </message>
    <message>
        <location filename="../core/result_styles.py" line="154" />
        <source>Built-up outside the development boundary (km²)</source>
        <translation>城镇开发边界外的建成区（平方公里）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="153" />
        <source>Stops</source>
        <translation>站点数</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="153" />
        <source>Duplicate stops</source>
        <translation>重复站点数</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="201" />
        <source>Control-line check: {verdict}</source>
        <translation>三线校核：{verdict}</translation>
    </message>
    <message>
        <location filename="../algorithms/export_map.py" line="100" />
        <source>Check result shown under the title (empty: the one the check's output layer carries)</source>
        <translation>标题下显示的校核结论（留空：采用校核输出图层所附的结论）</translation>
    </message>
    <message>
        <location filename="../algorithms/run_outputs.py" line="93" />
        <source>target {value}</source>
        <translation>目标 {value}</translation>
    </message>
    <message>
        <location filename="../algorithms/run_outputs.py" line="94" />
        <source>measured {value}</source>
        <translation>实测 {value}</translation>
    </message>
    <message>
        <location filename="../algorithms/run_outputs.py" line="97" />
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <location filename="../core/result_styles.py" line="91" />
        <source>Inconsistent with its plan zone</source>
        <translation>不符合主体功能分区</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="391" />
        <source>The catalogue's plan structures, then the checks' maps.</source>
        <translation>先列出规划目录中的规划结构，再列出各项校核的专题图。</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="1110" />
        <source>The layer '{layer}' has no {structure} (field {field}): map the tagged township layer, or tag the townships first (Tagging tab).</source>
        <translation>图层“{layer}”没有“{structure}”（字段 {field}）：请选择标注后的乡镇图层制图，或先标注乡镇（“标注”页）。</translation>
    </message>
    <message>
        <location filename="../core/network.py" line="71" />
        <source>{layer}: the network falls into {n} disconnected parts (the largest holds {share:.1%} of the length); {m} parts ({km:.2f} km) have no stop and are not reachable. If roads that cross are not split at the crossing (no topology), split them (Processing Toolbox &gt; Vector overlay &gt; Split with lines) and snap their ends (Processing Toolbox &gt; Vector geometry &gt; Snap geometries to layer).</source>
        <translation>{layer}：路网分为 {n} 个互不连通的部分（最大部分占总长度的 {share:.1%}）；其中 {m} 个部分（{km:.2f} 千米）没有站点，无法到达。如果相交道路在交叉处未打断（无拓扑），请将其打断（处理工具箱 &gt; 矢量叠加 &gt; 用线分割）并捕捉端点（处理工具箱 &gt; 矢量几何 &gt; 捕捉几何到图层）。</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="104" />
        <source>'{layer}' is not a polygon layer: a thematic map needs a polygon layer (the tagged townships or a check's per-township output).</source>
        <translation>“{layer}”不是面图层：专题图需要面图层（标注后的乡镇图层或校核的分乡镇输出）。</translation>
    </message>
    <message>
        <location filename="../core/result_styles.py" line="148" />
        <source>Name match</source>
        <translation>名称匹配方式</translation>
    </message>
    <message>
        <location filename="../core/result_styles.py" line="149" />
        <source>Plan note</source>
        <translation>规划说明</translation>
    </message>
    <message>
        <location filename="../core/result_styles.py" line="149" />
        <source>Plan citation</source>
        <translation>规划出处</translation>
    </message>
    <message>
        <location filename="../core/result_styles.py" line="150" />
        <source>Township area (km²)</source>
        <translation>乡镇面积（km²）</translation>
    </message>
    <message>
        <location filename="../core/result_styles.py" line="151" />
        <source>In the target's scope</source>
        <translation>在目标范围内</translation>
    </message>
    <message>
        <location filename="../core/result_styles.py" line="152" />
        <source>Area (km²)</source>
        <translation>面积（km²）</translation>
    </message>
</context>
</TS>
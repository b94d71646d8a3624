<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>@default</name>
    <message>
        <location filename="../core/maps/themes.py" line="34" />
        <source>Plan structure</source>
        <translation>规划结构</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="43" />
        <source>Target checks</source>
        <translation>指标校核</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="44" />
        <source>Data preparation</source>
        <translation>数据准备</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="45" />
        <source>Thematic maps</source>
        <translation>专题图</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="226" />
        <source>{name} stopped on an unexpected error: {error}. The input layers were not changed. Please report this with the log (Processing &gt; History) to the plugin's tracker.</source>
        <translation>{name} 因意外错误停止：{error}。输入图层未被修改。请将日志（处理 &gt; 历史）提交到插件的问题跟踪页。</translation>
    </message>
    <message>
        <location filename="../algorithms/list_targets.py" line="49" />
        <source>List plan targets</source>
        <translation>列出规划指标</translation>
    </message>
    <message>
        <location filename="../algorithms/list_targets.py" line="68" />
        <source>Only this indicator (empty: all)</source>
        <translation>只列此指标（留空：全部）</translation>
    </message>
    <message>
        <location filename="../algorithms/list_targets.py" line="70" />
        <source>Plan targets</source>
        <translation>规划指标</translation>
    </message>
    <message>
        <location filename="../gui/session.py" line="113" />
        <source>Plan catalogue</source>
        <translation>规划目录</translation>
    </message>
    <message>
        <location filename="../algorithms/params.py" line="79" />
        <source>Or a catalogue file of your own (YAML)</source>
        <translation>或自定义目录文件（YAML）</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="124" />
        <source>Plan checks</source>
        <translation>规划校核</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="44" />
        <source>Plan checks: tag townships, check targets, export maps</source>
        <translation>规划校核：标注乡镇、校核指标、导出专题图</translation>
    </message>
    <message>
        <location filename="../provider.py" line="18" />
        <source>Chongqing urban plan checks</source>
        <translation>重庆城镇规划校核</translation>
    </message>
    <message>
        <location filename="../provider.py" line="21" />
        <source>Chongqing urban plan checks (plan roles, built-up area, coverage, control lines, maps)</source>
        <translation>重庆城镇规划校核（规划角色、建成区面积、覆盖率、控制线、专题图）</translation>
    </message>
    <message>
        <location filename="../core/errors.py" line="29" />
        <source>Cancelled by the user; nothing was written.</source>
        <translation>用户已取消，未写入任何结果。</translation>
    </message>
    <message>
        <location filename="../core/maps/content.py" line="383" />
        <source>input layer</source>
        <translation>输入图层</translation>
    </message>
    <message>
        <location filename="../core/geo/inputs.py" line="88" />
        <source>{layer}: reprojected from {crs}.</source>
        <translation>{layer}：已从 {crs} 重投影。</translation>
    </message>
    <message>
        <location filename="../core/geo/inputs.py" line="90" />
        <source>{layer}: {n} invalid geometries repaired (feature ids {ids}).</source>
        <translation>{layer}：修复了 {n} 个无效几何（要素编号 {ids}）。</translation>
    </message>
    <message>
        <location filename="../core/geo/inputs.py" line="106" />
        <source>{layer}: {n} features without geometry skipped (feature ids {ids}).</source>
        <translation>{layer}：跳过 {n} 个无几何要素（要素编号 {ids}）。</translation>
    </message>
    <message>
        <location filename="../core/geo/inputs.py" line="109" />
        <source>{layer}: {n} features of another geometry type skipped (feature ids {ids}).</source>
        <translation>{layer}：跳过 {n} 个几何类型不符的要素（要素编号 {ids}）。</translation>
    </message>
    <message>
        <location filename="../core/geo/inputs.py" line="122" />
        <source>Layer '{layer}' has no coordinate reference system.</source>
        <translation>图层“{layer}”没有坐标参考系。</translation>
    </message>
    <message>
        <location filename="../core/geo/inputs.py" line="122" />
        <source>Set it in Layer Properties &gt; Source (Chongqing data are usually EPSG:4490 CGCS2000, or a CGCS2000 3-degree Gauss-Krüger zone such as EPSG:4544/4545/4546).</source>
        <translation>请在“图层属性 &gt; 源”中设置（重庆数据通常为 EPSG:4490 CGCS2000，或 CGCS2000 3 度带高斯-克吕格投影，如 EPSG:4544/4545/4546）。</translation>
    </message>
    <message>
        <location filename="../core/maps/content.py" line="105" />
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../core/maps/content.py" line="150" />
        <source>Layer '{layer}' has no field {fields}.</source>
        <translation>图层“{layer}”没有字段 {fields}。</translation>
    </message>
    <message>
        <location filename="../core/maps/content.py" line="150" />
        <source>Choose one of its fields: {available}.</source>
        <translation>请从以下字段中选择：{available}。</translation>
    </message>
    <message>
        <location filename="../core/maps/content.py" line="403" />
        <source>Layer '{layer}' could not be opened.</source>
        <translation>无法打开图层“{layer}”。</translation>
    </message>
    <message>
        <location filename="../core/maps/content.py" line="403" />
        <source>Check that the file or database is reachable.</source>
        <translation>请检查文件或数据库是否可访问。</translation>
    </message>
    <message>
        <location filename="../core/geo/inputs.py" line="402" />
        <source>Reading {layer}: {i}/{n}</source>
        <translation>正在读取 {layer}：{i}/{n}</translation>
    </message>
    <message>
        <location filename="../core/maps/content.py" line="408" />
        <source>Layer '{layer}' is empty.</source>
        <translation>图层“{layer}”为空。</translation>
    </message>
    <message>
        <location filename="../core/maps/content.py" line="408" />
        <source>Choose a layer with features, or check its filter (subset string).</source>
        <translation>请选择含有要素的图层，或检查其过滤条件（子集字符串）。</translation>
    </message>
    <message>
        <location filename="../core/geo/inputs.py" line="408" />
        <source>Layer '{layer}' has {n} features but none with a usable geometry.</source>
        <translation>图层“{layer}”有 {n} 个要素，但没有可用的几何。</translation>
    </message>
    <message>
        <location filename="../core/geo/inputs.py" line="408" />
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
        <location filename="../gui/plan_tab.py" line="129" />
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../gui/results_tab.py" line="52" />
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <location filename="../gui/checks_tab.py" line="109" />
        <source>Target</source>
        <translation>目标值</translation>
    </message>
    <message>
        <location filename="../gui/results_tab.py" line="52" />
        <source>Measured</source>
        <translation>实测值</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="348" />
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="348" />
        <source>Gap</source>
        <translation>差值</translation>
    </message>
    <message>
        <location filename="../gui/results_tab.py" line="52" />
        <source>Result</source>
        <translation>结论</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="348" />
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="348" />
        <source>Plan text</source>
        <translation>规划依据</translation>
    </message>
    <message>
        <location filename="../algorithms/check_builtup.py" line="101" />
        <source>Check built-up area against the plan's target</source>
        <translation>建成区面积与规划目标校核</translation>
    </message>
    <message>
        <location filename="../algorithms/check_builtup.py" line="104" />
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
        <location filename="../algorithms/check_builtup.py" line="137" />
        <source>Built-up area polygons</source>
        <translation>建成区面图层</translation>
    </message>
    <message>
        <location filename="../algorithms/check_per_capita.py" line="91" />
        <source>Or a land-use layer (三调 / 用地用海)</source>
        <translation>或土地利用图层（三调 / 用地用海）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_builtup.py" line="142" />
        <source>Land-use class field (empty: CZCSXM / DLBM / YDYHFLDM by preset)</source>
        <translation>地类字段（留空：按预设取 CZCSXM / DLBM / YDYHFLDM）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_builtup.py" line="145" />
        <source>Codes that count as built-up</source>
        <translation>计为建成区的代码</translation>
    </message>
    <message>
        <location filename="../algorithms/check_per_capita.py" line="101" />
        <source>Or these codes (comma-separated prefixes, override the preset)</source>
        <translation>或以下代码（逗号分隔的前缀，优先于预设）</translation>
    </message>
    <message>
        <location filename="../algorithms/params.py" line="35" />
        <source>Townships (乡镇街道)</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../algorithms/tag_townships.py" line="138" />
        <source>Township name field (empty: plan_name, name or XZQMC)</source>
        <translation>乡镇名称字段（留空：依次使用 plan_name、name 或 XZQMC）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_per_capita.py" line="105" />
        <source>Scope: plan role or group field (e.g. role)</source>
        <translation>范围：规划职能或分组字段（如 role）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_per_capita.py" line="108" />
        <source>Scope value (e.g. 一主; empty: the whole jurisdiction)</source>
        <translation>范围取值（如 一主；留空为全域）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_builtup.py" line="158" />
        <source>Target id in the catalogue (e.g. builtup_2025)</source>
        <translation>目录中的目标编号（如 builtup_2025）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_builtup.py" line="159" />
        <source>Or a target typed in km²</source>
        <translation>或直接输入目标（平方公里）</translation>
    </message>
    <message>
        <location filename="../algorithms/params.py" line="49" />
        <source>Area</source>
        <translation>面积</translation>
    </message>
    <message>
        <location filename="../algorithms/params.py" line="49" />
        <source>Planar in the CGCS2000 Gauss-Krüger zone</source>
        <translation>CGCS2000 高斯-克吕格投影带平面面积</translation>
    </message>
    <message>
        <location filename="../algorithms/params.py" line="49" />
        <source>On the CGCS2000 ellipsoid</source>
        <translation>在 CGCS2000 椭球面上</translation>
    </message>
    <message>
        <location filename="../gui/checks_tab.py" line="175" />
        <source>Built-up by township</source>
        <translation>分乡镇建成区</translation>
    </message>
    <message>
        <location filename="../gui/checks_tab.py" line="176" />
        <source>Built-up table</source>
        <translation>建成区统计表</translation>
    </message>
    <message>
        <location filename="../algorithms/run_outputs.py" line="165" />
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <location filename="../algorithms/run_outputs.py" line="165" />
        <source>HTML files (*.html)</source>
        <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
        <location filename="../core/checks/builtup.py" line="406" />
        <source>Give either a built-up layer or a land-use layer, not both and not neither.</source>
        <translation>请给出建成区图层或土地利用图层二者之一。</translation>
    </message>
    <message>
        <location filename="../core/checks/builtup.py" line="406" />
        <source>Choose the built-up polygons, or the land-use layer and its codes.</source>
        <translation>请选择建成区面图层，或土地利用图层及其代码。</translation>
    </message>
    <message>
        <location filename="../core/checks/builtup.py" line="412" />
        <source>Built-up land-use codes (typed): {codes}.</source>
        <translation>计为建成区的地类代码（输入）：{codes}。</translation>
    </message>
    <message>
        <location filename="../core/checks/builtup.py" line="412" />
        <source>Built-up land-use codes ({preset}): {reason}</source>
        <translation>计为建成区的地类代码（{preset}）：{reason}</translation>
    </message>
    <message>
        <location filename="../core/checks/per_capita.py" line="127" />
        <source>Choose the land-use class field. Its fields: {available}.</source>
        <translation>请选择地类字段。其字段为：{available}。</translation>
    </message>
    <message>
        <location filename="../core/checks/population_places.py" line="424" />
        <source>About the target: {note}</source>
        <translation>关于该目标：{note}</translation>
    </message>
    <message>
        <location filename="../core/checks/builtup.py" line="452" />
        <source>The target's scope in the plan is '{target}'; the scope measured is the one chosen, '{scope}'.</source>
        <translation>规划中该目标的范围为“{target}”；量算采用所选范围“{scope}”。</translation>
    </message>
    <message>
        <location filename="../core/checks/builtup.py" line="455" />
        <source>A scope value '{value}' was given without a scope field.</source>
        <translation>给出了范围取值“{value}”，但未选择范围字段。</translation>
    </message>
    <message>
        <location filename="../core/checks/builtup.py" line="455" />
        <source>Choose the township layer's field holding it (e.g. role).</source>
        <translation>请选择乡镇图层中存放该值的字段（如 role）。</translation>
    </message>
    <message>
        <location filename="../core/checks/builtup.py" line="461" />
        <source>The target's scope is '{scope}'; without a township layer (or a scope the catalogue can resolve) the whole built-up layer is measured.</source>
        <translation>目标的范围为“{scope}”；由于没有乡镇图层（或目录无法解析该范围），量算的是整个建成区图层。</translation>
    </message>
    <message>
        <location filename="../core/checks/builtup.py" line="465" />
        <source>The target's scope '{scope}' is resolved by township name: the township name field is needed.</source>
        <translation>目标范围“{scope}”需按乡镇名称确定：请选择乡镇名称字段。</translation>
    </message>
    <message>
        <location filename="../core/checks/builtup.py" line="465" />
        <source>Choose the township name field, or tag the townships first.</source>
        <translation>请选择乡镇名称字段，或先标注乡镇。</translation>
    </message>
    <message>
        <location filename="../core/maps/themes.py" line="31" />
        <source>Built-up area check</source>
        <translation>建成区面积校核</translation>
    </message>
    <message>
        <location filename="../algorithms/check_builtup.py" line="222" />
        <source>Built-up area in {scope}: {km2:.3f} km²</source>
        <translation>{scope} 建成区面积：{km2:.3f} 平方公里</translation>
    </message>
    <message>
        <location filename="../core/files/xlsx.py" line="71" />
        <source>outside every township</source>
        <translation>所有乡镇（街道）之外</translation>
    </message>
    <message>
        <location filename="../core/files/xlsx.py" line="71" />
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../core/files/xlsx.py" line="71" />
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../algorithms/check_builtup.py" line="326" />
        <source>All townships</source>
        <translation>全部乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_builtup.py" line="330" />
        <source>Built-up area by township</source>
        <translation>分乡镇（街道）建成区面积</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="403" />
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="436" />
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="366" />
        <source>Built-up km²</source>
        <translation>建成区（km²）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_builtup.py" line="333" />
        <source>Township km²</source>
        <translation>乡镇面积（平方公里）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_land_share.py" line="207" />
        <source>Share %</source>
        <translation>占比 %</translation>
    </message>
    <message>
        <location filename="../algorithms/check_builtup.py" line="333" />
        <source>In scope</source>
        <translation>在范围内</translation>
    </message>
    <message>
        <location filename="../algorithms/check_builtup.py" line="333" />
        <source>Built-up area by plan group</source>
        <translation>分规划分组建成区面积</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="441" />
        <source>Townships</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <location filename="../gui/checks_tab.py" line="223" />
        <source>Control lines by township</source>
        <translation>分乡镇三条控制线</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="90" />
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
        <location filename="../algorithms/check_facility_coverage.py" line="76" />
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
        <location filename="../gui/plan_tab.py" line="62" />
        <source>Permanent basic farmland (永久基本农田)</source>
        <translation>永久基本农田</translation>
    </message>
    <message>
        <location filename="../gui/plan_tab.py" line="63" />
        <source>Urban development boundary (城镇开发边界)</source>
        <translation>城镇开发边界</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="140" />
        <source>Built-up land (建成区)</source>
        <translation>建成区</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="146" />
        <source>Jurisdiction field for the summary (empty: 'juris' if present)</source>
        <translation>汇总所用的区县字段（留空：如有则用“juris”）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="149" />
        <source>Area measured</source>
        <translation>面积量算方式</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="149" />
        <source>Planar, in the CGCS2000 3-degree Gauss-Krüger zone</source>
        <translation>平面面积，CGCS2000 3 度带高斯-克吕格投影</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="153" />
        <source>生态功能区: flag above this % inside the development boundary</source>
        <translation>生态功能区：位于城镇开发边界内超过此百分比即标记</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="155" />
        <source>城市化发展区: flag below this % inside the development boundary</source>
        <translation>城市化发展区：位于城镇开发边界内低于此百分比即标记</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="157" />
        <source>农产品主产区: flag below this % permanent basic farmland</source>
        <translation>农产品主产区：永久基本农田低于此百分比即标记</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="159" />
        <source>农产品主产区: flag above this % inside the development boundary</source>
        <translation>农产品主产区：位于城镇开发边界内超过此百分比即标记</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="166" />
        <source>Townships with control-line areas</source>
        <translation>乡镇三条控制线面积</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="365" />
        <source>Overlaps between control lines</source>
        <translation>控制线之间的重叠</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="366" />
        <source>Built-up land outside the development boundary</source>
        <translation>城镇开发边界外的建成区</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="358" />
        <source>Summary by jurisdiction</source>
        <translation>按区县汇总</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="175" />
        <source>Report (HTML)</source>
        <translation>报告（HTML）</translation>
    </message>
    <message>
        <location filename="../core/checks/control_lines.py" line="406" />
        <source>No township layer was given.</source>
        <translation>未提供乡镇图层。</translation>
    </message>
    <message>
        <location filename="../core/checks/control_lines.py" line="406" />
        <source>Choose the township polygons.</source>
        <translation>请选择乡镇（街道）面图层。</translation>
    </message>
    <message>
        <location filename="../core/checks/control_lines.py" line="413" />
        <source>No control-line layer was given, so there is nothing to check the townships against.</source>
        <translation>未提供任何控制线图层，无法对乡镇进行校核。</translation>
    </message>
    <message>
        <location filename="../core/checks/control_lines.py" line="413" />
        <source>Choose at least one of: ecological protection red line (ECOLOGY), permanent basic farmland (FARMLAND), urban development boundary (DEVELOPMENT).</source>
        <translation>请至少选择以下之一：生态保护红线（ECOLOGY）、永久基本农田（FARMLAND）、城镇开发边界（DEVELOPMENT）。</translation>
    </message>
    <message>
        <location filename="../core/checks/control_lines.py" line="426" />
        <source>Layer '{layer}' has no field {field}: the townships were not checked against their plan zone. Tag them with 'Tag townships' or choose the zone field.</source>
        <translation>图层“{layer}”没有字段 {field}：未校核各乡镇与规划分区的一致性。请先用“标注乡镇”为其赋值，或选择分区字段。</translation>
    </message>
    <message>
        <location filename="../core/checks/control_lines.py" line="430" />
        <source>No plan zone field was chosen and layer '{layer}' has no field 'zone': the townships were not checked against their plan zone.</source>
        <translation>未选择规划分区字段，且图层“{layer}”没有“zone”字段：未校核各乡镇与规划分区的一致性。</translation>
    </message>
    <message>
        <location filename="../core/checks/control_lines.py" line="437" />
        <source>Built-up land</source>
        <translation>建成区</translation>
    </message>
    <message>
        <location filename="../core/checks/population_places.py" line="378" />
        <source>feature {fid}</source>
        <translation>要素 {fid}</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="240" />
        <source>{flagged} of {checked} townships checked against their plan zone are flagged.</source>
        <translation>已校核规划分区的 {checked} 个乡镇中，{flagged} 个不相符。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="252" />
        <source>Input fields replaced by the check's own in the output: {fields}.</source>
        <translation>输出中以下输入字段被本校核的同名字段替换：{fields}。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="332" />
        <source>consistent</source>
        <translation>相符</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="332" />
        <source>flagged</source>
        <translation>不相符</translation>
    </message>
    <message>
        <location filename="../gui/results_tab.py" line="160" />
        <source>not checked</source>
        <translation>未校核</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="398" />
        <source>Jurisdiction</source>
        <translation>区县</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="365" />
        <source>Area km²</source>
        <translation>面积（km²）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="361" />
        <source>Built-up outside the development boundary km²</source>
        <translation>城镇开发边界外建成区（km²）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="358" />
        <source>Checked</source>
        <translation>已校核</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="358" />
        <source>Flagged</source>
        <translation>不相符</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="403" />
        <source>Plan zone</source>
        <translation>规划分区</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="361" />
        <source>Zone check</source>
        <translation>分区校核</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="404" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="365" />
        <source>Lines</source>
        <translation>控制线</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="366" />
        <source>Outside km²</source>
        <translation>边界外（km²）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="366" />
        <source>Share of built-up</source>
        <translation>占建成区比例</translation>
    </message>
    <message>
        <location filename="../core/checks/control_lines.py" line="467" />
        <source>Control lines given: {lines}.</source>
        <translation>参与校核的控制线：{lines}。</translation>
    </message>
    <message>
        <location filename="../core/checks/control_lines.py" line="467" />
        <source>Each line is dissolved within each township, so overlapping polygons of one layer count once; land of a line outside every township is not counted.</source>
        <translation>每条控制线在各乡镇内融合后计算，同一图层中相互重叠的图斑只计一次；位于所有乡镇范围以外的控制线面积不计入。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="54" />
        <source>Bus-stop coverage (500 m)</source>
        <translation>公交站点覆盖率（500 米）</translation>
    </message>
    <message>
        <location filename="../gui/checks_tab.py" line="94" />
        <source>Bus stops</source>
        <translation>公交站点</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="82" />
        <source>Served area (城区 / built-up polygons)</source>
        <translation>服务区域（城区 / 建成区面）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_facility_coverage.py" line="74" />
        <source>Townships (optional, for a row per township)</source>
        <translation>乡镇（可选，按乡镇逐行统计）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="90" />
        <source>Radius (m)</source>
        <translation>半径（米）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_facility_coverage.py" line="92" />
        <source>Distance</source>
        <translation>距离</translation>
    </message>
    <message>
        <location filename="../algorithms/check_facility_coverage.py" line="92" />
        <source>Straight line</source>
        <translation>直线距离</translation>
    </message>
    <message>
        <location filename="../algorithms/check_facility_coverage.py" line="92" />
        <source>Along the road network</source>
        <translation>沿路网</translation>
    </message>
    <message>
        <location filename="../algorithms/check_facility_coverage.py" line="95" />
        <source>Roads and footpaths (for distance along the network)</source>
        <translation>道路和步行道（用于沿路网计算距离）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_facility_coverage.py" line="98" />
        <source>Walking access width on each side of a reached road (m)</source>
        <translation>可达道路每侧的步行接入宽度（米）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="102" />
        <source>Measure</source>
        <translation>口径</translation>
    </message>
    <message>
        <location filename="../core/maps/dossier.py" line="121" />
        <source>Population</source>
        <translation>人口</translation>
    </message>
    <message>
        <location filename="../algorithms/measure_population.py" line="68" />
        <source>Population raster (persons per cell)</source>
        <translation>人口栅格（每格人数）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_facility_coverage.py" line="125" />
        <source>Or a population field of the served-area polygons</source>
        <translation>或服务区域面的人口字段</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="117" />
        <source>Target id in the catalogue (empty: the catalogue's bus-stop coverage target)</source>
        <translation>目录中的指标编号（留空：使用目录中的公交站点覆盖率指标）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_facility_coverage.py" line="138" />
        <source>Or a target value of your own (percent)</source>
        <translation>或自定目标值（百分比）</translation>
    </message>
    <message>
        <location filename="../algorithms/run_outputs.py" line="159" />
        <source>Service area</source>
        <translation>服务范围</translation>
    </message>
    <message>
        <location filename="../algorithms/run_outputs.py" line="161" />
        <source>Uncovered served area</source>
        <translation>未覆盖的服务区域</translation>
    </message>
    <message>
        <location filename="../algorithms/run_outputs.py" line="163" />
        <source>Coverage by township</source>
        <translation>各乡镇覆盖率</translation>
    </message>
    <message>
        <location filename="../core/checks/targets.py" line="75" />
        <source>Catalogue '{catalogue}' has no target '{id}'.</source>
        <translation>目录“{catalogue}”中没有目标“{id}”。</translation>
    </message>
    <message>
        <location filename="../core/checks/coverage.py" line="192" />
        <source>The bus stops and the served area are both needed.</source>
        <translation>公交站点和服务区域两者都必须提供。</translation>
    </message>
    <message>
        <location filename="../core/checks/coverage.py" line="192" />
        <source>Choose a point layer of stops and a polygon layer of the served area.</source>
        <translation>请选择站点点图层和服务区域面图层。</translation>
    </message>
    <message>
        <location filename="../core/checks/coverage.py" line="314" />
        <source>{layer}: {n} duplicate stops counted once (feature ids {ids}).</source>
        <translation>{layer}：{n} 个重复站点只计一次（要素编号 {ids}）。</translation>
    </message>
    <message>
        <location filename="../core/checks/coverage.py" line="317" />
        <source>{layer} holds no stop: the coverage is 0%. Check the layer and its filter.</source>
        <translation>{layer} 中没有站点：覆盖率为 0%。请检查该图层及其过滤条件。</translation>
    </message>
    <message>
        <location filename="../core/checks/coverage.py" line="326" />
        <source>Service area of {n} stops</source>
        <translation>{n} 个站点的服务范围</translation>
    </message>
    <message>
        <location filename="../core/checks/coverage.py" line="335" />
        <source>Walking distance along {roads}: multi-source shortest paths from every stop tied to the nearest road within {snap:g} m, every road part within {r:g} m widened by {w:g} m on each side ({seg} segments per quarter circle).</source>
        <translation>沿 {roads} 的步行距离：从每个站点（连接到 {snap:g} 米内最近的道路）同时出发的多源最短路径，{r:g} 米内可达的每段道路两侧各加宽 {w:g} 米（每四分之一圆 {seg} 段）。</translation>
    </message>
    <message>
        <location filename="../core/checks/coverage.py" line="341" />
        <source>Straight-line distance: every stop buffered by {r:g} m with {seg} segments per quarter circle (as native:buffer), dissolved and intersected with the served area.</source>
        <translation>直线距离：每个站点按 {r:g} 米缓冲（每四分之一圆 {seg} 段，与 native:buffer 相同），融合后与服务区域求交。</translation>
    </message>
    <message>
        <location filename="../core/checks/coverage.py" line="244" />
        <source>Coverage in {n} zones</source>
        <translation>在 {n} 个分区中计算覆盖率</translation>
    </message>
    <message>
        <location filename="../core/checks/coverage.py" line="257" />
        <source>About {km2:.3f} km² of the served area lies outside every township and is not counted (overlapping served polygons also reduce this figure).</source>
        <translation>约 {km2:.3f} 平方千米的服务区域不在任何乡镇内，未计入（服务区域面相互重叠也会使这一数值减小）。</translation>
    </message>
    <message>
        <location filename="../core/checks/coverage.py" line="469" />
        <source>Population: cells of {raster} whose centre is in the covered / served area.</source>
        <translation>人口：统计 {raster} 中中心点位于覆盖区域 / 服务区域内的栅格。</translation>
    </message>
    <message>
        <location filename="../core/checks/coverage.py" line="490" />
        <source>Population: field {field}, shared out by area.</source>
        <translation>人口：取字段 {field}，按面积分摊。</translation>
    </message>
    <message>
        <location filename="../gui/maps_tab.py" line="71" />
        <source>Bus-stop coverage</source>
        <translation>公交站点覆盖率</translation>
    </message>
    <message>
        <location filename="../core/checks/coverage.py" line="275" />
        <source>Whole served area</source>
        <translation>全部服务区域</translation>
    </message>
    <message>
        <location filename="../algorithms/check_facility_coverage.py" line="216" />
        <source>Coverage {value:.2f}% ({covered:.3f} of {served:.3f} km²).</source>
        <translation>覆盖率 {value:.2f}%（{served:.3f} 平方千米中覆盖 {covered:.3f} 平方千米）。</translation>
    </message>
    <message>
        <location filename="../algorithms/convert_web_coordinates.py" line="33" />
        <source>Convert web-map coordinates (GCJ-02 / BD-09)</source>
        <translation>网络地图坐标转换（GCJ-02 / BD-09）</translation>
    </message>
    <message>
        <location filename="../algorithms/convert_web_coordinates.py" line="57" />
        <source>Layer with web-map coordinates</source>
        <translation>网络地图坐标图层</translation>
    </message>
    <message>
        <location filename="../algorithms/convert_web_coordinates.py" line="59" />
        <source>Coordinates of the input</source>
        <translation>输入坐标系</translation>
    </message>
    <message>
        <location filename="../algorithms/convert_web_coordinates.py" line="59" />
        <source>GCJ-02 (Amap, Tencent)</source>
        <translation>GCJ-02（高德、腾讯）</translation>
    </message>
    <message>
        <location filename="../algorithms/convert_web_coordinates.py" line="59" />
        <source>BD-09 (Baidu)</source>
        <translation>BD-09（百度）</translation>
    </message>
    <message>
        <location filename="../algorithms/convert_web_coordinates.py" line="62" />
        <source>Output coordinate system</source>
        <translation>输出坐标系</translation>
    </message>
    <message>
        <location filename="../algorithms/convert_web_coordinates.py" line="62" />
        <source>EPSG:4490 CGCS2000</source>
        <translation>EPSG:4490 CGCS2000（2000 国家大地坐标系）</translation>
    </message>
    <message>
        <location filename="../algorithms/convert_web_coordinates.py" line="62" />
        <source>EPSG:4326 WGS84</source>
        <translation>EPSG:4326 WGS84</translation>
    </message>
    <message>
        <location filename="../algorithms/convert_web_coordinates.py" line="65" />
        <source>Converted layer</source>
        <translation>转换后图层</translation>
    </message>
    <message>
        <location filename="../algorithms/convert_web_coordinates.py" line="71" />
        <source>The input layer could not be opened.</source>
        <translation>无法打开输入图层。</translation>
    </message>
    <message>
        <location filename="../algorithms/convert_web_coordinates.py" line="81" />
        <source>Layer '{layer}' has coordinates that cannot be longitude/latitude degrees (extent {extent}; declared CRS {crs}).</source>
        <translation>图层“{layer}”的坐标不可能是经纬度（范围 {extent}；声明坐标系 {crs}）。</translation>
    </message>
    <message>
        <location filename="../requirements.py" line="32" />
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../algorithms/convert_web_coordinates.py" line="81" />
        <source>Web-map coordinates are GCJ-02 or BD-09 degrees. If the layer was reprojected, convert the original longitude/latitude file instead.</source>
        <translation>网络地图坐标为 GCJ-02 或 BD-09 经纬度。若图层已被重投影，请改为转换原始的经纬度文件。</translation>
    </message>
    <message>
        <location filename="../algorithms/convert_web_coordinates.py" line="88" />
        <source>Layer '{layer}' declares the projected CRS {crs}, but its coordinates are read as GCJ-02/BD-09 longitude/latitude degrees. Check that this is what the layer holds.</source>
        <translation>图层“{layer}”声明的是投影坐标系 {crs}，但其坐标将按 GCJ-02/BD-09 经纬度读取。请确认图层内容确实如此。</translation>
    </message>
    <message>
        <location filename="../algorithms/convert_web_coordinates.py" line="133" />
        <source>{n} features converted from {system} to {crs}.</source>
        <translation>已将 {n} 个要素从 {system} 转换为 {crs}。</translation>
    </message>
    <message>
        <location filename="../algorithms/convert_web_coordinates.py" line="147" />
        <source>{n} features without geometry copied unchanged.</source>
        <translation>{n} 个无几何要素原样复制。</translation>
    </message>
    <message>
        <location filename="../algorithms/export_map.py" line="49" />
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
        <location filename="../algorithms/export_map.py" line="80" />
        <source>Tagged township layer or a check's output layer</source>
        <translation>已标注的乡镇图层或校核结果图层</translation>
    </message>
    <message>
        <location filename="../gui/maps_tab.py" line="45" />
        <source>Theme</source>
        <translation>专题</translation>
    </message>
    <message>
        <location filename="../algorithms/export_map.py" line="84" />
        <source>Field to show (empty: the theme's field)</source>
        <translation>显示字段（留空：专题的默认字段）</translation>
    </message>
    <message>
        <location filename="../algorithms/export_map.py" line="87" />
        <source>Result layers to draw on top (e.g. uncovered areas, conflicts)</source>
        <translation>叠加显示的结果图层（如未覆盖区域、冲突）</translation>
    </message>
    <message>
        <location filename="../gui/maps_tab.py" line="48" />
        <source>Paper</source>
        <translation>纸张</translation>
    </message>
    <message>
        <location filename="../gui/maps_tab.py" line="47" />
        <source>A3 landscape</source>
        <translation>A3 横向</translation>
    </message>
    <message>
        <location filename="../gui/plan_tab.py" line="103" />
        <source>A4 portrait</source>
        <translation>A4 纵向</translation>
    </message>
    <message>
        <location filename="../algorithms/export_map.py" line="96" />
        <source>Title (empty: the plan and the structure)</source>
        <translation>标题（留空：规划名称与结构）</translation>
    </message>
    <message>
        <location filename="../algorithms/export_map.py" line="98" />
        <source>Atlas: one page per feature</source>
        <translation>图集：每个要素一页</translation>
    </message>
    <message>
        <location filename="../algorithms/export_map.py" line="100" />
        <source>Resolution (dpi)</source>
        <translation>分辨率（dpi）</translation>
    </message>
    <message>
        <location filename="../algorithms/export_map.py" line="103" />
        <source>Township name field for labels (empty: plan_name, else the name field)</source>
        <translation>标注用乡镇名称字段（留空：plan_name，否则为名称字段）</translation>
    </message>
    <message>
        <location filename="../algorithms/export_map.py" line="106" />
        <source>Plan catalogue file, when the layer was tagged with one of your own (YAML)</source>
        <translation>规划目录文件（图层用自备目录标注时，YAML）</translation>
    </message>
    <message>
        <location filename="../algorithms/export_map.py" line="119" />
        <source>Map file</source>
        <translation>地图文件</translation>
    </message>
    <message>
        <location filename="../algorithms/export_map.py" line="119" />
        <source>PDF files (*.pdf);;PNG images (*.png);;SVG drawings (*.svg)</source>
        <translation>PDF 文件 (*.pdf);;PNG 图像 (*.png);;SVG 图形 (*.svg)</translation>
    </message>
    <message>
        <location filename="../algorithms/export_map.py" line="121" />
        <source>Pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <location filename="../algorithms/export_map.py" line="122" />
        <source>Files written</source>
        <translation>已写入的文件</translation>
    </message>
    <message>
        <location filename="../algorithms/export_map.py" line="149" />
        <source>{title}: {pages} page(s), {paper}</source>
        <translation>{title}：{pages} 页，{paper}</translation>
    </message>
    <message>
        <location filename="../algorithms/export_map.py" line="153" />
        <source>Written: {path}</source>
        <translation>已写入：{path}</translation>
    </message>
    <message>
        <location filename="../gui/tag_tab.py" line="58" />
        <source>Tag townships with plan roles</source>
        <translation>按规划标注乡镇角色</translation>
    </message>
    <message>
        <location filename="../algorithms/tag_townships.py" line="136" />
        <source>Township polygons</source>
        <translation>乡镇面图层</translation>
    </message>
    <message>
        <location filename="../algorithms/tag_townships.py" line="141" />
        <source>Township code field (optional)</source>
        <translation>乡镇代码字段（可选）</translation>
    </message>
    <message>
        <location filename="../algorithms/tag_townships.py" line="146" />
        <source>Tagged townships</source>
        <translation>已标注的乡镇</translation>
    </message>
    <message>
        <location filename="../algorithms/tag_townships.py" line="148" />
        <source>Match report</source>
        <translation>匹配报告</translation>
    </message>
    <message>
        <location filename="../algorithms/tag_townships.py" line="150" />
        <source>Townships tagged</source>
        <translation>已标注乡镇数</translation>
    </message>
    <message>
        <location filename="../algorithms/tag_townships.py" line="150" />
        <source>Names not matched</source>
        <translation>未匹配名称数</translation>
    </message>
    <message>
        <location filename="../algorithms/tag_townships.py" line="150" />
        <source>Ambiguous names</source>
        <translation>有歧义名称数</translation>
    </message>
    <message>
        <location filename="../algorithms/tag_townships.py" line="150" />
        <source>Plan townships missing</source>
        <translation>缺失的规划乡镇数</translation>
    </message>
    <message>
        <location filename="../algorithms/tag_townships.py" line="174" />
        <source>The styles could not be saved in the GeoPackage ({problems}); the tagged layer is complete, style it from styles/ if needed.</source>
        <translation>无法将样式保存到 GeoPackage（{problems}）；已标注的图层是完整的，如需要可从 styles/ 加载样式。</translation>
    </message>
    <message>
        <location filename="../algorithms/tag_townships.py" line="186" />
        <source>The township layer could not be opened.</source>
        <translation>无法打开乡镇图层。</translation>
    </message>
    <message>
        <location filename="../algorithms/tag_townships.py" line="201" />
        <source>Layer '{layer}': the field {field} is one tagging writes itself.</source>
        <translation>图层“{layer}”：字段 {field} 是标注算法自身写入的字段。</translation>
    </message>
    <message>
        <location filename="../algorithms/tag_townships.py" line="201" />
        <source>Choose the field holding the township's own name (or code), not a field of an earlier tagging.</source>
        <translation>请选择记录乡镇本身名称（或代码）的字段，而不是之前标注生成的字段。</translation>
    </message>
    <message>
        <location filename="../algorithms/tag_townships.py" line="225" />
        <source>{layer}: fields {fields} of an earlier tagging are replaced.</source>
        <translation>{layer}：之前标注生成的字段 {fields} 已被替换。</translation>
    </message>
    <message>
        <location filename="../algorithms/tag_townships.py" line="272" />
        <source>{file}: {MATCHED} townships tagged, {UNMATCHED} names not matched, {AMBIGUOUS} ambiguous, {MISSING} plan townships missing from the layer.</source>
        <translation>{file}：已标注 {MATCHED} 个乡镇，{UNMATCHED} 个名称未匹配，{AMBIGUOUS} 个有歧义，图层中缺少 {MISSING} 个规划乡镇。</translation>
    </message>
    <message>
        <location filename="../algorithms/tag_townships.py" line="276" />
        <source>Some names were not tagged: see the match report for each one and its fix.</source>
        <translation>部分名称未标注：请查看匹配报告中的逐条说明和修改方法。</translation>
    </message>
    <message>
        <location filename="../core/files/xlsx.py" line="70" />
        <source>township</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../gui/checks_tab.py" line="182" />
        <source>Built-up area</source>
        <translation>建成区面积</translation>
    </message>
    <message>
        <location filename="../core/checks/targets.py" line="66" />
        <source>Target '{id}' needs a plan catalogue.</source>
        <translation>目标“{id}”需要规划目录。</translation>
    </message>
    <message>
        <location filename="../core/geo/measure.py" line="246" />
        <source>The layers {layers} lie at longitude {w:.2f}–{e:.2f}, latitude {s:.2f}–{n:.2f}, not in China.</source>
        <translation>图层 {layers} 位于经度 {w:.2f}–{e:.2f}、纬度 {s:.2f}–{n:.2f}，不在中国境内。</translation>
    </message>
    <message>
        <location filename="../core/geo/measure.py" line="246" />
        <source>A layer's coordinate reference system is probably wrong: set the one its coordinates are in (Layer Properties &gt; Source), e.g. a GK zone such as EPSG:4545 for metres, EPSG:4490 for degrees.</source>
        <translation>某图层的坐标参考系可能有误：请在“图层属性 &gt; 源”中设置其坐标实际所用的坐标系，如以米为单位的高斯-克吕格投影带 EPSG:4545，以度为单位的 EPSG:4490。</translation>
    </message>
    <message>
        <location filename="../core/maps/chart_data.py" line="21" />
        <source>features</source>
        <translation>个要素</translation>
    </message>
    <message>
        <location filename="../core/checks/builtup.py" line="280" />
        <source>Dissolving built-up polygons</source>
        <translation>正在融合建成区图斑</translation>
    </message>
    <message>
        <location filename="../core/checks/builtup.py" line="275" />
        <source>Layer '{layer}' has no built-up polygon with an area.</source>
        <translation>图层“{layer}”没有具有面积的建成区图斑。</translation>
    </message>
    <message>
        <location filename="../core/checks/per_capita.py" line="247" />
        <source>Check its geometries and, for a land-use layer, the codes.</source>
        <translation>请检查其几何；如为土地利用图层，请检查代码。</translation>
    </message>
    <message>
        <location filename="../core/checks/builtup.py" line="283" />
        <source>The scope '{scope}' needs the township layer, to know which townships it covers.</source>
        <translation>范围“{scope}”需要乡镇图层，才能确定其包含哪些乡镇（街道）。</translation>
    </message>
    <message>
        <location filename="../core/checks/builtup.py" line="283" />
        <source>Choose the township layer (tagged by 'Tag townships with the plan's structure'), or leave the scope empty to measure the whole built-up layer.</source>
        <translation>请选择乡镇图层（由“按规划结构标注乡镇”标注），或将范围留空以量算整个建成区图层。</translation>
    </message>
    <message>
        <location filename="../core/checks/builtup.py" line="300" />
        <source>Splitting built-up area by township</source>
        <translation>正在按乡镇（街道）切分建成区</translation>
    </message>
    <message>
        <location filename="../core/checks/builtup.py" line="304" />
        <source>No built-up polygon of '{builtup}' lies inside any township of '{townships}'.</source>
        <translation>“{builtup}”中没有任何建成区图斑位于“{townships}”的乡镇（街道）内。</translation>
    </message>
    <message>
        <location filename="../core/checks/per_capita.py" line="273" />
        <source>Check that both layers cover the same jurisdiction and that each layer's coordinate reference system is the one its coordinates are in.</source>
        <translation>请检查两个图层是否覆盖同一行政区，以及各图层的坐标参考系是否与其坐标一致。</translation>
    </message>
    <message>
        <location filename="../core/checks/builtup.py" line="329" />
        <source>No township of '{layer}' is in the scope '{scope}'. Values found: {found}.</source>
        <translation>“{layer}”中没有乡镇（街道）属于范围“{scope}”。已有取值：{found}。</translation>
    </message>
    <message>
        <location filename="../core/checks/landuse.py" line="289" />
        <source>(only empty values)</source>
        <translation>（只有空值）</translation>
    </message>
    <message>
        <location filename="../core/checks/builtup.py" line="329" />
        <source>Tag the townships first ('Tag townships with the plan's structure'), or choose the scope field and one of its values.</source>
        <translation>请先标注乡镇（“按规划结构标注乡镇”），或选择范围字段及其取值之一。</translation>
    </message>
    <message>
        <location filename="../core/checks/builtup.py" line="337" />
        <source>No value of '{group}' for these townships (not tagged, or not named in the plan); they are outside the scope: {names}.</source>
        <translation>以下乡镇（街道）没有“{group}”的取值（未标注，或规划中未列出），不计入范围：{names}。</translation>
    </message>
    <message>
        <location filename="../core/checks/builtup.py" line="342" />
        <source>The plan gives these townships more than one value for the scope; each is counted in the scope when one of its values matches: {names}.</source>
        <translation>规划对以下乡镇（街道）给出了多个范围取值，只要其中之一相符即计入范围：{names}。</translation>
    </message>
    <message>
        <location filename="../core/checks/population_places.py" line="388" />
        <source>Townships overlap, so land in both is counted twice in sums: {pairs}.</source>
        <translation>乡镇（街道）之间存在重叠，重叠部分在合计中被计算两次：{pairs}。</translation>
    </message>
    <message>
        <location filename="../core/checks/builtup.py" line="353" />
        <source>{km2:.3f} km² of built-up area lies outside every township and is not counted in the scope.</source>
        <translation>有 {km2:.3f} 平方公里建成区位于所有乡镇（街道）之外，未计入范围。</translation>
    </message>
    <message>
        <location filename="../core/checks/builtup.py" line="358" />
        <source>(no value)</source>
        <translation>（无值）</translation>
    </message>
    <message>
        <location filename="../core/checks/builtup.py" line="488" />
        <source>Built-up polygons are dissolved first, so overlapping polygons count once; the result is cut by the township boundaries, so a polygon crossing a boundary is split between townships. Invalid geometries are repaired (makeValid) and listed below.</source>
        <translation>先融合建成区图斑，重叠部分只计一次；再按乡镇（街道）界线切分，跨界图斑分摊到各乡镇。无效几何已修复（makeValid），列于下文。</translation>
    </message>
    <message>
        <location filename="../core/checks/control_lines.py" line="69" />
        <source>ecological protection red line (生态保护红线)</source>
        <translation>生态保护红线</translation>
    </message>
    <message>
        <location filename="../core/checks/control_lines.py" line="70" />
        <source>permanent basic farmland (永久基本农田)</source>
        <translation>永久基本农田</translation>
    </message>
    <message>
        <location filename="../core/checks/control_lines.py" line="71" />
        <source>urban development boundary (城镇开发边界)</source>
        <translation>城镇开发边界</translation>
    </message>
    <message>
        <location filename="../core/checks/control_lines.py" line="114" />
        <source>A township is flagged when its plan zone ({cite}) and the control lines disagree: 生态功能区 with more than {eco:g}% of its area inside the urban development boundary; 城市化发展区 with less than {urban:g}% inside it; 农产品主产区 with less than {farm:g}% permanent basic farmland or more than {farmdev:g}% inside the development boundary.</source>
        <translation>乡镇的规划分区（{cite}）与三条控制线不相符时予以标记：生态功能区位于城镇开发边界内的面积超过其面积的 {eco:g}%；城市化发展区位于城镇开发边界内的面积低于 {urban:g}%；农产品主产区永久基本农田面积低于 {farm:g}%，或位于城镇开发边界内的面积超过 {farmdev:g}%。</translation>
    </message>
    <message>
        <location filename="../core/checks/control_lines.py" line="231" />
        <source>not checked: the township layer has no plan zone field</source>
        <translation>未校核：乡镇图层没有规划分区字段</translation>
    </message>
    <message>
        <location filename="../core/checks/control_lines.py" line="234" />
        <source>not checked: no plan zone for this township</source>
        <translation>未校核：该乡镇没有规划分区</translation>
    </message>
    <message>
        <location filename="../core/checks/control_lines.py" line="235" />
        <source>not checked: plan zone '{zone}' is not one of 城市化发展区, 农产品主产区, 生态功能区</source>
        <translation>未校核：规划分区“{zone}”不属于城市化发展区、农产品主产区、生态功能区</translation>
    </message>
    <message>
        <location filename="../core/checks/control_lines.py" line="245" />
        <source>{zone} with {share} of its area in {line}</source>
        <translation>{zone}位于{line}内的面积占 {share}</translation>
    </message>
    <message>
        <location filename="../core/checks/control_lines.py" line="248" />
        <source>(more than {limit:g}%)</source>
        <translation>（超过 {limit:g}%）</translation>
    </message>
    <message>
        <location filename="../core/checks/control_lines.py" line="248" />
        <source>(less than {limit:g}%)</source>
        <translation>（低于 {limit:g}%）</translation>
    </message>
    <message>
        <location filename="../core/checks/control_lines.py" line="263" />
        <source>not checked: {zone} needs the {lines} layer</source>
        <translation>未校核：{zone}需要{lines}图层</translation>
    </message>
    <message>
        <location filename="../core/checks/control_lines.py" line="264" />
        <source>consistent with {zone}: {measures}</source>
        <translation>与{zone}相符：{measures}</translation>
    </message>
    <message>
        <location filename="../core/checks/control_lines.py" line="266" />
        <source>not checked against {lines} (layer not given)</source>
        <translation>未对照{lines}校核（未提供图层）</translation>
    </message>
    <message>
        <location filename="../core/checks/control_lines.py" line="359" />
        <source>Townships {a} and {b} overlap by {km2:.4f} km²: that land is counted in both.</source>
        <translation>乡镇 {a} 与 {b} 重叠 {km2:.4f} km²：该部分在两者中都被计入。</translation>
    </message>
    <message>
        <location filename="../core/checks/control_lines.py" line="362" />
        <source>The township layer has no plan zone field: areas were measured, but no township was checked against its zone.</source>
        <translation>乡镇图层没有规划分区字段：已量算面积，但未校核各乡镇与其分区的一致性。</translation>
    </message>
    <message>
        <location filename="../core/checks/control_lines.py" line="365" />
        <source>Built-up land outside the urban development boundary was not computed: no development boundary layer was given.</source>
        <translation>未计算城镇开发边界外的建成区：未提供城镇开发边界图层。</translation>
    </message>
    <message>
        <location filename="../core/checks/population_places.py" line="426" />
        <source>all townships</source>
        <translation>全部乡镇</translation>
    </message>
    <message>
        <location filename="../core/geo/service_area.py" line="327" />
        <source>{layer}: the stops look offset as if in GCJ-02 web-map coordinates: shifted back to CGCS2000, {gained} more stops fall inside the served area ({before:.0%} → {after:.0%} outside). Convert them with 'Convert web-map coordinates' (cq_urban:convert_web_coordinates) and run again.</source>
        <translation>{layer}：站点似乎有偏移，像是 GCJ-02 网络地图坐标：纠偏回 CGCS2000 后，多出 {gained} 个站点落入服务区域（区域外比例 {before:.0%} → {after:.0%}）。请用“网络地图坐标转换”（cq_urban:convert_web_coordinates）转换后重新运行。</translation>
    </message>
    <message>
        <location filename="../core/geo/inputs.py" line="131" />
        <source>Layer '{layer}', feature {fid}</source>
        <translation>图层“{layer}”，要素 {fid}</translation>
    </message>
    <message>
        <location filename="../core/geo/inputs.py" line="182" />
        <source>Layer '{layer}'</source>
        <translation>图层“{layer}”</translation>
    </message>
    <message>
        <location filename="../core/geo/inputs.py" line="133" />
        <source>{where}: the coordinates are not valid in the layer's coordinate reference system {crs}.</source>
        <translation>{where}：坐标在图层的坐标参考系 {crs} 中无效。</translation>
    </message>
    <message>
        <location filename="../core/geo/inputs.py" line="133" />
        <source>The layer's CRS is probably set wrong: in Layer Properties &gt; Source, set the CRS its coordinates are really in (metres in Chongqing are usually CGCS2000 Gauss-Krüger, EPSG:4544/4545/4546; degrees EPSG:4490) instead of reprojecting it.</source>
        <translation>图层的坐标参考系可能设置有误：请在“图层属性 &gt; 源”中设置其坐标实际所用的坐标系（重庆以米为单位的数据通常为 CGCS2000 高斯-克吕格投影 EPSG:4544/4545/4546；经纬度为 EPSG:4490），而不是对其重投影。</translation>
    </message>
    <message>
        <location filename="../core/checks/landuse.py" line="97" />
        <source>三调 城镇村属性码: 城市 + 建制镇 (201, 201A, 202, 202A) — 城镇建成区</source>
        <translation>三调 城镇村属性码：城市 + 建制镇（201、201A、202、202A）— 城镇建成区</translation>
    </message>
    <message>
        <location filename="../core/checks/landuse.py" line="97" />
        <source>城镇村属性码 201 城市 and 202 建制镇 (with their 独立工业用地 201A/202A); 村庄 203, 采矿 204 and 特殊 205 are not counted.</source>
        <translation>计入城镇村属性码 201 城市和 202 建制镇（含其独立工业用地 201A/202A）；不计入 203 村庄、204 盐田及采矿用地和 205 特殊用地。</translation>
    </message>
    <message>
        <location filename="../core/checks/landuse.py" line="102" />
        <source>三调 城镇村属性码: 城市 only (201, 201A) — 城市建成区</source>
        <translation>三调 城镇村属性码：仅城市（201、201A）— 城市建成区</translation>
    </message>
    <message>
        <location filename="../core/checks/landuse.py" line="102" />
        <source>城镇村属性码 201 城市 (with 201A); 建制镇 202 and the rest are not counted.</source>
        <translation>计入城镇村属性码 201 城市（含 201A）；不计入 202 建制镇及其他。</translation>
    </message>
    <message>
        <location filename="../core/checks/landuse.py" line="106" />
        <source>三调 地类编码: urban construction land (05, 0601, 0604, 0701, 08, 09, 1004, 1005, 1201)</source>
        <translation>三调 地类编码：城镇建设用地（05、0601、0604、0701、08、09、1004、1005、1201）</translation>
    </message>
    <message>
        <location filename="../core/checks/landuse.py" line="106" />
        <source>三调 land classes 05, 0601, 0604, 0701, 08, 09, 1004, 1005 and 1201; mining 0602, salt pans 0603, rural homesteads 0702, regional transport 1001–1003 and 1006–1009 are not counted.</source>
        <translation>计入三调地类 05、0601、0604、0701、08、09、1004、1005 和 1201；不计入 0602 采矿用地、0603 盐田、0702 农村宅基地、1001–1003 和 1006–1009 区域交通用地。</translation>
    </message>
    <message>
        <location filename="../core/checks/landuse.py" line="112" />
        <source>用地用海分类: urban construction land (0701, 0702, 08, 09, 1001, 11, 1206–1208, 13, 14, 15)</source>
        <translation>用地用海分类：城镇建设用地（0701、0702、08、09、1001、11、1206–1208、13、14、15）</translation>
    </message>
    <message>
        <location filename="../core/checks/landuse.py" line="112" />
        <source>用地用海 classes 0701, 0702, 08, 09, 1001, 11, 1206, 1207, 1208, 13, 14 and 15; rural 0703/0704, mining 1002/1003, regional transport 1201–1205, 1209 and 留白用地 16 are not counted.</source>
        <translation>计入用地用海分类 0701、0702、08、09、1001、11、1206、1207、1208、13、14 和 15；不计入农村用地 0703/0704、采矿及盐田 1002/1003、区域交通 1201–1205、1209 和 16 留白用地。</translation>
    </message>
    <message>
        <location filename="../core/checks/landuse.py" line="195" />
        <source>Field '{field}' of layer '{layer}' is of type {type}, which cannot hold land-use codes.</source>
        <translation>图层“{layer}”的字段“{field}”类型为 {type}，不能存放地类代码。</translation>
    </message>
    <message>
        <location filename="../core/checks/landuse.py" line="195" />
        <source>Choose the field holding the class codes (text such as '0701' or '201', or whole numbers).</source>
        <translation>请选择存放地类代码的字段（文本如“0701”“201”，或整数）。</translation>
    </message>
    <message>
        <location filename="../core/checks/landuse.py" line="235" />
        <source>No land-use codes were given for layer '{layer}'.</source>
        <translation>未给出图层“{layer}”的地类代码。</translation>
    </message>
    <message>
        <location filename="../core/checks/landuse.py" line="235" />
        <source>Choose a preset or type the codes that count as built-up, e.g. 201, 202.</source>
        <translation>请选择预设或输入计为建成区的代码，如 201、202。</translation>
    </message>
    <message>
        <location filename="../core/checks/landuse.py" line="283" />
        <source>Field '{field}' of layer '{layer}' holds decimal numbers (e.g. {example}), not land-use codes.</source>
        <translation>图层“{layer}”的字段“{field}”存放的是小数（如 {example}），不是地类代码。</translation>
    </message>
    <message>
        <location filename="../core/checks/landuse.py" line="283" />
        <source>Choose the field holding the class codes (for 三调: DLBM or CZCSXM).</source>
        <translation>请选择存放地类代码的字段（三调数据为 DLBM 或 CZCSXM）。</translation>
    </message>
    <message>
        <location filename="../core/checks/landuse.py" line="289" />
        <source>No feature of layer '{layer}' has a code in field '{field}' starting with {codes}. The field holds: {found}.</source>
        <translation>图层“{layer}”字段“{field}”中没有以 {codes} 开头的代码。该字段的取值为：{found}。</translation>
    </message>
    <message>
        <location filename="../core/checks/landuse.py" line="289" />
        <source>Choose the preset for this code system, another field, or type the codes that count as built-up.</source>
        <translation>请选择与该编码体系对应的预设、换一个字段，或输入计为建成区的代码。</translation>
    </message>
    <message>
        <location filename="../core/checks/landuse.py" line="338" />
        <source>{layer}: {n} of {total} land-use features counted as built-up (codes {codes}).</source>
        <translation>{layer}：{total} 个地类图斑中有 {n} 个计为建成区（代码 {codes}）。</translation>
    </message>
    <message>
        <location filename="../core/checks/landuse.py" line="341" />
        <source>{layer}: {n} features without a code in '{field}' not counted (feature ids {ids}).</source>
        <translation>{layer}：{n} 个要素的“{field}”无代码，未计入（要素编号 {ids}）。</translation>
    </message>
    <message>
        <location filename="../core/maps/fonts.py" line="168" />
        <source>No font with Chinese characters is installed, so the map's names would print as boxes.</source>
        <translation>未安装含中文字符的字体，图上的名称会显示为方框。</translation>
    </message>
    <message>
        <location filename="../core/maps/fonts.py" line="168" />
        <source>Install the Noto CJK fonts (Debian/Ubuntu: sudo apt-get install fonts-noto-cjk; or run `make setup`) or any Simplified Chinese font, then restart QGIS.</source>
        <translation>请安装 Noto CJK 字体（Debian/Ubuntu：sudo apt-get install fonts-noto-cjk，或运行 `make setup`）或任一简体中文字体，然后重启 QGIS。</translation>
    </message>
    <message>
        <location filename="../core/maps/themes.py" line="26" />
        <source>Town roles</source>
        <translation>城镇职能定位</translation>
    </message>
    <message>
        <location filename="../core/maps/themes.py" line="27" />
        <source>Town tiers</source>
        <translation>城镇等级</translation>
    </message>
    <message>
        <location filename="../core/maps/themes.py" line="28" />
        <source>Planning zones</source>
        <translation>规划分区</translation>
    </message>
    <message>
        <location filename="../core/maps/themes.py" line="29" />
        <source>Town function types</source>
        <translation>城镇职能类型</translation>
    </message>
    <message>
        <location filename="../core/maps/themes.py" line="30" />
        <source>Regions</source>
        <translation>片区</translation>
    </message>
    <message>
        <location filename="../core/maps/themes.py" line="32" />
        <source>Bus-stop coverage check</source>
        <translation>公交站点覆盖率校核</translation>
    </message>
    <message>
        <location filename="../core/maps/themes.py" line="33" />
        <source>Control-line conflicts</source>
        <translation>控制线冲突</translation>
    </message>
    <message>
        <location filename="../core/maps/themes.py" line="64" />
        <source>Unknown map theme '{theme}'.</source>
        <translation>未知的专题“{theme}”。</translation>
    </message>
    <message>
        <location filename="../core/maps/themes.py" line="64" />
        <source>Use one of: {themes}.</source>
        <translation>请使用以下之一：{themes}。</translation>
    </message>
    <message>
        <location filename="../core/maps/content.py" line="51" />
        <source>Uncovered areas</source>
        <translation>未覆盖区域</translation>
    </message>
    <message>
        <location filename="../gui/checks_tab.py" line="223" />
        <source>Built-up outside the development boundary</source>
        <translation>城镇开发边界外的建成区</translation>
    </message>
    <message>
        <location filename="../core/maps/content.py" line="51" />
        <source>Served area (within the radius)</source>
        <translation>服务范围（半径以内）</translation>
    </message>
    <message>
        <location filename="../gui/checks_tab.py" line="118" />
        <source>Ecological protection red line</source>
        <translation>生态保护红线</translation>
    </message>
    <message>
        <location filename="../gui/checks_tab.py" line="120" />
        <source>Permanent basic farmland</source>
        <translation>永久基本农田</translation>
    </message>
    <message>
        <location filename="../gui/checks_tab.py" line="122" />
        <source>Urban development boundary</source>
        <translation>城镇开发边界</translation>
    </message>
    <message>
        <location filename="../core/maps/content.py" line="124" />
        <source>Layer '{layer}' has no field for the theme '{theme}' (looked for {fields}).</source>
        <translation>图层“{layer}”没有专题“{theme}”所需的字段（已查找 {fields}）。</translation>
    </message>
    <message>
        <location filename="../core/maps/content.py" line="119" />
        <source>Tag the townships first (cq_urban:tag_townships), or choose the field to show (FIELD).</source>
        <translation>请先标注乡镇（cq_urban:tag_townships），或选择要显示的字段（FIELD）。</translation>
    </message>
    <message>
        <location filename="../core/maps/content.py" line="124" />
        <source>Use the per-township output of cq_urban:check_builtup, or choose the field to show (FIELD).</source>
        <translation>请使用 cq_urban:check_builtup 的分乡镇输出图层，或选择要显示的字段（FIELD）。</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="402" />
        <source>Built-up share of the township (%)</source>
        <translation>建成区占乡镇面积比例（%）</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="401" />
        <source>Built-up area (km²)</source>
        <translation>建成区面积（km²）</translation>
    </message>
    <message>
        <location filename="../core/maps/content.py" line="135" />
        <source>Bus-stop coverage (%)</source>
        <translation>公交站点覆盖率（%）</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="406" />
        <source>Built-up outside the development boundary (%)</source>
        <translation>开发边界外建成区比例（%）</translation>
    </message>
    <message>
        <location filename="../core/maps/content.py" line="194" />
        <source>No value</source>
        <translation>无值</translation>
    </message>
    <message>
        <location filename="../core/maps/content.py" line="428" />
        <source>Field '{field}' of layer '{layer}' is not numeric, so it cannot be shown in classes.</source>
        <translation>图层“{layer}”的字段“{field}”不是数值型，无法分级显示。</translation>
    </message>
    <message>
        <location filename="../core/maps/content.py" line="428" />
        <source>Choose a numeric field (FIELD), such as the check's share.</source>
        <translation>请选择数值字段（FIELD），例如校核结果中的占比。</translation>
    </message>
    <message>
        <location filename="../core/maps/content.py" line="455" />
        <source>Layer '{layer}' has no text field, so the townships are not named on the map.</source>
        <translation>图层“{layer}”没有文本字段，图上不标注乡镇名称。</translation>
    </message>
    <message>
        <location filename="../core/maps/content.py" line="476" />
        <source>An extra layer could not be read and was left out.</source>
        <translation>有一个叠加图层无法读取，已略去。</translation>
    </message>
    <message>
        <location filename="../core/maps/layout.py" line="66" />
        <source>Unknown paper '{paper}'.</source>
        <translation>未知的图纸“{paper}”。</translation>
    </message>
    <message>
        <location filename="../core/maps/layout.py" line="66" />
        <source>Use one of: {papers}.</source>
        <translation>请使用以下之一：{papers}。</translation>
    </message>
    <message>
        <location filename="../core/maps/layout.py" line="79" />
        <source>The layout template {path} is missing or damaged.</source>
        <translation>布局模板 {path} 缺失或已损坏。</translation>
    </message>
    <message>
        <location filename="../core/maps/layout.py" line="79" />
        <source>Reinstall the plugin, or restore the file from the plugin's styles folder.</source>
        <translation>请重新安装插件，或从插件的 styles 文件夹恢复该文件。</translation>
    </message>
    <message>
        <location filename="../core/maps/layout.py" line="87" />
        <source>The layout template has no {kind} item with the id '{id}'.</source>
        <translation>布局模板中没有编号为“{id}”的 {kind} 项。</translation>
    </message>
    <message>
        <location filename="../core/maps/layout.py" line="87" />
        <source>Give the item that id again in the layout designer (Item Properties &gt; Id), or reinstall the plugin.</source>
        <translation>请在布局设计器中为该项重新设置此编号（项目属性 &gt; 编号），或重新安装插件。</translation>
    </message>
    <message>
        <location filename="../core/maps/layout.py" line="110" />
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <location filename="../core/maps/layout.py" line="217" />
        <source>Coordinate system: {crs} ({authid})</source>
        <translation>坐标系：{crs}（{authid}）</translation>
    </message>
    <message>
        <location filename="../core/maps/layout.py" line="219" />
        <source>Data: {sources}</source>
        <translation>数据来源：{sources}</translation>
    </message>
    <message>
        <location filename="../core/maps/layout.py" line="221" />
        <source>Plan text: {citations}</source>
        <translation>规划依据：{citations}</translation>
    </message>
    <message>
        <location filename="../core/maps/layout.py" line="223" />
        <source>Map date: {date}</source>
        <translation>制图日期：{date}</translation>
    </message>
    <message>
        <location filename="../core/maps/layout.py" line="316" />
        <source>Atlas page</source>
        <translation>图集页</translation>
    </message>
    <message>
        <location filename="../core/maps/layout.py" line="349" />
        <source>the file could not be written</source>
        <translation>无法写入文件</translation>
    </message>
    <message>
        <location filename="../core/maps/layout.py" line="350" />
        <source>the PDF could not be created</source>
        <translation>无法生成 PDF</translation>
    </message>
    <message>
        <location filename="../core/maps/layout.py" line="351" />
        <source>there was not enough memory for this resolution</source>
        <translation>此分辨率下内存不足</translation>
    </message>
    <message>
        <location filename="../core/maps/layout.py" line="352" />
        <source>an SVG layer could not be written</source>
        <translation>无法写入 SVG 图层</translation>
    </message>
    <message>
        <location filename="../core/maps/layout.py" line="353" />
        <source>the atlas could not step through the townships</source>
        <translation>图集无法逐个遍历乡镇</translation>
    </message>
    <message>
        <location filename="../core/maps/layout.py" line="354" />
        <source>the export was cancelled</source>
        <translation>导出已取消</translation>
    </message>
    <message>
        <location filename="../core/maps/layout.py" line="359" />
        <source>unknown error</source>
        <translation>未知错误</translation>
    </message>
    <message>
        <location filename="../core/maps/layout.py" line="360" />
        <source>The map could not be exported to {path}: {reason}{detail}.</source>
        <translation>无法将地图导出到 {path}：{reason}{detail}。</translation>
    </message>
    <message>
        <location filename="../core/maps/layout.py" line="360" />
        <source>Check that the folder exists and is writable and the disk is not full; for PNG, try a lower DPI.</source>
        <translation>请检查文件夹是否存在且可写、磁盘是否已满；PNG 可尝试降低 DPI。</translation>
    </message>
    <message>
        <location filename="../core/maps/layout.py" line="375" />
        <source>Cannot export a map to '{path}'.</source>
        <translation>无法将地图导出到“{path}”。</translation>
    </message>
    <message>
        <location filename="../core/maps/layout.py" line="375" />
        <source>Give the output file the extension .pdf, .png or .svg.</source>
        <translation>请将输出文件的扩展名设为 .pdf、.png 或 .svg。</translation>
    </message>
    <message>
        <location filename="../core/maps/layout.py" line="382" />
        <source>The atlas has no pages: the township layer has no features.</source>
        <translation>图集没有页面：乡镇图层没有要素。</translation>
    </message>
    <message>
        <location filename="../core/maps/layout.py" line="382" />
        <source>Choose a layer with features, or export without the atlas.</source>
        <translation>请选择含有要素的图层，或不使用图集导出。</translation>
    </message>
    <message>
        <location filename="../core/maps/layout.py" line="439" />
        <source>{n} of {count} pages written</source>
        <translation>已写入 {count} 页中的 {n} 页</translation>
    </message>
    <message>
        <location filename="../core/geo/network.py" line="81" />
        <source>{layer}: {n} dead ends lie within {tol:g} m of another road without being joined to it (gaps in the network); walking distance stops there. Snap the line ends to close them.</source>
        <translation>{layer}：有 {n} 个断头端点距另一条道路不足 {tol:g} 米却未与其相接（路网缺口），步行距离在此中断。请捕捉线端点以闭合缺口。</translation>
    </message>
    <message>
        <location filename="../core/geo/network.py" line="87" />
        <source>{n} stops are more than {tol:g} m from every road and were not used for the walking-distance coverage (stop feature ids {ids}). Add the missing roads or check the stops' coordinates.</source>
        <translation>有 {n} 个站点距任何道路都超过 {tol:g} 米，未用于按步行距离计算的覆盖率（站点要素编号 {ids}）。请补充缺失的道路或检查站点坐标。</translation>
    </message>
    <message>
        <location filename="../core/files/outputs.py" line="168" />
        <source>The output '{output}' is the input layer '{input}' ({path}).</source>
        <translation>输出“{output}”就是输入图层“{input}”（{path}）。</translation>
    </message>
    <message>
        <location filename="../core/files/outputs.py" line="168" />
        <source>Choose another file for the output: the input is never overwritten.</source>
        <translation>请为输出另选文件：输入数据不会被覆盖。</translation>
    </message>
    <message>
        <location filename="../core/files/outputs.py" line="123" />
        <source>The folder of output '{output}' does not exist: {folder}.</source>
        <translation>输出“{output}”所在的文件夹不存在：{folder}。</translation>
    </message>
    <message>
        <location filename="../core/files/outputs.py" line="123" />
        <source>Create the folder or choose another file.</source>
        <translation>请先创建该文件夹，或另选文件。</translation>
    </message>
    <message>
        <location filename="../core/geo/population.py" line="44" />
        <source>The population raster '{layer}' could not be opened.</source>
        <translation>无法打开人口栅格“{layer}”。</translation>
    </message>
    <message>
        <location filename="../core/geo/population.py" line="44" />
        <source>Choose a GDAL-readable raster (GeoTIFF) of persons per cell.</source>
        <translation>请选择 GDAL 可读取的、以每格人数计的栅格（GeoTIFF）。</translation>
    </message>
    <message>
        <location filename="../core/geo/population.py" line="47" />
        <source>The population raster '{layer}' is rotated.</source>
        <translation>人口栅格“{layer}”带有旋转。</translation>
    </message>
    <message>
        <location filename="../core/geo/population.py" line="47" />
        <source>Warp it to a north-up grid first (Raster &gt; Projections &gt; Warp).</source>
        <translation>请先将其重投影为正北方向的栅格（栅格 &gt; 投影 &gt; 变形）。</translation>
    </message>
    <message>
        <location filename="../core/geo/population.py" line="65" />
        <source>The population raster '{layer}' has no coordinate reference system.</source>
        <translation>人口栅格“{layer}”没有坐标参考系。</translation>
    </message>
    <message>
        <location filename="../core/geo/population.py" line="65" />
        <source>Assign its CRS (Raster &gt; Projections &gt; Assign Projection).</source>
        <translation>请为其指定坐标系（栅格 &gt; 投影 &gt; 指定投影）。</translation>
    </message>
    <message>
        <location filename="../core/geo/population.py" line="165" />
        <source>Layer '{layer}', feature {fid}: population field '{field}' holds '{value}', not a number.</source>
        <translation>图层“{layer}”，要素 {fid}：人口字段“{field}”的值为“{value}”，不是数字。</translation>
    </message>
    <message>
        <location filename="../core/geo/population.py" line="165" />
        <source>Choose a numeric population field, or correct the value.</source>
        <translation>请选择数值型人口字段，或更正该值。</translation>
    </message>
    <message>
        <location filename="../core/geo/population.py" line="175" />
        <source>Layer '{layer}', feature {fid}: population field '{field}' is negative ({value}).</source>
        <translation>图层“{layer}”，要素 {fid}：人口字段“{field}”为负数（{value}）。</translation>
    </message>
    <message>
        <location filename="../core/geo/population.py" line="175" />
        <source>Correct the value; a population cannot be negative.</source>
        <translation>请更正该值，人口不能为负数。</translation>
    </message>
    <message>
        <location filename="../core/plan/tagging.py" line="163" />
        <source>{structure}: the plan contradicts itself: {readings}.</source>
        <translation>{structure}：规划表述前后矛盾：{readings}。</translation>
    </message>
    <message>
        <location filename="../core/plan/tagging.py" line="202" />
        <source>Code {code} is not in {juris} ({prefix}…).</source>
        <translation>代码 {code} 不属于{juris}（{prefix}…）。</translation>
    </message>
    <message>
        <location filename="../core/plan/tagging.py" line="205" />
        <source>Not tagged: the feature belongs to another jurisdiction. Use that jurisdiction's catalogue, or correct the code.</source>
        <translation>未标注：该要素属于其他行政区。请使用该行政区的规划目录，或更正代码。</translation>
    </message>
    <message>
        <location filename="../core/plan/tagging.py" line="212" />
        <source>Fits several plan townships: {names}.</source>
        <translation>可对应多个规划乡镇：{names}。</translation>
    </message>
    <message>
        <location filename="../core/plan/tagging.py" line="214" />
        <source>Not tagged. Write the full name with its suffix (for example {example}) in the name field, then run again.</source>
        <translation>未标注。请在名称字段中填写带后缀的全称（例如 {example}）后重新运行。</translation>
    </message>
    <message>
        <location filename="../core/plan/tagging.py" line="221" />
        <source>Not tagged: the name is empty. Fill in the township's name, then run again.</source>
        <translation>未标注：名称为空。请填写乡镇名称后重新运行。</translation>
    </message>
    <message>
        <location filename="../core/plan/tagging.py" line="223" />
        <source>Not tagged: no plan township has this name. If it is a misspelling, correct it (closest plan names: {names}); if it is an old name, add it to the catalogue's `aliases`.</source>
        <translation>未标注：规划中没有该名称的乡镇。如为错别字请更正（最接近的规划名称：{names}）；如为旧名，请将其加入规划目录的 `aliases`。</translation>
    </message>
    <message>
        <location filename="../core/plan/tagging.py" line="227" />
        <source>Not tagged: the catalogue names no such township. Nothing to do if the plan does not mention it; if it does, add the layer's spelling to the catalogue's `aliases`. Check also that the layer and the catalogue are of the same jurisdiction.</source>
        <translation>未标注：规划目录中没有该乡镇。如规划未提及该乡镇，无需处理；如规划提及，请将图层中的写法加入规划目录的 `aliases`。另请检查图层与规划目录是否属于同一行政区。</translation>
    </message>
    <message>
        <location filename="../core/plan/tagging.py" line="240" />
        <source>Features {fids} all resolve to {township}.</source>
        <translation>要素 {fids} 都对应{township}。</translation>
    </message>
    <message>
        <location filename="../core/plan/tagging.py" line="257" />
        <source>features {fids}</source>
        <translation>要素 {fids}</translation>
    </message>
    <message>
        <location filename="../core/plan/tagging.py" line="242" />
        <source>Not tagged: several features resolve to {township}. Correct the wrong name; if they are parts of one township, dissolve them or give them one code in the code field.</source>
        <translation>未标注：多个要素对应{township}。请更正错误的名称；如属同一乡镇的几个部分，请融合（Dissolve）或在代码字段中填写同一代码。</translation>
    </message>
    <message>
        <location filename="../core/plan/tagging.py" line="252" />
        <source>Tagged: an alias listed in the catalogue.</source>
        <translation>已标注：规划目录中列出的别名。</translation>
    </message>
    <message>
        <location filename="../core/plan/tagging.py" line="254" />
        <source>Tagged: the name differs from the plan's only in suffix, spaces or character width.</source>
        <translation>已标注：名称与规划仅在后缀、空格或全半角上不同。</translation>
    </message>
    <message>
        <location filename="../core/plan/tagging.py" line="257" />
        <source>Tagged: the features share code {code}, read as parts of one township.</source>
        <translation>已标注：这些要素代码同为 {code}，视为同一乡镇的几个部分。</translation>
    </message>
    <message>
        <location filename="../core/plan/tagging.py" line="271" />
        <source>Tagged {field} with every reading: the plan contradicts itself. Decide which applies and edit the field.</source>
        <translation>{field} 已写入全部表述：规划前后矛盾。请判断适用哪一种并编辑该字段。</translation>
    </message>
    <message>
        <location filename="../core/plan/tagging.py" line="279" />
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
        <location filename="../gui/tag_tab.py" line="192" />
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
        <location filename="../gui/layout_actions.py" line="24" />
        <source>Thematic map: {title}</source>
        <translation>专题图：{title}</translation>
    </message>
    <message>
        <location filename="../gui/session.py" line="65" />
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="59" />
        <source>Township layer</source>
        <translation>乡镇图层</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="60" />
        <source>Name field</source>
        <translation>名称字段</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="82" />
        <source>Tagging</source>
        <translation>标注</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="83" />
        <source>Checks</source>
        <translation>校核</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="84" />
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="85" />
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../gui/session.py" line="83" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../gui/session.py" line="86" />
        <source>Choose a plan catalogue and the township layer.</source>
        <translation>请选择规划目录和乡镇图层。</translation>
    </message>
    <message>
        <location filename="../gui/tag_tab.py" line="48" />
        <source>Save the tagged layer as</source>
        <translation>标注结果保存为</translation>
    </message>
    <message>
        <location filename="../gui/tag_tab.py" line="53" />
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../gui/tag_tab.py" line="54" />
        <source>[temporary layer]</source>
        <translation>[临时图层]</translation>
    </message>
    <message>
        <location filename="../gui/tag_tab.py" line="55" />
        <source>A GeoPackage keeps the roles you edit by hand; a temporary layer is lost when QGIS closes.</source>
        <translation>保存为 GeoPackage 可保留手工编辑的角色；临时图层在关闭 QGIS 后会丢失。</translation>
    </message>
    <message>
        <location filename="../gui/tag_tab.py" line="61" />
        <source>Match report: run tagging first.</source>
        <translation>匹配报告：请先运行标注。</translation>
    </message>
    <message>
        <location filename="../gui/tag_tab.py" line="67" />
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../gui/tag_tab.py" line="72" />
        <source>Double-click a row to zoom the map to the feature.</source>
        <translation>双击一行可将地图缩放至该要素。</translation>
    </message>
    <message>
        <location filename="../gui/tag_tab.py" line="76" />
        <source>Fix the selected name…</source>
        <translation>修正所选名称…</translation>
    </message>
    <message>
        <location filename="../gui/tag_tab.py" line="77" />
        <source>Change the name in the township layer (undoable, in its edit session), then run tagging again.</source>
        <translation>在乡镇图层中修改名称（在编辑会话中进行，可撤销），然后重新运行标注。</translation>
    </message>
    <message>
        <location filename="../gui/tag_tab.py" line="81" />
        <source>Edit roles by hand…</source>
        <translation>手工编辑角色…</translation>
    </message>
    <message>
        <location filename="../gui/tag_tab.py" line="82" />
        <source>Open the tagged layer's attribute table: its plan fields offer the catalogue's values.</source>
        <translation>打开标注结果图层的属性表：其规划字段提供规划目录中的取值。</translation>
    </message>
    <message>
        <location filename="../gui/checks_tab.py" line="124" />
        <source>Built-up layer</source>
        <translation>建成区图层</translation>
    </message>
    <message>
        <location filename="../gui/checks_tab.py" line="86" />
        <source>Check built-up area</source>
        <translation>校核建成区面积</translation>
    </message>
    <message>
        <location filename="../gui/checks_tab.py" line="96" />
        <source>Area served (城区 / built-up)</source>
        <translation>服务范围（城区 / 建成区）</translation>
    </message>
    <message>
        <location filename="../gui/checks_tab.py" line="98" />
        <source>Empty: straight-line distance. A road or footpath layer: distance along it.</source>
        <translation>留空：按直线距离。选择道路或步行路径图层：按沿路网距离。</translation>
    </message>
    <message>
        <location filename="../gui/checks_tab.py" line="99" />
        <source>Walking network (optional)</source>
        <translation>步行路网（可选）</translation>
    </message>
    <message>
        <location filename="../gui/checks_tab.py" line="101" />
        <source>Empty: coverage by area. A population raster: coverage by population.</source>
        <translation>留空：按面积计算覆盖率。选择人口栅格：按人口计算覆盖率。</translation>
    </message>
    <message>
        <location filename="../gui/checks_tab.py" line="102" />
        <source>Population raster (optional)</source>
        <translation>人口栅格（可选）</translation>
    </message>
    <message>
        <location filename="../gui/checks_tab.py" line="107" />
        <source>Radius</source>
        <translation>半径</translation>
    </message>
    <message>
        <location filename="../gui/checks_tab.py" line="110" />
        <source>Check bus-stop coverage</source>
        <translation>校核公交站点覆盖率</translation>
    </message>
    <message>
        <location filename="../gui/maps_tab.py" line="71" />
        <source>Control lines</source>
        <translation>三条控制线</translation>
    </message>
    <message>
        <location filename="../gui/checks_tab.py" line="125" />
        <source>Check control lines</source>
        <translation>校核三条控制线</translation>
    </message>
    <message>
        <location filename="../gui/results_tab.py" line="67" />
        <source>Click a row to zoom the map to the township.</source>
        <translation>单击一行可将地图缩放至该乡镇。</translation>
    </message>
    <message>
        <location filename="../gui/results_tab.py" line="70" />
        <source>Clear results</source>
        <translation>清空结果</translation>
    </message>
    <message>
        <location filename="../gui/maps_tab.py" line="41" />
        <source>Layer to map</source>
        <translation>制图图层</translation>
    </message>
    <message>
        <location filename="../gui/maps_tab.py" line="71" />
        <source>Built-up check</source>
        <translation>建成区校核</translation>
    </message>
    <message>
        <location filename="../gui/maps_tab.py" line="50" />
        <source>Title (optional)</source>
        <translation>标题（可选）</translation>
    </message>
    <message>
        <location filename="../gui/maps_tab.py" line="51" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../gui/maps_tab.py" line="54" />
        <source>PDF (*.pdf);;PNG image (*.png);;SVG (*.svg)</source>
        <translation>PDF (*.pdf);;PNG 图片 (*.png);;SVG (*.svg)</translation>
    </message>
    <message>
        <location filename="../gui/maps_tab.py" line="55" />
        <source>Save as</source>
        <translation>保存为</translation>
    </message>
    <message>
        <location filename="../gui/maps_tab.py" line="111" />
        <source>Export map</source>
        <translation>导出专题图</translation>
    </message>
    <message>
        <location filename="../gui/session.py" line="113" />
        <source>Plan catalogue (*.yaml *.yml)</source>
        <translation>规划目录 (*.yaml *.yml)</translation>
    </message>
    <message>
        <location filename="../gui/checks_tab.py" line="155" />
        <source>No target (measure only)</source>
        <translation>不设指标（仅量算）</translation>
    </message>
    <message>
        <location filename="../gui/session.py" line="312" />
        <source>Another run is under way: wait for it or cancel it.</source>
        <translation>另一项运行尚未结束：请等待或取消。</translation>
    </message>
    <message>
        <location filename="../gui/session.py" line="315" />
        <source>The algorithm {id} is not available: check that the plugin's Processing provider is enabled (Processing &gt; Toolbox).</source>
        <translation>算法 {id} 不可用：请检查插件的处理提供程序是否已启用（处理 &gt; 工具箱）。</translation>
    </message>
    <message>
        <location filename="../gui/session.py" line="331" />
        <source>{task}: running…</source>
        <translation>{task}：运行中…</translation>
    </message>
    <message>
        <location filename="../gui/session.py" line="337" />
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../gui/session.py" line="356" />
        <source>{task}: done.</source>
        <translation>{task}：已完成。</translation>
    </message>
    <message>
        <location filename="../gui/session.py" line="362" />
        <source>{task}: the results could not be shown: {error}</source>
        <translation>{task}：无法显示结果：{error}</translation>
    </message>
    <message>
        <location filename="../gui/session.py" line="366" />
        <source>{task}: cancelled; nothing was added to the project.</source>
        <translation>{task}：已取消，未向项目添加任何内容。</translation>
    </message>
    <message>
        <location filename="../gui/session.py" line="370" />
        <source>{task} failed: {error}</source>
        <translation>{task} 失败：{error}</translation>
    </message>
    <message>
        <location filename="../gui/session.py" line="198" />
        <source>Choose the township layer and its name field first.</source>
        <translation>请先选择乡镇图层及其名称字段。</translation>
    </message>
    <message>
        <location filename="../gui/tag_tab.py" line="98" />
        <source>{layer} (plan roles)</source>
        <translation>{layer}（规划角色）</translation>
    </message>
    <message>
        <location filename="../gui/tag_tab.py" line="99" />
        <source>{layer} match report</source>
        <translation>{layer} 匹配报告</translation>
    </message>
    <message>
        <location filename="../gui/tag_tab.py" line="106" />
        <source>Tag townships</source>
        <translation>标注乡镇</translation>
    </message>
    <message>
        <location filename="../gui/tag_tab.py" line="125" />
        <source>Matched {MATCHED}, unmatched {UNMATCHED}, ambiguous {AMBIGUOUS}; plan townships missing from the layer: {MISSING}.</source>
        <translation>已匹配 {MATCHED}，未匹配 {UNMATCHED}，有歧义 {AMBIGUOUS}；图层中缺少的规划乡镇：{MISSING}。</translation>
    </message>
    <message>
        <location filename="../gui/tag_tab.py" line="130" />
        <source>The tagged layer is temporary: to keep roles edited by hand, choose a GeoPackage under "Save the tagged layer as" (or use Make Permanent on the layer).</source>
        <translation>标注结果为临时图层：如需保留手工编辑的角色，请在“标注结果保存为”中选择 GeoPackage（或对该图层使用“转为永久图层”）。</translation>
    </message>
    <message>
        <location filename="../gui/tag_tab.py" line="171" />
        <source>{layer}: feature {fid} renamed to '{name}' (undo with Ctrl+Z; save the layer's edits to keep it). Run tagging again.</source>
        <translation>{layer}：要素 {fid} 已更名为“{name}”（可用 Ctrl+Z 撤销；保存图层编辑以保留修改）。请重新运行标注。</translation>
    </message>
    <message>
        <location filename="../gui/tag_tab.py" line="183" />
        <source>Select a row of the match report that names a feature of the layer.</source>
        <translation>请在匹配报告中选择一行指向图层要素的记录。</translation>
    </message>
    <message>
        <location filename="../gui/tag_tab.py" line="192" />
        <source>New name for '{name}' (feature {fid}):</source>
        <translation>“{name}”（要素 {fid}）的新名称：</translation>
    </message>
    <message>
        <location filename="../gui/tag_tab.py" line="222" />
        <source>Run tagging first: the roles are edited on its output layer.</source>
        <translation>请先运行标注：角色在其输出图层上编辑。</translation>
    </message>
    <message>
        <location filename="../gui/checks_tab.py" line="173" />
        <source>Choose the built-up layer.</source>
        <translation>请选择建成区图层。</translation>
    </message>
    <message>
        <location filename="../gui/checks_tab.py" line="188" />
        <source>Choose the bus-stop layer and the area served.</source>
        <translation>请选择公交站点图层和服务范围。</translation>
    </message>
    <message>
        <location filename="../gui/checks_tab.py" line="192" />
        <source>Bus-stop service area</source>
        <translation>公交站点服务范围</translation>
    </message>
    <message>
        <location filename="../gui/checks_tab.py" line="193" />
        <source>Uncovered areas (bus stops)</source>
        <translation>公交站点未覆盖区域</translation>
    </message>
    <message>
        <location filename="../gui/checks_tab.py" line="194" />
        <source>Coverage table</source>
        <translation>覆盖率统计表</translation>
    </message>
    <message>
        <location filename="../gui/checks_tab.py" line="215" />
        <source>Choose at least one control-line layer.</source>
        <translation>请至少选择一个控制线图层。</translation>
    </message>
    <message>
        <location filename="../gui/checks_tab.py" line="223" />
        <source>Control-line overlaps</source>
        <translation>控制线冲突（重叠）</translation>
    </message>
    <message>
        <location filename="../gui/checks_tab.py" line="223" />
        <source>Control-line summary</source>
        <translation>三条控制线汇总</translation>
    </message>
    <message>
        <location filename="../gui/checks_tab.py" line="260" />
        <source>Whole area checked</source>
        <translation>校核范围合计</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="111" />
        <source>{task}: done. &lt;a href="{url}"&gt;Open the report&lt;/a&gt;</source>
        <translation>{task}：已完成。&lt;a href="{url}"&gt;打开报告&lt;/a&gt;</translation>
    </message>
    <message>
        <location filename="../gui/maps_tab.py" line="117" />
        <source>Choose the layer to map (a tagged layer or a check's output).</source>
        <translation>请选择制图图层（标注结果或校核输出）。</translation>
    </message>
    <message>
        <location filename="../gui/maps_tab.py" line="120" />
        <source>Choose where to save the map (.pdf, .png or .svg).</source>
        <translation>请选择专题图的保存位置（.pdf、.png 或 .svg）。</translation>
    </message>
    <message>
        <location filename="../gui/maps_tab.py" line="108" />
        <source>Map saved: &lt;a href="{url}"&gt;{path}&lt;/a&gt;</source>
        <translation>专题图已保存：&lt;a href="{url}"&gt;{path}&lt;/a&gt;</translation>
    </message>
    <message>
        <location filename="../gui/tag_tab.py" line="231" />
        <source>exact match</source>
        <translation>完全匹配</translation>
    </message>
    <message>
        <location filename="../gui/tag_tab.py" line="231" />
        <source>matched after normalising</source>
        <translation>规范化后匹配</translation>
    </message>
    <message>
        <location filename="../gui/tag_tab.py" line="231" />
        <source>matched by alias</source>
        <translation>按别名匹配</translation>
    </message>
    <message>
        <location filename="../gui/tag_tab.py" line="232" />
        <source>ambiguous</source>
        <translation>有歧义</translation>
    </message>
    <message>
        <location filename="../gui/tag_tab.py" line="232" />
        <source>unmatched</source>
        <translation>未匹配</translation>
    </message>
    <message>
        <location filename="../gui/tag_tab.py" line="232" />
        <source>duplicate</source>
        <translation>重复</translation>
    </message>
    <message>
        <location filename="../gui/tag_tab.py" line="233" />
        <source>parts of one township</source>
        <translation>同一乡镇的多个部分</translation>
    </message>
    <message>
        <location filename="../gui/tag_tab.py" line="233" />
        <source>missing from the layer</source>
        <translation>图层中缺少</translation>
    </message>
    <message>
        <location filename="../gui/tag_tab.py" line="234" />
        <source>other jurisdiction</source>
        <translation>其他辖区</translation>
    </message>
    <message>
        <location filename="../gui/tag_tab.py" line="234" />
        <source>plan contradicts itself</source>
        <translation>规划表述矛盾</translation>
    </message>
    <message>
        <location filename="../gui/tasks.py" line="199" />
        <source>The algorithm stopped without a message; see the Processing log.</source>
        <translation>算法停止但未给出信息；请查看处理日志。</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="40" />
        <source>&amp;Chongqing plan checks</source>
        <translation>重庆规划校核(&amp;C)</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="438" />
        <source>Served area (km²)</source>
        <translation>服务区域（平方千米）</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="438" />
        <source>Covered (km²)</source>
        <translation>已覆盖（平方千米）</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="439" />
        <source>Coverage by area (%)</source>
        <translation>按面积覆盖率（%）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="211" />
        <source>Population served</source>
        <translation>服务区域人口</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="211" />
        <source>Population covered</source>
        <translation>覆盖人口</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="440" />
        <source>Coverage by population (%)</source>
        <translation>按人口覆盖率（%）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="212" />
        <source>Measured (%)</source>
        <translation>实测值（%）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="212" />
        <source>Target (%)</source>
        <translation>目标值（%）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="212" />
        <source>Met</source>
        <translation>达标</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="56" />
        <source>Thematic map of the active layer in the layout designer</source>
        <translation>在布局设计器中打开当前图层的专题图</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="108" />
        <source>Select a tagged township layer or a check's output layer first.</source>
        <translation>请先选中已标注的乡镇图层或校核结果图层。</translation>
    </message>
    <message>
        <location filename="../core/checks/targets.py" line="66" />
        <source>Choose a catalogue or a catalogue file, or type the target value.</source>
        <translation>请选择规划目录或目录文件，或直接输入指标值。</translation>
    </message>
    <message>
        <location filename="../core/checks/targets.py" line="80" />
        <source>Its {indicator} targets are: {known}. Or type a target value.</source>
        <translation>其中的 {indicator} 指标有：{known}。也可直接输入指标值。</translation>
    </message>
    <message>
        <location filename="../core/checks/targets.py" line="80" />
        <source>Target '{id}' of '{catalogue}' is {label} in {unit}, not {indicator} in {wanted}.</source>
        <translation>“{catalogue}”中的指标“{id}”是{label}（单位 {unit}），不是以 {wanted} 计的 {indicator}。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_facility_coverage.py" line="128" />
        <source>Or population points (buildings, address points)</source>
        <translation>或人口点（建筑、门牌地址点）</translation>
    </message>
    <message>
        <location filename="../gui/plan_tab.py" line="170" />
        <source>Persons field of the population points</source>
        <translation>人口点的人数字段</translation>
    </message>
    <message>
        <location filename="../core/checks/coverage.py" line="472" />
        <source>Population points</source>
        <translation>人口点</translation>
    </message>
    <message>
        <location filename="../core/checks/coverage.py" line="477" />
        <source>Population: field {field} of {layer}, each point counted where it stands.</source>
        <translation>人口：{layer} 的字段 {field}，每个点按其所在位置计入。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="61" />
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
        <location filename="../core/checks/coverage.py" line="464" />
        <source>The population raster '{raster}' has data under only {share:.1f}% of the served area (the rest lies outside the raster or on nodata cells): the population figures count that part only. Use a raster covering the whole served area.</source>
        <translation>人口栅格“{raster}”仅覆盖服务区域的 {share:.1f}%（其余部分位于栅格范围之外或为无数据像元）：人口数字只统计了这一部分。请使用覆盖整个服务区域的栅格。</translation>
    </message>
    <message>
        <location filename="../core/checks/coverage.py" line="264" />
        <source>population raster '{layer}'</source>
        <translation>人口栅格“{layer}”</translation>
    </message>
    <message>
        <location filename="../core/checks/coverage.py" line="264" />
        <source>population points '{layer}' (field {field})</source>
        <translation>人口点“{layer}”（字段 {field}）</translation>
    </message>
    <message>
        <location filename="../core/checks/coverage.py" line="264" />
        <source>population field '{field}' of '{layer}'</source>
        <translation>“{layer}”的人口字段“{field}”</translation>
    </message>
    <message>
        <location filename="../core/checks/coverage.py" line="269" />
        <source>The {source} gives no person in the served area: a population coverage cannot be computed.</source>
        <translation>{source}在服务区域内人口为零：无法计算人口覆盖率。</translation>
    </message>
    <message>
        <location filename="../core/checks/coverage.py" line="269" />
        <source>Check that the population data belong to this place and hold persons, or measure by area.</source>
        <translation>请检查人口数据是否属于该地区且含有人口数，或改按面积计算。</translation>
    </message>
    <message>
        <location filename="../algorithms/convert_web_coordinates.py" line="36" />
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
        <location filename="../algorithms/convert_web_coordinates.py" line="136" />
        <source>{layer}: {n} features lie outside mainland China (abroad, or in Hong Kong, Macau or Taiwan), where the web maps apply no shift: copied unchanged (feature ids {ids}).</source>
        <translation>{layer}：{n} 个要素位于中国大陆以外（境外，或香港、澳门、台湾），网络地图在这些地方不做偏移：原样复制（要素编号 {ids}）。</translation>
    </message>
    <message>
        <location filename="../algorithms/convert_web_coordinates.py" line="141" />
        <source>{layer}: {n} features lie within about {km:g} km of the edge of mainland China as this tool draws it (a coarse outline; feature ids {ids}): those inside were converted, those outside left as they were. Check them against a map of the border.</source>
        <translation>{layer}：{n} 个要素距本工具所用的中国大陆轮廓边缘约 {km:g} 千米以内（轮廓较粗略；要素编号 {ids}）：轮廓内的已转换，轮廓外的保持不变。请对照边界地图检查。</translation>
    </message>
    <message>
        <location filename="../core/geo/inputs.py" line="93" />
        <source>area {before:.4f} km² before (outer rings less holes), {after:.4f} km² once repaired</source>
        <translation>修复前面积 {before:.4f} 平方千米（外环减去内洞），修复后 {after:.4f} 平方千米</translation>
    </message>
    <message>
        <location filename="../core/geo/inputs.py" line="96" />
        <source>{layer}, feature {fid}: {what}{sep}{change}.</source>
        <translation>{layer}，要素 {fid}：{what}{sep}{change}。</translation>
    </message>
    <message>
        <location filename="../core/geo/inputs.py" line="99" />
        <source>{layer}: {n} more repaired features not listed.</source>
        <translation>{layer}：另有 {n} 个已修复的要素未列出。</translation>
    </message>
    <message>
        <location filename="../core/geo/inputs.py" line="102" />
        <source>{layer}: {n} geometry collections read as their {kind} parts, other parts ignored (feature ids {ids}).</source>
        <translation>{layer}：{n} 个几何集合按其中的{kind}部分读取，其他部分忽略（要素编号 {ids}）。</translation>
    </message>
    <message>
        <location filename="../core/geo/inputs.py" line="284" />
        <source>a coordinate is not a finite number</source>
        <translation>有坐标不是有限数值</translation>
    </message>
    <message>
        <location filename="../core/geo/inputs.py" line="157" />
        <source>a coordinate is absurdly far from the CRS's origin ({x:g}, {y:g})</source>
        <translation>有坐标离坐标系原点远得不合常理（{x:g}, {y:g}）</translation>
    </message>
    <message>
        <location filename="../core/geo/inputs.py" line="172" />
        <source>the point ({x:g}, {y:g}) cannot be converted to longitude/latitude</source>
        <translation>点（{x:g}, {y:g}）无法换算为经纬度</translation>
    </message>
    <message>
        <location filename="../core/geo/inputs.py" line="182" />
        <source>Layer '{layer}', feature {fids}</source>
        <translation>图层“{layer}”，要素 {fids}</translation>
    </message>
    <message>
        <location filename="../core/geo/inputs.py" line="182" />
        <source>Layer '{layer}', features {fids}</source>
        <translation>图层“{layer}”，要素 {fids}</translation>
    </message>
    <message>
        <location filename="../core/geo/inputs.py" line="185" />
        <source>{where}: {problem} in the layer's coordinate reference system {crs}: such coordinates are no place on Earth, and every area and share would be wrong.</source>
        <translation>{where}：在图层坐标系 {crs} 中{problem}：这样的坐标不在地球上任何地方，所有面积和比例都会出错。</translation>
    </message>
    <message>
        <location filename="../core/geo/inputs.py" line="185" />
        <source>Correct or delete the vertex (Vertex Tool, or Processing &gt; Check validity), or set the CRS the coordinates are really in (Layer Properties &gt; Source).</source>
        <translation>请修正或删除该节点（节点工具，或 处理 &gt; 检查有效性），或设置坐标实际所用的坐标系（图层属性 &gt; 源）。</translation>
    </message>
    <message>
        <location filename="../core/geo/inputs.py" line="276" />
        <source>polygon</source>
        <translation>面</translation>
    </message>
    <message>
        <location filename="../core/geo/inputs.py" line="276" />
        <source>line</source>
        <translation>线</translation>
    </message>
    <message>
        <location filename="../core/geo/inputs.py" line="277" />
        <source>point</source>
        <translation>点</translation>
    </message>
    <message>
        <location filename="../core/geo/inputs.py" line="289" />
        <source>: nothing of it is left</source>
        <translation>：修复后什么也没有剩下</translation>
    </message>
    <message>
        <location filename="../core/geo/inputs.py" line="302" />
        <source>feature {fid} of layer '{layer}' was left in degrees</source>
        <translation>图层“{layer}”的要素 {fid} 仍为经纬度（度）</translation>
    </message>
    <message>
        <location filename="../core/geo/repair.py" line="39" />
        <source>overlapping or touching parts merged</source>
        <translation>重叠或相接的部分已合并</translation>
    </message>
    <message>
        <location filename="../core/geo/repair.py" line="54" />
        <source>self-intersections resolved</source>
        <translation>自相交已消除</translation>
    </message>
    <message>
        <location filename="../core/geo/repair.py" line="63" />
        <source>{n} hole(s) lying outside its outer ring ignored (they cover none of its land; a plain repair would have made them land)</source>
        <translation>{n} 个位于外环之外的内洞已忽略（它们不覆盖该要素的任何用地；简单修复会把它们变成用地）</translation>
    </message>
    <message>
        <location filename="../core/geo/repair.py" line="66" />
        <source>{n} hole(s) reaching beyond its outer ring cut to the ring</source>
        <translation>{n} 个超出外环的内洞已裁剪到外环以内</translation>
    </message>
    <message>
        <location filename="../core/geo/repair.py" line="72" />
        <source>holes touching or crossing its outer ring or each other resolved, each hole kept as a hole</source>
        <translation>与外环或彼此相接、相交的内洞已处理，每个内洞仍保留为内洞</translation>
    </message>
    <message>
        <location filename="../core/files/outputs.py" line="117" />
        <source>The outputs '{first}' and '{second}' are the same file ({path}): the second would replace the first.</source>
        <translation>输出“{first}”和“{second}”是同一个文件（{path}）：后者会覆盖前者。</translation>
    </message>
    <message>
        <location filename="../core/files/outputs.py" line="117" />
        <source>Give each output a file of its own.</source>
        <translation>请为每个输出指定各自的文件。</translation>
    </message>
    <message>
        <location filename="../core/files/outputs.py" line="128" />
        <source>The folder of output '{output}' cannot be written to: {folder}.</source>
        <translation>输出“{output}”所在文件夹不可写：{folder}。</translation>
    </message>
    <message>
        <location filename="../core/files/outputs.py" line="128" />
        <source>Choose a folder you may write to, or ask for write access to this one.</source>
        <translation>请另选有写入权限的文件夹，或申请该文件夹的写入权限。</translation>
    </message>
    <message>
        <location filename="../core/files/outputs.py" line="257" />
        <source>nothing readable</source>
        <translation>无法读取的内容</translation>
    </message>
    <message>
        <location filename="../core/files/outputs.py" line="258" />
        <source>Output '{output}' was not written completely: {expected} features were meant for {path}, the file holds {found}. The previous file was left as it was.</source>
        <translation>输出“{output}”未完整写入：应向 {path} 写入 {expected} 个要素，文件中只有 {found}。原有文件保持不变。</translation>
    </message>
    <message>
        <location filename="../core/files/outputs.py" line="258" />
        <source>Check the free space and that the folder {folder} can be written to, then run again.</source>
        <translation>请检查磁盘剩余空间以及文件夹 {folder} 是否可写，然后重新运行。</translation>
    </message>
    <message>
        <location filename="../core/files/outputs.py" line="335" />
        <source>Output '{output}': a feature could not be written ({error}). The previous output was left as it was.</source>
        <translation>输出“{output}”：有要素未能写入（{error}）。原有输出保持不变。</translation>
    </message>
    <message>
        <location filename="../core/files/outputs.py" line="335" />
        <source>no reason given</source>
        <translation>未给出原因</translation>
    </message>
    <message>
        <location filename="../core/files/outputs.py" line="335" />
        <source>Check the free space, the folder's permissions or the database connection, then run again.</source>
        <translation>请检查磁盘剩余空间、文件夹权限或数据库连接，然后重新运行。</translation>
    </message>
    <message>
        <location filename="../core/geo/population.py" line="125" />
        <source>{n} {kind}</source>
        <translation>{n} 个{kind}</translation>
    </message>
    <message>
        <location filename="../core/geo/population.py" line="127" />
        <source>The population raster '{layer}' (POPULATION_RASTER) holds cells in the served area that are no population: {wrong} (nodata value: {nodata}).</source>
        <translation>人口栅格“{layer}”（POPULATION_RASTER）在服务区域内有不是人口数的像元：{wrong}（无数据值：{nodata}）。</translation>
    </message>
    <message>
        <location filename="../core/geo/population.py" line="127" />
        <source>Correct those cells (Raster Calculator), or, if they mean 'no data', declare that value as the raster's nodata value (Layer Properties &gt; Transparency, or gdal_edit.py -a_nodata).</source>
        <translation>请修正这些像元（栅格计算器）；若它们表示“无数据”，请将该值设为栅格的无数据值（图层属性 &gt; 透明度，或 gdal_edit.py -a_nodata）。</translation>
    </message>
    <message>
        <location filename="../core/geo/population.py" line="137" />
        <source>only nodata cells lie under it</source>
        <translation>其下只有无数据像元</translation>
    </message>
    <message>
        <location filename="../core/geo/population.py" line="137" />
        <source>the raster lies elsewhere or its cells are too coarse to have a centre in it</source>
        <translation>栅格位于别处，或其像元过粗、没有像元中心落在其中</translation>
    </message>
    <message>
        <location filename="../core/geo/population.py" line="139" />
        <source>The population raster '{layer}' (POPULATION_RASTER) does not cover the served area: {where}, so every population figure would be 0.</source>
        <translation>人口栅格“{layer}”（POPULATION_RASTER）未覆盖服务区域：{where}，所有人口数字都将为 0。</translation>
    </message>
    <message>
        <location filename="../core/geo/population.py" line="139" />
        <source>Choose a population raster of this place (check its extent and CRS), or measure by area.</source>
        <translation>请选择该地区的人口栅格（检查其范围和坐标系），或改按面积计算。</translation>
    </message>
    <message>
        <location filename="../core/geo/population.py" line="170" />
        <source>Layer '{layer}', feature {fid}: population field '{field}' is {value}, not a number of persons.</source>
        <translation>图层“{layer}”，要素 {fid}：人口字段“{field}”为 {value}，不是人数。</translation>
    </message>
    <message>
        <location filename="../core/geo/population.py" line="170" />
        <source>Correct the value (a count of persons), or leave it empty where it is unknown.</source>
        <translation>请修正该值（人数），未知时留空。</translation>
    </message>
    <message>
        <location filename="../core/geo/transforms.py" line="111" />
        <source>QGIS could not set up the coordinate transformation from {source} to {destination} in this session ({why}): the run was stopped rather than report a figure computed in the wrong coordinates.</source>
        <translation>本次 QGIS 会话未能建立从 {source} 到 {destination} 的坐标转换（{why}）：为免按错误坐标得出数字，运行已停止。</translation>
    </message>
    <message>
        <location filename="../core/geo/transforms.py" line="111" />
        <source>Run it again; if this message comes back, save the project and restart QGIS. Please report it with the Processing log, naming your QGIS version.</source>
        <translation>请重新运行；如仍出现此提示，请保存工程并重启 QGIS，并附上处理日志和 QGIS 版本号反馈此问题。</translation>
    </message>
    <message>
        <location filename="../core/geo/transforms.py" line="154" />
        <source>its coordinate system lost its PROJ definition</source>
        <translation>其坐标系已丢失 PROJ 定义</translation>
    </message>
    <message>
        <location filename="../core/geo/transforms.py" line="159" />
        <source>QGIS reports the transformation as invalid</source>
        <translation>QGIS 报告该转换无效</translation>
    </message>
    <message>
        <location filename="../core/geo/transforms.py" line="177" />
        <source>it leaves coordinates unchanged</source>
        <translation>转换后坐标没有变化</translation>
    </message>
    <message>
        <location filename="../core/geo/inputs.py" line="436" />
        <source>Layer '{layer}': only {read} of its {total} features could be read; the reading stopped early (the database connection was lost, or the file is damaged). Nothing was computed from the part read, and no output was replaced.</source>
        <translation>图层“{layer}”：{total} 个要素中只读到 {read} 个，读取提前中断（数据库连接断开或文件损坏）。未用已读部分计算任何结果，也未替换任何输出。</translation>
    </message>
    <message>
        <location filename="../core/geo/inputs.py" line="436" />
        <source>Check the database server or the file, then run again.</source>
        <translation>请检查数据库服务器或文件，然后重新运行。</translation>
    </message>
    <message>
        <location filename="../core/files/outputs.py" line="138" />
        <source>The output '{output}' is the input layer '{input}' (table {table}).</source>
        <translation>输出“{output}”就是输入图层“{input}”（数据表 {table}）。</translation>
    </message>
    <message>
        <location filename="../core/files/outputs.py" line="138" />
        <source>Choose another table for the output: the input is never overwritten.</source>
        <translation>请为输出另选数据表：输入永远不会被覆盖。</translation>
    </message>
    <message>
        <location filename="../core/files/outputs.py" line="215" />
        <source>Output '{output}' was not written completely: {expected} features were meant for table {table}, the database holds {found}. The previous table was left as it was.</source>
        <translation>输出“{output}”未完整写入：应向数据表 {table} 写入 {expected} 个要素，数据库中只有 {found}。原有数据表保持不变。</translation>
    </message>
    <message>
        <location filename="../core/files/outputs.py" line="412" />
        <source>Check the database server and your rights on the schema, then run again.</source>
        <translation>请检查数据库服务器以及您对该模式（schema）的权限，然后重新运行。</translation>
    </message>
    <message>
        <location filename="../core/files/outputs.py" line="412" />
        <source>The finished table could not replace {table} ({error}); the previous table was left as it was.</source>
        <translation>已完成的数据表未能替换 {table}（{error}）；原有数据表保持不变。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="195" />
        <source>{flagged} of {checked} flagged</source>
        <translation>{checked} 个中 {flagged} 个不符合</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="197" />
        <source>Control-line check</source>
        <translation>三线校核</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="129" />
        <source>Coverage check</source>
        <translation>公交覆盖率校核</translation>
    </message>
    <message>
        <location filename="../core/checks/land_share.py" line="210" />
        <source>townships</source>
        <translation>个乡镇</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="125" />
        <source>Built-up share {low:g}–{high:g} %</source>
        <translation>建成区占比 {low:g}–{high:g} %</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="130" />
        <source>Outside the target's scope</source>
        <translation>不在目标范围内</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="135" />
        <source>No built-up figure</source>
        <translation>无建成区数据</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="404" />
        <source>Consistent with its plan zone</source>
        <translation>符合主体功能分区</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="141" />
        <source>Zone not checked</source>
        <translation>未校核功能分区</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="179" />
        <source>Overlap: {a} × {b}</source>
        <translation>重叠：{a} × {b}</translation>
    </message>
    <message>
        <location filename="../core/checks/population_places.py" line="113" />
        <source>points</source>
        <translation>点</translation>
    </message>
    <message>
        <location filename="../core/checks/population_places.py" line="113" />
        <source>lines</source>
        <translation>线</translation>
    </message>
    <message>
        <location filename="../core/checks/population_places.py" line="113" />
        <source>polygons</source>
        <translation>面</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="280" />
        <source>Parameter {parameter}: layer '{layer}' holds {found}, but {description} must be {wanted}.</source>
        <translation>参数 {parameter}：图层“{layer}”是{found}图层，而“{description}”须为{wanted}图层。</translation>
    </message>
    <message>
        <location filename="../core/checks/plan_check.py" line="357" />
        <source> or </source>
        <translation>或</translation>
    </message>
    <message>
        <location filename="../core/checks/population_places.py" line="115" />
        <source>Choose a layer of {wanted} for {parameter}.</source>
        <translation>请为 {parameter} 选择{wanted}图层。</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="351" />
        <source>Parameter {parameter}: {path} holds {n} layers ({layers}) and none was named; the first, '{first}', is read. To read another, name it: {path}|layername=…</source>
        <translation>参数 {parameter}：{path} 中有 {n} 个图层（{layers}），未指定图层名，已读取第一个“{first}”。如需读取其他图层，请写明：{path}|layername=…</translation>
    </message>
    <message>
        <location filename="../core/checks/coverage.py" line="485" />
        <source>{layer}: {n} served polygons have no population in field '{field}' (feature ids {ids}); they count in the area but not in the population coverage.</source>
        <translation>{layer}：{n} 个服务范围面在字段“{field}”中没有人口（要素编号 {ids}）；它们计入面积，但不计入人口覆盖率。</translation>
    </message>
    <message>
        <location filename="../algorithms/tag_townships.py" line="228" />
        <source>{layer}: its own fields with the names tagging writes are kept under new names ({fields}); the plan's values are written under the names.</source>
        <translation>{layer}：图层自带的与标注字段同名的字段已改名保留（{fields}）；规划的取值写入原字段名。</translation>
    </message>
    <message>
        <location filename="../core/files/atomic.py" line="32" />
        <source>{path} could not be written ({reason}); a previous file of that name was left as it was.</source>
        <translation>无法写入 {path}（{reason}）；同名的原有文件保持不变。</translation>
    </message>
    <message>
        <location filename="../gui/tag_tab.py" line="67" />
        <source>Plan name</source>
        <translation>规划名称</translation>
    </message>
    <message>
        <location filename="../gui/results_tab.py" line="61" />
        <source>Point at a row for the check, the gap and the reason.</source>
        <translation>将鼠标指向一行，可查看校核项、差值和原因。</translation>
    </message>
    <message>
        <location filename="../gui/tag_tab.py" line="155" />
        <source>Feature id: {fid}</source>
        <translation>要素编号：{fid}</translation>
    </message>
    <message>
        <location filename="../gui/results_tab.py" line="170" />
        <source>{n} townships</source>
        <translation>{n} 个乡镇</translation>
    </message>
    <message>
        <location filename="../gui/results_tab.py" line="179" />
        <source>Measured: {value}</source>
        <translation>实测值：{value}</translation>
    </message>
    <message>
        <location filename="../gui/results_tab.py" line="180" />
        <source>Target: {value}</source>
        <translation>目标值：{value}</translation>
    </message>
    <message>
        <location filename="../gui/results_tab.py" line="181" />
        <source>Gap: {value}</source>
        <translation>差值：{value}</translation>
    </message>
    <message>
        <location filename="../gui/results_tab.py" line="182" />
        <source>Result: {value}</source>
        <translation>结论：{value}</translation>
    </message>
    <message>
        <location filename="../gui/results_tab.py" line="184" />
        <source>Reason: {reason}</source>
        <translation>原因：{reason}</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="317" />
        <source>Parameter {parameter}: layer '{layer}' is stored as geometry collections (GEOMETRYCOLLECTION). Its file declares {crs}, but QGIS reads neither the coordinate system nor the extent of such a layer, so it cannot be measured.</source>
        <translation>参数 {parameter}：图层“{layer}”以几何集合（GEOMETRYCOLLECTION）存储。文件中声明的坐标系为 {crs}，但 QGIS 无法读取此类图层的坐标系和范围，因此无法量算。</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="317" />
        <source>Save it with a single geometry type first, e.g. `ogr2ogr -nlt PROMOTE_TO_MULTI -explodecollections out.gpkg in.gpkg`, or Vector &gt; Geometry Tools &gt; Multipart to Singleparts and save the result as a GeoPackage.</source>
        <translation>请先将其另存为单一几何类型，例如 `ogr2ogr -nlt PROMOTE_TO_MULTI -explodecollections out.gpkg in.gpkg`，或使用“矢量 &gt; 几何工具 &gt; 多部件转单部件”后另存为 GeoPackage。</translation>
    </message>
    <message>
        <location filename="../gui/tag_tab.py" line="67" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../gui/checks_tab.py" line="272" />
        <source>{check}: target {value}</source>
        <translation>{check}：目标 {value}</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="167" />
        <source>Measured value</source>
        <translation>实测值</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="168" />
        <source>Unit of the measured value</source>
        <translation>实测值单位</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="169" />
        <source>Target value (none without a target)</source>
        <translation>目标值（无目标时为空）</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="170" />
        <source>Gap: measured minus target</source>
        <translation>差值：实测值减目标值</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="342" />
        <source>Target met</source>
        <translation>是否达标</translation>
    </message>
    <message>
        <location filename="../core/checks/control_lines.py" line="474" />
        <source>Townships inconsistent with their plan zone</source>
        <translation>与规划分区不一致的乡镇</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="441" />
        <source>Townships checked</source>
        <translation>已校核乡镇数</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="178" />
        <source>Overlaps between control lines (km²)</source>
        <translation>控制线之间的重叠（平方公里）</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="405" />
        <source>Built-up outside the development boundary (km²)</source>
        <translation>城镇开发边界外的建成区（平方公里）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="123" />
        <source>Stops</source>
        <translation>站点数</translation>
    </message>
    <message>
        <location filename="../algorithms/check_coverage.py" line="123" />
        <source>Duplicate stops</source>
        <translation>重复站点数</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="197" />
        <source>Control-line check: {verdict}</source>
        <translation>三线校核：{verdict}</translation>
    </message>
    <message>
        <location filename="../algorithms/export_map.py" line="109" />
        <source>Check result shown under the title (empty: the one the check's output layer carries)</source>
        <translation>标题下显示的校核结论（留空：采用校核输出图层所附的结论）</translation>
    </message>
    <message>
        <location filename="../core/maps/dossier_pages.py" line="120" />
        <source>target {value}</source>
        <translation>目标 {value}</translation>
    </message>
    <message>
        <location filename="../core/maps/dossier_pages.py" line="121" />
        <source>measured {value}</source>
        <translation>实测 {value}</translation>
    </message>
    <message>
        <location filename="../core/maps/dossier_pages.py" line="123" />
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="141" />
        <source>Inconsistent with its plan zone</source>
        <translation>不符合主体功能分区</translation>
    </message>
    <message>
        <location filename="../gui/maps_tab.py" line="44" />
        <source>The catalogue's plan structures, then the checks' maps.</source>
        <translation>先列出规划目录中的规划结构，再列出各项校核的专题图。</translation>
    </message>
    <message>
        <location filename="../gui/maps_tab.py" line="128" />
        <source>The layer '{layer}' has no {structure} (field {field}): map the tagged township layer, or tag the townships first (Tagging tab).</source>
        <translation>图层“{layer}”没有“{structure}”（字段 {field}）：请选择标注后的乡镇图层制图，或先标注乡镇（“标注”页）。</translation>
    </message>
    <message>
        <location filename="../core/geo/network.py" line="73" />
        <source>{layer}: the network falls into {n} disconnected parts (the largest holds {share:.1%} of the length); {m} parts ({km:.2f} km) have no stop and are not reachable. If roads that cross are not split at the crossing (no topology), split them (Processing Toolbox &gt; Vector overlay &gt; Split with lines) and snap their ends (Processing Toolbox &gt; Vector geometry &gt; Snap geometries to layer).</source>
        <translation>{layer}：路网分为 {n} 个互不连通的部分（最大部分占总长度的 {share:.1%}）；其中 {m} 个部分（{km:.2f} 千米）没有站点，无法到达。如果相交道路在交叉处未打断（无拓扑），请将其打断（处理工具箱 &gt; 矢量叠加 &gt; 用线分割）并捕捉端点（处理工具箱 &gt; 矢量几何 &gt; 捕捉几何到图层）。</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="114" />
        <source>'{layer}' is not a polygon layer: a thematic map needs a polygon layer (the tagged townships or a check's per-township output).</source>
        <translation>“{layer}”不是面图层：专题图需要面图层（标注后的乡镇图层或校核的分乡镇输出）。</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="398" />
        <source>Name match</source>
        <translation>名称匹配方式</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="399" />
        <source>Plan note</source>
        <translation>规划说明</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="399" />
        <source>Plan citation</source>
        <translation>规划出处</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="401" />
        <source>Township area (km²)</source>
        <translation>乡镇面积（km²）</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="402" />
        <source>In the target's scope</source>
        <translation>在目标范围内</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="403" />
        <source>Area (km²)</source>
        <translation>面积（km²）</translation>
    </message>
    <message>
        <location filename="../core/checks/landuse.py" line="129" />
        <source>三调 GB/T 21010-2017: 绿地 0810 公园与绿地 (not 0810A 广场用地) — 绿地率</source>
        <translation>三调 GB/T 21010-2017：绿地 0810 公园与绿地（不含 0810A 广场用地）— 绿地率</translation>
    </message>
    <message>
        <location filename="../core/checks/landuse.py" line="129" />
        <source>三调 (GB/T 21010-2017 and the 三调 工作分类) class 0810 公园与绿地 counts as green land; 0810A 广场用地 does not (GB/T 50563-2010 counts only the green part of a square), and the 附属绿地 inside other plots is in no land-use class, so the figure is a floor of the 绿地率.</source>
        <translation>三调（GB/T 21010-2017 及三调工作分类）0810 公园与绿地计为绿地；0810A 广场用地不计（GB/T 50563-2010 只计广场用地中的绿地），其他地块内的附属绿地不单列地类，故所得为绿地率的下限。</translation>
    </message>
    <message>
        <location filename="../core/checks/landuse.py" line="136" />
        <source>用地用海 (2023): 绿地 1401 公园绿地 + 1402 防护绿地 — 绿地率</source>
        <translation>用地用海（2023）：绿地 1401 公园绿地 + 1402 防护绿地 — 绿地率</translation>
    </message>
    <message>
        <location filename="../core/checks/landuse.py" line="136" />
        <source>用地用海分类 (《国土空间调查、规划、用途管制用地用海分类指南》, 2023) classes 1401 公园绿地 and 1402 防护绿地 count as green land; 1403 广场用地 does not (GB/T 50563-2010 counts only the green part of a square), and the 附属绿地 inside other plots is in no class, so the figure is a floor of the 绿地率.</source>
        <translation>用地用海分类（《国土空间调查、规划、用途管制用地用海分类指南》，2023）1401 公园绿地和 1402 防护绿地计为绿地；1403 广场用地不计（GB/T 50563-2010 只计广场用地中的绿地），其他地块内的附属绿地不单列地类，故所得为绿地率的下限。</translation>
    </message>
    <message>
        <location filename="../core/checks/landuse.py" line="143" />
        <source>三调 GB/T 21010-2017: 森林 0301 乔木林地 + 0302 竹林地 + 0305 灌木林地 — 森林覆盖率</source>
        <translation>三调 GB/T 21010-2017：森林 0301 乔木林地 + 0302 竹林地 + 0305 灌木林地 — 森林覆盖率</translation>
    </message>
    <message>
        <location filename="../core/checks/landuse.py" line="143" />
        <source>三调 classes 0301 乔木林地, 0302 竹林地 and 0305 灌木林地 count as forest, as the national rule counts 乔木林地, 竹林地 and 国家特别规定灌木林地 (国家林业局《国家森林资源连续清查技术规定》2014; GB/T 26424-2010); 0307 其他林地 does not, and 0303/0304/0306 are 湿地 in the 三调. The land-use classes cannot tell the 特别规定 shrubs from others (all 0305 is counted), nor hold the 四旁树 and 农田林网 the rule also counts.</source>
        <translation>三调 0301 乔木林地、0302 竹林地和 0305 灌木林地计为森林，依国家规定计入乔木林地、竹林地和国家特别规定灌木林地（国家林业局《国家森林资源连续清查技术规定》2014；GB/T 26424-2010）；0307 其他林地不计，0303/0304/0306 在三调中归湿地。地类无法区分国家特别规定灌木林与其他灌木林（0305 全部计入），也不含规定同样计入的四旁树和农田林网。</translation>
    </message>
    <message>
        <location filename="../core/checks/landuse.py" line="151" />
        <source>用地用海 (2023): 森林 0301 乔木林地 + 0302 竹林地 + 0303 灌木林地 — 森林覆盖率</source>
        <translation>用地用海（2023）：森林 0301 乔木林地 + 0302 竹林地 + 0303 灌木林地 — 森林覆盖率</translation>
    </message>
    <message>
        <location filename="../core/checks/landuse.py" line="151" />
        <source>用地用海分类 (2023) classes 0301 乔木林地, 0302 竹林地 and 0303 灌木林地 count as forest, as the national rule counts 乔木林地, 竹林地 and 国家特别规定灌木林地 (国家林业局《国家森林资源连续清查技术规定》2014; GB/T 26424-2010); 0304 其他林地 does not. All 0303 is counted (the classes cannot tell the 特别规定 shrubs from others), and the 四旁树 and 农田林网 are in no class.</source>
        <translation>用地用海分类（2023）0301 乔木林地、0302 竹林地和 0303 灌木林地计为森林，依国家规定计入乔木林地、竹林地和国家特别规定灌木林地（国家林业局《国家森林资源连续清查技术规定》2014；GB/T 26424-2010）；0304 其他林地不计。0303 全部计入（地类无法区分国家特别规定灌木林与其他灌木林），四旁树和农田林网不在任何地类中。</translation>
    </message>
    <message>
        <location filename="../core/checks/population_places.py" line="67" />
        <source>A typed population gives no figure per place.</source>
        <translation>输入的人口无法给出各地的数值。</translation>
    </message>
    <message>
        <location filename="../core/checks/population_places.py" line="67" />
        <source>Give a population raster (POPULATION_RASTER), a township field (POPULATION_FIELD) or points (POPULATION_POINTS).</source>
        <translation>请给出人口栅格（POPULATION_RASTER）、乡镇人口字段（POPULATION_FIELD）或人口点（POPULATION_POINTS）。</translation>
    </message>
    <message>
        <location filename="../core/checks/population_places.py" line="71" />
        <source>Give one population source, not {n}: a raster (POPULATION_RASTER), a township field (POPULATION_FIELD), points with a persons field (POPULATION_POINTS) or a typed figure (POPULATION).</source>
        <translation>请只给出一种人口来源，而不是 {n} 种：栅格（POPULATION_RASTER）、乡镇人口字段（POPULATION_FIELD）、带人数字段的点（POPULATION_POINTS）或输入的数值（POPULATION）。</translation>
    </message>
    <message>
        <location filename="../core/checks/population_places.py" line="71" />
        <source>Choose the one the figure should come from.</source>
        <translation>请选择数值应当来自的那一个。</translation>
    </message>
    <message>
        <location filename="../core/checks/population_places.py" line="77" />
        <source>A population from a raster, a field or points needs the township layer (TOWNSHIPS): it says where the population is counted.</source>
        <translation>来自栅格、字段或点的人口需要乡镇（街道）图层（TOWNSHIPS）：由它确定人口在何处统计。</translation>
    </message>
    <message>
        <location filename="../core/checks/population_places.py" line="77" />
        <source>Choose the township layer, or type the population with its source.</source>
        <translation>请选择乡镇（街道）图层，或输入人口并注明来源。</translation>
    </message>
    <message>
        <location filename="../core/checks/population_places.py" line="83" />
        <source>The typed population (POPULATION) is {value:g}, not a number of persons.</source>
        <translation>输入的人口（POPULATION）为 {value:g}，不是人数。</translation>
    </message>
    <message>
        <location filename="../core/checks/population_places.py" line="83" />
        <source>Type the population in persons, e.g. 1250000.</source>
        <translation>请以人为单位输入人口，如 1250000。</translation>
    </message>
    <message>
        <location filename="../core/checks/population_places.py" line="87" />
        <source>The typed population (POPULATION) has no source.</source>
        <translation>输入的人口（POPULATION）没有来源。</translation>
    </message>
    <message>
        <location filename="../core/checks/population_places.py" line="87" />
        <source>Name where the figure comes from in POPULATION_SOURCE, e.g. 第七次全国人口普查 2020, so that the report can say it.</source>
        <translation>请在 POPULATION_SOURCE 中写明数值来源，如“第七次全国人口普查 2020”，以便报告注明。</translation>
    </message>
    <message>
        <location filename="../core/checks/population_places.py" line="91" />
        <source>The population points (POPULATION_POINTS) need their persons field.</source>
        <translation>人口点（POPULATION_POINTS）需要人数字段。</translation>
    </message>
    <message>
        <location filename="../core/checks/population_places.py" line="91" />
        <source>Choose the field holding the persons of each point (POPULATION_POINTS_FIELD).</source>
        <translation>请选择存放各点人数的字段（POPULATION_POINTS_FIELD）。</translation>
    </message>
    <message>
        <location filename="../core/checks/population_places.py" line="96" />
        <source>Population: cells of the raster '{raster}' ({crs}) whose centre lies in the township.</source>
        <translation>人口：栅格“{raster}”（{crs}）中中心位于乡镇（街道）内的像元。</translation>
    </message>
    <message>
        <location filename="../core/checks/population_places.py" line="99" />
        <source>Population: field '{field}' of the points '{layer}', each point counted in the township it stands in.</source>
        <translation>人口：点图层“{layer}”的字段“{field}”，每个点计入其所在的乡镇（街道）。</translation>
    </message>
    <message>
        <location filename="../core/checks/population_places.py" line="102" />
        <source>Population: field '{field}' of the township layer '{layer}'.</source>
        <translation>人口：乡镇（街道）图层“{layer}”的字段“{field}”。</translation>
    </message>
    <message>
        <location filename="../core/checks/population_places.py" line="104" />
        <source>Population: {value:,.0f} persons, typed; source: {source}.</source>
        <translation>人口：{value:,.0f} 人，手工输入；来源：{source}。</translation>
    </message>
    <message>
        <location filename="../core/checks/population_places.py" line="115" />
        <source>Parameter {parameter}: layer '{layer}' holds {found}, not {wanted}.</source>
        <translation>参数 {parameter}：图层“{layer}”为{found}，而不是{wanted}。</translation>
    </message>
    <message>
        <location filename="../core/checks/population_places.py" line="124" />
        <source>The population raster '{layer}' (POPULATION_RASTER) has no coordinate reference system.</source>
        <translation>人口栅格“{layer}”（POPULATION_RASTER）没有坐标参考系。</translation>
    </message>
    <message>
        <location filename="../core/checks/population_places.py" line="138" />
        <source>The population raster '{layer}' (POPULATION_RASTER, {crs}) does not overlap the townships '{townships}' ({working}): no population could be counted.</source>
        <translation>人口栅格“{layer}”（POPULATION_RASTER，{crs}）与乡镇（街道）图层“{townships}”（{working}）不重叠：无法统计人口。</translation>
    </message>
    <message>
        <location filename="../core/checks/population_places.py" line="138" />
        <source>Choose a population raster of this place; if it is the right one, its coordinate reference system is set wrong: assign the one its cells are in (Raster &gt; Projections &gt; Assign Projection).</source>
        <translation>请选择本地的人口栅格；若栅格无误，则其坐标参考系设置有误：请指定其像元实际所用的坐标系（栅格 &gt; 投影 &gt; 指定投影）。</translation>
    </message>
    <message>
        <location filename="../core/checks/population_places.py" line="146" />
        <source>The population raster '{layer}' is in {crs}: the townships were projected onto its grid to count its cells (cells are not resampled).</source>
        <translation>人口栅格“{layer}”的坐标系为 {crs}：乡镇（街道）已投影到其格网上统计像元（像元未重采样）。</translation>
    </message>
    <message>
        <location filename="../core/checks/population_places.py" line="164" />
        <source>The population raster '{raster}' has data under only {share:.1f}% of the townships' area: the population counts that part only.</source>
        <translation>人口栅格“{raster}”仅覆盖乡镇（街道）面积的 {share:.1f}%：人口只统计了该部分。</translation>
    </message>
    <message>
        <location filename="../core/checks/population_places.py" line="196" />
        <source>{layer}: {n} points ({persons:,.0f} persons) lie outside every township and are not counted.</source>
        <translation>{layer}：{n} 个点（{persons:,.0f} 人）不在任何乡镇（街道）内，未计入。</translation>
    </message>
    <message>
        <location filename="../core/checks/population_places.py" line="199" />
        <source>No point of the population layer '{layer}' (POPULATION_POINTS) lies in a township of '{townships}'.</source>
        <translation>人口点图层“{layer}”（POPULATION_POINTS）中没有点位于“{townships}”的乡镇（街道）内。</translation>
    </message>
    <message>
        <location filename="../core/checks/population_places.py" line="199" />
        <source>Check that both layers cover the same place and that each layer's coordinate reference system is the one its coordinates are in.</source>
        <translation>请检查两个图层是否覆盖同一地区，以及各图层的坐标参考系是否与其坐标一致。</translation>
    </message>
    <message>
        <location filename="../core/checks/population_places.py" line="210" />
        <source>{layer}: {n} townships have no population in field '{field}' (feature ids {ids}); they count in no population sum.</source>
        <translation>{layer}：{n} 个乡镇（街道）的字段“{field}”无人口（要素编号 {ids}）；不计入任何人口合计。</translation>
    </message>
    <message>
        <location filename="../core/checks/population_places.py" line="218" />
        <source>The population from {source} is 0 in every township: there is no population to measure.</source>
        <translation>来自{source}的人口在每个乡镇（街道）均为 0：没有可测算的人口。</translation>
    </message>
    <message>
        <location filename="../core/checks/population_places.py" line="218" />
        <source>Check that the population data belong to this place and hold persons.</source>
        <translation>请检查人口数据是否属于本地、是否为人数。</translation>
    </message>
    <message>
        <location filename="../core/checks/population_places.py" line="293" />
        <source>unit {unit}: a population at one date cannot give it</source>
        <translation>单位 {unit}：单一时点的人口无法给出</translation>
    </message>
    <message>
        <location filename="../core/checks/population_places.py" line="309" />
        <source>no township of the layer is in {label}</source>
        <translation>图层中没有乡镇（街道）属于{label}</translation>
    </message>
    <message>
        <location filename="../core/checks/population_places.py" line="324" />
        <source>(each township)</source>
        <translation>（每个乡镇）</translation>
    </message>
    <message>
        <location filename="../core/checks/population_places.py" line="325" />
        <source>each township of {label}: {met} of {n} met</source>
        <translation>{label}各乡镇：{n} 个中 {met} 个达标</translation>
    </message>
    <message>
        <location filename="../core/checks/population_places.py" line="328" />
        <source>sum over the {n} townships of {label}</source>
        <translation>{label}的 {n} 个乡镇（街道）合计</translation>
    </message>
    <message>
        <location filename="../core/checks/population_places.py" line="334" />
        <source>the township has no population</source>
        <translation>该乡镇（街道）无人口数据</translation>
    </message>
    <message>
        <location filename="../core/checks/population_places.py" line="336" />
        <source>the township</source>
        <translation>该乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../core/checks/population_places.py" line="338" />
        <source>township {name} is not in the layer</source>
        <translation>乡镇（街道）{name}不在图层中</translation>
    </message>
    <message>
        <location filename="../core/checks/population_places.py" line="340" />
        <source>scope '{scope}' names no township or class of the catalogue</source>
        <translation>范围“{scope}”不是目录中的乡镇（街道）或类别</translation>
    </message>
    <message>
        <location filename="../core/checks/population_places.py" line="393" />
        <source>Townships not named in the catalogue {catalogue} (in no class by name): {names}.</source>
        <translation>以下乡镇（街道）未列于目录“{catalogue}”（按名称不属于任何类别）：{names}。</translation>
    </message>
    <message>
        <location filename="../core/checks/population_places.py" line="407" />
        <source>{structure}: the plan gives these townships two readings; each counts in both classes: {names}.</source>
        <translation>{structure}：规划对以下乡镇（街道）有两种说法；各计入两个类别：{names}。</translation>
    </message>
    <message>
        <location filename="../core/checks/population_places.py" line="415" />
        <source>Target '{id}' is no population target of the catalogue '{catalogue}'.</source>
        <translation>目标“{id}”不是目录“{catalogue}”的人口目标。</translation>
    </message>
    <message>
        <location filename="../core/checks/population_places.py" line="415" />
        <source>Its population targets measurable here are: {known}.</source>
        <translation>其中可在此测算的人口目标为：{known}。</translation>
    </message>
    <message>
        <location filename="../core/checks/population_places.py" line="420" />
        <source>Target '{id}' cannot be measured here: {reason}.</source>
        <translation>目标“{id}”无法在此测算：{reason}。</translation>
    </message>
    <message>
        <location filename="../core/checks/population_places.py" line="420" />
        <source>Choose another target, or leave TARGET_ID empty.</source>
        <translation>请选择其他目标，或将 TARGET_ID 留空。</translation>
    </message>
    <message>
        <location filename="../core/checks/population_places.py" line="429" />
        <source>raster</source>
        <translation>栅格</translation>
    </message>
    <message>
        <location filename="../core/checks/population_places.py" line="429" />
        <source>A class's population is the sum over its townships; a target in 10k_persons is compared in 万人, one in percent as the scope's share of all townships' residents; a target marked （每…） is met when every township of its class meets it.</source>
        <translation>类别人口为其所含乡镇（街道）之和；以万人计的目标按万人比较，以百分比计的目标按该范围占全部乡镇常住人口的比重比较；标有“（每…）”的目标须该类别每个乡镇（街道）均达到方为达标。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_distance_rule.py" line="64" />
        <source>Check a distance rule (e.g. no chemical plant within 1 km of the Yangtze)</source>
        <translation>检查距离规则（如长江岸线 1 公里内不得有化工企业）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_distance_rule.py" line="67" />
        <source>Nothing of one layer within a distance of another: e.g. no new chemical plant within 1 km of the shore of the Yangtze and its main tributaries (江津 14th five-year plan, 001 l.1615). Both layers may be points, lines or polygons (a river as its centre line or its water polygons), all of a layer or the features of some codes. Outputs: the violating features with dist_m (distance in metres to the nearest feature of the other layer), near_fid and near_name; a table of counts per township; an HTML report; and MEASURED (the count of violations), TARGET (allowed, 0 unless a target says otherwise), GAP, PASSED, VIOLATIONS, CHECKED, NEAREST_M.</source>
        <translation>一个图层的要素不得位于另一图层要素的一定距离以内：如长江干流及主要支流岸线 1 公里内不得新建化工企业（江津“十四五”规划纲要，001 第 1615 行）。两个图层都可以是点、线或面（河流可用中心线或水面），可取全部要素或按代码选取。输出：违规要素，带 dist_m（到另一图层最近要素的距离，米）、near_fid 和 near_name；各乡镇（街道）计数表；HTML 报告；以及 MEASURED（违规个数）、TARGET（允许个数，除非目标另有规定为 0）、GAP、PASSED、VIOLATIONS、CHECKED、NEAREST_M。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_distance_rule.py" line="78" />
        <source>Features that must keep away (e.g. chemical plants)</source>
        <translation>须保持距离的要素（如化工企业）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_distance_rule.py" line="87" />
        <source>Their class field (empty: every feature)</source>
        <translation>其类别字段（留空：全部要素）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_distance_rule.py" line="90" />
        <source>Their codes (comma-separated prefixes)</source>
        <translation>其代码（逗号分隔的前缀）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_distance_rule.py" line="85" />
        <source>Features kept away from (e.g. rivers, as lines or water polygons)</source>
        <translation>被保持距离的要素（如河流，线或水面）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_distance_rule.py" line="92" />
        <source>Their name field, for the nearest feature (optional)</source>
        <translation>其名称字段，用于标明最近要素（可选）</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="343" />
        <source>Distance (m)</source>
        <translation>距离（米）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_distance_rule.py" line="100" />
        <source>Target id in the catalogue (indicator distance_rule, in count)</source>
        <translation>规划目录中的目标编号（指标 distance_rule，单位 count）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_distance_rule.py" line="102" />
        <source>Or the count allowed (empty: none)</source>
        <translation>或允许的个数（留空：不允许）</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="97" />
        <source>Features within the distance</source>
        <translation>距离以内的要素</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="98" />
        <source>Distance rule table</source>
        <translation>距离规则表</translation>
    </message>
    <message>
        <location filename="../algorithms/check_distance_rule.py" line="107" />
        <source>Features checked</source>
        <translation>检查的要素个数</translation>
    </message>
    <message>
        <location filename="../algorithms/check_distance_rule.py" line="107" />
        <source>Shortest distance found, m</source>
        <translation>最短距离（米）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_distance_rule.py" line="131" />
        <source>Parameter {given} was given without {missing}.</source>
        <translation>给出了参数 {given}，但未给出 {missing}。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_distance_rule.py" line="131" />
        <source>Give both the class field and its codes, or neither to take every feature.</source>
        <translation>请同时给出类别字段及其代码，或都不给以取全部要素。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_distance_rule.py" line="160" />
        <source>Feature id</source>
        <translation>要素编号</translation>
    </message>
    <message>
        <location filename="../algorithms/check_distance_rule.py" line="160" />
        <source>Distance m</source>
        <translation>距离（米）</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="343" />
        <source>Nearest feature id</source>
        <translation>最近要素编号</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="343" />
        <source>Nearest feature</source>
        <translation>最近要素</translation>
    </message>
    <message>
        <location filename="../algorithms/check_distance_rule.py" line="164" />
        <source>Counts by township</source>
        <translation>各乡镇（街道）计数</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="348" />
        <source>Features</source>
        <translation>要素个数</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="348" />
        <source>Within the distance</source>
        <translation>距离以内</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="348" />
        <source>Nearest m</source>
        <translation>最近距离（米）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_distance_rule.py" line="166" />
        <source>Distance rule check</source>
        <translation>距离规则检查</translation>
    </message>
    <message>
        <location filename="../algorithms/check_distance_rule.py" line="170" />
        <source>{n} of {total} features within {distance:g} m.</source>
        <translation>{total} 个要素中有 {n} 个位于 {distance:g} 米以内。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_land_share.py" line="75" />
        <source>Check a land share (绿地率, 绿化覆盖率, 森林覆盖率)</source>
        <translation>检查用地比例（绿地率、绿化覆盖率、森林覆盖率）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_land_share.py" line="78" />
        <source>The area of some classes of land inside an extent, as a share, per township and for the jurisdiction: 绿地率 (green land classes ÷ built-up area), 绿化覆盖率 (vegetation cover polygons ÷ built-up area: a different measure), 森林覆盖率 (forest classes ÷ township area) or built-up land inside the 城镇开发边界. The classes: a whole polygon layer, or the land-use codes of a preset (三调 GB/T 21010-2017, 用地用海 2023) or typed. The extent: a polygon layer (built-up, a boundary; by codes too), the townships, or both. Overlapping class polygons count once. Outputs: townships with cls_km2, ext_km2, share (percent) and out_km2 (class land outside the extent); a table with a row per township and the jurisdiction; an HTML report stating the definition used; and MEASURED (percent), TARGET, GAP, PASSED, CLASS_KM2, EXTENT_KM2, OUTSIDE_KM2.</source>
        <translation>范围内某些地类的面积占比，按乡镇（街道）和全域计算：绿地率（绿地地类 ÷ 建成区面积）、绿化覆盖率（植被覆盖图斑 ÷ 建成区面积：另一种指标）、森林覆盖率（林地地类 ÷ 乡镇面积），或城镇开发边界内的建成区。所测用地：整个面图层，或预设（三调 GB/T 21010-2017、用地用海 2023）或输入的地类代码。范围：面图层（建成区、某条边界，也可按代码选取）、乡镇（街道）图层，或两者。重叠的用地图斑只计一次。输出：带 cls_km2、ext_km2、share（百分比）和 out_km2（范围外的所测用地）的乡镇图层；每个乡镇（街道）和全域一行的表；说明所用定义的 HTML 报告；以及 MEASURED（百分比）、TARGET、GAP、PASSED、CLASS_KM2、EXTENT_KM2、OUTSIDE_KM2。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_land_share.py" line="94" />
        <source>Class land polygons (green land, vegetation cover, land use …)</source>
        <translation>所测用地面图层（绿地、植被覆盖、地类图斑……）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_land_share.py" line="96" />
        <source>Class field (empty: every polygon, or DLBM / YDYHFLDM by preset)</source>
        <translation>地类字段（留空：全部图斑，或按预设取 DLBM / YDYHFLDM）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_land_share.py" line="111" />
        <source>Every polygon of the layer</source>
        <translation>图层的全部图斑</translation>
    </message>
    <message>
        <location filename="../algorithms/check_land_share.py" line="100" />
        <source>Codes of the class land</source>
        <translation>所测用地的代码</translation>
    </message>
    <message>
        <location filename="../algorithms/check_land_share.py" line="102" />
        <source>Or these class codes (comma-separated prefixes, override the preset)</source>
        <translation>或以下地类代码（逗号分隔的前缀，优先于预设）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_land_share.py" line="105" />
        <source>Extent polygons (built-up area, 城镇开发边界 …; empty: the townships)</source>
        <translation>范围面图层（建成区、城镇开发边界……；留空：乡镇街道）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_land_share.py" line="108" />
        <source>Extent class field (empty: every polygon, or CZCSXM / DLBM by preset)</source>
        <translation>范围的地类字段（留空：全部图斑，或按预设取 CZCSXM / DLBM）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_land_share.py" line="112" />
        <source>Codes of the extent (built-up land)</source>
        <translation>范围（建成区）的代码</translation>
    </message>
    <message>
        <location filename="../algorithms/check_land_share.py" line="114" />
        <source>Or these extent codes (comma-separated prefixes, override the preset)</source>
        <translation>或以下范围代码（逗号分隔的前缀，优先于预设）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_land_share.py" line="119" />
        <source>Target id in the catalogue (e.g. forest_cover_2025)</source>
        <translation>规划目录中的目标编号（如 forest_cover_2025）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_land_share.py" line="120" />
        <source>Or a target typed in percent</source>
        <translation>或输入目标值（%）</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="90" />
        <source>Land share by township</source>
        <translation>各乡镇（街道）用地比例</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="91" />
        <source>Land share table</source>
        <translation>用地比例表</translation>
    </message>
    <message>
        <location filename="../algorithms/check_land_share.py" line="125" />
        <source>Class land inside the extent, km²</source>
        <translation>范围内所测用地面积（平方公里）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_land_share.py" line="125" />
        <source>Area of the extent, km²</source>
        <translation>范围面积（平方公里）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_land_share.py" line="125" />
        <source>Class land outside the extent, km²</source>
        <translation>范围外所测用地面积（平方公里）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_land_share.py" line="146" />
        <source>Parameter {field}: a class field was chosen for layer '{layer}' but no codes.</source>
        <translation>参数 {field}：为图层“{layer}”选择了地类字段，但未给出代码。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_land_share.py" line="146" />
        <source>Choose a preset in {preset} or type the codes in {codes}, or clear {field} to count every polygon.</source>
        <translation>请在 {preset} 中选择预设或在 {codes} 中输入代码，或清空 {field} 以计入全部图斑。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_land_share.py" line="156" />
        <source>Parameter {field}: layer '{layer}' has no field {fields}.</source>
        <translation>参数 {field}：图层“{layer}”没有字段 {fields}。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_land_share.py" line="162" />
        <source>Codes of '{layer}' (typed): {codes}.</source>
        <translation>“{layer}”的代码（输入）：{codes}。</translation>
    </message>
    <message>
        <location filename="../core/checks/plan_check.py" line="245" />
        <source>Codes of '{layer}' ({preset}): {reason}</source>
        <translation>“{layer}”的代码（{preset}）：{reason}</translation>
    </message>
    <message>
        <location filename="../algorithms/check_land_share.py" line="171" />
        <source>Parameter INPUT: no class layer was given.</source>
        <translation>参数 INPUT：未给出用地图层。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_land_share.py" line="171" />
        <source>Choose the polygons of the land measured, e.g. green land or forest.</source>
        <translation>请选择所测用地的面图层，如绿地或林地。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_land_share.py" line="207" />
        <source>Land share check: {label}</source>
        <translation>用地比例检查：{label}</translation>
    </message>
    <message>
        <location filename="../algorithms/check_land_share.py" line="207" />
        <source>Class land km²</source>
        <translation>所测用地（平方公里）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_land_share.py" line="207" />
        <source>Extent km²</source>
        <translation>范围（平方公里）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_land_share.py" line="207" />
        <source>Class land outside the extent km²</source>
        <translation>范围外所测用地（平方公里）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_land_share.py" line="214" />
        <source>{label}: {share:.3f} % ({cls:.4f} km² of {ext:.4f} km²)</source>
        <translation>{label}：{share:.3f}%（{ext:.4f} 平方公里中的 {cls:.4f} 平方公里）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_per_capita.py" line="72" />
        <source>Check land per person (人均城镇建设用地, 人均公园绿地)</source>
        <translation>检查人均用地（人均城镇建设用地、人均公园绿地）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_per_capita.py" line="75" />
        <source>Land per person in m²: the area of the land (a polygon layer, or the land-use polygons of a preset or typed codes) over the population (a raster of persons per cell, a township field, points with a persons field, or a typed figure with its source), per township and for the scope. 人均城镇建设用地 is a cap (≤ 120 m², 重庆 2035), 人均公园绿地面积 a floor (13 m², 重庆 2025). A catalogue target sets the indicator; a typed target is compared as the indicator's (≤ for the land, ≥ for park green) unless a comparison is chosen. Outputs: townships with land_km2, population, m2_per_cap and passed; a table; an HTML report naming the land and the population used; MEASURED (m²/person), TARGET, GAP, PASSED, LAND_KM2, POPULATION and TOWNSHIPS_NOT_MET.</source>
        <translation>人均用地（平方米）：用地面积（面图层，或按预设、输入代码选出的地类图斑）除以人口（每像元人数的栅格、乡镇人口字段、带人数字段的点，或注明来源的输入数值），按乡镇（街道）和范围分别计算。人均城镇建设用地为上限（≤ 120 平方米，重庆 2035 年），人均公园绿地面积为下限（13 平方米，重庆 2025 年）。目录目标决定指标；输入的目标按指标的比较方式（用地 ≤，公园绿地 ≥）比较，除非另选比较方式。输出：含 land_km2、population、m2_per_cap 和 passed 的乡镇图层；表格；注明所用用地和人口的 HTML 报告；MEASURED（平方米/人）、TARGET、GAP、PASSED、LAND_KM2、POPULATION 和 TOWNSHIPS_NOT_MET。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_per_capita.py" line="89" />
        <source>Land polygons (all counted)</source>
        <translation>用地图斑（全部计入）</translation>
    </message>
    <message>
        <location filename="../gui/plan_tab.py" line="168" />
        <source>Land-use class field (empty: the preset's usual field)</source>
        <translation>地类字段（留空：预设的常用字段）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_per_capita.py" line="97" />
        <source>By the indicator and the layer's fields</source>
        <translation>按指标和图层字段自动选择</translation>
    </message>
    <message>
        <location filename="../algorithms/check_per_capita.py" line="99" />
        <source>Codes that count as the land</source>
        <translation>计入用地的代码</translation>
    </message>
    <message>
        <location filename="../algorithms/measure_population.py" line="70" />
        <source>Or the townships' population field</source>
        <translation>或乡镇（街道）的人口字段</translation>
    </message>
    <message>
        <location filename="../algorithms/measure_population.py" line="73" />
        <source>Or population points</source>
        <translation>或人口点</translation>
    </message>
    <message>
        <location filename="../algorithms/measure_population.py" line="75" />
        <source>Persons field of the points</source>
        <translation>点的人数字段</translation>
    </message>
    <message>
        <location filename="../algorithms/check_per_capita.py" line="120" />
        <source>Or a population typed (persons)</source>
        <translation>或输入人口（人）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_per_capita.py" line="123" />
        <source>Source of the typed population (e.g. 第七次全国人口普查 2020)</source>
        <translation>输入人口的来源（如 第七次全国人口普查 2020）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_per_capita.py" line="127" />
        <source>Target id in the catalogue (e.g. urban_land_per_capita_2035)</source>
        <translation>目录中的目标编号（如 urban_land_per_capita_2035）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_per_capita.py" line="129" />
        <source>Or a target typed in m² per person</source>
        <translation>或输入目标值（平方米/人）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_per_capita.py" line="132" />
        <source>Typed target is</source>
        <translation>输入的目标为</translation>
    </message>
    <message>
        <location filename="../algorithms/check_per_capita.py" line="132" />
        <source>The indicator's (≤ for the land, ≥ for park green)</source>
        <translation>按指标（用地 ≤，公园绿地 ≥）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_per_capita.py" line="132" />
        <source>A floor (≥)</source>
        <translation>下限（≥）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_per_capita.py" line="132" />
        <source>A cap (≤)</source>
        <translation>上限（≤）</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="92" />
        <source>Land per person by township</source>
        <translation>各乡镇（街道）人均用地</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="93" />
        <source>Land per person table</source>
        <translation>人均用地表</translation>
    </message>
    <message>
        <location filename="../algorithms/check_per_capita.py" line="138" />
        <source>Land in the scope (km²)</source>
        <translation>范围内用地（平方公里）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_per_capita.py" line="138" />
        <source>Population of the scope (persons)</source>
        <translation>范围内人口（人）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_per_capita.py" line="138" />
        <source>Townships not meeting the target</source>
        <translation>未达标的乡镇（街道）数</translation>
    </message>
    <message>
        <location filename="../algorithms/check_per_capita.py" line="162" />
        <source>Give either a land polygon layer (INPUT) or a land-use layer (LANDUSE), not both and not neither.</source>
        <translation>请给出用地图层（INPUT）或地类图层（LANDUSE）之一，不能两者都给，也不能都不给。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_per_capita.py" line="162" />
        <source>Choose the land polygons, or the land-use layer and its codes.</source>
        <translation>请选择用地图斑，或地类图层及其代码。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_per_capita.py" line="217" />
        <source>Land km²</source>
        <translation>用地（平方公里）</translation>
    </message>
    <message>
        <location filename="../core/maps/chart_data.py" line="20" />
        <source>m² per person</source>
        <translation>平方米/人</translation>
    </message>
    <message>
        <location filename="../algorithms/check_per_capita.py" line="225" />
        <source>{indicator} in {scope}: {value:.2f} m² per person ({km2:.3f} km², {persons:,.0f} persons).</source>
        <translation>{scope}的{indicator}：{value:.2f} 平方米/人（{km2:.3f} 平方公里，{persons:,.0f} 人）。</translation>
    </message>
    <message>
        <location filename="../algorithms/measure_population.py" line="54" />
        <source>Measure population in places (townships, plan roles, groups)</source>
        <translation>测算各地人口（乡镇、规划职能、分组）</translation>
    </message>
    <message>
        <location filename="../algorithms/measure_population.py" line="57" />
        <source>The population per township (from a raster of persons per cell, a field of the township layer, or points with a persons field), summed per class of every structure of the plan catalogue (roles, tiers, groups), and compared with every population target of the catalogue whose scope names the jurisdiction, a class or a township; the others are listed with the reason they cannot be measured. Outputs: townships with their population; a table per township and per class; a table of the targets; an HTML report; MEASURED (the chosen target's figure, else all townships in 万人), TARGET, GAP, PASSED, POPULATION (persons), TARGETS_MEASURED, TARGETS_MET and TARGETS_NOT_MET.</source>
        <translation>各乡镇（街道）人口（来自每像元人数的栅格、乡镇图层的字段，或带人数字段的点），按规划目录每个结构的类别（职能、等级、分组）汇总，并与目录中范围为全辖区、某一类别或某一乡镇的每个人口目标比较；其余目标列出并说明无法测算的原因。输出：含人口的乡镇图层；按乡镇和类别的表格；目标表；HTML 报告；MEASURED（所选目标的数值，否则为全部乡镇人口，万人）、TARGET、GAP、PASSED、POPULATION（人）、TARGETS_MEASURED、TARGETS_MET 和 TARGETS_NOT_MET。</translation>
    </message>
    <message>
        <location filename="../algorithms/measure_population.py" line="79" />
        <source>Target id for the verdict (e.g. pop_city_2025; empty: all townships, no target)</source>
        <translation>作为结论的目标编号（如 pop_city_2025；留空：全部乡镇，无目标）</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="94" />
        <source>Population by township</source>
        <translation>各乡镇（街道）人口</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="95" />
        <source>Population table</source>
        <translation>人口表</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="96" />
        <source>Population targets</source>
        <translation>人口目标</translation>
    </message>
    <message>
        <location filename="../algorithms/measure_population.py" line="89" />
        <source>Population of all townships (persons)</source>
        <translation>全部乡镇（街道）人口（人）</translation>
    </message>
    <message>
        <location filename="../algorithms/measure_population.py" line="89" />
        <source>Population targets measured</source>
        <translation>已测算的人口目标数</translation>
    </message>
    <message>
        <location filename="../algorithms/measure_population.py" line="89" />
        <source>Population targets met</source>
        <translation>达标的人口目标数</translation>
    </message>
    <message>
        <location filename="../algorithms/measure_population.py" line="89" />
        <source>Population targets not met</source>
        <translation>未达标的人口目标数</translation>
    </message>
    <message>
        <location filename="../algorithms/measure_population.py" line="149" />
        <source>Name in the plan</source>
        <translation>规划中的名称</translation>
    </message>
    <message>
        <location filename="../algorithms/measure_population.py" line="151" />
        <source>Persons</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../algorithms/measure_population.py" line="151" />
        <source>万人</source>
        <translation>万人</translation>
    </message>
    <message>
        <location filename="../algorithms/measure_population.py" line="151" />
        <source>Population by plan class</source>
        <translation>各规划类别人口</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="348" />
        <source>Structure</source>
        <translation>结构</translation>
    </message>
    <message>
        <location filename="../algorithms/measure_population.py" line="151" />
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../algorithms/measure_population.py" line="151" />
        <source>Without population</source>
        <translation>无人口数据</translation>
    </message>
    <message>
        <location filename="../algorithms/measure_population.py" line="153" />
        <source>Targets not measurable here</source>
        <translation>此处无法测算的目标</translation>
    </message>
    <message>
        <location filename="../core/maps/dossier.py" line="195" />
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../algorithms/measure_population.py" line="156" />
        <source>Population in places</source>
        <translation>各地人口</translation>
    </message>
    <message>
        <location filename="../algorithms/measure_population.py" line="161" />
        <source>Population of all townships: {persons:,.0f} persons; {n} population targets measured.</source>
        <translation>全部乡镇（街道）人口：{persons:,.0f} 人；已测算 {n} 个人口目标。</translation>
    </message>
    <message>
        <location filename="../algorithms/read_delivery.py" line="32" />
        <source>Read a survey or planning delivery</source>
        <translation>读取调查或规划成果数据</translation>
    </message>
    <message>
        <location filename="../algorithms/read_delivery.py" line="36" />
        <source>Finds the layers of the national standards in a delivery as it came: a File Geodatabase (.gdb), a GeoPackage, or a folder of Shapefiles. A layer is recognised by its code, by its Chinese alias, or by the standard's fields, in that order, and the table says which. Layers: {codes}.

Coordinates: a layer without a CRS, or whose CRS does not fit its coordinates, is read in the CRS its coordinates prove — a zone number in front of X (e.g. 35xxxxxx: CGCS2000 3-degree Gauss-Krüger zone 35), or degrees (CGCS2000) — and the table says so; plain Gauss-Krüger metres without the zone are refused with the candidate zones, never guessed. Nothing in the delivery is changed.

Outputs: a table of the layers found (role, code, layer, source, how, CRS, missing fields), and each role's layer as an output a model can pass on to the checks.</source>
        <translation>按原样在成果数据中查找国家标准图层：File Geodatabase（.gdb）、GeoPackage 或 Shapefile 文件夹。依次按图层代码、中文别名或标准字段识别图层，并在表中注明依据。图层：{codes}。

坐标：没有坐标系或坐标系与坐标不符的图层，按其坐标所能证明的坐标系读取——X 坐标前带有带号（如 35xxxxxx：CGCS2000 3 度分带高斯-克吕格投影第 35 带），或为经纬度（CGCS2000）——并在表中注明；不带带号的高斯-克吕格米制坐标不予猜测，给出候选分带并停止。不修改成果数据。

输出：识别到的图层表（用途、代码、图层、来源、识别依据、坐标系、缺少的字段），以及各用途的图层输出，可在模型中传给各项校核。</translation>
    </message>
    <message>
        <location filename="../algorithms/read_delivery.py" line="51" />
        <source>Delivery (.gdb folder, .gpkg, or folder of Shapefiles)</source>
        <translation>成果数据（.gdb 文件夹、.gpkg 或 Shapefile 文件夹）</translation>
    </message>
    <message>
        <location filename="../algorithms/read_delivery.py" line="56" />
        <source>Layers found</source>
        <translation>识别到的图层</translation>
    </message>
    <message>
        <location filename="../algorithms/read_delivery.py" line="59" />
        <source>Layer for {role}</source>
        <translation>{role} 图层</translation>
    </message>
    <message>
        <location filename="../algorithms/read_delivery.py" line="61" />
        <source>What was recognised, and from what</source>
        <translation>识别结果及依据</translation>
    </message>
    <message>
        <location filename="../algorithms/read_delivery.py" line="86" />
        <source>{layer} lacks the standard's fields {fields}.</source>
        <translation>{layer} 缺少标准字段 {fields}。</translation>
    </message>
    <message>
        <location filename="../algorithms/read_delivery.py" line="90" />
        <source>No layer for {role} in the delivery.</source>
        <translation>成果数据中没有 {role} 图层。</translation>
    </message>
    <message>
        <location filename="../algorithms/read_delivery.py" line="92" />
        <source>Not recognised: {names}.</source>
        <translation>未识别：{names}。</translation>
    </message>
    <message>
        <location filename="../core/checks/distance_rule.py" line="84" />
        <source>Features of '{subjects}' within {distance:g} m of '{near}'</source>
        <translation>“{subjects}”中距“{near}” {distance:g} 米以内的要素</translation>
    </message>
    <message>
        <location filename="../core/checks/distance_rule.py" line="101" />
        <source>Choose a layer of points, lines or polygons for the {role}.</source>
        <translation>请为{role}选择点、线或面图层。</translation>
    </message>
    <message>
        <location filename="../core/checks/distance_rule.py" line="120" />
        <source>Choose another field, or type the codes of the {role}.</source>
        <translation>请换一个字段，或输入{role}的代码。</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_presence.py" line="104" />
        <source>Parameter {parameter}: no layer was given.</source>
        <translation>参数 {parameter}：未给出图层。</translation>
    </message>
    <message>
        <location filename="../core/checks/distance_rule.py" line="156" />
        <source>Choose the features that must keep away (INPUT) and those they must keep away from (NEAR), e.g. chemical plants and rivers.</source>
        <translation>请选择须保持距离的要素（INPUT）及其须远离的要素（NEAR），如化工企业和河流。</translation>
    </message>
    <message>
        <location filename="../core/checks/distance_rule.py" line="160" />
        <source>The distance must be more than 0 m, not {distance}.</source>
        <translation>距离须大于 0 米，而不是 {distance}。</translation>
    </message>
    <message>
        <location filename="../core/checks/distance_rule.py" line="160" />
        <source>Type the rule's distance in metres, e.g. 1000 for 1公里.</source>
        <translation>请输入规则的距离（米），如 1公里 输入 1000。</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_presence.py" line="116" />
        <source>Choose the township polygons for TOWNSHIPS.</source>
        <translation>请为 TOWNSHIPS 选择乡镇（街道）面图层。</translation>
    </message>
    <message>
        <location filename="../core/checks/distance_rule.py" line="171" />
        <source>features that must keep away</source>
        <translation>须保持距离的要素</translation>
    </message>
    <message>
        <location filename="../core/checks/distance_rule.py" line="171" />
        <source>features kept away from</source>
        <translation>被保持距离的要素</translation>
    </message>
    <message>
        <location filename="../core/checks/distance_rule.py" line="188" />
        <source>Check its geometries and, when codes select its features, the codes.</source>
        <translation>请检查其几何；按代码选取要素时，还请检查代码。</translation>
    </message>
    <message>
        <location filename="../core/checks/distance_rule.py" line="194" />
        <source>Measuring distances</source>
        <translation>正在计算距离</translation>
    </message>
    <message>
        <location filename="../core/checks/distance_rule.py" line="215" />
        <source>{n} features of '{layer}' lie outside every township: counted in the total, in no township.</source>
        <translation>“{layer}”有 {n} 个要素位于所有乡镇（街道）之外：计入总数，不计入任何乡镇（街道）。</translation>
    </message>
    <message>
        <location filename="../core/checks/distance_rule.py" line="220" />
        <source>Choose layers of the same area, and check each layer's coordinate reference system.</source>
        <translation>请选择同一区域的图层，并检查各图层的坐标参考系。</translation>
    </message>
    <message>
        <location filename="../core/checks/report.py" line="20" />
        <source>jurisdiction</source>
        <translation>全域</translation>
    </message>
    <message>
        <location filename="../core/checks/distance_rule.py" line="233" />
        <source>Rule: no feature of '{subjects}' within {distance:g} m of a feature of '{near}' (within includes the distance itself), as 001 l.1615 sets it for chemical projects and the shore of the Yangtze and its main tributaries: “禁止在长江干流及主要支流岸线1公里范围内新(扩)建化工项目”.</source>
        <translation>规则：“{subjects}”的要素不得位于“{near}”要素 {distance:g} 米以内（含恰为该距离者），即 001 第 1615 行对化工项目与长江干流及主要支流岸线的规定：“禁止在长江干流及主要支流岸线1公里范围内新(扩)建化工项目”。</translation>
    </message>
    <message>
        <location filename="../core/checks/distance_rule.py" line="233" />
        <source>Distances are the shortest distances between the geometries (0 for features that touch or overlap), planar in the working projection:</source>
        <translation>距离为几何之间的最短距离（相接或重叠的要素为 0），在工作投影中按平面计算：</translation>
    </message>
    <message>
        <location filename="../core/checks/distance_rule.py" line="233" />
        <source>Each feature is counted in the township holding its point on surface.</source>
        <translation>每个要素计入其面上点所在的乡镇（街道）。</translation>
    </message>
    <message>
        <location filename="../core/checks/distance_rule.py" line="233" />
        <source>The verdict: the count of features within the distance against the allowed count (none unless a target says otherwise).</source>
        <translation>判定：距离以内的要素个数与允许个数比较（除非目标另有规定，不允许有）。</translation>
    </message>
    <message>
        <location filename="../core/checks/land_share.py" line="76" />
        <source>绿地率 (green-space ratio)</source>
        <translation>绿地率</translation>
    </message>
    <message>
        <location filename="../core/checks/land_share.py" line="76" />
        <source>绿地率 = area of green land (公园绿地, 防护绿地, the green part of squares, 附属绿地) inside the built-up area ÷ the built-up area × 100 (GB/T 50563-2010 《城市园林绿化评价标准》; green land classes: CJJ/T 85-2017 《城市绿地分类标准》). Not the 绿化覆盖率, which counts all vegetation cover.</source>
        <translation>绿地率 = 建成区内绿地（公园绿地、防护绿地、广场用地中的绿地、附属绿地）面积 ÷ 建成区面积 × 100（GB/T 50563-2010《城市园林绿化评价标准》；绿地分类见 CJJ/T 85-2017《城市绿地分类标准》）。不是计入全部植被覆盖的绿化覆盖率。</translation>
    </message>
    <message>
        <location filename="../core/checks/land_share.py" line="80" />
        <source>绿化覆盖率 (green coverage ratio)</source>
        <translation>绿化覆盖率</translation>
    </message>
    <message>
        <location filename="../core/checks/land_share.py" line="80" />
        <source>绿化覆盖率 = area under vegetation (the vertical projection of trees' canopy, shrubs and grass, canopy counted where it overhangs other land) inside the built-up area ÷ the built-up area × 100 (GB/T 50563-2010 《城市园林绿化评价标准》), read from a vegetation cover layer. Not the 绿地率, which counts green land classes.</source>
        <translation>绿化覆盖率 = 建成区内植被（乔木树冠、灌木、草坪的垂直投影，树冠伸出其他用地的部分也计入）覆盖面积 ÷ 建成区面积 × 100（GB/T 50563-2010《城市园林绿化评价标准》），取自植被覆盖图层。不是按绿地地类计算的绿地率。</translation>
    </message>
    <message>
        <location filename="../core/checks/land_share.py" line="85" />
        <source>森林覆盖率 (forest cover)</source>
        <translation>森林覆盖率</translation>
    </message>
    <message>
        <location filename="../core/checks/land_share.py" line="85" />
        <source>森林覆盖率 = area of forest (乔木林地, 竹林地 and 国家特别规定灌木林地) ÷ the total land area × 100 (国家林业局《国家森林资源连续清查技术规定》2014; GB/T 26424-2010 《森林资源规划设计调查技术规程》).</source>
        <translation>森林覆盖率 = 森林（乔木林地、竹林地和国家特别规定灌木林地）面积 ÷ 土地总面积 × 100（国家林业局《国家森林资源连续清查技术规定》2014；GB/T 26424-2010《森林资源规划设计调查技术规程》）。</translation>
    </message>
    <message>
        <location filename="../core/checks/land_share.py" line="89" />
        <source>Built-up share of the urban development boundary (城镇开发边界)</source>
        <translation>城镇开发边界内建成区比例</translation>
    </message>
    <message>
        <location filename="../core/checks/land_share.py" line="89" />
        <source>Built-up land inside the 城镇开发边界 ÷ the area inside the boundary × 100; the built-up land outside the boundary is given beside (OUTSIDE_KM2).</source>
        <translation>城镇开发边界内建成区面积 ÷ 边界内面积 × 100；边界外的建成区面积另列（OUTSIDE_KM2）。</translation>
    </message>
    <message>
        <location filename="../core/maps/dossier.py" line="121" />
        <source>Land share</source>
        <translation>用地比例</translation>
    </message>
    <message>
        <location filename="../core/checks/land_share.py" line="92" />
        <source>Area of the class land inside the extent ÷ the extent's area × 100.</source>
        <translation>范围内所测用地面积 ÷ 范围面积 × 100。</translation>
    </message>
    <message>
        <location filename="../core/checks/land_share.py" line="147" />
        <source>A share is of areas: choose a polygon layer for the {role}.</source>
        <translation>比例按面积计算：请为{role}选择面图层。</translation>
    </message>
    <message>
        <location filename="../core/checks/land_share.py" line="162" />
        <source>class land</source>
        <translation>所测用地</translation>
    </message>
    <message>
        <location filename="../core/checks/land_share.py" line="163" />
        <source>Choose the preset for this code system, another field, or type the codes of the land measured.</source>
        <translation>请选择与该编码体系对应的预设、换一个字段，或输入所测用地的代码。</translation>
    </message>
    <message>
        <location filename="../core/checks/land_share.py" line="178" />
        <source>{layer}: codes starting with {codes} are not counted.</source>
        <translation>{layer}：以 {codes} 开头的代码不计入。</translation>
    </message>
    <message>
        <location filename="../core/checks/land_share.py" line="199" />
        <source>No class layer was given.</source>
        <translation>未给出用地图层。</translation>
    </message>
    <message>
        <location filename="../core/checks/land_share.py" line="199" />
        <source>Choose the polygons of the land measured (INPUT), e.g. green land or forest.</source>
        <translation>请选择所测用地的面图层（INPUT），如绿地或林地。</translation>
    </message>
    <message>
        <location filename="../core/checks/land_share.py" line="202" />
        <source>Neither an extent layer (EXTENT) nor a township layer (TOWNSHIPS) was given: the share of '{layer}' has no denominator.</source>
        <translation>既未给出范围图层（EXTENT），也未给出乡镇（街道）图层（TOWNSHIPS）：“{layer}”的比例没有分母。</translation>
    </message>
    <message>
        <location filename="../core/checks/land_share.py" line="202" />
        <source>Choose the built-up area or a boundary as EXTENT, or the townships as TOWNSHIPS.</source>
        <translation>请将建成区或某条边界设为 EXTENT，或将乡镇（街道）图层设为 TOWNSHIPS。</translation>
    </message>
    <message>
        <location filename="../core/checks/land_share.py" line="208" />
        <source>class layer</source>
        <translation>用地图层</translation>
    </message>
    <message>
        <location filename="../core/checks/land_share.py" line="225" />
        <source>extent</source>
        <translation>范围</translation>
    </message>
    <message>
        <location filename="../core/checks/land_share.py" line="233" />
        <source>Dissolving the extent</source>
        <translation>正在融合范围图斑</translation>
    </message>
    <message>
        <location filename="../core/checks/land_share.py" line="246" />
        <source>Dissolving the class land by township</source>
        <translation>正在按乡镇（街道）融合所测用地</translation>
    </message>
    <message>
        <location filename="../core/checks/land_share.py" line="284" />
        <source>{km2:.3f} km² of the extent '{layer}' lies outside every township and is not counted.</source>
        <translation>范围“{layer}”有 {km2:.3f} 平方公里位于所有乡镇（街道）之外，未计入。</translation>
    </message>
    <message>
        <location filename="../core/checks/per_capita.py" line="280" />
        <source>{km2:.3f} km² of the class land of '{layer}' lies outside every township and is not counted.</source>
        <translation>“{layer}”有 {km2:.3f} 平方公里用地位于所有乡镇（街道）之外，未计入。</translation>
    </message>
    <message>
        <location filename="../core/checks/land_share.py" line="295" />
        <source>Check that both layers cover the same area (and each layer's coordinate reference system), and, for a land-use layer, the codes.</source>
        <translation>请检查两个图层是否覆盖同一区域（以及各图层的坐标参考系），地类图层还请检查代码。</translation>
    </message>
    <message>
        <location filename="../core/checks/land_share.py" line="304" />
        <source>Definition: {text}</source>
        <translation>定义：{text}</translation>
    </message>
    <message>
        <location filename="../core/checks/land_share.py" line="304" />
        <source>Measured: the class land of '{classes}' inside '{extent}' ÷ the area of '{extent}'.</source>
        <translation>计算：“{extent}”内“{classes}”的用地面积 ÷ “{extent}”的面积。</translation>
    </message>
    <message>
        <location filename="../core/checks/land_share.py" line="304" />
        <source>The extent is cut by each township of '{townships}'; the jurisdiction's share is the sum of the townships' class land over the sum of their extent.</source>
        <translation>范围按“{townships}”各乡镇（街道）切分；全域比例为各乡镇（街道）所测用地之和除以其范围面积之和。</translation>
    </message>
    <message>
        <location filename="../core/checks/land_share.py" line="304" />
        <source>Class polygons are dissolved within each township (or within the extent), so overlapping polygons count once; invalid geometries are repaired (makeValid) and listed below.</source>
        <translation>用地图斑在各乡镇（街道）内（或在范围内）先融合，重叠部分只计一次；无效几何已修复（makeValid），列于下文。</translation>
    </message>
    <message>
        <location filename="../core/checks/land_share.py" line="326" />
        <source>{label} is a share of the built-up area (建成区), but no extent layer was given: the share is of the townships of '{townships}', not the plan's figure.</source>
        <translation>{label}是建成区的比例，但未给出范围图层：所得为“{townships}”各乡镇（街道）面积的比例，不是规划口径的数值。</translation>
    </message>
    <message>
        <location filename="../core/checks/land_share.py" line="330" />
        <source>{label} is a share of the total land area; the extent measured is '{extent}'.</source>
        <translation>{label}是土地总面积的比例；本次所用范围为“{extent}”。</translation>
    </message>
    <message>
        <location filename="../core/checks/landuse.py" line="335" />
        <source>{layer}: {n} of {total} features selected as {what} (codes {codes}).</source>
        <translation>{layer}：{total} 个要素中有 {n} 个选为{what}（代码 {codes}）。</translation>
    </message>
    <message>
        <location filename="../core/checks/per_capita.py" line="53" />
        <source>Urban construction land per person</source>
        <translation>人均城镇建设用地</translation>
    </message>
    <message>
        <location filename="../core/checks/per_capita.py" line="54" />
        <source>Park green space per person</source>
        <translation>人均公园绿地面积</translation>
    </message>
    <message>
        <location filename="../core/checks/per_capita.py" line="60" />
        <source>三调 地类编码: 0810 公园与绿地 (GB/T 21010-2017)</source>
        <translation>三调 地类编码：0810 公园与绿地（GB/T 21010-2017）</translation>
    </message>
    <message>
        <location filename="../core/checks/per_capita.py" line="60" />
        <source>GB/T 21010-2017《土地利用现状分类》class 0810 公园与绿地 (under 08 公共管理与公共服务用地); the 三调 working class 0810A 广场用地 is not counted.</source>
        <translation>GB/T 21010-2017《土地利用现状分类》0810 公园与绿地（属 08 公共管理与公共服务用地）；不计入三调工作分类 0810A 广场用地。</translation>
    </message>
    <message>
        <location filename="../core/checks/per_capita.py" line="64" />
        <source>用地用海分类: 1401 公园绿地 (2023)</source>
        <translation>用地用海分类：1401 公园绿地（2023）</translation>
    </message>
    <message>
        <location filename="../core/checks/per_capita.py" line="64" />
        <source>《国土空间调查、规划、用途管制用地用海分类指南》(自然资源部, 2023) class 1401 公园绿地 (under 14 绿地与开敞空间用地); 1402 防护绿地 and 1403 广场用地 are not counted.</source>
        <translation>《国土空间调查、规划、用途管制用地用海分类指南》（自然资源部，2023）1401 公园绿地（属 14 绿地与开敞空间用地）；不计入 1402 防护绿地和 1403 广场用地。</translation>
    </message>
    <message>
        <location filename="../core/checks/per_capita.py" line="68" />
        <source>城市绿地分类: G1 公园绿地 (CJJ/T 85-2017)</source>
        <translation>城市绿地分类：G1 公园绿地（CJJ/T 85-2017）</translation>
    </message>
    <message>
        <location filename="../core/checks/per_capita.py" line="68" />
        <source>CJJ/T 85-2017《城市绿地分类标准》G1 公园绿地 (G11 综合公园, G12 社区公园, G13 专类公园, G14 游园); G2 防护绿地, G3 广场用地, XG 附属绿地 and EG 区域绿地 are not counted.</source>
        <translation>CJJ/T 85-2017《城市绿地分类标准》G1 公园绿地（G11 综合公园、G12 社区公园、G13 专类公园、G14 游园）；不计入 G2 防护绿地、G3 广场用地、XG 附属绿地和 EG 区域绿地。</translation>
    </message>
    <message>
        <location filename="../core/checks/per_capita.py" line="106" />
        <source>Typed land-use codes need the class field of '{layer}' (LANDUSE_FIELD).</source>
        <translation>输入的地类代码需要图层“{layer}”的地类字段（LANDUSE_FIELD）。</translation>
    </message>
    <message>
        <location filename="../core/checks/per_capita.py" line="106" />
        <source>Choose the field holding the codes.</source>
        <translation>请选择存放代码的字段。</translation>
    </message>
    <message>
        <location filename="../core/checks/per_capita.py" line="108" />
        <source>Land: the polygons of '{layer}' whose code in '{field}' starts with {codes} (typed).</source>
        <translation>用地：图层“{layer}”中字段“{field}”以 {codes} 开头的图斑（输入的代码）。</translation>
    </message>
    <message>
        <location filename="../core/checks/per_capita.py" line="120" />
        <source>Layer '{layer}' has none of the usual land-use fields {fields}.</source>
        <translation>图层“{layer}”没有常用的地类字段 {fields}。</translation>
    </message>
    <message>
        <location filename="../core/checks/per_capita.py" line="120" />
        <source>Choose the land-use class field (LANDUSE_FIELD) and a preset, or type the codes.</source>
        <translation>请选择地类字段（LANDUSE_FIELD）和预设，或输入代码。</translation>
    </message>
    <message>
        <location filename="../core/checks/per_capita.py" line="131" />
        <source>Land: the polygons of '{layer}' whose code in '{field}' is {preset}: {reason}</source>
        <translation>用地：图层“{layer}”中字段“{field}”属于 {preset} 的图斑：{reason}</translation>
    </message>
    <message>
        <location filename="../core/checks/per_capita.py" line="180" />
        <source>{layer}: {n} of {total} land-use features counted (codes {codes}).</source>
        <translation>{layer}：{total} 个地类图斑中计入 {n} 个（代码 {codes}）。</translation>
    </message>
    <message>
        <location filename="../core/checks/per_capita.py" line="184" />
        <source>{layer}: {n} features of codes {codes} not counted.</source>
        <translation>{layer}：代码为 {codes} 的 {n} 个要素未计入。</translation>
    </message>
    <message>
        <location filename="../core/checks/per_capita.py" line="233" />
        <source>The target's scope is '{scope}', which the township layer cannot delimit: all the townships given are measured.</source>
        <translation>目标的范围为“{scope}”，乡镇（街道）图层无法划定：按所给的全部乡镇测算。</translation>
    </message>
    <message>
        <location filename="../core/checks/per_capita.py" line="237" />
        <source>The scope '{scope}' needs the township layer (TOWNSHIPS).</source>
        <translation>范围“{scope}”需要乡镇（街道）图层（TOWNSHIPS）。</translation>
    </message>
    <message>
        <location filename="../core/checks/per_capita.py" line="237" />
        <source>Choose the township layer, or measure the whole jurisdiction.</source>
        <translation>请选择乡镇（街道）图层，或测算全辖区。</translation>
    </message>
    <message>
        <location filename="../core/checks/per_capita.py" line="250" />
        <source>Land: the polygons of '{layer}' with a code in '{field}' starting with {codes}.</source>
        <translation>用地：图层“{layer}”中字段“{field}”以 {codes} 开头的图斑。</translation>
    </message>
    <message>
        <location filename="../core/checks/per_capita.py" line="250" />
        <source>Land: every polygon of '{layer}'.</source>
        <translation>用地：图层“{layer}”的全部图斑。</translation>
    </message>
    <message>
        <location filename="../core/checks/per_capita.py" line="273" />
        <source>No land polygon of '{land}' lies inside any township of '{townships}'.</source>
        <translation>图层“{land}”的用地图斑均不在“{townships}”的任何乡镇（街道）内。</translation>
    </message>
    <message>
        <location filename="../core/checks/per_capita.py" line="299" />
        <source>No township of '{layer}' is in the scope '{scope}'.</source>
        <translation>图层“{layer}”中没有乡镇（街道）属于范围“{scope}”。</translation>
    </message>
    <message>
        <location filename="../core/checks/per_capita.py" line="299" />
        <source>Tag the townships first ('Tag townships with the plan's structure'), or choose another scope.</source>
        <translation>请先标注乡镇（“按规划结构标注乡镇”），或选择其他范围。</translation>
    </message>
    <message>
        <location filename="../core/checks/per_capita.py" line="306" />
        <source>The typed population is taken as the population of the scope '{scope}'.</source>
        <translation>输入的人口作为范围“{scope}”的人口。</translation>
    </message>
    <message>
        <location filename="../core/checks/per_capita.py" line="312" />
        <source>Townships without a population are left out of the scope's figure, land and persons alike: {names}.</source>
        <translation>以下无人口数据的乡镇（街道）不计入范围的数值（用地和人口均不计）：{names}。</translation>
    </message>
    <message>
        <location filename="../core/checks/per_capita.py" line="318" />
        <source>Townships with land but no resident counted: {names}; their figure per person is not defined.</source>
        <translation>以下乡镇（街道）有用地但未统计到常住人口：{names}；其人均值无定义。</translation>
    </message>
    <message>
        <location filename="../core/checks/per_capita.py" line="321" />
        <source>The scope '{scope}' has no population: no figure per person.</source>
        <translation>范围“{scope}”没有人口：无法计算人均值。</translation>
    </message>
    <message>
        <location filename="../core/checks/per_capita.py" line="321" />
        <source>Check the population data for these townships.</source>
        <translation>请检查这些乡镇（街道）的人口数据。</translation>
    </message>
    <message>
        <location filename="../core/checks/per_capita.py" line="325" />
        <source>人均城镇建设用地 divides 城镇建设用地 by the urban resident population (城镇常住人口): the population given is used as that population.</source>
        <translation>人均城镇建设用地为城镇建设用地除以城镇常住人口：所给人口即作为该人口使用。</translation>
    </message>
    <message>
        <location filename="../core/checks/per_capita.py" line="334" />
        <source>The land is dissolved (overlaps count once) and cut by the township boundaries; its area in m² is divided by the persons counted in the same townships.</source>
        <translation>用地先融合（重叠部分只计一次），再按乡镇（街道）界线切分；以平方米计的面积除以同一乡镇内统计的人数。</translation>
    </message>
    <message>
        <location filename="../core/checks/population_places.py" line="316" />
        <source>no township of {label} has a population</source>
        <translation>{label}的乡镇（街道）均无人口数据</translation>
    </message>
    <message>
        <location filename="../core/geo/delivery.py" line="56" />
        <source>township boundaries</source>
        <translation>乡镇（街道）界线</translation>
    </message>
    <message>
        <location filename="../core/geo/delivery.py" line="56" />
        <source>land use</source>
        <translation>地类图斑</translation>
    </message>
    <message>
        <location filename="../core/geo/delivery.py" line="56" />
        <source>built-up land</source>
        <translation>城镇村等用地</translation>
    </message>
    <message>
        <location filename="../core/geo/delivery.py" line="57" />
        <source>urban development boundary</source>
        <translation>城镇开发边界</translation>
    </message>
    <message>
        <location filename="../core/geo/delivery.py" line="57" />
        <source>ecological protection red line</source>
        <translation>生态保护红线</translation>
    </message>
    <message>
        <location filename="../core/geo/delivery.py" line="58" />
        <source>permanent basic farmland</source>
        <translation>永久基本农田</translation>
    </message>
    <message>
        <location filename="../core/geo/delivery.py" line="58" />
        <source>planning zones</source>
        <translation>规划分区</translation>
    </message>
    <message>
        <location filename="../core/geo/delivery.py" line="89" />
        <source>layer name {name} is the standard's code {code}</source>
        <translation>图层名 {name} 即标准代码 {code}</translation>
    </message>
    <message>
        <location filename="../core/geo/delivery.py" line="90" />
        <source>alias {alias} is the standard's name of {code}</source>
        <translation>别名 {alias} 即标准中 {code} 的名称</translation>
    </message>
    <message>
        <location filename="../core/geo/delivery.py" line="91" />
        <source>its fields are those of {code}</source>
        <translation>其字段与 {code} 的标准字段一致</translation>
    </message>
    <message>
        <location filename="../core/geo/delivery.py" line="176" />
        <source>The delivery {path} does not exist.</source>
        <translation>成果数据 {path} 不存在。</translation>
    </message>
    <message>
        <location filename="../core/geo/delivery.py" line="176" />
        <source>Give the folder, .gdb or .gpkg the data came in.</source>
        <translation>请给出成果数据所在的文件夹、.gdb 或 .gpkg。</translation>
    </message>
    <message>
        <location filename="../core/geo/delivery.py" line="181" />
        <source>No vector layer was found in the delivery {path}.</source>
        <translation>成果数据 {path} 中未找到矢量图层。</translation>
    </message>
    <message>
        <location filename="../core/geo/delivery.py" line="181" />
        <source>Give the File Geodatabase (.gdb), GeoPackage or folder of Shapefiles itself.</source>
        <translation>请直接给出 File Geodatabase（.gdb）、GeoPackage 或 Shapefile 所在文件夹。</translation>
    </message>
    <message>
        <location filename="../core/geo/delivery.py" line="209" />
        <source>{role}: {name} ({how}).</source>
        <translation>{role}：{name}（{how}）。</translation>
    </message>
    <message>
        <location filename="../core/geo/delivery.py" line="278" />
        <source>its CRS {crs} does not fit its coordinates</source>
        <translation>其坐标系 {crs} 与坐标不符</translation>
    </message>
    <message>
        <location filename="../core/geo/delivery.py" line="278" />
        <source>it has no CRS (no .prj)</source>
        <translation>没有坐标系（缺少 .prj）</translation>
    </message>
    <message>
        <location filename="../core/geo/delivery.py" line="292" />
        <source>{layer}: {problem}; X carries the zone number {zone} in front, so it is read as {crs} (CGCS2000 3-degree Gauss-Krüger zone {zone}, central meridian {cm}°E).</source>
        <translation>{layer}：{problem}；X 坐标前带有带号 {zone}，因此按 {crs} 读取（CGCS2000 3 度分带高斯-克吕格投影第 {zone} 带，中央经线 {cm}°E）。</translation>
    </message>
    <message>
        <location filename="../core/geo/delivery.py" line="297" />
        <source>{layer}: {problem}; its coordinates are degrees in China, so it is read as CGCS2000 ({crs}), the datum of national survey data.</source>
        <translation>{layer}：{problem}；其坐标为中国境内的经纬度，因此按国家调查成果的基准 CGCS2000（{crs}）读取。</translation>
    </message>
    <message>
        <location filename="../core/geo/delivery.py" line="301" />
        <source>Layer '{layer}': {problem}, and its coordinates are Gauss-Krüger metres without a zone number in front of X, which do not tell the zone.</source>
        <translation>图层“{layer}”：{problem}，且其坐标为 X 前不带带号的高斯-克吕格米制坐标，无法判断分带。</translation>
    </message>
    <message>
        <location filename="../core/geo/delivery.py" line="306" />
        <source>Layer '{layer}': {problem}, and its coordinates ({extent}) fit no CRS of a Chinese survey.</source>
        <translation>图层“{layer}”：{problem}，且其坐标（{extent}）不符合国内调查成果的任何坐标系。</translation>
    </message>
    <message>
        <location filename="../core/geo/delivery.py" line="306" />
        <source>Set the layer's CRS as the delivery's documentation gives it.</source>
        <translation>请按成果资料说明设置该图层的坐标系。</translation>
    </message>
    <message>
        <location filename="../core/checks/per_capita.py" line="247" />
        <source>Layer '{layer}' (INPUT or LANDUSE) has no land polygon with an area.</source>
        <translation>图层“{layer}”（INPUT 或 LANDUSE）中没有有面积的用地图斑。</translation>
    </message>
    <message>
        <location filename="../core/checks/population_places.py" line="167" />
        <source>the raster '{layer}' (POPULATION_RASTER)</source>
        <translation>栅格“{layer}”（POPULATION_RASTER）</translation>
    </message>
    <message>
        <location filename="../core/checks/population_places.py" line="204" />
        <source>the points '{layer}' (POPULATION_POINTS)</source>
        <translation>点图层“{layer}”（POPULATION_POINTS）</translation>
    </message>
    <message>
        <location filename="../core/checks/population_places.py" line="214" />
        <source>field '{field}' of '{layer}' (POPULATION_FIELD)</source>
        <translation>图层“{layer}”的字段“{field}”（POPULATION_FIELD）</translation>
    </message>
    <message>
        <location filename="../core/checks/distance_rule.py" line="101" />
        <source>Parameter {parameter}: layer '{layer}' ({role}) has no geometry (a table).</source>
        <translation>参数 {parameter}：图层“{layer}”（{role}）没有几何（是一张表）。</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_presence.py" line="116" />
        <source>Parameter TOWNSHIPS: layer '{layer}' does not hold polygons.</source>
        <translation>参数 TOWNSHIPS：图层“{layer}”不是面图层。</translation>
    </message>
    <message>
        <location filename="../core/checks/distance_rule.py" line="188" />
        <source>Parameter {parameter}: layer '{layer}' has no feature to measure.</source>
        <translation>参数 {parameter}：图层“{layer}”没有可计算的要素。</translation>
    </message>
    <message>
        <location filename="../core/checks/distance_rule.py" line="209" />
        <source>No feature of '{subjects}' (INPUT) lies inside any township of '{townships}' (TOWNSHIPS).</source>
        <translation>“{subjects}”（INPUT）的要素都不在“{townships}”（TOWNSHIPS）的任何乡镇（街道）内。</translation>
    </message>
    <message>
        <location filename="../core/checks/distance_rule.py" line="220" />
        <source>The layers '{subjects}' (INPUT) and '{near}' (NEAR) do not overlap: the nearest features are {km:.1f} km apart, so no violation could be found.</source>
        <translation>图层“{subjects}”（INPUT）与“{near}”（NEAR）不重叠：最近的要素相距 {km:.1f} 公里，因此不可能找到违规。</translation>
    </message>
    <message>
        <location filename="../core/checks/land_share.py" line="147" />
        <source>Parameter {parameter}: layer '{layer}' ({role}) does not hold polygons.</source>
        <translation>参数 {parameter}：图层“{layer}”（{role}）不是面图层。</translation>
    </message>
    <message>
        <location filename="../core/checks/land_share.py" line="220" />
        <source>Parameter INPUT: layer '{layer}' has no class polygon with an area.</source>
        <translation>参数 INPUT：图层“{layer}”没有有面积的用地图斑。</translation>
    </message>
    <message>
        <location filename="../core/checks/land_share.py" line="250" />
        <source>No polygon of the extent '{extent}' (EXTENT) lies inside any township of '{townships}' (TOWNSHIPS).</source>
        <translation>范围“{extent}”（EXTENT）的图斑都不在“{townships}”（TOWNSHIPS）的任何乡镇（街道）内。</translation>
    </message>
    <message>
        <location filename="../core/checks/land_share.py" line="290" />
        <source>Parameter {parameter}: the extent '{layer}' has no area to measure a share of.</source>
        <translation>参数 {parameter}：范围“{layer}”没有可计算比例的面积。</translation>
    </message>
    <message>
        <location filename="../core/checks/land_share.py" line="295" />
        <source>No class land of '{classes}' (INPUT) lies inside the extent '{extent}' ({parameter}), so its share would be a silent zero.</source>
        <translation>“{classes}”（INPUT）的用地没有落在范围“{extent}”（{parameter}）内，比例将是一个不声不响的零。</translation>
    </message>
    <message>
        <location filename="../core/maps/fonts.py" line="113" />
        <source>fontTools is not installed</source>
        <translation>未安装 fontTools</translation>
    </message>
    <message>
        <location filename="../core/maps/fonts.py" line="135" />
        <source>Noto Sans CJK is not installed</source>
        <translation>未安装 Noto Sans CJK 字体</translation>
    </message>
    <message>
        <location filename="../core/maps/fonts.py" line="143" />
        <source>The PDF's text may copy some characters as look-alike radicals (一 as ⼀): {reason}. Install fonts-noto-cjk and python3-fonttools (or run `make setup`) for text that searches and copies exactly.</source>
        <translation>PDF 中的部分文字在复制时可能变成形近的部首字符（如“一”变为“⼀”）：{reason}。请安装 fonts-noto-cjk 和 python3-fonttools（或运行 `make setup`），使文字可准确检索和复制。</translation>
    </message>
    <message>
        <location filename="../core/checks/targets.py" line="144" />
        <source>10,000 persons</source>
        <translation>万人</translation>
    </message>
    <message>
        <location filename="../core/maps/chart_data.py" line="22" />
        <source>persons</source>
        <translation>人</translation>
    </message>
    <message>
        <location filename="../core/checks/targets.py" line="144" />
        <source>count</source>
        <translation>个</translation>
    </message>
    <message>
        <location filename="../core/checks/targets.py" line="145" />
        <source>hours</source>
        <translation>小时</translation>
    </message>
    <message>
        <location filename="../core/checks/targets.py" line="145" />
        <source>minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <location filename="../core/checks/report.py" line="52" />
        <source>Generated</source>
        <translation>生成于</translation>
    </message>
    <message>
        <location filename="../core/checks/report.py" line="53" />
        <source>Targets</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../core/checks/report.py" line="54" />
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <location filename="../core/checks/report.py" line="55" />
        <source>Inputs</source>
        <translation>输入数据</translation>
    </message>
    <message>
        <location filename="../core/checks/report.py" line="56" />
        <source>Data notes</source>
        <translation>数据说明</translation>
    </message>
    <message>
        <location filename="../algorithms/export_map.py" line="90" />
        <source>Township boundaries, when the input is not a township layer (e.g. the coverage check's service area; empty: a tagged township layer among the result layers)</source>
        <translation>乡镇界线，输入图层不是乡镇图层时使用（如公交站点覆盖率校核的服务区域；留空：结果图层中已标注的乡镇图层）</translation>
    </message>
    <message>
        <location filename="../core/maps/content.py" line="355" />
        <source>{layer} ({file})</source>
        <translation>{layer}（{file}）</translation>
    </message>
    <message>
        <location filename="../core/maps/content.py" line="399" />
        <source>Layer '{layer}' is not a township layer and no township layer was given, so the map shows no township boundaries: give the township layer (TOWNSHIPS).</source>
        <translation>图层“{layer}”不是乡镇图层，且未提供乡镇图层，因此地图上没有乡镇界线：请提供乡镇图层（TOWNSHIPS）。</translation>
    </message>
    <message>
        <location filename="../core/geo/measure.py" line="104" />
        <source>CGCS2000 / 3-degree Gauss-Kruger, central meridian {cm}°E</source>
        <translation>CGCS2000 / 3度带高斯-克吕格投影，中央经线 {cm}°E</translation>
    </message>
    <message>
        <location filename="../core/geo/measure.py" line="104" />
        <source>CGCS2000 / 3-degree Gauss-Kruger, zone {zone}</source>
        <translation>CGCS2000 / 3度带高斯-克吕格投影，第 {zone} 带</translation>
    </message>
    <message>
        <location filename="../core/geo/measure.py" line="104" />
        <source>CGCS2000 / 6-degree Gauss-Kruger, central meridian {cm}°E</source>
        <translation>CGCS2000 / 6度带高斯-克吕格投影，中央经线 {cm}°E</translation>
    </message>
    <message>
        <location filename="../core/geo/measure.py" line="104" />
        <source>CGCS2000 / 6-degree Gauss-Kruger, zone {zone}</source>
        <translation>CGCS2000 / 6度带高斯-克吕格投影，第 {zone} 带</translation>
    </message>
    <message>
        <location filename="../core/geo/measure.py" line="104" />
        <source>China Geodetic Coordinate System 2000</source>
        <translation>2000国家大地坐标系</translation>
    </message>
    <message>
        <location filename="../core/maps/styling.py" line="98" />
        <source>Not in this plan structure</source>
        <translation>未列入该规划结构</translation>
    </message>
    <message>
        <location filename="../core/maps/styling.py" line="117" />
        <source>{values} (the plan contradicts itself)</source>
        <translation>{values}（规划表述矛盾）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_builtup.py" line="123" />
        <source>Statistical and geometric area: the survey's figures are its recorded areas (三调 TBMJ 图斑面积; TBDLMJ 地类面积 = TBMJ minus the field-ridge deduction), in m², on the ellipsoid and adjusted to the control totals; the geometry's own area differs. With AREA_FIELD (or AREA_SOURCE = recorded, which takes TBDLMJ, else TBMJ) both are given, with recorded − geometric per township (geo_km2, rec_km2, diff_km2, diff_pct; GEOMETRIC_KM2, RECORDED_KM2; the report also in 公顷 and 亩), and AREA_SOURCE chooses the one bu_km2, MEASURED and the target check use. A polygon split between townships gets its recorded area in proportion to its geometric area in each.</source>
        <translation>统计面积与几何面积：调查的数据是其记载面积（三调 TBMJ 图斑面积；TBDLMJ 图斑地类面积 = TBMJ 减去田坎扣除面积），单位平方米，为椭球面积并经控制面积平差；图形自身的面积与之不同。给出 AREA_FIELD（或选 AREA_SOURCE = 记载面积，此时取 TBDLMJ，无则取 TBMJ）时两者同时给出，并逐乡镇给出“记载 − 几何”之差（geo_km2、rec_km2、diff_km2、diff_pct；GEOMETRIC_KM2、RECORDED_KM2；报告中另以公顷和亩列出）；AREA_SOURCE 决定 bu_km2、MEASURED 及目标核验采用哪一个。跨乡镇界的图斑按其在各乡镇内的几何面积比例分摊记载面积。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_builtup.py" line="163" />
        <source>Figure checked against the target</source>
        <translation>与目标比较的面积</translation>
    </message>
    <message>
        <location filename="../algorithms/check_builtup.py" line="163" />
        <source>Geometric: the polygons' own area</source>
        <translation>几何面积：图斑图形自身的面积</translation>
    </message>
    <message>
        <location filename="../algorithms/check_builtup.py" line="163" />
        <source>Recorded: the survey's area field (AREA_FIELD; empty: TBDLMJ, else TBMJ)</source>
        <translation>记载面积：调查的面积字段（AREA_FIELD；留空则取 TBDLMJ，无则取 TBMJ）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_builtup.py" line="168" />
        <source>Recorded-area field in m² (三调 TBMJ 图斑面积 or TBDLMJ 地类面积), reported beside the geometric area</source>
        <translation>记载面积字段，单位平方米（三调 TBMJ 图斑面积或 TBDLMJ 图斑地类面积），与几何面积并列报告</translation>
    </message>
    <message>
        <location filename="../algorithms/check_builtup.py" line="173" />
        <source>Built-up area by geometry (km²)</source>
        <translation>建成区几何面积（平方公里）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_builtup.py" line="173" />
        <source>Built-up area recorded (km²; none without a recorded-area field)</source>
        <translation>建成区记载面积（平方公里；无记载面积字段时为空）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_builtup.py" line="226" />
        <source>Recorded ({field}): {recorded:.3f} km²; geometric: {geometric:.3f} km²; recorded − geometric: {diff:+.3f} km² ({pct}).</source>
        <translation>记载面积（{field}）：{recorded:.3f} 平方公里；几何面积：{geometric:.3f} 平方公里；记载 − 几何：{diff:+.3f} 平方公里（{pct}）。</translation>
    </message>
    <message>
        <location filename="../algorithms/run_outputs.py" line="190" />
        <source>km²</source>
        <translation>平方公里</translation>
    </message>
    <message>
        <location filename="../algorithms/run_outputs.py" line="190" />
        <source>公顷 (hectares)</source>
        <translation>公顷</translation>
    </message>
    <message>
        <location filename="../algorithms/run_outputs.py" line="190" />
        <source>亩 (mu)</source>
        <translation>亩</translation>
    </message>
    <message>
        <location filename="../algorithms/check_builtup.py" line="353" />
        <source>Geometric</source>
        <translation>几何面积</translation>
    </message>
    <message>
        <location filename="../algorithms/check_builtup.py" line="353" />
        <source>Recorded ({field})</source>
        <translation>记载面积（{field}）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_builtup.py" line="354" />
        <source>Recorded − geometric</source>
        <translation>记载 − 几何</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="438" />
        <source>Difference %</source>
        <translation>差值 %</translation>
    </message>
    <message>
        <location filename="../algorithms/check_builtup.py" line="355" />
        <source>Geometric and recorded built-up area (km²)</source>
        <translation>建成区几何面积与记载面积（平方公里）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_builtup.py" line="356" />
        <source>Built-up area in {scope}, geometric and recorded</source>
        <translation>{scope}建成区几何面积与记载面积</translation>
    </message>
    <message>
        <location filename="../core/checks/builtup.py" line="381" />
        <source>Built-up polygons overlap by {km2:.4f} km²: the geometric figure counts that land once, the recorded figure once for each polygon's own record.</source>
        <translation>建成区图斑相互重叠 {km2:.4f} 平方公里：几何面积对重叠部分只计一次，记载面积则按各图斑自身的记载分别计入。</translation>
    </message>
    <message>
        <location filename="../core/checks/builtup.py" line="430" />
        <source>Choose the field holding each polygon's recorded area in m² (AREA_FIELD), or measure the geometry.</source>
        <translation>请选择存放各图斑记载面积（平方米）的字段（AREA_FIELD），或改用几何面积。</translation>
    </message>
    <message>
        <location filename="../core/checks/builtup.py" line="432" />
        <source>Layer '{layer}' has no recorded-area field {fields}.</source>
        <translation>图层“{layer}”没有记载面积字段 {fields}。</translation>
    </message>
    <message>
        <location filename="../core/checks/builtup.py" line="478" />
        <source>No built-up polygon of '{layer}' has a recorded area in '{field}'.</source>
        <translation>图层“{layer}”中没有任何建成区图斑在“{field}”中有记载面积。</translation>
    </message>
    <message>
        <location filename="../core/checks/builtup.py" line="495" />
        <source>Recorded areas: field {field} (m², as the survey records them); a polygon split between townships gets its recorded area in proportion to its geometric area in each. The target is checked on the {figure} figure.</source>
        <translation>记载面积：字段 {field}（单位平方米，按调查记载）；跨乡镇界的图斑按其在各乡镇内的几何面积比例分摊记载面积。目标按{figure}核验。</translation>
    </message>
    <message>
        <location filename="../core/checks/builtup.py" line="497" />
        <source>recorded</source>
        <translation>记载面积</translation>
    </message>
    <message>
        <location filename="../core/checks/builtup.py" line="497" />
        <source>geometric</source>
        <translation>几何面积</translation>
    </message>
    <message>
        <location filename="../core/checks/landuse.py" line="379" />
        <source>{layer}: {n} polygons have no recorded area in '{field}' (empty, negative or not a number) and count 0 in the recorded figure (feature ids {ids}).</source>
        <translation>{layer}：{n} 个图斑在“{field}”中没有记载面积（为空、为负或不是数字），在记载面积中按 0 计（要素编号 {ids}）。</translation>
    </message>
    <message>
        <location filename="../core/maps/content.py" line="360" />
        <source>{layer}: {provenance}</source>
        <translation>{layer}：{provenance}</translation>
    </message>
    <message>
        <location filename="../core/maps/themes.py" line="126" />
        <source>{label} {target} {unit} ({year}): {citation}</source>
        <translation>{label} {target} {unit}（{year}）：{citation}</translation>
    </message>
    <message>
        <location filename="../core/maps/themes.py" line="128" />
        <source>{label} {target} {unit}: {citation}</source>
        <translation>{label} {target} {unit}：{citation}</translation>
    </message>
    <message>
        <location filename="../core/checks/plan_rows.py" line="54" />
        <source>not measured</source>
        <translation>未测</translation>
    </message>
    <message>
        <location filename="../core/checks/plan_rows.py" line="54" />
        <source>could not be measured</source>
        <translation>无法测算</translation>
    </message>
    <message>
        <location filename="../core/checks/plan_check.py" line="102" />
        <source>Layer '{layer}', given as {role} ({parameter}), holds {found}, not {wanted}.</source>
        <translation>作为 {role}（{parameter}）给出的图层“{layer}”是{found}，不是{wanted}。</translation>
    </message>
    <message>
        <location filename="../core/checks/plan_check.py" line="102" />
        <source>no geometry</source>
        <translation>无几何</translation>
    </message>
    <message>
        <location filename="../core/checks/plan_check.py" line="116" />
        <source>The population points '{layer}' need their persons field.</source>
        <translation>人口点“{layer}”需要人数字段。</translation>
    </message>
    <message>
        <location filename="../core/checks/plan_check.py" line="116" />
        <source>Choose POPULATION_FIELD, the persons of each point.</source>
        <translation>请选择 POPULATION_FIELD，即各点的人数字段。</translation>
    </message>
    <message>
        <location filename="../core/checks/plan_check.py" line="353" />
        <source>no check measures the kind {kind}</source>
        <translation>没有校核能测算 {kind} 类测算</translation>
    </message>
    <message>
        <location filename="../core/checks/plan_check.py" line="149" />
        <source>needs layer: {roles}</source>
        <translation>需要图层：{roles}</translation>
    </message>
    <message>
        <location filename="../core/checks/plan_check.py" line="175" />
        <source>built-up classes '{classes}' are no preset of the built-up check</source>
        <translation>建成区地类“{classes}”不是建成区校核的预设</translation>
    </message>
    <message>
        <location filename="../core/checks/plan_facilities.py" line="120" />
        <source>Coverage by population needs a population raster or points (POPULATION).</source>
        <translation>按人口计算覆盖率需要人口栅格或人口点（POPULATION）。</translation>
    </message>
    <message>
        <location filename="../core/checks/plan_facilities.py" line="120" />
        <source>Choose the population layer, or measure the coverage by area.</source>
        <translation>请选择人口图层，或按面积计算覆盖率。</translation>
    </message>
    <message>
        <location filename="../core/checks/plan_check.py" line="254" />
        <source>{classes} inside {extent}</source>
        <translation>{extent}内的{classes}</translation>
    </message>
    <message>
        <location filename="../core/checks/plan_check.py" line="335" />
        <source>not a population target</source>
        <translation>不是人口指标</translation>
    </message>
    <message>
        <location filename="../core/checks/plan_check.py" line="380" />
        <source>no check measures this indicator</source>
        <translation>没有校核能测算该指标</translation>
    </message>
    <message>
        <location filename="../core/checks/plan_check.py" line="396" />
        <source>Measuring {ids}</source>
        <translation>正在测算 {ids}</translation>
    </message>
    <message>
        <location filename="../core/checks/plan_check.py" line="414" />
        <source>could not be measured: {message}</source>
        <translation>无法测算：{message}</translation>
    </message>
    <message>
        <location filename="../gui/plan_tab.py" line="52" />
        <source>Built-up area polygons (建成区)</source>
        <translation>建成区面（建成区）</translation>
    </message>
    <message>
        <location filename="../gui/plan_tab.py" line="53" />
        <source>Land use (三调 地类图斑 or 用地用海)</source>
        <translation>土地利用（三调地类图斑或用地用海）</translation>
    </message>
    <message>
        <location filename="../gui/plan_tab.py" line="54" />
        <source>Bus stops (points)</source>
        <translation>公交站点（点）</translation>
    </message>
    <message>
        <location filename="../gui/plan_tab.py" line="55" />
        <source>Facilities (points)</source>
        <translation>设施（点）</translation>
    </message>
    <message>
        <location filename="../gui/plan_tab.py" line="56" />
        <source>Roads and footpaths (lines)</source>
        <translation>道路和步行道（线）</translation>
    </message>
    <message>
        <location filename="../gui/plan_tab.py" line="59" />
        <source>Green land or vegetation cover (polygons)</source>
        <translation>绿地或植被覆盖（面）</translation>
    </message>
    <message>
        <location filename="../gui/plan_tab.py" line="60" />
        <source>Forest (polygons)</source>
        <translation>森林（面）</translation>
    </message>
    <message>
        <location filename="../gui/plan_tab.py" line="61" />
        <source>Ecological red line (生态保护红线)</source>
        <translation>生态保护红线</translation>
    </message>
    <message>
        <location filename="../gui/plan_tab.py" line="64" />
        <source>Rivers (lines or water polygons)</source>
        <translation>河流（线或水面）</translation>
    </message>
    <message>
        <location filename="../gui/plan_tab.py" line="65" />
        <source>Plants kept away from the rivers (chemical projects)</source>
        <translation>须远离河流的项目（化工项目）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_plan.py" line="78" />
        <source>Check a whole plan (every target the layers can measure)</source>
        <translation>校核整部规划（图层能测算的全部指标）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_plan.py" line="120" />
        <source>Land-use class field where the preset's usual one (CZCSXM, DLBM, YDYHFLDM) is missing</source>
        <translation>土地利用地类字段（图层没有预设的常用字段 CZCSXM、DLBM、YDYHFLDM 时）</translation>
    </message>
    <message>
        <location filename="../gui/plan_tab.py" line="57" />
        <source>Population: a raster of persons per cell, or points</source>
        <translation>人口：每格人数栅格，或人口点</translation>
    </message>
    <message>
        <location filename="../algorithms/check_plan.py" line="125" />
        <source>Persons field of the population points, or of the townships without a population layer</source>
        <translation>人口点的人数字段；无人口图层时为乡镇街道图层的人口字段</translation>
    </message>
    <message>
        <location filename="../gui/plan_tab.py" line="203" />
        <source>Plan check summary</source>
        <translation>规划校核汇总</translation>
    </message>
    <message>
        <location filename="../algorithms/check_plan.py" line="138" />
        <source>Targets of the catalogue</source>
        <translation>目录中的指标数</translation>
    </message>
    <message>
        <location filename="../algorithms/check_plan.py" line="138" />
        <source>Targets measured</source>
        <translation>已测指标数</translation>
    </message>
    <message>
        <location filename="../algorithms/check_plan.py" line="138" />
        <source>Targets met</source>
        <translation>达标指标数</translation>
    </message>
    <message>
        <location filename="../algorithms/check_plan.py" line="138" />
        <source>Targets not met</source>
        <translation>未达标指标数</translation>
    </message>
    <message>
        <location filename="../algorithms/check_plan.py" line="138" />
        <source>Targets not measured</source>
        <translation>未测指标数</translation>
    </message>
    <message>
        <location filename="../algorithms/check_plan.py" line="183" />
        <source>{catalogue}: {measured} of {targets} targets measured, {met} met, {not_met} not met.</source>
        <translation>{catalogue}：{targets}项指标中已测{measured}项，达标{met}项，未达标{not_met}项。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_plan.py" line="219" />
        <source>Summary: {measured} of {targets} targets measured, {met} met, {not_met} not met</source>
        <translation>汇总：{targets}项指标中已测{measured}项，达标{met}项，未达标{not_met}项</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="348" />
        <source>How it was measured</source>
        <translation>测算方法</translation>
    </message>
    <message>
        <location filename="../core/maps/dossier.py" line="195" />
        <source>Targets not measured, and why</source>
        <translation>未测指标及原因</translation>
    </message>
    <message>
        <location filename="../algorithms/check_plan.py" line="225" />
        <source>Measurements</source>
        <translation>测算</translation>
    </message>
    <message>
        <location filename="../algorithms/check_plan.py" line="234" />
        <source>Plan check: {catalogue}</source>
        <translation>规划校核：{catalogue}</translation>
    </message>
    <message>
        <location filename="../algorithms/export_map.py" line="114" />
        <source>Language of the map's texts</source>
        <translation>地图文字的语言</translation>
    </message>
    <message>
        <location filename="../algorithms/export_map.py" line="114" />
        <source>The interface's</source>
        <translation>与界面一致</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_presets.py" line="70" />
        <source>GB 50180-2018 《城市居住区规划设计标准》: the 5-, 10- and 15-minute life circles are 300 m, 500 m and 800–1,000 m walking distance (Table 3.0.4); the facilities each circle holds are listed in Appendix B (配套设施设置规定).</source>
        <translation>GB 50180-2018《城市居住区规划设计标准》：5 分钟、10 分钟、15 分钟生活圈的步行距离分别为 300 米、500 米和 800～1000 米（表 3.0.4）；各生活圈应配置的设施见附录 B（配套设施设置规定）。</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_presets.py" line="78" />
        <source>公交站点500米覆盖率 (bus-stop 500 m coverage)</source>
        <translation>公交站点500米覆盖率</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_presets.py" line="78" />
        <source>bus stop</source>
        <translation>公交站点</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_presets.py" line="78" />
        <source>城区公交站点500米覆盖率 as 巫溪 states it (004_de8bb285974af80e.txt l.39): the share of the 城区 within 500 m of a bus stop; the plan does not name the denominator, the served area's area is used (convention).</source>
        <translation>城区公交站点500米覆盖率，按巫溪的表述（004_de8bb285974af80e.txt 第 39 行）：城区中距公交站点 500 米以内部分所占比例；规划未指明分母，采用服务区域面积（约定）。</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_presets.py" line="83" />
        <source>公园绿地广场步行5分钟覆盖率 (park and square 5-minute walk coverage)</source>
        <translation>公园绿地广场步行5分钟覆盖率</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_presets.py" line="83" />
        <source>park or square</source>
        <translation>公园绿地或广场</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_presets.py" line="83" />
        <source>The target: 江津 90% by 2025 (000_5c0b1797e2e1b3c4.txt l.351; 001_c0dc96b9baef37ce.txt l.1389). The definition: 住建部 城市体检 indicator 公园绿地广场步行5分钟覆盖率, the residential land within a 5-minute walk (300 m) of a park, green space or square of 400 m² or more, over all residential land.</source>
        <translation>目标：江津 2025 年达到 90%（000_5c0b1797e2e1b3c4.txt 第 351 行；001_c0dc96b9baef37ce.txt 第 1389 行）。定义：住建部城市体检指标“公园绿地广场步行5分钟覆盖率”，即 400 平方米以上的公园绿地、广场步行 5 分钟（300 米）范围覆盖的居住用地占全部居住用地的比例。</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_presets.py" line="91" />
        <source>15分钟生活圈: {name} {minutes:g} min</source>
        <translation>15分钟生活圈：{name} {minutes:g} 分钟</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_presets.py" line="91" />
        <source>{name} within a {minutes:g}-minute walk of the residents. {gb} The plans do not name the denominator: residential land (convention).</source>
        <translation>居民步行 {minutes:g} 分钟可达的{name}设施。{gb}规划未指明分母：采用居住用地（约定）。</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_presets.py" line="102" />
        <source>轨道站点800米覆盖率 (rail station 800 m coverage)</source>
        <translation>轨道站点800米覆盖率</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_presets.py" line="102" />
        <source>rail station</source>
        <translation>轨道站点</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_presets.py" line="102" />
        <source>The 800 m catchment of a rail transit station (住建部《城市轨道沿线地区规划设计导则》2015, 站点影响区 within 800 m); the served area's area over the served area (convention).</source>
        <translation>轨道交通站点 800 米服务范围（住建部《城市轨道沿线地区规划设计导则》2015，站点影响区为 800 米以内）；以服务区域面积除以服务区域面积计（约定）。</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_presets.py" line="105" />
        <source>公园绿地服务半径覆盖率 (park service radius coverage)</source>
        <translation>公园绿地服务半径覆盖率</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_presets.py" line="105" />
        <source>park</source>
        <translation>公园</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_presets.py" line="105" />
        <source>GB/T 50563-2010 《城市园林绿化评价标准》 公园绿地服务半径覆盖率: parks of 5,000 m² or more serve 500 m, parks of 2,000–5,000 m² serve 300 m, measured from the park's boundary, over the residential land; smaller parks are not counted.</source>
        <translation>GB/T 50563-2010《城市园林绿化评价标准》公园绿地服务半径覆盖率：5000 平方米及以上的公园绿地按 500 米服务半径，2000～5000 平方米的按 300 米，自公园边界量算，分母为居住用地；更小的公园不计。</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_presets.py" line="116" />
        <source>Unknown facility-coverage preset '{key}'.</source>
        <translation>未知的设施覆盖率预设“{key}”。</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_presets.py" line="116" />
        <source>Choose one of: {keys}.</source>
        <translation>请选择以下之一：{keys}。</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_presets.py" line="145" />
        <source>Threshold: {m:g} m.</source>
        <translation>阈值：{m:g} 米。</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_presets.py" line="130" />
        <source>GB 50180-2018 gives round distances for 5, 10 and 15 minutes only, not {m:g}.</source>
        <translation>GB 50180-2018 只给出 5、10、15 分钟的整数距离，没有 {m:g} 分钟的。</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_presets.py" line="130" />
        <source>Choose the walking-speed reading, or give the distance in metres.</source>
        <translation>请选择按步行速度换算，或直接给出以米计的距离。</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_presets.py" line="134" />
        <source>Threshold: {min:g} minutes read as {m:g} m, the round distance of GB 50180-2018 Table 3.0.4 (5 min 300 m, 10 min 500 m, 15 min 800–1,000 m, the lower bound used).</source>
        <translation>阈值：{min:g} 分钟按 GB 50180-2018 表 3.0.4 的整数距离读作 {m:g} 米（5 分钟 300 米，10 分钟 500 米，15 分钟 800～1000 米，取下限）。</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_presets.py" line="138" />
        <source>The walking speed must be above 0 m/s.</source>
        <translation>步行速度必须大于 0 米/秒。</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_presets.py" line="138" />
        <source>Give WALK_SPEED in metres a second (default {v:g}).</source>
        <translation>请以米/秒给出 WALK_SPEED（默认 {v:g}）。</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_presets.py" line="141" />
        <source>Threshold: {min:g} minutes × 60 s × {v:g} m/s = {m:g} m (walking speed {v:g} m/s; the default, 1.0 m/s, is GB 50180-2018's 5 minutes = 300 m; the standard's round distances are the other reading).</source>
        <translation>阈值：{min:g} 分钟 × 60 秒 × {v:g} 米/秒 = {m:g} 米（步行速度 {v:g} 米/秒；默认 1.0 米/秒，即 GB 50180-2018 中 5 分钟 = 300 米的对应关系；另一种读法为该标准给出的整数距离）。</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_presets.py" line="147" />
        <source>Threshold by the park's area: {classes}.</source>
        <translation>阈值按公园面积确定：{classes}。</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_presets.py" line="147" />
        <source>≥ {a:g} m² → {r:g} m</source>
        <translation>≥ {a:g} 平方米 → {r:g} 米</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_presets.py" line="149" />
        <source>No distance or walking time was given.</source>
        <translation>未给出距离或步行时间。</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_presets.py" line="149" />
        <source>Choose a preset, or give DISTANCE (m) or MINUTES.</source>
        <translation>请选择预设，或给出 DISTANCE（米）或 MINUTES（分钟）。</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_coverage.py" line="61" />
        <source>Parameter FACILITIES: layer '{layer}' does not hold points or polygons (it holds lines or no geometry); a facility is reached from a point or from a polygon's boundary.</source>
        <translation>参数 FACILITIES：图层“{layer}”不含点或面（而是线或无几何）；设施须从点或面的边界出发到达。</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_coverage.py" line="61" />
        <source>Choose the facilities as points (entrances, stops) or polygons (parks, school grounds); a line layer can be turned into points with Processing Toolbox &gt; Vector geometry &gt; Points along geometry.</source>
        <translation>请选择点（出入口、站点）或面（公园、学校用地）形式的设施图层；线图层可用“处理工具箱 &gt; 矢量几何 &gt; 沿几何生成点”转为点。</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_coverage.py" line="68" />
        <source>Parameter FACILITIES: preset {preset} needs polygons (the radius depends on the park's area), but layer '{layer}' holds points.</source>
        <translation>参数 FACILITIES：预设 {preset} 需要面（服务半径取决于公园面积），但图层“{layer}”为点。</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_coverage.py" line="68" />
        <source>Choose the parks as polygons, or another preset with a fixed distance.</source>
        <translation>请选择面形式的公园，或选择距离固定的其他预设。</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_coverage.py" line="89" />
        <source>Bus-stop coverage (target given by the user)</source>
        <translation>公交站点覆盖率（用户给定目标）</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_coverage.py" line="90" />
        <source>{label} (target given by the user)</source>
        <translation>{label}（用户输入的目标）</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_coverage.py" line="145" />
        <source>The facilities and the served area are both needed.</source>
        <translation>设施图层和服务区域图层都需要提供。</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_coverage.py" line="145" />
        <source>Choose a point or polygon layer of facilities (FACILITIES) and a polygon layer of the served area (SERVED_AREA).</source>
        <translation>请选择点或面形式的设施图层（FACILITIES）和面形式的服务区域图层（SERVED_AREA）。</translation>
    </message>
    <message>
        <location filename="../core/maps/dossier.py" line="249" />
        <source>Facilities</source>
        <translation>设施</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_coverage.py" line="149" />
        <source>Served area</source>
        <translation>服务区域</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_coverage.py" line="155" />
        <source>Distance along the network needs a road layer.</source>
        <translation>沿路网计算距离需要道路图层。</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_coverage.py" line="155" />
        <source>Choose the roads and footpaths (ROADS), or straight-line distance.</source>
        <translation>请选择道路和步行道图层（ROADS），或改用直线距离。</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_coverage.py" line="170" />
        <source>Population-based coverage needs a population raster or a population field.</source>
        <translation>按人口计算覆盖率需要人口栅格或人口字段。</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_coverage.py" line="170" />
        <source>Choose POPULATION_RASTER, or POPULATION_FIELD of the served-area layer, or population points (POPULATION_POINTS), or the area measure.</source>
        <translation>请选择人口栅格（POPULATION_RASTER）、服务区域图层的人口字段（POPULATION_FIELD）或人口点（POPULATION_POINTS），或改用面积口径。</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_coverage.py" line="174" />
        <source>The population points need their persons field.</source>
        <translation>人口点需要指定人数字段。</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_coverage.py" line="174" />
        <source>Choose POPULATION_POINTS_FIELD, the field holding the persons at each point.</source>
        <translation>请选择 POPULATION_POINTS_FIELD，即记录每个点人数的字段。</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_coverage.py" line="183" />
        <source>Roads</source>
        <translation>道路</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_coverage.py" line="191" />
        <source>Definition ({key}): {label}. {source}</source>
        <translation>定义（{key}）：{label}。{source}</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_coverage.py" line="194" />
        <source>Walking access: {w:g} m from a reached road into the block, added on top of the threshold (reading 1 of 2).</source>
        <translation>步行接入：从可达道路进入街区 {w:g} 米，叠加在阈值之外（两种读法之一）。</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_coverage.py" line="194" />
        <source>Walking access: {w:g} m from a reached road into the block, counted within the threshold (the road reach is the threshold less {w:g} m; reading 2 of 2).</source>
        <translation>步行接入：从可达道路进入街区 {w:g} 米，计入阈值之内（道路可达距离为阈值减去 {w:g} 米；两种读法之二）。</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_coverage.py" line="207" />
        <source>Denominator: residential land; no land-use field was given, so the served area '{layer}' is taken as the residential land.</source>
        <translation>分母：居住用地；未给出用地编码字段，因此将服务区域“{layer}”视为居住用地。</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_coverage.py" line="352" />
        <source>Entrances</source>
        <translation>出入口</translation>
    </message>
    <message>
        <location filename="../core/checks/coverage.py" line="447" />
        <source>residential land</source>
        <translation>居住用地</translation>
    </message>
    <message>
        <location filename="../core/checks/coverage.py" line="448" />
        <source>Choose the land-use field and the residential codes (default 0701 城镇住宅用地).</source>
        <translation>请选择用地编码字段和居住用地编码（默认 0701 城镇住宅用地）。</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_coverage.py" line="269" />
        <source>{layer}: {n} facilities of type '{value}' (field {field}).</source>
        <translation>{layer}：类型为“{value}”的设施 {n} 个（字段 {field}）。</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_coverage.py" line="277" />
        <source>{layer}: {n} duplicate facilities counted once (feature ids {ids}).</source>
        <translation>{layer}：{n} 个重复设施只计一次（要素编号 {ids}）。</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_coverage.py" line="283" />
        <source>{layer} holds no facility: the coverage is 0%. Check the layer, its filter and the facility type.</source>
        <translation>{layer} 中没有设施：覆盖率为 0%。请检查图层、其筛选条件和设施类型。</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_coverage.py" line="296" />
        <source>Walking distance along {roads}: multi-source shortest paths from every facility (points tied to the nearest road within {snap:g} m; polygons from every road within the access width of their boundary, or from their entrances), every road part within reach widened by {w:g} m on each side ({seg} segments per quarter circle); a polygon's own ground is covered.</source>
        <translation>沿 {roads} 的步行距离：从所有设施同时出发的多源最短路径（点连接到 {snap:g} 米以内最近的道路；面从其边界在步行接入宽度以内的每条道路出发，或从其出入口出发），可达范围内的每段道路向两侧各扩展 {w:g} 米（每四分之一圆 {seg} 段）；面设施自身用地计为覆盖。</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_coverage.py" line="304" />
        <source>Straight-line distance: every facility point buffered by the threshold, every facility polygon buffered from its boundary (or its entrances buffered, the polygon itself covered), {seg} segments per quarter circle (as native:buffer), dissolved and intersected with the served area.</source>
        <translation>直线距离：每个点设施按阈值缓冲，每个面设施自其边界缓冲（或对其出入口缓冲，面本身计为覆盖），每四分之一圆 {seg} 段（与 native:buffer 相同），融合后与服务区域求交。</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_coverage.py" line="325" />
        <source>{layer}: {n} polygons under {a:g} m² are not counted as facilities (feature ids {ids}).</source>
        <translation>{layer}：{n} 个面积小于 {a:g} 平方米的面不计为设施（要素编号 {ids}）。</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_coverage.py" line="341" />
        <source>No facility of '{facilities}' (FACILITIES) lies within reach of the served area '{served}' (SERVED_AREA): the two layers do not overlap.</source>
        <translation>“{facilities}”（FACILITIES）中没有任何设施位于服务区域“{served}”（SERVED_AREA）的可达范围内：两个图层互不重叠。</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_coverage.py" line="367" />
        <source>{layer}: {n} entrances lie more than {d:g} m from every facility polygon and are not used (feature ids {ids}).</source>
        <translation>{layer}：有 {n} 个出入口距任何设施面都超过 {d:g} 米，未使用（要素编号 {ids}）。</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_coverage.py" line="412" />
        <source>{layer}: {n} facility polygons have no road within {w:g} m of their boundary (or of their entrances) and are reached only on their own ground (feature ids {ids}).</source>
        <translation>{layer}：有 {n} 个设施面的边界（或出入口）{w:g} 米以内没有道路，只按其自身用地计为覆盖（要素编号 {ids}）。</translation>
    </message>
    <message>
        <location filename="../core/geo/network.py" line="94" />
        <source>{layer}: {n} stops are tied to short pieces of network ({tol:g} m or less) not joined to the rest (platforms or paths mapped as ways of their own), so their walk ends there (stop feature ids {ids}). Join those pieces to the street network, or move the stops onto the street.</source>
        <translation>{layer}：有 {n} 个站点连接到未与其余路网相连的短路段（{tol:g} 米及以下，如作为独立线要素绘制的站台或小路），步行在此中断（站点要素编号 {ids}）。请将这些路段接入街道路网，或把站点移到街道上。</translation>
    </message>
    <message>
        <location filename="../core/geo/service_area.py" line="307" />
        <source>{layer}: {share:.0%} of the stops ({n} of {total} tested) lie more than {d:g} m outside the served area. Check that the stops and the served area belong to the same place and coordinate system.</source>
        <translation>{layer}：{share:.0%} 的站点（检查的 {total} 个中有 {n} 个）位于服务区域之外超过 {d:g} 米处。请检查站点与服务区域是否属于同一地区、同一坐标系。</translation>
    </message>
    <message>
        <location filename="../core/maps/dossier.py" line="120" />
        <source>Facility coverage</source>
        <translation>设施覆盖率</translation>
    </message>
    <message>
        <location filename="../algorithms/check_facility_coverage.py" line="48" />
        <source>Measures the share of the served area (or of its residential land, or of its population) within a walk of a facility, per township, with the uncovered parts as polygons. Facilities are points or polygons: a polygon (a park, a school's grounds) is reached from its boundary, or from its entrances when an entrance layer is given.

Threshold: DISTANCE in metres, or MINUTES of walking, read one of two ways (TIME_READING): minutes × 60 × the walking speed (WALK_SPEED, default 1.0 m/s = 60 m a minute, which is GB 50180-2018's 5 minutes = 300 m; the standard states no speed), or the round distances of GB 50180-2018 Table 3.0.4 (5 min 300 m, 10 min 500 m, 15 min 800–1,000 m, of which 800 m is used). Distance: straight line, or along ROADS; there the walk from a reached road into the block (ACCESS_WIDTH, default 50 m) is either added on top of the threshold, as the bus-stop check does, or counted within it (ACCESS_READING). The report says which reading was used.

Denominator: the served area, its residential land (LANDUSE_FIELD codes, default 0701 城镇住宅用地), or its population (a raster, a field, or points).

Presets (PRESET), each with its source, printed in the report:
{presets}

Outputs as the bus-stop coverage: the service area, the uncovered served area, a table per township and an HTML report; MEASURED is the coverage in percent.</source>
        <translation>量算服务区域（或其中的居住用地、人口）中步行可达设施的比例，按乡镇统计，并输出未覆盖部分的面。设施可以是点或面：面设施（公园、学校用地）从其边界出发，给出出入口图层时从出入口出发。

阈值：DISTANCE 以米计，或 MINUTES 以步行分钟计，有两种读法（TIME_READING）：分钟 × 60 × 步行速度（WALK_SPEED，默认 1.0 米/秒，即每分钟 60 米，与 GB 50180-2018 中 5 分钟 = 300 米一致；该标准本身未规定步行速度），或 GB 50180-2018 表 3.0.4 的整数距离（5 分钟 300 米，10 分钟 500 米，15 分钟 800～1000 米，取 800 米）。距离：直线，或沿 ROADS 道路；沿路网时，从可达道路进入街区的步行接入宽度（ACCESS_WIDTH，默认 50 米）可叠加在阈值之外（与公交站点校核相同），也可计入阈值之内（ACCESS_READING）。报告注明所用读法。

分母：服务区域、其中的居住用地（LANDUSE_FIELD 编码，默认 0701 城镇住宅用地）或其人口（栅格、字段或点）。

预设（PRESET），各自注明来源，并写入报告：
{presets}

输出与公交站点覆盖率相同：服务范围、未覆盖的服务区域、按乡镇统计的表格和 HTML 报告；MEASURED 为以百分比计的覆盖率。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_facility_coverage.py" line="70" />
        <source>Facilities (points or polygons)</source>
        <translation>设施（点或面）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_facility_coverage.py" line="72" />
        <source>Served area (城区 / built-up / land-use polygons)</source>
        <translation>服务区域（城区 / 建成区 / 用地面）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_facility_coverage.py" line="79" />
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <location filename="../algorithms/check_facility_coverage.py" line="82" />
        <source>Distance (m; empty: the preset's)</source>
        <translation>距离（米；留空则用预设值）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_facility_coverage.py" line="84" />
        <source>Or walking minutes (empty: the preset's)</source>
        <translation>或步行分钟数（留空则用预设值）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_plan.py" line="131" />
        <source>Walking speed (m/s)</source>
        <translation>步行速度（米/秒）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_facility_coverage.py" line="88" />
        <source>Minutes read as</source>
        <translation>分钟数读作</translation>
    </message>
    <message>
        <location filename="../algorithms/check_facility_coverage.py" line="88" />
        <source>Minutes × walking speed</source>
        <translation>分钟数 × 步行速度</translation>
    </message>
    <message>
        <location filename="../algorithms/check_facility_coverage.py" line="88" />
        <source>GB 50180-2018 round distances (300/500/800 m)</source>
        <translation>GB 50180-2018 整数距离（300/500/800 米）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_facility_coverage.py" line="101" />
        <source>Walking access width</source>
        <translation>步行接入宽度</translation>
    </message>
    <message>
        <location filename="../algorithms/check_facility_coverage.py" line="101" />
        <source>Added on top of the distance</source>
        <translation>叠加在距离之外</translation>
    </message>
    <message>
        <location filename="../algorithms/check_facility_coverage.py" line="101" />
        <source>Counted within the distance</source>
        <translation>计入距离之内</translation>
    </message>
    <message>
        <location filename="../algorithms/check_facility_coverage.py" line="105" />
        <source>Entrances of the facility polygons (optional points)</source>
        <translation>设施面的出入口（可选，点）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_facility_coverage.py" line="108" />
        <source>Facility type field (optional)</source>
        <translation>设施类型字段（可选）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_facility_coverage.py" line="114" />
        <source>Denominator</source>
        <translation>分母</translation>
    </message>
    <message>
        <location filename="../algorithms/check_facility_coverage.py" line="114" />
        <source>The preset's</source>
        <translation>预设的分母</translation>
    </message>
    <message>
        <location filename="../algorithms/check_facility_coverage.py" line="114" />
        <source>Residential land (land-use codes)</source>
        <translation>居住用地（用地编码）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_facility_coverage.py" line="118" />
        <source>Land-use code field of the served area (for residential land)</source>
        <translation>服务区域的用地编码字段（用于居住用地）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_facility_coverage.py" line="121" />
        <source>Residential land codes</source>
        <translation>居住用地编码</translation>
    </message>
    <message>
        <location filename="../algorithms/check_facility_coverage.py" line="136" />
        <source>Target id in the catalogue (empty: the catalogue's target of the preset)</source>
        <translation>目录中的目标编号（留空则用目录中该预设的目标）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_facility_coverage.py" line="141" />
        <source>Duplicate facilities</source>
        <translation>重复设施</translation>
    </message>
    <message>
        <location filename="../algorithms/check_facility_coverage.py" line="206" />
        <source>Facility coverage: {label}</source>
        <translation>设施覆盖率：{label}</translation>
    </message>
    <message>
        <location filename="../core/checks/plan_check.py" line="197" />
        <source>polygons of {layer} of {preset}</source>
        <translation>{layer} 中{preset}的图斑</translation>
    </message>
    <message>
        <location filename="../core/checks/plan_check.py" line="189" />
        <source>The built-up layer '{layer}' has no field {fields} to tell {preset}.</source>
        <translation>建成区图层“{layer}”没有字段 {fields}，无法区分{preset}。</translation>
    </message>
    <message>
        <location filename="../core/checks/plan_check.py" line="189" />
        <source>Give the land-use layer (LANDUSE) holding those codes.</source>
        <translation>请给出含这些代码的土地利用图层（LANDUSE）。</translation>
    </message>
    <message>
        <location filename="../core/checks/plan_check.py" line="271" />
        <source>classes '{classes}' are no land-use preset; no layer role holds them</source>
        <translation>地类“{classes}”不是土地利用预设，也没有图层角色承载它</translation>
    </message>
    <message>
        <location filename="../core/checks/plan_check.py" line="233" />
        <source>a land share of no named indicator needs its classes in the measure block</source>
        <translation>未指明指标的用地比例，须在 measure 中写明所测地类</translation>
    </message>
    <message>
        <location filename="../core/checks/plan_check.py" line="242" />
        <source>Choose the land-use class field (LANDUSE_FIELD).</source>
        <translation>请选择土地利用地类字段（LANDUSE_FIELD）。</translation>
    </message>
    <message>
        <location filename="../algorithms/export_map.py" line="68" />
        <source>Every map draws the township boundaries: when the input is not a township layer (the coverage check's service area), give the township layer (TOWNSHIPS), e.g. the tagged townships; the input is drawn over them. The title is the plan's and the indicator's (the structure's name or the target's label), never a layer's or a file's name; every text follows the interface's language, or LANGUAGE (advanced): Chinese or English.</source>
        <translation>每幅地图都绘出乡镇界线：输入图层不是乡镇图层时（如公交站点覆盖率校核的服务区域），请提供乡镇图层（TOWNSHIPS），如已标注的乡镇图层；输入图层叠加在其上。标题取自规划和指标（规划结构名称或目标名称），从不取图层名或文件名；所有文字跟随界面语言，或按 LANGUAGE（高级参数）选择中文或英文。</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_coverage.py" line="164" />
        <source>The threshold is the catalogue target's ({id}): {convention}</source>
        <translation>阈值采用目录目标（{id}）的约定：{convention}</translation>
    </message>
    <message>
        <location filename="../core/checks/plan_facilities.py" line="95" />
        <source>the measure names no layer of the facilities ({roles})</source>
        <translation>目录的测算设置中未列出设施图层（{roles}）</translation>
    </message>
    <message>
        <location filename="../core/checks/plan_facilities.py" line="98" />
        <source>denominator '{denominator}': the coverage check measures the served area, its residential land or its population</source>
        <translation>分母“{denominator}”：覆盖率校核只按服务范围的面积、其中的居住用地或其人口计算</translation>
    </message>
    <message>
        <location filename="../core/checks/plan_facilities.py" line="101" />
        <source>no facility-coverage preset measures '{facility}'</source>
        <translation>没有设施覆盖率预设能测算“{facility}”</translation>
    </message>
    <message>
        <location filename="../core/checks/plan_facilities.py" line="137" />
        <source>{preset}: {facility} ({role}) reached {way}, over {served}</source>
        <translation>{preset}：{facility}（{role}），{way}可达，分母为 {served}</translation>
    </message>
    <message>
        <location filename="../core/checks/plan_facilities.py" line="137" />
        <source>in a straight line</source>
        <translation>按直线</translation>
    </message>
    <message>
        <location filename="../core/geo/measure.py" line="92" />
        <source>Areas on the CGCS2000 ellipsoid (GRS80); overlays computed in {zone}.</source>
        <translation>面积按 CGCS2000 椭球（GRS80）计算；叠加分析在 {zone} 中进行。</translation>
    </message>
    <message>
        <location filename="../core/geo/measure.py" line="93" />
        <source>Planar areas in {zone}, chosen from the data's longitude {low:.2f}–{high:.2f}°E.</source>
        <translation>面积为 {zone} 中的平面面积，按数据经度 {low:.2f}–{high:.2f}°E 选定。</translation>
    </message>
    <message>
        <location filename="../core/geo/measure.py" line="97" />
        <source>The data straddle 3-degree zones: overlays are computed in {crs}, and each result is cut at the zone boundary and every part measured in its own zone ({zones}).</source>
        <translation>数据跨越 3 度分带：叠加分析在 {crs} 中进行，每个结果在分带界线处切分，各部分在其所在分带（{zones}）中量算。</translation>
    </message>
    <message>
        <location filename="../core/checks/coverage.py" line="356" />
        <source>No facility type to measure.</source>
        <translation>没有可量算的设施类型。</translation>
    </message>
    <message>
        <location filename="../core/checks/coverage.py" line="356" />
        <source>Check the facility type field (TYPE_FIELD) and its values, or choose one type (TYPE_VALUE).</source>
        <translation>请检查设施类型字段（TYPE_FIELD）及其取值，或选择一种类型（TYPE_VALUE）。</translation>
    </message>
    <message>
        <location filename="../core/checks/coverage.py" line="360" />
        <source>The coverage by every facility type is measured by area, not by population.</source>
        <translation>各类设施全部可达的覆盖率按面积量算，不按人口。</translation>
    </message>
    <message>
        <location filename="../core/checks/coverage.py" line="360" />
        <source>Choose one facility type (TYPE_VALUE) for a population coverage, or the area.</source>
        <translation>如需按人口计算覆盖率，请选择一种设施类型（TYPE_VALUE），或改按面积。</translation>
    </message>
    <message>
        <location filename="../core/checks/coverage.py" line="381" />
        <source>Every type ({types})</source>
        <translation>各类设施（{types}）</translation>
    </message>
    <message>
        <location filename="../core/checks/coverage.py" line="393" />
        <source>Per facility type: {types}; the share reached by every type is the intersection of their covered areas.</source>
        <translation>按设施类型：{types}；各类设施均可达的比例为其覆盖范围的交集。</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_presets.py" line="97" />
        <source>15分钟生活圈 (the life circle as a whole)</source>
        <translation>15分钟生活圈（整体）</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_presets.py" line="97" />
        <source>every type</source>
        <translation>各类设施</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_presets.py" line="97" />
        <source>The share reached by every facility type of the type field (TYPE_FIELD), each type by its own life-circle preset, the type named in its value ({names}). {gb}</source>
        <translation>类型字段（TYPE_FIELD）中每一类设施都可达的部分所占比例，每类设施按其对应的生活圈预设计算，类型由字段值中的名称确定（{names}）。{gb}</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_coverage.py" line="114" />
        <source>Preset {preset} needs the facility type field (TYPE_FIELD).</source>
        <translation>预设 {preset} 需要设施类型字段（TYPE_FIELD）。</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_coverage.py" line="114" />
        <source>Choose the field naming each facility's type (e.g. 小学, 社区卫生服务中心).</source>
        <translation>请选择注明每个设施类型的字段（如 小学、社区卫生服务中心）。</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_coverage.py" line="126" />
        <source>{layer}: facilities of type {types} match no life-circle facility and are not measured.</source>
        <translation>{layer}：类型为 {types} 的设施不属于任何生活圈设施，未计入。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_facility_coverage.py" line="111" />
        <source>Facility type measured (a value of the type field; empty: each type, and every type together)</source>
        <translation>所量算的设施类型（类型字段中的值；留空则分别量算每一类，并量算各类设施均可达的部分）</translation>
    </message>
    <message>
        <location filename="../algorithms/delivery_inputs.py" line="25" />
        <source>Survey or planning delivery (.gdb folder, .gpkg, or folder of Shapefiles)</source>
        <translation>调查或规划成果数据（.gdb 文件夹、.gpkg 或 Shapefile 文件夹）</translation>
    </message>
    <message>
        <location filename="../core/geo/delivery.py" line="334" />
        <source>Layer '{layer}' of the delivery could not be opened.</source>
        <translation>成果数据中的图层“{layer}”无法打开。</translation>
    </message>
    <message>
        <location filename="../core/geo/delivery.py" line="334" />
        <source>Check that the delivery {path} is complete and readable.</source>
        <translation>请检查成果数据 {path} 是否完整、可读。</translation>
    </message>
    <message>
        <location filename="../gui/maps_tab.py" line="71" />
        <source>Land share check</source>
        <translation>用地比例检查</translation>
    </message>
    <message>
        <location filename="../gui/maps_tab.py" line="71" />
        <source>Per-capita check</source>
        <translation>人均指标校核</translation>
    </message>
    <message>
        <location filename="../algorithms/check_plan.py" line="152" />
        <source>Plan check</source>
        <translation>规划校核</translation>
    </message>
    <message>
        <location filename="../algorithms/run_outputs.py" line="96" />
        <source>{met} of {measured} targets met</source>
        <translation>已测算 {measured} 项目标，{met} 项达标</translation>
    </message>
    <message>
        <location filename="../core/geo/delivery.py" line="362" />
        <source>No township layer was given, and layer '{layer}' has no ZLDWDM or QSDWDM to derive the townships from.</source>
        <translation>未给出乡镇图层，且图层“{layer}”没有可用于推导乡镇的 ZLDWDM 或 QSDWDM 字段。</translation>
    </message>
    <message>
        <location filename="../core/geo/delivery.py" line="362" />
        <source>Give the township (XZQ) layer, or a 地类图斑 layer with its 坐落单位代码.</source>
        <translation>请给出乡镇（XZQ）图层，或带有坐落单位代码的地类图斑图层。</translation>
    </message>
    <message>
        <location filename="../core/geo/delivery.py" line="377" />
        <source>townships from {field}</source>
        <translation>由 {field} 推导的乡镇</translation>
    </message>
    <message>
        <location filename="../core/geo/delivery.py" line="392" />
        <source>No township layer: {count} township units were derived from the first 9 digits of {field} of '{layer}' (named by their code; the delivery's XZQ layer would give their names).</source>
        <translation>无乡镇图层：由“{layer}”的 {field} 前 9 位推导出 {count} 个乡镇单元（以代码命名；成果数据中的 XZQ 图层可提供其名称）。</translation>
    </message>
    <message>
        <location filename="../core/geo/delivery.py" line="396" />
        <source>{count} parcels without a usable code were left out of them.</source>
        <translation>{count} 个图斑因代码不可用而未计入。</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="208" />
        <source>{low:g}–{high:g} %</source>
        <translation>{low:g}–{high:g} %</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="245" />
        <source>{low}–{high} m² per person</source>
        <translation>{low}–{high} 平方米/人</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="259" />
        <source>{low}–{high} persons</source>
        <translation>{low}–{high} 人</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="297" />
        <source>{share} % ({cls} km² of {ext} km²)</source>
        <translation>{share} %（{ext} km² 中的 {cls} km²）</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="301" />
        <source>{value} m² per person ({land} km², {persons} persons)</source>
        <translation>{value} 平方米/人（{land} km²，{persons} 人）</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="305" />
        <source>{persons} persons</source>
        <translation>{persons} 人</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="306" />
        <source>{distance} m from {near}</source>
        <translation>距{near} {distance} 米</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="339" />
        <source>Class land inside the extent (km²)</source>
        <translation>范围内所测用地面积（km²）</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="339" />
        <source>Area of the extent (km²)</source>
        <translation>范围面积（km²）</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="340" />
        <source>Class land outside the extent (km²)</source>
        <translation>范围外所测用地面积（km²）</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="340" />
        <source>Land (km²)</source>
        <translation>用地面积（km²）</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="341" />
        <source>Population (persons)</source>
        <translation>人口（人）</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="341" />
        <source>Population (10,000 persons)</source>
        <translation>人口（万人）</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="342" />
        <source>Land per person (m²)</source>
        <translation>人均用地（平方米）</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="346" />
        <source>Share of the extent (%)</source>
        <translation>占范围面积比例（%）</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="436" />
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="348" />
        <source>Target id</source>
        <translation>目标编号</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="348" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../gui/plan_tab.py" line="234" />
        <source>Whole plan</source>
        <translation>整体校核</translation>
    </message>
    <message>
        <location filename="../gui/plan_tab.py" line="121" />
        <source>Check the whole plan</source>
        <translation>整体校核规划</translation>
    </message>
    <message>
        <location filename="../gui/plan_tab.py" line="123" />
        <source>Every target of the catalogue that the layers chosen can measure, on the township layer chosen above.</source>
        <translation>校核规划目录中所选图层能够量算的全部指标，乡镇图层为上方所选。</translation>
    </message>
    <message>
        <location filename="../gui/plan_tab.py" line="137" />
        <source>Point at a row for the target, the gap and the reason.</source>
        <translation>指向一行可查看指标、差值和原因。</translation>
    </message>
    <message>
        <location filename="../gui/plan_tab.py" line="140" />
        <source>Open the report</source>
        <translation>打开报告</translation>
    </message>
    <message>
        <location filename="../gui/plan_tab.py" line="182" />
        <source>Choose a plan catalogue.</source>
        <translation>请选择规划目录。</translation>
    </message>
    <message>
        <location filename="../gui/plan_tab.py" line="193" />
        <source>Choose the township layer or a layer to measure.</source>
        <translation>请选择乡镇图层或要量算的图层。</translation>
    </message>
    <message>
        <location filename="../gui/plan_tab.py" line="326" />
        <source>{measured} targets measured, {met} met, {not_met} not met, {not_measured} not measured</source>
        <translation>已量算 {measured} 项，达标 {met} 项，未达标 {not_met} 项，未能量算 {not_measured} 项</translation>
    </message>
    <message>
        <location filename="../gui/plan_tab.py" line="353" />
        <source>Scope: {value}</source>
        <translation>范围：{value}</translation>
    </message>
    <message>
        <location filename="../gui/plan_tab.py" line="360" />
        <source>How it was measured: {how}</source>
        <translation>测算方法：{how}</translation>
    </message>
    <message>
        <location filename="../gui/plan_tab.py" line="364" />
        <source>Plan text: {citation}</source>
        <translation>规划依据：{citation}</translation>
    </message>
    <message>
        <location filename="../algorithms/check_delivery.py" line="34" />
        <source>Check a survey delivery's quality</source>
        <translation>调查成果数据质量检查</translation>
    </message>
    <message>
        <location filename="../algorithms/check_delivery.py" line="37" />
        <source>The quality pass to run first on a survey delivery (a .gdb, a .gpkg or a folder of Shapefiles, read as cq_urban:read_delivery reads it): what in it would make a check wrong, each issue with its rule, its layer and feature, and the fix. Q01 a standard field the checks read is missing; Q02 a 地类编码 outside the 三调 classification (TD/T 1055-2019 附录 A; 0201K, 1104A … are read as their family); Q03 a 城镇村属性码 outside 201–205; Q04 two 地类图斑 overlap; Q05 a gap between townships; Q06 a recorded area TBMJ differing from the parcel's ellipsoidal area (CGCS2000) by more than the tolerance; Q07 a TBDLMJ larger than its TBMJ. Output: the issues as a layer (each at its feature, overlap or gap) with rule, layer, feature, value, message and fix; ISSUES and one count per rule.</source>
        <translation>在各项校核之前，先对调查成果数据（.gdb、.gpkg 或 Shapefile 文件夹，按 cq_urban:read_delivery 的方式读取）做质量检查：找出会使校核出错的问题，逐条给出规则、图层、要素和修正方法。Q01 缺少校核所需的标准字段；Q02 地类编码不在三调工作分类中（TD/T 1055-2019 附录 A；0201K、1104A 等按其所属地类读取）；Q03 城镇村属性码不在 201–205 之内；Q04 地类图斑相互重叠；Q05 乡镇之间存在缝隙；Q06 图斑面积 TBMJ 与其椭球面积（CGCS2000）之差超过容差；Q07 TBDLMJ 大于 TBMJ。输出：问题图层（位于相应要素、重叠处或缝隙处），含规则、图层、要素、取值、说明和修正方法；ISSUES 及各规则的问题数。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_delivery.py" line="52" />
        <source>Recorded and ellipsoidal areas apart by more than (%)</source>
        <translation>图斑面积与椭球面积之差超过（%）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_delivery.py" line="55" />
        <source>Delivery issues</source>
        <translation>成果数据问题</translation>
    </message>
    <message>
        <location filename="../algorithms/check_delivery.py" line="57" />
        <source>Issues found</source>
        <translation>发现的问题数</translation>
    </message>
    <message>
        <location filename="../algorithms/check_delivery.py" line="59" />
        <source>Issues of rule {rule}</source>
        <translation>规则 {rule} 的问题数</translation>
    </message>
    <message>
        <location filename="../algorithms/check_delivery.py" line="83" />
        <source>{rule}: {count} issues.</source>
        <translation>{rule}：{count} 个问题。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_delivery.py" line="85" />
        <source>No issue found in the delivery.</source>
        <translation>成果数据中未发现问题。</translation>
    </message>
    <message>
        <location filename="../core/geo/quality.py" line="60" />
        <source>Field {field} of the standard is missing.</source>
        <translation>缺少标准字段 {field}。</translation>
    </message>
    <message>
        <location filename="../core/geo/quality.py" line="60" />
        <source>Add it from the survey database, or tell the check which field holds it.</source>
        <translation>请从调查数据库补齐该字段，或告知校核由哪个字段存放。</translation>
    </message>
    <message>
        <location filename="../core/geo/quality.py" line="83" />
        <source>地类编码 '{code}' is not a code of the 三调 classification.</source>
        <translation>地类编码“{code}”不是三调工作分类中的代码。</translation>
    </message>
    <message>
        <location filename="../core/geo/quality.py" line="83" />
        <source>Correct it to a code of TD/T 1055-2019 附录 A (e.g. 0701, 0201K).</source>
        <translation>请改为 TD/T 1055-2019 附录 A 中的代码（如 0701、0201K）。</translation>
    </message>
    <message>
        <location filename="../core/geo/quality.py" line="90" />
        <source>城镇村属性码 '{code}' is not one of 201, 202, 203, 204, 205 (with A).</source>
        <translation>城镇村属性码“{code}”不属于 201、202、203、204、205（含 A）。</translation>
    </message>
    <message>
        <location filename="../core/geo/quality.py" line="90" />
        <source>Correct it, or leave it empty for land outside 城镇村.</source>
        <translation>请更正；城镇村以外的土地请留空。</translation>
    </message>
    <message>
        <location filename="../core/geo/quality.py" line="98" />
        <source>Recorded area TBMJ {recorded:,.1f} m² and the parcel's ellipsoidal area {measured:,.1f} m² differ by {share:.1f} %.</source>
        <translation>图斑面积 TBMJ {recorded:,.1f} m² 与其椭球面积 {measured:,.1f} m² 相差 {share:.1f}%。</translation>
    </message>
    <message>
        <location filename="../core/geo/quality.py" line="98" />
        <source>Check the parcel's outline and its TBMJ; the survey's tables quote TBMJ.</source>
        <translation>请核对该图斑的边界及其 TBMJ；调查统计表采用 TBMJ。</translation>
    </message>
    <message>
        <location filename="../core/geo/quality.py" line="107" />
        <source>地类面积 TBDLMJ {land:,.1f} m² is larger than the parcel's TBMJ {recorded:,.1f} m².</source>
        <translation>地类面积 TBDLMJ {land:,.1f} m² 大于图斑面积 TBMJ {recorded:,.1f} m²。</translation>
    </message>
    <message>
        <location filename="../core/geo/quality.py" line="107" />
        <source>TBDLMJ is TBMJ less the 田坎 deduction: correct one of them.</source>
        <translation>TBDLMJ 为 TBMJ 扣除田坎后的面积：请更正其中之一。</translation>
    </message>
    <message>
        <location filename="../core/geo/quality.py" line="114" />
        <source>Parcels {a} and {b} overlap: their land would be counted twice.</source>
        <translation>图斑 {a} 与 {b} 重叠：其土地会被重复计算。</translation>
    </message>
    <message>
        <location filename="../core/geo/quality.py" line="114" />
        <source>Correct the outlines so that the parcels tile the land.</source>
        <translation>请修正图斑边界，使图斑互不重叠地覆盖土地。</translation>
    </message>
    <message>
        <location filename="../core/geo/quality.py" line="130" />
        <source>Land inside the townships belongs to none of them ({area:,.1f} square units of the layer's CRS).</source>
        <translation>乡镇范围内有土地不属于任何乡镇（按图层坐标系计 {area:,.1f} 平方单位）。</translation>
    </message>
    <message>
        <location filename="../core/geo/quality.py" line="130" />
        <source>Close the gap between the township outlines, or add the missing unit.</source>
        <translation>请消除乡镇边界之间的缝隙，或补上缺失的单元。</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="87" />
        <source>Plan</source>
        <translation>整体校核</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="88" />
        <source>Whole plan: every target of the catalogue that the layers can measure, in one run.</source>
        <translation>整体校核：一次校核规划目录中图层能够量算的全部指标。</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="78" />
        <source>Service area: {facility}</source>
        <translation>服务范围：{facility}</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="78" />
        <source>Uncovered areas: {facility}</source>
        <translation>未覆盖区域：{facility}</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="79" />
        <source>Coverage table: {facility}</source>
        <translation>覆盖率统计表：{facility}</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="443" />
        <source>Facility type</source>
        <translation>设施类型</translation>
    </message>
    <message>
        <location filename="../requirements.py" line="31" />
        <source>The Chongqing plan checks need shapely {need} or newer for their geometry work; this QGIS's Python has {found}. Install it with: {command} — then restart QGIS.</source>
        <translation>重庆规划校核的几何计算需要 shapely {need} 或更新版本；本 QGIS 的 Python 中为 {found}。安装命令：{command}，然后重启 QGIS。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_batch.py" line="36" />
        <source>Check many jurisdictions at once (dask)</source>
        <translation>多辖区同时核算（dask）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_batch.py" line="72" />
        <source>List of jurisdictions (JSON or CSV)</source>
        <translation>辖区清单（JSON 或 CSV）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_batch.py" line="72" />
        <source>Lists of jurisdictions (*.json *.csv)</source>
        <translation>辖区清单 (*.json *.csv)</translation>
    </message>
    <message>
        <location filename="../algorithms/check_batch.py" line="75" />
        <source>Stop service radius (m)</source>
        <translation>站点服务半径（米）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_batch.py" line="78" />
        <source>Worker processes of the local cluster</source>
        <translation>本机集群的工作进程数</translation>
    </message>
    <message>
        <location filename="../algorithms/check_batch.py" line="81" />
        <source>Or the address of a running dask scheduler (e.g. tcp://10.0.0.5:8786)</source>
        <translation>或正在运行的 dask 调度器地址（如 tcp://10.0.0.5:8786）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_batch.py" line="95" />
        <source>Output folder</source>
        <translation>输出文件夹</translation>
    </message>
    <message>
        <location filename="../algorithms/check_batch.py" line="96" />
        <source>Merged table (GeoPackage)</source>
        <translation>合并表（GeoPackage）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_batch.py" line="97" />
        <source>Merged table (CSV)</source>
        <translation>合并表（CSV）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_batch.py" line="98" />
        <source>Jurisdictions measured</source>
        <translation>已量算的辖区数</translation>
    </message>
    <message>
        <location filename="../algorithms/check_batch.py" line="98" />
        <source>Jurisdictions already measured, skipped</source>
        <translation>已有结果而跳过的辖区数</translation>
    </message>
    <message>
        <location filename="../algorithms/check_batch.py" line="98" />
        <source>Jurisdictions that failed</source>
        <translation>失败的辖区数</translation>
    </message>
    <message>
        <location filename="../algorithms/check_batch.py" line="117" />
        <source>{done} jurisdictions measured, {skipped} skipped (already measured), {failed} failed; merged table: {path}</source>
        <translation>量算辖区 {done} 个，跳过 {skipped} 个（已有结果），失败 {failed} 个；合并表：{path}</translation>
    </message>
    <message>
        <location filename="../core/checks/batch.py" line="78" />
        <source>The list of jurisdictions {path} does not exist.</source>
        <translation>辖区清单 {path} 不存在。</translation>
    </message>
    <message>
        <location filename="../core/checks/batch.py" line="78" />
        <source>Give a JSON or CSV file with one jurisdiction a row (id, catalogue, townships, builtup, stops).</source>
        <translation>请给出 JSON 或 CSV 文件，每个辖区一行（id、catalogue、townships、builtup、stops）。</translation>
    </message>
    <message>
        <location filename="../core/checks/batch.py" line="94" />
        <source>The list of jurisdictions {path} cannot be read: {error}.</source>
        <translation>无法读取辖区清单 {path}：{error}。</translation>
    </message>
    <message>
        <location filename="../core/checks/batch.py" line="94" />
        <source>Write it as JSON (a list of objects) or as CSV with a header row.</source>
        <translation>请写成 JSON（对象列表）或带表头行的 CSV。</translation>
    </message>
    <message>
        <location filename="../core/checks/batch.py" line="101" />
        <source>Entry {n} of {path} is not an object with id and layers.</source>
        <translation>{path} 的第 {n} 项不是含 id 和图层的对象。</translation>
    </message>
    <message>
        <location filename="../core/checks/batch.py" line="101" />
        <source>Write each jurisdiction as {"id": …, "townships": …, …}.</source>
        <translation>请把每个辖区写成 {"id": …, "townships": …, …}。</translation>
    </message>
    <message>
        <location filename="../core/checks/batch.py" line="105" />
        <source>Jurisdiction '{id}' is listed twice in {path}.</source>
        <translation>辖区“{id}”在 {path} 中出现了两次。</translation>
    </message>
    <message>
        <location filename="../core/checks/batch.py" line="105" />
        <source>Give every jurisdiction an id of its own.</source>
        <translation>请为每个辖区给出各自不同的 id。</translation>
    </message>
    <message>
        <location filename="../core/checks/batch.py" line="117" />
        <source>The list of jurisdictions {path} names none.</source>
        <translation>辖区清单 {path} 中没有任何辖区。</translation>
    </message>
    <message>
        <location filename="../core/checks/batch.py" line="117" />
        <source>Give one jurisdiction a row (id, catalogue, townships, builtup, stops).</source>
        <translation>请每个辖区写一行（id、catalogue、townships、builtup、stops）。</translation>
    </message>
    <message>
        <location filename="../core/checks/batch_plan.py" line="79" />
        <source>Jurisdiction '{id}' has no {key} layer.</source>
        <translation>辖区“{id}”没有 {key} 图层。</translation>
    </message>
    <message>
        <location filename="../core/checks/batch_plan.py" line="79" />
        <source>Add its '{key}' to the list of jurisdictions.</source>
        <translation>请在辖区清单中补上它的“{key}”。</translation>
    </message>
    <message>
        <location filename="../core/checks/batch.py" line="150" />
        <source>Jurisdiction '{id}': its {key} layer {source} could not be opened.</source>
        <translation>辖区“{id}”：无法打开其 {key} 图层 {source}。</translation>
    </message>
    <message>
        <location filename="../core/checks/batch_plan.py" line="75" />
        <source>Check the path in the list of jurisdictions.</source>
        <translation>请检查辖区清单中的路径。</translation>
    </message>
    <message>
        <location filename="../core/checks/batch.py" line="191" />
        <source>Jurisdiction '{id}' spans more than one Gauss-Krüger zone ({projection}); the batch does not yet split it by zone.</source>
        <translation>辖区“{id}”跨越多个高斯-克吕格投影带（{projection}）；批量核算尚不能按投影带拆分。</translation>
    </message>
    <message>
        <location filename="../core/checks/batch.py" line="191" />
        <source>Check this jurisdiction alone with cq_urban:check_builtup and cq_urban:check_coverage.</source>
        <translation>请用 cq_urban:check_builtup 和 cq_urban:check_coverage 单独核算该辖区。</translation>
    </message>
    <message>
        <location filename="../core/checks/batch.py" line="246" />
        <source>dask.distributed cannot be imported ({error}).</source>
        <translation>无法导入 dask.distributed（{error}）。</translation>
    </message>
    <message>
        <location filename="../core/checks/batch.py" line="246" />
        <source>Install it: sudo apt install python3-distributed (Debian, Ubuntu), or python3 -m pip install distributed.</source>
        <translation>请安装：sudo apt install python3-distributed（Debian、Ubuntu），或 python3 -m pip install distributed。</translation>
    </message>
    <message>
        <location filename="../core/checks/batch_plan.py" line="149" />
        <source>{n} of {total} jurisdictions already measured, skipped: {ids}.</source>
        <translation>{total} 个辖区中已有 {n} 个有结果，已跳过：{ids}。</translation>
    </message>
    <message>
        <location filename="../core/checks/batch_plan.py" line="133" />
        <source>Jurisdiction '{id}' failed: {error}</source>
        <translation>辖区“{id}”失败：{error}</translation>
    </message>
    <message>
        <location filename="../core/checks/batch.py" line="311" />
        <source>{id} failed</source>
        <translation>{id} 失败</translation>
    </message>
    <message>
        <location filename="../core/checks/batch_plan.py" line="158" />
        <source>the workers could not measure it ({error}).</source>
        <translation>工作进程未能完成量算（{error}）。</translation>
    </message>
    <message>
        <location filename="../core/checks/batch.py" line="370" />
        <source>{id}: {n} townships</source>
        <translation>{id}：{n} 个乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../core/files/batch_store.py" line="33" />
        <source>Jurisdiction id '{id}' cannot name a file.</source>
        <translation>辖区 id“{id}”不能用作文件名。</translation>
    </message>
    <message>
        <location filename="../core/files/batch_store.py" line="33" />
        <source>Use letters, digits, '_', '-' or '.' only (e.g. 500116 or 江津区).</source>
        <translation>请只用文字、数字、“_”“-”或“.”（如 500116 或 江津区）。</translation>
    </message>
    <message>
        <location filename="../core/checks/batch.py" line="362" />
        <source>(outside every township)</source>
        <translation>（所有乡镇（街道）以外）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_builtup.py" line="130" />
        <source>A survey delivery (DELIVERY: a .gdb, a .gpkg or a folder of Shapefiles, read as cq_urban:read_delivery reads it) fills the layers not given: LANDUSE from its 地类图斑 DLTB (unless BUILTUP is given), TOWNSHIPS from its XZQ, or, without one, township units derived from the parcels' 坐落单位代码; the log and the report say what was taken from where.</source>
        <translation>成果数据（DELIVERY：.gdb、.gpkg 或 Shapefile 文件夹，按 cq_urban:read_delivery 的方式读取）补充未给出的图层：LANDUSE 取其地类图斑 DLTB（已给出 BUILTUP 时除外），TOWNSHIPS 取其 XZQ；没有 XZQ 时，按图斑的坐落单位代码派生乡镇单元；日志和报告说明每个图层取自何处。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_builtup.py" line="240" />
        <source>The delivery's 地类图斑 records its areas: {field} is reported beside the geometric area.</source>
        <translation>成果数据的地类图斑记录了图斑面积：在几何面积旁一并报告 {field}。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="114" />
        <source>A survey or planning delivery (DELIVERY: a .gdb, a .gpkg or a folder of Shapefiles, read as cq_urban:read_delivery reads it) fills the layers not given: TOWNSHIPS from XZQ (without one, township units derived from the 地类图斑's 坐落单位代码), ECOLOGY from STBHHX, FARMLAND from YJJBNTTB, DEVELOPMENT from CZKFBJ, and BUILTUP from the 地类图斑 of 城镇村属性码 201/202; the log and the report say what was taken from where.</source>
        <translation>调查或规划成果数据（DELIVERY：.gdb、.gpkg 或 Shapefile 文件夹，按 cq_urban:read_delivery 的方式读取）补充未给出的图层：TOWNSHIPS 取 XZQ（没有 XZQ 时，按地类图斑的坐落单位代码派生乡镇单元），ECOLOGY 取 STBHHX，FARMLAND 取 YJJBNTTB，DEVELOPMENT 取 CZKFBJ，BUILTUP 取城镇村属性码为 201/202 的地类图斑；日志和报告说明每个图层取自何处。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="208" />
        <source>Parameter TOWNSHIPS: no township layer was given, and no DELIVERY to read one from.</source>
        <translation>参数 TOWNSHIPS：未给出乡镇图层，也没有可从中读取的成果数据（DELIVERY）。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_control_lines.py" line="208" />
        <source>Choose the township polygons, or give the survey delivery.</source>
        <translation>请选择乡镇面图层，或给出调查成果数据。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_plan.py" line="81" />
        <source>Every target of the plan catalogue that the layers given can measure: built-up area, facility coverage, land shares, per capita figures, population in places and distance rules, each by the check its kind of measurement names; targets sharing a measurement are measured once. Each layer is given by the role it plays (townships, built-up, land use, stops, …); all are optional. Outputs: a summary table with one row per target (target, measured, gap, verdict, citation, how it was measured, and why not for the targets not measured: no layer can measure it, the layer it needs, or the message of its check); an HTML report with the summary and the targets not measured; and TARGETS, MEASURED_COUNT, MET_COUNT, NOT_MET_COUNT, NOT_MEASURED_COUNT, APPROXIMATE_COUNT.

An approximate or planned figure of the plan (约, 左右, 规划人口: comparison 'about' in the catalogue) is no floor: its row gives the deviation (measured - target, and in percent) and no verdict, unless the catalogue gives it a tolerance_pct or a tolerance is set here; then it is met within ±that percentage of the plan's figure.

A survey or planning delivery (a .gdb, a .gpkg or a folder of Shapefiles) may be given instead of the layers: its standard layers (XZQ, DLTB, CZKFBJ, STBHHX, YJJBNTTB) fill the roles no layer was given for, as cq_urban:read_delivery finds them, with the CRS their coordinates prove where they have none; built-up land is read from DLTB's 城镇村属性码, not from CZCDYD, which holds villages too.</source>
        <translation>用给出的图层测算规划目录中能测算的全部指标：建成区面积、设施覆盖率、用地比例、人均指标、各地人口和距离规则，各按其测算类型对应的校核进行；测算相同的指标只测一次。每个图层按其角色给出（乡镇街道、建成区、土地利用、公交站点……），均为可选。输出：汇总表，每个指标一行（目标、测算值、差值、结论、出处、测算方法；未测的指标写明原因：没有图层能测算、所需图层，或校核给出的信息）；含汇总和未测指标的 HTML 报告；以及 TARGETS、MEASURED_COUNT、MET_COUNT、NOT_MET_COUNT、NOT_MEASURED_COUNT、APPROXIMATE_COUNT。

规划中的约数或规划数（约、左右、规划人口：目录中比较方式为 about）不是下限：其行给出偏差（测算值减目标值，及其百分比），不判达标；目录为其给出 tolerance_pct 或在此设置容差时，测算值在规划数 ±该百分比以内即为达标。

也可不逐一给出图层，而给出调查或规划成果数据（.gdb、.gpkg 或 Shapefile 文件夹）：其标准图层（XZQ、DLTB、CZKFBJ、STBHHX、YJJBNTTB）按 cq_urban:read_delivery 的识别结果填入未给出图层的用途，缺少坐标系的图层按其坐标所能证明的坐标系读取；建成区取自 DLTB 的城镇村属性码，而不取 CZCDYD（其中也含村庄）。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_plan.py" line="115" />
        <source>Facility type field (its values name the kind: 养老服务中心, 社区综合服务站 …)</source>
        <translation>设施类型字段（其取值表示设施种类：养老服务中心、社区综合服务站……）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_plan.py" line="128" />
        <source>Tolerance of approximate figures (约, 左右), ± percent (empty: deviation only, no verdict)</source>
        <translation>约数（约、左右）的容差，± 百分比（留空：只给偏差，不判达标）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_plan.py" line="138" />
        <source>Approximate figures measured (deviation, no verdict)</source>
        <translation>已测算的约数指标（给出偏差，不判达标）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_plan.py" line="219" />
        <source>Deviation</source>
        <translation>偏差</translation>
    </message>
    <message>
        <location filename="../algorithms/check_plan.py" line="229" />
        <source>Approximate figures (约, 左右) without a tolerance of their own: met within ± {tolerance:g} %</source>
        <translation>自身未设容差的约数（约、左右）：在 ± {tolerance:g}% 以内为达标</translation>
    </message>
    <message>
        <location filename="../algorithms/check_plan.py" line="232" />
        <source>Approximate figures (约, 左右, 规划人口) are not floors: their rows give the deviation from the plan's figure and no verdict (set a tolerance to judge them).</source>
        <translation>约数（约、左右、规划人口）不是下限：其行给出与规划数的偏差，不判达标（设置容差后可判定）。</translation>
    </message>
    <message>
        <location filename="../algorithms/delivery_inputs.py" line="32" />
        <source>CRS of the delivery's layers that have none (empty: from their coordinates)</source>
        <translation>成果数据中无坐标系图层的坐标系（留空：根据其坐标判断）</translation>
    </message>
    <message>
        <location filename="../algorithms/delivery_inputs.py" line="64" />
        <source>{role}: parameter {parameter} was given; the delivery's {layer} is not used.</source>
        <translation>{role}：已给出参数 {parameter}，不使用成果数据中的 {layer}。</translation>
    </message>
    <message>
        <location filename="../algorithms/delivery_inputs.py" line="88" />
        <source>No layer for {role} in the delivery (parameter {parameter}).</source>
        <translation>成果数据中没有{role}图层（参数 {parameter}）。</translation>
    </message>
    <message>
        <location filename="../algorithms/delivery_inputs.py" line="95" />
        <source>Parameter {parameter}: {layer} from the delivery {path}.</source>
        <translation>参数 {parameter}：取自成果数据 {path} 的 {layer}。</translation>
    </message>
    <message>
        <location filename="../algorithms/export_dossier.py" line="34" />
        <source>Export a plan-check dossier (PDF)</source>
        <translation>导出规划实施校核档案（PDF）</translation>
    </message>
    <message>
        <location filename="../algorithms/export_dossier.py" line="37" />
        <source>One PDF a planning bureau can hand over, for one jurisdiction: a cover (the plan's documents, the jurisdiction, the date, the data sources and the counts); the summary table of every measured target with its target, measured value, verdict and the plan's text (document and line); one page per measured target with its map (the townships in classes of the check's value, their boundaries and names drawn), its chart (each township against the target, sorted by the gap; the covered and uncovered split) and its definition; then the targets not measured and why.

The inputs are those of cq_urban:check_plan (the catalogue and the layers by their role: townships, built-up, land use, stops, …), which runs inside; paper A4 or A3 (portrait); the language of the texts (advanced). Outputs: the PDF, PAGES and INDICATORS (the pages of measured targets).</source>
        <translation>为一个行政区生成一份可提交规划主管部门的 PDF：封面（规划文件、行政区、日期、数据来源与统计）；所有已测目标的汇总表，列出目标值、实测值、结论及规划原文（文件与行号）；每个已测目标一页，含其专题图（按校核值分级的乡镇，绘出乡镇边界与名称）、图表（各乡镇与目标对比，按差距排序；已覆盖与未覆盖面积）及其定义；最后列出未测目标及原因。

输入与 cq_urban:check_plan 相同（规划目录及按角色给出的图层：乡镇、建成区、土地利用、公交站点……），校核在本算法内运行；纸张 A4 或 A3（纵向）；文字语言（高级）。输出：PDF、PAGES 与 INDICATORS（已测目标的页数）。</translation>
    </message>
    <message>
        <location filename="../gui/plan_tab.py" line="103" />
        <source>A3 portrait</source>
        <translation>A3 纵向</translation>
    </message>
    <message>
        <location filename="../algorithms/export_dossier.py" line="61" />
        <source>Language of the dossier's texts</source>
        <translation>档案文字的语言</translation>
    </message>
    <message>
        <location filename="../gui/plan_tab.py" line="224" />
        <source>Dossier</source>
        <translation>校核档案</translation>
    </message>
    <message>
        <location filename="../gui/plan_tab.py" line="108" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../algorithms/export_dossier.py" line="69" />
        <source>Pages of measured targets</source>
        <translation>已测目标的页数</translation>
    </message>
    <message>
        <location filename="../algorithms/export_dossier.py" line="97" />
        <source>Dossier: {pages} pages, {indicators} measured targets.</source>
        <translation>校核档案：共 {pages} 页，已测目标 {indicators} 项。</translation>
    </message>
    <message>
        <location filename="../algorithms/list_targets.py" line="32" />
        <source>over {denominator}</source>
        <translation>分母：{denominator}</translation>
    </message>
    <message>
        <location filename="../algorithms/list_targets.py" line="32" />
        <source>classes {classes}</source>
        <translation>地类：{classes}</translation>
    </message>
    <message>
        <location filename="../algorithms/list_targets.py" line="52" />
        <source>Lists the spatial and statistical targets a plan catalogue holds (for example 江津 城镇建成区 145 km² by 2025, 巫溪 城区公交站点500米覆盖率 90%), one row each, with value, unit, year, scope, whether the plan calls it binding (约束性) or expected (预期性), and the document and line it is taken from. Each row also says how the target is measured (the kind of measurement, the facility, distance or walking time, the denominator, the layers it needs and the convention where the plan is silent), whether the bundled checks can measure it (measurable; how: the way, or why not), the value in the plan's words where it gives words (全覆盖, 翻一番) with how the number is derived, and the tolerance of an approximate figure (约, 左右).

Inputs: a bundled catalogue (jiangjin, kaizhou, wuxi, chongqing) or a catalogue file of your own; optionally an indicator to keep (builtup_area, bus_stop_coverage, …).
Output: a table without geometry.</source>
        <translation>列出规划目录中的空间与统计指标（如江津 2025 年城镇建成区 145 平方公里、巫溪城区公交站点500米覆盖率 90%），每项一行：指标值、单位、年份、范围、约束性或预期性，以及出处文件与行号。每行还写明指标如何测算（测算类型、设施、距离或步行时间、分母、所需图层，以及规划未说明处采用的约定）、内置校核能否测算（measurable；how：测算方法，或不能测算的原因）、规划以文字表述的目标值（全覆盖、翻一番）及其数值如何得出，以及约数（约、左右）的容差。

输入：内置目录（jiangjin 江津、kaizhou 开州、wuxi 巫溪、chongqing 重庆市）或自定义目录文件；可选只保留某一指标（builtup_area、bus_stop_coverage 等）。
输出：无几何的属性表。</translation>
    </message>
    <message>
        <location filename="../algorithms/list_targets.py" line="97" />
        <source>{n} targets from {file}, {measurable} of them measurable by the bundled checks</source>
        <translation>{file} 中共 {n} 项指标，其中内置校核能测算 {measurable} 项</translation>
    </message>
    <message>
        <location filename="../algorithms/run_outputs.py" line="190" />
        <source>Area unit of the Excel tables</source>
        <translation>Excel 表格的面积单位</translation>
    </message>
    <message>
        <location filename="../algorithms/run_outputs.py" line="193" />
        <source>Tables as an Excel workbook (.xlsx)</source>
        <translation>表格另存为 Excel 工作簿（.xlsx）</translation>
    </message>
    <message>
        <location filename="../algorithms/run_outputs.py" line="193" />
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../algorithms/run_outputs.py" line="196" />
        <source>Chart images written beside the report</source>
        <translation>报告旁写出的图表图片</translation>
    </message>
    <message>
        <location filename="../algorithms/tag_townships.py" line="109" />
        <source>Writes the plan's structures onto township polygons: for each township, its role, tier, zone, function type, region or group in every structure of the plan catalogue (for example 开州's three-tier town system, 003_19d1efc2983d1444.txt l.135–137; 江津's 一主两副六节点多特色, 000_5c0b1797e2e1b3c4.txt l.234 and l.274, and its function zones, 001_c0dc96b9baef37ce.txt l.1375), with the document and line of each value in plan_cite.

Inputs: a township polygon layer, its name field, optionally a township code field (features of another jurisdiction are then left out, and features sharing name and code are parts of one township), and a catalogue.
Names match when they are equal, or equal once suffixes (镇, 乡, 街道, 街道办事处, 办事处), spaces, full-width characters and a 乡 that became a 镇 are ignored, or through the catalogue's aliases. Nothing is guessed: unmatched names, names fitting several townships, several features for one township and plan townships missing from the layer are left untagged and listed in the match report with the fix and the closest plan names. Where the plan contradicts itself the field holds every reading (第一级|第三级) and plan_note gives the lines. A value the catalogue infers rather than reads (the class "其他14个一般建制镇", a township tagged after the 商圈 or 片区 bearing its name) is marked: plan_infer names the field, the value and the class's own line, plan_note says how it is inferred, the legend marks the class (inferred) and the match report has an 'inferred' row.
Outputs: the layer with plan_name, match, juris, plan_note, one field per structure, plan_cite and plan_infer (styled by structure and with drop-down lists of the plan's values when loaded in QGIS), and the match report table.</source>
        <translation>将规划结构写入乡镇面图层：按规划目录中的每一种结构，写出每个乡镇的角色、层级、分区、职能类型、片区或组团（例如开州三级城镇体系，003_19d1efc2983d1444.txt 第135–137行；江津“一主两副六节点多特色”，000_5c0b1797e2e1b3c4.txt 第234行和第274行，及其功能分区，001_c0dc96b9baef37ce.txt 第1375行），并在 plan_cite 中注明每个值出自的文件和行号。

输入：乡镇面图层、名称字段、可选的乡镇代码字段（此时其他行政区的要素不予标注，名称和代码相同的要素视为同一乡镇的几个部分），以及规划目录。
名称完全相同，或忽略后缀（镇、乡、街道、街道办事处、办事处）、空格、全角字符以及“乡改镇”后相同，或与规划目录中的别名相同，即为匹配。不作任何猜测：未匹配的名称、可对应多个乡镇的名称、同一乡镇对应多个要素，以及图层中缺失的规划乡镇，均不标注，并在匹配报告中逐条列出修改方法和最接近的规划名称。规划前后矛盾之处，字段写入全部表述（第一级|第三级），plan_note 注明行号。目录推定而非规划直接写明的取值（如“其他14个一般建制镇”这一类别、按同名商圈或片区标注的乡镇）予以标明：plan_infer 写出字段、取值及该类别自身的出处行，plan_note 说明如何推定，图例在该类别后标注（推定），匹配报告中有一行 inferred。
输出：增加 plan_name、match、juris、plan_note、每种结构一个字段、plan_cite 及 plan_infer 的图层（在 QGIS 中加载时按结构设置样式，并提供规划取值的下拉列表），以及匹配报告表。</translation>
    </message>
    <message>
        <location filename="../algorithms/tag_townships.py" line="131" />
        <source>A survey delivery (DELIVERY: a .gdb, a .gpkg or a folder of Shapefiles) may be given instead of the township layer: its 行政区 XZQ is tagged, by its XZQMC unless a name field is given.</source>
        <translation>可用调查成果数据（DELIVERY：.gdb、.gpkg 或 Shapefile 文件夹）代替乡镇图层：对其行政区 XZQ 赋值，未指定名称字段时按 XZQMC 匹配。</translation>
    </message>
    <message>
        <location filename="../algorithms/tag_townships.py" line="182" />
        <source>Parameter INPUT: no township layer was given, and no DELIVERY with a 行政区 (XZQ) layer.</source>
        <translation>参数 INPUT：未给出乡镇图层，也没有含行政区（XZQ）图层的成果数据（DELIVERY）。</translation>
    </message>
    <message>
        <location filename="../algorithms/tag_townships.py" line="182" />
        <source>Choose the township polygons, or give the survey delivery holding its XZQ.</source>
        <translation>请选择乡镇面图层，或给出含 XZQ 的调查成果数据。</translation>
    </message>
    <message>
        <location filename="../algorithms/tag_townships.py" line="192" />
        <source>Parameter NAME_FIELD: layer '{layer}' has no plan_name, name or XZQMC field.</source>
        <translation>参数 NAME_FIELD：图层“{layer}”没有 plan_name、name 或 XZQMC 字段。</translation>
    </message>
    <message>
        <location filename="../algorithms/tag_townships.py" line="192" />
        <source>Choose the field holding the township names.</source>
        <translation>请选择存放乡镇名称的字段。</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_presence.py" line="104" />
        <source>Choose the facilities (points or polygons) and the township polygons.</source>
        <translation>请选择设施（点或面）和乡镇（街道）面图层。</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_presence.py" line="107" />
        <source>A facility-presence target is a count of townships or a percent, not '{unit}'.</source>
        <translation>设施配置目标应为乡镇（街道）个数或百分比，而不是“{unit}”。</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_presence.py" line="107" />
        <source>Fix the target's unit in the catalogue.</source>
        <translation>请在规划目录中修正该目标的单位。</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_presence.py" line="113" />
        <source>Parameter FACILITIES: layer '{layer}' holds neither points nor polygons.</source>
        <translation>参数 FACILITIES：图层“{layer}”既不是点也不是面。</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_presence.py" line="113" />
        <source>Choose the facilities as points or polygons.</source>
        <translation>请选择点或面形式的设施图层。</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_presence.py" line="130" />
        <source>No facility of '{layer}' has a value containing '{kind}' in field '{field}'; it holds: {values}.</source>
        <translation>图层“{layer}”中没有字段“{field}”取值含“{kind}”的设施；该字段的取值为：{values}。</translation>
    </message>
    <message>
        <location filename="../core/checks/plan_facilities.py" line="70" />
        <source>Choose the field holding the facility type, or a layer holding the {kind}.</source>
        <translation>请选择存放设施类型的字段，或选择包含{kind}的图层。</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_presence.py" line="154" />
        <source>No facility of '{facilities}' lies inside any township of '{townships}'.</source>
        <translation>图层“{facilities}”中没有任何设施位于“{townships}”的乡镇（街道）内。</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_presence.py" line="178" />
        <source>Townships with a facility of '{layer}'</source>
        <translation>配有“{layer}”设施的乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_presence.py" line="187" />
        <source>{n} facilities of '{layer}' lie outside every township: counted in none.</source>
        <translation>图层“{layer}”中有 {n} 处设施位于所有乡镇（街道）之外，不计入任何乡镇（街道）。</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_presence.py" line="191" />
        <source>Townships without one: {names}.</source>
        <translation>尚未配置的乡镇（街道）：{names}。</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_presence.py" line="192" />
        <source>the facilities whose '{field}' contains '{kind}'</source>
        <translation>字段“{field}”取值含“{kind}”的设施</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_presence.py" line="192" />
        <source>every facility of '{layer}'</source>
        <translation>图层“{layer}”的全部设施</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_presence.py" line="194" />
        <source>A township counts when at least one of {facilities} stands inside it (its point on surface); the figure is the number of townships holding one, or their share of the {n} townships of '{townships}'.</source>
        <translation>乡镇（街道）内（按其面内点）至少有一处{facilities}即计入；结果为配有设施的乡镇（街道）个数，或其占“{townships}”全部 {n} 个乡镇（街道）的比例。</translation>
    </message>
    <message>
        <location filename="../core/checks/landuse.py" line="224" />
        <source>the 三调 classification</source>
        <translation>三调工作分类</translation>
    </message>
    <message>
        <location filename="../core/checks/landuse.py" line="224" />
        <source>用地用海</source>
        <translation>用地用海</translation>
    </message>
    <message>
        <location filename="../core/checks/landuse.py" line="303" />
        <source>Field '{field}' of layer '{layer}' holds codes only the 三调 classification has ({sandiao}) and codes only 用地用海 has ({ydyh}): a field holds one code system.</source>
        <translation>图层“{layer}”的字段“{field}”既有只见于三调工作分类的编码（{sandiao}），又有只见于用地用海分类的编码（{ydyh}）：一个字段只能采用一种分类体系。</translation>
    </message>
    <message>
        <location filename="../core/checks/landuse.py" line="303" />
        <source>Correct the codes of the other system, or choose the field of one system.</source>
        <translation>请改正另一体系的编码，或选择只采用一种体系的字段。</translation>
    </message>
    <message>
        <location filename="../core/checks/landuse.py" line="309" />
        <source>Field '{field}' of layer '{layer}': codes {codes} mean different land in the 三调 and in 用地用海, and were read before codes only {system} has ({proof}) showed the field's system.</source>
        <translation>图层“{layer}”的字段“{field}”：编码 {codes} 在三调和用地用海中含义不同，且在只见于{system}的编码（{proof}）表明该字段的体系之前已被读取。</translation>
    </message>
    <message>
        <location filename="../core/checks/landuse.py" line="309" />
        <source>Type the codes to count (LANDUSE_CODES) to read them as they are, or give the field of 用地用海 codes as YDYHFLDM.</source>
        <translation>请在 LANDUSE_CODES 中输入要统计的编码以按原样读取，或将用地用海编码字段命名为 YDYHFLDM 后给出。</translation>
    </message>
    <message>
        <location filename="../core/checks/landuse.py" line="322" />
        <source>{layer}: field '{field}' holds 三调 地类编码; the preset's 用地用海 codes were matched through the 三调 → 用地用海 correspondence of {source}: {pairs}.</source>
        <translation>{layer}：字段“{field}”为三调地类编码；预设的用地用海编码经{source}的三调 → 用地用海对应关系匹配：{pairs}。</translation>
    </message>
    <message>
        <location filename="../core/checks/landuse.py" line="326" />
        <source>{layer}: {n} polygons of 三调 classes only part of whose 用地用海 classes count ({codes}) cannot be split by their codes and were not counted.</source>
        <translation>{layer}：{n} 个图斑所属三调地类对应的用地用海类中只有部分计入（{codes}），无法按编码拆分，未计入。</translation>
    </message>
    <message>
        <location filename="../core/checks/plan_check.py" line="358" />
        <source>{kind}: {how}; layers: {layers}</source>
        <translation>{kind}：{how}；图层：{layers}</translation>
    </message>
    <message>
        <location filename="../core/checks/plan_facilities.py" line="49" />
        <source>a facilities layer holds many kinds: give its type field (FACILITY_TYPE_FIELD) to tell '{facility}'</source>
        <translation>设施图层包含多种设施：请给出其类型字段（FACILITY_TYPE_FIELD），以识别“{facility}”</translation>
    </message>
    <message>
        <location filename="../core/checks/plan_facilities.py" line="52" />
        <source>'{facility}' names several kinds of facility, which one type field value cannot select: measure each kind, or the life circle as a whole with cq_urban:check_facility_coverage (preset {preset})</source>
        <translation>“{facility}”包含多种设施，无法用一个类型字段取值选出：请逐类测算，或用 cq_urban:check_facility_coverage（预设 {preset}）测算生活圈整体</translation>
    </message>
    <message>
        <location filename="../core/checks/plan_facilities.py" line="58" />
        <source>'{layer}' holds no facility whose type ({field}) contains '{kind}'</source>
        <translation>“{layer}”中没有类型（{field}）含“{kind}”的设施</translation>
    </message>
    <message>
        <location filename="../core/checks/plan_facilities.py" line="66" />
        <source>Layer '{layer}' ({role}) has no field '{field}'.</source>
        <translation>图层“{layer}”（{role}）没有字段“{field}”。</translation>
    </message>
    <message>
        <location filename="../core/checks/plan_facilities.py" line="66" />
        <source>Choose its type field (FACILITY_TYPE_FIELD).</source>
        <translation>请选择其类型字段（FACILITY_TYPE_FIELD）。</translation>
    </message>
    <message>
        <location filename="../core/checks/plan_facilities.py" line="70" />
        <source>No feature of '{layer}' has a type containing '{kind}' in field '{field}'.</source>
        <translation>图层“{layer}”中没有字段“{field}”类型含“{kind}”的要素。</translation>
    </message>
    <message>
        <location filename="../core/checks/plan_facilities.py" line="142" />
        <source>(the facilities whose type ({field}) contains '{kind}')</source>
        <translation>（类型字段 {field} 含“{kind}”的设施）</translation>
    </message>
    <message>
        <location filename="../core/checks/report.py" line="119" />
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <location filename="../core/checks/targets.py" line="201" />
        <source>approximate figure: {deviation}</source>
        <translation>约数：偏差 {deviation}</translation>
    </message>
    <message>
        <location filename="../core/files/xlsx.py" line="28" />
        <source>ha</source>
        <translation>公顷</translation>
    </message>
    <message>
        <location filename="../core/files/xlsx.py" line="28" />
        <source>mu</source>
        <translation>亩</translation>
    </message>
    <message>
        <location filename="../core/files/xlsx.py" line="70" />
        <source>group</source>
        <translation>分组</translation>
    </message>
    <message>
        <location filename="../core/files/xlsx.py" line="70" />
        <source>scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <location filename="../core/files/xlsx.py" line="113" />
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../core/files/xlsx.py" line="152" />
        <source>This GDAL has no XLSX driver, so no .xlsx table can be written.</source>
        <translation>此 GDAL 没有 XLSX 驱动，无法写出 .xlsx 表格。</translation>
    </message>
    <message>
        <location filename="../core/files/xlsx.py" line="152" />
        <source>Leave the Excel table output empty, or use a QGIS whose GDAL has it.</source>
        <translation>请将 Excel 表格输出留空，或使用其 GDAL 带有该驱动的 QGIS。</translation>
    </message>
    <message>
        <location filename="../core/geo/delivery.py" line="227" />
        <source>{layer}: it has no CRS, and its Gauss-Krüger metres carry no zone number; layer {sibling} of the same delivery declares {crs}, whose zone its coordinates fit, so it is read in that CRS.</source>
        <translation>{layer}：没有坐标系，且其高斯-克吕格米制坐标不带带号；同一成果中的图层 {sibling} 声明为 {crs}，其坐标符合该分带，因此按该坐标系读取。</translation>
    </message>
    <message>
        <location filename="../core/geo/delivery.py" line="282" />
        <source>Layer '{layer}': {problem}, and the CRS given for the delivery, {crs}, does not fit its coordinates ({extent}) either.</source>
        <translation>图层“{layer}”：{problem}，且为成果数据指定的坐标系 {crs} 也不符合其坐标（{extent}）。</translation>
    </message>
    <message>
        <location filename="../core/geo/delivery.py" line="282" />
        <source>Give the CRS the delivery's documentation names (DELIVERY_CRS), or leave it empty to infer it.</source>
        <translation>请给出成果资料说明中的坐标系（DELIVERY_CRS），或留空由坐标判断。</translation>
    </message>
    <message>
        <location filename="../core/geo/delivery.py" line="287" />
        <source>{layer}: {problem}; it is read in {crs}, the CRS given for the delivery.</source>
        <translation>{layer}：{problem}；按为成果数据指定的坐标系 {crs} 读取。</translation>
    </message>
    <message>
        <location filename="../core/geo/delivery.py" line="301" />
        <source>Give the delivery's CRS (DELIVERY_CRS; Chongqing: EPSG:4544 CM 105°E, EPSG:4545 CM 108°E, EPSG:4546 CM 111°E), or add the layer's .prj.</source>
        <translation>请给出成果数据的坐标系（DELIVERY_CRS；重庆：EPSG:4544 中央经线 105°E，EPSG:4545 中央经线 108°E，EPSG:4546 中央经线 111°E），或补上该图层的 .prj 文件。</translation>
    </message>
    <message>
        <location filename="../core/geo/delivery.py" line="416" />
        <source>{layer} has no 城镇村属性码 (CZCSXM): no built-up land is read from it; give the built-up layer.</source>
        <translation>{layer} 没有城镇村属性码（CZCSXM）：不从中读取建成区用地；请给出建成区图层。</translation>
    </message>
    <message>
        <location filename="../core/geo/delivery.py" line="427" />
        <source>{layer}: 城镇村属性码 201/202</source>
        <translation>{layer}：城镇村属性码 201/202</translation>
    </message>
    <message>
        <location filename="../core/geo/delivery.py" line="428" />
        <source>built-up land: the {n} of {total} parcels of {layer} whose 城镇村属性码 is 201 城市 or 202 建制镇 (with 201A/202A), as the 城镇建成区 statistics count it.</source>
        <translation>建成区用地：{layer} 的 {total} 个图斑中城镇村属性码为 201 城市或 202 建制镇（含 201A/202A）的 {n} 个，与城镇建成区统计口径一致。</translation>
    </message>
    <message>
        <location filename="../core/maps/chart_data.py" line="117" />
        <source>{title}: measured against target</source>
        <translation>{title}：实测与目标对比</translation>
    </message>
    <message>
        <location filename="../core/maps/dossier.py" line="92" />
        <source>{title}: by township</source>
        <translation>{title}：按乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../core/maps/dossier.py" line="92" />
        <source>{title}: covered and uncovered served area</source>
        <translation>{title}：服务范围内已覆盖与未覆盖面积</translation>
    </message>
    <message>
        <location filename="../core/maps/charts.py" line="169" />
        <source>target met</source>
        <translation>达标</translation>
    </message>
    <message>
        <location filename="../core/maps/charts.py" line="169" />
        <source>target not met</source>
        <translation>未达标</translation>
    </message>
    <message>
        <location filename="../core/maps/charts.py" line="205" />
        <source>covered</source>
        <translation>已覆盖</translation>
    </message>
    <message>
        <location filename="../core/maps/charts.py" line="205" />
        <source>uncovered</source>
        <translation>未覆盖</translation>
    </message>
    <message>
        <location filename="../core/maps/dossier.py" line="176" />
        <source>Plan check dossier: {jurisdiction}</source>
        <translation>规划实施校核档案：{jurisdiction}</translation>
    </message>
    <message>
        <location filename="../core/maps/dossier.py" line="176" />
        <source>Jurisdiction: {name}</source>
        <translation>行政区：{name}</translation>
    </message>
    <message>
        <location filename="../core/maps/dossier.py" line="176" />
        <source>Date: {date}</source>
        <translation>日期：{date}</translation>
    </message>
    <message>
        <location filename="../core/maps/dossier.py" line="176" />
        <source>{measured} of {targets} targets measured, {met} met, {not_met} not met</source>
        <translation>共 {targets} 项目标，已测 {measured} 项，达标 {met} 项，未达标 {not_met} 项</translation>
    </message>
    <message>
        <location filename="../core/maps/dossier.py" line="185" />
        <source>Targets measured, with their verdicts</source>
        <translation>已测目标及结论</translation>
    </message>
    <message>
        <location filename="../core/maps/dossier_pages.py" line="42" />
        <source>Plan check dossier</source>
        <translation>规划实施校核档案</translation>
    </message>
    <message>
        <location filename="../core/maps/dossier_pages.py" line="89" />
        <source>Data sources</source>
        <translation>数据来源</translation>
    </message>
    <message>
        <location filename="../core/maps/dossier_pages.py" line="98" />
        <source>{title} (continued)</source>
        <translation>{title}（续）</translation>
    </message>
    <message>
        <location filename="../core/maps/dossier_pages.py" line="106" />
        <source>None.</source>
        <translation>无。</translation>
    </message>
    <message>
        <location filename="../core/maps/dossier_pages.py" line="132" />
        <source>Definition: {how}</source>
        <translation>定义：{how}</translation>
    </message>
    <message>
        <location filename="../core/maps/dossier_pages.py" line="134" />
        <source>Method: {method}</source>
        <translation>方法：{method}</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="400" />
        <source>Inferred values</source>
        <translation>推定取值</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="437" />
        <source>Geometric (km²)</source>
        <translation>几何面积（km²）</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="437" />
        <source>Recorded (km²)</source>
        <translation>调查面积（km²）</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="437" />
        <source>Recorded − geometric (km²)</source>
        <translation>调查面积 − 几何面积（km²）</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="439" />
        <source>Population served (persons)</source>
        <translation>服务范围人口（人）</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="440" />
        <source>Population covered (persons)</source>
        <translation>覆盖人口（人）</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="441" />
        <source>Townships flagged</source>
        <translation>不一致的乡镇（街道）数</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="442" />
        <source>生态保护红线 ∩ 永久基本农田 (km²)</source>
        <translation>生态保护红线 ∩ 永久基本农田（km²）</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="442" />
        <source>生态保护红线 ∩ 城镇开发边界 (km²)</source>
        <translation>生态保护红线 ∩ 城镇开发边界（km²）</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="443" />
        <source>永久基本农田 ∩ 城镇开发边界 (km²)</source>
        <translation>永久基本农田 ∩ 城镇开发边界（km²）</translation>
    </message>
    <message>
        <location filename="../core/maps/styling.py" line="107" />
        <source>{label} (partly inferred)</source>
        <translation>{label}（部分推定）</translation>
    </message>
    <message>
        <location filename="../core/maps/styling.py" line="107" />
        <source>{label} (inferred)</source>
        <translation>{label}（推定）</translation>
    </message>
    <message>
        <location filename="../core/plan/tagging.py" line="159" />
        <source>{structure}: {value} is inferred, not stated: {note}</source>
        <translation>{structure}：{value} 为推定，规划未直接写明：{note}</translation>
    </message>
    <message>
        <location filename="../core/plan/tagging.py" line="174" />
        <source>{field}: {value} (inferred)</source>
        <translation>{field}：{value}（推定）</translation>
    </message>
    <message>
        <location filename="../core/plan/tagging.py" line="175" />
        <source>{field}: {value} (inferred; the class: {cite})</source>
        <translation>{field}：{value}（推定；类别出处：{cite}）</translation>
    </message>
    <message>
        <location filename="../core/plan/tagging.py" line="262" />
        <source>Tagged {field} = {value} (inferred): the catalogue's inference, not the plan's words. {note} Check it against the plan before relying on it.</source>
        <translation>已标注 {field} = {value}（推定）：这是目录的推定，不是规划原文。{note} 使用前请对照规划核实。</translation>
    </message>
    <message>
        <location filename="../gui/delivery.py" line="31" />
        <source>Survey or planning delivery (.gdb folder, or folder of Shapefiles)</source>
        <translation>调查或规划成果数据（.gdb 文件夹或 Shapefile 文件夹）</translation>
    </message>
    <message>
        <location filename="../gui/delivery.py" line="78" />
        <source>From the delivery {name}: {layers}.</source>
        <translation>取自成果数据 {name}：{layers}。</translation>
    </message>
    <message>
        <location filename="../gui/delivery.py" line="80" />
        <source>Not in it (or its CRS unknown, see the log): {roles}.</source>
        <translation>成果中没有（或坐标系未知，见日志）：{roles}。</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="61" />
        <source>From a delivery…</source>
        <translation>从成果数据读取…</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="63" />
        <source>Read a survey or planning delivery (.gdb, folder of Shapefiles): its standard layers are added to the project and fill the layer pickers.</source>
        <translation>读取调查或规划成果数据（.gdb、Shapefile 文件夹）：其标准图层加入工程，并填入各图层选择框。</translation>
    </message>
    <message>
        <location filename="../gui/panel.py" line="66" />
        <source>Delivery</source>
        <translation>成果数据</translation>
    </message>
    <message>
        <location filename="../core/checks/control_lines.py" line="120" />
        <source>These thresholds were set for this run; the plan states each zone's direction (001 l.1375) but no percentage.</source>
        <translation>以上阈值为本次运行设定；规划只写明各区的发展方向（001 第1375行），未给出比例。</translation>
    </message>
    <message>
        <location filename="../core/checks/control_lines.py" line="120" />
        <source>These thresholds are the plugin's defaults, not figures of the plan: the plan states each zone's direction (001 l.1375) but no percentage.</source>
        <translation>以上阈值为插件的默认值，并非规划给出的数字：规划只写明各区的发展方向（001 第1375行），未给出比例。</translation>
    </message>
    <message>
        <location filename="../core/checks/plan_check.py" line="264" />
        <source>the per-capita check measures {known} only</source>
        <translation>人均指标校核只测算{known}</translation>
    </message>
    <message>
        <location filename="../core/maps/chart_data.py" line="94" />
        <source>facilities</source>
        <translation>处</translation>
    </message>
    <message>
        <location filename="../core/maps/dossier.py" line="88" />
        <source>{title}: facilities by township</source>
        <translation>{title}：各乡镇设施数</translation>
    </message>
    <message>
        <location filename="../core/maps/dossier.py" line="258" />
        <source>Facilities of the kind ({n})</source>
        <translation>该类设施（{n} 处）</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="159" />
        <source>With a facility of the kind</source>
        <translation>有该类设施</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="159" />
        <source>Without one</source>
        <translation>无该类设施</translation>
    </message>
    <message>
        <location filename="../core/maps/dossier.py" line="230" />
        <source>No figure</source>
        <translation>无数值</translation>
    </message>
    <message>
        <location filename="../core/maps/dossier.py" line="121" />
        <source>Per capita</source>
        <translation>人均指标</translation>
    </message>
    <message>
        <location filename="../core/maps/dossier.py" line="122" />
        <source>Distance rule</source>
        <translation>距离规则</translation>
    </message>
    <message>
        <location filename="../algorithms/export_dossier.py" line="90" />
        <source>{role}: {label}</source>
        <translation>{role}：{label}</translation>
    </message>
    <message>
        <location filename="../core/checks/plan_check.py" line="155" />
        <source>{kind}: {how}</source>
        <translation>{kind}：{how}</translation>
    </message>
    <message>
        <location filename="../algorithms/check_batch.py" line="84" />
        <source>Split a jurisdiction of more townships than this into pieces of so many (0: never)</source>
        <translation>乡镇（街道）多于此数的辖区按每份此数拆分量算（0：不拆分）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_batch.py" line="87" />
        <source>Or keep the results in PostGIS: a connection (host=… port=… dbname=… user=…)</source>
        <translation>或把结果存入 PostGIS：连接串（host=… port=… dbname=… user=…）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_plan.py" line="98" />
        <source>A service circle the plan gives in walking minutes reaches minutes × 60 × the walking speed (WALK_SPEED, default 1.0 m/s: GB 50180-2018 pairs its 5-minute circle with 300 m and states no speed), as cq_urban:check_facility_coverage reads it; each row's 'how' names the parameters (BUILTUP, GREEN, …) whose layers gave its figure and the threshold used.</source>
        <translation>规划以步行分钟给出的服务圈，其可达距离为 分钟数 × 60 × 步行速度（WALK_SPEED，默认 1.0 米/秒：GB 50180-2018 将 5 分钟生活圈对应 300 米，但未规定步速），与 cq_urban:check_facility_coverage 的读法相同；每行的“测算方法”写明给出该数值的图层参数（BUILTUP、GREEN 等）及所用阈值。</translation>
    </message>
    <message>
        <location filename="../core/checks/batch.py" line="133" />
        <source>The townships layer {source} has no field '{field}' to split the jurisdictions by.</source>
        <translation>乡镇图层 {source} 没有用来划分辖区的字段“{field}”。</translation>
    </message>
    <message>
        <location filename="../core/checks/batch.py" line="133" />
        <source>Give the field that holds each township's jurisdiction (e.g. its county code).</source>
        <translation>请给出记录各乡镇所属辖区的字段（如区县代码）。</translation>
    </message>
    <message>
        <location filename="../core/checks/batch.py" line="155" />
        <source>Jurisdiction '{id}': its {key} layer {source} has no field '{field}' to pick its features by.</source>
        <translation>辖区“{id}”：其 {key} 图层 {source} 没有用来选取本辖区要素的字段“{field}”。</translation>
    </message>
    <message>
        <location filename="../core/checks/batch.py" line="155" />
        <source>Give every layer of the municipal set the jurisdiction field.</source>
        <translation>请为全市这套图层的每个图层都加上辖区字段。</translation>
    </message>
    <message>
        <location filename="../core/checks/batch.py" line="304" />
        <source>[{k}/{total}] {what}; townships {t}/{of}</source>
        <translation>[{k}/{total}] {what}；乡镇（街道）{t}/{of}</translation>
    </message>
    <message>
        <location filename="../core/checks/batch.py" line="330" />
        <source>it could not be split by township ({error}).</source>
        <translation>无法按乡镇（街道）拆分（{error}）。</translation>
    </message>
    <message>
        <location filename="../core/checks/batch.py" line="334" />
        <source>{id}: {n} townships, measured in {k} pieces.</source>
        <translation>{id}：{n} 个乡镇（街道），分 {k} 块量算。</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_presence.py" line="169" />
        <source>No township of '{layer}' is a {kinds}, the units the target counts.</source>
        <translation>“{layer}”中没有{kinds}，而该指标只统计{kinds}。</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_presence.py" line="169" />
        <source>Check the township name field (TOWNSHIP_NAME_FIELD): a unit's kind is the catalogue's for its name, else its name's ending (镇, 街道, 乡).</source>
        <translation>请检查乡镇街道名称字段（TOWNSHIP_NAME_FIELD）：单元的类别取目录中该名称的类别，否则按名称结尾（镇、街道、乡）判断。</translation>
    </message>
    <message>
        <location filename="../core/checks/facility_presence.py" line="174" />
        <source> Only the {kinds} count ({n} of the {every} townships), as the target's scope says.</source>
        <translation>按指标范围，只统计{kinds}（{every}个乡镇街道中的{n}个）。</translation>
    </message>
    <message>
        <location filename="../core/checks/plan_check.py" line="126" />
        <source>{field} of {townships}</source>
        <translation>{townships} 的 {field} 字段</translation>
    </message>
    <message>
        <location filename="../core/maps/dossier.py" line="132" />
        <source>{how}. Convention: {text}</source>
        <translation>{how}。约定：{text}</translation>
    </message>
    <message>
        <location filename="../core/checks/plan_check.py" line="194" />
        <source>area of the polygons of {layer}</source>
        <translation>{layer} 图斑面积</translation>
    </message>
    <message>
        <location filename="../core/checks/plan_check.py" line="299" />
        <source>m² of {land} per person of {population}</source>
        <translation>人均 {land} 面积（平方米，人口取自 {population}）</translation>
    </message>
    <message>
        <location filename="../core/checks/plan_check.py" line="308" />
        <source>persons of {population} summed per township of {townships} and per class of the plan's structures</source>
        <translation>按 {townships} 各乡镇街道及规划结构各类别汇总 {population} 的人口</translation>
    </message>
    <message>
        <location filename="../core/checks/plan_check.py" line="322" />
        <source>features of {plants} within {distance:g} m of {river}</source>
        <translation>距 {river} {distance:g} 米以内的 {plants} 要素</translation>
    </message>
    <message>
        <location filename="../core/checks/plan_facilities.py" line="137" />
        <source>along the roads ({roads})</source>
        <translation>沿道路（{roads}）</translation>
    </message>
    <message>
        <location filename="../core/checks/plan_facilities.py" line="163" />
        <source>the facilities of {layer} whose type ({field}) contains '{kind}'</source>
        <translation>{layer} 中类型字段 {field} 含“{kind}”的设施</translation>
    </message>
    <message>
        <location filename="../core/checks/plan_facilities.py" line="163" />
        <source>every facility of {layer}</source>
        <translation>{layer} 的全部设施</translation>
    </message>
    <message>
        <location filename="../core/checks/plan_facilities.py" line="166" />
        <source>townships ({townships}) holding at least one of {what}</source>
        <translation>至少配有一处{what}的乡镇（街道）（{townships}）</translation>
    </message>
    <message>
        <location filename="../core/checks/plan_facilities.py" line="169" />
        <source>(only the {kinds}, as the scope '{scope}' says)</source>
        <translation>（按范围“{scope}”，只统计{kinds}）</translation>
    </message>
    <message>
        <location filename="../core/files/batch_postgis.py" line="28" />
        <source>PostGIS as the batch's store needs psycopg2 ({error}).</source>
        <translation>用 PostGIS 存放批量结果需要 psycopg2（{error}）。</translation>
    </message>
    <message>
        <location filename="../core/files/batch_postgis.py" line="28" />
        <source>Install it: sudo apt install python3-psycopg2, or python3 -m pip install psycopg2-binary.</source>
        <translation>请安装：sudo apt install python3-psycopg2，或 python3 -m pip install psycopg2-binary。</translation>
    </message>
    <message>
        <location filename="../core/files/batch_postgis.py" line="34" />
        <source>The PostGIS store {connection} cannot be reached: {error}</source>
        <translation>无法连接 PostGIS 结果库 {connection}：{error}</translation>
    </message>
    <message>
        <location filename="../core/files/batch_postgis.py" line="34" />
        <source>Give a libpq connection (host=… port=… dbname=… user=…) of a running PostgreSQL.</source>
        <translation>请给出一个正在运行的 PostgreSQL 的 libpq 连接串（host=… port=… dbname=… user=…）。</translation>
    </message>
    <message>
        <location filename="../core/files/batch_postgis.py" line="44" />
        <source>'{table}' cannot name the batch's PostGIS tables.</source>
        <translation>“{table}”不能用作批量结果的 PostGIS 表名。</translation>
    </message>
    <message>
        <location filename="../core/files/batch_postgis.py" line="44" />
        <source>Use lower-case letters, digits and '_' (e.g. cq_batch).</source>
        <translation>请只用小写字母、数字和“_”（如 cq_batch）。</translation>
    </message>
    <message>
        <location filename="../core/files/batch_postgis.py" line="84" />
        <source>Jurisdiction '{id}' could not be written into the PostGIS store {table}: {error}. Nothing of it was written.</source>
        <translation>辖区“{id}”未能写入 PostGIS 结果库 {table}：{error}。该辖区的结果一条也未写入。</translation>
    </message>
    <message>
        <location filename="../core/files/batch_postgis.py" line="104" />
        <source>Check the database, then run the batch again: it resumes with the jurisdictions not yet written.</source>
        <translation>请检查数据库后重新运行批量核算：将从尚未写入的辖区继续。</translation>
    </message>
    <message>
        <location filename="../core/files/batch_postgis.py" line="104" />
        <source>The PostGIS store {table} could not be read: {error}</source>
        <translation>无法读取 PostGIS 结果库 {table}：{error}</translation>
    </message>
    <message>
        <location filename="../core/geo/encoding.py" line="134" />
        <source>The text of {file} is neither UTF-8, GBK nor Big5{said}: its names cannot be read and would come out as replacement characters. Find out the encoding the file was written in and save a file {stem}.cpg beside it naming it (for example CP936, BIG5 or UTF-8), or export the layer again as UTF-8.</source>
        <translation>{file} 的文字既不是 UTF-8，也不是 GBK 或 Big5{said}：其中的名称无法读取，会变成替换字符（乱码）。请查明该文件写入时所用的编码，并在其旁边保存一个写明该编码的 {stem}.cpg 文件（例如 CP936、BIG5 或 UTF-8），或将图层重新导出为 UTF-8。</translation>
    </message>
    <message>
        <location filename="../core/geo/encoding.py" line="138" />
        <source> (its .cpg says UTF-8)</source>
        <translation>（其 .cpg 声明为 UTF-8）</translation>
    </message>
    <message>
        <location filename="../core/geo/encoding.py" line="142" />
        <source>{cpg} says the text of {file} is UTF-8, but it is not: its bytes are {encoding}, so it was read as {encoding}. To make this permanent, replace the content of {cpg} with the word {encoding}.</source>
        <translation>{cpg} 声明 {file} 的文字为 UTF-8，但实际不是：其字节为 {encoding} 编码，已按 {encoding} 读取。如需长期生效，请将 {cpg} 的内容改为 {encoding}。</translation>
    </message>
    <message>
        <location filename="../core/geo/encoding.py" line="146" />
        <source>{file} has no .cpg file and its text is not UTF-8: it was read as {encoding}. To make this permanent, save a file {stem}.cpg containing the word {encoding} beside it.</source>
        <translation>{file} 缺少 .cpg 文件且文字不是 UTF-8 编码，已按 {encoding} 读取。如需长期生效，请在其旁边保存一个内容为 {encoding} 的 {stem}.cpg 文件。</translation>
    </message>
    <message>
        <location filename="../gui/plan_tab.py" line="104" />
        <source>Dossier paper</source>
        <translation>校核档案纸张</translation>
    </message>
    <message>
        <location filename="../gui/plan_tab.py" line="109" />
        <source>Save the dossier as</source>
        <translation>校核档案保存为</translation>
    </message>
    <message>
        <location filename="../gui/plan_tab.py" line="144" />
        <source>Export dossier (PDF)</source>
        <translation>导出校核档案（PDF）</translation>
    </message>
    <message>
        <location filename="../gui/plan_tab.py" line="146" />
        <source>The whole-plan check of the layers chosen above, laid out as one PDF for the plan revision: cover, summary table, one page per measured target with its map and chart, the targets not measured and why.</source>
        <translation>以上方所选图层进行整体规划校核，并排版为一份供规划修编使用的 PDF：封面、汇总表、每项已测指标一页（含专题图和图表），以及未测指标及其原因。</translation>
    </message>
    <message>
        <location filename="../gui/plan_tab.py" line="212" />
        <source>Choose the file to save the dossier as.</source>
        <translation>请选择校核档案的保存文件。</translation>
    </message>
    <message>
        <location filename="../gui/plan_tab.py" line="230" />
        <source>Dossier saved: {path} ({pages} pages).</source>
        <translation>校核档案已保存：{path}（共 {pages} 页）。</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="161" />
        <source>Not counted ({kinds})</source>
        <translation>不计入（{kinds}）</translation>
    </message>
    <message>
        <location filename="../core/maps/result_styles.py" line="161" />
        <source>Not counted by the target</source>
        <translation>不计入该指标</translation>
    </message>
    <message>
        <location filename="../core/checks/plan_facilities.py" line="144" />
        <source>{how}. {threshold}</source>
        <translation>{how}。{threshold}</translation>
    </message>
    <message>
        <location filename="../core/checks/batch_plan.py" line="35" />
        <source>qgis_process is not found: the plan mode runs the whole-plan check with it.</source>
        <translation>未找到 qgis_process：整体规划核查模式需用它运行整体核查。</translation>
    </message>
    <message>
        <location filename="../core/checks/batch_plan.py" line="35" />
        <source>Install QGIS on the machine of the batch and of its workers.</source>
        <translation>请在运行批量核算的计算机及其各工作进程所在计算机上安装 QGIS。</translation>
    </message>
    <message>
        <location filename="../core/checks/batch_plan.py" line="63" />
        <source>Jurisdiction '{id}' has no catalogue.</source>
        <translation>辖区“{id}”未给出规划目录。</translation>
    </message>
    <message>
        <location filename="../core/checks/batch_plan.py" line="63" />
        <source>Give its catalogue (a bundled one's name, or a YAML file) in the list.</source>
        <translation>请在辖区清单中给出其规划目录（内置目录的名称，或一个 YAML 文件）。</translation>
    </message>
    <message>
        <location filename="../core/checks/batch_plan.py" line="75" />
        <source>Jurisdiction '{id}': its {key} layer {source} does not exist.</source>
        <translation>辖区“{id}”：其 {key} 图层 {source} 不存在。</translation>
    </message>
    <message>
        <location filename="../core/checks/batch_plan.py" line="115" />
        <source>{path} holds no installed cq_urban_plugin (cq_urban_plugin/metadata.txt) for the workers' qgis_process.</source>
        <translation>{path} 中没有已安装的 cq_urban_plugin（cq_urban_plugin/metadata.txt），工作进程的 qgis_process 无法使用。</translation>
    </message>
    <message>
        <location filename="../core/checks/batch_plan.py" line="115" />
        <source>Give the plugin folder of QGIS where it is installed, or the BUILD folder of `make package`.</source>
        <translation>请给出安装了本插件的 QGIS 插件文件夹，或 `make package` 的 BUILD 文件夹。</translation>
    </message>
    <message>
        <location filename="../core/checks/batch_plan.py" line="166" />
        <source>{id}: {n} targets</source>
        <translation>{id}：{n} 项指标</translation>
    </message>
    <message>
        <location filename="../algorithms/check_batch.py" line="39" />
        <source>Measures built-up area and bus-stop coverage per township in many jurisdictions at once (all 38 districts and counties of 重庆), in parallel on a dask.distributed cluster: a local cluster of worker processes by default, or a running dask scheduler given by its address (tcp://host:8786). The figures are those of cq_urban:check_builtup and cq_urban:check_coverage (straight line, by area) run on each jurisdiction alone.

Input: a list of jurisdictions, JSON (a list of objects) or CSV (a header row), each with id, catalogue, townships, builtup and stops (layer paths, path|layername=…; relative to the list's folder), optionally served (the served area; default the built-up) and name_field.

Output folder: jurisdictions/&lt;id&gt;.gpkg, one table per jurisdiction (a row per township: twp_km2, bu_km2, share, served_km2, cover_km2, cover_pct, and one row for the built-up outside every township), each written whole or not at all; merged.gpkg and merged.csv across all; failed.csv with the jurisdictions that could not be measured and why. A rerun skips every jurisdiction whose table is already there.

Split: a jurisdiction of more townships than this is measured in pieces of so many neighbouring townships, each with the built-up polygons meeting them and the stops within the radius of them (a stop's circle reaches into the next township), and one piece for the built-up outside every township; the figures are the same as unsplit.

One municipal layer set instead of a list: a JSON object {"field": …, "townships": …, "builtup": …, "stops": …}, every layer with the field naming each feature's jurisdiction; a jurisdiction per value. Layers may be PostGIS tables (dbname=… table=…).

PostGIS: with a connection, the results are kept in its tables cq_batch_townships and cq_batch_meta instead of jurisdictions/*.gpkg, each jurisdiction written in one transaction; a rerun skips those already there.

Plan mode: each jurisdiction's whole-plan check (cq_urban:check_plan) and its dossier (cq_urban:export_dossier), run by qgis_process on the workers (which then need QGIS and this plugin): each entry gives its catalogue and its layers by role (townships, builtup, landuse, stops, facilities, roads, green, forest, ecology, farmland, development, river, plants, population) and check_plan's options (township_name_field, facility_type_field, landuse_field, population_field, tolerance_pct, walk_speed). Output: plans/&lt;id&gt;/ (plan_check.csv, plan_check.html, dossier.pdf), each written whole; merged_plan.gpkg and merged_plan.csv (juris, target_id, measured, target, gap, verdict, citation).</source>
        <translation>在一个 dask.distributed 集群上并行量算多个辖区（如重庆全部 38 个区县）各乡镇（街道）的建成区面积和公交站点覆盖率：默认启动本机的工作进程集群，也可填写一个正在运行的 dask 调度器地址（tcp://主机:8786）。所得数值与在每个辖区单独运行 cq_urban:check_builtup 和 cq_urban:check_coverage（直线距离、按面积）的结果相同。

输入：辖区清单，JSON（对象列表）或 CSV（含表头行），每个辖区给出 id、catalogue、townships、builtup 和 stops（图层路径，可写 路径|layername=…；相对路径以清单所在文件夹为准），可选 served（服务范围，默认即建成区）和 name_field。

输出文件夹：jurisdictions/&lt;id&gt;.gpkg，每个辖区一张表（每个乡镇一行：twp_km2、bu_km2、share、served_km2、cover_km2、cover_pct，另有一行为所有乡镇以外的建成区），每张表要么完整写出、要么不写；merged.gpkg 和 merged.csv 为全部辖区的合并表；failed.csv 列出未能量算的辖区及原因。重新运行时跳过已有结果表的辖区。

拆分：乡镇（街道）多于此数的辖区按相邻乡镇分成每份此数的若干块量算，每块带上与其乡镇相交的建成区图斑和距其乡镇在半径以内的站点（站点的服务圆会伸入相邻乡镇），另有一块量算所有乡镇以外的建成区；结果与不拆分时相同。

也可不给清单而给全市一套图层：JSON 对象 {"field": …, "townships": …, "builtup": …, "stops": …}，每个图层都有标明各要素所属辖区的字段；每个字段值为一个辖区。图层也可以是 PostGIS 表（dbname=… table=…）。

PostGIS：给出连接时，结果存入其中的 cq_batch_townships 和 cq_batch_meta 表，而不是 jurisdictions/*.gpkg，每个辖区在一个事务中写入；重新运行时跳过已写入的辖区。

整体规划核查模式：在工作进程上由 qgis_process 运行每个辖区的整体规划核查（cq_urban:check_plan）及其核查成果册（cq_urban:export_dossier），此时工作进程需安装 QGIS 和本插件：每个条目给出其规划目录、按角色给出的图层（townships、builtup、landuse、stops、facilities、roads、green、forest、ecology、farmland、development、river、plants、population）以及 check_plan 的选项（township_name_field、facility_type_field、landuse_field、population_field、tolerance_pct、walk_speed）。输出：plans/&lt;id&gt;/（plan_check.csv、plan_check.html、dossier.pdf），每个辖区完整写入；merged_plan.gpkg 和 merged_plan.csv（juris、target_id、measured、target、gap、verdict、citation）。</translation>
    </message>
    <message>
        <location filename="../algorithms/check_batch.py" line="90" />
        <source>Plan mode: each jurisdiction's whole-plan check and dossier (the workers need QGIS)</source>
        <translation>整体规划核查模式：每个辖区的整体规划核查及核查成果册（工作进程需安装 QGIS）</translation>
    </message>
    <message>
        <location filename="../algorithms/check_batch.py" line="93" />
        <source>Plan mode: a dossier PDF per jurisdiction</source>
        <translation>整体规划核查模式：每个辖区生成一份核查成果册 PDF</translation>
    </message>
    <message>
        <location filename="../core/checks/plan_facilities.py" line="103" />
        <source>the plan gives a time ({minutes:g} minutes), not the share that must lie within it: the catalogue's measure gives it as share_pct (100: all of it)</source>
        <translation>规划只给出时间（{minutes:g} 分钟），未给出须在其内的比例：请在目录中该目标的量算说明里以 share_pct 给出（100 表示全部在内）</translation>
    </message>
</context>
</TS>
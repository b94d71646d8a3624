"""The HTML report a technician attaches to a plan revision.

Every word of it is the interface's language: headings, the units a catalogue
writes as codes ("percent", "km2"), its scope codes ("jurisdiction") and yes/no
cells are translated here. Each ``tr()`` takes a plain literal, never one inside
an f-string: ``pylupdate5`` does not look into f-strings, so such a string never
reaches the translation file and stays English in the Chinese interface.
"""
import datetime
import html
from typing import List, Sequence

from ...i18n import language, tr
from ..files.atomic import atomic_write_text
from .targets import TargetResult, figure_text, unit_text


def scope_text(scope) -> str:
    """A target's scope as the report writes it: the catalogue's code 'jurisdiction' is the whole jurisdiction."""
    return tr("jurisdiction") if scope == "jurisdiction" else scope


def _yes_no(value):
    """True / False, and the 'yes' / 'no' some checks put in their tables, in the interface's words."""
    if value is True or value == "yes":
        return tr("yes")
    if value is False or value == "no":
        return tr("no")
    return value


def _cell(value, digits=3):
    value = _yes_no(value)
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:,.{digits}f}"
    return html.escape(str(value))


def _digits(header: str) -> int:
    """Decimals of a table column's figures, by its header: a percentage one (68.4), persons none (12,346),
    areas and other figures three."""
    if "%" in header:
        return 1
    return 0 if tr("Population") in header else 3


def render_report(title: str, target_results: Sequence[TargetResult], tables: Sequence[tuple] = (),
                  notes: Sequence[str] = (), method: str = "", inputs: Sequence[str] = ()) -> str:
    """A self-contained UTF-8 HTML page. ``tables`` are (caption, headers, rows)."""
    generated = tr("Generated")
    targets_heading = tr("Targets")
    method_heading = tr("Method")
    inputs_heading = tr("Inputs")
    notes_heading = tr("Data notes")
    lang = "zh-CN" if language() == "zh" else "en"
    parts = [
        f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'>",
        f"<title>{html.escape(title)}</title>",
        "<style>body{font-family:'Noto Sans CJK SC','Microsoft YaHei',sans-serif;margin:2em;color:#222}"
        "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #999;padding:4px 8px;text-align:right}"
        "th{background:#eee}td:first-child,th:first-child{text-align:left}.met{background:#d9f2d9}"
        ".notmet{background:#f8d7d7}.small{color:#555;font-size:90%}</style></head><body>",
        f"<h1>{html.escape(title)}</h1>",
        f"<p class='small'>{html.escape(generated)} {datetime.datetime.now():%Y-%m-%d %H:%M}"
        " · cq_urban_plugin</p>",
    ]
    if target_results:
        parts.append(f"<h2>{html.escape(targets_heading)}</h2><table><tr>")
        headers = [tr("Indicator"), tr("Scope"), tr("Target"), tr("Measured"), tr("Unit"), tr("Gap"),
                   tr("Result"), tr("Year"), tr("Plan text")]
        parts.append("".join(f"<th>{html.escape(h)}</th>" for h in headers) + "</tr>")
        for row in target_results:
            css = {True: "met", False: "notmet", None: ""}[row.passed]
            parts.append(
                f"<tr class='{css}'><td>{_cell(row.label)}</td><td>{_cell(scope_text(row.scope))}</td>"
                f"<td>{_cell(row.target_text)}</td>"
                f"<td>{_cell(figure_text(row.measured, row.unit, 3))}</td><td>{_cell(unit_text(row.unit))}</td>"
                f"<td>{_cell(figure_text(row.gap, row.unit, 3))}</td>"
                f"<td>{_cell(row.status)}</td><td>{_cell(row.year)}</td><td>{_cell(row.citation)}</td></tr>")
        parts.append("</table>")
    for caption, headers, rows in tables:
        parts.append(f"<h2>{html.escape(caption)}</h2><table><tr>")
        parts.append("".join(f"<th>{html.escape(str(h))}</th>" for h in headers) + "</tr>")
        digits = [_digits(str(h)) for h in headers]
        for row in rows:
            parts.append("<tr>" + "".join(f"<td>{_cell(v, digits[i] if i < len(digits) else 3)}</td>"
                                          for i, v in enumerate(row)) + "</tr>")
        parts.append("</table>")
    if method:
        parts.append(f"<h2>{html.escape(method_heading)}</h2><p>{html.escape(method)}</p>")
    if inputs:
        parts.append(f"<h2>{html.escape(inputs_heading)}</h2><ul>")
        parts.extend(f"<li>{html.escape(i)}</li>" for i in inputs)
        parts.append("</ul>")
    if notes:
        parts.append(f"<h2>{html.escape(notes_heading)}</h2><ul>")
        parts.extend(f"<li>{html.escape(n)}</li>" for n in notes)
        parts.append("</ul>")
    parts.append("</body></html>")
    return "\n".join(parts)


def write_report(path, title, target_results: List[TargetResult], **kwargs) -> str:
    atomic_write_text(path, render_report(title, target_results, **kwargs))
    return str(path)


def add_charts(path, charts: Sequence[tuple]) -> str:
    """Put ``charts`` ((caption, PNG bytes, the PNG's file name beside the report), …) into the report
    at ``path``, after its targets: each drawn inline (the page stays one file) and named by its file."""
    import base64
    from pathlib import Path

    if not charts:
        return str(path)
    page = Path(path).read_text(encoding="utf-8")
    heading = tr("Charts")
    parts = [f"<h2>{html.escape(heading)}</h2>"]
    for caption, png, file_name in charts:
        encoded = base64.b64encode(png).decode("ascii")
        parts.append(f"<figure><img alt='{html.escape(caption)}' style='max-width:100%' "
                     f"src='data:image/png;base64,{encoded}'><figcaption class='small'>{html.escape(caption)} · "
                     f"{html.escape(file_name)}</figcaption></figure>")
    section = "\n".join(parts)
    marker = page.find("</table>")
    at = marker + len("</table>") if marker >= 0 else page.rfind("</body>")
    atomic_write_text(path, page[:at] + "\n" + section + "\n" + page[at:])
    return str(path)

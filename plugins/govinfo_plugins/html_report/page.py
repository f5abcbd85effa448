"""The HTML reporter: one self-contained page that looks like the form.

The statutory tables are drawn with the official form's merged headers
(:mod:`govinfo.report.forms`), each section's narrative beside its table, and every fail or
uncertain finding marked on the cells it concerns, its message on hover and in the list at
the end.  No network, no external asset: the styles and the small script are inline.
Imported when a page is rendered (:mod:`govinfo_plugins.html_report` registers the
reporter).
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable, Iterable, Mapping

from govinfo.checks import suspect_cells
from govinfo.model.cells import Cell, Unreadable
from govinfo.model.documents import AnnualReport, Document, KeyPoints
from govinfo.model.findings import Finding
from govinfo.model.narrative import Item, NarrativeBlock, Paragraph
from govinfo.model.tables import Table
from govinfo.plugin.specs import Options
from govinfo.report import present as p
from govinfo.report.forms import escape, form
from govinfo.report.verdicts import document_line, shown, table_verdicts

STYLE = """
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif;
       margin: 1rem auto; padding: 0 1rem; max-width: 72rem; color: #1d1d1f; line-height: 1.6; }
h1 { font-size: 1.6rem; margin-bottom: .5rem; }
p.who { color: #333; margin: .2rem 0 .8rem; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem;
          color: #555; font-size: .9rem; }
dl.meta dt { font-weight: bold; }
ul.verdicts { list-style: none; padding: .6rem 1rem; margin: 1rem 0; background: #f6f8fa;
              border-left: 4px solid #0969da; }
ul.verdicts li { margin: .2rem 0; }
ul.verdicts li.document { font-weight: bold; margin-top: .4rem; }
section.part { border-top: 1px solid #ddd; padding: 1rem 0; }
section.part h2 { font-size: 1.2rem; margin: 0 0 .5rem; }
.narrative p { margin: .4rem 0; }
.narrative .item { margin: .4rem 0 .4rem 1rem; }
.narrative .item > .head { font-weight: bold; }
p.verdict { font-weight: bold; margin: .6rem 0; }
div.table { overflow-x: auto; max-width: 100%; }
table.form { border-collapse: collapse; font-size: .85rem; }
table.form td { border: 1px solid #444; padding: .2rem .4rem; text-align: center;
                word-break: keep-all; overflow-wrap: normal; }
table.form td:not([data-key]) { min-width: 5em; }
table.form td[data-key] { font-variant-numeric: tabular-nums; min-width: 2.5rem;
                          white-space: nowrap; }
td.unreadable { color: #9a6700; font-weight: bold; }
td.flag.fail { background: #ffd7d5; outline: 2px solid #d1242f; }
td.flag.uncertain { background: #fff4c2; outline: 2px dashed #9a6700; }
td.flag.focus { box-shadow: 0 0 0 4px #0969da; }
td.flag.suspect { background: #ff8182; font-weight: bold; }
ul.unread { font-size: .85rem; color: #57606a; }
.unavailable { color: #9a6700; font-style: italic; }
ol.findings li { margin: .2rem 0; cursor: pointer; }
ol.findings li.fail { color: #d1242f; }
ol.findings li.uncertain { color: #9a6700; }
ol.findings li.note, ol.findings li.not_assessable { color: #555; }
ul.legend { font-size: .85rem; color: #57606a; list-style: none; padding: 0; }
@media print {
  body { margin: 0; max-width: none; }
  div.table { overflow: visible; }
  table.form { font-size: 8pt; }
  table.form td { padding: .1rem .2rem; }
}
"""

SCRIPT = """
(function () {
  var data = JSON.parse(document.getElementById("govinfo-findings").textContent);
  function cell(key) { return document.querySelector('td[data-key="' + key + '"]'); }
  data.forEach(function (finding, index) {
    if (finding.status !== "fail" && finding.status !== "uncertain") { return; }
    finding.cells.forEach(function (key) {
      var td = cell(key);
      if (!td) { return; }
      td.classList.add("flag", finding.status);
      var line = finding.rule + ": " + finding.message;
      if ((td.title || "").indexOf(line) < 0) {
        td.title = td.title ? td.title + "\\n" + line : line;
      }
    });
    var item = document.getElementById("finding-" + index);
    if (item) {
      item.addEventListener("click", function () {
        document.querySelectorAll("td.focus").forEach(function (td) {
          td.classList.remove("focus");
        });
        finding.cells.forEach(function (key) {
          var td = cell(key);
          if (td) { td.classList.add("focus"); }
        });
      });
    }
  });
  document.body.setAttribute("data-ready", "1");
})();
"""

_FINDINGS = {"zh": "检查结果", "en": "Findings"}


def _narrative(blocks: Iterable[NarrativeBlock]) -> str:
    out = []
    for block in blocks:
        if isinstance(block, Paragraph):
            out.append(f"<p>{escape(block.text)}</p>")
        elif isinstance(block, Item):
            out.append(
                f'<div class="item"><div class="head">{escape(block.marker + block.heading)}</div>'
                f"{_narrative(block.content)}</div>"
            )
    return "".join(out)


def _cell_renderer(
    flagged: Mapping[str, list[Finding]],
    suspects: frozenset[str],
    columns: Mapping[str, object],
    lang: p.Lang,
) -> Callable[[str, Cell], tuple[str, Mapping[str, str]]]:
    """A data cell as the page shows it: the value read, or the mark of a cell not reported
    (—) or unreadable (?, its text on hover and under the table), with the mark and colour
    of the findings that involve it."""

    def render(key: str, cell: Cell) -> tuple[str, Mapping[str, str]]:
        column = columns[key]
        shown_text = p.with_marks(p.value_text(cell, column), key, flagged, suspects)  # type: ignore[arg-type]
        attrs: dict[str, str] = {}
        titles = []
        if isinstance(cell, Unreadable):
            attrs["class"] = "unreadable"
            why = cell.why(lang)
            titles.append(f"{cell.raw}（{why}）" if lang == "zh" else f"{cell.raw} ({why})")
        found = flagged.get(key)
        if found:
            status = "fail" if any(f.is_fail for f in found) else "uncertain"
            if key in suspects:
                status += " suspect"
            attrs["class"] = f"{attrs.get('class', '')} flag {status}".strip()
            titles += [f"{f.rule}: {f.text(lang)}" for f in found]
        if titles:
            attrs["title"] = "\n".join(titles)
        return escape(shown_text), attrs

    return render


def _columns(table: Table) -> dict[str, object]:
    return {ref.key: ref.column for ref in table.cells()}


def _annual(document: AnnualReport, findings: tuple[Finding, ...], lang: p.Lang, show: bool) -> str:
    listed = tuple(shown(findings, document)) if show else ()
    flagged = p.flagged_cells(listed)
    suspects = frozenset(suspect_cells(findings)) if show else frozenset()
    verdicts = {v.key: v for v in table_verdicts(document)}
    parts = [f'<div class="narrative preamble">{_narrative(document.preamble)}</div>']
    for section in document.sections:
        heading = section.heading or section.definition.heading
        key = section.definition.table
        table = ""
        if isinstance(section.table, Table):
            render = _cell_renderer(flagged, suspects, _columns(section.table), lang)
            table = form(section.table, lang, render=render)
            unread = p.unread_texts(section.table)
            if unread:
                items = "".join(f"<li>{escape(p.unread_line(u, lang))}</li>" for u in unread)
                table += f'<ul class="unread">{items}</ul>'
        elif section.table is not None:
            table = f'<p class="unavailable">{escape(p.unavailable_text(section.table, lang))}</p>'
        verdict = (
            f'<p class="verdict">{escape(verdicts[key].line(lang))}</p>' if key is not None else ""
        )
        parts.append(
            f'<section class="part" id="section-{section.key}">'
            f"<h2>{escape(heading)}</h2>"
            f'<div class="narrative">{_narrative(section.content)}</div>'
            + (f'{verdict}<div class="table">{table}</div>' if key is not None else "")
            + "</section>"
        )
    return "\n".join(parts)


def _other(document: Document, lang: p.Lang) -> str:
    if isinstance(document, KeyPoints):
        parts = [
            f'<div class="narrative">{_narrative(document.notice)}'
            f"{_narrative(document.opening)}</div>"
        ]
        for part in document.parts:
            tasks = "".join(
                f'<div class="item"><div class="head">{escape(t.marker + t.lead)}</div>'
                f"<p>{escape(t.body)}</p>"
                + (f"<p><em>{escape(t.responsible.raw)}</em></p>" if t.responsible else "")
                + "</div>"
                for t in part.tasks
            )
            parts.append(
                f'<section class="part no-table"><h2>{escape(part.marker + part.title)}</h2>'
                f'<div class="narrative">{tasks}</div></section>'
            )
        parts.append(f'<div class="narrative">{_narrative(document.closing)}</div>')
        return "\n".join(parts)
    assert not isinstance(document, AnnualReport)
    parts = []
    for section in document.sections:
        parts.append(
            f'<section class="part no-table"><h2>{escape(section.heading or section.key)} '
            f"<small>({escape(section.recognised_by)})</small></h2>"
            f'<div class="narrative">{_narrative(section.content)}</div></section>'
        )
    facts = "".join(
        f"<li>{escape(p.fact_label(f.kind, lang))}: {f.value}{escape(f.unit)} — "
        f"{escape(f.evidence)}</li>"
        for f in document.facts
    )
    if facts:
        parts.append(f"<ul class='facts'>{facts}</ul>")
    return "\n".join(parts)


def render(document: Document, findings: tuple[Finding, ...], options: Options) -> str:
    lang = p.lang_option(options)
    show = p.findings_option(options)
    title = p.title(document, lang)
    meta = "".join(
        f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in p.metadata_rows(document, lang)
    )
    body = (
        _annual(document, findings, lang, show)
        if isinstance(document, AnnualReport)
        else _other(document, lang)
    )
    listed = shown(findings, document) if show else []
    items = "".join(
        f'<li id="finding-{i}" class="{f.status.value}">{escape(p.finding_line(f, lang))}</li>'
        for i, f in enumerate(listed)
    )
    data = json.dumps(
        [
            {
                "rule": f.rule,
                "status": f.status.value,
                "message": f.text(lang),
                "cells": list(f.cells),
            }
            for f in listed
        ],
        ensure_ascii=False,
    ).replace("</", "<\\/")
    verdict_items = "".join(f"<li>{escape(v.line(lang))}</li>" for v in table_verdicts(document))
    verdicts = (
        f'<ul class="verdicts">{verdict_items}'
        f'<li class="document">{escape(document_line(document, findings, lang))}</li></ul>'
        if show
        else ""
    )
    legend = (
        '<ul class="legend">' + "".join(f"<li>{escape(x)}</li>" for x in p.legend(lang)) + "</ul>"
        if isinstance(document, AnnualReport)
        else ""
    )
    findings_html = (
        f'<section class="findings"><h2>{_FINDINGS[lang]}</h2>'
        f'<ol class="findings">{items}</ol></section>'
        if show
        else ""
    )
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lang}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{STYLE}</style></head>\n"
        f"<body><header><h1>{escape(title)}</h1>"
        f'<p class="who">{escape(p.header_line(document, lang))}</p>'
        f'<dl class="meta">{meta}</dl>{verdicts}</header>\n'
        f"<main>\n{body}\n</main>\n{findings_html}\n{legend}\n"
        f'<script type="application/json" id="govinfo-findings">{data}</script>\n'
        f"<script>{SCRIPT}</script>\n</body></html>\n"
    )


__all__ = ["html", "render"]

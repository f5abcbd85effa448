"""The statutory tables, as data: every row and column, per format version.

The model validates tables against these definitions, the checks find their operands
through them, and readers and reporters take their labels from them.

Sources: 国办公开办函〔2019〕60号 (trial format, reports for 2019 and 2020) and
国办公开办函〔2021〕30号 (revised format, reports for 2021 onward).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

import attrs

from govinfo.statute.labels import (
    TABLE_KEYS,
    CellKind,
    FormatVersion,
    Label,
    RowRole,
    TableKey,
)


@attrs.frozen(cache_hash=True)
class ColumnDef:
    """One value column."""

    key: str
    label: Label
    kind: CellKind = CellKind.COUNT
    #: The unit the form fixes for an amount (万元 for fees); None: the unit is as printed.
    unit: str | None = None
    #: Header labels above this column's own label, outermost first (法人或其他组织).
    groups: tuple[Label, ...] = ()
    is_total: bool = False


@attrs.frozen(cache_hash=True)
class RowDef:
    """One data row, with the columns it has values for."""

    key: str
    label: Label
    columns: tuple[ColumnDef, ...]
    #: Row-header labels above this row's own label, outermost first.
    groups: tuple[Label, ...] = ()
    #: For table 二: the block heading (第二十条第（一）项).
    block: Label | None = None
    role: RowRole = RowRole.ENTRY
    #: A row the format has but reports are known to leave out.
    optional: bool = False
    #: Other labels real reports print for this row (规范性文件 in a 2021 table).
    aliases: tuple[str, ...] = ()

    _columns: Mapping[str, int] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_columns", {c.key: i for i, c in enumerate(self.columns)})

    def column(self, key: str) -> ColumnDef:
        return self.columns[self._columns[key]]

    def column_index(self, key: str) -> int:
        """The position of a column in the row; ValueError if the row has no such column."""
        try:
            return self._columns[key]
        except KeyError:
            raise ValueError(key) from None

    @property
    def column_keys(self) -> tuple[str, ...]:
        return tuple(c.key for c in self.columns)


@attrs.frozen(cache_hash=True)
class TableDef:
    """One statutory table in one format version."""

    key: TableKey
    version: FormatVersion
    title: Label
    rows: tuple[RowDef, ...]
    #: The note in the corner cell, where the form has one.
    corner: Label | None = None
    #: The label of the row-label column, printed beside the column labels (信息内容).
    stub_label: Label | None = None
    #: The label printed above all the value columns (申请人情况).
    columns_label: Label | None = None
    #: The form prints the rows as groups of columns and every value in one data row (四).
    one_data_row: bool = False
    _by_key: Mapping[str, RowDef] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_by_key", {row.key: row for row in self.rows})

    def row(self, key: str) -> RowDef:
        return self._by_key[key]

    def has_row(self, key: str) -> bool:
        return key in self._by_key

    @property
    def row_keys(self) -> tuple[str, ...]:
        return tuple(r.key for r in self.rows)

    def cell_keys(self) -> Iterator[str]:
        """Every cell's dotted key, ``table.row.column``, in reading order."""
        for row in self.rows:
            for column in row.columns:
                yield f"{self.key}.{row.key}.{column.key}"

    def cell_names(self, keys: Iterable[str]) -> tuple[str, str]:
        """Cells named as the form names them, by row then columns, in Chinese and English
        (``规章 / 本年制发件数、本年废止件数``); ``keys`` are dotted, with or without the table."""
        by_row: dict[str, list[str]] = {}
        for key in keys:
            row_key, _, column_key = key.removeprefix(f"{self.key}.").rpartition(".")
            by_row.setdefault(row_key, []).append(column_key)
        zh, en = [], []
        for key, columns in by_row.items():
            row = self.row(key)
            labels = [row.column(c).label for c in columns]
            zh.append(f"{row.label.zh} / {'、'.join(label.zh for label in labels)}")
            en.append(f"{row.label.en} / {', '.join(label.en for label in labels)}")
        return "；".join(zh), "; ".join(en)

    def rows_with_role(self, role: RowRole) -> tuple[RowDef, ...]:
        return tuple(r for r in self.rows if r.role is role)

    @property
    def stub_depth(self) -> int:
        """How many label columns the form gives the rows (their groups and their own)."""
        return 1 + max(len(r.groups) for r in self.rows)

    @property
    def header_depth(self) -> int:
        """How many rows of column labels the form prints above the values."""
        groups = max(len(c.groups) for r in self.rows for c in r.columns)
        return 1 + groups + (self.columns_label is not None)


# --------------------------------------------------------------------------- table 二


def _count(key: str, zh: str, en: str) -> ColumnDef:
    return ColumnDef(key, Label(zh, en))


def _article(item: str) -> Label:
    return Label(f"第二十条第（{item}）项", f"Article 20, item ({item})")


_INFO = Label("信息内容", "Information")

_2021_DOCS = (
    _count("issued", "本年制发件数", "Issued this year"),
    _count("repealed", "本年废止件数", "Repealed this year"),
    _count("in_force", "现行有效件数", "In force"),
)
_2021_DECISIONS = (_count("decisions", "本年处理决定数量", "Decisions this year"),)

_PROACTIVE_2021 = TableDef(
    "proactive",
    "2021",
    Label("主动公开政府信息情况", "Proactive disclosure of government information"),
    stub_label=_INFO,
    rows=(
        RowDef("rules", Label("规章", "Rules"), _2021_DOCS, block=_article("一")),
        RowDef(
            "normative_documents",
            Label("行政规范性文件", "Administrative normative documents"),
            _2021_DOCS,
            block=_article("一"),
            aliases=("规范性文件",),
        ),
        RowDef(
            "licensing",
            Label("行政许可", "Administrative licensing"),
            _2021_DECISIONS,
            block=_article("五"),
        ),
        RowDef(
            "penalties",
            Label("行政处罚", "Administrative penalties"),
            _2021_DECISIONS,
            block=_article("六"),
        ),
        RowDef(
            "coercion",
            Label("行政强制", "Administrative coercion"),
            _2021_DECISIONS,
            block=_article("六"),
        ),
        RowDef(
            "fees",
            Label("行政事业性收费", "Administrative fees"),
            (
                ColumnDef(
                    "amount",
                    Label("本年收费金额（单位：万元）", "Fees collected this year (10,000 yuan)"),
                    kind=CellKind.AMOUNT,
                    unit="万元",
                ),
            ),
            block=_article("八"),
        ),
    ),
)

_2019_DOCS = (
    _count("made", "本年新制作数量", "Made this year"),
    _count("published", "本年新公开数量", "Published this year"),
    _count("total_published", "对外公开总数量", "Published in total"),
)
_2019_ITEMS = (
    _count("previous_items", "上一年项目数量", "Items last year"),
    ColumnDef("change", Label("本年增/减", "Change this year"), kind=CellKind.CHANGE),
)
_2019_DECISIONS = (*_2019_ITEMS, _count("decisions", "处理决定数量", "Decisions"))

_PROACTIVE_2019 = TableDef(
    "proactive",
    "2019",
    Label("主动公开政府信息情况", "Proactive disclosure of government information"),
    stub_label=_INFO,
    rows=(
        RowDef("rules", Label("规章", "Rules"), _2019_DOCS, block=_article("一")),
        RowDef(
            "normative_documents",
            Label("规范性文件", "Normative documents"),
            _2019_DOCS,
            block=_article("一"),
            aliases=("行政规范性文件",),
        ),
        RowDef(
            "licensing",
            Label("行政许可", "Administrative licensing"),
            _2019_DECISIONS,
            block=_article("五"),
        ),
        RowDef(
            "other_services",
            Label("其他对外管理服务事项", "Other external management services"),
            _2019_DECISIONS,
            block=_article("五"),
        ),
        RowDef(
            "penalties",
            Label("行政处罚", "Administrative penalties"),
            _2019_DECISIONS,
            block=_article("六"),
        ),
        RowDef(
            "coercion",
            Label("行政强制", "Administrative coercion"),
            _2019_DECISIONS,
            block=_article("六"),
        ),
        RowDef(
            "fees",
            Label("行政事业性收费", "Administrative fees"),
            _2019_ITEMS,
            block=_article("八"),
        ),
        RowDef(
            "procurement",
            Label("政府集中采购", "Centralised government procurement"),
            (
                _count("items", "采购项目数量", "Procurement items"),
                ColumnDef(
                    "amount",
                    Label("采购总金额", "Total procurement amount"),
                    kind=CellKind.AMOUNT,
                ),
            ),
            block=_article("九"),
        ),
    ),
)

# --------------------------------------------------------------------------- table 三

_LEGAL_PERSON = Label("法人或其他组织", "Legal persons and other organisations")
APPLICANT_COLUMNS: tuple[ColumnDef, ...] = (
    _count("natural_person", "自然人", "Natural persons"),
    ColumnDef("business", Label("商业企业", "Businesses"), groups=(_LEGAL_PERSON,)),
    ColumnDef("research", Label("科研机构", "Research institutions"), groups=(_LEGAL_PERSON,)),
    ColumnDef(
        "social_welfare",
        Label("社会公益组织", "Public-welfare organisations"),
        groups=(_LEGAL_PERSON,),
    ),
    ColumnDef(
        "legal_services",
        Label("法律服务机构", "Legal service institutions"),
        groups=(_LEGAL_PERSON,),
    ),
    ColumnDef("other_entity", Label("其他", "Others"), groups=(_LEGAL_PERSON,)),
    ColumnDef("total", Label("总计", "Total"), is_total=True),
)

_OUTCOMES = Label("三、本年度办理结果", "III. Outcomes this year")
_WITHHELD = Label("（三）不予公开", "(3) Not disclosed")
_UNAVAILABLE = Label("（四）无法提供", "(4) Cannot be provided")
_NOT_PROCESSED = Label("（五）不予处理", "(5) Not processed")
_OTHER = Label("（六）其他处理", "(6) Handled otherwise")


def _app(
    key: str,
    zh: str,
    en: str,
    role: RowRole,
    groups: tuple[Label, ...] = (),
    *,
    optional: bool = False,
) -> RowDef:
    return RowDef(
        key, Label(zh, en), APPLICANT_COLUMNS, groups=groups, role=role, optional=optional
    )


def _outcome(key: str, zh: str, en: str, *groups: Label) -> RowDef:
    return _app(f"outcome.{key}", zh, en, RowRole.OUTCOME, (_OUTCOMES, *groups))


_APPLICATIONS_HEAD = (
    _app(
        "received",
        "一、本年新收政府信息公开申请数量",
        "I. New applications received this year",
        RowRole.RECEIVED,
    ),
    _app(
        "carried_over",
        "二、上年结转政府信息公开申请数量",
        "II. Applications carried over from last year",
        RowRole.CARRIED_OVER,
    ),
    _outcome("disclosed", "（一）予以公开", "(1) Disclosed"),
    _outcome(
        "partially_disclosed",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        "(2) Partly disclosed (counted here only)",
    ),
    _outcome("withheld.state_secret", "1.属于国家秘密", "1. State secret", _WITHHELD),
    _outcome(
        "withheld.prohibited_by_law",
        "2.其他法律行政法规禁止公开",
        "2. Prohibited by other laws and regulations",
        _WITHHELD,
    ),
    _outcome(
        "withheld.three_securities",
        "3.危及“三安全一稳定”",
        "3. Endangers the three securities and stability",
        _WITHHELD,
    ),
    _outcome(
        "withheld.third_party",
        "4.保护第三方合法权益",
        "4. Protects third-party rights",
        _WITHHELD,
    ),
    _outcome(
        "withheld.internal_affairs",
        "5.属于三类内部事务信息",
        "5. Internal affairs information",
        _WITHHELD,
    ),
    _outcome(
        "withheld.process_information",
        "6.属于四类过程性信息",
        "6. Process information",
        _WITHHELD,
    ),
    _outcome(
        "withheld.enforcement_files",
        "7.属于行政执法案卷",
        "7. Administrative enforcement files",
        _WITHHELD,
    ),
    _outcome(
        "withheld.inquiry_matters",
        "8.属于行政查询事项",
        "8. Administrative inquiry matters",
        _WITHHELD,
    ),
    _outcome(
        "unavailable.not_held",
        "1.本机关不掌握相关政府信息",
        "1. Not held by this body",
        _UNAVAILABLE,
    ),
    _outcome(
        "unavailable.needs_creation",
        "2.没有现成信息需要另行制作",
        "2. Would have to be newly created",
        _UNAVAILABLE,
    ),
    _outcome(
        "unavailable.still_unclear",
        "3.补正后申请内容仍不明确",
        "3. Still unclear after correction",
        _UNAVAILABLE,
    ),
    _outcome(
        "not_processed.petition",
        "1.信访举报投诉类申请",
        "1. Petitions, reports and complaints",
        _NOT_PROCESSED,
    ),
    _outcome("not_processed.duplicate", "2.重复申请", "2. Duplicate applications", _NOT_PROCESSED),
    _outcome(
        "not_processed.publication",
        "3.要求提供公开出版物",
        "3. Requests for published material",
        _NOT_PROCESSED,
    ),
    _outcome(
        "not_processed.excessive",
        "4.无正当理由大量反复申请",
        "4. Repeated mass applications without good reason",
        _NOT_PROCESSED,
    ),
    _outcome(
        "not_processed.confirmation",
        "5.要求行政机关确认或重新出具已获取信息",
        "5. Requests to confirm or reissue information already obtained",
        _NOT_PROCESSED,
    ),
)

_APPLICATIONS_TAIL = (
    _app(
        "outcome.total",
        "（七）总计",
        "(7) Total",
        RowRole.OUTCOME_TOTAL,
        (_OUTCOMES,),
    ),
    _app(
        "carried_forward",
        "四、结转下年度继续办理",
        "IV. Carried forward to next year",
        RowRole.CARRIED_FORWARD,
    ),
)

_APPLICATIONS_TITLE = Label(
    "收到和处理政府信息公开申请情况",
    "Applications for government information received and handled",
)
_APPLICATIONS_CORNER = Label(
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
    "(In each column: item 1 plus item 2 equals item 3 plus item 4)",
)
_APPLICANTS = Label("申请人情况", "Applicants")

_APPLICATIONS_2019 = TableDef(
    "applications",
    "2019",
    _APPLICATIONS_TITLE,
    corner=_APPLICATIONS_CORNER,
    columns_label=_APPLICANTS,
    rows=(
        *_APPLICATIONS_HEAD,
        _outcome("other", "（六）其他处理", "(6) Handled otherwise"),
        *_APPLICATIONS_TAIL,
    ),
)

_APPLICATIONS_2021 = TableDef(
    "applications",
    "2021",
    _APPLICATIONS_TITLE,
    corner=_APPLICATIONS_CORNER,
    columns_label=_APPLICANTS,
    rows=(
        *_APPLICATIONS_HEAD,
        _outcome(
            "other.no_correction",
            "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            "1. Applicant did not supply corrections in time; no longer processed",
            _OTHER,
        ),
        _outcome(
            "other.fee_unpaid",
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            "2. Applicant did not pay the notified fee in time; no longer processed",
            _OTHER,
        ),
        attrs.evolve(
            _outcome("other.other", "3.其他", "3. Other", _OTHER),
            optional=True,
        ),
        *_APPLICATIONS_TAIL,
    ),
)

# --------------------------------------------------------------------------- table 四

_OUTCOME_COLUMNS = (
    _count("upheld", "结果维持", "Upheld"),
    _count("corrected", "结果纠正", "Corrected"),
    _count("other", "其他结果", "Other result"),
    _count("pending", "尚未审结", "Pending"),
    ColumnDef("total", Label("总计", "Total"), is_total=True),
)
_LITIGATION = Label("行政诉讼", "Administrative litigation")


def _appeals(version: FormatVersion) -> TableDef:
    return TableDef(
        "appeals",
        version,
        Label(
            "政府信息公开行政复议、行政诉讼情况",
            "Administrative reconsideration and litigation over government information",
        ),
        one_data_row=True,
        rows=(
            RowDef(
                "reconsideration",
                Label("行政复议", "Administrative reconsideration"),
                _OUTCOME_COLUMNS,
            ),
            RowDef(
                "litigation_direct",
                Label("未经复议直接起诉", "Sued without reconsideration"),
                _OUTCOME_COLUMNS,
                groups=(_LITIGATION,),
            ),
            RowDef(
                "litigation_after",
                Label("复议后起诉", "Sued after reconsideration"),
                _OUTCOME_COLUMNS,
                groups=(_LITIGATION,),
            ),
        ),
    )


# --------------------------------------------------------------------------- lookup

TABLES: Mapping[tuple[TableKey, FormatVersion], TableDef] = {
    (t.key, t.version): t
    for t in (
        _PROACTIVE_2019,
        _PROACTIVE_2021,
        _APPLICATIONS_2019,
        _APPLICATIONS_2021,
        _appeals("2019"),
        _appeals("2021"),
    )
}


def table_def(key: TableKey, version: FormatVersion) -> TableDef:
    """The definition of one statutory table in one format version."""
    return TABLES[key, version]


def all_cell_keys(version: FormatVersion) -> Iterator[str]:
    """Every dotted cell key of the three tables of one format version."""
    for key in TABLE_KEYS:
        yield from table_def(key, version).cell_keys()

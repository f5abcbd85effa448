"""What a report's narrative states about its tables, as data: the quantities a phrase names,
how each figure is phrased, the claims made about table 四's outcomes, the words that say no
fee was charged, and the words that widen a figure's scope.

A *quantity* is what a phrase names: one cell (本年新收 → ``applications.received.total``), a
group of rows (无法提供 → every row under （四）), or a sum (予以公开及部分公开 → （一）+（二）;
行政诉讼 → 未经复议直接起诉 + 复议后起诉).  Its terms name rows or groups of rows and a column,
so that it resolves per format version (2019 prints （六）其他处理 as one row, 2021 as three)
through :meth:`Quantity.cells`.  The checks and the reporters read quantities from here; the
assembler finds the figures by the patterns here.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping

import attrs

from govinfo.statute.labels import TABLE_KEYS, Label, TableKey
from govinfo.statute.tables import RowDef, TableDef
from govinfo.text import compiled

# --------------------------------------------------------------------------- quantities


@attrs.frozen(cache_hash=True)
class Term:
    """Cells of one column in one row, or in every row of a group (``outcome.unavailable``:
    every row whose key begins ``outcome.unavailable.``).  A column the row does not have in
    a version gives nothing there (2019 prints 本年新制作数量 where 2021 prints 本年制发件数,
    so a term for each names the one the version has)."""

    row: str
    column: str

    def rows(self, definition: TableDef) -> tuple[RowDef, ...]:
        prefix = self.row + "."
        return tuple(r for r in definition.rows if r.key == self.row or r.key.startswith(prefix))


@attrs.frozen(cache_hash=True)
class Quantity:
    """What a phrase of the narrative names: a sum of cells of one table.

    ``key`` reads like a cell key (``table.rows.column``) and is the cell's own key when the
    quantity is one cell; ``label`` is how findings name it; ``shares_of`` the quantities a
    percentage printed with it may be a share of, the likeliest first; ``at_least`` the
    quantities the table's identities never let exceed it.  A quantity of no table (``table``
    None: the information-processing fees of section 六) has no terms.
    """

    key: str
    label: Label
    table: TableKey | None
    terms: tuple[Term, ...] = ()
    shares_of: tuple[str, ...] = ()
    at_least: tuple[str, ...] = ()

    def cells(self, definition: TableDef) -> tuple[str, ...]:
        """The dotted keys of the cells the quantity sums in this table definition."""
        return _cells(self, definition)

    @property
    def row_part(self) -> str | None:
        """The middle of the key (``outcome.unavailable``), None for ``*`` (every row)."""
        middle = self.key.split(".", 1)[1].rsplit(".", 1)[0]
        return None if middle == "*" else middle

    @property
    def column_part(self) -> str:
        return self.key.rsplit(".", 1)[1]


@functools.lru_cache(maxsize=512)
def _cells(described: Quantity, definition: TableDef) -> tuple[str, ...]:
    out: list[str] = []
    for term in described.terms:
        for row in term.rows(definition):
            if term.column in row.column_keys:
                out.append(f"{definition.key}.{row.key}.{term.column}")
    return tuple(dict.fromkeys(out))


_HANDLED = "applications.outcome.total.total"
_RECEIVED = "applications.received.total"
_OUTCOME_SHARES = (_HANDLED, _RECEIVED, "applications.received_and_carried_over.total")
_APPLICANT_SHARES = (_RECEIVED, "applications.received_and_carried_over.total")
_LEGAL_PERSON = ("business", "research", "social_welfare", "legal_services", "other_entity")
_APPEAL_ROWS = {
    "reconsideration": ("reconsideration",),
    "litigation": ("litigation_direct", "litigation_after"),
    "*": ("reconsideration", "litigation_direct", "litigation_after"),
}
_APPEAL_SUBJECT_LABELS = {
    "reconsideration": Label("行政复议", "administrative reconsideration"),
    "litigation": Label("行政诉讼", "administrative litigation"),
    "*": Label("行政复议和行政诉讼", "administrative reconsideration and litigation"),
}


_TABLE_NAMES: Mapping[str, TableKey] = {key: key for key in TABLE_KEYS}


def _q(
    key: str,
    zh: str,
    en: str,
    *terms: tuple[str, str],
    shares_of: tuple[str, ...] = (),
    at_least: tuple[str, ...] = (),
) -> Quantity:
    return Quantity(
        key,
        Label(zh, en),
        _TABLE_NAMES.get(key.split(".", 1)[0]),
        tuple(Term(row, column) for row, column in terms),
        shares_of,
        at_least,
    )


def _appeals() -> tuple[Quantity, ...]:
    """Table 四 quantities per subject (复议, 诉讼, both): the total, and the columns the claims
    about outcomes speak of."""
    out = []
    columns = {
        "total": (("total",), "总计", "total"),
        "corrected": (("corrected",), "结果纠正", "corrected"),
        "pending": (("pending",), "尚未审结", "pending"),
        "not_upheld": (("corrected", "other", "pending"), "未维持", "not upheld"),
    }
    for subject, rows in _APPEAL_ROWS.items():
        label = _APPEAL_SUBJECT_LABELS[subject]
        for key, (cols, zh, en) in columns.items():
            out.append(
                _q(
                    f"appeals.{subject}.{key}",
                    f"{label.zh} {zh}",
                    f"{label.en}, {en}",
                    *((row, column) for row in rows for column in cols),
                )
            )
    return tuple(out)


QUANTITIES: Mapping[str, Quantity] = {
    q.key: q
    for q in (
        # Table 三: applications.
        _q(
            "applications.received.total",
            "一、本年新收",
            "I. new applications",
            ("received", "total"),
        ),
        *(
            _q(
                f"applications.received.{column}",
                f"一、本年新收 / {zh}",
                f"I. new applications / {en}",
                ("received", column),
                shares_of=_APPLICANT_SHARES,
            )
            for column, zh, en in (
                ("natural_person", "自然人", "natural persons"),
                ("business", "商业企业", "businesses"),
                ("research", "科研机构", "research institutions"),
                ("social_welfare", "社会公益组织", "public-welfare organisations"),
                ("legal_services", "法律服务机构", "legal service institutions"),
            )
        ),
        _q(
            "applications.received.legal_person",
            "一、本年新收 / 法人或其他组织",
            "I. new applications / legal persons and other organisations",
            *(("received", column) for column in _LEGAL_PERSON),
            shares_of=_APPLICANT_SHARES,
        ),
        _q(
            "applications.carried_over.total",
            "二、上年结转",
            "II. carried over from last year",
            ("carried_over", "total"),
        ),
        _q(
            "applications.received_and_carried_over.total",
            "一、本年新收 + 二、上年结转",
            "I. new + II. carried over",
            ("received", "total"),
            ("carried_over", "total"),
            # R1: 一 + 二 = 三（七） + 四, so neither 一 nor 三（七） is more than 一 + 二.
            at_least=(_RECEIVED, _HANDLED),
        ),
        _q(_HANDLED, "三、（七）总计", "III. (7) total handled", ("outcome.total", "total")),
        _q(
            "applications.carried_forward.total",
            "四、结转下年度继续办理",
            "IV. carried forward to next year",
            ("carried_forward", "total"),
        ),
        _q(
            "applications.outcome.disclosed.total",
            "（一）予以公开",
            "(1) disclosed",
            ("outcome.disclosed", "total"),
            shares_of=_OUTCOME_SHARES,
        ),
        _q(
            "applications.outcome.partially_disclosed.total",
            "（二）部分公开",
            "(2) partly disclosed",
            ("outcome.partially_disclosed", "total"),
            shares_of=_OUTCOME_SHARES,
        ),
        _q(
            "applications.outcome.disclosed_or_partly.total",
            "（一）予以公开 + （二）部分公开",
            "(1) disclosed + (2) partly disclosed",
            ("outcome.disclosed", "total"),
            ("outcome.partially_disclosed", "total"),
            shares_of=_OUTCOME_SHARES,
        ),
        *(
            _q(
                f"applications.outcome.{group}.total",
                zh,
                en,
                (f"outcome.{group}", "total"),
                shares_of=_OUTCOME_SHARES,
            )
            for group, zh, en in (
                ("withheld", "（三）不予公开", "(3) not disclosed"),
                ("unavailable", "（四）无法提供", "(4) cannot be provided"),
                ("not_processed", "（五）不予处理", "(5) not processed"),
                ("other", "（六）其他处理", "(6) handled otherwise"),
            )
        ),
        *(
            _q(
                f"applications.outcome.{row}.total",
                zh,
                en,
                (f"outcome.{row}", "total"),
                shares_of=_OUTCOME_SHARES,
            )
            for row, zh, en in (
                ("unavailable.not_held", "（四）1.本机关不掌握相关政府信息", "(4) 1. not held"),
                (
                    "unavailable.needs_creation",
                    "（四）2.没有现成信息需要另行制作",
                    "(4) 2. would have to be created",
                ),
                (
                    "unavailable.still_unclear",
                    "（四）3.补正后申请内容仍不明确",
                    "(4) 3. still unclear",
                ),
                ("not_processed.petition", "（五）1.信访举报投诉类申请", "(5) 1. petitions"),
                ("not_processed.duplicate", "（五）2.重复申请", "(5) 2. duplicates"),
            )
        ),
        # Table 四.
        *_appeals(),
        # Table 二: the 2019 format prints 本年新制作数量 where 2021 prints 本年制发件数.
        *(
            _q(
                f"proactive.{row}.{column}",
                f"{zh} / {czh}",
                f"{en} / {cen}",
                *((row, c) for c in columns),
            )
            for row, zh, en in (
                ("rules", "规章", "rules"),
                ("normative_documents", "规范性文件", "normative documents"),
            )
            for column, czh, cen, columns in (
                ("issued", "本年制发件数", "issued this year", ("issued", "made")),
                ("repealed", "本年废止件数", "repealed this year", ("repealed",)),
                ("in_force", "现行有效件数", "in force", ("in_force",)),
            )
        ),
        *(
            _q(f"proactive.{row}.decisions", zh, en, (row, "decisions"))
            for row, zh, en in (
                ("licensing", "行政许可 处理决定数量", "administrative licensing decisions"),
                ("penalties", "行政处罚 处理决定数量", "administrative penalty decisions"),
                ("coercion", "行政强制 处理决定数量", "administrative coercion decisions"),
            )
        ),
        _q(
            "proactive.fees.amount",
            "行政事业性收费 本年收费金额（万元）",
            "administrative fees collected (10,000 yuan)",
            ("fees", "amount"),
        ),
        # Section 六: the information-processing fees (国办函〔2020〕109号), in no table.
        _q(
            "information_fees.collected",
            "信息处理费 实际收取金额",
            "information-processing fees collected",
        ),
        _q(
            "information_fees.notices",
            "信息处理费 收费通知件数",
            "information-processing fee notices issued",
        ),
    )
}


def quantity(key: str) -> Quantity | None:
    """The quantity of a stated figure's key; a key of a cell not listed is that cell."""
    found = QUANTITIES.get(key)
    if found is not None:
        return found
    table, _, local = key.partition(".")
    row, _, column = local.rpartition(".")
    if table not in _TABLE_NAMES or not row or not column:
        return None
    return _q(key, key, key, (row, column))


# --------------------------------------------------------------------------- figures


@attrs.frozen
class FigurePattern:
    """A phrasing of one figure: the group ``n`` of the regular expression ``regex`` is the
    number, ``key`` the quantity it names.

    ``words``: one of them must be in a sentence for the pattern to be tried (a quick test
    that spares the regex engine most sentences).  ``after``: the figure counts only in a
    sentence that states one of these quantities before it (涉及自然人72件 is a part of the
    applications received only after 收到申请75件).  ``context``: outside the section
    ``section``, the figure counts only in a sentence with one of these words (行政复议120件
    in a justice bureau's report counts every case it decided, not those over disclosure).
    """

    regex: str
    key: str
    words: tuple[str, ...]
    after: tuple[str, ...] = ()
    context: tuple[str, ...] = ()
    section: str | None = None

    @property
    def pattern(self) -> re.Pattern[str]:
        """``regex`` compiled (when first tried)."""
        return compiled(self.regex)


def _figure(
    pattern: str,
    key: str,
    *words: str,
    after: tuple[str, ...] = (),
    context: tuple[str, ...] = (),
    section: str | None = None,
) -> FigurePattern:
    return FigurePattern(pattern, key, words, after, context, section)


#: Words that put a sentence about reconsideration or litigation on disclosure.
DISCLOSURE_WORDS: tuple[str, ...] = (
    "政府信息公开", "依申请公开", "信息公开", "公开申请", "政务公开", "公开工作",
    "information", "disclosure", "openness",
)  # fmt: skip
#: Words that put a sentence with 办结 or 答复 on applications for information.
APPLICATION_WORDS: tuple[str, ...] = ("申请", "application", "request")


_N = r"\s*(?:共计|共|合计|总计|累计)?\s*(?:为|达)?\s*(?P<n>\d+)\s*"
#: Words between a verb and 申请 that keep a phrase about applications for information (and
#: not about complaints or reconsideration).
_NOT_APPEAL = r"(?:(?!复议|诉讼|投诉|举报|许可)[^。；;，,\d])"
_RECEIVED_AFTER = ("applications.received.total", "applications.received_and_carried_over.total")

#: Every phrasing, the more specific first: where two phrasings take the same number, the
#: first in this order has it (予以公开及部分公开258件 is not also 部分公开258件).
STATED_FIGURES: tuple[FigurePattern, ...] = (
    # Table 三: applications received, carried over, handled, carried forward.
    _figure(
        rf"(?:收到|受理|新收|接收|收办|接到){_NOT_APPEAL}{{0,24}}?申请(?:件)?{_N}(?:件|条)",
        "applications.received.total",
        "申请",
    ),
    _figure(
        r"(?:收到|受理|接收)\s*(?P<n>\d+)\s*件(?:依申请公开|政府信息公开申请|公开申请|申请)",
        "applications.received.total",
        "申请",
    ),
    _figure(
        r"(?:收到|受理)(?:依申请|政府信息公开申请)[^。；，,\d]{0,8}?(?P<n>\d+)\s*件",
        "applications.received.total",
        "申请",
    ),
    _figure(r"收到申请公开政府信息的要求\s*(?P<n>\d+)\s*件", "applications.received.total", "申请"),
    _figure(
        r"(?:上一?年度?|以前年度)(?:结转|转结)(?:的)?(?:政府信息公开)?(?:申请)?\s*(?P<n>\d+)\s*件",
        "applications.carried_over.total",
        "结转",
        "转结",
    ),
    _figure(
        r"结转上一?年度?(?:的)?(?:政府信息公开)?(?:申请)?\s*(?P<n>\d+)\s*件",
        "applications.carried_over.total",
        "结转",
    ),
    _figure(
        r"结转(?:至|到)?下一?年度?(?:继续)?(?:办理)?(?:的)?(?:申请)?\s*(?P<n>\d+)\s*件",
        "applications.carried_forward.total",
        "结转",
    ),
    _figure(
        r"(?P<n>\d+)\s*件(?:申请)?(?:结转|转入)(?:至|到)?下一?年度",
        "applications.carried_forward.total",
        "结转",
        "转入",
    ),
    _figure(
        r"(?<!未)办结(?:了)?(?:政府信息)?(?:依申请公开|依申请)?(?:公开)?(?:申请)?" + _N + "件",
        _HANDLED,
        "办结",
        context=APPLICATION_WORDS,
        section="applications",
    ),
    _figure(
        r"(?P<n>\d+)\s*件(?:政府信息)?(?:公开)?申请(?:均|全部)?(?:已)?(?:办结|答复完毕)",
        _HANDLED,
        "办结",
        "答复",
    ),
    # 公开答复1件 is a kind of reply (one disclosed), not the replies in all.
    _figure(
        r"(?<![开以])(?:及时|依法)?(?:规范)?答复\s*(?P<n>\d+)\s*件",
        _HANDLED,
        "答复",
        context=APPLICATION_WORDS,
        section="applications",
    ),
    # Table 三: applicants, in a sentence about the applications received.
    *(
        _figure(rf"{zh}(?:申请)?\s*(?P<n>\d+)\s*件", key, word, after=_RECEIVED_AFTER)
        for zh, word, key in (
            ("自然人", "自然人", "applications.received.natural_person"),
            ("商业企业", "商业企业", "applications.received.business"),
            ("科研机构", "科研机构", "applications.received.research"),
            ("社会公益组织", "社会公益组织", "applications.received.social_welfare"),
            ("法律服务机构", "法律服务机构", "applications.received.legal_services"),
            ("法人(?:或|和|及)其他组织", "其他组织", "applications.received.legal_person"),
        )
    ),
    # Table 三: outcomes, combined, grouped and single.
    _figure(
        r"(?:予以公开|全部公开|同意公开)(?:及|和|或|与|、)(?:部分公开|区分处理)(?:的)?(?:申请)?"
        + _N
        + "件",
        "applications.outcome.disclosed_or_partly.total",
        "部分公开",
        "区分处理",
    ),
    _figure(
        r"全部或部分公开(?:的)?(?:申请)?" + _N + "件",
        "applications.outcome.disclosed_or_partly.total",
        "部分公开",
    ),
    _figure(
        r"(?<![不及和或与、])(?:予以公开|同意公开|全部公开)(?:的)?(?:申请)?" + _N + "件",
        "applications.outcome.disclosed.total",
        "公开",
    ),
    _figure(
        r"(?<![及和或与、])(?:部分公开|区分处理后(?:予以)?公开|区分处理)(?:的)?(?:申请)?"
        + _N
        + "件",
        "applications.outcome.partially_disclosed.total",
        "部分公开",
        "区分处理",
    ),
    _figure(
        r"不予(?:以)?公开(?:的)?(?:申请)?" + _N + "件",
        "applications.outcome.withheld.total",
        "不予",
    ),
    _figure(
        r"(?:本机关)?不掌握(?:相关)?(?:政府)?信息(?:的)?(?:申请)?" + _N + "件",
        "applications.outcome.unavailable.not_held.total",
        "不掌握",
    ),
    _figure(
        r"(?:没有现成信息|需要?另行制作)(?:的)?(?:申请)?" + _N + "件",
        "applications.outcome.unavailable.needs_creation.total",
        "另行制作",
        "现成信息",
    ),
    _figure(
        r"无法提供(?:的)?(?:申请)?" + _N + "件",
        "applications.outcome.unavailable.total",
        "无法提供",
    ),
    _figure(
        r"信访举报投诉类(?:申请)?" + _N + "件",
        "applications.outcome.not_processed.petition.total",
        "信访",
    ),
    _figure(
        r"(?<!、)重复申请" + _N + "件",
        "applications.outcome.not_processed.duplicate.total",
        "重复申请",
    ),
    _figure(
        r"不予(?:以)?处理(?:的)?(?:申请)?" + _N + "件",
        "applications.outcome.not_processed.total",
        "不予",
    ),
    _figure(
        r"其[他它](?:方式)?处理(?:的)?(?:申请)?" + _N + "件",
        "applications.outcome.other.total",
        "处理",
    ),
    # Table 四.
    _figure(
        r"行政复议(?:案件|申请)?" + _N + "(?:件|起|宗)",
        "appeals.reconsideration.total",
        "复议",
        context=DISCLOSURE_WORDS,
        section="appeals",
    ),
    _figure(
        r"(?<![复起撤])(?:行政)?诉讼(?:案件)?" + _N + "(?:件|起|宗)",
        "appeals.litigation.total",
        "诉讼",
        context=DISCLOSURE_WORDS,
        section="appeals",
    ),
    # Table 二.
    _figure(
        r"现行有效(?:的)?(?:行政)?规范性文件(?:共)?\s*(?P<n>\d+)\s*件",
        "proactive.normative_documents.in_force",
        "现行有效",
    ),
    _figure(
        r"规范性文件\s*\d+\s*件[，,、]\s*现行有效(?:件数)?(?:为|共)?\s*(?P<n>\d+)\s*件",
        "proactive.normative_documents.in_force",
        "现行有效",
    ),
    _figure(
        r"(?:本年度?|今年|全年|共)?(?:制发|制定|印发)(?:的)?(?:行政)?规范性文件(?:共)?\s*(?P<n>\d+)\s*件",
        "proactive.normative_documents.issued",
        "制发",
        "制定",
        "印发",
    ),
    _figure(
        r"废止(?:的)?(?:行政)?规范性文件(?:共)?\s*(?P<n>\d+)\s*件",
        "proactive.normative_documents.repealed",
        "废止",
    ),
    _figure(
        r"现行有效(?:的)?规章(?:共)?\s*(?P<n>\d+)\s*件", "proactive.rules.in_force", "现行有效"
    ),
    _figure(
        r"(?:制发|制定)(?:的)?规章(?:共)?\s*(?P<n>\d+)\s*件",
        "proactive.rules.issued",
        "制发",
        "制定",
    ),
    _figure(r"废止(?:的)?规章(?:共)?\s*(?P<n>\d+)\s*件", "proactive.rules.repealed", "废止"),
    *(
        _figure(
            rf"(?:作出|办理|实施)?{zh}(?:决定|案件)?(?:共)?\s*(?P<n>\d+)\s*(?:件|起|宗)",
            f"proactive.{row}.decisions",
            zh,
        )
        for zh, row in (
            ("行政许可", "licensing"),
            ("行政处罚", "penalties"),
            ("行政强制", "coercion"),
        )
    ),
    _figure(
        r"行政事业性收费(?:金额)?(?:共|为|合计)?\s*(?P<n>\d+(?:\.\d+)?)\s*万元",
        "proactive.fees.amount",
        "收费",
    ),
    # Section 六: information-processing fees charged.
    _figure(
        r"(?:收取|收缴)(?:了)?(?:政府)?信息(?:公开)?处理费(?:用)?(?:共计|共|合计)?\s*"
        r"(?P<n>\d+(?:\.\d+)?)\s*(?:万元|元)",
        "information_fees.collected",
        "处理费",
    ),
    _figure(
        r"(?:发出|开具|送达)(?:了)?(?:信息处理费)?收费通知(?:书)?(?:共)?\s*(?P<n>\d+)\s*(?:件|份|次)",
        "information_fees.notices",
        "收费通知",
    ),
    # The English of machine translations.
    _figure(
        r"[Aa] total of (?P<n>\d+) [^.]{0,40}?(?:applications?|requests?|documents?)"
        r"[^.]{0,60}?(?:were|was) received",
        "applications.received.total",
        "received",
    ),
    _figure(
        r"(?:received|accepted) (?:a total of )?(?P<n>\d+) (?:new )?(?:applications?|requests?)",
        "applications.received.total",
        "received",
        "accepted",
    ),
    _figure(
        r"(?P<n>\d+) (?:applications?|requests?|cases?) (?:were|was) "
        r"(?:handled|completed|concluded)",
        _HANDLED,
        "were",
        "was",
    ),
    _figure(
        r"(?P<n>\d+) (?:applications?|requests?|cases?|items?|of them )?(?:were|was) "
        r"(?:partially|partly) (?:disclosed|made public)",
        "applications.outcome.partially_disclosed.total",
        "partially",
        "partly",
    ),
    _figure(
        r"(?P<n>\d+) (?:applications?|requests?|cases?|items?|of them )?(?:were|was) "
        r"(?:not disclosed|not made public|withheld)",
        "applications.outcome.withheld.total",
        "not",
        "withheld",
    ),
    _figure(
        r"(?P<n>\d+) (?:applications?|requests?|cases?|items?|of them )?(?:were|was) "
        r"(?:disclosed|made public)",
        "applications.outcome.disclosed.total",
        "disclosed",
        "public",
    ),
    _figure(
        r"(?P<n>\d+) (?:applications?|requests?|cases?|items?|of them )?(?:could not|cannot) "
        r"be provided",
        "applications.outcome.unavailable.total",
        "provided",
    ),
    _figure(
        r"(?P<n>\d+) (?:applications?|requests?|cases?|items?)? ?(?:were|was) carried "
        r"(?:forward|over) to (?:the )?next year",
        "applications.carried_forward.total",
        "carried",
    ),
    _figure(
        r"(?P<n>\d+) (?:cases? of )?administrative reconsideration",
        "appeals.reconsideration.total",
        "reconsideration",
        context=DISCLOSURE_WORDS,
        section="appeals",
    ),
    _figure(
        r"(?P<n>\d+) (?:cases? of )?administrative (?:litigation|lawsuits?)",
        "appeals.litigation.total",
        "litigation",
        "lawsuit",
        context=DISCLOSURE_WORDS,
        section="appeals",
    ),
)

#: A percentage printed right after a figure: 208 件（17.46%）, 3件，占比37.5%, 占33.9%.
SHARE = re.compile(
    r"\s*(?P<open>[（(])?\s*(?:[，,]\s*)?(?:占(?:比)?(?:为)?|比例为|比重为)?\s*"
    r"(?P<pct>\d+(?:\.\d+)?)\s*[%％]"
)
#: Words right after a figure of applications received saying that it counts those carried
#: over from last year too (收到申请80件（含上年结转5件）): it names 一 + 二.
INCLUDES_CARRIED_OVER = re.compile(
    r"\s*[（(]?\s*(?:其中)?(?:含|包括|包含)(?:了)?上一?年度?(?:结转|转结)"
)
WITH_CARRIED_OVER: Mapping[str, str] = {
    "applications.received.total": "applications.received_and_carried_over.total",
}

# --------------------------------------------------------------------------- claims


@attrs.frozen
class Claim:
    """A claim about table 四's outcomes: which cells it says are 0."""

    key: str
    label: Label
    #: The column of the appeals quantities the claim says is 0 (``not_upheld``: 纠正 + 其他
    #: + 尚未审结).
    column: str


CLAIMS: Mapping[str, Claim] = {
    c.key: c
    for c in (
        Claim("upheld", Label("均获维持", "all upheld"), "not_upheld"),
        Claim("not_corrected", Label("无被纠错", "none corrected"), "corrected"),
        Claim("concluded", Label("均已审结", "all concluded"), "pending"),
        Claim("none", Label("未发生", "none at all"), "total"),
    )
}


@attrs.frozen
class ClaimPattern:
    """Words that claim something of table 四 (均获维持) for the subject the sentence names
    (行政复议, 行政诉讼 or both): the regular expression ``regex``."""

    regex: str
    claim: str
    words: tuple[str, ...]
    #: As for figures: outside section 四, a claim counts only in a sentence on disclosure.
    context: tuple[str, ...] = DISCLOSURE_WORDS
    section: str | None = "appeals"

    @property
    def pattern(self) -> re.Pattern[str]:
        """``regex`` compiled (when first tried)."""
        return compiled(self.regex)


def _claim(pattern: str, claim: str, *words: str) -> ClaimPattern:
    return ClaimPattern(pattern, claim, words)


_NO_OUTCOME = r"(?:(?!纠错|纠正|败诉|维持)[^。；;，,\d])"
CLAIM_PATTERNS: tuple[ClaimPattern, ...] = (
    _claim(r"(?:均|全部|都)(?:获|被|予以|得到)?(?:了)?维持", "upheld", "维持"),
    _claim(
        r"(?:无|未|没有|零)(?:出现|发生)?[^。；;，,\d]{0,14}?(?:纠错|败诉)",
        "not_corrected",
        "纠错",
        "败诉",
    ),
    _claim(r"(?:均已|全部|都已)(?:结案|审结)", "concluded", "结案", "审结"),
    _claim(
        rf"(?:未|没有|无)(?:发生|收到|出现|产生|接到|涉及)?{_NO_OUTCOME}{{0,20}}?"
        rf"(?:行政复议|行政诉讼){_NO_OUTCOME}{{0,14}}(?=[。；;，,]|$)",
        "none",
        "复议",
        "诉讼",
    ),
    _claim(
        r"all (?:of them )?(?:were|have been) (?:upheld|maintained)",
        "upheld",
        "upheld",
        "maintained",
    ),
    _claim(
        r"no (?:cases?|decisions?) (?:was|were|has been|have been) (?:corrected|overturned)",
        "not_corrected",
        "corrected",
        "overturned",
    ),
)

#: The words that name the subject of a claim, and the table 四 rows it is about.
APPEAL_SUBJECTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("reconsideration", ("复议", "reconsideration")),
    ("litigation", ("诉讼", "败诉", "起诉", "litigation", "lawsuit")),
)

# --------------------------------------------------------------------------- fees


@attrs.frozen
class NoneStated:
    """Words saying that quantities were 0 (未收到政府信息公开申请: none received; 未收取信息
    处理费: none collected): the regular expression ``regex``, matched ignoring case."""

    regex: str
    keys: tuple[str, ...]
    words: tuple[str, ...]

    @property
    def pattern(self) -> re.Pattern[str]:
        """``regex`` compiled (when first tried)."""
        return compiled(self.regex, re.I)


def _none(pattern: str, keys: tuple[str, ...], *words: str) -> NoneStated:
    return NoneStated(pattern, keys, words)


_RECEIVED_NONE = ("applications.received.total",)
_COLLECTED = ("information_fees.collected",)
_NOTICES_AND_COLLECTED = ("information_fees.notices", "information_fees.collected")
NONE_STATED: tuple[NoneStated, ...] = (
    _none(
        r"(?:未|没有)(?:收到|受理|接到)(?:任何)?(?:群众|公民、法人(?:和|或)其他组织)?(?:的)?"
        r"(?:政府信息公开|信息公开|依申请公开)(?:的)?申请",
        _RECEIVED_NONE,
        "申请",
    ),
    _none(
        r"收费通知的?(?:件数|数量)[^。；;]{0,30}?(?:均为|都为|均是|为)\s*(?:0|零)",
        _NOTICES_AND_COLLECTED,
        "收费通知",
    ),
    _none(
        r"(?:未|没有|无|不|未曾)(?:发出|开具)(?:任何)?收费通知",
        ("information_fees.notices",),
        "收费通知",
    ),
    _none(
        r"(?:未|没有|无|不|未曾)(?:收取|收缴)(?:任何)?(?:政府)?(?:信息(?:公开)?处理费|费用|处理费)",
        _COLLECTED,
        "收取",
        "收缴",
    ),
    _none(r"(?:未|没有)(?:发生|产生)[^。；;，,]{0,12}?收费", _NOTICES_AND_COLLECTED, "收费"),
    _none(
        r"(?:未|没有|无)(?:发生|产生)(?:任何)?(?:政府)?信息(?:公开)?处理费", _COLLECTED, "处理费"
    ),
    _none(
        r"信息(?:公开)?处理费[^。；;]{0,12}?(?:(?:均|都)?为\s*0|为零|(?<![\d.])0\s*元)(?![\d.])",
        _COLLECTED,
        "处理费",
    ),
    _none(
        r"charge notices[^.]{0,80}?(?:were|was) all (?:0|zero)", _NOTICES_AND_COLLECTED, "notices"
    ),
    _none(
        r"no (?:information[- ]processing )?(?:fees?|charges?) (?:was|were|has been|have been) "
        r"(?:charged|collected)",
        _COLLECTED,
        "no",
    ),
)

#: What a section that has nothing to say prints (六、其他需要报告的事项：无。).
NOTHING = re.compile(
    r"^[\s：:]*(?:无|暂无|没有|无其他[^。；;]{0,10}事项[^。；;]{0,4}|none|nil|n/a)[\s。.；;]*$",
    re.I,
)

#: Words that send the reader to a table printed elsewhere (详见附表, 见附件).
ELSEWHERE = re.compile(r"(?:详见|见|参见|具体见)(?:本报告)?(?:附表|附件|下表|表格|图表|附图)", re.I)

# --------------------------------------------------------------------------- scope

#: Words that make a figure count a whole area (全市: the city, every body in it).
SCOPE_WORDS: tuple[str, ...] = (
    "全国", "全省", "全市", "全区", "全县", "全州", "全盟", "全旗", "全镇", "全乡", "全街道",
    "各区", "各县", "各部门", "各单位", "全系统",
)  # fmt: skip
#: How the name of a government (not a department of one) ends: its report counts the area.
GOVERNMENT_ENDINGS: tuple[str, ...] = (
    "人民政府", "政府", "管委会", "管理委员会", "实验区", "新区", "开发区", "示范区", "高新区",
    "自治州", "自治县", "自治旗", "街道办事处",
    "市", "区", "县", "旗", "盟", "州", "省", "镇", "乡", "街道",
)  # fmt: skip


def counts_the_area(agency: str | None) -> bool:
    """Whether a report by ``agency`` counts its whole area (a government: 洪泽区人民政府,
    平潭综合实验区), so that 全区 in its narrative is its own scope; False for a department
    (北京市知识产权局) or an agency not named."""
    if not agency:
        return False
    return agency.strip().endswith(GOVERNMENT_ENDINGS)

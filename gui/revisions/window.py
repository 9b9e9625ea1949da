"""The changes window: two versions of an article as one text (inserted words marked, deleted ones struck), and
beside it what the edit did to the reader's highlights, the people and places, and the timeline."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from gui.i18n import arg, plural
from gui.revisions.diff_view import DELETED_LIGHT, INSERTED_LIGHT, DiffView
from gui.theme import current_tokens
from gui.typefaces import Typefaces
from models.revisions.compare import RevisionDiff
from models.revisions.inline import InlineBlock
from models.store.records import RevisionInfo

FATE_ORDER = ("orphaned", "edited", "moved", "unchanged")


class RevisionsWindow(QWidget):
    pair_requested = Signal(int, int)  # older, newer revision number

    def __init__(self, faces: Typefaces, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("RevisionsWindow")
        self.setWindowTitle(arg(self.tr("Changes — %1"), title))
        self.setAccessibleName(self.tr("Changes between versions"))
        self.resize(1180, 780)
        bar = QWidget(self)
        bar.setObjectName("RevisionsBar")
        row = QHBoxLayout(bar)
        row.setContentsMargins(14, 8, 14, 8)
        self.from_box = QComboBox(bar)
        self.from_box.setAccessibleName(self.tr("Older version"))
        self.to_box = QComboBox(bar)
        self.to_box.setAccessibleName(self.tr("Newer version"))
        row.addWidget(QLabel(self.tr("Compare"), bar))
        row.addWidget(self.from_box)
        row.addWidget(QLabel(self.tr("with"), bar))
        row.addWidget(self.to_box)
        row.addSpacing(12)
        self.summary = QLabel(bar)
        self.summary.setObjectName("RevisionsSummaryLine")
        self.summary.setAccessibleName(self.tr("Summary of the changes"))
        row.addWidget(self.summary, 1)
        legend = QLabel(bar)
        legend.setTextFormat(Qt.TextFormat.RichText)
        legend.setText(
            f'<span style="background:{INSERTED_LIGHT[0]}; text-decoration: underline">&nbsp;{self.tr("Inserted")}'
            f'&nbsp;</span>&nbsp;&nbsp;<span style="background:{DELETED_LIGHT[0]}; color:{DELETED_LIGHT[1]};'
            f' text-decoration: line-through">&nbsp;{self.tr("Deleted")}&nbsp;</span>'
        )
        row.addWidget(legend)

        self.diff_view = DiffView(faces, self)
        self.details = QTextBrowser(self)
        self.details.setObjectName("RevisionDetails")
        self.details.setAccessibleName(self.tr("What the edit changed"))
        self.details.setOpenLinks(False)
        self.details.setMinimumWidth(300)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.diff_view)
        split.addWidget(self.details)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([820, 360])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(bar)
        layout.addWidget(split, 1)
        self._diff: RevisionDiff | None = None
        self.from_box.activated.connect(self._on_pair_chosen)
        self.to_box.activated.connect(self._on_pair_chosen)

    # -- content ---------------------------------------------------------------------------------------------

    def set_revisions(self, infos: list[RevisionInfo], old: int, new: int) -> None:
        for box, chosen in ((self.from_box, old), (self.to_box, new)):
            box.blockSignals(True)
            box.clear()
            for info in infos:
                when = info.imported_at.strftime("%d %b %Y %H:%M")
                box.addItem(arg(self.tr("Version %1 · %2"), info.number, when),
                            info.number)
            box.setCurrentIndex(max(0, box.findData(chosen)))
            box.blockSignals(False)

    def show_diff(self, diff: RevisionDiff, blocks: list[InlineBlock]) -> None:
        self._diff = diff
        self.diff_view.show_blocks(blocks)
        self.summary.setText(summary_line(self, diff))
        self.details.setHtml(details_html(self, diff))

    def diff(self) -> RevisionDiff | None:
        return self._diff

    @Slot(int)
    def _on_pair_chosen(self, _index: int) -> None:
        old, new = self.from_box.currentData(), self.to_box.currentData()
        if old is not None and new is not None and old != new:
            self.pair_requested.emit(int(old), int(new))


def summary_line(owner: QObject, diff: RevisionDiff) -> str:
    parts = [plural(owner.tr("%n text change(s)", "", len(diff.changes)), len(diff.changes))]
    flagged = [h for h in diff.highlights if h.fate != "unchanged"]
    orphaned = sum(1 for h in flagged if h.fate == "orphaned")
    if orphaned:
        parts.append(plural(owner.tr("%n highlight(s) orphaned", "", orphaned), orphaned))
    if len(flagged) > orphaned:
        changed = len(flagged) - orphaned
        parts.append(plural(owner.tr("%n highlight(s) changed", "", changed), changed))
    if diff.events:
        parts.append(plural(owner.tr("%n timeline change(s)", "", len(diff.events)), len(diff.events)))
    return " · ".join(parts)


def details_html(owner: QObject, diff: RevisionDiff) -> str:
    tokens = current_tokens()
    muted = tokens.text_secondary
    out = [f"<style>h3 {{ font-size: 13px; margin: 14px 0 6px 0; }} p {{ margin: 0 0 8px 0; }}"
           f" .m {{ color: {muted}; }}</style>"]
    if diff.metadata:
        out.append(f"<h3>{escape(owner.tr('Headline and details'))}</h3>")
        for m in diff.metadata:
            out.append(f"<p><b>{escape(m.field)}</b>: <s>{escape(_value(m.old))}</s> → {escape(_value(m.new))}</p>")
    out.append(f"<h3>{escape(owner.tr('Your highlights'))}</h3>")
    if not diff.highlights:
        out.append(f"<p class='m'>{escape(owner.tr('No highlight was made on the older version.'))}</p>")
    fates = {
        "orphaned": owner.tr("Orphaned: its words are gone"),
        "edited": owner.tr("Edited under it"),
        "moved": owner.tr("Moved"),
        "unchanged": owner.tr("Unchanged"),
    }
    for h in sorted(diff.highlights, key=lambda h: (FATE_ORDER.index(h.fate), h.old_start)):
        line = f"<p><b>{escape(fates[h.fate])}</b><br/><span class='m'>“{escape(_short(h.old_quote))}”</span>"
        if h.fate == "edited" and h.new_quote is not None:
            line += f"<br/>→ “{escape(_short(h.new_quote))}”"
        out.append(line + "</p>")
    if diff.analysed:
        out.append(f"<h3>{escape(owner.tr('People, places, organisations'))}</h3>")
        if not diff.entities:
            out.append(f"<p class='m'>{escape(owner.tr('No entity appeared or disappeared.'))}</p>")
        for e in diff.entities:
            word = owner.tr("Appeared") if e.change == "added" else owner.tr("Disappeared")
            kind = escape(e.type.title())
            out.append(f"<p>{escape(word)}: <b>{escape(e.name)}</b> <span class='m'>{kind}</span></p>")
        out.append(f"<h3>{escape(owner.tr('Timeline'))}</h3>")
        if not diff.events:
            out.append(f"<p class='m'>{escape(owner.tr('No dated event was added, removed or changed.'))}</p>")
        for ev in diff.events:
            if ev.change == "changed":
                what = arg(owner.tr("Changed: %1 → %2"), ev.old_value or "", ev.value)
            elif ev.change == "added":
                what = arg(owner.tr("Added: %1"), ev.value)
            else:
                what = arg(owner.tr("Removed: %1"), ev.value)
            where = f"{escape(ev.text)} — {escape(ev.label)}"
            out.append(f"<p><b>{escape(what)}</b><br/><span class='m'>{where}</span></p>")
    else:
        later = owner.tr("People, places and dates are compared once both versions are analysed.")
        out.append(f"<p class='m'>{escape(later)}</p>")
    return "".join(out)


def _value(value: object) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return "" if value is None else str(value)


def _short(text: str, limit: int = 220) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"

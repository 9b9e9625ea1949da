"""The card shown over a timeline mark: when, how precisely, what was said, and a link into the article.

A frameless tool-tip window rather than QToolTip, so that it can hold a link the reader may click, show several
articles for a date the library reports more than once, and be styled like the other pop-ups (10 px radius).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal, Slot
from PySide6.QtGui import QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from gui.i18n import plural
from gui.operations.timeline import CONFIRM, NOT_A_DATE
from gui.timeline.colors import TimelineColors
from models.analysis.types import LOW_CONFIDENCE, TimelineEvent
from models.timeline_groups import DatedGroup, EventMention

CARD_WIDTH = 340
MAX_MENTIONS = 4


def describe_when(group: DatedGroup) -> str:
    """The interval in words at its own precision: 22 Jan 2019, June 2019, Summer 2019, 2009."""
    first, last = group.first_day, group.last_day
    p = group.precision
    if first == last:
        return f"{first.day} {first.strftime('%b')} {first.year}"
    if p == "month":
        return first.strftime("%B %Y")
    if p == "season":
        return f"{_season_name(first, last)} {first.year}"
    if p == "year" or (first == date(first.year, 1, 1) and last == date(first.year, 12, 31)):
        return str(first.year)
    if p == "decade":
        return f"{first.year}s"
    return f"{first.day} {first.strftime('%b %Y')} – {last.day} {last.strftime('%b %Y')}"


def _confirmed(event: TimelineEvent) -> bool:
    from models.analysis.event_corrections import confirmed  # the corrections' rules load after the first paint

    return confirmed(event)


def sureness(event: TimelineEvent) -> str:
    """How sure the date is and what made it (the entity panel's words): "confirmed by you", or the way the
    analyser reached the value with its confidence, "unsure" below the threshold of the faded marks."""
    from models.analysis.event_corrections import CONFIRMED_BY_YOU, confirmed  # loaded with the first card

    t = event.timex
    if confirmed(event):
        return CONFIRMED_BY_YOU.capitalize()
    how = f"{t.provenance or 'analyser'} · confidence {t.confidence:.0%}"
    return f"Unsure: {how}" if t.confidence < LOW_CONFIDENCE else how.capitalize()


def relation_to(published: date | None, group: DatedGroup) -> str:
    if published is None:
        return ""
    if group.first_day > published:
        return "After publication"
    if group.last_day < published:
        return "Before publication"
    return "Around publication"


def _season_name(first: date, last: date) -> str:
    middle = date.fromordinal((first.toordinal() + last.toordinal()) // 2).month
    return {12: "Winter", 1: "Winter", 2: "Winter", 3: "Spring", 4: "Spring", 5: "Spring", 6: "Summer",
            7: "Summer", 8: "Summer"}.get(middle, "Autumn")


def card_position(size: QSize, anchor: QRect, area: QRect, gap: int = 6) -> QPoint:
    """Where the card goes: above the mark, else below it, else beside it — never over it (the mark stays
    clickable) and always inside the screen."""
    w, h = size.width(), size.height()
    x = min(max(anchor.center().x() - w // 2, area.left() + 4), area.right() - w - 4)
    if anchor.top() - gap - h >= area.top():
        return QPoint(x, anchor.top() - gap - h)
    if anchor.bottom() + gap + h <= area.bottom():
        return QPoint(x, anchor.bottom() + gap)
    y = min(max(anchor.center().y() - h // 2, area.top() + 4), area.bottom() - h - 4)
    if anchor.right() + gap + w <= area.right():
        return QPoint(anchor.right() + gap, y)
    return QPoint(max(area.left() + 4, anchor.left() - gap - w), y)


class HoverCard(QFrame):
    """Emits :attr:`mention_activated` when the reader clicks "Show in article" on one of the mentions, and
    :attr:`correction_requested` on "Confirm date" or "Not a date" (offered until the reader confirmed it)."""

    mention_activated = Signal(object)  # EventMention
    correction_requested = Signal(object, str)  # EventMention, "confirm" | "not-a-date"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.ToolTip | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("TimelineCard")
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setAttribute(Qt.WidgetAttribute.WA_TranslucentBackground)
        self.setFixedWidth(CARD_WIDTH)
        self._body = QFrame(self)
        self._body.setObjectName("TimelineCardBody")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self._body)
        self._layout = QVBoxLayout(self._body)
        self._layout.setContentsMargins(14, 12, 14, 10)
        self._layout.setSpacing(6)
        self._mentions: list[EventMention] = []
        self._link_color = "#1B6E74"
        self.text = ""  # what the card says, as plain text (also its accessible description)

    def show_group(self, group: DatedGroup, published: date | None, colors: TimelineColors, anchor: QRect) -> None:
        """Fill the card for one mark and place it above ``anchor`` (global coordinates)."""
        self._clear()
        self._style(colors)
        mentions = list(group.mentions)
        self._mentions = mentions
        kind = "planned" if group.planned else "reported"
        head = f"{describe_when(group)} · {group.precision} · {kind}".upper()
        self._add(head, "TimelineCardHead")
        lines = [head]
        single = len(mentions) == 1
        rel = relation_to(published if single else None, group)
        for index, m in enumerate(mentions[:MAX_MENTIONS]):
            if not single:
                self._add(m.article_title or "Untitled article", "TimelineCardTitle")
            quote = f"“{m.sentence}”"
            self._add(quote, "TimelineCardQuote", wrap=True)
            expr = f"“{m.event.timex.text}” → {m.event.timex.value}"
            if m.event.label:
                expr = f"{m.event.label} · {expr}"
            self._add(expr, "TimelineCardMeta", wrap=True)
            sure = sureness(m.event)
            self._add(sure, "TimelineCardSure", wrap=True)
            actions = "" if _confirmed(m.event) else self._corrections(index)
            self._footer(rel if single else "", index)
            lines += [m.article_title if not single else "", quote, expr, sure, actions]
        if len(mentions) > MAX_MENTIONS:
            more = f"and {len(mentions) - MAX_MENTIONS} more — click the mark to choose"
            self._add(more, "TimelineCardMeta")
            lines.append(more)
        lines.append(rel)
        self._finish(lines, anchor)

    def show_cluster(self, groups: Sequence[DatedGroup], colors: TimelineColors, anchor: QRect) -> None:
        self._clear()
        self._style(colors)
        first = min(g.first_day for g in groups)
        last = max(g.last_day for g in groups)
        count = plural(self.tr("%n event(s)", "", len(groups)), len(groups))
        head = f"{count} · {first.isoformat()} – {last.isoformat()}".upper()
        self._add(head, "TimelineCardHead")
        lines = [head]
        for g in groups[:6]:
            m = g.mentions[0]
            line = f"{describe_when(g)} — {m.event.label or m.event.timex.text}"
            self._add(line, "TimelineCardMeta", wrap=True)
            lines.append(line)
        more = len(groups) - 6
        hint = f"and {more} more — click to zoom in" if more > 0 else "Click or zoom in to see them apart"
        self._add(hint, "TimelineCardMeta")
        lines.append(hint)
        self._finish(lines, anchor)

    def show_summary(self, count: int, first: date, last: date, names: Sequence[str], colors: TimelineColors,
                     anchor: QRect) -> None:
        """A bubble of the library drawn from counts: how many events, over which days, the names it knows."""
        self._clear()
        self._style(colors)
        head = f"{count:,} events · {first.isoformat()} – {last.isoformat()}".upper()
        self._add(head, "TimelineCardHead")
        lines = [head]
        for name in names[:6]:
            self._add(name, "TimelineCardMeta", wrap=True)
            lines.append(name)
        hint = "Click or zoom in to see them apart"
        self._add(hint, "TimelineCardMeta")
        lines.append(hint)
        self._finish(lines, anchor)

    def _finish(self, lines: list[str], anchor: QRect) -> None:
        self.text = "\n".join(line for line in lines if line)
        self.setAccessibleDescription(self.text)
        # The wrapped lines decide the height at this width: measure them (with the stylesheet applied) rather than
        # trusting a size hint taken before polish, which cut the first line.
        for label in self._body.findChildren(QLabel):
            label.ensurePolished()
        self._body.ensurePolished()
        outer = self.layout()
        assert outer is not None
        outer.invalidate()
        height = outer.totalHeightForWidth(CARD_WIDTH) if outer.hasHeightForWidth() else outer.sizeHint().height()
        self.setFixedHeight(max(height, outer.totalMinimumSize().height()))
        self.move(card_position(self.size(), anchor, self._area(anchor)))
        self.show()

    @staticmethod
    def _area(anchor: QRect) -> QRect:
        screen = QGuiApplication.screenAt(anchor.center()) or QGuiApplication.primaryScreen()
        return screen.availableGeometry() if screen else QRect(0, 0, 4000, 4000)

    def _footer(self, relation: str, index: int) -> None:
        """ "After publication" on the left, the link into the article on the right, as one row."""
        row = QHBoxLayout()
        row.setContentsMargins(0, 4, 0, 0)
        note = QLabel(relation, self._body)
        note.setObjectName("TimelineCardMeta")
        link = self._links((str(index), "Show in article →"))
        row.addWidget(note)
        row.addStretch(1)
        row.addWidget(link)
        self._layout.addLayout(row)

    def _corrections(self, index: int) -> str:
        """ "Confirm date · Not a date": the reader's word on the analyser's reading (see correction_requested)."""
        self._layout.addWidget(self._links((f"{CONFIRM}:{index}", "Confirm date"),
                                           (f"{NOT_A_DATE}:{index}", "Not a date")))
        return "Confirm date · Not a date"

    def _links(self, *links: tuple[str, str]) -> QLabel:
        """One label of links (href, words) separated by " · ", in the theme's link colour, activating the card."""
        style = f"color: {self._link_color}; text-decoration: none;"
        label = QLabel(" · ".join(f'<a href="{href}" style="{style}">{words}</a>' for href, words in links),
                       self._body)
        label.setObjectName("TimelineCardLink")
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        label.linkActivated.connect(self._on_link)
        return label

    def _add(self, text: str, name: str, wrap: bool = False) -> QLabel:
        label = QLabel(text, self._body)
        label.setObjectName(name)
        label.setWordWrap(wrap)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        if name == "TimelineCardHead":
            f = QFont(label.font())
            f.setPixelSize(11)
            f.setWeight(QFont.Weight.DemiBold)
            f.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 0.6)
            label.setFont(f)
        self._layout.addWidget(label)
        return label

    def _clear(self) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            if item is None:
                continue
            inner = item.layout()
            while inner is not None and inner.count():
                child = inner.takeAt(0)
                widget = child.widget() if child is not None else None
                if widget is not None:
                    widget.hide()  # gone from the card at once, not when the event loop deletes it
                    widget.deleteLater()
            widget = item.widget()
            if widget is not None:
                widget.hide()
                widget.deleteLater()

    def _style(self, c: TimelineColors) -> None:
        self._link_color = c.accent.name()
        pal = self.palette()
        pal.setColor(QPalette.ColorRole.Window, c.background)
        self.setPalette(pal)
        surface = c.background.lighter(104) if not c.dark else c.background.lighter(115)
        self.setStyleSheet(
            f"""
            QFrame#TimelineCardBody {{ background: {surface.name()}; border: 1px solid {c.grid_major.name()};
                                       border-radius: 10px; }}
            QLabel {{ background: transparent; color: {c.text.name()}; font-size: 12px; }}
            QLabel#TimelineCardHead {{ color: {c.accent.name()}; }}
            QLabel#TimelineCardTitle {{ font-weight: 600; }}
            QLabel#TimelineCardQuote {{ font-family: "Noto Serif", serif; font-size: 13px; }}
            QLabel#TimelineCardMeta {{ color: {c.text_tertiary.name()}; }}
            QLabel#TimelineCardSure {{ color: {c.text_tertiary.name()}; font-style: italic; }}
            QLabel#TimelineCardLink {{ color: {c.accent.name()}; font-weight: 600; }}
            """
        )

    @Slot(str)
    def _on_link(self, href: str) -> None:
        action, _, number = href.rpartition(":")
        index = int(number)
        if not 0 <= index < len(self._mentions):
            return
        self.hide()
        if action:
            self.correction_requested.emit(self._mentions[index], action)
        else:
            self.mention_activated.emit(self._mentions[index])

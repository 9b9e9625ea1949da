"""The timeline's colours, derived from the widget's palette so that the light and dark schemes (and any change
of scheme while the window is open) need no second set of constants here."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette


def mix(a: QColor, b: QColor, t: float) -> QColor:
    """``a`` moved towards ``b`` by ``t`` (0 = a, 1 = b)."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * t,
        a.greenF() + (b.greenF() - a.greenF()) * t,
        a.blueF() + (b.blueF() - a.blueF()) * t,
        1.0,
    )


@dataclass(frozen=True)
class TimelineColors:
    dark: bool
    background: QColor  # the lanes
    header: QColor  # the band of tick labels
    grid: QColor
    grid_major: QColor
    text: QColor
    text_secondary: QColor
    text_tertiary: QColor
    accent: QColor
    accent_tint: QColor
    on_accent: QColor
    point: QColor  # a reported day
    bar: QColor  # a reported month / season / year
    bar_text: QColor
    planned: QColor  # outline of what is still to come
    planned_fill: QColor
    after_publication: QColor  # the faint wash right of the publication line

    @classmethod
    def from_palette(cls, pal: QPalette) -> TimelineColors:
        role = QPalette.ColorRole
        window = pal.color(role.Window)
        panel = pal.color(role.AlternateBase)
        surface = pal.color(role.Base)
        text = pal.color(role.Text)
        tertiary = pal.color(role.PlaceholderText)
        accent = pal.color(role.Accent) if pal.color(role.Accent).isValid() else pal.color(role.Highlight)
        dark = window.lightnessF() < 0.5
        secondary = mix(text, tertiary, 0.45)
        border = pal.color(role.Midlight)
        return cls(
            dark=dark,
            background=panel,
            header=panel,
            grid=border,
            grid_major=pal.color(role.Mid),
            text=text,
            text_secondary=secondary,
            text_tertiary=tertiary,
            accent=accent,
            accent_tint=mix(surface, accent, 0.22 if dark else 0.12),
            on_accent=pal.color(role.BrightText) if dark else QColor("#FFFFFF"),
            point=mix(text, tertiary, 0.3),
            bar=mix(panel, tertiary, 0.32 if dark else 0.28),
            bar_text=text,
            planned=mix(tertiary, text, 0.15),
            planned_fill=mix(panel, tertiary, 0.12),
            after_publication=mix(panel, surface if not dark else window, 0.7),
        )

"""Python wrappers for widgets Qt made itself, made with the type they are known to have.

Given a widget Qt created (a scroll area's viewport), PySide6 works out which Python class to wrap it in by making
the Python type of every QWidget subclass it could be, each with its enums: some 60 Python enums and 10–20 ms, once
per process, spent the first time any viewport is asked for. Asking for the child by name with its type skips that
walk; the scroll area's own ``viewport()`` then returns the same wrapper.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractScrollArea, QWidget

VIEWPORT_NAME = "qt_scrollarea_viewport"  # the object name QAbstractScrollArea gives the viewport it creates


def adopt_viewport(area: QAbstractScrollArea) -> QWidget | None:
    """The viewport of ``area`` wrapped as a QWidget without the type walk (None if Qt named it otherwise; the
    usual ``viewport()`` then does the walk)."""
    return area.findChild(QWidget, VIEWPORT_NAME)

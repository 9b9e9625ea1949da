"""Highlights, notes and tags in the reader: capture (selection bar, shortcuts, context menu), marks in the text,
the Notes panel, the colour legend and the undoable operations behind them (see :mod:`gui.annotations.feature`)."""

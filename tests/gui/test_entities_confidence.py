"""Doubtful entities in the Entities dock: faded, hidden with one toggle, confirmed by the reader; corrections hold
for the whole library unless the reader asks for this article only."""

from __future__ import annotations

from typing import Any

import pytest

from gui.entities.model import Role
from gui.entities.panel import EntitiesPanel
from models.analysis.corrections import CorrectedEntity, CorrectedMention

pytestmark = pytest.mark.gui

TEXT = "Abe met Putin. Abe left. The CTR rose."


def _entity(name: str, type_: str, word: str, confidence: float, verified: bool = False) -> CorrectedEntity:
    start = TEXT.index(word)
    return CorrectedEntity(name, type_, (CorrectedMention(start, start + len(word), word),), None, verified,
                           "", confidence, "model")


@pytest.fixture
def panel(qtbot: Any) -> EntitiesPanel:
    widget = EntitiesPanel()
    qtbot.addWidget(widget)
    widget.resize(312, 500)
    widget.show()
    widget.set_entities([_entity("Shinzo Abe", "PERSON", "Abe", 0.9), _entity("CTR", "ORGANIZATION", "CTR", 0.2),
                         _entity("Putin", "PERSON", "Putin", 0.3, verified=True)], TEXT)
    return widget


def _names(panel: EntitiesPanel) -> set[str]:
    model = panel.model
    return {model.index(r, 0, model.index(g, 0)).data(Role.NAME)
            for g in range(model.rowCount()) for r in range(model.rowCount(model.index(g, 0)))}


def test_low_confidence_rows_are_marked_and_confirmed_ones_are_not(panel: EntitiesPanel) -> None:
    assert panel.model.entity_index("CTR").data(Role.LOW_CONFIDENCE) is True
    assert panel.model.entity_index("Shinzo Abe").data(Role.LOW_CONFIDENCE) is False
    assert panel.model.entity_index("Putin").data(Role.LOW_CONFIDENCE) is False  # the reader confirmed it
    assert panel.model.entity_index("Putin").data(Role.PROVENANCE) == "corrected by you"
    assert "confidence 20%" in panel.model.entity_index("CTR").data(Role.PROVENANCE)


def test_one_toggle_hides_the_doubtful_entities(panel: EntitiesPanel) -> None:
    assert _names(panel) == {"Shinzo Abe", "CTR", "Putin"}
    panel.doubtful_button.setChecked(True)
    assert _names(panel) == {"Shinzo Abe", "Putin"}
    panel.doubtful_button.setChecked(False)
    assert "CTR" in _names(panel)


def test_a_doubtful_entity_can_be_confirmed(panel: EntitiesPanel, qtbot: Any) -> None:
    menu = panel.context_menu_for(panel.model.entity_index("CTR"))
    assert menu is not None
    confirm = next(a for a in menu.actions() if a.text() == "Confirm")
    with qtbot.waitSignal(panel.correction_requested) as requested:
        confirm.trigger()
    assert requested.args == ["confirm", {"entity": {"name": "CTR", "type": "ORGANIZATION"}}]
    sure = panel.context_menu_for(panel.model.entity_index("Shinzo Abe"))
    assert sure is not None and "Confirm" not in {a.text() for a in sure.actions()}


def test_corrections_say_they_hold_for_the_library_and_offer_this_article_only(panel: EntitiesPanel) -> None:
    menu = panel.context_menu_for(panel.model.entity_index("Shinzo Abe"))
    assert menu is not None
    texts = [a.text() for a in menu.actions()]
    assert "Corrections apply to every article" in texts
    assert panel.correction_scope("retype") == "library"
    assert panel.correction_scope("split") == "article"
    next(a for a in menu.actions() if a.text() == "This article only").trigger()
    assert panel.correction_scope("retype") == "article"

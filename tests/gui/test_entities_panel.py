"""The Entities dock: grouped model, filter, selection marks every mention, stepping, corrections by context menu."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QMenu

from gui.entities.model import EntityTreeModel, Kind, Role
from gui.entities.panel import EntitiesPanel
from models.analysis.corrections import CorrectedEntity, CorrectedMention
from models.analysis.types import Entity

pytestmark = pytest.mark.gui

TEXT = "Abe meets Putin\nAbe met Putin in Moscow. Kono and Lavrov met in Moscow too. Abe said Russia must act.\n" \
       "Japan and Russia differ, Abe said. Putin 😀 smiled."


def spans(word: str) -> list[tuple[int, int]]:
    out, pos = [], TEXT.find(word)
    while pos >= 0:
        out.append((pos, pos + len(word)))
        pos = TEXT.find(word, pos + 1)
    return out


def entity(name: str, type_: str, word: str, verified: bool = False) -> CorrectedEntity:
    return CorrectedEntity(name, type_, tuple(CorrectedMention(s, e, word) for s, e in spans(word)), None, verified)


ENTITIES = [
    entity("Shinzo Abe", "PERSON", "Abe", verified=True),
    entity("Vladimir Putin", "PERSON", "Putin"),
    entity("Moscow", "PLACE", "Moscow"),
    entity("Russia", "PLACE", "Russia"),
    entity("Japan", "PLACE", "Japan"),
    entity("Taro Kono", "PERSON", "Kono"),
    entity("Sergey Lavrov", "PERSON", "Lavrov"),
    Entity("Hitoshi Omae", "PERSON", (), "author"),  # a byline name: nothing to mark
]


class Answers:
    """Stands in for the modal prompts: returns what the test decided the reader types or picks."""

    def __init__(self, text: str | None = None, choice: int | None = None,
                 name_and_type: tuple[str, str] | None = None) -> None:
        self._text, self._choice, self._nt = text, choice, name_and_type
        self.asked: list[tuple[str, Any]] = []

    def text(self, parent: Any, title: str, label: str, default: str) -> str | None:
        self.asked.append(("text", default))
        return self._text

    def choice(self, parent: Any, title: str, label: str, items: list[str]) -> int | None:
        self.asked.append(("choice", list(items)))
        return self._choice

    def name_and_type(self, parent: Any, title: str, name: str, type_: str, known: Any) -> tuple[str, str] | None:
        self.asked.append(("name_and_type", (name, type_)))
        return self._nt


@pytest.fixture
def panel(qtbot: Any) -> EntitiesPanel:
    widget = EntitiesPanel()
    qtbot.addWidget(widget)
    widget.resize(312, 700)
    widget.show()
    widget.set_entities(ENTITIES, TEXT)
    return widget


def visible_names(model: EntityTreeModel) -> dict[str, list[str]]:
    out = {}
    for g in range(model.rowCount()):
        group = model.index(g, 0)
        out[group.data(Role.TYPE)] = [model.index(r, 0, group).data(Role.NAME) for r in range(model.rowCount(group))]
    return out


def test_model_passes_the_qt_model_checks(qtmodeltester: Any) -> None:
    model = EntityTreeModel()
    model.set_entities(ENTITIES, TEXT)
    model.set_expanded(("Shinzo Abe", "PERSON"))
    qtmodeltester.check(model, force_py=True)
    model.set_filter("o")
    qtmodeltester.check(model, force_py=True)


def test_entities_are_grouped_by_type_with_counts_and_sorted(panel: EntitiesPanel) -> None:
    model = panel.model
    assert visible_names(model) == {
        "PERSON": ["Shinzo Abe", "Vladimir Putin", "Taro Kono", "Sergey Lavrov"],  # by mentions, then first seen
        "PLACE": ["Moscow", "Russia", "Japan"],
    }
    people = model.index(0, 0)
    assert (people.data(Role.KIND), people.data(Role.COUNT), people.data()) == (Kind.GROUP, 4, "People")
    abe = model.entity_index("Shinzo Abe")
    assert (abe.data(Role.COUNT), abe.data(Role.MAX_COUNT), abe.data(Role.VERIFIED)) == (4, 4, True)
    model.set_sort("name")
    assert visible_names(model)["PERSON"] == ["Sergey Lavrov", "Shinzo Abe", "Taro Kono", "Vladimir Putin"]
    model.set_sort("first")
    assert visible_names(model)["PLACE"] == ["Moscow", "Russia", "Japan"]
    assert visible_names(model)["PERSON"][:2] == ["Shinzo Abe", "Vladimir Putin"]


def test_filter_narrows_the_list_and_the_group_counts(panel: EntitiesPanel, qtbot: Any) -> None:
    with qtbot.waitSignal(panel.count_changed) as counted:
        panel.filter.setText("mos")
    assert counted.args == [1]
    assert visible_names(panel.model) == {"PLACE": ["Moscow"]}
    assert panel.model.index(0, 0).data(Role.COUNT) == 1
    panel.filter.setText("zzz")
    assert panel.model.rowCount() == 0 and panel.empty.isVisibleTo(panel) and not panel.tree.isVisibleTo(panel)
    panel.filter.clear()
    assert panel.model.visible_count() == 7


def test_selecting_an_entity_emits_all_its_mention_spans(panel: EntitiesPanel, qtbot: Any) -> None:
    with qtbot.waitSignal(panel.entity_selected) as selected:
        panel.tree.setCurrentIndex(panel.model.entity_index("Vladimir Putin"))
    assert selected.args == ["Vladimir Putin", "PERSON", spans("Putin")]
    assert panel.current_entity() == ("Vladimir Putin", "PERSON")
    index = panel.model.entity_index("Vladimir Putin")
    assert index.data(Role.EXPANDED) and panel.tree.isExpanded(index)
    assert panel.model.rowCount(index) == 3  # its mentions are listed under it
    mention = panel.model.index(2, 0, index)
    assert mention.data(Role.MATCH) == "Putin" and mention.data(Role.PARAGRAPH) == 3
    assert mention.data(Role.AFTER).startswith(" 😀 smiled")


def test_select_entity_by_name_clears_a_filter_that_hides_it(panel: EntitiesPanel, qtbot: Any) -> None:
    panel.filter.setText("japan")
    with qtbot.waitSignal(panel.entity_selected) as selected:
        assert panel.select_entity("sergey lavrov")
    assert selected.args[0] == "Sergey Lavrov" and panel.filter.text() == ""
    assert not panel.select_entity("Nobody")


def test_next_and_previous_step_through_the_mentions_and_wrap(panel: EntitiesPanel, qtbot: Any) -> None:
    panel.select_entity("Shinzo Abe")
    abe = spans("Abe")
    steps = []
    panel.mention_activated.connect(lambda s, e: steps.append((s, e)))
    for _ in range(5):
        panel.next_button.click()
    assert steps == [abe[0], abe[1], abe[2], abe[3], abe[0]]
    assert panel.position.text() == "Mention 1 of 4"
    panel.previous_mention()
    panel.previous_mention()
    assert steps[-2:] == [abe[3], abe[2]]
    current = panel.model.index(2, 0, panel.model.entity_index("Shinzo Abe"))
    assert current.data(Role.CURRENT) and panel.position.text() == "Mention 3 of 4"
    # stepping never switches to another entity
    assert panel.current_entity() == ("Shinzo Abe", "PERSON")


def test_nothing_to_step_through_before_an_entity_is_selected(panel: EntitiesPanel, qtbot: Any) -> None:
    assert not panel.strip.isVisibleTo(panel)
    with qtbot.assertNotEmitted(panel.mention_activated):
        panel.next_mention()


def test_context_menu_rename_requests_a_correction(panel: EntitiesPanel, qtbot: Any) -> None:
    panel.prompts = Answers(text="Taro KONO")
    menu = panel.context_menu_for(panel.model.entity_index("Taro Kono"))
    assert menu is not None
    rename = next(a for a in menu.actions() if a.text() == "Rename…")
    with qtbot.waitSignal(panel.correction_requested) as requested:
        rename.trigger()
    assert requested.args == ["rename", {"entity": {"name": "Taro Kono", "type": "PERSON"}, "name": "Taro KONO"}]
    assert panel.prompts.asked == [("text", "Taro Kono")]


def test_cancelled_prompts_request_nothing(panel: EntitiesPanel, qtbot: Any) -> None:
    panel.prompts = Answers()
    menu = panel.context_menu_for(panel.model.entity_index("Taro Kono"))
    assert menu is not None
    with qtbot.assertNotEmitted(panel.correction_requested):
        for text in ("Rename…", "Merge into…"):
            next(a for a in menu.actions() if a.text() == text).trigger()
        panel.add_selection_as_entity(0, 3)


def test_context_menu_merge_retype_hide_and_dossier(panel: EntitiesPanel, qtbot: Any) -> None:
    requests: list[tuple[str, dict[str, Any]]] = []
    panel.correction_requested.connect(lambda action, payload: requests.append((action, payload)))
    panel.prompts = Answers(choice=0)
    menu = panel.context_menu_for(panel.model.entity_index("Taro Kono"))
    assert menu is not None
    actions = {a.text(): a for a in menu.actions()}
    actions["Merge into…"].trigger()
    assert panel.prompts.asked[0][1][0] == "Sergey Lavrov — Person"  # same type first
    types = actions["Change type"].menu()
    assert isinstance(types, QMenu)
    retype = {a.text(): a for a in types.actions()}
    assert not retype["Person"].isEnabled()
    retype["Place"].trigger()
    actions["Hide"].trigger()
    kono = {"name": "Taro Kono", "type": "PERSON"}
    assert requests == [
        ("merge", {"entity": kono, "into": {"name": "Sergey Lavrov", "type": "PERSON"}}),
        ("retype", {"entity": kono, "type": "PLACE"}),
        ("hide", {"entity": kono}),
    ]
    with qtbot.waitSignal(panel.dossier_requested) as dossier:
        actions["Open dossier"].trigger()
    assert dossier.args == ["Taro Kono", "PERSON"]


def test_a_mention_can_be_split_off_and_a_selection_added(panel: EntitiesPanel, qtbot: Any) -> None:
    panel.prompts = Answers(name_and_type=("Akie Abe", "PERSON"))
    parent = panel.model.entity_index("Shinzo Abe")
    menu = panel.context_menu_for(panel.model.index(1, 0, parent))
    assert menu is not None
    with qtbot.waitSignal(panel.correction_requested) as requested:
        next(a for a in menu.actions() if a.text() == "Split off as another entity…").trigger()
    s, e = spans("Abe")[1]
    assert requested.args == ["split", {"entity": {"name": "Shinzo Abe", "type": "PERSON"},
                                        "mention": {"start": s, "end": e, "text": "Abe"},
                                        "name": "Akie Abe", "type": "PERSON"}]
    panel.prompts = Answers(name_and_type=("Tokyo summit", "EVENT"))
    start = TEXT.index("Japan and Russia")
    with qtbot.waitSignal(panel.correction_requested) as requested:
        panel.add_selection_as_entity(start, start + len("Japan and Russia"))
    assert panel.prompts.asked == [("name_and_type", ("Japan and Russia", "PERSON"))]
    assert requested.args == ["add", {"mention": {"start": start, "end": start + 16, "text": "Japan and Russia"},
                                      "name": "Tokyo summit", "type": "EVENT"}]


def test_refreshed_entities_keep_the_selection_and_resend_changed_marks(panel: EntitiesPanel, qtbot: Any) -> None:
    panel.select_entity("Shinzo Abe")
    with qtbot.assertNotEmitted(panel.entity_selected):
        panel.set_entities(ENTITIES, TEXT)  # nothing changed
    assert panel.current_entity() == ("Shinzo Abe", "PERSON")
    assert panel.tree.currentIndex() == panel.model.entity_index("Shinzo Abe")
    fewer = [entity("Shinzo Abe", "PERSON", "Abe meets")] + ENTITIES[1:]
    with qtbot.waitSignal(panel.entity_selected) as selected:
        panel.set_entities(fewer, TEXT)
    assert selected.args == ["Shinzo Abe", "PERSON", spans("Abe meets")]
    with qtbot.waitSignal(panel.entity_selected) as cleared:
        panel.set_entities(ENTITIES[1:], TEXT)  # hidden by a correction
    assert cleared.args == ["", "", []] and panel.current_entity() is None


def test_keyboard_moves_from_an_entity_into_its_mentions(panel: EntitiesPanel, qtbot: Any) -> None:
    from PySide6.QtCore import Qt

    panel.select_entity("Sergey Lavrov")
    panel.tree.setFocus()
    with qtbot.waitSignal(panel.mention_activated) as activated:
        qtbot.keyClick(panel.tree, Qt.Key.Key_Down)
    assert activated.args == list(spans("Lavrov")[0])
    assert panel.model.index(0, 0, QModelIndex()).data(Role.KIND) == Kind.GROUP


def test_panel_paints_light_and_dark_without_warnings(panel: EntitiesPanel, qtbot: Any) -> None:
    from gui.theme import DARK, LIGHT

    panel.select_entity("Shinzo Abe")
    panel.next_mention()
    for tokens in (DARK, LIGHT):
        panel.apply_theme(tokens)
        image = panel.grab().toImage()
        assert not image.isNull() and image.width() == panel.width()


def test_the_selected_entity_is_described_in_the_articles_words_with_its_library_count(panel: EntitiesPanel) -> None:
    from gui.entities.facts import show_entity_facts

    ran: list[Any] = []

    class Library:
        reading = writing = None

    def run(fn: Any, done: Any) -> None:
        ran.append(fn)
        done(({("Vladimir Putin", "PERSON"): 6}, {}))

    text = "Russian President Vladimir Putin met Abe in Moscow. Putin said little."
    putin = CorrectedEntity("Vladimir Putin", "PERSON", (CorrectedMention(18, 32, "Vladimir Putin"),))
    show_entity_facts(panel, Library(), text, [putin], run)
    assert ran, "the library count is read through the worker"
    assert panel.select_entity("Vladimir Putin", "PERSON")
    index = panel.model.entity_index("Vladimir Putin", "PERSON")
    subtitle = panel.delegate._subtitle(index)
    assert subtitle == "Russian president · in 6 articles"


def test_the_library_counts_asked_are_those_of_the_articles_entities_only(panel: EntitiesPanel, tmp_path: Any) -> None:
    """"In N articles" comes from one seek per entity of the article on screen, not from the library's whole
    index (which grows with the library): the counts read are exactly the article's entities'."""
    from gui.entities.facts import show_entity_facts
    from models.store import open_library
    from models.store.entities import EntityStore
    from tests.fixtures.generated_library import generated_library

    lib = open_library(str(tmp_path / "lib.sqlite"))
    try:
        generated_library(lib, 12, seed=3)
        index = EntityStore(lib).library_index()
        shown = [CorrectedEntity(e.name, e.type, ()) for e in index[:2]]
        got: list[Any] = []

        def run(fn: Any, done: Any) -> None:  # the worker, run at once
            got.append(fn())
            done(got[-1])

        show_entity_facts(panel, lib, "", shown, run)
        assert got == [({(e.name, e.type): e.article_count for e in index[:2]}, {})] and len(index) > 2
        assert panel.model._article_counts == got[0][0]
    finally:
        lib.close()


def test_a_lone_surname_says_the_full_name_the_library_files_it_under(panel: EntitiesPanel, tmp_path: Any) -> None:
    """An article that writes only "Trump": the selected entity is counted in the articles of Donald Trump, and
    says so ("in 5 articles as Donald Trump"); a name the library files under itself says nothing more."""
    from gui.entities.facts import show_entity_facts
    from models.store import open_library
    from tests.fixtures.people_library import people_library

    lib = open_library(str(tmp_path / "lib.sqlite"))
    try:
        people_library(lib)
        text = "Trump tweeted on 2019-05-02. Melania Trump flew."
        shown = [CorrectedEntity("Trump", "PERSON", (CorrectedMention(0, 5, "Trump"),)),
                 CorrectedEntity("Melania Trump", "PERSON", (CorrectedMention(29, 42, "Melania Trump"),))]
        panel.set_entities(shown, text)
        show_entity_facts(panel, lib, text, shown, lambda fn, done: done(fn()))
        assert panel.select_entity("Trump", "PERSON")
        assert panel.delegate._subtitle(panel.model.entity_index("Trump", "PERSON")).endswith(
            "in 5 articles as Donald Trump")
        assert panel.select_entity("Melania Trump", "PERSON")
        assert panel.delegate._subtitle(panel.model.entity_index("Melania Trump", "PERSON")).endswith(
            "in 1 article")
    finally:
        lib.close()

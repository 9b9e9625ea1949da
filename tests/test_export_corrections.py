"""What the reader corrected in the Entities panel is what the exports print: a renamed entity appears under its
new name in the brief's entity table and in the events of the chronology, a hidden one not at all."""

from __future__ import annotations

from models.export import ExportOptions, render
from models.export.selection import Selection, collect
from models.store import Library
from models.store.entities import EntityStore
from tests.test_entity_store import BODY_A, add_analysed, article


def brief(lib: Library, aid: int, fmt: str = "markdown") -> str:
    bundle = collect(lib, Selection(article_ids=(aid,)), need_analyses=True)
    return render(fmt, bundle, ExportOptions(brief=True)).decode()


def test_a_renamed_entity_reaches_the_brief_under_its_new_name(lib: Library) -> None:
    aid = add_analysed(lib, article("file:///a.txt", "Summit", BODY_A, "2019-01-23"))
    assert "Vladimir Putin" in brief(lib, aid)
    EntityStore(lib).add_rule(aid, "rename", {"entity": {"name": "Vladimir Putin", "type": "PERSON"},
                                             "name": "President Vladimir Putin"})
    for fmt in ("markdown", "html"):
        out = brief(lib, aid, fmt)
        assert "President Vladimir Putin" in out
        assert "Vladimir Putin" not in out.replace("President Vladimir Putin", "")


def test_a_hidden_entity_leaves_the_brief(lib: Library) -> None:
    aid = add_analysed(lib, article("file:///a.txt", "Summit", BODY_A, "2019-01-23"))
    assert "Moscow" in brief(lib, aid).split("## ")[-1] or "Moscow" in brief(lib, aid)
    EntityStore(lib).add_rule(aid, "hide", {"entity": {"name": "Moscow", "type": "ORGANIZATION"}})
    table = [line for line in brief(lib, aid).splitlines() if line.startswith("|") and "ORGANIZATION" in line.upper()]
    assert not any("Moscow" in line for line in table)

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


def test_what_the_analyser_is_unsure_of_is_marked_unsure_in_every_brief_until_confirmed(lib: Library) -> None:
    from dataclasses import replace

    from models.analysis import ANALYZER_VERSION
    from models.analysis.types import Analysis, TimelineEvent, Timex
    from models.article import text_hash
    from models.export.brief import UNSURE_LEGEND
    from tests.test_entity_store import analysis_of

    a = article("file:///a.txt", "Summit", BODY_A, "2019-01-23")
    aid = lib.import_article(a).id
    sure = analysis_of(a.text)
    doubtful = tuple(replace(e, confidence=0.3, provenance="model") if e.name == "Moscow" else e
                     for e in sure.entities)
    start = a.text.index("Jan. 22")
    sentence = (a.text.index("Prime"), a.text.index(".", start + 4) + 1)
    timex = Timex(start, start + 7, "Jan. 22", "DATE", "2019-01-22", None, 0.4, "yearless date")
    event = TimelineEvent(timex, *sentence, "Abe met Putin", ("Shinzo Abe",), "day", "2019-01-22", "2019-01-22",
                          False)
    lib.save_analysis(aid, Analysis(ANALYZER_VERSION, text_hash(a.text), doubtful, (timex,), (event,)))

    markdown = brief(lib, aid)
    assert "| Moscow *(unsure)* |" in markdown and "| Vladimir Putin |" in markdown
    assert "*(unsure)*" in markdown.split("## Chronology")[1]
    assert UNSURE_LEGEND.split(" (")[0] in markdown
    html = brief(lib, aid, "html")
    assert html.count('class="unsure"') == 2
    timeline = render("timelinejs", collect(lib, Selection(article_ids=(aid,)), need_analyses=True),
                      ExportOptions()).decode()
    assert "(unsure)" in timeline

    EntityStore(lib).add_rule(aid, "confirm", {"entity": {"name": "Moscow", "type": "ORGANIZATION"}})
    markdown = brief(lib, aid)
    assert "| Moscow |" in markdown  # confirmed by the reader: no longer marked
    assert "*(unsure)*" in markdown.split("## Chronology")[1]  # the date is still the analyser's guess

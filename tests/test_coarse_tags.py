"""The analysis skips spaCy's attribute ruler and lemmatizer for speed: what it reads of the parse must not change."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from models.analysis import analyze, nlp
from models.ingest import ingest_file

SAMPLE = Path(__file__).resolve().parent.parent / "resources" / "samples" / "abe-putin-summit-2019-01-23.txt"

# Auxiliaries, "there is", pronouns tagged as nouns, subordinators, whitespace tokens, contractions.
TRICKY = (
    "There is a plan.  There were   two of them, but he left. Y'all gonna see it, I'd go if she asks.\t"
    "Something happened that nobody saw; it ain't over. Let's hope they've been told."
)


def test_the_analysis_parse_has_the_coarse_tags_of_the_full_pipeline() -> None:
    model = nlp.load()
    text = ingest_file(SAMPLE).text + "\n" + TRICKY
    fast = [tok for piece in nlp.parse(text).pieces for tok in piece.doc]
    full = [tok for _, chunk in nlp._chunks(text, 99_999) for tok in model(chunk)]
    assert len(fast) == len(full) > 1000
    read = [(t.text, t.pos_, t.tag_, t.dep_, t.head.i, t.ent_type_) for t in fast]
    assert read == [(t.text, t.pos_, t.tag_, t.dep_, t.head.i, t.ent_type_) for t in full]


def test_inflected_intentions_date_the_clause_ahead() -> None:
    published = date(2019, 1, 23)
    for sentence in (
        "Putin is slated to visit Tokyo in June.",
        "The ministers planned to meet in March.",
        "The two leaders hoped to sign the treaty in June.",
    ):
        values = [t.value for t in analyze(sentence, published).timexes]
        assert values and values[0].startswith("2019-"), (sentence, values)

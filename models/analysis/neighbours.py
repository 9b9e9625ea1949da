"""The passes after the context cues that type a name by its neighbours in the text: the names coordinated with it,
a plural head it shares, a title before it, the press word before a publication, the surname it ends with, the
"the" before a region, the "v." between the parties of a case. Each lives in its own module; this one runs them
in order."""

from __future__ import annotations

from collections.abc import Sequence

from models.analysis.acronyms import acronym_names
from models.analysis.aliases import Candidate
from models.analysis.cases import case_parties
from models.analysis.coordination import coordinated, places_by_shared_head
from models.analysis.publications import publications
from models.analysis.regions import compass_regions, deity_names, known_places_missed, listed_cities_apart
from models.analysis.surnames import full_names_of_surnames
from models.analysis.titles import people_after_titles, places_after_titles


def typed_by_neighbours(candidates: Sequence[Candidate], text: str) -> list[Candidate]:
    """``candidates`` after every neighbour pass, in order: coordination first (a list's surest member types the
    rest), then the passes that add or retype names around titles, publications, surnames, regions and cases."""
    out = places_by_shared_head(coordinated(listed_cities_apart(candidates), text), text)
    out = people_after_titles(places_after_titles(out, text), text)
    out = full_names_of_surnames(publications(out, text), text)
    out = acronym_names(known_places_missed(deity_names(compass_regions(out, text), text), text), text)
    return case_parties(out, text)

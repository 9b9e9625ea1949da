"""The Entities dock (the open article's people, places, organisations… with corrections) and the dossier of an
entity across the library."""

from gui.entities.dossier import DossierView
from gui.entities.panel import EntitiesPanel

__all__ = ["DossierView", "EntitiesPanel"]

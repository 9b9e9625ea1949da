"""The Entities dock (the open article's people, places, organisations… with corrections, :mod:`gui.entities.panel`)
and the dossier of an entity across the library (:mod:`gui.entities.dossier`, loaded when one is first opened)."""

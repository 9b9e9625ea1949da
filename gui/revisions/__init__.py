"""Story revisions in the reader: the versions line in the header, the diff view, and the flags the other panels
show for highlights and events an edit changed."""

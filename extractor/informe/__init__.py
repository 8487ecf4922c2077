"""The report as a whole: its metadata (entity, office, period), money in its
prose, the reading of each table for `informes ver`, and the coverage audit
that no figure was dropped silently."""

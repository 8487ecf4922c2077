"""Loading: the only room that composes extraction -> validation -> store ->
identity, on this machine (a pool of processes) or on a Dask cluster; progress,
and the corrections a person made to a reading."""

"""Many jurisdictions at once (issue #21): the work sent to a dask worker, and the engine that sends it.

``work`` is what a worker runs: one jurisdiction's arrays (WKB of townships, built-up and served
polygons, stop coordinates, all in the jurisdiction's Gauss-Krüger metres) in, per-township figures
out, by the geometry kernels (``core.kernels``); ``split`` cuts a large jurisdiction's job into pieces
by township and puts their results together (the same figures). ``engine`` starts or joins a dask.distributed
cluster and hands the work out. ``plan_work`` is the plan mode's task: it runs check_plan and the
dossier through ``qgis_process`` (a subprocess: the worker's machine then needs QGIS, its Python not).
Like the kernels, nothing here imports QGIS or Qt: a worker needs
neither. The reading of the layers (with QGIS, exactly as the single checks read them) and the
writing of the tables are at the edge, in ``core.checks.batch``.
"""

"""The MAPPA annual report statistics tables from a caseload, decided case by case and explainable.

``mappa-rules report CASELOAD --year 2020/21`` (see :mod:`.command`). The caseload format is in
:mod:`.caseload`; the table formats by reporting year in ``report_formats.yaml`` (:mod:`.formats`); the counting
rules in :mod:`.measures` and :mod:`.events`; the reduction to counts in :mod:`.tally` and :mod:`.run`; the
layout in :mod:`.tables`; the outputs in :mod:`.text_output`, :mod:`.json_output` and :mod:`.html_output`.
Nothing here is imported until used, so the rest of the command line starts as fast as before.
"""

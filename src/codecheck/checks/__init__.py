"""Built-in checks: one module per rule, named by the rule's slug (``missing-evidence`` ->
``missing_evidence.py``), each defining ``check(ctx, params)``.

The engine finds a rule's check from its slug (``engine.registry``): there is no list to keep. A rule's
spec, parameters and pass/fail cases live in its folder ``rules/<CODE>-<slug>/``; the module's
docstring says what the rule looks for and why. ``text_pattern`` is the generic check that user rules
files may name; modules whose name starts with an underscore hold logic several checks share.
"""

"""The judge: untrusted code produces observables, trusted code compares them.

Modules, from the content author's side to the verifier's:

- ``cases``: the ``@case`` decorator hidden cases are written with.
- ``observables``: the data-only wire format between the sandbox and the verifier.
- ``compare``: trusted comparison of observed against expected observables.
- ``static``: forbidden-API checks on the submission's source.
- ``sandbox`` / ``child`` / ``zygote``: isolation and execution of user code.
- ``verifier``: the orchestration that turns a submission into a verdict.
"""

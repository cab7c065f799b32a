"""The local web app (`onsite serve`): the CLI's flows as pages, one call into sessions/ each.

FastAPI serves Jinja2 pages; htmx swaps in the parts that change (a verdict, a hint, a
graded answer); CodeMirror, KaTeX and htmx are vendored under static/vendor, so the app
works with the network off. Nothing here decides anything a learner's record depends on.
"""

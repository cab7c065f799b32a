"""Marking the sentences of an answer that the rubric grader took as evidence."""

from __future__ import annotations

from html import escape

from markupsafe import Markup


def evidence_spans(answer: str, evidence: list[tuple[str, str]]) -> list[tuple[int, int, list[str]]]:
    """Where each piece of evidence sits in the answer, merged where they overlap.

    ``evidence`` pairs a unit of the answer (a sentence or a clause, as the grader split
    it: always a substring of the answer) with the label of the point it makes. Returns
    (start, end, labels) spans in order; evidence not found verbatim is skipped.
    """
    spans: list[tuple[int, int, list[str]]] = []
    for text, label in evidence:
        start = answer.find(text) if text else -1
        if start >= 0:
            spans.append((start, start + len(text), [label]))
    spans.sort()
    merged: list[tuple[int, int, list[str]]] = []
    for start, end, labels in spans:
        if merged and start < merged[-1][1]:
            s0, e0, l0 = merged[-1]
            merged[-1] = (s0, max(e0, end), l0 + [x for x in labels if x not in l0])
        else:
            merged.append((start, end, labels))
    return merged


def highlight(answer: str, evidence: list[tuple[str, str]]) -> Markup:
    """The answer as escaped text with each evidence span in a <mark> naming its points."""
    out: list[str] = []
    pos = 0
    for start, end, labels in evidence_spans(answer, evidence):
        out.append(escape(answer[pos:start]))
        names = ", ".join(labels)
        out.append(f'<mark class="evidence" title="evidence for point {escape(names)}">'
                   f"{escape(answer[start:end])}<sup>{escape(names)}</sup></mark>")
        pos = end
    out.append(escape(answer[pos:]))
    return Markup("".join(out))

"""Problems as GitHub workflow commands, so they show inline on the pull request.

``::error file=practices/x.md,line=12,title=…::message`` puts the message next to
line 12 of the changed file. Workflow commands have their own escaping: in the
message ``%``, CR and LF; in a property also ``:`` and ``,``, which would
otherwise end the property.
"""

from __future__ import annotations

from .problems import Problem, summary_line


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotation(problem: Problem) -> str:
    command = "error" if problem.is_error else "warning"
    title = f"Praktijkbank: {problem.severity.value} in {problem.label}"
    properties = ",".join((
        f"file={escape_property(problem.path)}",
        f"line={problem.line}",
        f"title={escape_property(title)}",
    ))
    return f"::{command} {properties}::{escape_data(problem.detail())}"


def problems_as_github(problems: list[Problem], files_checked: int) -> str:
    """One annotation per problem, then the summary as a plain line for the log."""
    return "\n".join([*(github_annotation(p) for p in problems), summary_line(problems, files_checked)])

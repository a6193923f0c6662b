"""Problems found in content, and how they are written for people and tools."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from enum import Enum


class Severity(str, Enum):
    ERROR = "fout"
    WARNING = "waarschuwing"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one file, pointing at the line a person must change."""

    path: str
    line: int
    field: str
    message: str
    allowed: str = ""
    suggestion: str = ""
    severity: Severity = Severity.ERROR
    # The field as the site and the form name it, with the key for YAML users: 'Provincie (place.province)'.
    # Worked out from ``field`` (the key path, for tools) when not given.
    label: str = ""

    def __post_init__(self) -> None:
        if not self.label:
            from .field_labels import describe  # the schema's words; imported late (schema -> kinds -> checks)

            object.__setattr__(self, "label", describe(self.field))

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def text(self) -> str:
        """``path:line: field: what is wrong (what is allowed). Bedoelde u …?``"""
        return f"{self.path}:{self.line}: {self.detail()}"

    def detail(self) -> str:
        """The message without its place: ``field: what is wrong (what is allowed). Bedoelde u …?``"""
        warning = "let op: " if not self.is_error else ""
        out = f"{self.label}: {warning}{self.message}"
        if self.allowed:
            out += f" ({self.allowed})"
        if self.suggestion:
            out += f". Bedoelde u '{self.suggestion}'?"
        return out

    def as_dict(self) -> dict:
        data = asdict(self)
        data["severity"] = self.severity.value
        data["text"] = self.text()
        return data


class ProblemLog:
    """Collects problems for one file, so that a check never stops at the first one."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.items: list[Problem] = []

    def add(
        self,
        line: int,
        field: str,
        message: str,
        allowed: str = "",
        suggestion: str = "",
        severity: Severity = Severity.ERROR,
    ) -> None:
        self.items.append(
            Problem(self.path, line, field, message, allowed, suggestion or "", severity)
        )

    def warn(self, line: int, field: str, message: str, allowed: str = "") -> None:
        self.add(line, field, message, allowed, severity=Severity.WARNING)

    @property
    def has_errors(self) -> bool:
        return any(p.is_error for p in self.items)


def summary_line(problems: list[Problem], files_checked: int) -> str:
    """The one-line Dutch summary that closes every check."""
    errors = sum(1 for p in problems if p.is_error)
    warnings = len(problems) - errors
    bad_files = len({p.path for p in problems if p.is_error})
    kaarten = "bestand" if files_checked == 1 else "bestanden"
    if errors == 0:
        result = f"{files_checked} {kaarten} gecontroleerd: alles in orde"
    else:
        fouten = "fout" if errors == 1 else "fouten"
        in_files = "bestand" if bad_files == 1 else "bestanden"
        result = f"{files_checked} {kaarten} gecontroleerd: {errors} {fouten} in {bad_files} {in_files}"
    if warnings:
        result += f", {warnings} " + ("waarschuwing" if warnings == 1 else "waarschuwingen")
    return result + "."


def problems_as_json(problems: list[Problem], files_checked: int) -> str:
    return json.dumps(
        {
            "files_checked": files_checked,
            "errors": sum(1 for p in problems if p.is_error),
            "warnings": sum(1 for p in problems if not p.is_error),
            "problems": [p.as_dict() for p in problems],
            "summary": summary_line(problems, files_checked),
        },
        ensure_ascii=False,
        indent=2,
    )

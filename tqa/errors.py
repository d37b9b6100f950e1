"""The exception tree. Every error a user can cause is a TqaError with a one-line message; the CLI prints it and
exits with code 2.

    TqaError
    ├── InputError     a file or URL that cannot be read, decoded or parsed (names the file)
    ├── ConfigError    a bad configuration key or value (names the key)
    ├── UsageError     a bad combination of command-line arguments
    └── FetchError     a network failure while fetching a story (names the URL)
"""

from __future__ import annotations

__all__ = ["ConfigError", "FetchError", "InputError", "TqaError", "UsageError"]


class TqaError(Exception):
    """Base class: `str(error)` is the one-line message shown to the user."""

    exit_code = 2


class InputError(TqaError):
    def __init__(self, path: object, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class ConfigError(TqaError):
    def __init__(self, key: str, problem: str, *, source: object | None = None) -> None:
        self.key = key
        self.problem = problem
        self.source = None if source is None else str(source)
        where = f"{self.source}: " if self.source else ""
        super().__init__(f"{where}config key '{key}': {problem}")


class UsageError(TqaError):
    pass


class FetchError(TqaError):
    def __init__(self, url: str, problem: str) -> None:
        self.url = url
        self.problem = problem
        super().__init__(f"{url}: {problem}")

"""Configuration: a frozen `Config`, built from defaults, then `[tool.tqa]` in pyproject.toml or tqa.toml, then the
command line. Loading from files lives in `load_config`; this module does no other I/O.

Keys (the same in ``[tool.tqa]`` of ``pyproject.toml`` and at the top level of ``tqa.toml``)::

    select = ["TQA"]                 # rule code prefixes (or rule names) to run; "TQA"/"ALL" = every rule
    ignore = ["TQA7"]                # rule code prefixes (or names) to skip
    fail-on = "error"                # lowest severity that makes `tqa check` exit 1: error, warning or info
    paths = ["stories"]              # what `tqa check` checks when no path is given (relative to the config file)
    exclude = ["drafts/*"]           # glob patterns of files to skip (relative to the config file, or a file name)
    allow-cyrillic = ["Укрінформ"]   # Cyrillic strings allowed in the English copy
    allow-terms = ["Ukrenergo"]      # names and terms no check may flag
    date = "2026-03-02"              # the stories' date (YYYY-MM-DD), for weekday ↔ date checks
    baseline = "tqa-baseline.json"   # baseline file (relative to the config file); a missing file counts as empty

    [tool.tqa.severity]              # per-rule (or per-prefix) severity: error, warning or info
    TQA301 = "warning"

`tqa.toml` wins over `pyproject.toml` in the same folder; a `pyproject.toml` without ``[tool.tqa]`` is skipped and the
search goes on in the parent folder. An unknown key or a bad value raises `ConfigError` naming the key.
"""

from __future__ import annotations

import dataclasses
import datetime
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from tqa.model import Severity
from tqa.patterns import compile as re_compile

__all__ = ["CONFIG_KEYS", "Config", "find_config_file", "load_config", "parse_config", "parse_rule_selectors"]


@dataclass(frozen=True, slots=True)
class Config:
    select: tuple[str, ...] = ("TQA",)  # code prefixes; "TQA" or "ALL" selects every rule
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()  # per-rule (code prefix, severity) overrides
    fail_on: Severity = Severity.ERROR
    paths: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    # Cyrillic strings allowed in the English copy (a quoted original title, a brand).
    allow_cyrillic: tuple[str, ...] = ()
    # Terms a check must not flag (names, brands) — used by several rules.
    allow_terms: tuple[str, ...] = ()
    date: str | None = None  # the story's date, YYYY-MM-DD, for weekday ↔ date checks
    source_path: str | None = None  # where the config came from, for the signature
    baseline: str | None = None  # the configured baseline file (relative to the working directory)
    root: str | None = None  # the folder of the configuration file (base of `exclude` patterns)

    def replace(self, **changes: object) -> Config:
        return dataclasses.replace(self, **changes)

    def severity_for(self, code: str, default: Severity) -> Severity:
        best: tuple[int, Severity] | None = None
        for prefix, sev in self.severity:
            if code.startswith(prefix) and (best is None or len(prefix) > best[0]):
                best = (len(prefix), sev)
        return best[1] if best else default

    def signature_items(self) -> list[tuple[str, str]]:
        items = [
            ("select", ",".join(self.select)),
            ("ignore", ",".join(self.ignore) or "-"),
            ("fail-on", self.fail_on.value),
        ]
        if self.severity:
            items.append(("severity", ",".join(f"{c}={s.value}" for c, s in self.severity)))
        if self.allow_cyrillic or self.allow_terms:
            items.append(("allow", str(len(self.allow_cyrillic) + len(self.allow_terms))))
        if self.date:
            items.append(("date", self.date))
        return items


# -- loading ---------------------------------------------------------------------------------------------------------

CONFIG_KEYS = (
    "allow-cyrillic",
    "allow-terms",
    "baseline",
    "date",
    "exclude",
    "fail-on",
    "ignore",
    "paths",
    "select",
    "severity",
)

_SELECTOR_RE = re_compile(r"^TQA\d{0,3}$")
_NAME_RE = re_compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def find_config_file(cwd: str | Path | None = None) -> tuple[Path, dict[str, object]] | None:
    """Walk up from `cwd`: the first ``tqa.toml``, or ``pyproject.toml`` holding ``[tool.tqa]``, with its table."""
    start = Path(cwd if cwd is not None else os.getcwd()).resolve()
    for folder in (start, *start.parents):
        candidate = folder / "tqa.toml"
        if candidate.is_file():
            return candidate, _read_toml(candidate)
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            data = _read_toml(candidate)
            tool = data.get("tool")
            if isinstance(tool, dict) and "tqa" in tool:
                table = tool["tqa"]
                if not isinstance(table, dict):
                    from tqa.errors import ConfigError

                    raise ConfigError("tool.tqa", "must be a table", source=_display(candidate, start))
                return candidate, table
    return None


def _read_toml(path: Path) -> dict[str, object]:
    import tomllib

    from tqa.errors import InputError

    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(path, f"invalid TOML: {exc}") from None
    except OSError as exc:
        raise InputError(path, exc.strerror or str(exc)) from None


def _display(path: Path, cwd: Path) -> str:
    """`path` relative to `cwd` when that is short and clear, else absolute."""
    try:
        rel = os.path.relpath(path, cwd)
    except ValueError:  # another drive (Windows)
        return str(path)
    return rel if _near(rel) else str(path)


def load_config(cwd: str | Path | None = None, *, config_file: str | Path | None = None) -> Config:
    """The configuration that applies in `cwd`: `config_file` if given, else the nearest ``tqa.toml`` or
    ``pyproject.toml`` with ``[tool.tqa]`` walking up from `cwd`, else the defaults. Paths in the result (`paths`,
    `baseline`) are relative to `cwd` (or absolute when they lie elsewhere)."""
    here = Path(cwd if cwd is not None else os.getcwd()).resolve()
    if config_file is not None:
        path = Path(config_file)
        if not path.is_absolute():
            path = here / path
        if not path.is_file():
            from tqa.errors import InputError

            raise InputError(config_file, "configuration file not found")
        data = _read_toml(path)
        if path.name == "pyproject.toml":
            tool = data.get("tool")
            data = tool.get("tqa", {}) if isinstance(tool, dict) else {}
        found: tuple[Path, dict[str, object]] | None = (path, data)
    else:
        found = find_config_file(here)
    if found is None:
        return Config()
    path, table = found
    return parse_config(table, source=_display(path, here), base=path.parent, cwd=here)


def parse_config(
    table: Mapping[str, object],
    *,
    source: str | None = None,
    base: str | Path | None = None,
    cwd: str | Path | None = None,
) -> Config:
    """Validate a ``[tool.tqa]`` table and build a `Config`. Relative `paths`/`baseline` are taken from `base` (the
    configuration file's folder) and rewritten relative to `cwd`."""
    from tqa.errors import ConfigError

    def fail(key: str, problem: str) -> ConfigError:
        return ConfigError(key, problem, source=source)

    if not isinstance(table, Mapping):
        raise fail("tool.tqa", "must be a table")
    here = Path(cwd if cwd is not None else os.getcwd()).resolve()
    root = Path(base).resolve() if base is not None else here
    changes: dict[str, object] = {"source_path": source, "root": str(root)}
    for key in sorted(table):
        value = table[key]
        if key not in CONFIG_KEYS:
            import difflib  # only for the error message

            close = difflib.get_close_matches(str(key).replace("_", "-"), CONFIG_KEYS, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else f" (known keys: {', '.join(CONFIG_KEYS)})"
            raise fail(str(key), "unknown key" + hint)
        if key in ("select", "ignore"):
            changes[key] = parse_rule_selectors(_str_list(value, key, fail), key, fail)
        elif key == "fail-on":
            changes["fail_on"] = _severity(value, key, fail)
        elif key == "severity":
            if not isinstance(value, Mapping):
                raise fail(key, 'expected a table of rule codes and severities, e.g. TQA301 = "warning"')
            pairs = []
            for code in sorted(value):
                sub = f"severity.{code}"
                (prefix,) = parse_rule_selectors([str(code)], sub, fail)
                if prefix == "ALL":
                    prefix = "TQA"
                pairs.append((prefix, _severity(value[code], sub, fail)))
            changes["severity"] = tuple(pairs)
        elif key == "paths":
            changes["paths"] = tuple(_rebase(p, root, here) for p in _str_list(value, key, fail))
        elif key == "exclude":
            changes["exclude"] = _str_list(value, key, fail)
        elif key == "allow-cyrillic":
            changes["allow_cyrillic"] = _str_list(value, key, fail)
        elif key == "allow-terms":
            changes["allow_terms"] = _str_list(value, key, fail)
        elif key == "date":
            changes["date"] = parse_date(value, key, fail)
        elif key == "baseline":
            if not isinstance(value, str) or not value.strip():
                raise fail(key, "expected a file name (a string)")
            changes["baseline"] = _rebase(value, root, here)
    return Config().replace(**changes)


def _str_list(value: object, key: str, fail) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise fail(key, f"expected a list of strings, got {_show(value)}")
    out = tuple(v.strip() for v in value)
    if any(not v for v in out):
        raise fail(key, "contains an empty string")
    return out


def _show(value: object) -> str:
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    return type(value).__name__ if not isinstance(value, list) else "a list of " + (
        ", ".join(sorted({type(v).__name__ for v in value})) or "nothing"
    )


def _severity(value: object, key: str, fail) -> Severity:
    if not isinstance(value, str):
        raise fail(key, f"expected one of error, warning, info, got {_show(value)}")
    try:
        return Severity.parse(value.strip())
    except ValueError:
        raise fail(key, f"expected one of error, warning, info, got {value!r}") from None


def parse_date(value: object, key: str = "date", fail=None) -> str:
    """An ISO date (YYYY-MM-DD) as a string; TOML dates are accepted too."""
    if fail is None:
        from tqa.errors import ConfigError

        def fail(k: str, problem: str) -> Exception:
            return ConfigError(k, problem)

    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value.strip()).isoformat()
        except ValueError:
            pass
    raise fail(key, f"expected a date as YYYY-MM-DD, got {_show(value)}")


def parse_rule_selectors(values: Iterable[str], key: str = "select", fail=None) -> tuple[str, ...]:
    """Normalise rule selectors: code prefixes ("TQA", "TQA3", "tqa301", "3"), "ALL", or rule names
    ("detached-attribution") → upper-case code prefixes. A full code (TQA + 3 digits) or a name must name a
    registered rule."""
    if fail is None:
        from tqa.errors import ConfigError

        def fail(k: str, problem: str) -> Exception:
            return ConfigError(k, problem)

    out: list[str] = []
    for raw in values:
        value = raw.strip()
        upper = value.upper()
        if upper == "ALL":
            out.append("ALL")
            continue
        if upper.isdigit() and len(upper) <= 3:
            upper = "TQA" + upper
        if _SELECTOR_RE.match(upper):
            if len(upper) == 6 and _lookup(upper) is None:
                raise fail(key, f"unknown rule {value!r} (see 'tqa rules')")
            out.append(upper)
            continue
        if _NAME_RE.match(value.lower()):
            cls = _lookup(value.lower())
            if cls is None:
                raise fail(key, f"unknown rule {value!r}: expected a rule name, a code like 'TQA301' or a code "
                           "prefix like 'TQA3' (see 'tqa rules')")
            out.append(cls.code)
            continue
        raise fail(key, f"expected rule codes or code prefixes like 'TQA3' or 'TQA301', got {value!r}")
    return tuple(out)


def _lookup(code_or_name: str):
    from tqa.checks.base import get_rule

    return get_rule(code_or_name)


def _rebase(path: str, root: Path, cwd: Path) -> str:
    p = Path(os.path.expanduser(path))
    if not p.is_absolute():
        p = root / p
    p = Path(os.path.normpath(p))
    try:
        rel = os.path.relpath(p, cwd)
    except ValueError:
        return str(p)
    return rel if _near(rel) else str(p)


def _near(rel: str) -> bool:
    """A relative path that climbs at most two folders (``../../x``) reads better than an absolute one."""
    parts = Path(rel).parts
    return sum(1 for part in parts if part == os.pardir) <= 2

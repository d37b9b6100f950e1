"""Command line: argparse → config → engine → formatter → exit code.

Each subcommand lives in its own module with `add_parser(subparsers)` and `run(args) -> int`; this module only routes.
Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or input error.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from tqa import __version__
from tqa.errors import TqaError

__all__ = ["main", "run"]

SUBCOMMANDS = ("check", "review", "rules", "score", "fetch")
# Commands after which the process may end without freeing its objects (see `run`): batch commands that have written
# and closed everything they write and hold no threads or child processes by the time they return.
_FAST_EXIT_COMMANDS = frozenset({"check"})
_fast_exit = False


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2 (argparse's own convention too)
        self.print_usage(sys.stderr)
        sys.stderr.write(f"tqa: error: {message}\n")
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="tqa", description="Ukrainian→English translation QA for news-agency copy.")
    parser.add_argument("--version", action="version", version=f"tqa {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in SUBCOMMANDS:
        try:
            module = importlib.import_module(f"tqa.cli.{name}_cmd")
        except ModuleNotFoundError as exc:
            if exc.name == f"tqa.cli.{name}_cmd":
                continue
            raise
        module.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return 2
    global _fast_exit
    _fast_exit = args.command in _FAST_EXIT_COMMANDS
    try:
        return int(args.handler(args) or 0)
    except TqaError as exc:
        sys.stderr.write(f"tqa: error: {exc}\n")
        return exc.exit_code
    except KeyboardInterrupt:
        sys.stderr.write("tqa: interrupted\n")
        return 130
    except BrokenPipeError:
        return 0


def run() -> None:
    """The `tqa` program (console script and ``python -m tqa``): `main`, then the exit.

    After `tqa check` the process holds a large heap — the text-keyed caches of a whole corpus, compiled patterns,
    rule tables — and a normal interpreter exit frees it object by object (≈ 0.1 s on the 11-file WMT22 benchmark,
    ~8 % of the run) for nothing. Once the report is written and the standard streams are flushed, the process
    ends with `os._exit` instead, as mypy does. Every other command (the review UI, fetch, …) exits normally."""
    code = main()
    if _fast_exit:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):  # closed or broken stream: as a normal exit would, end all the same
                pass
        os._exit(code)
    raise SystemExit(code)

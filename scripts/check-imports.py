#!/usr/bin/env python3
"""Fails when a module imports one it must not (docs/architecture.md has the graph and the why).

Reads the `import` lines of every Swift file under Sources/ and Benchmarks/; a file belongs to the
target whose folder holds it. System modules (Glibc, Synchronization, FoundationEssentials…) are
allowed everywhere except where noted; full Foundation nowhere but in the benchmarks (it brings ICU
and milliseconds of start-up to every run).
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent

# target folder -> the project's modules (and chosen packages) it may import
ALLOWED = {
    "Sources/Arguments": set(),
    "Sources/Editor": set(),
    "Sources/Engine/Execution": set(),
    "Sources/Engine/Processes": {"CSandbox"},
    "Sources/Engine/Settings": {"Execution", "TOMLKit"},
    "Sources/Engine/Sandbox": {"Execution", "Processes", "Settings", "CSandbox"},
    "Sources/Engine/Store": {"Execution", "Processes", "GRDB"},
    "Sources/Engine/Remote": {"Execution", "Processes", "CCurl"},
    "Sources/Engine/Analysis": {"Execution", "Processes"},
    "Sources/TUI": {"Editor", "Execution", "Processes", "Settings", "CNcursesw", "TOMLKit"},
    "Sources/Server": {
        "Execution", "Processes", "Settings", "Sandbox", "Store", "Analysis",
        "Hummingbird", "HummingbirdCore", "HummingbirdWebSocket", "HTTPTypes", "Logging", "NIOCore",
        "Crypto", "ServiceLifecycle", "UnixSignals",
    },
    "Sources/coderemote": None,  # the executable may import everything
    "Benchmarks/bench": None,
}
OURS = {
    "Arguments", "Editor", "Execution", "Processes", "Settings", "Sandbox", "Store", "Remote",
    "Analysis", "TUI", "Server", "CSandbox", "CCurl", "CNcursesw", "TOMLKit", "GRDB", "Hummingbird",
    "HummingbirdCore", "HummingbirdWebSocket", "HTTPTypes", "Logging", "NIOCore", "Crypto",
    "ServiceLifecycle", "UnixSignals",
}
# Modules with one file allowed to import them, because everything else goes through that file.
ONE_FILE = {"CNcursesw": "Sources/TUI/NcursesBackend.swift"}
# The pure modules: the standard library only, not even the system's C library.
# The pure modules and the system modules each may use: Execution encodes JSON, nothing more.
PURE = {"Sources/Editor": set(), "Sources/Arguments": set(), "Sources/Engine/Execution": {"FoundationEssentials"}}

IMPORT = re.compile(r"^\s*(?:@\w+(?:\([^)]*\))?\s+)*import\s+(?:(?:struct|class|enum|func|protocol)\s+)?(\w+)")


def target_of(path: pathlib.Path) -> str | None:
    relative = path.relative_to(ROOT).as_posix()
    best = None
    for folder in ALLOWED:
        if relative.startswith(folder + "/") and (best is None or len(folder) > len(best)):
            best = folder
    return best


def main() -> int:
    problems = []
    for path in sorted(list((ROOT / "Sources").rglob("*.swift")) + list((ROOT / "Benchmarks").rglob("*.swift"))):
        target = target_of(path)
        relative = path.relative_to(ROOT).as_posix()
        if target is None:
            problems.append(f"{relative}: in no known target (add its folder to scripts/check-imports.py)")
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            match = IMPORT.match(line)
            if not match:
                continue
            module = match.group(1)
            where = f"{relative}:{number}"
            if module == "Foundation" and not target.startswith("Benchmarks"):
                problems.append(f"{where}: imports all of Foundation (use FoundationEssentials)")
            if module in ONE_FILE and relative != ONE_FILE[module]:
                problems.append(f"{where}: only {ONE_FILE[module]} may import {module}")
            if target in PURE and module not in PURE[target] | ALLOWED[target]:
                problems.append(f"{where}: {target} is pure and may not import {module}")
            allowed = ALLOWED[target]
            if allowed is not None and module in OURS and module not in allowed:
                problems.append(f"{where}: {target} may not import {module} (allowed: {', '.join(sorted(allowed)) or 'none'})")
    for problem in problems:
        print("check-imports: " + problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

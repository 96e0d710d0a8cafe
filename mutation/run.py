"""`make mutation`: mutation testing of the code that issues coupons, checks in and replays idempotent answers.

Everything runs in a copy of the tree under var/mutation/ (git-ignored), never in the working tree:
1. copy the tracked and untracked-but-not-ignored files (so the copy is the working tree as it is now);
2. in the copy only, make the decorated functions reachable for mutmut, which skips decorated functions: a top-level
   `@deco def f` becomes `def f` followed by `f = deco(f)`, and idempotent()'s inner wrapper moves to a top-level
   function that the wrapper calls (its body is what runs per request, after the views were decorated at import);
3. the hand-written mutants of the SQL and module-level constants (mutation/handwritten.py);
4. mutmut on the functions listed in ROWS, each mutant against only the tests that reach its function (of the test
   files in TESTS), one at a time;
5. a table per module, counting the mutants listed in mutation/equivalent.toml out, and every other survivor.

Run it through scripts/mutation.sh (nice -n 19, its own database and cache prefix).
"""

import argparse
import json
import os
import secrets
import shutil
import subprocess
import sys
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path

import libcst as cst

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "var" / "mutation"
COPY = WORK / "tree"
VENV_BIN = Path(sys.executable).parent
EQUIVALENT = ROOT / "mutation" / "equivalent.toml"

# The test files mutmut chooses from (per mutant, only the tests that reach the mutated function run).
TESTS = [
    "tests/coupons",
    "tests/checkins",
    "tests/api/test_idempotency.py",
    "tests/api/v1/test_checkins.py",
    "tests/api/v1/test_coupons.py",
    "tests/stats/test_holdout.py",
    "tests/stats/test_significance.py",
    "tests/social/test_fanout.py",
]
# The packages mutmut copies into its mutants/ directory (tests/ and pyproject.toml are always copied).
PACKAGES = [
    "accounts",
    "api",
    "checkins",
    "config",
    "core",
    "coupons",
    "dashboard",
    "demo",
    "geo",
    "merchants",
    "social",
    "stats",
]
MUTATED_FILES = [
    "coupons/triggers/registry.py",
    "coupons/triggers/every_checkin.py",
    "coupons/triggers/first_visit.py",
    "coupons/triggers/nth_visit.py",
    "coupons/triggers/with_friends.py",
    "coupons/eligibility.py",
    "coupons/issuance.py",
    "checkins/services.py",
    "api/idempotency.py",
    "stats/campaign_stats.py",
    "stats/metrics.py",
]
# Tests left out of the mutation runs: the slowest two, whose truths faster tests pin exactly (the stock re-check after
# a stale read in test_group_issuance.py, the exact holdout split in test_holdout_split.py).
DESELECT = [
    "tests/coupons/test_concurrency.py::test_200_users_at_a_campaign_with_stock_50_get_exactly_50_coupons",
    "tests/coupons/test_issuance.py::test_holdout_split_over_many_users",
]
# Decorated functions made visible to mutmut in the copy: top-level ones lose their decorators (re-applied by an
# assignment after the definition; a listed function without decorators is left as it is); (outer, inner) pairs move
# the inner function's body to a top-level function.
UNDECORATE = {"coupons/issuance.py": ["coupons_issue_for_visit"], "checkins/services.py": ["_checkin_accept"]}
HOIST = {"api/idempotency.py": ("idempotent", "wrapper")}


@dataclass(frozen=True)
class Row:
    """One line of the report: the mutmut mutants matching `patterns` plus the hand-written mutants of `group`."""

    title: str
    patterns: tuple[str, ...] = ()
    group: str | None = None


def _functions(module: str, *names: str) -> tuple[str, ...]:
    return tuple(f"{module}.x_{name}__mutmut_*" for name in names)


ROWS = (
    Row("coupons/triggers/, coupons/eligibility.py", ("coupons.triggers.*", "coupons.eligibility.*")),
    Row("coupons/issuance.py", ("coupons.issuance.*",)),
    Row("issuance SQL in coupons/issuance.py, coupons/status.py", group="issuance SQL"),
    Row("checkins/services.py", ("checkins.services.*",)),
    Row("api/idempotency.py", ("api.idempotency.*",), group="api/idempotency.py"),
    Row(
        "stats: holdout and lift (campaign_stats.py, metrics.py)",
        (*_functions("stats.campaign_stats", "holdout_compare"), *_functions("stats.metrics", "ratio")),
        "stats: holdout and lift",
    ),
)
KILLED = {"killed", "timeout", "segfault", "suspicious", "caught by type check"}
SURVIVED = {"survived", "no tests"}


# ---------------------------------------------------------------------------------------------------------------------
# The copy
# ---------------------------------------------------------------------------------------------------------------------
def copy_tree() -> None:
    """The working tree's tracked and untracked-but-not-ignored files, as they are now, into COPY."""
    if COPY.exists():
        shutil.rmtree(COPY)
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        check=True,
        capture_output=True,
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():
            target = COPY / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)


def _reapply(name: str, decorators) -> cst.SimpleStatementLine:
    """`name = deco_1(deco_2(name))` for `@deco_1 @deco_2 def name`."""
    value: cst.BaseExpression = cst.Name(name)
    for decorator in reversed(decorators):
        value = cst.Call(func=decorator.decorator, args=[cst.Arg(value)])
    return cst.SimpleStatementLine([cst.Assign(targets=[cst.AssignTarget(cst.Name(name))], value=value)])


def _hoist(outer: cst.FunctionDef, inner_name: str) -> tuple[cst.FunctionDef, cst.FunctionDef]:
    """(top-level function with the inner function's body, the outer function whose inner function calls it)."""
    inner = next(s for s in outer.body.body if isinstance(s, cst.FunctionDef) and s.name.value == inner_name)
    hoisted_name = f"_{outer.name.value}_{inner_name}_body"
    outer_params, inner_params = outer.params.params, inner.params
    hoisted = inner.with_changes(
        name=cst.Name(hoisted_name),
        decorators=[],
        params=inner_params.with_changes(params=[*outer_params, *inner_params.params]),
        leading_lines=[cst.EmptyLine(), cst.EmptyLine()],
    )
    arguments = [p.name.value for p in (*outer_params, *inner_params.params)]
    if isinstance(inner_params.star_arg, cst.Param):
        arguments.append(f"*{inner_params.star_arg.name.value}")
    arguments += [f"{p.name.value}={p.name.value}" for p in inner_params.kwonly_params]
    if inner_params.star_kwarg:
        arguments.append(f"**{inner_params.star_kwarg.name.value}")
    call = cst.parse_statement(f"return {hoisted_name}({', '.join(arguments)})")
    delegating = inner.with_changes(body=cst.IndentedBlock(body=[call]))
    body = [delegating if s is inner else s for s in outer.body.body]
    return hoisted, outer.with_changes(body=outer.body.with_changes(body=body))


def make_decorated_functions_mutable(path: Path, undecorate: list[str], hoist: tuple[str, str] | None) -> None:
    module = cst.parse_module(path.read_text())
    body = []
    found = set()
    for statement in module.body:
        if isinstance(statement, cst.FunctionDef) and statement.name.value in undecorate:
            body.append(statement.with_changes(decorators=[]))
            if statement.decorators:
                body.append(_reapply(statement.name.value, statement.decorators))
            found.add(statement.name.value)
        elif isinstance(statement, cst.FunctionDef) and hoist and statement.name.value == hoist[0]:
            body += list(_hoist(statement, hoist[1]))
            found.add(statement.name.value)
        else:
            body.append(statement)
    missing = set(undecorate) | ({hoist[0]} if hoist else set())
    if missing - found:
        raise SystemExit(f"{path}: no function {sorted(missing - found)} to make mutable; update mutation/run.py")
    path.write_text(module.with_changes(body=body).code)


def configure_mutmut() -> None:
    """mutmut's settings, in the copy's pyproject.toml only."""
    settings = {
        "source_paths": PACKAGES,
        "only_mutate": MUTATED_FILES,
        "pytest_add_cli_args_test_selection": TESTS,
        "pytest_add_cli_args": ["-p", "tests._mutation_plugin", *(f"--deselect={test}" for test in DESELECT)],
        "use_git_change_detection": False,
    }
    lines = ["", "[tool.mutmut]"] + [f"{key} = {json.dumps(value)}" for key, value in settings.items()]
    with (COPY / "pyproject.toml").open("a") as pyproject:
        pyproject.write("\n".join(lines) + "\n")


def prepare() -> None:
    copy_tree()
    shutil.copy(ROOT / "mutation" / "pytest_plugin.py", COPY / "tests" / "_mutation_plugin.py")
    for name in MUTATED_FILES:
        if name in UNDECORATE or name in HOIST:
            make_decorated_functions_mutable(COPY / name, UNDECORATE.get(name, []), HOIST.get(name))
    configure_mutmut()


# ---------------------------------------------------------------------------------------------------------------------
# Running
# ---------------------------------------------------------------------------------------------------------------------
def run_logged(command: list[str], log: Path, *, echo_prefix: str = "") -> None:
    """Run in the copy, output to `log`; with `echo_prefix`, each mutant's verdict line is echoed too."""
    # The copy has no var/secret_key (var/ is not copied): a throwaway key for this run's tests.
    env = {"DJANGO_SECRET_KEY": secrets.token_urlsafe(64), **os.environ}
    with log.open("w") as out:
        process = subprocess.Popen(
            command, cwd=COPY, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        for line in process.stdout:
            out.write(line)
            if echo_prefix and line.startswith("MUTANT "):
                print(f"{echo_prefix}{line.removeprefix('MUTANT ').rstrip()}", flush=True)
        if process.wait() != 0:
            raise SystemExit(f"{command[0]} failed: see {log}")


def run_handwritten() -> dict:
    out = WORK / "handwritten.json"
    run_logged(
        [sys.executable, str(COPY / "mutation" / "handwritten.py"), str(out)],
        WORK / "handwritten.log",
        echo_prefix="  ",
    )
    return json.loads(out.read_text())


def run_mutmut() -> None:
    patterns = [pattern for row in ROWS for pattern in row.patterns]
    run_logged([str(VENV_BIN / "mutmut"), "run", "--max-children", "1", *patterns], WORK / "mutmut.log")


def mutmut_results() -> dict:
    """{key: {"row", "status", "name"}} for the mutmut mutants of ROWS, read in the copy with mutmut's own readers."""
    import fnmatch

    os.chdir(COPY)
    sys.path.insert(0, str(COPY))
    from mutmut.mutation.data import SourceFileMutationData
    from mutmut.mutation.diff_apply import get_diff_for_mutant
    from mutmut.stats import status_by_exit_code
    from mutmut.utils.format_utils import mangled_name_from_mutant_name

    results = {}
    for path in MUTATED_FILES:
        data = SourceFileMutationData(path=path)
        data.load()
        for name, exit_code in data.exit_code_by_key.items():
            row = next((r for r in ROWS if any(fnmatch.fnmatch(name, p) for p in r.patterns)), None)
            if row is None:
                continue
            status = status_by_exit_code[exit_code]
            mangled = mangled_name_from_mutant_name(name).rpartition(".")[2]  # x_function or xǁClassǁmethod
            function = mangled.removeprefix("x_") if mangled.startswith("x_") else mangled[2:].replace("ǁ", ".")
            module = name.rpartition(".")[0]
            diff = get_diff_for_mutant(name, path=path) if status not in KILLED else ""
            removed = [
                line[1:].strip() for line in diff.splitlines() if line.startswith("-") and not line.startswith("---")
            ]
            added = [
                line[1:].strip() for line in diff.splitlines() if line.startswith("+") and not line.startswith("+++")
            ]
            key = f"{module}.{function}: {' / '.join(removed)} -> {' / '.join(added)}" if diff else name
            results[key if key not in results else f"{key} [{name}]"] = {
                "row": row.title,
                "status": status,
                "name": name,
            }
    return results


# ---------------------------------------------------------------------------------------------------------------------
# The report
# ---------------------------------------------------------------------------------------------------------------------
def report(python: dict, handwritten: dict, equivalent: dict, elapsed: float) -> str:
    lines = [
        "| module | mutants | killed | equivalent | score without equivalents |",
        "|---|---|---|---|---|",
    ]
    survivors, wrongly_equivalent, stale = [], [], []
    for row in ROWS:
        counts = {"python": [0, 0, 0], "hand": [0, 0, 0]}  # mutants, killed, equivalent
        for kind, results, match in (
            ("python", python, lambda r, row=row: r["row"] == row.title),
            ("hand", handwritten, lambda r, row=row: r["group"] == row.group),
        ):
            for key, result in results.items():
                if not match(result):
                    continue
                if result["status"] == "stale":
                    stale.append(f"{key}: {result.get('detail', '')}")
                    continue
                if result["status"] not in KILLED | SURVIVED:
                    raise SystemExit(f"{key}: {result['status']}: the run did not finish")
                counts[kind][0] += 1
                if result["status"] in KILLED:
                    counts[kind][1] += 1
                    if key in equivalent:
                        wrongly_equivalent.append(key)
                elif key in equivalent:
                    counts[kind][2] += 1
                else:
                    survivors.append(f"[{row.title}] {key} ({result['status']})")
        total, killed, same = (counts["python"][i] + counts["hand"][i] for i in range(3))
        score = f"{100 * killed / (total - same):.1f} %" if total > same else "-"
        python_cells, hand = counts["python"], counts["hand"]
        if not python_cells[0]:
            cells = [str(n) for n in hand]
        elif hand[0]:
            cells = [f"{p} (+{h} hand-written)" for p, h in zip(python_cells, hand, strict=True)]
        else:
            cells = [str(n) for n in python_cells]
        lines.append(f"| {row.title} | {' | '.join(cells)} | {score} |")
    lines += ["", f"Took {elapsed / 60:.0f} min."]
    if survivors:
        lines += ["", "Survivors (not listed as equivalent):", *(f"- {s}" for s in survivors)]
    if wrongly_equivalent:
        lines += ["", "Listed as equivalent but killed (remove from mutation/equivalent.toml):"]
        lines += [f"- {key}" for key in wrongly_equivalent]
    if stale:
        lines += ["", "Hand-written mutants that no longer match the code (update mutation/handwritten.py):"]
        lines += [f"- {s}" for s in stale]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-handwritten", action="store_true", help="only the mutmut mutants")
    parser.add_argument("--skip-mutmut", action="store_true", help="only the hand-written mutants")
    args = parser.parse_args()
    started = time.monotonic()
    WORK.mkdir(parents=True, exist_ok=True)
    print(f"==> copying the tree to {COPY.relative_to(ROOT)}", flush=True)
    prepare()
    handwritten = {}
    if not args.skip_handwritten:
        print("==> hand-written mutants (SQL and module-level constants)", flush=True)
        handwritten = run_handwritten()
    python = {}
    if not args.skip_mutmut:
        print(f"==> mutmut (log: {(WORK / 'mutmut.log').relative_to(ROOT)})", flush=True)
        run_mutmut()
        python = mutmut_results()
    equivalent = {entry["mutant"]: entry["reason"] for entry in tomllib.loads(EQUIVALENT.read_text())["equivalent"]}
    table = report(python, handwritten, equivalent, time.monotonic() - started)
    (WORK / "report.md").write_text(table + "\n")
    (WORK / "results.json").write_text(json.dumps({"mutmut": python, "handwritten": handwritten}, indent=2))
    print(table)


if __name__ == "__main__":
    main()

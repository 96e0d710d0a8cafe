"""Hand-written mutants of what mutmut cannot reach: the issuance and idempotency SQL, the running rule, constants.

mutmut mutates statements inside functions and switches mutants at call time; the SQL texts and thresholds below are
module-level values, some built at import time (the running rule of coupons.status goes into SQL texts of four
modules), so each mutant here is a textual replacement inside one named top-level definition.
`python mutation/handwritten.py OUT.json` runs them one at a time from the root of a copy of the tree (never the
working tree: run.py makes the copy): it imports the project once (a pytest --collect-only, which touches no
database), checks that each set of tests passes unmutated, then for each mutant writes the change into the copy's
file, forks, re-executes the changed module and its dependents in the child (rebinding the names other modules
imported from them), runs the mutant's tests with -x, and restores the file. pytest's exit status 0 means the mutant
survived.
"""

import ast
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path

ISSUANCE_TESTS = (
    "tests/coupons/test_group_issuance.py",
    "tests/coupons/test_issuance.py",
    "tests/coupons/test_issuance_races.py",
    "tests/coupons/test_concurrency.py",
)
RUNNING_TESTS = (*ISSUANCE_TESTS, "tests/api/v1/test_nearby.py", "tests/api/v1/test_merchants.py")
IDEMPOTENCY_TESTS = (
    "tests/api/test_idempotency.py",
    "tests/api/v1/test_checkins.py",
    "tests/api/v1/test_coupons.py",
    "tests/coupons/test_concurrency.py::test_one_idempotency_key_retried_10_times_in_parallel_checks_in_once",
)
STATS_TESTS = ("tests/stats/test_significance.py", "tests/stats/test_holdout.py")


@dataclass(frozen=True)
class Mutant:
    """`old` -> `new` inside the top-level definition `constant` of `path` (it must occur there exactly once)."""

    group: str  # the row of the report it counts in
    path: str
    constant: str
    old: str
    new: str
    tests: tuple[str, ...]
    # modules whose import-time values are built from this definition, re-executed after it, in this order
    dependents: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        return f"{self.path.removesuffix('.py').replace('/', '.')}.{self.constant}: {self.old} -> {self.new}"


def _issuance(constant: str, old: str, new: str) -> Mutant:
    return Mutant("issuance SQL", "coupons/issuance.py", constant, old, new, ISSUANCE_TESTS)


# Modules whose import-time SQL is built from the running rule, in import order.
_RUNNING_DEPENDENTS = ("coupons.selectors", "coupons.nearby", "coupons.issuance", "checkins.selectors")


def _running(definition: str, old: str, new: str) -> Mutant:
    return Mutant("issuance SQL", "coupons/status.py", definition, old, new, RUNNING_TESTS, _RUNNING_DEPENDENTS)


def _idempotency(constant: str, old: str, new: str) -> Mutant:
    return Mutant("api/idempotency.py", "api/idempotency.py", constant, old, new, IDEMPOTENCY_TESTS)


def _stats(constant: str, old: str, new: str) -> Mutant:
    return Mutant("stats: holdout and lift", "stats/campaign_stats.py", constant, old, new, STATS_TESTS)


MUTANTS = (
    # The per-user reservation (one fragment, in both paths).
    _issuance("_RESERVED_CTE", "{source}WHERE NOT %(holdout)s", "{source}"),
    _issuance("_RESERVED_CTE", "%(user)s, 1 {source}", "%(user)s, 0 {source}"),
    _issuance("_RESERVED_CTE", "counter.issued + 1", "counter.issued + 0"),
    _issuance("_RESERVED_CTE", "counter.issued < (", "counter.issued <= ("),
    # Taking a unit of stock (both paths): the re-check that the campaign still runs, at the visit's time.
    _issuance("_STOCK_CTE", "c.issued_count + 1", "c.issued_count + 0"),
    _issuance("_STOCK_CTE", ' AND {CAMPAIGN_RUNNING.sql(alias="c", now="%(now)s")}', ""),
    _issuance("_STOCK_CTE", 'now="%(now)s"', 'now="now()"'),
    # Writing the coupon (both paths, and the code retry).
    _issuance("_COUPON_CTE", "%(now)s + coupon_valid_days", "%(now)s + (coupon_valid_days + 1)"),
    _issuance("_COUPON_CTE", "%(code)s, %(checkin)s,", "%(code)s, NULL::bigint + %(checkin)s,"),
    _issuance("_COUPON_CTE", "ON CONFLICT (code) DO NOTHING", ""),
    # The group path: eligibility and slot, then unit and coupon.
    _issuance("_RESERVE_SQL", "DO NOTHING", "DO UPDATE SET created_at = EXCLUDED.created_at"),
    _issuance("_RESERVE_SQL", "(SELECT issued FROM reserved)", "1"),
    _issuance("_ISSUE_SQL", "SET coupon_id = (SELECT id FROM coupon)", "SET coupon_id = NULL"),
    _issuance(
        "_ISSUE_SQL", "WHERE id = %(eligibility)s AND EXISTS (SELECT 1 FROM coupon)", "WHERE id = %(eligibility)s"
    ),
    # The fast path: the unit is taken only with a slot; the eligibility row carries the coupon.
    _issuance("_RESERVE_AND_ISSUE_SQL", 'guard=" AND EXISTS (SELECT 1 FROM reserved)"', 'guard=""'),
    _issuance("_RESERVE_AND_ISSUE_SQL", "%(now)s, (SELECT id FROM coupon))", "%(now)s, NULL)"),
    # A code collision: the coupon is written again as the stock CTE would, and linked.
    _issuance("_CODE_RETRY_SQL", "%(days)s::integer", "(%(days)s::integer + 1)"),
    _issuance("_LINK_SQL", "SET coupon_id = %s", "SET coupon_id = NULL + %s"),
    # Giving a per-user slot back.
    _issuance("_RELEASE_SQL", "issued - 1", "issued - 0"),
    _issuance("_RELEASE_SQL", "campaign_id = %(campaign)s AND ", ""),
    _issuance("_RELEASE_SQL", " AND user_id = %(user)s", ""),
    # What "running" means (coupons.status): read before issuing, and re-checked by the issue statements.
    _running("CAMPAIGN_RUNNING", '("paused", (IsNull("paused_at"),))', '("paused", ())'),
    _running("CAMPAIGN_RUNNING", 'IsNull("ended_at"), After("ends_at")', 'After("ends_at"),'),
    _running("CAMPAIGN_RUNNING", 'IsNull("ended_at"), After("ends_at")', 'IsNull("ended_at"),'),
    _running("CAMPAIGN_RUNNING", '("scheduled", (AtOrBefore("starts_at"),))', '("scheduled", ())'),
    _running("CAMPAIGN_RUNNING", '("sold_out", (StockLeft(),))', '("sold_out", ())'),
    _running("IsNull", "IS NULL", "IS NOT NULL"),
    _running("AtOrBefore", '<= {now}"', '< {now}"'),
    _running("After", '> {now}"', '>= {now}"'),
    _running("StockLeft", "{alias}.issued_count < {alias}.total_stock", "{alias}.issued_count <= {alias}.total_stock"),
    # Idempotency: the claim, the stored answer, and the constants mutmut cannot reach.
    _idempotency("_CLAIM_SQL", "DO NOTHING", "DO UPDATE SET created_at = EXCLUDED.created_at"),
    _idempotency("_CLAIM_SQL", "statement_timestamp()", "statement_timestamp() - interval '25 hours'"),
    _idempotency("_CLAIM_SQL", "'off'", "'on'"),
    _idempotency("_ANSWER_SQL", "status_code = %s", "status_code = 200 + 0 * %s"),
    _idempotency("_ANSWER_SQL", "WHERE id = %s", "WHERE id <> %s"),
    _idempotency("IN_FLIGHT_ABANDONED_AFTER", "seconds=120", "seconds=121"),
    _idempotency("IN_FLIGHT_ABANDONED_AFTER", "seconds=120", "seconds=119"),
    _idempotency("MAX_KEY_LENGTH", "255", "256"),
    _idempotency("MAX_KEY_LENGTH", "255", "254"),
    # The holdout verdict's thresholds.
    _stats("HOLDOUT_MIN_USERS", "30", "31"),
    _stats("HOLDOUT_MIN_USERS", "30", "29"),
    _stats("Z_95", "1.959964", "1.0"),
)


def definition_span(source: str, name: str) -> tuple[int, int]:
    """The character range of the top-level assignment to `name` (or of the function or class `name`)."""
    for node in ast.parse(source).body:
        assigns = isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets)
        if assigns or (isinstance(node, ast.FunctionDef | ast.ClassDef) and node.name == name):
            lines = source.splitlines(keepends=True)
            start = sum(len(line) for line in lines[: node.lineno - 1])
            end = sum(len(line) for line in lines[: node.end_lineno])
            return start, end
    raise LookupError(f"no module-level definition of {name}")


def mutate(source: str, mutant: Mutant) -> str:
    """The source with the mutant applied; LookupError when the mutant no longer matches the code."""
    start, end = definition_span(source, mutant.constant)
    text = source[start:end]
    if text.count(mutant.old) != 1:
        raise LookupError(f"{mutant.key}: found {text.count(mutant.old)} times in {mutant.constant}, not once")
    return source[:start] + text.replace(mutant.old, mutant.new) + source[end:]


def _module_name(path: str) -> str:
    return path.removesuffix(".py").replace("/", ".")


_PROJECT = (
    "accounts",
    "api",
    "checkins",
    "config",
    "core",
    "coupons",
    "dashboard",
    "geo",
    "merchants",
    "social",
    "stats",
)
_VALUES = (int, float, str, bytes, bool, type(None), tuple, frozenset)


def _reexecute(names: tuple[str, ...]) -> None:
    """Run each module's (mutated) source again in its own namespace, then point the names that other project modules
    imported from it at the new objects (functions and classes; plain values are left alone, since an equal value may
    be shared by unrelated names)."""
    for name in names:
        module = sys.modules[name]
        before = dict(vars(module))
        exec(compile(Path(module.__file__).read_text(), module.__file__, "exec"), vars(module))  # noqa: S102
        renewed = {
            id(old): vars(module)[key]
            for key, old in before.items()
            if not isinstance(old, _VALUES) and vars(module).get(key) is not old
        }
        for other in list(sys.modules.values()):
            if other is module or not getattr(other, "__name__", "").startswith(_PROJECT + ("tests",)):
                continue
            for attr, value in list(vars(other).items()):
                if id(value) in renewed and not isinstance(value, _VALUES):
                    setattr(other, attr, renewed[id(value)])


class _FirstFailure:
    """pytest plugin: the node id of the first failing test."""

    def __init__(self):
        self.nodeid = ""

    def pytest_runtest_logreport(self, report):
        if report.failed and not self.nodeid:
            self.nodeid = report.nodeid


def _run_in_child(mutant: Mutant | None, tests: tuple[str, ...]) -> tuple[int, str]:
    """Fork; the child re-executes the mutated module and its dependents (none for a clean run) and runs the tests.
    (pytest's exit code, the first failing test)."""
    import pytest

    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_end)
        failure = _FirstFailure()
        try:
            if mutant:
                _reexecute((_module_name(mutant.path), *mutant.dependents))
            args = ["-x", "-q", "--no-header", "-p", "no:cacheprovider", *tests]
            status = int(pytest.main(args, plugins=[failure]))
        except BaseException as exc:  # noqa: BLE001 (failing to even run counts as a kill, as in mutmut)
            status, failure.nodeid = 3, f"(setup: {exc!r})"
        sys.stdout.flush()
        os.write(write_end, failure.nodeid.encode())
        os._exit(status)
    os.close(write_end)
    with os.fdopen(read_end) as pipe:
        killer = pipe.read()
    _, wait_status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(wait_status), killer


def main(out: Path) -> None:
    sys.path.insert(0, os.getcwd())  # the copy's packages, whatever directory this script lives in
    import pytest

    # Import conftest, Django and every module the tests import, once, without touching the database.
    all_tests = sorted({test.split("::")[0] for mutant in MUTANTS for test in mutant.tests})
    if pytest.main(["--collect-only", "-qq", "-p", "no:cacheprovider", *all_tests]) != 0:
        raise SystemExit("collecting the tests failed")
    # Each set of tests must pass on the unmutated code, or every mutant would look killed.
    for tests in dict.fromkeys(mutant.tests for mutant in MUTANTS):
        code, failed = _run_in_child(None, tests)
        if code != 0:
            raise SystemExit(f"the tests fail without any mutant ({failed}): fix them first")
    results = {}
    for mutant in MUTANTS:
        path = Path(mutant.path)
        original = path.read_text()
        try:
            mutated = mutate(original, mutant)
        except LookupError as exc:
            print(f"MUTANT stale {mutant.key}", flush=True)
            results[mutant.key] = {"group": mutant.group, "status": "stale", "detail": str(exc)}
            continue
        path.write_text(mutated)
        try:
            code, killer = _run_in_child(mutant, mutant.tests)
        finally:
            path.write_text(original)
        status = "survived" if code == 0 else "killed"
        print(f"MUTANT {status} {mutant.key}" + (f"  <- {killer}" if killer else ""), flush=True)
        results[mutant.key] = {"group": mutant.group, "status": status, "exit_code": code, "killed_by": killer}
    out.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main(Path(sys.argv[1]))

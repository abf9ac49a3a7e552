"""Named checks for the boto3 end-to-end scripts (e2e/boto3_*.py).

A script registers each check with @check (its docstring is the name) and
ends with sys.exit(run_all("label")): every check runs in order and prints
"ok   <name>" or "FAIL <name>" with the reason, then a "N passed, M failed"
line that e2e/run.sh counts.
"""

import traceback

from botocore.exceptions import ClientError

CHECKS = []


def check(fn):
    """Registers fn as a named check (its docstring is the name); run in order."""
    CHECKS.append(fn)
    return fn


def run(fn):
    """Runs one check and reports it; returns False if it failed."""
    name = fn.__doc__.strip()
    try:
        fn()
        print(f"ok   {name}")
        return True
    except AssertionError as e:
        print(f"FAIL {name}\n       {e}")
    except ClientError as e:
        print(f"FAIL {name}\n       unexpected AWS error: {e}")
    except Exception:  # noqa: BLE001 - report any crash as a failed check
        print(f"FAIL {name}\n       " + traceback.format_exc().replace("\n", "\n       "))
    return False


def run_all(label):
    """Runs every registered check; returns the exit status (1 if any failed)."""
    failed = sum(not run(fn) for fn in CHECKS)
    print(f"{label}: {len(CHECKS) - failed} passed, {failed} failed")
    return 1 if failed else 0

"""Salve's aws:executeScript bootstrap.

Reads one JSON request from stdin ({"script", "handler", "events",
"context"}), runs the script in a fresh module, calls handler(events,
context) and writes one JSON result to file descriptor 3, so that
whatever the script prints never mixes with it:

    {"ok": true, "payload": <return value>}
    {"ok": false, "error": {"type", "message", "traceback"}}
"""
import json
import linecache
import os
import sys
import traceback
import types

RESULT_FD = 3
SCRIPT_FILE = "customer_script.py"


class Context(dict):
    """The handler's second argument: a dict that also offers attributes."""

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


def error(exc, tb):
    """Describes exc, its traceback starting at tb (bootstrap frames cut)."""
    lines = traceback.format_exception(type(exc), exc, tb)
    return {
        "type": type(exc).__name__,
        "message": str(exc),
        "traceback": "".join(lines).rstrip("\n"),
    }


def load(script):
    """Runs script in a new module; linecache lets tracebacks show its lines."""
    linecache.cache[SCRIPT_FILE] = (len(script), None, script.splitlines(True), SCRIPT_FILE)
    module = types.ModuleType("customer_script")
    module.__file__ = SCRIPT_FILE
    sys.modules["customer_script"] = module
    exec(compile(script, SCRIPT_FILE, "exec"), module.__dict__)
    return module


def run(req):
    """Calls the handler; returns the result object to write."""
    try:
        module = load(req["script"])
        handler = getattr(module, req["handler"], None)
        if not callable(handler):
            return {"ok": False, "error": {
                "type": "HandlerNotFound",
                "message": "Handler %s is not a function defined by the script." % req["handler"],
                "traceback": "",
            }}
        payload = handler(req["events"], Context(req["context"]))
    except BaseException as exc:  # SystemExit and KeyboardInterrupt fail the step too.
        return {"ok": False, "error": error(exc, exc.__traceback__.tb_next)}
    return {"ok": True, "payload": payload}


def encode(result):
    """JSON-encodes result; values JSON lacks (datetimes, Decimals) as str."""
    try:
        return json.dumps(result, default=str, allow_nan=False)
    except (TypeError, ValueError) as exc:
        return json.dumps({"ok": False, "error": {
            "type": type(exc).__name__,
            "message": "The handler's return value cannot be encoded as JSON: %s" % exc,
            "traceback": "",
        }})


def main():
    out = os.fdopen(RESULT_FD, "w", encoding="utf-8")
    req = json.load(sys.stdin)
    sys.argv = [SCRIPT_FILE]
    result = run(req)
    sys.stdout.flush()
    sys.stderr.flush()
    out.write(encode(result))
    out.close()
    sys.stdout.flush()
    sys.stderr.flush()
    # Threads the script left running must not keep the step alive.
    os._exit(0)


if __name__ == "__main__":
    main()

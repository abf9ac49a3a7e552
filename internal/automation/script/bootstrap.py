"""Salve's bootstrap for aws:executeScript steps and Lambda-style functions.

Reads one JSON request from stdin and writes one JSON result to file
descriptor 3, so that whatever the code prints never mixes with it:

    {"ok": true, "payload": <return value>}
    {"ok": false, "error": {"type", "message", "traceback", "stack"}}

A script request ({"script", "handler", "events", "context"}) runs the
script in a fresh module and calls handler(events, context).

A function request ({"mode": "function", "handler": "module.function",
"event": JSON text, "context"}) imports the module from the working
directory (the function's code) as Lambda's Python runtime does, then
writes one byte, "S", to descriptor 3 (Salve starts the function's timeout
there, after initialisation, as Lambda does) and calls
function(event, context) with a Lambda context object. Failures carry
Lambda's error types (Runtime.ImportModuleError, Runtime.HandlerNotFound,
Runtime.MarshalError, …) and "stack", the frames as Lambda lists them.
"""
import decimal
import importlib
import json
import linecache
import os
import sys
import time
import traceback
import types

RESULT_FD = 3
SCRIPT_FILE = "customer_script.py"
STARTED = "S"


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


class Attrs:
    """An object whose attributes are the given keywords."""

    def __init__(self, **kw):
        self.__dict__.update(kw)


class LambdaContext:
    """The handler's second argument, as Lambda's Python runtime builds it
    (memory_limit_in_mb is a string there too)."""

    def __init__(self, c):
        env = os.environ.get
        self.aws_request_id = c["aws_request_id"]
        self.invoked_function_arn = c["invoked_function_arn"]
        self.function_name = env("AWS_LAMBDA_FUNCTION_NAME")
        self.function_version = env("AWS_LAMBDA_FUNCTION_VERSION")
        self.memory_limit_in_mb = env("AWS_LAMBDA_FUNCTION_MEMORY_SIZE")
        self.log_group_name = env("AWS_LAMBDA_LOG_GROUP_NAME")
        self.log_stream_name = env("AWS_LAMBDA_LOG_STREAM_NAME")
        self.identity = Attrs(cognito_identity_id=None, cognito_identity_pool_id=None)
        self.client_context = client_context(c.get("client_context"))
        self.tenant_id = None
        self._timeout = c["timeout_ms"] / 1000.0
        self._deadline = time.monotonic() + self._timeout

    def start(self):
        """Starts the clock of get_remaining_time_in_millis."""
        self._deadline = time.monotonic() + self._timeout

    def get_remaining_time_in_millis(self):
        return max(int((self._deadline - time.monotonic()) * 1000), 0)

    def log(self, msg):
        sys.stdout.write(str(msg))


def client_context(cc):
    """The context's client_context: None, or objects as Lambda makes them."""
    if not cc:
        return None
    client = cc.get("client") or {}
    return Attrs(
        client=Attrs(installation_id=client.get("installation_id"), app_title=client.get("app_title"),
                     app_version_name=client.get("app_version_name"),
                     app_version_code=client.get("app_version_code"),
                     app_package_name=client.get("app_package_name")),
        custom=cc.get("custom"), env=cc.get("env"))


class Fault(Exception):
    """A failure Lambda's runtime reports under its own error type."""

    def __init__(self, kind, message, stack=None):
        super().__init__(message)
        self.kind, self.message, self.stack = kind, message, stack or []


def fault(kind, message, stack=None):
    return {"type": kind, "message": message, "traceback": "", "stack": stack or []}


def function_handler(name):
    """Imports the handler's module from the working directory."""
    try:
        modname, fname = name.rsplit(".", 1)
    except ValueError as exc:
        raise Fault("Runtime.MalformedHandlerName", "Bad handler '%s': %s" % (name, exc))
    try:
        if modname.split(".")[0] in sys.builtin_module_names:
            raise Fault("Runtime.BuiltInModuleConflict",
                        "Cannot use built-in module %s as a handler module" % modname)
        module = importlib.import_module(modname.replace("/", "."))
    except ImportError as exc:
        raise Fault("Runtime.ImportModuleError", "Unable to import module '%s': %s" % (modname, exc))
    except SyntaxError as exc:
        raise Fault("Runtime.UserCodeSyntaxError", "Syntax error in module '%s': %s" % (modname, exc),
                    [' File "%s" Line %s\n %s' % (exc.filename, exc.lineno, exc.text)])
    try:
        return getattr(module, fname)
    except AttributeError:
        raise Fault("Runtime.HandlerNotFound", "Handler '%s' missing on module '%s'" % (fname, modname))


def frames(tb):
    """The traceback's frames as Lambda lists them, the bootstrap's cut."""
    here = os.path.abspath(__file__)
    entries = [f for f in traceback.extract_tb(tb) if os.path.abspath(f.filename) != here]
    return traceback.format_list(entries)


def run_function(req, out):
    """Imports and calls the function's handler; returns the result object."""
    sys.path.insert(0, os.getcwd())
    try:
        context = LambdaContext(req["context"])
        handler = function_handler(req["handler"])
        event = json.loads(req["event"])
        out.write(STARTED)
        out.flush()
        context.start()
        payload = handler(event, context)
    except Fault as f:
        return {"ok": False, "error": fault(f.kind, f.message, f.stack)}
    except Exception as exc:  # SystemExit ends the runtime, as on Lambda (Runtime.ExitError).
        err = error(exc, exc.__traceback__.tb_next)
        err["stack"] = frames(exc.__traceback__)
        return {"ok": False, "error": err}
    return {"ok": True, "payload": payload}


def lambda_default(o):
    """Lambda's Python runtime encodes Decimals as numbers, nothing else."""
    if isinstance(o, decimal.Decimal):
        return float(o)
    raise TypeError("Object of type %s is not JSON serializable" % type(o).__name__)


def encode_function(result):
    """JSON-encodes a function's result as Lambda's Python runtime does."""
    if not result["ok"]:
        return encode(result)
    try:
        body = json.dumps(result["payload"], default=lambda_default, allow_nan=False)
    except (TypeError, ValueError, RecursionError) as exc:
        return encode({"ok": False, "error": fault("Runtime.MarshalError", "Unable to marshal response: %s" % exc)})
    return '{"ok": true, "payload": %s}' % body


def main():
    out = os.fdopen(RESULT_FD, "w", encoding="utf-8")
    req = json.load(sys.stdin)
    if req.get("mode") == "function":
        sys.argv = [""]
        result = encode_function(run_function(req, out))
    else:
        sys.argv = [SCRIPT_FILE]
        result = encode(run(req))
    sys.stdout.flush()
    sys.stderr.flush()
    out.write(result)
    out.close()
    sys.stdout.flush()
    sys.stderr.flush()
    # Threads the script left running must not keep the step alive.
    os._exit(0)


if __name__ == "__main__":
    main()

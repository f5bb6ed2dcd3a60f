"""The platform agent for Python (see ../PROTOCOL.md).

Runs as the sandbox's main process: `python3 -I -S -B agent.py <work-dir>`. Isolated mode and
no `site` mean nothing a candidate ships (sitecustomize.py, .pth files, PYTHON* variables)
runs before the agent; the work dir joins sys.path only to import the entry module.
"""
import builtins
import functools
import importlib
import json
import math
import os
import re
import sys
import traceback
import types

WORK_DIR = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "/sandbox/work")

# The frame channel is ours alone: keep a private copy of fd 1, then point fd 1 and
# sys.stdout at stderr so whatever the candidate prints is captured as log output.
_frames = os.fdopen(os.dup(1), "w", encoding="utf-8", buffering=1)
os.dup2(2, 1)
sys.stdout = sys.stderr

_candidate = None
_interface = {"classes": {}, "functions": {}}
_instances = {}
_clocks = {}
_next_ref = 1
# The runner's nonce of the request being handled: a fake's callback names it.
_current_request = None


class CallError(Exception):
    def __init__(self, type_name, message):
        super().__init__(message)
        self.type_name = type_name


def send(frame):
    _frames.write(json.dumps(frame, allow_nan=False, default=_fallback) + "\n")
    _frames.flush()


def _fallback(value):
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    raise TypeError(f"cannot send a {type(value).__name__} as JSON")


@functools.lru_cache(maxsize=1024)
def snake(name):
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def describe(error):
    if isinstance(error, CallError):
        return {"type": error.type_name, "message": str(error)}
    # The class and its bases, nearest first, so a subclass of ValueError counts as one.
    lineage = [cls.__name__[:100] for cls in type(error).__mro__ if cls not in (object, BaseException)][:16]
    return {"type": type(error).__name__, "message": str(error)[:2000], "lineage": lineage}


# Portable error kinds as Python raises them (see ../PROTOCOL.md, "Portable errors").
_KIND_ERRORS = {"invalid-argument": ValueError, "not-found": KeyError, "state-conflict": RuntimeError}
_named_errors = {}


def native_error(failure):
    """The exception a fake's failure becomes: a portable kind, a built-in exception, or a class of that name."""
    type_name = str(failure.get("type", "Exception"))
    cls = _KIND_ERRORS.get(type_name)
    if cls is None:
        builtin = getattr(builtins, type_name, None)
        if isinstance(builtin, type) and issubclass(builtin, Exception):
            cls = builtin
        else:
            # One class per name, so `except` and `isinstance` hold across calls.
            cls = _named_errors.setdefault(type_name, type(type_name, (Exception,), {}))
    return cls(str(failure.get("message", "")))


def call_fake(fake_id, method, *args):
    """A fake's call: the callback frame goes out and the agent blocks on stdin for the answer.

    The harness may set a clock meanwhile (its method takes virtual time); nothing else can run
    while the candidate's code waits here, so anything else is refused.
    """
    request = _current_request
    send({"type": "callback", "request": request, "fake": fake_id, "method": method, "args": [encode(a) for a in args]})
    while True:
        line = sys.stdin.readline()
        if not line:
            os._exit(0)
        frame = json.loads(line)
        if frame.get("op") == "return" and frame.get("request") == request:
            if frame.get("ok"):
                return frame.get("value")
            raise native_error(frame.get("error") or {})
        if frame.get("op") == "clock":
            _clocks[frame.get("clock", "")] = frame.get("set", 0)
            send({"id": frame.get("id"), "ok": True, "value": None})
        else:
            message = f"a {frame.get('op')} request cannot run while a fake's method runs; only clock requests can"
            send({"id": frame.get("id"), "ok": False, "error": {"type": "AgentError", "message": message}})


def fake_proxy(fake_id, methods):
    proxy = types.SimpleNamespace()
    for method in methods if isinstance(methods, list) else []:
        setattr(proxy, snake(str(method)), functools.partial(call_fake, fake_id, str(method)))
    return proxy


def safe_relative(path):
    normalised = os.path.normpath(path)
    if normalised.startswith("..") or os.path.isabs(normalised):
        raise CallError("LoadError", f"refused path {path}")
    return normalised


def load(frame):
    global _candidate, _interface
    _interface = frame["interface"]
    for file in frame["files"]:
        target = os.path.join(WORK_DIR, safe_relative(file["path"]))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "w", encoding="utf-8") as handle:
            handle.write(file["content"])
    entry = safe_relative(frame["entry"])
    module_name = entry[:-3].replace(os.sep, ".") if entry.endswith(".py") else entry
    sys.path.insert(0, WORK_DIR)
    try:
        _candidate = importlib.import_module(module_name)
    except SyntaxError as error:
        where = f"{os.path.relpath(error.filename or entry, WORK_DIR)}:{error.lineno}"
        send({"type": "load_error", "kind": "compile_error", "message": f"SyntaxError at {where}: {error.msg}"})
        return False
    except BaseException as error:  # noqa: BLE001 - anything raised at import is the candidate's crash
        tail = traceback.format_exception_only(type(error), error)[-1].strip()
        send({"type": "load_error", "kind": "crashed", "message": tail[:2000]})
        return False
    declared = list(_interface["classes"]) + [snake(n) for n in _interface["functions"]] + list(_interface.get("errors") or {})
    send({"type": "loaded", "missing": [n for n in declared if not callable(getattr(_candidate, n, None))]})
    return True


def clock_function(clock_id):
    _clocks.setdefault(clock_id, 0)
    return lambda: _clocks[clock_id]


def decode(value):
    if isinstance(value, list):
        return [decode(v) for v in value]
    if isinstance(value, dict):
        if isinstance(value.get("$clock"), str):
            return clock_function(value["$clock"])
        if isinstance(value.get("$ref"), int):
            return instance(value["$ref"])
        if isinstance(value.get("$fake"), str):
            return fake_proxy(value["$fake"], value.get("methods"))
        return {k: decode(v) for k, v in value.items()}
    return value


_PLAIN = (bool, int, str, type(None))


def encode(value):
    # Most answers are plain values: no JSON round trip for them (a batch makes thousands).
    if type(value) in _PLAIN or (type(value) is float and math.isfinite(value)):
        return value
    return json.loads(json.dumps(value, allow_nan=False, default=_fallback))


def instance(ref):
    if ref not in _instances:
        raise CallError("AgentError", f"no instance {ref}")
    return _instances[ref]


def resolve(ref, name):
    if ref is None:
        if name not in _interface["functions"]:
            raise CallError("AgentError", f"{name} is not a function of this challenge's interface")
        fn = getattr(_candidate, snake(name), None)
        if not callable(fn):
            raise CallError("TypeError", f"{snake(name)} is not defined as a function")
        return fn
    if not any(name in c["methods"] for c in _interface["classes"].values()):
        raise CallError("AgentError", f"{name} is not a method of this challenge's interface")
    method = getattr(instance(ref), snake(name), None)
    if not callable(method):
        raise CallError("TypeError", f"{snake(name)} is not a method of the instance")
    return method


def invoke(ref, name, args):
    return encode(resolve(ref, name)(*[decode(a) for a in args or []]))


def handle(request):
    global _next_ref
    op = request.get("op")
    if op == "new":
        name = request.get("class", "")
        if name not in _interface["classes"]:
            raise CallError("AgentError", f"{name} is not a class of this challenge's interface")
        cls = getattr(_candidate, name, None)
        if not callable(cls):
            raise CallError("TypeError", f"{name} is not defined as a class")
        obj = cls(*[decode(a) for a in request.get("args") or []])
        ref = _next_ref
        _next_ref += 1
        _instances[ref] = obj
        return {"$ref": ref}
    if op == "call":
        return invoke(request.get("ref"), request.get("name", ""), request.get("args"))
    if op == "batch":
        results = []
        ref = request.get("ref")
        callables = {}
        for index, step in enumerate(request.get("steps") or []):
            if "clock" in step:
                _clocks[step["clock"]] = step.get("set", 0)
                continue
            try:
                name = step.get("name", "")
                fn = callables.get(name)
                if fn is None:
                    fn = callables[name] = resolve(ref, name)
                results.append(encode(fn(*[decode(a) for a in step.get("args") or []])))
            except Exception as error:  # noqa: BLE001
                error.step = index
                raise
        return results
    if op == "clock":
        _clocks[request.get("clock", "")] = request.get("set", 0)
        return None
    raise CallError("AgentError", f"unknown op {op}")


def main():
    os.makedirs(WORK_DIR, exist_ok=True)
    send({"type": "ready"})
    first = sys.stdin.readline()
    if not first or not load(json.loads(first)):
        # Keep answering nothing: the runner has its verdict and will remove the container.
        sys.stdin.read()
        return
    global _current_request
    # readline, not iteration: a fake's call reads the same stream while a request is handled.
    for line in iter(sys.stdin.readline, ""):
        request = json.loads(line)
        _current_request = request["id"]
        try:
            send({"id": request["id"], "ok": True, "value": handle(request)})
        except Exception as error:  # noqa: BLE001 - a candidate exception is data for the test
            failure = describe(error)
            if getattr(error, "step", None) is not None:
                failure["step"] = error.step
            send({"id": request["id"], "ok": False, "error": failure})


if __name__ == "__main__":
    main()

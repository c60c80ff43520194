"""Run each document's work in a child process, within a time and memory budget.

A document is untrusted input: a reader or a rule may meet a file that costs minutes or gigabytes
in a way no bound inside the code foresaw. On the command line every document is therefore read and
audited in a child process of its own, and the parent enforces its budget from outside:

* **time**: a wall-clock deadline (``max_seconds``, or ``--timeout``); past it the child is killed.
  The child also gets a CPU limit a little above it (``RLIMIT_CPU``), which ends it even if this
  process is gone;
* **memory**: an address-space limit (``RLIMIT_AS``) of ``max_memory_mb`` above what the process
  held when it forked, so an allocation past it fails with ``MemoryError`` inside the child (or the
  child dies), never the machine. Linux only: elsewhere there is no memory cap (macOS does not
  enforce ``RLIMIT_AS``);
* **crashes**: a child that dies (a segfault in a parser, the kernel's OOM killer) costs only its
  own document.

One mechanism serves a single document, ``--jobs N`` and ``--timeout``: ``run`` keeps up to
``workers`` children going, one per document, and collects what each returns (pickled through a
pipe) or why it failed (``Outcome``). A child per document, forked from a process that has already
imported and loaded what an audit needs (``codecheck.warmup``), starts in a few milliseconds, shares
that memory copy-on-write, and leaves nothing behind: no worker is ever waiting for work, so none can be left
blocked when the parent goes. A child also dies with its parent: in a run of several documents on
Linux the kernel kills it (``PR_SET_PDEATHSIG``); otherwise a watchdog thread in the child ends it
within a second, and its CPU limit ends it if it is stuck where that thread cannot run.

Where ``fork`` is not available or not safe (Windows, macOS), children are started with
``multiprocessing``'s *spawn* method: each is a fresh interpreter (slower to start: every document
then pays the imports), with the same deadline and no memory cap. The library API
(``codecheck.audit``) does not use any of this: it runs in the caller's process.
"""

from __future__ import annotations

import contextlib
import os
import selectors
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from codecheck.errors import CodecheckError, InputError

# Fork where the platform's fork is sound for a process like this one; spawn elsewhere (macOS:
# system frameworks are not fork-safe, which is why multiprocessing defaults to spawn there).
CAN_FORK = hasattr(os, "fork") and sys.platform != "darwin"
MEMORY_CAP_SUPPORTED = sys.platform.startswith("linux")
TICK = 0.5  # seconds between progress callbacks while waiting
_EXIT_MEMORY = 3  # a child that ran out of memory even while reporting it
_EXIT_CRASH = 4  # a child whose job raised what it should not (a bug): reported as a crash
_HEADER = 8  # bytes of length before the pickled payload
_PR_SET_PDEATHSIG = 1


@dataclass(frozen=True)
class Budget:
    """What one document's work may take. ``time_limit``/``memory_limit`` name the settings for
    the error message ("max_seconds", "--timeout", "max_memory_mb")."""

    seconds: float
    memory_mb: int | None = None
    time_limit: str = "max_seconds"
    memory_limit: str = "max_memory_mb"

    @classmethod
    def from_limits(cls, limits: Any, timeout: float | None = None) -> Budget:
        """The budget ``[limits]`` sets (``max_seconds``, ``max_memory_mb``); ``--timeout`` wins."""
        if timeout is not None:
            return cls(float(timeout), limits.max_memory_mb, time_limit="--timeout")
        return cls(float(limits.max_seconds), limits.max_memory_mb)


@dataclass
class Outcome:
    """What one job came to: its ``value``, or a ``failure`` ("time", "memory", "crash")."""

    value: Any = None
    failure: str | None = None
    detail: str = ""

    def message(self, budget: Budget) -> str:
        """The failure in words, for ``codecheck: error: FILE: <message>``."""
        if self.failure == "time":
            return f"gave up after {budget.seconds:g} s ({_limit_phrase(budget.time_limit)})"
        if self.failure == "memory":
            if budget.memory_mb and CAN_FORK and MEMORY_CAP_SUPPORTED:
                return f"ran out of memory: over {budget.memory_mb} MB ({_limit_phrase(budget.memory_limit)})"
            return "ran out of memory"
        return f"the worker process reading this document crashed ({self.detail or 'no result'})"


def _limit_phrase(name: str) -> str:
    if name.startswith("-"):
        return f"limit {name}"
    return f"limit {name}; raise it in [limits]"


# --------------------------------------------------------------------------- one document


def run_one(job: Callable[[], Any], budget: Budget, path: Path) -> Any:
    """``job()`` (one document's work for a command) in a child process within ``budget``.

    A ``CodecheckError`` the job raises is raised here again (its message already names the file);
    running out of time or memory, or a crash, raises ``InputError`` naming ``path`` and the limit.
    """
    (outcome,) = run([partial(_errors_as_values, job)], budget, 1)
    if outcome.failure is not None:
        raise InputError(outcome.message(budget), path)
    kind, value = outcome.value
    if kind == "error":
        raise CodecheckError(value)
    return value


def _errors_as_values(job: Callable[[], Any]) -> tuple[str, Any]:
    """A job's value, or its ``CodecheckError`` as text: exceptions do not cross between processes."""
    try:
        return ("ok", job())
    except CodecheckError as exc:
        return ("error", str(exc))


# --------------------------------------------------------------------------- the scheduler


def run(
    jobs: Sequence[Callable[[], Any]],
    budget: Budget,
    workers: int,
    *,
    on_done: Callable[[int], None] | None = None,
    on_tick: Callable[[], None] | None = None,
    on_fallback: Callable[[str], None] | None = None,
) -> list[Outcome]:
    """Run every job in a child process of its own, at most ``workers`` at a time, within ``budget``.

    Returns one ``Outcome`` per job, in order. ``on_done(i)`` is called as each job ends,
    ``on_tick()`` at least every ``TICK`` seconds (a progress display's refresh). A job must not
    print: what it has to say goes in its value. When no process can be started at all (a sandbox,
    a process limit), the remaining jobs run in this process, without budget, after ``on_fallback``
    is told why (the ``OSError``'s text).
    """
    if not jobs:
        return []
    if len(jobs) > 1:
        _kernel_ends_children()
    outcomes: list[Outcome | None] = [None] * len(jobs)
    pending = deque(range(len(jobs)))
    launcher: _Launcher = _ForkLauncher() if CAN_FORK else _SpawnLauncher()
    running: list[_Child] = []
    capacity = max(1, workers)

    def done(i: int, outcome: Outcome) -> None:
        outcomes[i] = outcome
        if on_done is not None:
            on_done(i)

    try:
        while pending or running:
            while pending and len(running) < capacity:
                i = pending.popleft()
                try:
                    running.append(launcher.start(i, jobs[i], budget, running))
                except OSError as exc:
                    pending.appendleft(i)
                    if running:  # wait for a slot instead
                        capacity = len(running)
                        break
                    if on_fallback is not None:
                        on_fallback(str(exc))
                    while pending:
                        j = pending.popleft()
                        done(j, _in_process(jobs[j]))
                    break
            if not running:
                continue
            now = time.monotonic()
            wait = min(TICK, max(0.0, min(c.deadline for c in running) - now))
            for child in launcher.wait(running, wait):
                if child.read():
                    running.remove(child)
                    done(child.index, child.finish())
            now = time.monotonic()
            for child in [c for c in running if c.deadline <= now]:
                child.kill()
                child.reap()
                running.remove(child)
                done(child.index, Outcome(failure="time"))
            if on_tick is not None:
                on_tick()
    finally:
        for child in running:  # interrupted (Ctrl-C, an error in a callback): leave no child behind
            child.kill()
            child.reap()
        launcher.close()
    return [o if o is not None else Outcome(failure="crash") for o in outcomes]


def _in_process(job: Callable[[], Any]) -> Outcome:
    """A job run here, when no child process can be had: no budget, but the same outcome."""
    try:
        return Outcome(value=job())
    except MemoryError:
        return Outcome(failure="memory")


class _Child:
    """One running job: ``read`` when its handle is ready (True once it has said all it will),
    then ``finish``; or ``kill`` and ``reap``."""

    index: int
    deadline: float
    handle: Any

    def read(self) -> bool:  # pragma: no cover - interface
        raise NotImplementedError

    def finish(self) -> Outcome:  # pragma: no cover - interface
        raise NotImplementedError

    def kill(self) -> None:  # pragma: no cover - interface
        raise NotImplementedError

    def reap(self) -> None:  # pragma: no cover - interface
        raise NotImplementedError


class _Launcher:
    """Starts children one way (fork or spawn) and waits for any of them to have something to read."""

    def start(self, index: int, job: Callable[[], Any], budget: Budget, running: list[_Child]) -> _Child:
        raise NotImplementedError  # pragma: no cover - interface

    def wait(self, running: list[_Child], timeout: float) -> list[_Child]:
        raise NotImplementedError  # pragma: no cover - interface

    def close(self) -> None:
        pass


# --------------------------------------------------------------------------- what a child sends


def _encode(job: Callable[[], Any]) -> bytes | None:
    """Run the job; its outcome pickled, with its length in front (None: no memory left for that)."""
    import pickle

    try:
        result: tuple[str, Any] = ("ok", job())
    except MemoryError:
        result = ("memory", None)  # outside the handler the frames holding the memory are freed
    except Exception as exc:  # the job should turn its own failures into its value: a bug
        if os.environ.get("CODECHECK_DEBUG"):  # standard error is kept then (_quiet_output)
            import traceback

            traceback.print_exc()
        result = ("crash", f"{type(exc).__name__}: {exc}")
    try:
        data = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
    except MemoryError:
        return None
    except Exception as exc:  # a value that cannot be pickled
        data = pickle.dumps(("crash", f"unpicklable result: {type(exc).__name__}"))
    return len(data).to_bytes(_HEADER, "big") + data


def _decode(payload: bytes) -> Outcome | None:
    """The outcome a child sent; None when it sent nothing whole (it died on the way)."""
    if len(payload) < _HEADER or int.from_bytes(payload[:_HEADER], "big") != len(payload) - _HEADER:
        return None
    import pickle

    try:
        kind, value = pickle.loads(payload[_HEADER:])
    except Exception as exc:  # a result that cannot be rebuilt here
        return Outcome(failure="crash", detail=f"unreadable result: {type(exc).__name__}")
    if kind == "ok":
        return Outcome(value=value)
    if kind == "memory":
        return Outcome(failure="memory")
    return Outcome(failure="crash", detail=str(value))


def _from_exit(signalled: int | None, code: int | None) -> Outcome:
    """Why a child that sent no (whole) outcome ended: killed by ``signalled``, or exit ``code``."""
    if signalled is not None:
        if signalled == getattr(signal, "SIGXCPU", None):  # the CPU limit: the time budget, from the kernel
            return Outcome(failure="time")
        return Outcome(failure="crash", detail=f"killed by {_signal_name(signalled)}")
    if code == _EXIT_MEMORY:
        return Outcome(failure="memory")
    return Outcome(failure="crash", detail=f"exit status {code}")


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"


# --------------------------------------------------------------------------- fork (Linux, BSD)


class _ForkedChild(_Child):
    def __init__(self, index: int, pid: int, fd: int, deadline: float, selector: Any) -> None:
        self.index, self.pid, self.handle, self.deadline = index, pid, fd, deadline
        self.selector = selector
        self.chunks: list[bytes] = []
        self.status: int | None = None

    def read(self) -> bool:
        try:
            data = os.read(self.handle, 1 << 20)
        except BlockingIOError:
            return False
        except OSError:
            data = b""
        if data:
            self.chunks.append(data)
            return False
        return True

    def finish(self) -> Outcome:
        self.reap()
        outcome = _decode(b"".join(self.chunks))
        if outcome is not None:
            return outcome
        status = self.status or 0
        if os.WIFSIGNALED(status):
            return _from_exit(os.WTERMSIG(status), None)
        return _from_exit(None, os.WEXITSTATUS(status) if os.WIFEXITED(status) else None)

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)

    def reap(self) -> None:
        if self.status is None:
            _, self.status = os.waitpid(self.pid, 0)
        if self.handle >= 0:
            self.selector.unregister(self.handle)
            os.close(self.handle)
            self.handle = -1


class _ForkLauncher(_Launcher):
    def __init__(self) -> None:
        import pickle  # noqa: F401  (imported once here: every child has it)

        self.selector = selectors.DefaultSelector()
        self.parent = os.getpid()

    def start(self, index: int, job: Callable[[], Any], budget: Budget, running: list[_Child]) -> _Child:
        read_fd, write_fd = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            os.close(read_fd)
            os.close(write_fd)
            raise
        if pid == 0:  # the child: it never returns from here
            try:
                os.close(read_fd)
                for other in running:  # the other children's pipes are theirs alone
                    if other.handle >= 0:
                        os.close(other.handle)
                _child_main(job, budget, write_fd, self.parent)
            finally:
                os._exit(_EXIT_CRASH)
        os.close(write_fd)
        os.set_blocking(read_fd, False)
        self.selector.register(read_fd, selectors.EVENT_READ)
        return _ForkedChild(index, pid, read_fd, time.monotonic() + budget.seconds, self.selector)

    def wait(self, running: list[_Child], timeout: float) -> list[_Child]:
        by_fd = {c.handle: c for c in running}
        return [by_fd[key.fd] for key, _ in self.selector.select(timeout) if key.fd in by_fd]

    def close(self) -> None:
        self.selector.close()


def _child_main(job: Callable[[], Any], budget: Budget, write_fd: int, parent: int) -> None:
    """The forked child: limits, the job, its outcome down the pipe, then ``os._exit`` (no clean-up of
    the parent's state: atexit handlers, buffered output and temporary files are the parent's)."""
    code = 0
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: the parent decides
        _die_with_parent(parent)
        _quiet_output()
        _set_limits(budget)
        payload = _encode(job)
        if payload is None:
            code = _EXIT_MEMORY
        else:
            _write_all(write_fd, payload)
    except MemoryError:
        code = _EXIT_MEMORY
    except BaseException:  # nothing may escape a forked child, and it must never print
        code = _EXIT_CRASH
    os._exit(code)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _kernel_ends_children() -> None:
    """Load ``ctypes`` here, once, so that every child forked after can ask Linux to end it with
    its parent (``PR_SET_PDEATHSIG``) for free; importing it in each child would cost a single
    document's run more than the rest of this module's machinery together (~10 ms on a busy
    2-core machine). Called for runs of more than one job."""
    if CAN_FORK and sys.platform.startswith("linux"):
        with contextlib.suppress(ImportError):
            import ctypes  # noqa: F401


def _die_with_parent(parent: int) -> None:
    """End this child when ``parent`` ends, however it ends (SIGKILL included).

    With ``ctypes`` already loaded (``_kernel_ends_children``), Linux does it: at once, even for a
    child stuck in C code. Otherwise a watchdog thread checks every second that the parent is still
    there; a child stuck in C code that holds the interpreter lock is then ended by its CPU limit
    (``_set_limits``) instead, a few seconds after its time budget.
    """
    ctypes = sys.modules.get("ctypes")
    if ctypes is not None and sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            if libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0:
                if os.getppid() != parent:  # it died before the request was made
                    os._exit(_EXIT_CRASH)
                return
        except (OSError, AttributeError):
            pass
    _watch(lambda: os.getppid() != parent)


def _watch(parent_gone: Callable[[], bool]) -> None:
    """A daemon thread that ends this process once ``parent_gone()`` (checked every second)."""
    import threading

    def watch() -> None:
        while not parent_gone():
            time.sleep(1.0)
        os._exit(_EXIT_CRASH)

    threading.Thread(target=watch, name="codecheck-parent-watch", daemon=True).start()


def _quiet_output() -> None:
    """Point the child's standard output and error at /dev/null: everything it has to say comes back
    as data. A crash inside a parser (or Python's own "Fatal Python error", or a fault handler's
    traceback) must not add lines to the one line per problem the command prints.
    ``CODECHECK_DEBUG`` keeps them, for debugging."""
    if os.environ.get("CODECHECK_DEBUG"):
        return
    import faulthandler

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    os.close(devnull)
    # streams that are not file descriptors 1 and 2 (a host program's capture), and a fault handler
    # holding its own copy of the old standard error
    sys.stdout = sys.stderr = open(os.devnull, "w")  # noqa: SIM115 - for the rest of the process
    faulthandler.disable()


def _set_limits(budget: Budget) -> None:
    """The child's own limits: CPU a little above the wall-clock budget, address space, no core file."""
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows
        return
    _lower(resource, resource.RLIMIT_CORE, 0)
    cpu = int(budget.seconds) + 2
    _lower(resource, resource.RLIMIT_CPU, cpu, cpu + 2)
    if budget.memory_mb and MEMORY_CAP_SUPPORTED:
        _lower(resource, resource.RLIMIT_AS, _address_space() + budget.memory_mb * 1024 * 1024)


def _lower(resource: Any, which: int, soft: int, hard: int | None = None) -> None:
    """Set a limit, never above the one already in force (an unprivileged process cannot raise it)."""
    try:
        old_soft, old_hard = resource.getrlimit(which)
        hard = soft if hard is None else hard
        if old_hard != resource.RLIM_INFINITY:
            hard = min(hard, old_hard)
        soft = min(soft, hard)
        if old_soft != resource.RLIM_INFINITY and old_soft < soft:
            soft = old_soft
        resource.setrlimit(which, (soft, hard))
    except (ValueError, OSError):  # not supported here: the wall-clock deadline still holds
        pass


def _address_space() -> int:
    """Bytes of address space this process maps now (Linux: /proc/self/statm)."""
    with open("/proc/self/statm", "rb") as fh:
        pages = int(fh.read().split()[0])
    return pages * os.sysconf("SC_PAGE_SIZE")


# --------------------------------------------------------------------------- spawn (Windows, macOS)


class _SpawnedChild(_Child):
    def __init__(self, index: int, process: Any, conn: Any, deadline: float) -> None:
        self.index, self.process, self.handle, self.deadline = index, process, conn, deadline
        self.payload = b""

    def read(self) -> bool:
        with contextlib.suppress(EOFError, OSError):  # it died without a word: finish() says how
            self.payload = self.handle.recv_bytes()
        return True

    def finish(self) -> Outcome:
        self.reap()
        outcome = _decode(self.payload)
        if outcome is not None:
            return outcome
        code = self.process.exitcode
        if code is not None and code < 0:
            return _from_exit(-code, None)
        return _from_exit(None, code)

    def kill(self) -> None:
        self.process.kill()

    def reap(self) -> None:
        self.process.join()
        self.handle.close()


class _SpawnLauncher(_Launcher):
    def __init__(self) -> None:
        import multiprocessing

        self.context = multiprocessing.get_context("spawn")

    def start(self, index: int, job: Callable[[], Any], budget: Budget, running: list[_Child]) -> _Child:
        receive, send = self.context.Pipe(duplex=False)
        process = self.context.Process(target=_spawned_main, args=(send, job, budget), daemon=True)
        process.start()
        send.close()
        return _SpawnedChild(index, process, receive, time.monotonic() + budget.seconds)

    def wait(self, running: list[_Child], timeout: float) -> list[_Child]:
        from multiprocessing.connection import wait

        by_conn = {id(c.handle): c for c in running}
        return [by_conn[id(conn)] for conn in wait([c.handle for c in running], timeout)]


def _spawned_main(conn: Any, job: Callable[[], Any], budget: Budget) -> None:
    """A spawned child: a watchdog on its parent, the CPU limit where there is one (no memory cap:
    see the module docstring), the job, its outcome down the pipe."""
    code = 0
    try:
        import multiprocessing

        parent = multiprocessing.parent_process()
        if parent is not None:
            from multiprocessing.connection import wait

            sentinel = parent.sentinel
            _watch(lambda: bool(wait([sentinel], 0)))
        _quiet_output()
        _set_limits(Budget(budget.seconds, None))
        payload = _encode(job)
        if payload is None:
            code = _EXIT_MEMORY
        else:
            conn.send_bytes(payload)
            conn.close()
    except MemoryError:
        code = _EXIT_MEMORY
    except BaseException:  # no traceback from multiprocessing's bootstrap either
        code = _EXIT_CRASH
    os._exit(code)

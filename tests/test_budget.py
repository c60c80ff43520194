"""The per-document budget: jobs in child processes, their values, and every way they can fail.

These run ``codecheck.budget.run`` on small jobs (sleeps, allocations, crashes) rather than audits,
so each failure is produced on purpose and quickly. Whether the children die with their parent is
tested on a real parent process killed from outside.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from functools import partial
from pathlib import Path

import pytest

from codecheck import budget
from codecheck.budget import Budget, Outcome, run, run_one
from codecheck.errors import CodecheckError, InputError

LINUX = sys.platform.startswith("linux")
needs_fork = pytest.mark.skipif(not budget.CAN_FORK, reason="children are spawned on this platform")


def allocate(megabytes: int) -> int:
    return len(bytearray(megabytes * 1024 * 1024))


def fail(exc: BaseException) -> None:
    raise exc


def crash(sig: int) -> None:
    os.kill(os.getpid(), sig)


def children_of(pid: int) -> list[int]:
    """Live (not zombie) processes whose parent is ``pid`` (Linux /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[1]) == pid and fields[0] != "Z":
            found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    """Running, neither gone nor a zombie waiting to be reaped."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def test_values_come_back_in_order_from_processes_of_their_own() -> None:
    outcomes = run([partial(pow, 2, n) for n in range(6)] + [os.getpid], Budget(30), 3)
    assert [o.value for o in outcomes[:6]] == [1, 2, 4, 8, 16, 32]
    assert all(o.failure is None for o in outcomes)
    assert outcomes[6].value != os.getpid()


def test_a_large_value_arrives_whole() -> None:
    (outcome,) = run([partial(bytes, 5 * 1024 * 1024 + 17)], Budget(30), 1)
    assert outcome.value == bytes(5 * 1024 * 1024 + 17)


def test_time_limit_kills_only_the_slow_job() -> None:
    start = time.monotonic()
    outcomes = run([partial(time.sleep, 60), partial(pow, 3, 2)], Budget(1), 2)
    assert outcomes[0].failure == "time" and outcomes[1].value == 9
    assert time.monotonic() - start < 30  # far below the sleep: it was stopped


@pytest.mark.skipif(not LINUX, reason="the memory cap is Linux-only")
def test_memory_limit_fails_the_job_not_the_machine() -> None:
    outcomes = run([partial(allocate, 1024), partial(allocate, 8)], Budget(30, 256), 2)
    assert outcomes[0].failure == "memory"
    assert outcomes[1].value == 8 * 1024 * 1024


@needs_fork
def test_crashes_and_bugs_are_failures_with_a_reason() -> None:
    jobs = [
        partial(crash, signal.SIGSEGV),
        partial(fail, RuntimeError("boom")),
        partial(os._exit, 7),
        lambda: (lambda: 1),  # a value that cannot be pickled
    ]
    outcomes = run(jobs, Budget(30), 2)
    assert [o.failure for o in outcomes] == ["crash"] * 4
    assert outcomes[0].detail == "killed by SIGSEGV"
    assert outcomes[1].detail == "RuntimeError: boom"
    assert outcomes[2].detail == "exit status 7"
    assert outcomes[3].detail.startswith("unpicklable result")


def test_the_cpu_limit_counts_as_the_time_limit() -> None:
    assert budget._from_exit(signal.SIGXCPU, None).failure == "time"
    assert budget._from_exit(None, budget._EXIT_MEMORY).failure == "memory"


def test_messages_name_the_limit() -> None:
    configured = Budget(60, 2048)
    assert Outcome(failure="time").message(configured) == (
        "gave up after 60 s (limit max_seconds; raise it in [limits])"
    )
    memory = "ran out of memory: over 2048 MB (limit max_memory_mb; raise it in [limits])"
    assert Outcome(failure="memory").message(configured) == (memory if LINUX else "ran out of memory")
    from_option = Budget(2.5, time_limit="--timeout")
    assert Outcome(failure="time").message(from_option) == "gave up after 2.5 s (limit --timeout)"
    crashed = Outcome(failure="crash", detail="killed by SIGSEGV")
    assert crashed.message(configured).endswith("crashed (killed by SIGSEGV)")


def test_budget_from_limits_and_timeout() -> None:
    from codecheck.limits import Limits

    limits = Limits(max_seconds=45, max_memory_mb=300)
    assert Budget.from_limits(limits) == Budget(45.0, 300)
    assert Budget.from_limits(limits, timeout=5) == Budget(5.0, 300, time_limit="--timeout")


@needs_fork
def test_children_print_nothing(capfd: pytest.CaptureFixture[str]) -> None:
    def noisy() -> int:
        print("to stdout")
        print("to stderr", file=sys.stderr)
        os.write(2, b"raw to fd 2\n")
        return 1

    (outcome,) = run([noisy], Budget(30), 1)
    assert outcome.value == 1
    out, err = capfd.readouterr()
    assert out == "" and err == ""


def test_callbacks_and_no_child_left_when_one_fails() -> None:
    done: list[int] = []

    def stop(i: int) -> None:
        done.append(i)
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run([partial(pow, 2, 2), partial(time.sleep, 60)], Budget(120), 2, on_done=stop)
    assert done == [0]
    if LINUX:
        assert children_of(os.getpid()) == []


def test_run_one_raises_the_jobs_error_or_the_limit() -> None:
    path = Path("form.docx")
    assert run_one(partial(pow, 2, 5), Budget(30), path) == 32
    with pytest.raises(CodecheckError, match=r"^form.docx: not a DOCX file$"):
        run_one(partial(fail, InputError("not a DOCX file", path)), Budget(30), path)
    with pytest.raises(InputError, match=r"^form.docx: gave up after 1 s \(limit max_seconds"):
        run_one(partial(time.sleep, 60), Budget(1), path)


@needs_fork
def test_no_process_to_be_had_runs_the_jobs_here(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse() -> int:
        raise BlockingIOError("Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", refuse)
    told: list[str] = []
    outcomes = run([os.getpid, partial(fail, MemoryError())], Budget(30), 2, on_fallback=told.append)
    assert outcomes[0].value == os.getpid()
    assert outcomes[1].failure == "memory"
    assert told == ["Resource temporarily unavailable"]


def test_spawned_children_work_where_fork_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    """The Windows/macOS path, run here: a fresh interpreter per job, values and the time limit."""
    monkeypatch.setattr(budget, "CAN_FORK", False)
    outcomes = run([partial(pow, 2, 10), partial(time.sleep, 60)], Budget(5), 2)
    assert outcomes[0].value == 1024
    assert outcomes[1].failure == "time"


PARENT = textwrap.dedent(
    """
    import sys, time
    from functools import partial
    from codecheck.budget import Budget, run
    print("ready", flush=True)
    run([partial(time.sleep, 120)] * int(sys.argv[1]), Budget(300), 2)
    """
)


@pytest.mark.skipif(not LINUX, reason="reads the process table in /proc")
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
@pytest.mark.parametrize("jobs", [2, 1])  # the kernel ends them (a batch); a watchdog thread (one)
def test_children_die_with_their_parent(sig: int, jobs: int) -> None:
    command = [sys.executable, "-c", PARENT, str(jobs)]
    parent = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        assert parent.stdout is not None and parent.stdout.readline().strip() == "ready"
        deadline = time.monotonic() + 20
        children: list[int] = []
        while len(children) < jobs and time.monotonic() < deadline:
            time.sleep(0.05)
            children = children_of(parent.pid)
        assert len(children) == jobs, "the workers never started"
        time.sleep(0.3)  # let them reach their job (and a watchdog its first check)
        os.kill(parent.pid, sig)
        parent.wait(timeout=20)
        deadline = time.monotonic() + 10
        while any(alive(c) for c in children) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not any(alive(c) for c in children), "a worker outlived its parent"
    finally:
        if parent.poll() is None:
            parent.kill()
            parent.wait()

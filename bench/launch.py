"""Run one command and report its wall time, CPU time and peak memory, measured from a
small process.

Linux records a process's peak resident memory across `exec`, and a process forked from
the benchmark (which holds a generated corpus, often hundreds of MiB) starts with the
benchmark's pages: its peak would be the benchmark's. This launcher is started by the
benchmark, then forks the measured command from its own small image, so the peak it
reports is the command's own (at least this launcher's few MiB).

    python -S bench/launch.py COMMAND [ARGS...]   ->  "wall cpu peak_kib exit_code"
"""

import os
import sys
import time


def main() -> None:
    argv = sys.argv[1:]
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        null = os.open(os.devnull, os.O_RDWR)
        os.dup2(null, 0)
        os.dup2(null, 1)
        os.dup2(null, 2)
        try:
            os.execvp(argv[0], argv)
        finally:
            os._exit(127)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    print(f"{wall} {usage.ru_utime + usage.ru_stime} {usage.ru_maxrss} "
          f"{os.waitstatus_to_exitcode(status)}")


main()

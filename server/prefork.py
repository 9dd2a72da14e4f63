"""Several waitress processes on one listening socket: ``kg serve --workers N`` (POSIX only).

Python runs one thread at a time in a process, so the HTTP and Flask work of many small requests
is bound to one core however many threads waitress has; pyoxigraph releases the GIL only while
it evaluates. ``--workers N`` binds the socket once, then forks ``N`` processes that each build
the app (opening the store themselves, read-only: RocksDB allows one writer) and accept from the
same socket, so the kernel spreads connections over them. The parent only waits: when it is told
to stop (SIGTERM, SIGINT), or when a worker dies, it stops every worker.

The app is built in each child, after the fork, never before: the store, the query workers'
threads and their locks must not be inherited half-way from another process.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import sys
from collections.abc import Callable
from typing import Any

__all__ = ["serve_forked"]


def _child(make_app: Callable[[], Any], sock: socket.socket, threads: int) -> None:
    from waitress import create_server  # type: ignore[import-untyped]  # waitress has no types

    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the parent, which stops us
    status = 1
    try:
        server = create_server(make_app(), sockets=[sock], threads=threads, ident="kg")
        server.run()
        status = 0
    except Exception as exc:  # told to the parent through the exit status
        sys.stderr.write(f"kg: worker {os.getpid()} failed: {exc}\n")
        sys.stderr.flush()
    finally:
        os._exit(status)


def serve_forked(
    make_app: Callable[[], Any],
    *,
    host: str,
    port: int,
    threads: int,
    workers: int,
    on_ready: Callable[[int], None],
) -> int:
    """Serve ``make_app()`` from ``workers`` processes until stopped; returns the exit status.

    :param on_ready: called with the port really bound (``port=0`` lets the system choose)
    """
    if not hasattr(os, "fork"):
        raise OSError("--workers needs fork (Linux, macOS); run one process, or gunicorn")
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.create_server((host, port), family=family, backlog=1024)
    sock.setblocking(False)
    children: list[int] = []
    for _ in range(workers):
        pid = os.fork()
        if pid == 0:
            _child(make_app, sock, threads)
        children.append(pid)
    on_ready(sock.getsockname()[1])

    stopping = False

    def stop(*_: object) -> None:
        nonlocal stopping
        stopping = True
        for pid in children:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    status = 0
    alive = set(children)
    while alive:
        try:
            pid, _ = os.wait()
        except ChildProcessError:
            break
        alive.discard(pid)
        if not stopping:
            # a worker died on its own: the server is not whole any more, so stop
            status = 1
            stop()
    sock.close()
    return status if not stopping or status else 0

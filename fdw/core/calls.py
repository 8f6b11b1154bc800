"""One scan's AWS calls: submitted to the bounded pool, each settled as it completes.

Only the scan's thread submits and settles, so a worker never waits on another worker, and
what a call's answer starts (a detail call for each listed item) is submitted from there too.
"""

from __future__ import annotations

from concurrent.futures import Future
from queue import Empty, SimpleQueue
from typing import Callable

from .aws import AwsContext, InFlight, Scope, error_code, error_message
from .options import OptionError
from .results import AwsError, ScanCancelled

POLL_SECONDS = 0.2


class Calls:
    """The calls of one scan, used as a context: leaving it ends the pool, and abandons what
    is still in flight (the scan was cancelled, or failed) so that no thread outlives it."""

    def __init__(self, aws: AwsContext):
        self.in_flight = InFlight()
        self.pool = aws.executor(self.in_flight)
        # future -> (where it runs, what it asks AWS, what to do with the answer)
        self.pending: dict[Future, tuple[Scope, str, Callable[[Future], None]]] = {}
        # Each pending future, once done: concurrent.futures.wait() over all of them would
        # cost a lock and a waiter per pending future at every answer (4.5 million for 3,000).
        self.completed: SimpleQueue[Future] = SimpleQueue()

    def __enter__(self) -> Calls:
        return self

    def __exit__(self, *raised) -> None:
        if self.pending:  # cancelled, or failed: abandon what is still in flight
            self.in_flight.abandon()
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.in_flight.join()
        else:
            self.pool.shutdown(wait=True)

    @property
    def throttled(self) -> dict[str, int]:
        """The answers AWS throttled (and the pool retried), by operation."""
        return dict(self.in_flight.throttled)

    def submit(
        self, scope: Scope, operation: str, then: Callable[[Future], None], call, *args
    ) -> None:
        """Run `call(*args)` in the pool; `then` gets its future, on this thread, once done."""
        future = self.pool.submit(call, *args)
        self.pending[future] = (scope, operation, then)
        future.add_done_callback(self.completed.put)

    def settle_all(self, should_stop: Callable[[], bool]) -> bool:
        """Settle every call, those their answers submit too, unless `should_stop` says so
        first (polled while AWS answers): whether all were settled."""
        while self.pending:
            if should_stop():
                return False
            try:
                future = self.completed.get(timeout=POLL_SECONDS)
            except Empty:
                continue
            self._settle(future, *self.pending.pop(future))
        return True

    @staticmethod
    def _settle(future: Future, scope: Scope, operation: str, then) -> None:
        try:
            then(future)
        except (AwsError, OptionError, ScanCancelled):
            raise
        except Exception as exc:  # a defect of ours: name where, never let it pass as an answer
            raise AwsError(
                scope.account_id, scope.region, operation, error_code(exc), error_message(exc)
            ) from exc

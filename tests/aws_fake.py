"""The AWS side of the tests: a real moto server over HTTP, with a recorder and faults.

`AwsFake` is the demo's moto server with a WSGI layer in front that records every request
(access key, region, operation) and can answer chosen requests with an AWS error, late, with
a body of the test's choosing (an HTML block page, truncated JSON), or never, so tests can
count what the wrapper asked for and see how it takes failures. `latency` (seconds) delays
every answer, as a distant AWS region would, for benchmarks. `replay()` keeps moto's answer to
each read (a List, Get or Describe by one account) and answers the same read again from it,
until anything else but AssumeRole changes moto's state: moto spends about 3.5 ms of one
core on each answer, which on a small machine makes it, not the client, the bottleneck.
"""

from __future__ import annotations

import json
import re
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import parse_qs, unquote_plus

import botocore.session

from agentcore_fdw.app.local_postgres import free_port
from agentcore_fdw.demo.server import moto_server


@dataclass(frozen=True)
class Request:
    access_key: str
    region: str
    signing_name: str
    operation: str
    path: str
    body: str = ""  # a query-protocol request's form (STS, EC2, Organizations' none)


HANG_AT_MOST_SECONDS = 60.0
READS = ("List", "Get", "Describe")  # operations replay() answers again
STATELESS = {"AssumeRole"}  # it makes credentials, and changes nothing replay() keeps


@dataclass
class Fault:
    operation: str
    code: str | None  # None: answer normally, after `delay` seconds (or with `answer`)
    status: int = 403
    delay: float = 0.0
    answer: dict | None = None  # a 200 answer of this JSON instead of moto's
    body: str | None = None  # an answer of this text instead of moto's
    content_type: str = "application/json"
    answer_status: int = 200  # the status of `answer` or `body`
    hang: bool = False  # accept the request and never answer (until the fault is removed)
    region: str | None = None
    path_contains: str | None = None
    body_contains: str | None = None
    times: int | None = None  # None: every matching request
    released: threading.Event = field(default_factory=threading.Event)

    def matches(self, request: Request) -> bool:
        return (
            self.operation == request.operation
            and (self.region is None or self.region == request.region)
            and (self.path_contains is None or self.path_contains in request.path)
            and (self.body_contains is None or self.body_contains in request.body)
            and (self.times is None or self.times > 0)
        )


class AwsFake:
    def __init__(self) -> None:
        self.port = free_port()
        self.requests: list[Request] = []
        self.faults: list[Fault] = []
        self.latency = 0.0  # seconds every request waits before it is answered
        self.replayed: dict[tuple, tuple[str, list, bytes]] | None = None  # see replay()
        self._lock = threading.Lock()
        # REST operations are told by their route, per the service the request is signed for.
        self._rest_routes = {
            "bedrock-agentcore": rest_routes("bedrock-agentcore-control"),
            "securityhub": rest_routes("securityhub"),
        }
        self._server = moto_server(self.port, wrap=self._front)

    @property
    def endpoint_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self._server.start()

    def stop(self) -> None:
        self._server.stop()

    def _front(self, app):
        def front(environ, start_response):
            request = self._describe(environ)
            with self._lock:
                self.requests.append(request)
                fault = next((f for f in self.faults if f.matches(request)), None)
                if fault and fault.times is not None:
                    fault.times -= 1
            if self.latency:
                time.sleep(self.latency)
            if fault and fault.hang:
                fault.released.wait(HANG_AT_MOST_SECONDS)
                start_response("504 Gateway Timeout", [("Content-Length", "0")])
                return [b""]
            if fault and fault.delay:
                time.sleep(fault.delay)
            if fault is None and self.replayed is not None:
                return self._replay_or_record(request, environ, app, start_response)
            if fault and (fault.answer is not None or fault.body is not None):
                text = fault.body
                if text is None:
                    text = json.dumps(fault.answer, default=str)
                body = text.encode("utf-8", "surrogatepass")
                headers = [("Content-Type", fault.content_type), ("Content-Length", str(len(body)))]
                start_response(f"{fault.answer_status} Fake", headers)
                return [body]
            if fault and fault.code and request.body:  # the query protocol answers in XML
                body = (
                    "<ErrorResponse><Error><Type>Sender</Type>"
                    f"<Code>{fault.code}</Code><Message>injected by the test</Message>"
                    "</Error><RequestId>fake</RequestId></ErrorResponse>"
                ).encode()
                start_response(
                    f"{fault.status} Injected",
                    [("Content-Type", "text/xml"), ("Content-Length", str(len(body)))],
                )
                return [body]
            if fault and fault.code:
                body = json.dumps({"__type": fault.code, "message": "injected by the test"})
                start_response(
                    f"{fault.status} Injected",
                    [
                        ("Content-Type", "application/x-amz-json-1.1"),
                        ("x-amzn-ErrorType", fault.code),
                        ("Content-Length", str(len(body))),
                    ],
                )
                return [body.encode()]
            return app(environ, start_response)

        return front

    def _replay_or_record(self, request: Request, environ, app, start_response):
        if not request.operation.startswith(READS):
            if request.operation not in STATELESS:
                self.replayed.clear()
            return app(environ, start_response)
        from moto.iam.models import get_account_id_from

        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(length) if length else b""
        environ["wsgi.input"] = _Replay(body)
        key = (
            get_account_id_from(request.access_key),
            request.region,
            request.operation,
            request.path,
            environ.get("QUERY_STRING", ""),
            body,
        )
        answer = self.replayed.get(key)
        if answer is None:
            started: list = []
            chunks = app(environ, lambda status, headers, *_: started.extend((status, headers)))
            try:
                answer = (started[0], started[1], b"".join(chunks))
            finally:
                getattr(chunks, "close", lambda: None)()
            if answer[0].startswith("200"):
                self.replayed[key] = answer
        start_response(answer[0], answer[1])
        return [answer[2]]

    @contextmanager
    def replay(self):
        """Answer repeated reads from moto's first answer to them, while this lasts."""
        self.replayed = {}
        try:
            yield
        finally:
            self.replayed = None

    def _describe(self, environ) -> Request:
        access_key = region = signing_name = ""
        match = re.search(
            r"Credential=([^/]+)/[^/]+/([^/]+)/([^/]+)/", environ.get("HTTP_AUTHORIZATION", "")
        )
        if match:
            access_key, region, signing_name = match.groups()
        path = environ.get("PATH_INFO", "")
        form = ""
        target = environ.get("HTTP_X_AMZ_TARGET")
        if target:
            operation = target.rsplit(".", 1)[-1]
        elif environ.get("CONTENT_TYPE", "").startswith("application/x-www-form-urlencoded"):
            # Query protocol (STS, EC2): the action is in the body; read it and put it back.
            length = int(environ.get("CONTENT_LENGTH") or 0)
            body = environ["wsgi.input"].read(length)
            environ["wsgi.input"] = _Replay(body)
            form = unquote_plus(body.decode())
            operation = parse_qs(body.decode()).get("Action", ["?"])[0]
        else:
            method = environ.get("REQUEST_METHOD", "")
            operation = next(
                (
                    name
                    for verb, pattern, name in self._rest_routes.get(
                        signing_name, self._rest_routes["bedrock-agentcore"]
                    )
                    if verb == method and pattern.fullmatch(path)
                ),
                f"{method} {path}",
            )
        return Request(access_key, region, signing_name, operation, path, form)

    # What tests use.

    def mark(self) -> int:
        with self._lock:
            return len(self.requests)

    def since(self, mark: int) -> list[Request]:
        with self._lock:
            return self.requests[mark:]

    def count(self, mark: int, operation: str, region: str | None = None) -> int:
        return sum(
            1
            for r in self.since(mark)
            if r.operation == operation and (region is None or r.region == region)
        )

    @contextmanager
    def fault(self, operation: str, code: str | None = "AccessDeniedException", **where):
        fault = Fault(operation, code, **where)
        with self._lock:
            self.faults.append(fault)
        try:
            yield fault
        finally:
            with self._lock:
                self.faults.remove(fault)
            fault.released.set()


class _Replay:
    def __init__(self, body: bytes):
        import io

        self._stream = io.BytesIO(body)

    def read(self, *args):
        return self._stream.read(*args)

    def readline(self, *args):
        return self._stream.readline(*args)


def rest_routes(service: str) -> list[tuple[str, re.Pattern, str]]:
    """(method, path pattern, operation) for a REST service, from botocore's own model, in the
    order to try them."""
    model = botocore.session.get_session().get_service_model(service)
    routes = []
    for name in model.operation_names:
        http = model.operation_model(name).http
        uri = http["requestUri"].split("?")[0]
        # A label names one path segment, but the last one may hold an ARN, slashes and all.
        pattern = re.sub(r"\\\{[^}]+\\\}$", ".+", re.escape(uri))
        pattern = re.sub(r"\\\{[^}]+\\\}", "[^/]+", pattern)
        routes.append((http["method"], re.compile(pattern), name))
    # That last label would also swallow the rest of a longer route (GET /harnesses/{id} would
    # take /harnesses/{id}/versions): the route of more segments is tried first.
    return sorted(routes, key=lambda route: -route[1].pattern.count("/"))

"""The demo's AWS: moto on loopback, answering as AWS does where moto does not
(moto_extensions.py, simulated_kinds.py), seeded with the demo estate (estate.py) and served
until stopped.

    python -m agentcore_fdw.demo.server --directory DIR --port PORT
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from pathlib import Path

from .estate import DEMO_SEED, READY_FILE, seed_demo


def moto_server(port: int, wrap=None):
    """moto's ThreadedMotoServer on 127.0.0.1:`port`, answering as AWS does where moto does
    not (moto_extensions.py, simulated_kinds.py), with `wrap(app)` (a WSGI middleware) in
    front when given."""
    import json
    import logging

    from moto.moto_server.threaded_moto_server import ThreadedMotoServer
    from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app
    from werkzeug.serving import make_server

    from .moto_extensions import CustomTools, ResourcePolicies, SecurityHubFindings, apply
    from .simulated_kinds import SimulatedKinds

    extend_moto_regions()
    apply()

    def like_aws(app):
        def answer(environ, start_response):
            if environ.get("PATH_INFO", "").startswith("/moto-api"):
                # moto's admin API resets or reseeds the estate: AWS has none, and any local
                # user could reach it on loopback.
                start_response("404 Not Found", [("Content-Length", "0")])
                return [b""]
            try:
                return app(environ, start_response)
            except KeyError as missing:
                # Some moto operations (ListResourceServers) look a pool up without checking
                # that it exists; AWS answers ResourceNotFoundException there.
                body = json.dumps(
                    {"__type": "ResourceNotFoundException", "message": f"{missing} not found"}
                ).encode()
                start_response("400 Bad Request", [
                    ("Content-Type", "application/x-amz-json-1.1"),
                    ("x-amzn-ErrorType", "ResourceNotFoundException"),
                    ("Content-Length", str(len(body))),
                ])  # fmt: skip
                return [body]

        return answer

    class Server(ThreadedMotoServer):
        def _server_entry(self) -> None:
            logging.getLogger("werkzeug").setLevel(logging.WARNING)
            moto = like_aws(DomainDispatcherApplication(create_backend_app))
            app = SimulatedKinds(CustomTools(ResourcePolicies(SecurityHubFindings(moto))))
            self._server = make_server(
                self._ip_address, self._port, wrap(app) if wrap else app, True
            )
            self._server_ready_event.set()
            self._server.serve_forever()

    return Server(ip_address="127.0.0.1", port=port, verbose=False)


def serve(directory: Path, port: int) -> None:
    """Start moto on 127.0.0.1:`port`, seed it, write `ready`, serve until SIGTERM."""
    try:
        from moto.moto_api._internal import mock_random
    except ImportError:
        sys.exit("the demo needs moto: pip install 'agentcore-fdw[demo]'")
    mock_random.seed(DEMO_SEED)
    server = moto_server(port)
    server.start()
    seed_demo(f"http://127.0.0.1:{port}", directory)
    (directory / READY_FILE).write_text(str(os.getpid()))
    stopped = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stopped.set())
    stopped.wait()
    server.stop()


def extend_moto_regions() -> None:
    """moto's AgentCore backend knows the regions of the service's launch; AWS offers it in
    more since, and agentcore-fdw may call any of them."""
    from moto.bedrockagentcorecontrol.models import bedrockagentcorecontrol_backends

    from ..core.aws import AGENTCORE_RUNTIME_REGIONS

    regions = bedrockagentcorecontrol_backends._additional_regions
    regions.extend(sorted(AGENTCORE_RUNTIME_REGIONS - set(regions)))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Serve the agentcore-fdw demo estate.")
    parser.add_argument("--directory", type=Path, required=True)
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args(argv)
    serve(args.directory, args.port)


if __name__ == "__main__":
    main()

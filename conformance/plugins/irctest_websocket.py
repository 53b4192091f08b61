"""pytest plugin: irctest's websocket tests against the external server's web port.

irctest's external_server controller refuses websocket tests, and would point them
at the IRC port anyway. With IRCTEST_WEBSOCKET_PORT set (irctest.sh sets it to the
server's web-port), the controller accepts them and they connect to
ws://IRCTEST_SERVER_HOSTNAME:IRCTEST_WEBSOCKET_PORT.

irctest's WebClientMock uses the synchronous client of the `websockets` library
(websockets.sync.client, version 11 and later). Where only an older `websockets` is
installed (Debian 12's python3-websockets is 10.4; give its directory in
IRCTEST_WEBSOCKETS_PATH when it is not on this Python's path), the same calls are
provided here on top of its asyncio client, on a thread of their own: connect(url,
subprotocols=...), and a connection's subprotocol, send, recv(timeout=...), close.
"""

import asyncio
import os
import sys
import threading
import types


def _sync_client_from_legacy():
    extra = os.environ.get("IRCTEST_WEBSOCKETS_PATH")
    if extra and extra not in sys.path:
        sys.path.append(extra)  # last: nothing of this Python's own is shadowed
    try:
        import websockets.sync.client  # noqa: F401  (the real one: nothing to do)
        return
    except ImportError:
        pass
    try:
        import websockets
        import websockets.client
    except ImportError:
        return  # irctest skips its websocket tests, saying the library is missing

    loop = asyncio.new_event_loop()
    threading.Thread(target=loop.run_forever, name="websockets", daemon=True).start()

    def run(coroutine):
        return asyncio.run_coroutine_threadsafe(coroutine, loop).result()

    class ClientConnection:
        def __init__(self, protocol):
            self._protocol = protocol

        @property
        def subprotocol(self):
            return self._protocol.subprotocol

        def send(self, message):
            run(self._protocol.send(message))

        def recv(self, timeout=None):
            # asyncio.TimeoutError is TimeoutError (Python 3.11), as the sync client raises;
            # cancelling the legacy client's recv loses no message
            return run(asyncio.wait_for(self._protocol.recv(), timeout))

        def close(self):
            run(self._protocol.close())

    def connect(url, subprotocols=None, **kwargs):
        async def opened():
            return await websockets.client.connect(
                url, subprotocols=subprotocols, ping_interval=None, max_size=None
            )

        return ClientConnection(run(opened()))

    sync = types.ModuleType("websockets.sync")
    client = types.ModuleType("websockets.sync.client")
    client.ClientConnection = ClientConnection
    client.connect = connect
    sync.client = client
    sys.modules["websockets.sync"] = sync
    sys.modules["websockets.sync.client"] = client


def pytest_configure(config):
    port = os.environ.get("IRCTEST_WEBSOCKET_PORT")
    if not port:
        return
    _sync_client_from_legacy()
    from irctest import cases
    from irctest.controllers import external_server

    controller = external_server.ExternalServerController
    if not getattr(controller, "_websocket_patched", False):
        original_run = controller.run

        def run(self, *args, websocket_hostname=None, websocket_port=None, **kwargs):
            return original_run(self, *args, websocket_hostname=None, websocket_port=None, **kwargs)

        controller.run = run
        controller._websocket_patched = True

    base = cases.BaseServerTestCase
    if not getattr(base, "_websocket_url_patched", False):
        original_setup = base.setUp

        def setUp(self):
            original_setup(self)
            if self.websocket:
                host = os.environ.get("IRCTEST_SERVER_HOSTNAME", "127.0.0.1")
                self.websocket_url = f"ws://{host}:{port}"

        base.setUp = setUp
        base._websocket_url_patched = True

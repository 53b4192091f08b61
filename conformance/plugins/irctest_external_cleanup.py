"""pytest plugin for running irctest against ONE long-lived external server.

irctest normally restarts the server for every test, so a client leaked by a
test whose setUp() raised (e.g. a SkipTest after connecting, as BotModeTestCase
does when ISUPPORT lacks BOT) is harmless.  Against an external server that
leaked client keeps its nick, and every later test using that nick gets 433 and
hangs until the timeout.  irctest drives setUp()/tearDown() from pytest's
setup_method()/teardown_method(), and pytest skips teardown_method() when
setup_method() raises, so wrap setup_method() to disconnect the clients
connected so far before re-raising.

Patched in pytest_configure (after irctest's conftest.py registered assertion
rewriting for irctest.cases), not at import time.
"""


def pytest_configure(config):
    from irctest import cases

    base = cases.BaseServerTestCase
    if getattr(base, "_external_cleanup_patched", False):
        return
    original = base.setup_method

    def setup_method(self, method):
        try:
            original(self, method)
        except BaseException:
            for name in list(getattr(self, "clients", None) or {}):
                try:
                    self.removeClient(name)
                except Exception:
                    pass
            raise

    base.setup_method = setup_method
    base._external_cleanup_patched = True

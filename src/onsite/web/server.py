"""`onsite serve`: the web app on 127.0.0.1, opened in the learner's browser."""

from __future__ import annotations

import threading
import webbrowser

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8123


def serve(host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, open_browser: bool = True) -> None:
    """Run the app until interrupted; open the home page once the server listens."""
    import uvicorn

    from onsite.web.app import create_app

    app = create_app(warm=True)
    config = uvicorn.Config(app, host=host, port=port, log_level="warning", access_log=False)
    server = uvicorn.Server(config)
    url = f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else host}:{port}/"
    print(f"onsite is running at {url} (Ctrl-C to stop)", flush=True)
    if open_browser:
        def open_when_ready() -> None:
            # Wait for the socket rather than guess a delay: the catalogue loads first.
            while not server.started and not server.should_exit:
                threading.Event().wait(0.1)
            if server.started:
                webbrowser.open(url)

        threading.Thread(target=open_when_ready, daemon=True).start()
    server.run()

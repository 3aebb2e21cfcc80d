"""A minimal hello-world Textual app: the baseline every launch benchmark is compared with.

Run it as ``python benchmarks/hello_app.py``; it shows "Hello, world" until killed
(or until ctrl+q).
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Static


class HelloApp(App[None]):
    """One Static widget and nothing else."""

    def compose(self) -> ComposeResult:
        yield Static("Hello, world")


def main() -> None:
    HelloApp().run()


if __name__ == "__main__":
    main()

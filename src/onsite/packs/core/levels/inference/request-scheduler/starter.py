class RequestScheduler:
    """Pending inference requests, served by priority (level 1 of 4)."""

    def __init__(self) -> None:
        raise NotImplementedError

    def submit(self, request_id: str, tokens: int, priority: int = 0) -> bool:
        """Queue a request; False if that id is already pending."""
        raise NotImplementedError

    def get(self, request_id: str) -> tuple[int, int] | None:
        """(tokens, priority) of a pending request, or None."""
        raise NotImplementedError

    def pending(self) -> list[str]:
        """Pending ids in service order."""
        raise NotImplementedError

    def pop(self) -> str | None:
        """Remove and return the next request to serve, or None."""
        raise NotImplementedError

    def size(self) -> int:
        """The number of pending requests."""
        raise NotImplementedError

"""A child process's stdout, collected by a thread as it comes, so a test can
search what it printed so far without blocking (QEMU's console, gdb)."""

import threading


class CollectedOutput:
    def __init__(self, stream):
        self._stream = stream
        self._data = bytearray()
        self._lock = threading.Lock()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self):
        while True:
            chunk = self._stream.read1(4096)
            if not chunk:
                return
            with self._lock:
                self._data += chunk

    def text(self):
        """Everything read so far, decoded (bad bytes replaced)."""
        with self._lock:
            return self._data.decode("utf-8", "replace")

    def join(self, timeout=5):
        """Waits for the end of the stream (after the process ended)."""
        self._reader.join(timeout=timeout)

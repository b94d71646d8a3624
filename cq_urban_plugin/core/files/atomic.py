"""Writing a file so that an interrupted run leaves the previous one as it was."""
import os
import tempfile
from pathlib import Path

from ...i18n import tr
from ..errors import PlanInputError


def usual_permissions(path):
    """mkstemp creates files readable by their owner only; a report or a map is
    shared like any other file the user writes (umask respected)."""
    mask = os.umask(0)
    os.umask(mask)
    os.chmod(path, 0o666 & ~mask)


def atomic_write(path, write) -> str:
    """``write(temporary_path)`` into a file beside ``path``, then replace ``path``
    with it: an interrupted run leaves the previous file intact."""
    path = Path(path)
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=path.suffix, dir=path.parent)
        os.close(handle)
        write(temporary)
        usual_permissions(temporary)
        os.replace(temporary, path)
    except OSError as error:
        # Said with the file the user chose, not the temporary one beside it.
        raise PlanInputError(
            tr("{path} could not be written ({reason}); a previous file of that name was left as it was.").format(
                path=path, reason=error.strerror or error),
            tr("Check the free space and that the folder {folder} can be written to, then run again.").format(
                folder=path.parent)) from None
    finally:
        if temporary and os.path.exists(temporary):
            os.unlink(temporary)
    return str(path)


def atomic_write_bytes(path, content: bytes):
    def write(temporary):
        with open(temporary, "wb") as stream:  # closed, so flushed, before it replaces the file
            stream.write(content)

    return atomic_write(path, write)


def atomic_write_text(path, text: str, encoding: str = "utf-8"):
    def write(temporary):
        with open(temporary, "w", encoding=encoding, newline="\n") as stream:
            stream.write(text)

    return atomic_write(path, write)

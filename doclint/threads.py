"""One BLAS thread per process: doclint parallelises over cases (--jobs), and on its small
matrices (20 duties × 2,000 catalog lines) extra BLAS threads only contend — measured 20 ms
for a product that takes 2 ms single-threaded on a busy 2-core machine. Call before numpy loads."""

from __future__ import annotations

import os

_VARS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def limit_blas_threads() -> None:
    for var in _VARS:
        os.environ.setdefault(var, "1")

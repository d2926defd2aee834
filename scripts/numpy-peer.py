#!/usr/bin/env python3
"""The NumPy peer of `make benchmark`: each workload of Sources/benchmarks written as a NumPy
user would write it (in-place operations, float32, no Python loop over elements), timed the same
way. The benchmark program starts it once per workload, with the BLAS thread count and the
environment set from outside, and reads one line "<name> <value>" from it.

    numpy-peer.py config                 NumPy's version, its BLAS and the kernel it chose
    numpy-peer.py sgemm M N K            GFLOP/s, median of 5 timings after a warm-up
    numpy-peer.py glorot-bengio          seconds, median of 5 runs after a warm-up
    numpy-peer.py training STEPS         steps/s of one training run (after 10 warm-up steps)
"""
import ctypes
import glob
import os
import sys
import time

import numpy as np


def median_seconds(work, repeats=5):
    work()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return sorted(times)[len(times) // 2]


def config():
    """NumPy loads its OpenBLAS from numpy.libs; asking that library names the kernel it chose."""
    blas = np.show_config(mode="dicts")["Build Dependencies"]["blas"]
    kernel = "unknown"
    for path in glob.glob(os.path.join(os.path.dirname(np.__file__), os.pardir, "numpy.libs", "libscipy_openblas*.so")):
        library = ctypes.CDLL(path)
        for name in ("scipy_openblas_get_corename64_", "scipy_openblas_get_corename"):
            if hasattr(library, name):
                function = getattr(library, name)
                function.restype = ctypes.c_char_p
                kernel = function().decode()
    print(f"config NumPy {np.__version__}, {blas['name']} {blas['version']}, kernel {kernel}")


def sgemm(m, n, k):
    rng = np.random.default_rng(1)
    a = rng.uniform(-1, 1, (m, k)).astype(np.float32)
    b = rng.uniform(-1, 1, (k, n)).astype(np.float32)
    c = np.empty((m, n), np.float32)
    flops = 2.0 * m * n * k
    repeats = max(3, int(2e10 / flops))

    def work():
        for _ in range(repeats):
            np.matmul(a, b, out=c)

    print(f"sgemm {flops * repeats / median_seconds(work) / 1e9:.1f}")


def glorot_bengio(depth=5, width=1000, batch=1000, classes=10, bins=50):
    """Sources/Experiments/Propagation, histogramRuns: tanh, forward and backward with weight
    gradients, per-layer statistics and histograms, for fan-in uniform and Glorot uniform."""

    def run(bound, seed):
        rng = np.random.default_rng(seed)
        x = rng.standard_normal((batch, width), dtype=np.float32)
        labels = rng.integers(0, classes, batch)
        shapes = [(width, width)] * depth + [(classes, width)]
        weights = [rng.uniform(-bound(i, o), bound(i, o), (o, i)).astype(np.float32) for o, i in shapes]
        pre, post = [], [x]
        for w in weights[:-1]:
            a = post[-1] @ w.T
            pre.append(a)
            post.append(np.tanh(a))
        logits = post[-1] @ weights[-1].T
        logits -= logits.max(axis=1, keepdims=True)
        probabilities = np.exp(logits)
        probabilities /= probabilities.sum(axis=1, keepdims=True)
        probabilities[np.arange(batch), labels] -= 1
        g = probabilities / batch
        gradients, weight_gradients = [], []
        for index in range(depth, -1, -1):
            weight_gradients.append(g.T @ post[index])
            if index == 0:
                break
            h = post[index]
            g = (g @ weights[index]) * (1 - h * h)
            gradients.append(g)
        gradients.reverse()

        def statistics(values, magnitudes):
            v = values.astype(np.float64)
            return v.mean(), (v * v).mean(), np.percentile(np.abs(magnitudes), 98)

        largest = max(np.percentile(np.abs(g), 99.5) for g in gradients)
        cut = 1.4722193  # |a| where tanh' falls to a tenth
        return (
            [np.histogram(h, bins, (-1, 1), density=True)[0] for h in post[1:]],
            [np.histogram(g, bins, (-largest, largest), density=True)[0] for g in gradients],
            [statistics(a, h) + ((np.abs(a) > cut).mean(),) for a, h in zip(pre, post[1:])],
            [statistics(g, g) for g in gradients],
        )

    fan_in = lambda i, o: 1 / np.sqrt(i)  # noqa: E731
    glorot = lambda i, o: np.sqrt(6 / (i + o))  # noqa: E731
    seconds = median_seconds(lambda: [run(fan_in, 1), run(glorot, 2)])
    print(f"glorot-bengio {seconds:.3f}")


def training(steps, hidden_layers=30, width=256, inputs=1024, classes=9, batch=128):
    """Sources/benchmarks/TrainingBenchmark.swift: a ReLU MLP, cross-entropy, SGD with
    momentum 0.9, He normal weights, Gaussian inputs prepared beforehand."""
    rng = np.random.default_rng(1)
    data = rng.standard_normal((8 * batch, inputs), dtype=np.float32)
    labels = rng.integers(0, classes, 8 * batch)
    sizes = [inputs] + [width] * hidden_layers + [classes]
    weights = [(rng.standard_normal((o, i), dtype=np.float32) * np.float32(np.sqrt(2 / i))) for i, o in zip(sizes, sizes[1:])]
    biases = [np.zeros(o, np.float32) for o in sizes[1:]]
    velocity_w = [np.zeros_like(w) for w in weights]
    velocity_b = [np.zeros_like(b) for b in biases]
    activations = [np.empty((batch, s), np.float32) for s in sizes]
    gradient_w = [np.empty_like(w) for w in weights]
    rows = np.arange(batch)
    learning_rate, momentum = np.float32(1e-3), np.float32(0.9)

    def step(position):
        x = activations[0]
        x[...] = data[position:position + batch]
        y = labels[position:position + batch]
        for index, (w, b) in enumerate(zip(weights, biases)):
            out = activations[index + 1]
            np.matmul(activations[index], w.T, out=out)
            out += b
            if index < hidden_layers:
                np.maximum(out, 0, out=out)
        logits = activations[-1]
        logits -= logits.max(axis=1, keepdims=True)
        np.exp(logits, out=logits)
        logits /= logits.sum(axis=1, keepdims=True)
        logits[rows, y] -= 1
        logits /= batch
        g = logits
        for index in range(len(weights) - 1, -1, -1):
            np.matmul(g.T, activations[index], out=gradient_w[index])
            gradient_b = g.sum(axis=0)
            if index > 0:
                below = g @ weights[index]
                below *= activations[index] > 0
            velocity_w[index] *= momentum
            velocity_w[index] -= learning_rate * gradient_w[index]
            weights[index] += velocity_w[index]
            velocity_b[index] *= momentum
            velocity_b[index] -= learning_rate * gradient_b
            biases[index] += velocity_b[index]
            if index > 0:
                g = below

    for position in range(10):
        step((position % 8) * batch)
    start = time.perf_counter()
    for position in range(steps):
        step((position % 8) * batch)
    print(f"training {steps / (time.perf_counter() - start):.2f}")


if __name__ == "__main__":
    command, arguments = sys.argv[1], [int(a) for a in sys.argv[2:]]
    {"config": config, "sgemm": sgemm, "glorot-bengio": glorot_bengio, "training": training}[command](*arguments)

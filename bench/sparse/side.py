#!/usr/bin/python3
"""scikit-learn's side of `npm run bench:sparse` (bench/sparse.mjs drives it); a reader can run it
on the CSR files the driver writes (DIR/NAME.indptr, .indices, .data, .y, .json).

  side.py reference DIR NAME            J at a tight tolerance (newton-cg, tol 1e-4 measured to
                                        land below 1e-10 of the optimum on these sets)
  side.py select DIR NAME JSTAR CAP S   for the solvers S (comma-separated; lbfgs, newton-cg, sag,
                                        saga): the loosest tolerance
                                        that gets J within 1e-8 of JSTAR (a fit above CAP seconds
                                        that misses drops the solver), its time
  side.py time DIR NAME SOLVER TOL      one timed fit after a warm-up
  side.py spam DIR SPLIT                TfidfVectorizer + LogisticRegression(C=1) on the train rows
                                        of SPLIT (a JSON file of {train, test} row lists of the
                                        corpus texts in DIR/spam-docs.json): held-out accuracy,
                                        and the time to vectorise and fit

J is the package's convention: mean loss + ||w||^2 / (2 C n), C = 1. liblinear is left out: it
penalises the intercept, so it minimises another objective. Single-threaded: these solvers are.
"""
import json
import sys
import time
import warnings

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

warnings.simplefilter("ignore")
TARGET = 1e-8
TOLS = [10.0 ** -e for e in range(1, 11)]


def load(d, name):
    shape = json.load(open(f"{d}/{name}.json"))["shape"]
    X = sp.csr_matrix((np.fromfile(f"{d}/{name}.data"), np.fromfile(f"{d}/{name}.indices", dtype=np.int32),
                       np.fromfile(f"{d}/{name}.indptr", dtype=np.int32)), shape=shape)
    return X, np.fromfile(f"{d}/{name}.y").astype(int)


def objective(m, X, y):
    z = X @ m.coef_.ravel() + m.intercept_[0]
    return float(np.mean(np.logaddexp(0, z) - y * z) + (m.coef_ ** 2).sum() / (2 * X.shape[0]))


def fit(X, y, solver, tol):
    m = LogisticRegression(C=1.0, solver=solver, tol=tol, max_iter=100000)
    t0 = time.perf_counter()
    m.fit(X, y)
    return time.perf_counter() - t0, objective(m, X, y)


def main():
    mode, d = sys.argv[1], sys.argv[2]
    if mode == "spam":
        docs = json.load(open(f"{d}/spam-docs.json"))
        split = json.load(open(sys.argv[3]))
        texts, labels = docs["texts"], np.array(docs["labels"])
        tr, te = split["train"], split["test"]
        t0 = time.perf_counter()
        v = TfidfVectorizer()
        Xtr = v.fit_transform([texts[i] for i in tr])
        t1 = time.perf_counter()
        m = LogisticRegression(C=1.0, max_iter=100000).fit(Xtr, labels[tr])
        t2 = time.perf_counter()
        acc = float((m.predict(v.transform([texts[i] for i in te])) == labels[te]).mean())
        print(json.dumps({"accuracy": acc, "vectoriseMs": (t1 - t0) * 1e3, "fitMs": (t2 - t1) * 1e3}), flush=True)
        return
    name = sys.argv[3]
    X, y = load(d, name)
    if mode == "reference":
        print(json.dumps({"J": fit(X, y, "newton-cg", 1e-4)[1]}), flush=True)
    elif mode == "select":
        j_star, cap = float(sys.argv[4]), float(sys.argv[5])
        out = []
        for s in sys.argv[6].split(","):
            for tol in TOLS:
                sec, J = fit(X, y, s, tol)
                if (J - j_star) / j_star <= TARGET:
                    out.append({"solver": s, "tol": tol, "ms": sec * 1e3, "J": J})
                    break
                if sec > cap:
                    break
        print(json.dumps(sorted(out, key=lambda c: c["ms"])), flush=True)
    elif mode == "time":
        solver, tol = sys.argv[4], float(sys.argv[5])
        fit(X, y, solver, tol)
        print(json.dumps({"ms": fit(X, y, solver, tol)[0] * 1e3}), flush=True)


if __name__ == "__main__":
    main()

"""Compare flightplan's allocator with scipy SLSQP on the same random 20-line problems.

Hill curves: response = c * x^s / (x^s + K^s), shapes 0.5-3.5 (many S-shaped), with bounds on
some lines. SLSQP starts from the equal split (in budget-scaled variables, with analytic
gradients: a fair start for it). Prints the quality gap and the speed ratio.
"""
import json, subprocess, sys, time
import numpy as np
from scipy.optimize import minimize

SEED, N_PROBLEMS, N_LINES = 20270104, int(sys.argv[2]) if len(sys.argv) > 2 else 200, 20
rng = np.random.default_rng(SEED)


def gen():
    c = rng.uniform(100, 5000, N_LINES)
    s = rng.uniform(0.5, 3.5, N_LINES)
    k = rng.uniform(1000, 50000, N_LINES)
    budget = float(rng.uniform(20000, 400000))
    lo = np.zeros(N_LINES)
    hi = np.full(N_LINES, np.inf)
    bounded = rng.random(N_LINES) < 0.3
    lo[bounded] = np.round(rng.uniform(0, 5000, bounded.sum()), 2)
    capped = rng.random(N_LINES) < 0.3
    hi[capped] = np.round(lo[capped] + rng.uniform(5000, 100000, capped.sum()), 2)
    if lo.sum() > budget:
        lo[:] = 0
    return dict(c=c, s=s, k=k, lo=lo, hi=hi, budget=budget)


def value(p, x):
    x = np.maximum(x, 0)
    qx = np.exp(np.clip(p["s"] * (np.log(np.maximum(x, 1e-300)) - np.log(p["k"])), -700, 700))
    return float(np.sum(p["c"] * qx / (1 + qx) * (x > 0)))


def slsqp(p):
    B, c, s, k = p["budget"], p["c"], p["s"], p["k"]
    kz = k / B  # variables z = x / B, so sum z = 1

    # q = (z/K)^s in logs, so neither the value nor the gradient overflows near z = 0.
    def q(z):
        return np.exp(np.clip(s * (np.log(np.maximum(z, 1e-12)) - np.log(kz)), -700, 700))

    def f(z):
        qz = q(z)
        return -np.sum(c * qz / (1 + qz))

    def g(z):
        z1 = np.maximum(z, 1e-12)
        qz = q(z)
        return -(c * s * qz / (z1 * (1 + qz) ** 2))

    bounds = [(l / B, None if np.isinf(h) else h / B) for l, h in zip(p["lo"], p["hi"])]
    z0 = np.full(N_LINES, 1.0 / N_LINES)
    cons = [{"type": "eq", "fun": lambda z: np.sum(z) - 1.0, "jac": lambda z: np.ones_like(z)}]
    r = minimize(f, z0, jac=g, bounds=bounds, constraints=cons, method="SLSQP",
                 options={"maxiter": 500, "ftol": 1e-12})
    return r.x * B


problems = [gen() for _ in range(N_PROBLEMS)]
payload = [dict(curves=[[float(a), float(b), float(d)] for a, b, d in zip(p["c"], p["s"], p["k"])],
                lo=[float(v) for v in p["lo"]], hi=[None if np.isinf(v) else float(v) for v in p["hi"]],
                budget=p["budget"]) for p in problems]
ours = json.loads(subprocess.run([sys.argv[1]], input=json.dumps(payload), capture_output=True, text=True, check=True).stdout)

gaps, raw_gaps, ratios, worse, sl_infeasible = [], [], [], 0, 0
for p, o in zip(problems, ours):
    reps, t = 5, time.perf_counter()
    for _ in range(reps):
        x = slsqp(p)
    sl_time = (time.perf_counter() - t) / reps
    feasible = abs(x.sum() - p["budget"]) <= 1e-6 * p["budget"] and np.all(x >= p["lo"] - 1e-6) and np.all(x <= p["hi"] + 1e-6)
    sl_infeasible += not feasible
    sl_val = value(p, np.clip(x, p["lo"], p["hi"]))
    raw_gaps.append((value(p, np.array(o["spend"])) - sl_val) / abs(sl_val) * 100)
    if raw_gaps[-1] < -0.01 and "-v" in sys.argv:
        print(f"face-value worse: {raw_gaps[-1]:+.4f}%  SLSQP spends {x.sum():.2f} of {p['budget']:.2f} "
              f"({(x.sum() / p['budget'] - 1) * 100:+.4f}%)", file=sys.stderr)
    our_x = np.array(o["spend"])
    assert abs(our_x.sum() - p["budget"]) <= 1e-6 * p["budget"], "our split must meet the budget"
    assert np.all(our_x >= p["lo"] - 1e-6) and np.all(our_x <= p["hi"] + 1e-6), "our split must respect bounds"
    our_val = value(p, our_x)
    gap = (our_val - sl_val) / abs(sl_val) * 100
    if not feasible:
        sl_val = -np.inf  # an SLSQP result off the budget or the bounds is not a valid split
        gap = float("inf")
    gaps.append(gap)
    worse += gap < -0.01
    if gap < -0.01 and "-v" in sys.argv:
        print("worse:", gap, "sum", x.sum(), p["budget"], "ours", our_val, "slsqp", sl_val, file=sys.stderr)
    ratios.append(sl_time / o["seconds"])

gaps, ratios = np.array(gaps), np.array(ratios)
valid = np.isfinite(gaps)
print(f"SLSQP failed to return a valid split (off budget/bounds) on {(~valid).sum()} of {N_PROBLEMS}; gaps below are over the other {valid.sum()}")
gaps = gaps[valid]
print(f"problems: {N_PROBLEMS} random {N_LINES}-line Hill problems (shape 0.5-3.5, ~30% bounded), seed {SEED}")
print(f"quality gap, flightplan vs SLSQP (+ = flightplan better): worst {gaps.min():+.4f}%  median {np.median(gaps):+.4f}%  best {gaps.max():+.4f}%")
print(f"counting SLSQP's off-budget results at face value too: worst {min(raw_gaps):+.4f}%  median {np.median(raw_gaps):+.4f}%")
print(f"flightplan better by >0.01%: {(gaps > 0.01).sum()}   equal within 0.01%: {(np.abs(gaps) <= 0.01).sum()}   worse by >0.01%: {worse}")
print(f"speed: flightplan median {np.median([o['seconds'] for o in ours]) * 1e3:.3f} ms/problem; "
      f"SLSQP median {np.median(ratios * np.array([o['seconds'] for o in ours])) * 1e3:.3f} ms/problem")
print(f"speed ratio (SLSQP time / flightplan time): median {np.median(ratios):.1f}x  worst {ratios.min():.1f}x")
sys.exit(1 if worse else 0)

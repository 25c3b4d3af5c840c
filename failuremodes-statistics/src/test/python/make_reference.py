#!/usr/bin/env python3
"""Writes the SciPy/NumPy reference values that the Java tests compare against.

Run from the module directory when a statistic or a sample changes, and commit the output:

    python3 src/test/python/make_reference.py > src/test/resources/scipy-reference.json

The build never runs this script. Samples are drawn from fixed seeds; large ones are rounded to 4 decimals to keep
the file small (the rounding makes ties, which the tests want anyway). Kolmogorov-Smirnov, Jensen-Shannon,
Wasserstein and chi-square come from SciPy; PSI and ECE, which SciPy lacks, are computed here with NumPy following
exactly the binning documented in SampleStatistics. Any SciPy warning (such as an exact p-value falling back to the
asymptotic one) is an error.
"""

import json
import platform
import sys
import warnings

import numpy as np
import scipy
from scipy import stats
from scipy.spatial import distance

EMPTY_BIN_PROPORTION = 1e-4


def psi_samples(reference, production, bins):
    """PSI over quantile bins of the reference: type-7 quantiles at i/bins, ties merged, (-inf, e0], ..., (e, inf)."""
    quantiles = np.quantile(np.asarray(reference), np.arange(1, bins) / bins, method="linear")
    edges = []
    for q in quantiles:
        if not edges or q > edges[-1]:
            edges.append(float(q))
    edges = np.array(edges)
    ref = np.bincount(np.searchsorted(edges, reference, side="left"), minlength=len(edges) + 1)
    prod = np.bincount(np.searchsorted(edges, production, side="left"), minlength=len(edges) + 1)
    return psi_counts(ref, prod), len(edges) + 1, edges.tolist()


def psi_counts(reference, production):
    r = np.asarray(reference) / np.sum(reference)
    p = np.asarray(production) / np.sum(production)
    r = np.where(r == 0, EMPTY_BIN_PROPORTION, r)
    p = np.where(p == 0, EMPTY_BIN_PROPORTION, p)
    return float(np.sum((p - r) * np.log(p / r)))


def jensen_shannon(reference, production, bins, base):
    """Histograms over bins equal-width bins on [min, max] of both samples, then SciPy's jensenshannon."""
    low = min(np.min(reference), np.min(production))
    high = max(np.max(reference), np.max(production))
    p, _ = np.histogram(reference, bins=bins, range=(low, high))
    q, _ = np.histogram(production, bins=bins, range=(low, high))
    return float(distance.jensenshannon(p, q, base=base)), float(low), float(high)


def ece(probabilities, outcomes, bins):
    """Equal-width bins with edges i/bins; bin i is [i/bins, (i+1)/bins), the last also holds 1."""
    probabilities = np.asarray(probabilities)
    outcomes = np.asarray(outcomes)
    edges = np.arange(bins + 1) / bins
    index = np.minimum(np.searchsorted(edges, probabilities, side="right") - 1, bins - 1)
    counts = np.bincount(index, minlength=bins)
    predicted = np.bincount(index, weights=probabilities, minlength=bins)
    observed = np.bincount(index, weights=outcomes, minlength=bins)
    total = 0.0
    for b in range(bins):
        if counts[b] > 0:
            total += counts[b] / len(probabilities) * abs(observed[b] / counts[b] - predicted[b] / counts[b])
    return total


def main():
    warnings.simplefilter("error")
    rng = np.random.default_rng(20261129)
    samples = {}

    def add(name, values):
        samples[name] = [float(v) for v in values]
        return samples[name]

    # Continuous, small: the exact KS p-value matters here.
    add("small-reference", rng.normal(0.0, 1.0, 40))
    add("small-production", rng.normal(0.4, 1.3, 27))
    # Equal sizes: another exact KS algorithm.
    add("equal-reference", rng.normal(0.0, 1.0, 200))
    add("equal-production", rng.normal(0.15, 1.0, 200))
    # Large and slightly shifted: tiny p-values.
    add("large-reference", np.round(rng.normal(0.0, 1.0, 5000), 4))
    add("large-production", np.round(rng.normal(0.12, 1.05, 3500), 4))
    # Above the exact limit of 10,000: the default KS method is asymptotic.
    add("huge-reference", np.round(rng.normal(0.0, 1.0, 12000), 3))
    add("huge-production", np.round(rng.normal(0.02, 1.0, 3000), 3))
    # Heavy ties, zero-inflated counts: quantile edges merge, KS ties.
    add("ties-reference", np.where(rng.random(600) < 0.35, 0, rng.poisson(3.0, 600)))
    add("ties-production", np.where(rng.random(450) < 0.25, 0, rng.poisson(3.6, 450)))
    # Production outside the reference range on both sides.
    add("narrow-reference", rng.uniform(0.0, 1.0, 300))
    add("wide-production", rng.uniform(-0.5, 1.5, 250))
    # Same sample on both sides.
    add("same", rng.exponential(2.0, 100))
    # Calibration: over-confident predictions, with values on bin edges, 0 and 1.
    p = np.concatenate([rng.uniform(0.0, 1.0, 992), [0.0, 1.0, 0.1, 0.3, 0.5, 0.7, 0.9, 1.0]])
    y = (rng.random(p.size) < 0.5 + (p - 0.5) * 0.7).astype(int)
    add("probabilities", p)
    samples["outcomes"] = [int(v) for v in y]
    # A small calibration set: two predictions.
    samples["two-probabilities"] = [0.25, 0.8]
    samples["two-outcomes"] = [0, 0]
    # 0.8999999999999999 is below the edge 9/10, so in bin 8, though floor(p * 10) is 9; its gap has the other sign
    # than that of 0.95, so putting both in one bin would change the error.
    samples["edge-probabilities"] = [0.8999999999999999, 0.95]
    samples["edge-outcomes"] = [0, 1]

    cases = []

    def case(statistic, inputs, expected):
        cases.append({"statistic": statistic, **inputs, "expected": expected})

    pairs = [
        ("small-reference", "small-production"),
        ("equal-reference", "equal-production"),
        ("large-reference", "large-production"),
        ("huge-reference", "huge-production"),
        ("ties-reference", "ties-production"),
        ("narrow-reference", "wide-production"),
        ("same", "same"),
    ]
    for ref_name, prod_name in pairs:
        ref, prod = samples[ref_name], samples[prod_name]
        names = {"reference": ref_name, "production": prod_name}
        for bins in ([10, 5, 20] if ref_name in ("small-reference", "ties-reference") else [10]):
            value, used, edges = psi_samples(ref, prod, bins)
            case("psi", {**names, "bins": bins}, {"value": value, "bins": used, "edges": edges})
        methods = ["asymp"] if max(len(ref), len(prod)) > 10000 else ["exact", "asymp"]
        for method in methods:
            result = stats.ks_2samp(ref, prod, alternative="two-sided", method=method)
            case("ks", {**names, "method": method},
                 {"statistic": float(result.statistic), "pValue": float(result.pvalue)})
        for bins, base in ([(10, None), (30, 2.0)] if ref_name != "same" else [(10, None)]):
            value, low, high = jensen_shannon(ref, prod, bins, base)
            case("jensenshannon", {**names, "bins": bins, "base": base},
                 {"value": value, "low": low, "high": high})
        case("wasserstein", names, {"value": float(stats.wasserstein_distance(ref, prod)),
                                    "normed": float(stats.wasserstein_distance(ref, prod) / np.std(ref))})

    # Categorical: category 3 seen only in production, category 4 only in reference, category 5 on neither side.
    reference_counts = [120, 340, 95, 0, 15, 0]
    production_counts = [100, 300, 140, 22, 0, 0]
    kept = [i for i in range(len(reference_counts)) if reference_counts[i] + production_counts[i] > 0]
    table = np.array([[reference_counts[i] for i in kept], [production_counts[i] for i in kept]])
    chi2 = stats.chi2_contingency(table, correction=False)
    categorical = {"referenceCounts": reference_counts, "productionCounts": production_counts}
    case("chi2", categorical, {"statistic": float(chi2.statistic), "degreesOfFreedom": int(chi2.dof),
                               "pValue": float(chi2.pvalue), "categories": len(kept)})
    case("psi-counts", categorical, {"value": psi_counts(reference_counts, production_counts),
                                     "bins": len(reference_counts)})
    # Two categories: one degree of freedom, where SciPy would apply Yates' correction unless told not to.
    two = {"referenceCounts": [30, 70], "productionCounts": [45, 55]}
    chi2 = stats.chi2_contingency(np.array([two["referenceCounts"], two["productionCounts"]]), correction=False)
    case("chi2", two, {"statistic": float(chi2.statistic), "degreesOfFreedom": int(chi2.dof),
                       "pValue": float(chi2.pvalue), "categories": 2})
    case("psi-counts", two, {"value": psi_counts(two["referenceCounts"], two["productionCounts"]), "bins": 2})

    for probabilities, outcomes, bins in [("probabilities", "outcomes", 10), ("probabilities", "outcomes", 15),
                                          ("probabilities", "outcomes", 1), ("two-probabilities", "two-outcomes", 10),
                                          ("edge-probabilities", "edge-outcomes", 10)]:
        case("ece", {"probabilities": probabilities, "outcomes": outcomes, "bins": bins},
             {"value": ece(samples[probabilities], samples[outcomes], bins)})

    # One case and one sample a line: readable diffs without a line per number.
    out = sys.stdout
    out.write("{\n")
    out.write(f' "generator": {json.dumps("src/test/python/make_reference.py")},\n')
    out.write(f' "python": {json.dumps(platform.python_version())},\n')
    out.write(f' "numpy": {json.dumps(np.__version__)},\n')
    out.write(f' "scipy": {json.dumps(scipy.__version__)},\n')
    out.write(' "cases": [\n')
    out.write(",\n".join("  " + json.dumps(c) for c in cases))
    out.write("\n ],\n")
    out.write(' "samples": {\n')
    out.write(",\n".join(f"  {json.dumps(name)}: {json.dumps(values)}" for name, values in samples.items()))
    out.write("\n }\n}\n")


if __name__ == "__main__":
    main()

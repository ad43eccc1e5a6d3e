// The benchmarks' large plans: the sample's lines repeated to `count`, each an equal share of the
// budget. Shared by the desktop app's measure (app-measure.mjs) and the UI's (ui/browser/bench-edit.mjs).

/** A plan of `count` lines made from `sample` (the CLI's `flightplan demo`). */
export function benchPlan(sample, count) {
  const lines = [];
  for (let i = 0; i < count; i++) {
    const l = { ...sample.lines[i % sample.lines.length], id: `line-${i}` };
    delete l.budget;
    delete l.weights;
    l.share = (100 / count).toFixed(4);
    lines.push(l);
  }
  // The scenarios name the sample's own line ids, and the actuals too.
  return { ...sample, lines, scenarios: undefined, actuals: undefined, invoices: undefined, learnings: undefined };
}

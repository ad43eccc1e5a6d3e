// The plan's totals as an invoice would show them: net media, each fee, gross, and how much of
// the budget is still unplaced (or over-placed). Beside them, when the plan has points or reach,
// its reach and frequency and how it stands against a reach goal, all as the core worked them out.

import type { NumberStyle, Plan, PlanView, Totals } from "../types";
import { isNegative, isNonZero, money, num, pct } from "../format";
import { ReachGoalStatus } from "./ReachGoalStatus";

interface Props {
  view: PlanView;
  plan: Plan;
  numberStyle?: NumberStyle;
}

interface FeeTerms {
  agency_commission_pct?: string;
  agency_commission_basis?: string;
  ad_serving_cpm?: string;
  tech_fee_pct?: string;
}

export function TotalsPanel({ view, plan, numberStyle }: Props) {
  const t = view.totals;
  const m = (v: string) => money(v, view.currency, numberStyle);
  const fees = (plan.fees ?? {}) as FeeTerms;
  const commissionTerms = fees.agency_commission_pct
    ? `${fees.agency_commission_pct}% of ${fees.agency_commission_basis === "net" ? "net" : "gross"}`
    : undefined;
  const adServingTerms = fees.ad_serving_cpm ? `${m(fees.ad_serving_cpm)} CPM` : undefined;
  const techTerms = fees.tech_fee_pct ? `${fees.tech_fee_pct}% of net` : undefined;
  const unallocatedClass = isNegative(t.unallocated) ? "bad" : isNonZero(t.unallocated) ? "warn" : "";
  return (
    <dl className="totals" aria-label="Totals">
      <Row label="Budget" value={m(t.budget)} />
      <Row label="Net media" value={m(t.net_media)} strong />
      <Row label="Agency commission" terms={commissionTerms} value={m(t.agency_commission)} />
      <Row label="Ad serving" terms={adServingTerms} value={m(t.ad_serving)} />
      <Row label="Tech fee" terms={techTerms} value={m(t.tech_fee)} />
      <Row label="Gross total" value={m(t.gross)} strong rule />
      <Row
        label={isNegative(t.unallocated) ? "Over budget" : "Unallocated"}
        value={m(t.unallocated)}
        className={unallocatedClass}
      />
    </dl>
  );
}

/** The plan's reach and frequency totals (reach, average frequency, reach at N+, GRPs, TRPs)
 * and its standing against a reach goal, beside the money totals. */
export function ReachTotals({ view, plan, numberStyle }: Props) {
  const t = view.totals;
  const figures: { label: string; terms: string; value: string; key: string; strong?: boolean }[] = [
    { key: "reach", label: "Reach", terms: "at least once", value: pct(t.reach_pct, numberStyle) },
    { key: "frequency", label: "Average frequency", terms: "among those reached", value: num(t.frequency, numberStyle) },
    {
      key: "effective",
      label: `Reach at ${t.effective_frequency}+`,
      terms: `${t.effective_frequency} or more exposures`,
      value: pct(t.effective_reach_pct, numberStyle),
      strong: true,
    },
    { key: "grps", label: "GRPs", terms: "on each line's universe", value: num(t.grps, numberStyle) },
    { key: "trps", label: "TRPs", terms: "on the target audience", value: num(t.trps, numberStyle) },
  ];
  return (
    <div className="reach-totals">
      <dl className="reach-figures" aria-label="Reach and frequency">
        {figures.map((f) => (
          <div className={`reach-figure${f.strong ? " strong" : ""}`} key={f.key} data-rf={f.key}>
            <dt>
              {f.label}
              <span className="terms">{f.terms}</span>
            </dt>
            <dd className="num">{f.value}</dd>
          </div>
        ))}
      </dl>
      {t.reach_goal && (
        <ReachGoalStatus
          goal={t.reach_goal}
          currency={view.currency}
          lines={view.lines}
          audience={typeof plan.target_audience === "string" ? plan.target_audience : undefined}
          numberStyle={numberStyle}
        />
      )}
    </div>
  );
}

/** Whether the plan has any reach figure or goal to show. */
export function hasReach(t: Totals): boolean {
  return t.reach_goal !== null || [t.grps, t.trps, t.reach_pct, t.effective_reach_pct].some((v) => v !== null);
}

function Row({
  label,
  value,
  terms,
  strong,
  rule,
  className,
}: {
  label: string;
  value: string;
  terms?: string;
  strong?: boolean;
  rule?: boolean;
  className?: string;
}) {
  const cls = ["totals-row", strong ? "strong" : "", rule ? "rule" : "", className ?? ""].filter(Boolean).join(" ");
  return (
    <div className={cls}>
      <dt>
        {label}
        {terms && <span className="terms">{terms}</span>}
      </dt>
      <dd className="num">{value}</dd>
    </div>
  );
}

// The plan's totals as an invoice would show them: net media, each fee, gross, and how much of
// the budget is still unplaced (or over-placed).

import type { NumberStyle, PlanFile, PlanView } from "../types";
import { isNegative, isNonZero, money } from "../format";

interface Props {
  view: PlanView;
  plan: PlanFile;
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

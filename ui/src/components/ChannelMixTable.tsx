// The channel mix: each line's pricing, net media, share, estimated delivery, fees and gross,
// with the plan's totals underneath, every figure as the core returned it.

import type { NumberStyle, PlanView } from "../types";
import { num, pricingLabel } from "../format";

interface Props {
  view: PlanView;
  numberStyle?: NumberStyle;
}

export function ChannelMixTable({ view, numberStyle }: Props) {
  const n = (v: string | null) => num(v, numberStyle);
  const t = view.totals;
  return (
    <div className="table-scroll">
      <table className="data mix" aria-label="Channel mix">
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">Channel</th>
            <th scope="col">Pricing</th>
            <th scope="col" className="num">Rate</th>
            <th scope="col" className="num">Net media</th>
            <th scope="col" className="num">Share</th>
            <th scope="col" className="num">Impressions</th>
            <th scope="col" className="num">Clicks</th>
            <th scope="col" className="num">Conversions</th>
            <th scope="col" className="num">GRPs</th>
            <th scope="col" className="num">Fees</th>
            <th scope="col" className="num">Gross</th>
          </tr>
        </thead>
        <tbody>
          {view.lines.map((l) => (
            <tr key={l.id}>
              <th scope="row" className="line-name">{l.name}</th>
              <td className="muted">{l.channel}</td>
              <td>{pricingLabel(l.pricing)}</td>
              <td className="num">{n(l.rate)}</td>
              <td className="num strong">{n(l.net)}</td>
              <td className="num">{n(l.share_pct)}%</td>
              <td className="num">{n(l.impressions)}</td>
              <td className="num">{n(l.clicks)}</td>
              <td className="num">{n(l.conversions)}</td>
              <td className="num">{n(l.grps)}</td>
              <td className="num">{n(l.fees)}</td>
              <td className="num">{n(l.gross)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            <td />
            <td />
            <td />
            <td className="num strong">{n(t.net_media)}</td>
            <td className="num">{n(t.share_pct)}%</td>
            <td className="num">{n(t.impressions)}</td>
            <td className="num">{n(t.clicks)}</td>
            <td className="num">{n(t.conversions)}</td>
            <td className="num">{n(t.grps)}</td>
            <td className="num">{n(t.fees)}</td>
            <td className="num strong">{n(t.gross)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

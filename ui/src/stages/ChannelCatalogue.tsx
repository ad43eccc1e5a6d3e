// Stage 3's channel catalogue, as the core holds it (`catalogue`): digital channels and the
// traditional ones — linear TV, radio, out of home, print, cinema — each with its medium, demand,
// funnel role, buying method, pricing, default rate and units (spot length and dayparts, faces,
// insertions and readership). A CPP is the price of 1% of the universe, so CPP defaults appear
// once the plan has one. Adding a channel makes a line with the entry's pricing, rate and units.

import { useState } from "react";
import type { Catalogue, CatalogueEntry, Line, Medium, Plan } from "../bindings";
import type { NumberStyle } from "../types";
import { groupDigits, money, pricingLabel, titleCase, units } from "../format";
import { newLine } from "../components/grid";
import { cleanDecimal } from "../store/usePlan";
import { mediumLabel } from "./catalogue";
import { AUDIENCE_KPIS } from "./model";

/** Media bought by spot, face or insertion, listed apart from the digital ones. */
export const TRADITIONAL: Medium[] = ["tv", "radio", "ooh", "print", "cinema"];

/** Whether a catalogue entry books a count of units that sets its cost (faces, insertions). */
function booksUnits(e: { pricing: string; faces?: number | null; insertions?: number | null }): boolean {
  return (e.pricing === "per_face_week" && e.faces != null) || (e.pricing === "per_insertion" && e.insertions != null);
}

/** A new line for `plan` from a catalogue entry, at `rate` (the entry's default unless the planner
 * changed it here). A line booked in faces or insertions costs its units × rate; any other line
 * starts at a 0% share for the planner to fund. */
export function lineFromEntry(plan: Plan, entry: CatalogueEntry, rate: string): Line {
  const base = newLine(plan);
  const line: Line = {
    id: base.id,
    channel: entry.channel,
    name: entry.name,
    medium: entry.medium ?? undefined,
    demand: entry.demand ?? undefined,
    role: entry.role ?? undefined,
    buying: entry.buying ?? undefined,
    pricing: entry.pricing,
    start: base.start,
    end: base.end,
  };
  const r = cleanDecimal(rate);
  if (entry.vendor.trim()) line.vendor = entry.vendor;
  if (r && entry.pricing !== "flat") line.rate = r;
  if (entry.spot_length != null) line.spot_length = entry.spot_length;
  if (entry.dayparts.length > 0) line.dayparts = entry.dayparts.map((d) => ({ ...d }));
  if (entry.readership != null) line.readership = entry.readership;
  if (entry.pricing === "per_face_week" && entry.faces != null) line.faces = entry.faces;
  if (entry.pricing === "per_insertion" && entry.insertions != null) line.insertions = entry.insertions;
  if (!booksUnits(entry)) line.share = "0";
  return line;
}

/** An entry's units in a planner's words: "30s spots", "20 faces a week", "4 insertions". */
export function entryUnits(e: CatalogueEntry, style?: NumberStyle): { main: string; sub?: string } | null {
  if (e.spot_length != null) {
    const parts = e.dayparts.map((d) => `${d.name}${d.share ? ` ${d.share}%` : ""}`).join(" · ");
    return { main: `${e.spot_length}s spots`, sub: parts || undefined };
  }
  if (e.faces != null) return { main: `${units(e.faces, e.medium === "cinema" ? "screens" : "faces", style)} a week` };
  if (e.insertions != null) {
    return { main: units(e.insertions, "insertions", style), sub: e.readership ? `${groupDigits(e.readership, style)} readers each` : undefined };
  }
  return null;
}

const key = (e: CatalogueEntry) => `${e.channel}|${e.name}`;

interface Props {
  plan: Plan;
  catalogue: Catalogue | null;
  /** Why the catalogue for the plan's universe was refused (CPP defaults are then empty). */
  refused?: string | null;
  currency: string;
  numberStyle?: NumberStyle;
  onAdd: (line: Line) => void;
}

export function ChannelCatalogue({ plan, catalogue, refused, currency, numberStyle, onAdd }: Props) {
  // The planner's own default rates for this session, over the core's.
  const [rates, setRates] = useState<Record<string, string>>({});
  if (!catalogue) return <p className="muted small">Loading the catalogue…</p>;
  const rateOf = (e: CatalogueEntry) => rates[key(e)] ?? e.rate ?? "";
  const digital: [string, CatalogueEntry[]] = ["Digital", catalogue.channels.filter((e) => !e.medium || !TRADITIONAL.includes(e.medium))];
  const traditional: [string, CatalogueEntry[]] = [
    "TV, radio, out of home, print and cinema",
    catalogue.channels.filter((e) => !!e.medium && TRADITIONAL.includes(e.medium)),
  ];
  // A goal counted in people (reach, points) is planned in broadcast first.
  const groups = plan.goal?.kpi && AUDIENCE_KPIS.includes(plan.goal.kpi) ? [traditional, digital] : [digital, traditional];
  return (
    <>
      {refused && <p className="inline-warning">The plan's universe was refused ({refused}): cost-per-point defaults are left empty.</p>}
      <table className="data catalogue" aria-label="Channel catalogue">
        <thead>
          <tr>
            <th scope="col">Channel</th>
            <th scope="col">Medium</th>
            <th scope="col">Demand</th>
            <th scope="col">Funnel</th>
            <th scope="col">Buying</th>
            <th scope="col">Pricing</th>
            <th scope="col" className="num">Default rate</th>
            <th scope="col">Units</th>
            <th />
          </tr>
        </thead>
        {groups.map(([title, entries]) => (
          <tbody key={title}>
            <tr className="catalogue-group">
              <th colSpan={9} scope="colgroup">
                {title}
              </th>
            </tr>
            {entries.map((e) => {
              const u = entryUnits(e, numberStyle);
              return (
                <tr key={key(e)} data-medium={e.medium ?? undefined} data-pricing={e.pricing}>
                  <th scope="row" className="line-name">
                    {e.channel}
                    <span className="sub">{e.name}</span>
                  </th>
                  <td>{mediumLabel(catalogue, e.medium)}</td>
                  <td>
                    {e.demand ? <span className={`tag demand-${e.demand}`}>{titleCase(e.demand)}</span> : <span className="muted">—</span>}
                  </td>
                  <td>{e.role ? titleCase(e.role) : "—"}</td>
                  <td className="muted">{e.buying ? titleCase(e.buying) : "—"}</td>
                  <td>{pricingLabel(e.pricing)}</td>
                  <td className="num">
                    {e.pricing === "flat" ? (
                      <span className="muted">flat fee</span>
                    ) : (
                      <>
                        <input
                          className="rate-input num"
                          aria-label={`Default rate for ${e.channel} ${e.name}`}
                          value={rateOf(e)}
                          placeholder={e.pricing === "cpp" && e.rate === null ? "no universe" : undefined}
                          onChange={(ev) => setRates({ ...rates, [key(e)]: ev.target.value })}
                        />
                        {e.pricing === "cpp" && e.typical_cpm && (
                          <span className="sub rate-basis">
                            {e.rate === null ? "set the universe (stage 2)" : `at a ${money(e.typical_cpm, currency, numberStyle)} CPM`}
                          </span>
                        )}
                      </>
                    )}
                  </td>
                  <td className="units-cell">
                    {u ? (
                      <>
                        {u.main}
                        {u.sub && (
                          <span className="sub" title={u.sub}>
                            {u.sub}
                          </span>
                        )}
                      </>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                  <td className="num">
                    <button type="button" className="button small" aria-label={`Add ${e.channel} ${e.name}`} onClick={() => onAdd(lineFromEntry(plan, e, rateOf(e)))}>
                      Add
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        ))}
      </table>
    </>
  );
}

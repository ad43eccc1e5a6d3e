// The figures that differ between two states of a plan, as the core's `changes` lists them: the
// lines added and removed, then every changed figure with its line, before, after and the
// difference. Shown for "Changes since approval" and before an update from a file is applied.

import type { Change, Changes, Plan } from "../bindings";
import type { NumberStyle } from "../types";
import { money, num } from "../format";

/** A changed value as it reads: money in the plan's currency, numbers grouped, the rest as written. */
export function changeValue(c: Change, value: string | null, currency: string, style?: NumberStyle): string {
  if (value === null) return "—";
  if (c.kind === "money") return money(value, currency, style);
  if (c.kind === "count" || c.kind === "number") return num(value, style);
  if (c.kind === "percent") return `${num(value, style)}%`;
  return value;
}

/** A difference as it reads: "+$0.15", "−$48,000.00". */
export function signed(text: string): string {
  return text.startsWith("-") ? `−${text.slice(1)}` : `+${text}`;
}

interface Props {
  changes: Changes;
  /** The plan whose line names the changed lines go by (the later one: it has the added lines). */
  plan: Plan;
  numberStyle?: NumberStyle;
  /** Column headings for the two sides: "Approved" and "Now", "In the plan" and "In the file". */
  before: string;
  after: string;
  /** List the figures set first, and those that follow from them (fees, totals, months, weeks)
   * folded under them. */
  setFirst?: boolean;
}

export function ChangesList({ changes, plan, numberStyle, before, after, setFirst = false }: Props) {
  const v = (c: Change, x: string | null) => changeValue(c, x, changes.currency, numberStyle);
  const lineName = (lineId: string | null) => (lineId === null ? "Plan" : plan.lines.find((l) => l.id === lineId)?.name ?? lineId);
  const set = setFirst ? changes.changes.filter((c) => !c.derived) : changes.changes;
  const follow = setFirst ? changes.changes.filter((c) => c.derived) : [];
  const table = (rows: Change[], label: string) => (
    <table className="data changes-table" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">Line</th>
          <th scope="col">Figure</th>
          <th scope="col" className="num">
            {before}
          </th>
          <th scope="col" className="num">
            {after}
          </th>
          <th scope="col" className="num">
            Change
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((c, i) => (
          <tr key={`${c.line}-${c.field}-${i}`} data-field={c.field} data-line={c.line ?? ""}>
            <td>{lineName(c.line)}</td>
            <td>{c.label}</td>
            <td className="num">{v(c, c.before)}</td>
            <td className="num">{v(c, c.after)}</td>
            <td className="num">{c.difference === null ? "" : signed(v(c, c.difference))}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <>
      {(changes.lines_added.length > 0 || changes.lines_removed.length > 0) && (
        <ul className="changes-lines">
          {changes.lines_added.map((l) => (
            <li key={`+${l.id}`} className="added">
              Added: {l.name} ({l.channel}), {money(l.net, changes.currency, numberStyle)} net
            </li>
          ))}
          {changes.lines_removed.map((l) => (
            <li key={`-${l.id}`} className="removed">
              Removed: {l.name} ({l.channel}), {money(l.net, changes.currency, numberStyle)} net
            </li>
          ))}
        </ul>
      )}
      {set.length > 0 && table(set, "Changed figures")}
      {follow.length > 0 && (
        <details className="changes-derived">
          <summary>
            {follow.length} {follow.length === 1 ? "figure follows" : "figures follow"} from {set.length + changes.lines_added.length + changes.lines_removed.length === 1 ? "this" : "these"}: fees,
            gross, delivery, reach, months and weeks
          </summary>
          {table(follow, "Figures that follow")}
        </details>
      )}
    </>
  );
}

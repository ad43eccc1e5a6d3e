// The import preview: what the core read from a platform report and what importing it would do,
// before anything changes. First what the file held, so the planner can check it against the
// platform's own screen: the dialect recognised ("Google Ads (pt)"), the period, the rows read and
// the exact totals of every row read, matched or not (the core's strings, formatted, never added
// up here), and the core's warnings. Then the rows to add per line, the rows replaced, the file
// lines left out, and the campaigns that match no line, each assignable to a line by its campaign
// name or by one of its ad sets.

import { useState } from "react";
import type { Actual, ActualsPreview, DateOrder, Plan, ReportDates, Unmatched } from "../../bindings";
import type { NumberStyle } from "../../types";
import { day, num, period as planPeriod } from "../../format";
import { fileLines } from "./numbers";
import { coverLabel, rangeText } from "./ranges";

/** The platform as planners call it, by the core's name for it. */
export const PLATFORM_TITLE: Record<string, string> = {
  google: "Google Ads",
  meta: "Meta Ads Manager",
  tiktok: "TikTok Ads Manager",
  linkedin: "LinkedIn Campaign Manager",
  microsoft: "Microsoft Advertising",
  amazon: "Amazon Ads",
  snapchat: "Snapchat Ads Manager",
  pinterest: "Pinterest Ads",
  mapped: "Mapped columns",
};

interface Group {
  line: string;
  campaign: string;
  rows: Actual[];
  first: string;
  last: string;
}

/** The rows to add, by line and campaign (or campaign / ad set), with the days they cover. */
function groups(added: Actual[]): Group[] {
  const out: Group[] = [];
  for (const a of added) {
    const campaign = a.source?.replace(/^[a-z]+:/, "") ?? "";
    let g = out.find((x) => x.line === a.line && x.campaign === campaign);
    if (!g) out.push((g = { line: a.line, campaign, rows: [], first: a.start, last: a.end }));
    g.rows.push(a);
    if (a.start < g.first) g.first = a.start;
    if (a.end > g.last) g.last = a.end;
  }
  return out;
}

export function ImportPreview({
  plan,
  preview,
  givenPeriod,
  busy,
  m,
  numberStyle,
  onChangePeriod,
  onDates,
  onAssign,
  onAccept,
  onCancel,
}: {
  plan: Plan;
  preview: ActualsPreview;
  /** The period is the one the planner gave (the report states none). */
  givenPeriod: boolean;
  busy: boolean;
  m: (v: string) => string;
  numberStyle?: NumberStyle;
  onChangePeriod?: () => void;
  /** Read the file again with its numeric dates in the other order. */
  onDates?: (order: DateOrder) => void;
  /** Save a campaign's or ad set's name on a line. */
  onAssign: (name: string, line: string) => void;
  onAccept: () => void;
  onCancel: () => void;
}) {
  const byLine = groups(preview.added);
  const lineName = (id: string) => plan.lines.find((l) => l.id === id)?.name ?? id;
  const unmatchedRows = preview.unmatched.reduce((n, u) => n + u.rows, 0);
  // Rows with days outside the plan's period still count toward spend: the core counts them, and
  // the preview says so before they are saved.
  const outside = preview.outside_period;
  const skipped = new Map<string, number[]>();
  for (const s of preview.skipped) if (s.line > 0) skipped.set(s.reason, [...(skipped.get(s.reason) ?? []), s.line]);
  const more = preview.skipped.filter((s) => s.line === 0);
  const nothing = preview.added.length === 0;
  const t = preview.totals;
  const readAs = preview.dialect?.label ?? PLATFORM_TITLE[preview.platform] ?? preview.platform;

  return (
    <section className="preview" aria-label="Import preview" data-testid="import-preview" aria-busy={busy}>
      <div className="preview-head">
        <p>
          <strong>{preview.file}</strong>
        </p>
        <dl className="report-facts">
          <div>
            <dt>Read as</dt>
            <dd data-testid="preview-dialect">{readAs}</dd>
          </div>
          <div>
            <dt>Period</dt>
            <dd data-testid="preview-period">
              {preview.period ? rangeText(preview.period.start, preview.period.end) : "—"}
              {givenPeriod && <span className="muted"> (as you gave it)</span>}
              {onChangePeriod && (
                <button type="button" className="link-button" onClick={onChangePeriod}>
                  Change
                </button>
              )}
            </dd>
          </div>
          {preview.dates && <DatesRead dates={preview.dates} busy={busy} onDates={onDates} />}
          <div>
            <dt>Rows read</dt>
            <dd>
              <span className="num" data-testid="preview-rows-read">
                {num(String(preview.rows_read), numberStyle)}
              </span>
              <span className="muted">
                {" "}
                · header on line {preview.header_line} · {preview.encoding}
              </span>
            </dd>
          </div>
          <div>
            <dt>Currency</dt>
            <dd data-testid="preview-currency">
              {preview.currency ?? plan.currency}
              {!preview.currency && <span className="muted"> (the plan's; the file does not say)</span>}
            </dd>
          </div>
        </dl>
        <div className="report-totals" aria-label="Totals of the rows read" data-testid="report-totals">
          <span className="report-totals-label muted small">Totals of every row read, matched or not</span>
          <Total label="Spend" value={m(t.spend)} id="spend" />
          <Total label="Impressions" value={t.impressions === null ? null : num(t.impressions, numberStyle)} id="impressions" />
          <Total label="Clicks" value={t.clicks === null ? null : num(t.clicks, numberStyle)} id="clicks" />
          <Total label="Conversions" value={t.conversions === null ? null : num(t.conversions, numberStyle)} id="conversions" />
        </div>
        {preview.warnings.length > 0 && (
          <ul className="preview-warnings" aria-label="Warnings" data-testid="preview-warnings">
            {preview.warnings.map((w, i) => (
              <li key={i} className="inline-warning">
                {w.line ? <span className="num">Line {w.line}: </span> : null}
                {w.message}
              </li>
            ))}
          </ul>
        )}
        <p className="preview-stats">
          <span data-testid="preview-added">
            <strong className="num">{preview.added.length}</strong> rows to add
          </span>
          <span data-testid="preview-replaced">
            <strong className="num">{preview.replaced}</strong> existing rows replaced
          </span>
          <span>
            <strong className="num">{preview.skipped.length}</strong> file lines left out
          </span>
          <span className={preview.unmatched.length ? "warn" : ""} data-testid="preview-unmatched-count">
            <strong className="num">{preview.unmatched.length}</strong> unmatched campaigns
            {unmatchedRows ? ` (${unmatchedRows} rows)` : ""}
          </span>
        </p>
      </div>

      {byLine.length > 0 && (
        <table className="data preview-table" aria-label="Rows to add by line">
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Campaign in the report</th>
              <th scope="col" className="num">Rows</th>
              <th scope="col">Days</th>
            </tr>
          </thead>
          <tbody>
            {byLine.map((g) => (
              <tr key={`${g.line}-${g.campaign}`} data-line={g.line}>
                <th scope="row">{lineName(g.line)}</th>
                <td>{g.campaign || <span className="muted">—</span>}</td>
                <td className="num" data-testid="rows-per-line">
                  {g.rows.length}
                </td>
                <td>
                  <details>
                    <summary>{rangeText(g.first, g.last)}</summary>
                    <table className="rows-detail">
                      <thead>
                        <tr>
                          <th>Days</th>
                          <th>Covers</th>
                          <th className="num">Spend</th>
                          <th className="num">Impr.</th>
                          <th className="num">Clicks</th>
                          <th className="num">Conv.</th>
                          <th className="num">Revenue</th>
                        </tr>
                      </thead>
                      <tbody>
                        {g.rows.map((a) => (
                          <tr key={`${a.start}-${a.end}`}>
                            <td>{rangeText(a.start, a.end)}</td>
                            <td className="muted">{coverLabel(a.start, a.end)}</td>
                            <td className="num">{m(a.spend)}</td>
                            <td className="num">{num(a.impressions, numberStyle)}</td>
                            <td className="num">{num(a.clicks, numberStyle)}</td>
                            <td className="num">{num(a.conversions, numberStyle)}</td>
                            <td className="num">{a.revenue ? m(a.revenue) : "—"}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {outside && (
        <p className="inline-warning" role="note">
          {outside.rows} of these rows cover days {rangeText(outside.first, outside.last)}, outside the plan's period ({planPeriod(plan.start, plan.end)}).
          Imported, they count toward spend to date.
        </p>
      )}

      {preview.unmatched.length > 0 && (
        <div className="unmatched">
          <h3>Campaigns that match no line</h3>
          <p className="muted small">
            Their rows are not imported until you assign each campaign, or one of its ad sets, to a line. The name is saved on the line, so later reports
            match it too.
          </p>
          <table className="data unmatched-table" aria-label="Unmatched campaigns">
            <thead>
              <tr>
                <th scope="col">Campaign</th>
                <th scope="col">File lines</th>
                <th scope="col" className="num">Rows</th>
                <th scope="col" className="num">Spend</th>
                <th scope="col">Assign to line</th>
              </tr>
            </thead>
            <tbody>
              {preview.unmatched.map((u) => (
                <UnmatchedRow key={u.campaign} u={u} plan={plan} m={m} busy={busy} onAssign={onAssign} />
              ))}
            </tbody>
          </table>
        </div>
      )}

      {preview.skipped.length > 0 && (
        <details className="skipped">
          <summary>
            {preview.skipped.length} file {preview.skipped.length === 1 ? "line" : "lines"} left out
          </summary>
          <ul>
            {[...skipped].map(([reason, lines]) => (
              <li key={reason}>
                <span className="num">
                  {lines.length === 1 ? "Line" : "Lines"} {fileLines(lines)}
                </span>
                : {reason}
              </li>
            ))}
            {more.map((s) => (
              <li key={s.reason}>{s.reason}</li>
            ))}
          </ul>
        </details>
      )}

      <div className="preview-actions">
        <button type="button" className="button primary" onClick={onAccept} disabled={busy || nothing} data-testid="import-accept">
          {nothing ? "Nothing to import" : `Import ${preview.added.length} ${preview.added.length === 1 ? "row" : "rows"}`}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        {preview.unmatched.length > 0 && !nothing && (
          <span className="warn small">
            {preview.unmatched.length} unmatched {preview.unmatched.length === 1 ? "campaign stays" : "campaigns stay"} out of this import.
          </span>
        )}
      </div>
    </section>
  );
}

/** One of the file's totals; a measure the file has no column for is a dash, not 0. */
function Total({ label, value, id }: { label: string; value: string | null; id: string }) {
  return (
    <span className="report-total">
      <span className="label">{label}</span>
      <strong className="num" data-testid={`report-total-${id}`} title={value === null ? "The file has no column for this" : undefined}>
        {value ?? "—"}
      </strong>
    </span>
  );
}

/** File lines listed per unmatched campaign before the rest are counted (all are in the tooltip). */
const MAX_RUNS = 12;

/** An unmatched campaign: assign the whole campaign, or one of its ad sets, to a line. */
function UnmatchedRow({
  u,
  plan,
  m,
  busy,
  onAssign,
}: {
  u: Unmatched;
  plan: Plan;
  m: (v: string) => string;
  busy: boolean;
  onAssign: (name: string, line: string) => void;
}) {
  const adSets = u.ad_sets ?? [];
  const [picked, setName] = useState(u.campaign);
  // An ad set assigned meanwhile leaves the list (the next preview matches it): back to the campaign.
  const name = picked === u.campaign || adSets.includes(picked) ? picked : u.campaign;
  const [line, setLine] = useState("");
  return (
    <tr data-campaign={u.campaign}>
      <th scope="row">
        {u.campaign}
        <span className="sub">{u.reason}</span>
        {adSets.length > 0 && (
          <span className="sub ad-sets" data-testid="unmatched-ad-sets">
            Ad sets: {adSets.join(" · ")}
          </span>
        )}
      </th>
      <td className="num file-lines" data-testid="unmatched-lines" title={fileLines(u.file_lines)}>
        {fileLines(u.file_lines, MAX_RUNS)}
      </td>
      <td className="num">{u.rows}</td>
      <td className="num">{m(u.spend)}</td>
      <td>
        <div className="assign">
          {adSets.length > 0 && (
            <select aria-label={`Name to assign from ${u.campaign}`} value={name} onChange={(e) => setName(e.target.value)}>
              <option value={u.campaign}>Whole campaign</option>
              {adSets.map((a) => (
                <option key={a} value={a}>
                  Ad set: {a}
                </option>
              ))}
            </select>
          )}
          <select aria-label={`Line for ${u.campaign}`} value={line} onChange={(e) => setLine(e.target.value)}>
            <option value="">Choose a line…</option>
            {plan.lines.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name} · {l.channel}
              </option>
            ))}
          </select>
          <button type="button" className="button small" disabled={!line || busy} onClick={() => onAssign(name, line)}>
            Assign
          </button>
        </div>
      </td>
    </tr>
  );
}

/** Why the core read the dates in the order it did, as the preview says it. */
const BASIS: Record<ReportDates["basis"], string> = {
  given: "as you chose",
  proven: "a date in the file has a day over 12",
  shape: "read so, the dates run day after day",
  title: "read so, the dates fall in the report's own period",
  habit: "a guess from how the file writes numbers or its language: check it",
};

/** The order a report's numeric dates were read in, with one date that reads two ways, and the
 * other order to read the file in: a wrong reading imports without a single error. */
function DatesRead({ dates, busy, onDates }: { dates: ReportDates; busy: boolean; onDates?: (order: DateOrder) => void }) {
  return (
    <div>
      <dt>Dates</dt>
      <dd data-testid="preview-dates">
        <select
          aria-label="Date order in the report"
          value={dates.order}
          disabled={busy || !onDates}
          onChange={(e) => onDates?.(e.target.value as DateOrder)}
        >
          <option value="day_first">Day first (31/12)</option>
          <option value="month_first">Month first (12/31)</option>
        </select>
        <span className="muted">
          {" "}
          “{dates.example}” is {day(dates.read_as)}, not {day(dates.otherwise)}: {BASIS[dates.basis]}
        </span>
      </dd>
    </div>
  );
}

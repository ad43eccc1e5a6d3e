// Importing a platform report (Meta, Google Ads, TikTok, or any other CSV or XLSX through a saved
// column mapping, see ColumnMappingForm) into the plan's actuals.
// The core reads the file and says what importing it would do — rows per line, rows it replaces,
// lines of the file it left out, and campaigns it could not match — before anything changes.
// Unmatched campaigns are never dropped silently: the planner assigns each to a line (saved on
// the line, so the next report matches too) and the same file is previewed again. "Import" saves
// the core's complete actuals as one edit; a malformed file imports nothing and the core's
// message names the file line.

import { useEffect, useRef, useState } from "react";
import { api, CommandError, toCommandError } from "../../api";
import type { ColumnMapping, ReportPlatform } from "../../api";
import type { Actual, ActualsPreview, Plan, Unmatched } from "../../bindings";
import type { NumberStyle } from "../../types";
import { day, money, num, period } from "../../format";
import { ErrorNotice } from "../../components/ErrorNotice";
import { assignCampaign } from "./edits";
import { fileLines } from "./numbers";
import { ColumnMappingForm, loadMapping, saveMapping, toMapping } from "./ColumnMappingForm";
import type { MappingForm } from "./ColumnMappingForm";

type Platform = ReportPlatform;
const PLATFORMS: { value: Platform; label: string }[] = [
  { value: "auto", label: "Detect from the file" },
  { value: "meta", label: "Meta Ads Manager" },
  { value: "google", label: "Google Ads" },
  { value: "tiktok", label: "TikTok Ads" },
  { value: "mapped", label: "Other file (map columns)" },
];
const PLATFORM_NAME: Record<string, string> = { meta: "Meta Ads Manager", google: "Google Ads", tiktok: "TikTok Ads", mapped: "Mapped columns" };

interface Props {
  plan: Plan;
  edit: (change: (plan: Plan) => Plan) => void;
  numberStyle?: NumberStyle;
}

interface Group {
  line: string;
  campaign: string;
  rows: Actual[];
  first: string;
  last: string;
}

/** The rows to add, by line and campaign, with the days they cover. */
function groups(added: Actual[]): Group[] {
  const out: Group[] = [];
  for (const a of added) {
    const campaign = a.source?.replace(/^[a-z]+:/, "") ?? "";
    let g = out.find((x) => x.line === a.line && x.campaign === campaign);
    if (!g) out.push((g = { line: a.line, campaign, rows: [], first: a.date, last: a.date }));
    g.rows.push(a);
    if (a.date < g.first) g.first = a.date;
    if (a.date > g.last) g.last = a.date;
  }
  return out;
}

/** The report being previewed: the number the shell gave the file the planner picked, its name,
 * and how it is read. */
interface Source {
  report: number;
  file: string;
  platform: Platform;
  mapping?: ColumnMapping;
}

export function ImportActuals({ plan, edit, numberStyle }: Props) {
  const [platform, setPlatform] = useState<Platform>("auto");
  const [source, setSource] = useState<Source | null>(null);
  const [mappingForm, setMappingForm] = useState<MappingForm>(() => loadMapping(plan.currency));
  const [mappingSaved, setMappingSaved] = useState(false);
  const mapping = platform === "mapped" ? toMapping(mappingForm) : null;
  const [preview, setPreview] = useState<ActualsPreview | null>(null);
  const [error, setError] = useState<CommandError | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const seq = useRef(0);
  const m = (v: string) => money(v, plan.currency, numberStyle);

  // The preview always answers for the plan as it is now: after an assignment (or its undo) the
  // same file is read again, by its number.
  useEffect(() => {
    if (!source) return;
    const mine = ++seq.current;
    setBusy(true);
    api.previewActuals(plan, source.report, source.platform, source.mapping).then(
      (p) => {
        if (mine !== seq.current) return;
        if (source.mapping) {
          saveMapping(source.mapping);
          setMappingSaved(true);
        }
        setPreview(p);
        setError(null);
        setBusy(false);
      },
      (e) => {
        if (mine !== seq.current) return;
        setPreview(null);
        setError(toCommandError(e));
        setBusy(false);
      },
    );
  }, [plan, source]);

  /** The shell asks for the report in its open dialog; then it is previewed. */
  const choose = async () => {
    setDone(null);
    try {
      const chosen = await api.chooseReport();
      if (!chosen) return;
      setPreview(null);
      setError(null);
      setSource({ report: chosen.report, file: chosen.file, platform, ...(mapping ? { mapping } : {}) });
    } catch (e) {
      setError(toCommandError(e));
    }
  };

  const cancel = () => {
    seq.current++;
    setSource(null);
    setPreview(null);
    setError(null);
    setBusy(false);
  };

  const accept = () => {
    if (!preview) return;
    const actuals = preview.actuals;
    const rows = preview.added.length;
    const file = preview.file;
    cancel();
    edit((p) => ({ ...p, actuals }));
    setDone(`Imported ${rows} ${rows === 1 ? "row" : "rows"} from ${file}.`);
  };

  return (
    <div className="import">
      <div className="import-bar">
        <label className="inline-field">
          <span>Report from</span>
          <select
            aria-label="Report platform"
            value={platform}
            onChange={(e) => {
              setPlatform(e.target.value as Platform);
              setMappingSaved(false);
            }}
          >
            {PLATFORMS.map((p) => (
              <option key={p.value} value={p.value}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button primary" onClick={choose} disabled={busy || (platform === "mapped" && !mapping)}>
          Choose report…
        </button>
        <span className="muted small">
          {platform === "mapped"
            ? "Any CSV or XLSX with one row per campaign and day. Nothing changes until you press Import."
            : "Meta, Google Ads or TikTok exports, CSV or XLSX. Nothing changes until you press Import."}
        </span>
      </div>
      {platform === "mapped" && (
        <ColumnMappingForm
          form={mappingForm}
          saved={mappingSaved}
          onChange={(f) => {
            setMappingForm(f);
            setMappingSaved(false);
          }}
        />
      )}

      {done && (
        <p className="notice" role="status">
          {done}
        </p>
      )}
      {busy && !preview && !error && <p className="muted small">Reading the report…</p>}
      {error && (
        <div className="import-error">
          <ErrorNotice error={error} title="Nothing was imported" />
          {source?.mapping ? (
            <p className="muted small">
              Check the column names above against the file's header row
              {mapping ? (
                <>
                  {", then "}
                  <button type="button" className="button small" onClick={() => setSource({ ...source, mapping })} disabled={busy}>
                    Read {source.file} again
                  </button>
                </>
              ) : (
                "."
              )}
            </p>
          ) : (
            <p className="muted small">Fix the file (or pick its platform above) and choose it again.</p>
          )}
        </div>
      )}
      {preview && source && (
        <PreviewPanel
          plan={plan}
          preview={preview}
          busy={busy}
          m={m}
          numberStyle={numberStyle}
          onAssign={(campaign, line) => edit((p) => assignCampaign(p, line, campaign))}
          onAccept={accept}
          onCancel={cancel}
        />
      )}
    </div>
  );
}

function PreviewPanel({
  plan,
  preview,
  busy,
  m,
  numberStyle,
  onAssign,
  onAccept,
  onCancel,
}: {
  plan: Plan;
  preview: ActualsPreview;
  busy: boolean;
  m: (v: string) => string;
  numberStyle?: NumberStyle;
  onAssign: (campaign: string, line: string) => void;
  onAccept: () => void;
  onCancel: () => void;
}) {
  const byLine = groups(preview.added);
  const lineName = (id: string) => plan.lines.find((l) => l.id === id)?.name ?? id;
  const unmatchedRows = preview.unmatched.reduce((n, u) => n + u.rows, 0);
  // Rows dated outside the plan's period still count toward spend: say so before they are saved.
  const outside = preview.added.filter((a) => a.date < plan.start || a.date > plan.end);
  const outsideFirst = outside.reduce((d, a) => (a.date < d ? a.date : d), outside[0]?.date ?? "");
  const outsideLast = outside.reduce((d, a) => (a.date > d ? a.date : d), outside[0]?.date ?? "");
  const skipped = new Map<string, number[]>();
  for (const s of preview.skipped) skipped.set(s.reason, [...(skipped.get(s.reason) ?? []), s.line]);
  const nothing = preview.added.length === 0;

  return (
    <section className="preview" aria-label="Import preview" data-testid="import-preview" aria-busy={busy}>
      <div className="preview-head">
        <p>
          <strong>{preview.file}</strong>
          <span className="muted">
            {" "}
            · {PLATFORM_NAME[preview.platform] ?? preview.platform} · {preview.encoding} · header on line {preview.header_line} · {preview.rows_read}{" "}
            data rows read
          </span>
        </p>
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
              <th scope="col">Dates</th>
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
                    <summary>{g.first === g.last ? day(g.first) : period(g.first, g.last)}</summary>
                    <table className="rows-detail">
                      <thead>
                        <tr>
                          <th>Date</th>
                          <th className="num">Spend</th>
                          <th className="num">Impr.</th>
                          <th className="num">Clicks</th>
                          <th className="num">Conv.</th>
                          <th className="num">Revenue</th>
                        </tr>
                      </thead>
                      <tbody>
                        {g.rows.map((a) => (
                          <tr key={`${a.date}-${a.period}`}>
                            <td>
                              {day(a.date)}
                              {a.period === "week" ? " (week)" : ""}
                            </td>
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

      {outside.length > 0 && (
        <p className="inline-warning" role="note">
          {outside.length} of these rows are dated {outsideFirst === outsideLast ? day(outsideFirst) : period(outsideFirst, outsideLast)}, outside the plan's
          period ({period(plan.start, plan.end)}). Imported, they count toward spend to date.
        </p>
      )}

      {preview.unmatched.length > 0 && (
        <div className="unmatched">
          <h3>Campaigns that match no line</h3>
          <p className="muted small">
            Their rows are not imported until you assign each campaign to a line. The name is saved on the line, so later reports match it too.
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

      {skipped.size > 0 && (
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
  onAssign: (campaign: string, line: string) => void;
}) {
  const [line, setLine] = useState("");
  return (
    <tr data-campaign={u.campaign}>
      <th scope="row">
        {u.campaign}
        <span className="sub">{u.reason}</span>
      </th>
      <td className="num file-lines" data-testid="unmatched-lines">
        {fileLines(u.file_lines)}
      </td>
      <td className="num">{u.rows}</td>
      <td className="num">{m(u.spend)}</td>
      <td>
        <div className="assign">
          <select aria-label={`Line for ${u.campaign}`} value={line} onChange={(e) => setLine(e.target.value)}>
            <option value="">Choose a line…</option>
            {plan.lines.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name} · {l.channel}
              </option>
            ))}
          </select>
          <button type="button" className="button small" disabled={!line || busy} onClick={() => onAssign(u.campaign, line)}>
            Assign
          </button>
        </div>
      </td>
    </tr>
  );
}

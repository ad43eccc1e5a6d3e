// Importing a platform report (Google Ads, Meta, TikTok, LinkedIn, Microsoft Advertising, Amazon,
// Snapchat or Pinterest, in the language the account is set to, or any other CSV or XLSX through
// a saved column mapping, see ColumnMappingForm) into the plan's actuals.
// The core reads the file and says what it held — the dialect it recognised, the period, the
// exact totals of every row read, warnings — and what importing it would do — rows per line, rows
// it replaces, lines of the file it left out, and campaigns it could not match — before anything
// changes (ImportPreview). A report without dates that states no period is refused with
// `no_period`: the planner gives the period here and the same file is read again. Unmatched
// campaigns are never dropped silently: the planner assigns each (or one of its ad sets) to a
// line (saved on the line, so the next report matches too). "Import" saves the core's complete
// actuals as one edit; a malformed file imports nothing and the core's message names the file line.

import { useEffect, useRef, useState } from "react";
import { api, CommandError, toCommandError } from "../../api";
import type { ColumnMapping, ReportPlatform, ReportRange } from "../../api";
import type { ActualsPreview, DateOrder, Plan } from "../../bindings";
import type { NumberStyle } from "../../types";
import { money, period as planPeriod } from "../../format";
import { ErrorNotice } from "../../components/ErrorNotice";
import { assignCampaign } from "./edits";
import { ColumnMappingForm, loadMapping, saveMapping, toMapping } from "./ColumnMappingForm";
import type { MappingForm } from "./ColumnMappingForm";
import { ImportPreview } from "./ImportPreview";
import { DateInput } from "../../components/DateInput";

type Platform = ReportPlatform;
const PLATFORMS: { value: Platform; label: string }[] = [
  { value: "auto", label: "Detect from the file" },
  { value: "google", label: "Google Ads" },
  { value: "meta", label: "Meta Ads Manager" },
  { value: "tiktok", label: "TikTok Ads Manager" },
  { value: "linkedin", label: "LinkedIn Campaign Manager" },
  { value: "microsoft", label: "Microsoft Advertising" },
  { value: "amazon", label: "Amazon Ads" },
  { value: "snapchat", label: "Snapchat Ads Manager" },
  { value: "pinterest", label: "Pinterest Ads" },
  { value: "mapped", label: "Other file (map columns)" },
];

interface Props {
  plan: Plan;
  edit: (change: (plan: Plan) => Plan) => void;
  numberStyle?: NumberStyle;
  /** The review day (the last day the actuals cover, or the day picked): a report without dates
   * is offered the plan's first day to this day as its period. */
  reviewDay?: string;
}

/** The report being previewed: the number the shell gave the file the planner picked, its name,
 * and how it is read. */
interface Source {
  report: number;
  file: string;
  platform: Platform;
  mapping?: ColumnMapping;
  /** The period the planner gave a report without dates. */
  period?: ReportRange;
  /** The order of the file's numeric dates, when the planner chose it in the preview. */
  dates?: DateOrder;
}

/** The period first offered for a report without dates: the plan's first day to the review day
 * (a campaign report downloaded "to date"), or the whole plan before it has started. */
export function suggestedPeriod(plan: Plan, reviewDay?: string): ReportRange {
  const end = reviewDay && reviewDay > plan.start && reviewDay <= plan.end ? reviewDay : plan.end;
  return { start: plan.start, end };
}

/** The core's refusals that the period picker answers: a report without dates that states no
 * period, and a period given that is not one (longer than ten years). */
const asksForPeriod = (e: CommandError) => e.code === "no_period" || e.code === "bad_period";

export function ImportActuals({ plan, edit, numberStyle, reviewDay }: Props) {
  const [platform, setPlatform] = useState<Platform>("auto");
  const [source, setSource] = useState<Source | null>(null);
  const [mappingForm, setMappingForm] = useState<MappingForm>(() => loadMapping(plan.currency));
  const [mappingSaved, setMappingSaved] = useState(false);
  const mapping = platform === "mapped" ? toMapping(mappingForm) : null;
  const [preview, setPreview] = useState<ActualsPreview | null>(null);
  const [error, setError] = useState<CommandError | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  // The period being chosen for a report without dates (after `no_period`, or "Change period").
  const [periodDraft, setPeriodDraft] = useState<ReportRange | null>(null);
  const seq = useRef(0);
  const m = (v: string) => money(v, plan.currency, numberStyle);

  // The preview always answers for the plan as it is now: after an assignment (or its undo) the
  // same file is read again, by its number.
  useEffect(() => {
    if (!source) return;
    const mine = ++seq.current;
    setBusy(true);
    api.previewActuals(plan, source.report, source.platform, source.mapping, source.period, source.dates).then(
      (p) => {
        if (mine !== seq.current) return;
        if (source.mapping) {
          saveMapping(source.mapping);
          setMappingSaved(true);
        }
        setPreview(p);
        setError(null);
        setPeriodDraft(null);
        setBusy(false);
      },
      (e) => {
        if (mine !== seq.current) return;
        const err = toCommandError(e);
        setPreview(null);
        setError(err);
        if (asksForPeriod(err)) setPeriodDraft((d) => d ?? source.period ?? suggestedPeriod(plan, reviewDay));
        setBusy(false);
      },
    );
    // The review day only prefills the picker; it does not call for another preview.
  }, [plan, source]);

  /** The shell asks for the report in its open dialog; then it is previewed. */
  const choose = async () => {
    setDone(null);
    try {
      const chosen = await api.chooseReport();
      if (!chosen) return;
      setPreview(null);
      setError(null);
      setPeriodDraft(null);
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
    setPeriodDraft(null);
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

  const readWithPeriod = (range: ReportRange) => source && setSource({ ...source, period: range });
  const noPeriod = !!error && asksForPeriod(error);

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
            ? "Any CSV or XLSX with a row per campaign, ad set or ad, by day or for the whole period. Nothing changes until you press Import."
            : "CSV or XLSX as the platform exports it, in any of its languages. Nothing changes until you press Import."}
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
      {error && noPeriod && source && periodDraft && (
        <div className="import-error" data-testid="no-period">
          <ErrorNotice error={error} title="Which days does this report cover?" />
          <PeriodPicker
            file={source.file}
            value={periodDraft}
            plan={plan}
            busy={busy}
            onChange={setPeriodDraft}
            onRead={readWithPeriod}
          />
        </div>
      )}
      {error && !noPeriod && (
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
        <>
          {periodDraft && (
            <PeriodPicker file={source.file} value={periodDraft} plan={plan} busy={busy} onChange={setPeriodDraft} onRead={readWithPeriod} onCancel={() => setPeriodDraft(null)} />
          )}
          <ImportPreview
            plan={plan}
            preview={preview}
            givenPeriod={!!source.period}
            busy={busy}
            m={m}
            numberStyle={numberStyle}
            onChangePeriod={source.period && !periodDraft ? () => setPeriodDraft(source.period ?? null) : undefined}
            onDates={(dates) => setSource({ ...source, dates })}
            onAssign={(name, line) => edit((p) => assignCampaign(p, line, name))}
            onAccept={accept}
            onCancel={cancel}
          />
        </>
      )}
    </div>
  );
}

/** Two days for a report that covers a period without saying which, and "Read again". */
function PeriodPicker({
  file,
  value,
  plan,
  busy,
  onChange,
  onRead,
  onCancel,
}: {
  file: string;
  value: ReportRange;
  plan: Plan;
  busy: boolean;
  onChange: (r: ReportRange) => void;
  onRead: (r: ReportRange) => void;
  onCancel?: () => void;
}) {
  const backwards = !!value.start && !!value.end && value.end < value.start;
  const ready = !!value.start && !!value.end && !backwards;
  return (
    <form
      className="period-picker"
      aria-label="Period the report covers"
      onSubmit={(e) => {
        e.preventDefault();
        if (ready) onRead(value);
      }}
    >
      <p className="muted small">
        Give the first and last day the report covers, as chosen when it was downloaded. Each of its rows is then imported as one row covering those days,
        spread over them by the line's flight in pacing. The plan runs {planPeriod(plan.start, plan.end)}.
      </p>
      <div className="period-fields">
        <label className="inline-field">
          <span>From</span>
          <DateInput aria-label="Report period start" value={value.start} onChange={(start) => onChange({ ...value, start })} live />
        </label>
        <label className="inline-field">
          <span>to</span>
          <DateInput
            aria-label="Report period end"
            aria-invalid={backwards ? true : undefined}
            value={value.end}
            onChange={(end) => onChange({ ...value, end })}
            live
          />
        </label>
        <button type="submit" className="button primary small" disabled={!ready || busy}>
          Read {file} again
        </button>
        {onCancel && (
          <button type="button" className="button small" onClick={onCancel}>
            Keep the period
          </button>
        )}
        {backwards && <span className="field-error">The period ends before it starts.</span>}
      </div>
    </form>
  );
}

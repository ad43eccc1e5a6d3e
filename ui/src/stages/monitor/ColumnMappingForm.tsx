// "Other file (map columns)": any report that is not a Meta, Google Ads or TikTok export — an
// agency's spreadsheet, a publisher's CSV — is read by telling the core which header names hold
// the date, campaign, spend and the other measures, and which currency the file is in. Planners
// get the same report every week, so the last mapping is remembered on this machine (in
// localStorage, under a versioned key) and fills the form next time.

import type { ColumnMapping } from "../../api";

/** What the form holds: every header name as typed, and the file's currency. */
export interface MappingForm {
  date: string;
  campaign: string;
  spend: string;
  impressions: string;
  clicks: string;
  conversions: string;
  revenue: string;
  currency: string;
}

type Column = Exclude<keyof MappingForm, "currency">;

export const MAPPING_KEY = "flightplan.column-mapping.v1";

const COLUMNS: { key: Column; label: string; required: boolean; example: string }[] = [
  { key: "date", label: "Date", required: true, example: "Day" },
  { key: "campaign", label: "Campaign", required: true, example: "Campaign" },
  { key: "spend", label: "Spend", required: true, example: "Cost" },
  { key: "impressions", label: "Impressions", required: false, example: "Impr" },
  { key: "clicks", label: "Clicks", required: false, example: "Clicks" },
  { key: "conversions", label: "Conversions", required: false, example: "Orders" },
  { key: "revenue", label: "Revenue", required: false, example: "Sales" },
];

const emptyForm = (currency: string): MappingForm => ({
  date: "",
  campaign: "",
  spend: "",
  impressions: "",
  clicks: "",
  conversions: "",
  revenue: "",
  currency,
});

/** The saved mapping as a form, or an empty form in the plan's currency. */
export function loadMapping(planCurrency: string): MappingForm {
  const form = emptyForm(planCurrency);
  try {
    const raw = localStorage.getItem(MAPPING_KEY);
    const saved: unknown = raw ? JSON.parse(raw) : null;
    if (typeof saved !== "object" || saved === null) return form;
    for (const key of Object.keys(form) as (keyof MappingForm)[]) {
      const v = (saved as Record<string, unknown>)[key];
      if (typeof v === "string" && v.trim()) form[key] = v;
    }
  } catch {
    // Unreadable or unavailable storage: start from an empty form.
  }
  return form;
}

/** Remember a mapping that read a file, for the next report. */
export function saveMapping(mapping: ColumnMapping): void {
  try {
    localStorage.setItem(MAPPING_KEY, JSON.stringify(mapping));
  } catch {
    // Storage full or disabled: the mapping still worked, it just is not remembered.
  }
}

/** The mapping the core reads, or null while a required column is unnamed. Blank optional
 * columns are left out; the currency is an ISO code. */
export function toMapping(form: MappingForm): ColumnMapping | null {
  const date = form.date.trim();
  const campaign = form.campaign.trim();
  const spend = form.spend.trim();
  if (!date || !campaign || !spend) return null;
  const mapping: ColumnMapping = { date, campaign, spend };
  for (const key of ["impressions", "clicks", "conversions", "revenue"] as const) {
    const v = form[key].trim();
    if (v) mapping[key] = v;
  }
  const currency = form.currency.trim().toUpperCase();
  if (currency) mapping.currency = currency;
  return mapping;
}

/** The columns the planner still has to name, in words ("date and spend"). */
export function missingColumns(form: MappingForm): string | null {
  const missing = COLUMNS.filter((c) => c.required && !form[c.key].trim()).map((c) => c.label.toLowerCase());
  if (missing.length === 0) return null;
  return missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(", ")} and ${missing[missing.length - 1]}`;
}

export function ColumnMappingForm({
  form,
  onChange,
  saved,
}: {
  form: MappingForm;
  onChange: (form: MappingForm) => void;
  /** A preview read the file with this mapping, and it was remembered. */
  saved: boolean;
}) {
  const missing = missingColumns(form);
  const set = (key: keyof MappingForm, value: string) => onChange({ ...form, [key]: value });
  return (
    <fieldset className="column-mapping" aria-label="Column mapping" data-testid="column-mapping">
      <legend>Column names in the file's header row</legend>
      <div className="mapping-grid">
        {COLUMNS.map((c) => (
          <label key={c.key} className="mapping-field">
            <span>
              {c.label}
              {c.required ? <span className="required" aria-hidden="true"> *</span> : <span className="muted"> (optional)</span>}
            </span>
            <input
              type="text"
              aria-label={`${c.label} column`}
              aria-required={c.required}
              placeholder={`e.g. ${c.example}`}
              value={form[c.key]}
              spellCheck={false}
              autoComplete="off"
              onChange={(e) => set(c.key, e.target.value)}
            />
          </label>
        ))}
        <label className="mapping-field currency">
          <span>File's currency</span>
          <input
            type="text"
            aria-label="File's currency"
            maxLength={3}
            value={form.currency}
            spellCheck={false}
            autoComplete="off"
            onChange={(e) => set("currency", e.target.value.toUpperCase())}
          />
        </label>
      </div>
      <p className="muted small" role="status">
        {missing
          ? `Name the ${missing} ${missing.includes(" and ") ? "columns" : "column"} to choose a file. Case does not matter.`
          : saved
            ? "Mapping saved for next time."
            : "Names must match the header row exactly (case does not matter). The mapping is saved once a file reads."}
      </p>
    </fieldset>
  );
}

// "Other file (map columns)": any report that is not a platform's own export — an agency's
// spreadsheet, a publisher's CSV — is read by telling the core which header names hold the date,
// the campaign, ad set or ad, the spend and the other measures, and which currency the file is
// in. A file without a date column covers one period (the preview asks for it when the file does
// not state it). Planners get the same report every week, so the last mapping is remembered on
// this machine (in localStorage, under a versioned key) and fills the form next time.

import type { ColumnMapping } from "../../api";

/** What the form holds: every header name as typed, and the file's currency. */
export interface MappingForm {
  date: string;
  campaign: string;
  ad_set: string;
  ad: string;
  spend: string;
  impressions: string;
  clicks: string;
  conversions: string;
  revenue: string;
  currency: string;
}

type Column = Exclude<keyof MappingForm, "currency">;

export const MAPPING_KEY = "flightplan.column-mapping.v1";

/** `required`: the column must be named; `name`: one of campaign, ad set or ad must be. */
const COLUMNS: { key: Column; label: string; need: "required" | "name" | "optional"; example: string }[] = [
  { key: "date", label: "Date", need: "optional", example: "Day" },
  { key: "campaign", label: "Campaign", need: "name", example: "Campaign" },
  { key: "ad_set", label: "Ad set", need: "name", example: "Ad group" },
  { key: "ad", label: "Ad", need: "name", example: "Ad name" },
  { key: "spend", label: "Spend", need: "required", example: "Cost" },
  { key: "impressions", label: "Impressions", need: "optional", example: "Impr" },
  { key: "clicks", label: "Clicks", need: "optional", example: "Clicks" },
  { key: "conversions", label: "Conversions", need: "optional", example: "Orders" },
  { key: "revenue", label: "Revenue", need: "optional", example: "Sales" },
];

const emptyForm = (currency: string): MappingForm => ({
  date: "",
  campaign: "",
  ad_set: "",
  ad: "",
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

/** The mapping the core reads, or null while spend or every name column (campaign, ad set, ad)
 * is unnamed. Blank optional columns are left out; the currency is an ISO code. */
export function toMapping(form: MappingForm): ColumnMapping | null {
  if (missingColumns(form)) return null;
  const mapping: ColumnMapping = { spend: form.spend.trim() };
  for (const key of ["date", "campaign", "ad_set", "ad", "impressions", "clicks", "conversions", "revenue"] as const) {
    const v = form[key].trim();
    if (v) mapping[key] = v;
  }
  const currency = form.currency.trim().toUpperCase();
  if (currency) mapping.currency = currency;
  return mapping;
}

/** What the planner still has to name, in words ("a campaign, ad set or ad column and spend"). */
export function missingColumns(form: MappingForm): string | null {
  const missing: string[] = [];
  if (!COLUMNS.some((c) => c.need === "name" && form[c.key].trim())) missing.push("a campaign, ad set or ad column");
  if (!form.spend.trim()) missing.push("the spend column");
  return missing.length === 0 ? null : missing.join(" and ");
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
              {c.need === "required" ? (
                <span className="required" aria-hidden="true"> *</span>
              ) : c.need === "name" ? (
                <span className="required" aria-hidden="true" title="Name at least one of campaign, ad set and ad">
                  {" "}
                  †
                </span>
              ) : (
                <span className="muted"> (optional)</span>
              )}
            </span>
            <input
              type="text"
              aria-label={`${c.label} column`}
              aria-required={c.need === "required"}
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
          ? `Name ${missing} to choose a file († at least one of campaign, ad set and ad). Case does not matter.`
          : saved
            ? "Mapping saved for next time."
            : "Names must match the header row exactly (case does not matter). Without a date column the file covers one period, asked for if it does not say. The mapping is saved once a file reads."}
      </p>
    </fieldset>
  );
}

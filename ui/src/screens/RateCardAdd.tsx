// "Add a channel" on the rate card screen: the planner names a channel the built-in card lacks
// (a podcast network, a retail media network) with its medium, buying method, pricing, default
// rate and role, and the core checks it (required fields, a rate that is not negative, no second
// entry with the same channel and name) and answers with the card it lands on. Nothing is saved
// until the planner saves the card, like any other edit on that screen.

import { useEffect, useRef, useState, type ReactNode } from "react";
import { api, toCommandError, type CommandError } from "../api";
import type { Buying, Demand, Funnel, Medium, Pricing, RateCard, RateCardEntry } from "../bindings";
import { pricingLabel, titleCase } from "../format";
import { cleanDecimal } from "../store/usePlan";
import { errorMessage } from "../errors";
import { FUNNEL } from "../stages/model";

const PRICING: Pricing[] = ["cpm", "cpc", "cpa", "cpv", "cpp", "flat", "per_face_week", "per_insertion"];
const BUYING: Buying[] = ["auction", "programmatic", "direct", "offline"];
const DEMAND: Demand[] = ["capture", "creation"];
/** The media a channel can be in, with the core's labels (the catalogue's norms); the codes are
 * the fallback before the catalogue answers. */
export const MEDIA: Medium[] = ["search", "social", "online_video", "display", "ctv", "audio", "email", "tv", "radio", "ooh", "print", "cinema"];

export interface Draft {
  channel: string;
  name: string;
  vendor: string;
  medium: Medium | "";
  buying: Buying | "";
  role: Funnel | "";
  demand: Demand | "";
  pricing: Pricing;
  rate: string;
}

const EMPTY: Draft = { channel: "", name: "", vendor: "", medium: "", buying: "", role: "", demand: "", pricing: "cpm", rate: "" };

/** The entry the form describes, as the rate card file holds it (empty choices left out). */
export function entryFrom(d: Draft): RateCardEntry {
  const entry: RateCardEntry = { channel: d.channel, name: d.name, vendor: d.vendor, pricing: d.pricing, dayparts: [] };
  if (d.medium) entry.medium = d.medium;
  if (d.buying) entry.buying = d.buying;
  if (d.role) entry.role = d.role;
  if (d.demand) entry.demand = d.demand;
  const rate = cleanDecimal(d.rate);
  if (rate !== "") entry.rate = rate;
  return entry;
}

export function AddChannelForm({
  card,
  mediumLabel,
  onAdded,
  onCancel,
}: {
  card: RateCard;
  mediumLabel: (m: Medium) => string;
  onAdded: (card: RateCard, entry: RateCardEntry) => void;
  onCancel: () => void;
}) {
  const [d, setD] = useState<Draft>(EMPTY);
  const [error, setError] = useState<CommandError | null>(null);
  const box = useRef<HTMLElement>(null);
  // The form opens at the top of the card: bring it into view and start at its first field.
  useEffect(() => {
    box.current?.scrollIntoView?.({ block: "nearest" });
    box.current?.querySelector("input")?.focus();
  }, []);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setD({ ...d, [key]: value });
  const at = (field: string) => (error?.path === `entry.${field}` ? errorMessage(error) : null);
  const field = (name: keyof Draft, label: string, control: ReactNode) => (
    <label className={`field${at(name) ? " has-error" : ""}`}>
      <span className="label">{label}</span>
      {control}
      {at(name) && <span className="field-error">{at(name)}</span>}
    </label>
  );
  const add = async () => {
    try {
      const entry = entryFrom(d);
      const next = await api.addRateCardEntry(card, entry);
      setError(null);
      onAdded(next, entry);
    } catch (e) {
      setError(toCommandError(e));
    }
  };
  const unplaced = error && !error.path?.startsWith("entry.") ? errorMessage(error) : null;
  return (
    <section className="panel add-channel" aria-label="Add a channel" ref={box}>
      <h3>Add a channel</h3>
      <div className="form-grid cols-4">
        {field("channel", "Channel", <input aria-label="Channel" value={d.channel} placeholder="Podcasts" onChange={(e) => set("channel", e.target.value)} />)}
        {field("name", "Buy", <input aria-label="Buy" value={d.name} placeholder="Host reads" onChange={(e) => set("name", e.target.value)} />)}
        {field("vendor", "Vendor", <input aria-label="Vendor" value={d.vendor} placeholder="optional" onChange={(e) => set("vendor", e.target.value)} />)}
        {field(
          "medium",
          "Medium",
          <select aria-label="Medium" value={d.medium} onChange={(e) => set("medium", e.target.value as Medium | "")}>
            <option value="">From the channel's name</option>
            {MEDIA.map((m) => (
              <option key={m} value={m}>
                {mediumLabel(m)}
              </option>
            ))}
          </select>,
        )}
        {field(
          "pricing",
          "Pricing",
          <select aria-label="Pricing" value={d.pricing} onChange={(e) => set("pricing", e.target.value as Pricing)}>
            {PRICING.map((p) => (
              <option key={p} value={p}>
                {pricingLabel(p)}
              </option>
            ))}
          </select>,
        )}
        {field("rate", "Default rate", <input aria-label="Default rate" className="num" value={d.rate} placeholder="none: each line gives one" onChange={(e) => set("rate", e.target.value)} />)}
        {field(
          "buying",
          "Buying method",
          <select aria-label="Buying method" value={d.buying} onChange={(e) => set("buying", e.target.value as Buying | "")}>
            <option value="">Not set</option>
            {BUYING.map((b) => (
              <option key={b} value={b}>
                {titleCase(b)}
              </option>
            ))}
          </select>,
        )}
        {field(
          "role",
          "Funnel role",
          <select aria-label="Funnel role" value={d.role} onChange={(e) => set("role", e.target.value as Funnel | "")}>
            <option value="">Not set</option>
            {FUNNEL.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </select>,
        )}
        {field(
          "demand",
          "Demand",
          <select aria-label="Demand" value={d.demand} onChange={(e) => set("demand", e.target.value as Demand | "")}>
            <option value="">Not set</option>
            {DEMAND.map((x) => (
              <option key={x} value={x}>
                {x === "capture" ? "Capture (people search)" : "Creation (people discover)"}
              </option>
            ))}
          </select>,
        )}
      </div>
      {unplaced && (
        <p className="field-error" role="alert">
          {unplaced}
        </p>
      )}
      <div className="button-group">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="button primary" onClick={add}>
          Add to the card
        </button>
      </div>
    </section>
  );
}

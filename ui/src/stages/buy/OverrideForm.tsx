// Going live with the checklist unfinished: the core refused, and only a named person with a
// reason can take the line live anyway. Both are recorded on the line, with the day.

import { useId, useState } from "react";
import type { CommandError } from "../../api";
import { errorMessage } from "../../errors";

interface Props {
  name: string;
  /** The core's refusal, in plain words. */
  refusal: string;
  onSubmit: (by: string, reason: string) => Promise<CommandError | null>;
  onCancel: () => void;
}

export function OverrideForm({ name, refusal, onSubmit, onCancel }: Props) {
  const id = useId();
  const [by, setBy] = useState("");
  const [reason, setReason] = useState("");
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const missingBy = by.trim() === "";
  const missingReason = reason.trim() === "";

  const submit = async () => {
    setTried(true);
    if (missingBy || missingReason) return;
    setBusy(true);
    setError(null);
    const err = await onSubmit(by.trim(), reason.trim());
    setBusy(false);
    if (err) setError(errorMessage(err));
  };

  return (
    <form
      className="override-form"
      aria-label={`Override the checklist of ${name}`}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      onKeyDown={(e) => {
        if (e.key === "Escape") onCancel();
      }}
    >
      <div className="override-why">
        <p className="override-title">Go live with the checklist open?</p>
        <p className="override-refusal" data-testid="launch-refusal">
          {refusal}.
        </p>
      </div>
      <div className="override-fields">
        <div className={`field${tried && missingBy ? " has-error" : ""}`}>
          <label htmlFor={`${id}-by`}>Overridden by</label>
          <input
            id={`${id}-by`}
            value={by}
            autoFocus
            placeholder="Who signs this off"
            aria-invalid={tried && missingBy ? true : undefined}
            onChange={(e) => setBy(e.target.value)}
          />
          {tried && missingBy && <p className="field-error">Say who is taking it live.</p>}
        </div>
        <div className={`field${tried && missingReason ? " has-error" : ""}`}>
          <label htmlFor={`${id}-why`}>Why</label>
          <input
            id={`${id}-why`}
            value={reason}
            placeholder="e.g. Pixel verified in staging; fix ships Monday"
            aria-invalid={tried && missingReason ? true : undefined}
            onChange={(e) => setReason(e.target.value)}
          />
          {tried && missingReason && <p className="field-error">Say why it cannot wait.</p>}
        </div>
        <div className="override-actions">
          <button type="submit" className="button small gated" disabled={busy}>
            Go live anyway
          </button>
          <button type="button" className="button small" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </div>
      {error && (
        <p className="field-error override-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

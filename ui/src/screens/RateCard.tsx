// The library's rate card: the channels every new line and pasted row starts from, with their
// default rates, and the fees a new plan starts with. Edited in one place and saved in the library
// (the core checks every entry first), exported and imported as a `flightplan-rates/1` file
// through the shell's own dialogs. Rates are shown and sent as written; the core prices from them.
// The planner adds a channel the card lacks (the core checks it) and removes one after saying
// what happens: plans that use it keep their lines as they are; new lines no longer offer it.

import { Fragment, useEffect, useState } from "react";
import { api, toCommandError, type CommandError } from "../api";
import type { CommissionBasis, Fees, RateCard, RateCardEntry, SavedRateCard } from "../bindings";
import { pricingLabel, timestamp, titleCase } from "../format";
import { cleanDecimal } from "../store/usePlan";
import { errorMessage } from "../errors";
import { forgetCatalogues, mediumLabel, useCatalogue } from "../stages/catalogue";
import { AddChannelForm } from "./RateCardAdd";

const NO_FEES: Fees = { agency_commission_pct: "0", agency_commission_basis: "gross", ad_serving_cpm: "0", tech_fee_pct: "0" };

/** The card with entry `i`'s default rate set ("" clears it: the line then needs its own). */
export function withRate(card: RateCard, i: number, text: string): RateCard {
  const channels = card.channels.map((e, j) => {
    if (j !== i) return e;
    const next: RateCardEntry = { ...e };
    const v = cleanDecimal(text);
    if (v === "") delete next.rate;
    else next.rate = v;
    return next;
  });
  return { ...card, channels };
}

export function RateCardDialog({ onClose }: { onClose: () => void }) {
  const [saved, setSaved] = useState<SavedRateCard | null>(null);
  const [card, setCard] = useState<RateCard | null>(null);
  const [error, setError] = useState<CommandError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  // The entry the planner asked to remove, waiting for them to confirm.
  const [removing, setRemoving] = useState<RateCardEntry | null>(null);
  const { catalogue } = useCatalogue(null);
  const take = (s: SavedRateCard) => {
    setSaved(s);
    setCard(s.card);
    setError(null);
    // Stage 3's catalogue lists the saved card: ask the core again next time it is shown.
    forgetCatalogues();
  };
  useEffect(() => {
    api.rateCard().then(take, (e) => setError(toCommandError(e)));
  }, []);
  const run = async (work: () => Promise<void>) => {
    setNotice(null);
    try {
      await work();
    } catch (e) {
      setError(toCommandError(e));
    }
  };
  const dirty = card !== null && saved !== null && JSON.stringify(card) !== JSON.stringify(saved.card);
  const badRow = (i: number) => error?.path?.startsWith(`channels[${i}]`) ?? false;
  const fees = card?.fees;
  const setFee = <K extends keyof Fees>(key: K, value: Fees[K]) => card && setCard({ ...card, fees: { ...(card.fees ?? NO_FEES), [key]: value } });

  return (
    <div className="scrim import-scrim" onKeyDown={(e) => e.key === "Escape" && !dirty && onClose()}>
      <div className="import-dialog rate-card-dialog" role="dialog" aria-modal="true" aria-labelledby="rates-title" data-testid="rate-card" tabIndex={-1}>
        <header className="import-head">
          <div>
            <h2 id="rates-title">Rate card</h2>
            <p className="muted small" data-testid="rate-card-state">
              {saved === null
                ? "Loading…"
                : saved.updated_at
                  ? `Saved in the library ${timestamp(saved.updated_at)} · new lines and pasted rows start from it`
                  : "The built-in rate card · edit a rate and save to keep it for every plan"}
              {card ? ` · rates in ${card.currency}` : ""}
            </p>
          </div>
          <div className="button-group">
            <button type="button" className="button" onClick={() => setAdding(true)} disabled={adding || card === null}>
              Add a channel…
            </button>
            <button type="button" className="button" onClick={() => run(async () => take(await api.resetRateCard()))}>
              Reset to built-in
            </button>
            <button
              type="button"
              className="button"
              onClick={() =>
                run(async () => {
                  const done = await api.exportRateCard();
                  if (done) setNotice(`Exported to ${done.path}`);
                })
              }
              disabled={dirty}
              title={dirty ? "Save first: the export writes the saved card" : "Save the card as a file"}
            >
              Export…
            </button>
            <button
              type="button"
              className="button"
              onClick={() =>
                run(async () => {
                  const s = await api.importRateCard();
                  if (s) {
                    take(s);
                    setNotice("Imported and saved");
                  }
                })
              }
            >
              Import…
            </button>
          </div>
        </header>
        <div className="import-body rates-body">
          {error && (
            <p className="field-error" role="alert">
              {errorMessage(error)}
            </p>
          )}
          {notice && (
            <p className="notice" role="status">
              {notice}
            </p>
          )}
          {card && (
            <section aria-label="Default fees">
              <h3>Fees a new plan starts with</h3>
              <label className="check">
                <input
                  type="checkbox"
                  checked={fees !== undefined}
                  onChange={(e) => {
                    const next = { ...card };
                    if (e.target.checked) next.fees = NO_FEES;
                    else delete next.fees;
                    setCard(next);
                  }}
                />{" "}
                New plans start with these fees (off: no fees)
              </label>
              {fees && (
                <div className="form-grid cols-4">
                  <label className="field">
                    <span className="label">Agency commission %</span>
                    <input aria-label="Agency commission %" value={fees.agency_commission_pct} onChange={(e) => setFee("agency_commission_pct", cleanDecimal(e.target.value))} />
                  </label>
                  <label className="field">
                    <span className="label">Commission basis</span>
                    <select aria-label="Commission basis" value={fees.agency_commission_basis} onChange={(e) => setFee("agency_commission_basis", e.target.value as CommissionBasis)}>
                      <option value="gross">Of gross (traditional)</option>
                      <option value="net">On net (mark-up)</option>
                    </select>
                  </label>
                  <label className="field">
                    <span className="label">Ad serving, CPM</span>
                    <input aria-label="Ad serving CPM" value={fees.ad_serving_cpm} onChange={(e) => setFee("ad_serving_cpm", cleanDecimal(e.target.value))} />
                  </label>
                  <label className="field">
                    <span className="label">Tech fee % of net</span>
                    <input aria-label="Tech fee %" value={fees.tech_fee_pct} onChange={(e) => setFee("tech_fee_pct", cleanDecimal(e.target.value))} />
                  </label>
                </div>
              )}
            </section>
          )}
          {card && adding && (
            <AddChannelForm
              card={card}
              mediumLabel={(m) => mediumLabel(catalogue, m)}
              onCancel={() => setAdding(false)}
              onAdded={(next, entry) => {
                setCard(next);
                setAdding(false);
                setError(null);
                setNotice(`Added ${entry.channel.trim()} \u2014 ${entry.name.trim()}: save the rate card to keep it and offer it in stage 3`);
              }}
            />
          )}
          {card && (
            <table className="data rates-table" aria-label="Channels">
              <thead>
                <tr>
                  <th scope="col">Channel</th>
                  <th scope="col">Buy</th>
                  <th scope="col">Buying</th>
                  <th scope="col">Pricing</th>
                  <th scope="col" className="num">
                    Default rate
                  </th>
                  <th scope="col">
                    <span className="rates-hidden">Remove</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {card.channels.map((e, i) => (
                  <Fragment key={`${e.channel}-${e.name}-${i}`}>
                    <tr className={badRow(i) ? "row-error" : undefined} data-entry={`${e.channel} — ${e.name}`}>
                      <td>{e.channel}</td>
                      <td>{e.name}</td>
                      <td>{e.buying ? titleCase(e.buying) : ""}</td>
                      <td>{pricingLabel(e.pricing)}</td>
                      <td className="num">
                        <input
                          className="num rate-input"
                          aria-label={`Default rate, ${e.channel} — ${e.name}`}
                          value={e.rate ?? ""}
                          placeholder={e.typical_cpm ? `from CPM ${e.typical_cpm}` : "none"}
                          onChange={(ev) => setCard(withRate(card, i, ev.target.value))}
                        />
                      </td>
                      <td>
                        <button type="button" className="button small" aria-label={`Remove ${e.channel} \u2014 ${e.name}`} onClick={() => setRemoving(e)}>
                          Remove
                        </button>
                      </td>
                    </tr>
                    {removing === e && (
                      <tr className="confirm-row">
                        <td colSpan={6}>
                          <div className="notice confirm" role="alertdialog" aria-label="Remove a channel" aria-describedby="remove-what">
                            <p id="remove-what">
                              Remove <strong>{`${removing.channel} \u2014 ${removing.name}`}</strong> from the rate card? Plans that already have lines on it keep them as
                              they are: each line holds its own pricing, buying method and rate. Once you save the card, stage 3&apos;s catalogue no longer offers it and
                              pasted rows naming it need their own rate.
                            </p>
                            <div className="button-group">
                              {/* Focused, so the question scrolls into view under its row. */}
                              {/* eslint-disable-next-line jsx-a11y/no-autofocus */}
                              <button type="button" className="button" autoFocus onClick={() => setRemoving(null)}>
                                Keep it
                              </button>
                              <button
                                type="button"
                                className="button danger"
                                onClick={() =>
                                  run(async () => {
                                    const next = await api.removeRateCardEntry(card, removing.channel, removing.name);
                                    setCard(next);
                                    setNotice(`Removed ${removing.channel} \u2014 ${removing.name}: save the rate card to keep the change`);
                                    setRemoving(null);
                                  })
                                }
                              >
                                Remove
                              </button>
                            </div>
                          </div>
                        </td>
                      </tr>
                    )}
                  </Fragment>
                ))}
              </tbody>
            </table>
          )}
        </div>
        <footer className="import-foot dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {dirty ? "Close without saving" : "Close"}
          </button>
          <button type="button" className="button primary" disabled={!dirty} onClick={() => card && run(async () => take(await api.saveRateCard(card)))}>
            Save rate card
          </button>
        </footer>
      </div>
    </div>
  );
}

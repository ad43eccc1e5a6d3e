// Money by vendor and month: what the plan put there, what the platforms say was delivered, and
// what the vendor invoiced, with the core flagging differences beyond its tolerances. Invoices
// are entered here, per vendor and month, each one a plan edit.

import { useState } from "react";
import type { Plan, VendorMonth } from "../../bindings";
import type { CommandErrorBody, NumberStyle } from "../../types";
import { isNegative, isNonZero, money } from "../../format";
import { cleanDecimal } from "../../store/usePlan";
import { errorMessage } from "../../errors";
import { addInvoice, removeInvoice, setInvoice, vendors, type InvoiceField } from "./edits";
import { monthLabel } from "./numbers";
import { useDraftInput } from "../../components/draft";
import { useNumberInput } from "../../components/numbers";

interface Props {
  plan: Plan;
  reconciliation: VendorMonth[];
  error: CommandErrorBody | null;
  edit: (change: (plan: Plan) => Plan) => void;
  numberStyle?: NumberStyle;
  /** The review day's month (YYYY-MM), for new invoices. */
  defaultMonth: string;
}

function flagText(r: VendorMonth): string {
  if (!isNonZero(r.invoiced)) return "Not invoiced";
  return isNegative(r.difference) ? "Invoiced under delivery" : "Invoiced over delivery";
}

export function Reconciliation({ plan, reconciliation, error, edit, numberStyle, defaultMonth }: Props) {
  const m = (v: string) => money(v, plan.currency, numberStyle);
  const invoices = plan.invoices ?? [];
  const names = vendors(plan);
  const flagged = reconciliation.filter((r) => r.flagged).length;
  const msg = (i: number, field: string) =>
    error?.path === `invoices[${i}].${field}` || error?.path === `invoices[${i}]` ? errorMessage(error) : null;

  return (
    <div className="recon">
      <p className={`recon-summary ${flagged ? "warn" : "ok"}`} data-testid="recon-summary">
        {flagged === 0
          ? "Every vendor-month is within tolerance."
          : `${flagged} vendor-${flagged === 1 ? "month differs" : "months differ"} beyond tolerance: check ${flagged === 1 ? "it" : "them"} before paying.`}
      </p>
      <table className="data recon-table" aria-label="Reconciliation">
        <thead>
          <tr>
            <th scope="col">Vendor</th>
            <th scope="col">Month</th>
            <th scope="col" className="num">Planned</th>
            <th scope="col" className="num">Delivered</th>
            <th scope="col" className="num">Invoiced</th>
            <th scope="col" className="num">Difference</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {reconciliation.map((r, i) => {
            const first = i === 0 || reconciliation[i - 1].vendor !== r.vendor;
            return (
              <tr key={`${r.vendor}-${r.month}`} className={`${r.flagged ? "flagged" : ""}${first ? " vendor-start" : ""}`} data-vendor={r.vendor} data-month={r.month}>
                <th scope="row">{first ? r.vendor : ""}</th>
                <td>{monthLabel(r.month)}</td>
                <td className="num muted">{m(r.planned)}</td>
                <td className="num">{m(r.delivered)}</td>
                <td className="num">{m(r.invoiced)}</td>
                <td className={`num${r.flagged ? " strong" : ""}`}>{m(r.difference)}</td>
                <td>
                  {r.flagged ? (
                    <span className="alert-badge flagged">{flagText(r)}</span>
                  ) : isNonZero(r.delivered) || isNonZero(r.invoiced) ? (
                    <span className="pace-ok">Within tolerance</span>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>

      <h3>Invoices</h3>
      {invoices.length === 0 ? (
        <p className="muted small empty-line">No invoices entered yet.</p>
      ) : (
        <table className="data invoice-table" aria-label="Invoices">
          <thead>
            <tr>
              <th scope="col">Vendor</th>
              <th scope="col">Month</th>
              <th scope="col" className="num">Amount</th>
              <th scope="col">Invoice no.</th>
              <th scope="col">Line</th>
              <th scope="col" aria-label="Remove" />
            </tr>
          </thead>
          <tbody>
            {invoices.map((inv, i) => {
              const set = (field: InvoiceField, v: string) => edit((p) => setInvoice(p, i, field, v));
              return (
                <tr key={i} data-invoice={i}>
                  <td>
                    <select aria-label={`Vendor of invoice ${i + 1}`} value={inv.vendor} onChange={(e) => set("vendor", e.target.value)}>
                      {!names.includes(inv.vendor) && <option value={inv.vendor}>{inv.vendor}</option>}
                      {names.map((v) => (
                        <option key={v}>{v}</option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <input type="month" aria-label={`Month of invoice ${i + 1}`} value={inv.month} onChange={(e) => e.target.value && set("month", e.target.value)} />
                    {msg(i, "month") && <p className="field-error">{msg(i, "month")}</p>}
                  </td>
                  <td className="num">
                    <Commit value={inv.amount} label={`Amount of invoice ${i + 1}`} path={`invoices[${i}].amount`} numeric onCommit={(v) => set("amount", cleanDecimal(v))} />
                    {msg(i, "amount") && <p className="field-error">{msg(i, "amount")}</p>}
                  </td>
                  <td>
                    <Commit value={inv.number ?? ""} label={`Number of invoice ${i + 1}`} path={`invoices[${i}].number`} onCommit={(v) => set("number", v.trim())} />
                  </td>
                  <td>
                    <select aria-label={`Line of invoice ${i + 1}`} value={inv.line ?? ""} onChange={(e) => set("line", e.target.value)}>
                      <option value="">Whole vendor</option>
                      {plan.lines
                        .filter((l) => (l.vendor ?? l.channel) === inv.vendor || l.id === inv.line)
                        .map((l) => (
                          <option key={l.id} value={l.id}>
                            {l.name}
                          </option>
                        ))}
                    </select>
                    {msg(i, "line") && <p className="field-error">{msg(i, "line")}</p>}
                  </td>
                  <td>
                    <button type="button" className="icon-button" aria-label={`Remove invoice ${i + 1}`} onClick={() => edit((p) => removeInvoice(p, i))}>
                      ×
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <NewInvoice vendors={names} currency={plan.currency} defaultMonth={defaultMonth} onAdd={(inv) => edit((p) => addInvoice(p, inv))} />
    </div>
  );
}

function Commit({ value, label, path, numeric, onCommit }: { value: string; label: string; path: string; numeric?: boolean; onCommit: (v: string) => void }) {
  const draft = useDraftInput(value, onCommit, numeric);
  return <input className={`cell-input${numeric ? " num" : ""}`} aria-label={label} data-path={path} {...draft} />;
}

function NewInvoice({
  vendors: names,
  currency,
  defaultMonth,
  onAdd,
}: {
  vendors: string[];
  currency: string;
  defaultMonth: string;
  onAdd: (inv: { vendor: string; month: string; amount: string; number?: string }) => void;
}) {
  const [vendor, setVendor] = useState(names[0] ?? "");
  const [month, setMonth] = useState(defaultMonth);
  const [amount, setAmount] = useState("");
  const [number, setNumber] = useState("");
  // The amount is typed in the plan's number style.
  const numbers = useNumberInput();
  const ready = !!vendor && /^\d{4}-\d{2}$/.test(month) && !!numbers.read(amount);
  return (
    <form
      className="new-invoice"
      aria-label="New invoice"
      onSubmit={(e) => {
        e.preventDefault();
        if (!ready) return;
        onAdd({ vendor, month, amount: numbers.read(amount), ...(number.trim() ? { number: number.trim() } : {}) });
        setAmount("");
        setNumber("");
      }}
    >
      <select aria-label="New invoice vendor" value={vendor} onChange={(e) => setVendor(e.target.value)}>
        {names.map((v) => (
          <option key={v}>{v}</option>
        ))}
      </select>
      <input type="month" aria-label="New invoice month" value={month} onChange={(e) => setMonth(e.target.value)} />
      <input className="num" aria-label="New invoice amount" placeholder={`Amount (${currency})`} value={amount} onChange={(e) => setAmount(e.target.value)} />
      <input aria-label="New invoice number" placeholder="Invoice no. (optional)" value={number} onChange={(e) => setNumber(e.target.value)} />
      <button type="submit" className="button" disabled={!ready}>
        Add invoice
      </button>
    </form>
  );
}

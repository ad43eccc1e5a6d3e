// The plan's naming convention: one template the core fills per line, so every campaign typed
// into a platform carries a name its reports can be matched back by. A template the core cannot
// fill is shown with the core's reason under the field.

import type { LaunchLine, Plan } from "../../bindings";
import type { CommandErrorBody } from "../../types";
import { TextField } from "../../components/Field";
import { CopyButton } from "./CopyButton";
import { NAMING_TOKENS, setTemplate } from "./launch";

interface Props {
  plan: Plan;
  board: LaunchLine[] | null;
  /** The launch board's or the last save's error, shown if it names the template. */
  error: CommandErrorBody | null;
  edit: (change: (plan: Plan) => Plan) => void;
}

export const TEMPLATE_PATH = "monitoring.naming_template";

export function NamingConvention({ plan, board, error, edit }: Props) {
  const template = plan.monitoring?.naming_template ?? "";
  const named = (board ?? []).filter((l) => l.campaign);
  const all = named.map((l) => `${l.name}\t${l.campaign}`).join("\n");
  return (
    <section className="panel naming-panel" aria-label="Naming convention">
      <div className="panel-head">
        <h2>Naming convention</h2>
        {named.length > 0 && (
          <CopyButton text={all} label="Copy every line's campaign name">
            {`Copy all ${named.length} names`}
          </CopyButton>
        )}
      </div>
      <TextField
        label="Campaign name template"
        path={TEMPLATE_PATH}
        error={error}
        className="template-field"
        value={template}
        placeholder="{client}_{channel}_{objective}_{audience}_{yyyymm}"
        hint={template ? undefined : "No convention: campaign names are not generated, and naming is not on the checklist."}
        onCommit={(v) => edit((p) => setTemplate(p, v))}
      />
      <p className="token-list" aria-label="Tokens">
        {NAMING_TOKENS.map((t) => (
          <code key={t}>{`{${t}}`}</code>
        ))}
      </p>
      {named.length > 0 && error?.path !== TEMPLATE_PATH && (
        <p className="muted small">
          e.g. <code className="campaign-name">{named[0].campaign}</code> for {named[0].name}. Each line's name is on its row.
        </p>
      )}
    </section>
  );
}

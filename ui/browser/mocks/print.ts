// The browser-test mock's answers for printing the one-page plan (commands/print.rs): the PDF the
// CLI exports for the plan on each paper (src/test/print-fixtures.json, made by
// scripts/make-print-fixtures.ts), so the print view draws the real page. A plan or paper the
// fixtures do not hold is refused by name.

import prints from "../../src/test/print-fixtures.json";
import { canonical } from "../../src/test/canonical";
import type { Handlers } from "./context";

/** As serde reads `Option<Paper>`: absent or null is the plan's own, else a4 or letter. */
export function paperArg(args: Record<string, unknown>, plan: Record<string, unknown>): string {
  const asked = args.paper;
  if (asked === undefined || asked === null) return (plan.settings as { paper: string }).paper;
  if (asked !== "a4" && asked !== "letter") throw { code: "invalid_args", message: `paper: unknown variant \`${String(asked)}\`, expected \`a4\` or \`letter\`` };
  return asked;
}

export const handlers: Handlers = {
  print_pdf: (args, ctx) => {
    const plan = ctx.find(args.id as number).plan;
    const paper = paperArg(args, plan);
    const page = prints.pages.find((p) => p.key === canonical(plan) && p.paper === paper);
    if (!page) throw { code: "mock_no_fixture", message: `the print fixtures hold no ${paper} page of this plan` };
    return { pdf: page.pdf, paper: page.paper, warnings: page.warnings };
  },
};

// The browser-test mock's answers for the buying commands, from the real core's fixtures:
// `launch_board` is `flightplan launch` of the plan sent; `move_line` is looked up in the table of
// moves the tests make (src/test/scenarios/buying.ts), each one's result a fixture plan.

import { ask } from "./dialogs";
import { registerExport } from "./files";
import type { Handlers } from "./context";
import { LAUNCH_MOVES } from "../../src/test/scenarios/buying";

type Override = { by: string; reason: string } | null | undefined;

export const handlers: Handlers = {
  launch_board: (args, ctx) => {
    const hit = ctx.byPlan(args.plan);
    if (hit.errors?.launch) throw hit.errors.launch;
    return (hit.launch as { lines: unknown[] }).lines;
  },

  move_line: (args, ctx) => {
    const from = ctx.byPlan(args.plan).name;
    const by = args.overrideBy as Override;
    const move = LAUNCH_MOVES.find(
      (m) =>
        m.from === from &&
        m.line === args.line &&
        m.to === args.to &&
        (m.override ? by?.by === m.override.by && by?.reason === m.override.reason : !by),
    );
    if (!move) {
      throw {
        code: "mock_no_fixture",
        message: `the browser-test mock has no core answer for moving ${String(args.line)} to ${String(args.to)} in "${from}"${by ? ` with an override by ${by.by}` : ""}`,
      };
    }
    if (move.refused) throw move.refused;
    return ctx.byName(move.gives!).plan;
  },

  // The files the shell writes are not fixtures, but their figures are the core's: net and gross
  // from `flightplan io <sample.json> -o /tmp/x --date 2026-11-21` (its `net_formatted` and
  // `gross_formatted`), numbers and file names as it printed them.
  export_insertion_orders: (args, ctx) => {
    const stored = ctx.find(args.id as number);
    if (ctx.byPlan(stored.plan).name !== "sample") {
      throw { code: "mock_no_fixture", message: "the browser-test mock only writes the sample plan's insertion orders" };
    }
    const picked = ask({ kind: "folder", title: "Choose a folder for the insertion orders" });
    if (picked === null) return null;
    const dir = picked.replace(/\/+$/, "");
    const order = (vendor: string, number: string, file: string, net: string, gross: string) => {
      const path = `${dir}/${file}`;
      return { export: registerExport(path), vendor, number, path, placements: 1, net, gross };
    };
    return [
      order("Morning Brew", "NCC-202701-5815-01-V3", "morning-brew.pdf", "$16,000.00", "$19,263.53"),
      order("iHeartMedia", "NCC-202701-5815-02-V3", "iheartmedia.pdf", "$28,000.00", "$33,501.18"),
    ];
  },
};

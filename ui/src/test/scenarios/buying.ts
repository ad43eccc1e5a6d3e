// The buying browser tests' plans (see ../scenarios.ts): each one's core answers are generated
// into core-fixtures.json by scripts/make-fixtures.ts. Each plan is built the way the stage 5
// screen builds it (a line's `launch` written whole, defaults left out as the core writes them),
// so the mock can find the core's answer for exactly what the UI sends.

import type { Launch, Line, Plan } from "../../bindings";

/** The shell's "today" in the fixtures: the day an override is recorded on. */
export const LAUNCH_DAY = "2026-11-21";

/** Who takes the Morning Brew sponsorship live with its checklist open, and why. */
export const OVERRIDE = {
  by: "Dana Ruiz",
  reason: "Sponsor slot is fixed for 11 January; IO countersigned by email",
};

/** A template with a token the core does not know, to see its refusal at the field. */
export const BAD_TEMPLATE = "{client}_{flavour}_{yyyymm}";
/** A working template other than the sample's, to see the campaign names follow it. */
export const OTHER_TEMPLATE = "{brand}_{channel}_{audience}_{yyyymm}";

/**
 * The status moves the browser tests make, for the mock's `move_line`: moving `line` to `to` in
 * the plan of scenario `from` gives the plan of scenario `gives` (checked against the core's
 * `flightplan launch --line … --to … --on 2026-11-21`: the same document). A move listed with
 * `override` must be sent with exactly that who and why; one listed with `refused` is the core's
 * refusal, copied from the same command's stderr (the fixtures do not record move errors).
 */
export const LAUNCH_MOVES: {
  from: string;
  line: string;
  to: string;
  override?: { by: string; reason: string };
  gives?: string;
  refused?: { code: string; message: string; line?: string };
}[] = [
  { from: "sample", line: "morningbrew-direct", to: "booked", gives: "launch-booked" },
  {
    from: "launch-booked",
    line: "morningbrew-direct",
    to: "live",
    // `flightplan launch launch-booked.json --line morningbrew-direct --to live -o out.json`
    refused: {
      code: "launch_blocked",
      message: 'cannot go live: creative ready, IO signed not done; finish them or override with who and why',
      line: "morningbrew-direct",
    },
  },
  { from: "launch-booked", line: "morningbrew-direct", to: "live", override: OVERRIDE, gives: "launch-override" },
];

function withLaunch(plan: Plan, id: string, change: (l: Launch) => Launch): Plan {
  return {
    ...plan,
    lines: plan.lines.map((l: Line) => (l.id === id ? { ...l, launch: change(l.launch ?? { status: "planned" }) } : l)),
  };
}

export function buyingScenarios(sample: Plan): Record<string, Plan> {
  const booked = withLaunch(sample, "morningbrew-direct", (l) => ({ ...l, status: "booked" }));
  const override = withLaunch(booked, "morningbrew-direct", (l) => ({
    ...l,
    status: "live",
    override: { ...OVERRIDE, on: LAUNCH_DAY },
  }));
  const tracking = withLaunch(sample, "google-brand", (l) => ({ ...l, tracking_verified: true }));
  // The CTV spot (one 30s video) delivered: its creative is ready.
  const delivered: Plan = {
    ...sample,
    lines: sample.lines.map((l) => (l.id === "ctv-ttd" ? { ...l, creative: l.creative!.map((c, i) => (i === 0 ? { ...c, delivered: 1 } : c)) } : l)),
  };
  // The CTV line with every required item done, booked: ready to go live without an override.
  const ready = withLaunch(
    { ...delivered },
    "ctv-ttd",
    (l) => ({ ...l, status: "booked", tracking_verified: true, naming_applied: true }),
  );
  const template = (t: string): Plan => ({ ...sample, monitoring: { ...sample.monitoring!, naming_template: t } });
  return {
    "launch-booked": booked,
    "launch-override": override,
    "launch-tracking": tracking,
    "launch-delivered": delivered,
    "launch-ready": ready,
    "launch-template-bad": template(BAD_TEMPLATE),
    "launch-template": template(OTHER_TEMPLATE),
  };
}

import { describe, expect, it } from "vitest";
import type { Catalogue } from "../bindings";
import reach from "../test/reach-fixtures.json";
import { ALL_KPIS, AUDIENCE_KPIS, KPI_LABEL, KPIS_FOR, kpiFits } from "./model";

// The UI's KPI lookups are built from the generated `bindings/rules.ts`; they must say exactly what
// the core's catalogue command says (`catalogue.kpis`), which the fixtures hold as the core sent it.
const core = (reach.catalogues as Record<string, Catalogue>)[""].kpis;

describe("the KPI rules", () => {
  it("are the core's: labels, order, funnel fit and audience KPIs", () => {
    expect(ALL_KPIS).toEqual(core.map((k) => k.kpi));
    for (const k of core) {
      expect(KPI_LABEL[k.kpi]).toBe(k.label);
      for (const stage of ["awareness", "consideration", "conversion", "retention"] as const) {
        expect(kpiFits(k.kpi, stage), `${k.kpi} ${stage}`).toBe(k.fits.includes(stage));
      }
      expect(AUDIENCE_KPIS.includes(k.kpi), k.kpi).toBe(k.on_audience);
    }
    expect(Object.keys(KPIS_FOR).sort()).toEqual(["awareness", "consideration", "conversion", "retention"]);
  });
});

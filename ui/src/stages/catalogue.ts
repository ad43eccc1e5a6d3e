// The channel catalogue, each medium's norms and the reach models, exactly as the core gives them
// (the `catalogue` command). Stage 1 reads the reach models, stage 3 the channels, the line
// detail the media. It changes only with the universe (a CPP default is the price of 1% of it),
// so it is asked for once per universe and kept.

import { useEffect, useState } from "react";
import { api, toCommandError, type CommandError } from "../api";
import type { BuyUnit, Catalogue, Medium } from "../bindings";

const asked = new Map<string, Promise<Catalogue>>();

/** The core's catalogue for a universe (the plan's, as written; empty or absent for none). */
export function loadCatalogue(universe?: string | null): Promise<Catalogue> {
  const key = universe?.trim() ?? "";
  let answer = asked.get(key);
  if (!answer) {
    answer = api.catalogue(key || null);
    asked.set(key, answer);
    // A refusal is not kept: the planner fixes the universe and it is asked again.
    answer.catch(() => asked.delete(key));
  }
  return answer;
}

/** Forget every catalogue asked for (tests start afresh). */
export function forgetCatalogues(): void {
  asked.clear();
}

export interface CatalogueState {
  catalogue: Catalogue | null;
  /** Why the catalogue for this universe was refused; the catalogue shown is then the one
   * without a universe (no CPP defaults). */
  error: CommandError | null;
}

/** The catalogue for `universe`, once the core has answered. */
export function useCatalogue(universe?: string | null): CatalogueState {
  const [state, setState] = useState<CatalogueState>({ catalogue: null, error: null });
  const key = universe?.trim() ?? "";
  useEffect(() => {
    let live = true;
    loadCatalogue(key).then(
      (catalogue) => live && setState({ catalogue, error: null }),
      (e) => {
        const error = toCommandError(e);
        if (!key) {
          if (live) setState({ catalogue: null, error });
          return;
        }
        loadCatalogue(null).then(
          (catalogue) => live && setState({ catalogue, error }),
          () => live && setState({ catalogue: null, error }),
        );
      },
    );
    return () => {
      live = false;
    };
  }, [key]);
  return state;
}

/** "Linear TV" for `tv`: the core's label for a medium, else its code. */
export function mediumLabel(catalogue: Catalogue | null, medium: Medium | null | undefined): string {
  if (!medium) return "";
  return catalogue?.media.find((m) => m.medium === medium)?.label ?? medium.replace(/_/g, " ");
}

/** What a medium books in (spots, faces, insertions), from the core's norms. */
export function mediumUnit(catalogue: Catalogue | null, medium: Medium | null | undefined): BuyUnit | null {
  if (!medium) return null;
  return catalogue?.media.find((m) => m.medium === medium)?.unit ?? null;
}

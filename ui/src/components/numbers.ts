// Numbers typed into a field, in the plan's style. A planner who writes 1.234,56 types "2.400,50"
// into the budget as readily as into the grid; read with dot decimals, that was refused (or, for
// "2.400", taken as 2.4). So every numeric field shows its value with the plan's decimal mark and
// reads what is typed in the plan's style, handing the plan the plain decimal the core takes.
// Grouping is not shown while editing, as in the grid: the field holds what the planner types.

import { createContext, useContext } from "react";
import type { NumberStyle } from "../bindings";
import { decimalInStyle } from "../format";
import { cleanDecimal } from "../store/usePlan";

/** The number style of the plan on screen; the plan screen provides it. */
export const NumberStyleContext = createContext<NumberStyle>("1,234.56");

/** How a numeric field shows a plain decimal and reads typed text back into one. */
export interface NumberInput {
  style: NumberStyle;
  /** A plain decimal ("2400.5") as the field shows it ("2400,5" where the plan writes 1.234,56). */
  shown: (value: string) => string;
  /** Typed text ("2.400,50") as the plain decimal the plan holds ("2400.50"). */
  read: (text: string) => string;
}

export function numberInput(style: NumberStyle): NumberInput {
  return { style, shown: (value) => decimalInStyle(value, style), read: (text) => cleanDecimal(text, style) };
}

/** The plan's number input, for fields and forms that read typed figures. */
export function useNumberInput(): NumberInput {
  return numberInput(useContext(NumberStyleContext));
}

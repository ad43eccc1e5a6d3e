// The costed view the plan screen holds, by the number the shell gave it. A save names that
// number, and the core's answer sends only the lines whose figures changed: on a 1,000-line plan
// the whole view is some 800 KB, most of what an edit waited for in the webview's IPC. This puts
// an answer back together. Unchanged lines keep their objects, so the grid's and flowchart's rows
// see at once that they have nothing to draw again.

import { CommandError } from "../api";
import type { SavedView } from "../bindings";
import type { PlanView } from "../types";

export interface HeldView {
  /** The shell's number for the view. */
  id: number;
  view: PlanView;
}

/** The whole view an answer stands for, given the view held when the save was sent. */
export function viewFromAnswer(answer: SavedView, held: HeldView | null): HeldView {
  const { kept } = answer;
  if (!kept) return { id: answer.view_id, view: answer.view };
  const broken = (why: string) =>
    new CommandError({ code: "internal", message: `Flightplan could not put the saved plan's figures back together (${why}); open the plan again.` });
  if (!held || held.id !== kept.from) throw broken(`they refer to view ${kept.from}, and the screen holds ${held ? held.id : "none"}`);
  const sent = answer.view.lines;
  let next = 0;
  const lines = kept.lines.map((k) => {
    const line = k === null ? sent[next++] : held.view.lines[k];
    if (!line) throw broken(k === null ? "fewer lines were sent than were changed" : `line ${k} is not in the held view`);
    return line;
  });
  if (next !== sent.length) throw broken("more lines were sent than were changed");
  return { id: answer.view_id, view: { ...answer.view, lines } };
}

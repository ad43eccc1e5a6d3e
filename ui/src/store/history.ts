// Unlimited undo and redo over whole plan documents. A plan is small (kilobytes), so each step
// keeps the full document: undo is then exact, whatever the edit touched, and needs no inverse
// operations to get right.

export class History<T> {
  private past: T[] = [];
  private future: T[] = [];

  constructor(private present: T) {}

  get current(): T {
    return this.present;
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }

  /** Record a new document; any redo branch is dropped, as in every editor. */
  push(next: T): T {
    this.past.push(this.present);
    this.present = next;
    this.future = [];
    return next;
  }

  /** Step back; returns the document now current, or undefined when there is nothing to undo. */
  undo(): T | undefined {
    const prev = this.past.pop();
    if (prev === undefined) return undefined;
    this.future.push(this.present);
    this.present = prev;
    return prev;
  }

  redo(): T | undefined {
    const next = this.future.pop();
    if (next === undefined) return undefined;
    this.past.push(this.present);
    this.present = next;
    return next;
  }
}

// A plan's status (draft, proposed, approved, live, closed) as a small badge.

import { titleCase } from "../format";

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge status-${status}`}>{titleCase(status)}</span>;
}

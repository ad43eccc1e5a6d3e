// A command's error, shown with its plain message and the stable code support can search for.

import type { CommandErrorBody } from "../types";

export function ErrorNotice({ error, title }: { error: CommandErrorBody; title?: string }) {
  return (
    <div className="error-notice" role="alert">
      <p className="error-title">{title ?? "Something went wrong"}</p>
      <p className="error-message">{error.message}</p>
      <p className="error-code">
        {error.code}
        {error.path ? ` · ${error.path}` : ""}
      </p>
    </div>
  );
}

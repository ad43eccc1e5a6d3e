// A command's error, shown with its plain message, where in a file it is (composed from the
// error's fields), and the stable code support can search for.

import type { CommandErrorBody } from "../types";
import { errorFilePlace, errorMessage } from "../errors";

export function ErrorNotice({ error, title }: { error: CommandErrorBody; title?: string }) {
  const place = errorFilePlace(error);
  return (
    <div className="error-notice" role="alert">
      <p className="error-title">{title ?? "Something went wrong"}</p>
      <p className="error-message">
        {place && <span className="error-place">{place}: </span>}
        {errorMessage(error)}
      </p>
      <p className="error-code">
        {error.code}
        {error.path ? ` · ${error.path}` : ""}
      </p>
    </div>
  );
}

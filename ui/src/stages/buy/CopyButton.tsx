// Copy a campaign name (or all of them) to the clipboard, to paste into the ad platform: the
// name in the platform is how its reports find their way back to the line.

import { useEffect, useState } from "react";

export function CopyButton({ text, label, children }: { text: string; label: string; children?: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  useEffect(() => {
    if (state === "idle") return;
    const t = setTimeout(() => setState("idle"), 1600);
    return () => clearTimeout(t);
  }, [state]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      setState("failed");
    }
  };
  return (
    <button
      type="button"
      className={`copy-button${state === "copied" ? " copied" : ""}${state === "failed" ? " failed" : ""}`}
      aria-label={label}
      title={label}
      onClick={() => void copy()}
    >
      {state === "copied" ? "Copied" : state === "failed" ? "Copy failed" : (children ?? "Copy")}
    </button>
  );
}

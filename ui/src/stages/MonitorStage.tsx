// Stage 6. (Being built: see the stage's issue.)

import type { StageProps } from "./props";
import { PendingStage } from "./PendingStage";

export function MonitorStage(props: StageProps) {
  return <PendingStage stage={6} findings={props.view.findings.filter((f) => f.stage === 6)} lines={props.view.lines} />;
}

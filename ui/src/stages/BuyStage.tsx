// Stage 5. (Being built: see the stage's issue.)

import type { StageProps } from "./props";
import { PendingStage } from "./PendingStage";

export function BuyStage(props: StageProps) {
  return <PendingStage stage={5} findings={props.view.findings.filter((f) => f.stage === 5)} lines={props.view.lines} />;
}

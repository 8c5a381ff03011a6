// The studio's analysis off the main thread: typing never waits for the validator or the layout.
// Texts that arrive while one is being analyzed are coalesced: only the newest is analyzed next.
import { createBlueprintAnalyzer } from "./analyze-blueprint";

const analyze = createBlueprintAnalyzer();
let newest: string | null = null;
let scheduled = false;

function analyzeNewest() {
  scheduled = false;
  if (newest === null) return;
  const text = newest;
  newest = null;
  postMessage(analyze(text));
}

addEventListener("message", (event: MessageEvent<string>) => {
  newest = event.data;
  if (scheduled) return;
  scheduled = true;
  // A task later, so that texts already queued behind this one replace it first.
  setTimeout(analyzeNewest, 0);
});

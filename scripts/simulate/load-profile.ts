// The demo's load profile and the task rate it means for a cluster. Pure, so the shape is tested.
export interface Phase {
  name: string;
  seconds: number;
  /** Load at the phase's start and end, 0..1; it moves linearly in between. */
  from: number;
  to: number;
}

/** Ramp up, hold a plateau, drop to zero long enough for the demo policy to hibernate, then wake. */
export const DEMO_PROFILE: readonly Phase[] = [
  { name: "ramp up", seconds: 60, from: 0.1, to: 1 },
  { name: "plateau", seconds: 60, from: 1, to: 1 },
  { name: "drop to zero", seconds: 75, from: 0, to: 0 },
  { name: "demand returns", seconds: 45, from: 0.4, to: 0.4 },
];

export const profileSeconds = (profile: readonly Phase[]) => profile.reduce((sum, phase) => sum + phase.seconds, 0);

/** The phase and load `elapsed` seconds into the profile; past its end, the last phase's end. */
export function loadAt(profile: readonly Phase[], elapsed: number): { phase: string; load: number } {
  let start = 0;
  for (const phase of profile) {
    if (elapsed < start + phase.seconds)
      return { phase: phase.name, load: phase.from + ((phase.to - phase.from) * (elapsed - start)) / phase.seconds };
    start += phase.seconds;
  }
  const last = profile.at(-1)!;
  return { phase: last.name, load: last.to };
}

/** How long one demo task keeps a worker busy (the simulate executor waits this long). */
export const DEMO_TASK_MS = 2_000;

/**
 * Tasks per second a load means for a cluster: full load keeps three quarters of max_workers busy
 * with DEMO_TASK_MS tasks, so the queue grows until the autoscaler has scaled up. Zero load is no
 * task at all, so the cluster goes idle and can hibernate.
 */
export function taskRate(maxWorkers: number, load: number, taskMs = DEMO_TASK_MS): number {
  if (load <= 0) return 0;
  return (load * maxWorkers * 0.75 * 1000) / taskMs;
}

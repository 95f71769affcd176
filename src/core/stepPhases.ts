/** The four phases of one SGD step, as the Math view walks through them. */
export const STEP_PHASES = ['forward', 'loss', 'backward', 'update'] as const;
export type StepPhase = (typeof STEP_PHASES)[number];

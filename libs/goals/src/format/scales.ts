/**
 * A scale of one state ("Uppfyller") says only what meeting the target looks like; the state below it,
 * "not met", is implied rather than written out. Everything that reads a scale's states goes through
 * scaleStates, so the implied state is valid in files, judged by the evaluation and printed in reports.
 */
export interface ScaleStateDefinition {
  key: string;
  label: string;
  rank: number;
}

export const IMPLIED_NOT_MET_STATE = Object.freeze({ key: 'ej-uppfyllt', label: 'Ej uppfyllt' });

/** The states of a scale as written, and for a one-state scale the implied "Ej uppfyllt" one rank below. */
export function scaleStates(scale: { states: readonly ScaleStateDefinition[] }): ScaleStateDefinition[] {
  const states = scale.states.map((state) => ({ key: state.key, label: state.label, rank: state.rank }));
  if (states.length !== 1) return states;
  return [...states, { key: IMPLIED_NOT_MET_STATE.key, label: IMPLIED_NOT_MET_STATE.label, rank: states[0].rank - 1 }];
}

/**
 * The callback's labs, chosen on the consent page and kept in this tab for the trip to the
 * provider: `hold` stops the callback so the learner can change it before it is sent (sandbox
 * mode); `judge` lets the learner be the BFF and decide first, then the BFF checks for real.
 */
export type CallbackLab = 'hold' | 'judge';

const KEY = 'cew-callback-lab';

export function readCallbackLab(): CallbackLab | null {
  const value = sessionStorage.getItem(KEY);
  return value === 'hold' || value === 'judge' ? value : null;
}

export function setCallbackLab(lab: CallbackLab | null) {
  if (lab) sessionStorage.setItem(KEY, lab);
  else sessionStorage.removeItem(KEY);
}

/**
 * The failure lab's switch (sandbox mode): the callback page stops before it hands the callback
 * to the BFF, so the learner can change it first. Kept in this tab for the trip to the provider.
 */
export const HOLD_CALLBACK = 'cew-hold-callback';

import base from './playwright.config';
export default {
  ...base,
  projects: [{ name: 'tour', testMatch: 'tour.tmp.spec.ts', use: base.projects?.[0]?.use }],
};

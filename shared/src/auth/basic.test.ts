import { describe, expect, it } from 'vitest';
import { ELEMENTS, type GuidedKey } from '../elements';
import { elementView } from '../testing';
import { KINDS } from '.';
import { basic } from './basic';

describe('basic authentication', () => {
  it('has no callback, no app and no providerData: nothing is delegated', () => {
    expect(basic.callback).toBeUndefined();
    expect(basic.app).toBeUndefined();
    expect(basic.providerData({ authType: 'basic' })).toBe(null);
    expect(basic.appConfiguration).toEqual([]);
  });

  it('says who has seen the person’s key: the provider and this browser from the start, then the BFF and Cloud Elements', () => {
    const rows = basic.holds(elementView('freshdeskv2'));
    const key = rows.find((row) => row.what.includes('API key'));
    expect(key?.seen).toEqual({
      Provider: 'start',
      Browser: 'start',
      BFF: 'create-instance',
      'Cloud Elements': 'create-instance',
    });
  });

  it('leaves out a non-secret field in the failure lab’s missing configuration', () => {
    expect(basic.labOmits(ELEMENTS.freshdeskv2)).toBe('subdomain');
  });
});

describe('every kind', () => {
  it.each(Object.values(KINDS))(
    '$label fills every comparison row and draws only its steps',
    (kind) => {
      const element = Object.values(ELEMENTS).find((e) => e.authType === kind.authType);
      if (!element) throw new Error(`no element of ${kind.authType}`);
      const view = elementView(element.key as GuidedKey);
      const cells = kind.compare(view);
      expect(Object.values(cells).every((cell) => cell.trim().length > 0)).toBe(true);
      for (const hop of kind.hops(view)) expect(view.steps).toContain(hop.step);
      // Every step a call makes has a hop from the browser.
      for (const step of view.steps.filter((s) => s !== 'instance-token' && s !== 'credentials')) {
        expect(kind.hops(view).some((hop) => hop.step === step && hop.from === 'Browser')).toBe(
          true,
        );
      }
    },
  );
});

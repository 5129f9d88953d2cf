import { describe, expect, it } from 'vitest';
import { ELEMENTS } from '.';
import { checkDescriptor, checkFields, fieldMarker, fillTemplate } from './descriptor';

describe('the descriptors', () => {
  it.each(Object.values(ELEMENTS))('$key passes every check a new element must pass', (element) => {
    expect(checkDescriptor(element)).toEqual([]);
  });

  it('catches what a careless new descriptor gets wrong', () => {
    const bad = {
      ...ELEMENTS.zendesk,
      key: 'Zen Desk',
      consent: { ...ELEMENTS.zendesk.consent, hosts: ['{subdomain}.zendesk.com'], paths: ['x'] },
      tryIt: { ...ELEMENTS.zendesk.tryIt, path: '/hubs/crm/accounts' },
      fields: [{ ...ELEMENTS.zendesk.fields[0], example: 'Not A Label!' }],
    } as typeof ELEMENTS.zendesk;
    const problems = checkDescriptor(bad).join('\n');
    expect(problems).toContain('key must be lowercase');
    expect(problems).toContain('names no field subdomain');
    expect(problems).toContain('path x');
    expect(problems).toContain('/hubs/crm/accounts is not under /hubs/helpdesk/');
    expect(problems).toContain('Not A Label! does not match its pattern');
    expect(
      checkDescriptor({ ...ELEMENTS.freshdeskv2, consent: ELEMENTS.zendesk.consent }),
    ).toContain(
      'element freshdeskv2 (shared/src/elements/freshdeskv2.ts): a basic element has no consent page',
    );
  });
});

describe('checkFields', () => {
  it.each([
    [{ 'zendesk.subdomain': 'acme' }, []],
    [{ 'zendesk.subdomain': 'a-1' }, []],
    [{}, ['zendesk.subdomain: Subdomain is required.']],
    [{ 'zendesk.subdomain': '-acme' }, ['DNS label']],
    [{ 'zendesk.subdomain': 'evil.example.com' }, ['DNS label']],
    [{ 'zendesk.subdomain': 'a'.repeat(64) }, ['DNS label']],
    [{ 'zendesk.subdomain': 'acme', extra: 'x' }, ['extra: this element has no such field.']],
  ])('%j → %j', (values, expected) => {
    const problems = checkFields(ELEMENTS.zendesk, values);
    expect(problems).toHaveLength(expected.length);
    for (const [i, text] of expected.entries()) expect(problems[i]).toContain(text);
  });
});

describe('templates and markers', () => {
  it('fills a host with the flow’s fields, lower-cased, and refuses a missing one', () => {
    expect(fillTemplate('{zendesk.subdomain}.zendesk.com', { 'zendesk.subdomain': 'Acme' })).toBe(
      'acme.zendesk.com',
    );
    expect(fillTemplate('{zendesk.subdomain}.zendesk.com', {})).toBe(null);
  });

  it('names a typed secret after its element and title', () => {
    const [, key] = ELEMENTS.freshdeskv2.fields;
    if (!key) throw new Error('Freshdesk has an API key field');
    expect(fieldMarker(ELEMENTS.freshdeskv2, key)).toBe('<FRESHDESK_API_KEY>');
  });
});

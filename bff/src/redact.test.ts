import { describe, expect, it } from 'vitest';
import { createRedactor } from './redact';

const redactor = createRedactor([
  { value: 'user s3cret/+=', marker: '<CE_USER_SECRET>' },
  { value: 'org-secret-1', marker: '<CE_ORG_SECRET>' },
  { value: 'app-secret-9', marker: '<TWITTER_API_SECRET>' },
]);

describe('redact', () => {
  it('hides any one of a whole catalog of configured secrets, in every form, in one pass', () => {
    // Every documented element's app configured: one expression finds any of them.
    const apps = Array.from({ length: 160 }, (_, i) => ({
      value: `app-${i}-secret/+= ${'x'.repeat(i % 7)}`,
      marker: `<E${i}_API_SECRET>`,
    }));
    const many = createRedactor(apps);
    for (const i of [0, 79, 159]) {
      const secret = apps[i]?.value ?? '';
      const forms = [
        secret,
        encodeURIComponent(secret),
        Buffer.from(secret).toString('base64'),
        encodeURIComponent(secret).toLowerCase(),
        JSON.stringify(secret).replaceAll('/', '\\/'),
      ];
      for (const form of forms) {
        expect(many.redactString(`a ${form} b`)).toMatch(
          new RegExp(`^a "?<E${i}_API_SECRET>"? b$`),
        );
      }
    }
    // A flow's own secret beside them: both hidden.
    const flow = many.with([{ value: 'typed-key-1234', marker: '<TYPED>' }]);
    expect(flow.redactString(`typed-key-1234 ${apps[5]?.value}`)).toBe('<TYPED> <E5_API_SECRET>');
  });

  it('replaces a known secret in every wire form it may take', () => {
    const forms = [
      'user s3cret/+=',
      encodeURIComponent('user s3cret/+='),
      new URLSearchParams({ v: 'user s3cret/+=' }).toString().slice(2),
      Buffer.from('user s3cret/+=').toString('base64'),
    ];
    for (const form of forms) {
      expect(redactor.redactString(`before ${form} after`)).toBe('before <CE_USER_SECRET> after');
    }
  });

  it('finds a secret with every character percent-encoded, in upper- or lower-case hex', () => {
    const full = (text: string, upper: boolean) =>
      [...Buffer.from(text)]
        .map((byte) => `%${byte.toString(16).padStart(2, '0')}`)
        .map((hex) => (upper ? hex.toUpperCase() : hex))
        .join('');
    for (const upper of [true, false]) {
      expect(redactor.redactString(`q=${full('org-secret-1', upper)}&x=1`)).toBe(
        'q=<CE_ORG_SECRET>&x=1',
      );
    }
  });

  it('hides an access token quoted as oauth_token inside an upstream string, not the request token shown on purpose', () => {
    const flow = redactor.with([], ['request-token-RT1']);
    const out = flow.redact({
      providerRaw: 'oauth_token=access-AT99&oauth_token_secret=ats-1&user_id=7',
      message: 'Twitter refused: {"oauth_token":"access-AT99"}',
      oauthUrl: 'https://api.twitter.com/oauth/authorize?oauth_token=request-token-RT1',
      // As an object key it stays what the steps teach with.
      providerData: { oauth_token: 'request-token-RT1' },
    });
    expect(out).toEqual({
      providerRaw: 'oauth_token=<ACCESS_TOKEN>&oauth_token_secret=<TOKEN_SECRET>&user_id=7',
      message: 'Twitter refused: {"oauth_token":"<ACCESS_TOKEN>"}',
      oauthUrl: 'https://api.twitter.com/oauth/authorize?oauth_token=request-token-RT1',
      providerData: { oauth_token: 'request-token-RT1' },
    });
  });

  it('finds a key of digits echoed as a JSON number', () => {
    const digits = createRedactor([{ value: '4815162342', marker: '<ACME_API_KEY>' }]);
    expect(digits.redact({ key: 4815162342, count: 3, year: 2026 })).toEqual({
      key: '<ACME_API_KEY>',
      count: 3,
      year: 2026,
    });
  });

  it('hides secrets inside URLs and curl lines, keeping the rest readable', () => {
    const url = `https://ce.example/oauth/token?apiKey=k&apiSecret=${encodeURIComponent('app-secret-9')}`;
    expect(redactor.redactString(url)).toBe(
      'https://ce.example/oauth/token?apiKey=k&apiSecret=<TWITTER_API_SECRET>',
    );
  });

  it('names each part of an Authorization header', () => {
    const out = redactor.redact({
      authorization: 'User user s3cret/+=, Organization org-secret-1',
    });
    expect(out.authorization).toBe('User <CE_USER_SECRET>, Organization <CE_ORG_SECRET>');
  });

  it('hides an Authorization header with an unknown part whole', () => {
    const out = redactor.redact({ Authorization: 'User user s3cret/+=, Element unknown-token' });
    expect(out.Authorization).toBe('<AUTHORIZATION>');
  });

  it('hides secrets it never knew, by key, at any depth', () => {
    const reply = {
      token: 'instance-token',
      configuration: {
        'oauth.user.token.secret': 'access-secret-from-twitter',
        'oauth.api.secret': 'some other secret',
        'oauth.user.token': '123-abc',
      },
      list: [{ secret: 'request-token-secret' }],
    };
    expect(redactor.redact(reply)).toEqual({
      token: 'instance-token',
      configuration: {
        'oauth.user.token.secret': '<ACCESS_TOKEN_SECRET>',
        // A secret it never knew is named for what it is, not for one element's app.
        'oauth.api.secret': '<API_SECRET>',
        'oauth.user.token': '<ACCESS_TOKEN>',
      },
      list: [{ secret: '<REQUEST_TOKEN_SECRET>' }],
    });
  });

  it("keeps Cloud Elements' own asterisk masks, which hide nothing", () => {
    expect(redactor.redact({ 'oauth.api.secret': '********' })).toEqual({
      'oauth.api.secret': '********',
    });
  });

  it('returns a copy and leaves the original untouched', () => {
    const original = { nested: { apiSecret: 'app-secret-9' } };
    const copy = redactor.redact(original);
    expect(copy.nested.apiSecret).toBe('<TWITTER_API_SECRET>');
    expect(original.nested.apiSecret).toBe('app-secret-9');
  });

  it('treats keys named like Object built-ins as plain data', () => {
    const reply = JSON.parse('{"constructor":"a","toString":"b","__proto__":{"apiSecret":"x"}}');
    const copy = redactor.redact(reply);
    expect(Object.keys(copy)).toEqual(['constructor', 'toString', '__proto__']);
    expect(JSON.stringify(copy)).toBe(
      '{"constructor":"a","toString":"b","__proto__":{"apiSecret":"<API_SECRET>"}}',
    );
  });

  it('replaces a secret that contains another whole, and secrets with special characters', () => {
    const special = createRedactor([
      { value: 'ab.c*d(e)', marker: '<ONE>' },
      { value: 'xx-ab.c*d(e)-yy', marker: '<TWO>' },
    ]);
    expect(special.redactString('1 xx-ab.c*d(e)-yy 2 ab.c*d(e) 3 abXc*d(e)')).toBe(
      '1 <TWO> 2 <ONE> 3 abXc*d(e)',
    );
  });

  it('catches a secret echoed in any escaping: URL-encoded in any case or twice, JSON-escaped', () => {
    const secret = 'user s3cret/+=';
    const upper = encodeURIComponent(secret);
    const echoes = [
      upper.toLowerCase(),
      upper.replace('%2F', '%2f'),
      encodeURIComponent(upper),
      encodeURIComponent(upper).toLowerCase(),
      JSON.stringify(secret).slice(1, -1).replace('/', '\\/'),
      'user s3cret\\u002f\\u002B\\u003d',
      'user\\u0020s3cret%2F+=',
    ];
    for (const echo of echoes) {
      expect(redactor.redactString(`before ${echo} after`), echo).toBe(
        'before <CE_USER_SECRET> after',
      );
    }
  });

  it('catches base64 of the secret alone or inside key:secret (HTTP Basic)', () => {
    for (const key of ['', 'k', 'ke', 'key', 'consumer-key-12']) {
      const basic = Buffer.from(`${key}:app-secret-9`).toString('base64');
      const out = redactor.redactString(`Authorization: Basic ${basic}`);
      expect(out, key).toContain('<TWITTER_API_SECRET>');
      // What is left of the encoding can no longer be decoded back to the secret.
      expect(Buffer.from(out.split(' ').at(-1) ?? '', 'base64').toString()).not.toContain(
        'secret-9',
      );
    }
  });

  it('finds a secret anywhere inside a longer base64 text, at every alignment and length', () => {
    // Secrets of every length mod 3, preceded by 0 to 5 bytes and followed by more: nothing of
    // the secret may survive decoding what is left.
    const secrets = [
      'k3y-0f-10b',
      'k3y-0f-11by',
      'k3y-0f-12byt',
      'k3y-0f-13byte',
      'k3y/0f+14bytes',
    ];
    const local = createRedactor(secrets.map((value) => ({ value, marker: '<S>' })));
    for (const secret of secrets) {
      for (let before = 0; before < 6; before++) {
        const text = Buffer.from(`${'p'.repeat(before)}${secret}; then more after it`).toString(
          'base64',
        );
        for (const form of [text, text.replace(/\+/g, '-').replace(/\//g, '_')]) {
          const out = local.redactString(form);
          expect(out, `${secret} after ${before} bytes`).toContain('<S>');
          for (const part of out.split('<S>')) {
            expect(Buffer.from(part, 'base64').toString()).not.toContain(secret.slice(3, 9));
          }
        }
      }
    }
  });

  it('catches the forms the README claims: hex, HTML references, base64 of the URL-encoded secret', () => {
    const secret = 'user s3cret/+=';
    const html = [...secret].map((ch, i) =>
      i % 3 === 0
        ? `&#${ch.charCodeAt(0)};`
        : i % 3 === 1
          ? `&#x${ch.charCodeAt(0).toString(16)};`
          : ch,
    );
    for (const form of [
      Buffer.from(secret).toString('hex'),
      Buffer.from(secret).toString('hex').toUpperCase(),
      html.join(''),
      'user s3cret&#x2F;&#43;&#61;',
      Buffer.from(encodeURIComponent(secret)).toString('base64'),
      Buffer.from(`x=${encodeURIComponent(secret)}&y=1`).toString('base64url'),
    ]) {
      expect(redactor.redactString(`<p>${form}</p>`), form).toContain('<CE_USER_SECRET>');
    }
  });

  it('applies the key rules inside strings that are form-encoded or JSON, and in messages quoting them', () => {
    const reply = redactor.redact({
      providerRaw: 'oauth_token=tok-1&oauth_token_secret=only-upstream-knows&user_id=42',
      providerJson:
        '{"access_token":"at-only-upstream","refresh_token":"rt-only-upstream","scope":"x"}',
      message:
        'Failed to get the access token: oauth_token=tok-2&oauth_token_secret=also-unknown (Twitter said {"access_token": "quoted-at"})',
    });
    const text = JSON.stringify(reply);
    for (const hidden of [
      'only-upstream-knows',
      'at-only-upstream',
      'rt-only-upstream',
      'also-unknown',
      'quoted-at',
    ]) {
      expect(text).not.toContain(hidden);
    }
    // Quoted in a string, an oauth_token this flow does not show is the provider's access token.
    expect(reply.providerRaw).toBe(
      'oauth_token=<ACCESS_TOKEN>&oauth_token_secret=<TOKEN_SECRET>&user_id=42',
    );
    expect(reply.message).toContain('oauth_token=<ACCESS_TOKEN>');
    // What is no secret stays readable.
    expect(text).toContain('scope');
    expect(text).toContain('user_id=42');
  });

  it('hides secret keys whatever their case, separators or stray spaces', () => {
    const reply = {
      oauth_user_token_secret: 'a1',
      access_token_secret: 'a2',
      accessTokenSecret: 'a3',
      tokenSecret: 'a4',
      client_secret: 'a5',
      password: 'a6',
      'secret ': 'a7',
      'OAuth-Token-Secret': 'a8',
      refresh_token: 'a9',
      access_token: 'b1',
      userSecret: 'b2',
      name: 'kept',
      token: 'the instance token is shown at step 5',
    };
    const out = redactor.redact(reply);
    expect(out).toEqual({
      oauth_user_token_secret: '<ACCESS_TOKEN_SECRET>',
      access_token_secret: '<ACCESS_TOKEN_SECRET>',
      accessTokenSecret: '<ACCESS_TOKEN_SECRET>',
      tokenSecret: '<TOKEN_SECRET>',
      client_secret: '<CLIENT_SECRET>',
      password: '<PASSWORD>',
      'secret ': '<REQUEST_TOKEN_SECRET>',
      'OAuth-Token-Secret': '<TOKEN_SECRET>',
      refresh_token: '<REFRESH_TOKEN>',
      access_token: '<ACCESS_TOKEN>',
      userSecret: '<SECRET>',
      name: 'kept',
      token: 'the instance token is shown at step 5',
    });
  });

  it('redacts twice to the same result: a marker is not taken for a secret to hide', () => {
    const other = createRedactor([
      { value: 'sf-client-secret', marker: '<SALESFORCE_CLIENT_SECRET>' },
    ]);
    const once = other.redact({ 'oauth.api.secret': 'sf-client-secret' });
    expect(once).toEqual({ 'oauth.api.secret': '<SALESFORCE_CLIENT_SECRET>' });
    expect(other.redact(once)).toEqual(once);
  });
});

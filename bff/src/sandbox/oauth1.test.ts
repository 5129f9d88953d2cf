import { describe, expect, it } from 'vitest';
import {
  authorizationHeader,
  baseStringUri,
  normalizeParameters,
  type Param,
  parseAuthorizationHeader,
  percentEncode,
  sign,
  signingKey,
} from './oauth1';

const consumer: Param[] = [
  ['oauth_consumer_key', 'dpf43f3p2l4k3l03'],
  ['oauth_signature_method', 'HMAC-SHA1'],
];
const consumerSecret = 'kd94hf93k423kf44';

describe('RFC 5849 test vectors', () => {
  it('signs the temporary credentials request', () => {
    const work = sign({
      method: 'POST',
      url: 'https://photos.example.net/initiate',
      oauth: [
        ...consumer,
        ['oauth_timestamp', '137131200'],
        ['oauth_nonce', 'wIjqoS'],
        ['oauth_callback', 'http://printer.example.com/ready'],
      ],
      consumerSecret,
    });
    expect(work.signature).toBe('74KNZJeDHnMBp0EMJ9ZHt/XKycU=');
  });

  it('signs the token request with the temporary credentials secret', () => {
    const work = sign({
      method: 'POST',
      url: 'https://photos.example.net/token',
      oauth: [
        ...consumer,
        ['oauth_token', 'hh5s93j4hdidpola'],
        ['oauth_timestamp', '137131201'],
        ['oauth_nonce', 'walatlh'],
        ['oauth_verifier', 'hfdp7dh39dks9884'],
      ],
      consumerSecret,
      tokenSecret: 'hdhd0244k9j7ao03',
    });
    expect(work.signature).toBe('gKgrFCywp7rO0OXSjdot/IHF7IU=');
  });

  it('builds the resource request base string and signature, query parameters included', () => {
    const work = sign({
      method: 'GET',
      url: 'http://photos.example.net/photos?file=vacation.jpg&size=original',
      oauth: [
        ...consumer,
        ['oauth_token', 'nnch734d00sl2jdk'],
        ['oauth_timestamp', '137131202'],
        ['oauth_nonce', 'chapoH'],
      ],
      consumerSecret,
      tokenSecret: 'pfkkdhi9sl3r4s00',
    });
    expect(work.baseString).toBe(
      'GET&http%3A%2F%2Fphotos.example.net%2Fphotos&file%3Dvacation.jpg%26oauth_consumer_key%3Ddpf43f3p2l4k3l03%26oauth_nonce%3DchapoH%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131202%26oauth_token%3Dnnch734d00sl2jdk%26size%3Doriginal',
    );
    expect(work.signature).toBe('MdpQcU8iPSUjWoN/UDMsK2sui9I=');
  });
});

describe('encoding edge cases', () => {
  it('percent-encodes reserved characters and spaces as RFC 3986 wants, not as forms do', () => {
    expect(percentEncode("a b!*'()~-._")).toBe('a%20b%21%2A%27%28%29~-._');
    expect(percentEncode('ü&=+/')).toBe('%C3%BC%26%3D%2B%2F');
  });

  it('sorts by encoded name, then value; keeps repeated and empty parameters', () => {
    expect(
      normalizeParameters([
        ['b', '2'],
        ['a', 'z'],
        ['a', ''],
        ['a', 'x y'],
        ['c@', '1'],
        ['a', 'z'],
      ]),
    ).toBe('a=&a=x%20y&a=z&a=z&b=2&c%40=1');
  });

  it('signs query and form-body parameters together, excluding oauth_signature and realm', () => {
    const base = {
      method: 'post',
      url: 'HTTPS://Api.Example.com:443/r?q=1&q=0',
      formBody: [['body', 'v w']] as Param[],
      consumerSecret: 'cs',
    };
    const work = sign({
      ...base,
      oauth: [
        ['oauth_nonce', 'n'],
        ['oauth_signature', 'x'],
        ['realm', 'r'],
      ],
    });
    expect(work.parameters).toBe('body=v%20w&oauth_nonce=n&q=0&q=1');
    expect(work.baseString.startsWith('POST&https%3A%2F%2Fapi.example.com%2Fr&')).toBe(true);
  });

  it('keeps a non-default port and drops a default one', () => {
    expect(baseStringUri('http://Example.com:80/a?b=c')).toBe('http://example.com/a');
    expect(baseStringUri('http://example.com:8080/a')).toBe('http://example.com:8080/a');
  });

  it('encodes both halves of the signing key, with & even when the token secret is empty', () => {
    expect(signingKey('a&b', '')).toBe('a%26b&');
    expect(signingKey('s', 't t')).toBe('s&t%20t');
  });

  it('round-trips an Authorization header and refuses a malformed one', () => {
    const params: Param[] = [
      ['oauth_callback', 'http://x/cb?a=1'],
      ['oauth_signature', 'ab+/='],
    ];
    expect(parseAuthorizationHeader(authorizationHeader(params))).toEqual(params);
    expect(parseAuthorizationHeader('Bearer x')).toBeNull();
    expect(parseAuthorizationHeader('OAuth a=b')).toBeNull();
  });
});

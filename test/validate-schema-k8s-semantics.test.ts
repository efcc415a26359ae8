import * as fc from 'fast-check';
import { withDefaults } from '../lib/validate/schema/apply-defaults';
import { checkCelRules } from '../lib/validate/schema/cel-rules';
import { escapeCelField } from '../lib/validate/schema/cel-value';
import { isIpStrict, isIpv4Format, isIpv6Format } from '../lib/validate/schema/ip-address';

describe('API server defaulting', () => {
  const schema = {
    type: 'object',
    properties: {
      kind: { type: 'string', default: 'Service' },
      note: { type: 'string', nullable: true, default: 'n' },
      tls: { type: 'object', default: {}, properties: { mode: { type: 'string', default: 'Terminate' } } },
      refs: { type: 'array', items: { type: 'object', properties: { group: { type: 'string', default: '' } } } },
      labels: { type: 'object', additionalProperties: { type: 'object', properties: { weight: { type: 'integer', default: 1 } } } },
    },
  };

  test('absent fields get their default, and defaults inside a default too (tls: {} -> mode Terminate)', () => {
    expect(withDefaults(schema, {})).toStrictEqual({ kind: 'Service', note: 'n', tls: { mode: 'Terminate' } });
  });

  test('a null non-nullable field is defaulted; a nullable null stays null; set values stay', () => {
    expect(withDefaults(schema, { kind: null, note: null, tls: { mode: 'Passthrough' } })).toStrictEqual({ kind: 'Service', note: null, tls: { mode: 'Passthrough' } });
  });

  test('list items and map values are defaulted; the input is not changed', () => {
    const input = { kind: 'K', note: 'x', tls: { mode: 'm' }, refs: [{ group: 'g' }, {}], labels: { a: {} } };
    const copy = structuredClone(input);
    expect(withDefaults(schema, input)).toStrictEqual({ ...input, refs: [{ group: 'g' }, { group: '' }], labels: { a: { weight: 1 } } });
    expect(input).toStrictEqual(copy);
  });

  test('a value with nothing to default comes back as the same object', () => {
    const input = { kind: 'K', note: 'x', tls: { mode: 'm' } };
    expect(withDefaults(schema, input)).toBe(input);
    const plain = { type: 'object', properties: { a: { type: 'string' } } };
    const value = { a: 'x' };
    expect(withDefaults(plain, value)).toBe(value);
  });
});

describe('CEL field names as Kubernetes escapes them', () => {
  test.each([
    ['namespace', '__namespace__'],
    ['in', '__in__'],
    ['foo.bar', 'foo__dot__bar'],
    ['x-y', 'x__dash__y'],
    ['a/b', 'a__slash__b'],
    ['a__b', 'a__underscores__b'],
    ['plain', 'plain'],
  ])('%s is read as %s', (name, escaped) => {
    expect(escapeCelField(name)).toBe(escaped);
  });

  test('names no rule can reach', () => {
    expect(escapeCelField('1port')).toBeUndefined();
    expect(escapeCelField('a b')).toBeUndefined();
    expect(escapeCelField('')).toBeUndefined();
  });
});

describe('messageExpression and reason, as the API server words a failed rule', () => {
  const schemaWith = (rule: Record<string, unknown>) => ({ 'type': 'object', 'properties': { n: { type: 'integer' } }, 'x-kubernetes-validations': [{ rule: 'self.n < 3', ...rule }] });

  test('messageExpression gives the message; message is the fallback when it fails or is blank', () => {
    expect(checkCelRules(schemaWith({ message: 'too big', messageExpression: "'n is ' + string(self.n)" }), { n: 5 })).toStrictEqual([{ path: '', message: 'n is 5' }]);
    expect(checkCelRules(schemaWith({ message: 'too big', messageExpression: 'self.missing' }), { n: 5 })).toStrictEqual([{ path: '', message: 'too big' }]);
    expect(checkCelRules(schemaWith({ message: 'too big', messageExpression: "' '" }), { n: 5 })).toStrictEqual([{ path: '', message: 'too big' }]);
    expect(checkCelRules(schemaWith({ messageExpression: "'n is ' + string(self.n)" }), { n: 1 })).toStrictEqual([]);
  });

  test('reason words the refusal; fieldPath places it', () => {
    expect(checkCelRules(schemaWith({ message: 'too big', reason: 'FieldValueForbidden', fieldPath: '.n' }), { n: 5 })).toStrictEqual([{ path: '.n', message: 'Forbidden: too big' }]);
    expect(checkCelRules(schemaWith({}), { n: 5 })).toStrictEqual([{ path: '', message: 'failed rule: self.n < 3' }]);
  });

  test('a transition rule (oldSelf) is skipped on create', () => {
    expect(checkCelRules({ 'type': 'string', 'x-kubernetes-validations': [{ rule: 'self == oldSelf', message: 'Value is immutable' }] }, 'x')).toStrictEqual([]);
  });
});

describe('IP address syntax (schema formats and CEL isIP)', () => {
  const byte = fc.integer({ min: 0, max: 255 });
  const group = fc.integer({ min: 0, max: 0xffff });

  test('every dotted quad is an ipv4 and an IP; with a leading zero only the formats accept it', () => {
    fc.assert(fc.property(fc.tuple(byte, byte, byte, byte), (b) => {
      const text = b.join('.');
      expect([isIpv4Format(text), isIpStrict(text), isIpv6Format(text)]).toStrictEqual([true, true, false]);
      const padded = [`0${b[0]}`, ...b.slice(1)].join('.');
      expect([isIpv4Format(padded), isIpStrict(padded)]).toStrictEqual([true, false]);
    }));
  });

  test('eight groups, and any run of them compressed to ::, are ipv6', () => {
    fc.assert(fc.property(fc.array(group, { minLength: 8, maxLength: 8 }), fc.nat({ max: 7 }), fc.nat({ max: 8 }), (groups, start, length) => {
      const hex = groups.map((g) => g.toString(16));
      expect(isIpv6Format(hex.join(':'))).toBe(true);
      const end = Math.min(8, start + Math.max(1, length));
      const compressed = `${hex.slice(0, start).join(':')}::${hex.slice(end).join(':')}`;
      expect(isIpv6Format(compressed)).toBe(true);
      expect(isIpv4Format(compressed)).toBe(false);
    }));
  });

  test.each([
    '1200:0000:::AB00:1234:0000:2552:7777:1313', '21DA:D3:0:2F3B:2AY:FF:FE28:9C5A', '2001:db8:3c4d:15:0:d234:3eee:',
    '2001:db8:3c4d:15:0:d234:3eee:::', ':::1234::', '1.1.1', '1.a.3.4', 'foo.com', '256.255.255.255', 'fe80::1%eth0', '1:2:3:4:5:6:7:8:9', '1::2::3',
  ])('%s is no IP address', (text) => {
    expect([isIpv4Format(text), isIpv6Format(text), isIpStrict(text)]).toStrictEqual([false, false, false]);
  });

  test('an IPv4-mapped IPv6 address passes the format but not isIP', () => {
    expect([isIpv6Format('::ffff:10.0.0.1'), isIpStrict('::ffff:10.0.0.1'), isIpStrict('::1')]).toStrictEqual([true, false, true]);
  });
});

import { analyzeObjects } from '../lib/validate/analyzer';
import { validateObjects } from '../lib/validate/engine';

// The analysis is replaced by one that fails whenever a particular object is in the set, to show
// what the engine does when an analyzer cannot cope with an odd object.
jest.mock('../lib/validate/analyzer', () => {
  const actual = jest.requireActual('../lib/validate/analyzer');
  return { ...actual, analyzeObjects: jest.fn(actual.analyzeObjects) };
});

const vs = (name: string, spec: Record<string, unknown>) => ({ apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name, namespace: 'shop' }, spec });

describe('engine: an analysis that fails', () => {
  test('is reported, and the stored objects are analyzed all the same', () => {
    // GIVEN an analysis that throws when the odd (schema-invalid) object is among its input
    const actual = jest.requireActual('../lib/validate/analyzer').analyzeObjects as typeof analyzeObjects;
    (analyzeObjects as jest.Mock).mockImplementation((objects: Parameters<typeof analyzeObjects>[0]) => {
      if (objects.some((o) => o.metadata.name === 'odd')) throw new Error('odd shape');
      return actual(objects);
    });
    const odd = vs('odd', { hosts: 'not-a-list' });
    const fine = vs('fine', { hosts: ['a.shop.svc.cluster.local'], http: [{ route: [{ destination: { host: 'gone.shop.svc.cluster.local' } }] }] });
    // WHEN
    const found = validateObjects([odd, fine]);
    // THEN one IGR0003 for the failed analysis, the schema finding on the odd object, and the
    // analysis of the stored objects (fine's unknown destination host)
    expect(found.filter((f) => f.code === 'IGR0003').map((f) => f.message)).toStrictEqual(['cross-object analysis could not complete (odd shape)']);
    expect(found.map((f) => `${f.code} ${f.resource.name}`).filter((c) => !c.startsWith('IGR0003'))).toStrictEqual(['IGR1004 odd', 'IST0101 fine']);
  });
});

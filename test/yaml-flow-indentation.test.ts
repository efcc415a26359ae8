import { validateSources } from '../lib/validate';
import { MAX_REINDENTED_LINES } from '../lib/validate/yaml/flow-indentation';
import { parseYamlDocuments } from '../lib/validate/yaml-documents';

const head = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n';

describe('lines indented less than their parent, as go-yaml (kubectl) reads them', () => {
  test('a closing bracket at the key\'s column, and a quoted value continued at column 0', () => {
    // GIVEN what Istio's own SPIRE sample writes (args: [ ... ] with "]" under the key)
    const parsed = parseYamlDocuments(`${head}data:\n  args: [\n      "-a", "1",\n  ]\n  note: "two\nlines"\n`, 'c.yaml');
    // THEN it reads as kubectl reads it (checked against kubectl in yaml-kubectl-differential)
    expect(parsed.problems).toStrictEqual([]);
    expect((parsed.sources[0].object as any).data).toStrictEqual({ args: ['-a', '1'], note: 'two lines' });
  });

  test('findings on a re-indented line keep the columns of the text as written', () => {
    // GIVEN a Service port that is not a number, on a line written at column 0 inside {...}
    const parsed = parseYamlDocuments('apiVersion: v1\nkind: Service\nmetadata:\n  name: c\nspec: {\nports: [{port: "http"}]\n}\n', 'c.yaml');
    const finding = validateSources(parsed.sources).find((f) => f.path === 'spec.ports[0].port');
    // THEN the finding points at line 6, column 10, where `port` is written
    expect(finding).toMatchObject({ code: 'IGR1008', line: 6, column: 10 });
  });

  test('the effort is bounded: past the limit of re-indented lines, the document is refused', () => {
    const lines = (n: number) => Array.from({ length: n }, (_, i) => `x${i}`).join('\n');
    expect(parseYamlDocuments(`${head}data:\n  v: "${lines(MAX_REINDENTED_LINES - 1)}"\n`, 'c.yaml').problems).toStrictEqual([]);
    expect(parseYamlDocuments(`${head}data:\n  v: "${lines(MAX_REINDENTED_LINES + 2)}"\n`, 'c.yaml').problems)
      .toStrictEqual([expect.stringMatching(/^c\.yaml:\d+:1: deficient indentation$/)]);
  });

  test('other refusals are left as they were', () => {
    // A block sequence entry inside [...] is refused by kubectl too.
    expect(parseYamlDocuments(`${head}data:\n  v: [\n- a]\n`, 'c.yaml').problems).toStrictEqual(['c.yaml:7:1: deficient indentation']);
  });
});

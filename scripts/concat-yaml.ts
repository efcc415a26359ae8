/**
 * Joins YAML files into one multi-document stream, so `cdk8s import` (which reads one file per
 * group) writes every kind of an API group into one module.
 *
 * Usage: tsx scripts/concat-yaml.ts <output.yaml> <input.yaml...>
 */
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import { dirname } from 'path';

function main(output: string, inputs: readonly string[]): void {
  if (!inputs.length) throw new Error('usage: concat-yaml <output.yaml> <input.yaml...>');
  mkdirSync(dirname(output), { recursive: true });
  writeFileSync(output, inputs.map((input) => `---\n${readFileSync(input, 'utf8')}\n`).join(''));
}

main(process.argv[2], process.argv.slice(3));

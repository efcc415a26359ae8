import { readFileSync } from 'fs';
import { join } from 'path';

/** A fenced code block of the README. */
export interface ReadmeBlock {
  /** The fence's language tag (`ts`, `sh`, ...). */
  readonly lang: string;
  /** The code between the fences. */
  readonly code: string;
  /** 1-based line of the opening fence, for messages. */
  readonly line: number;
  /** The nearest `##`/`###` heading above the block. */
  readonly heading: string;
}

/** The README of the repository. */
export const README_PATH = join(__dirname, '..', '..', 'README.md');

/** Every fenced block of `markdown` at the top level (indented fences inside lists are skipped). */
export function fencedBlocks(markdown: string): ReadmeBlock[] {
  const lines = markdown.split('\n');
  const blocks: ReadmeBlock[] = [];
  let heading = '';
  for (let i = 0; i < lines.length; i++) {
    const title = /^#{2,3}\s+(.*)$/.exec(lines[i]);
    if (title) heading = title[1].trim();
    const open = /^```(\S*)\s*$/.exec(lines[i]);
    if (!open) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !/^```\s*$/.test(lines[i]); i++) body.push(lines[i]);
    if (i >= lines.length) throw new Error(`README.md:${start + 1}: unterminated code fence`);
    blocks.push({ lang: open[1], code: body.join('\n') + '\n', line: start + 1, heading });
  }
  return blocks;
}

/** The README's TypeScript blocks. */
export function readmeTypeScriptBlocks(path = README_PATH): ReadmeBlock[] {
  return fencedBlocks(readFileSync(path, 'utf8')).filter((b) => b.lang === 'ts' || b.lang === 'typescript');
}

/** The first TypeScript block under the heading that starts with `title`. */
export function readmeBlockUnder(title: string, path = README_PATH): ReadmeBlock {
  const block = readmeTypeScriptBlocks(path).find((b) => b.heading.startsWith(title));
  if (!block) throw new Error(`README.md has no TypeScript block under a heading "${title}..."`);
  return block;
}

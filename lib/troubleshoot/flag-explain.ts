import { ResponseFlagInfo } from './response-flags';

/** Plain-text explanation of one flag, as `istio-grpc flags` and the log summary print it. */
export function explainFlagText(flag: ResponseFlagInfo, indent = ''): string {
  const status = flag.httpStatus ? ` (HTTP ${flag.httpStatus})` : '';
  const lines = [
    `${indent}${flag.code}  ${flag.longName}${status}  [${flag.category}${flag.scope === 'http-and-tcp' ? ', HTTP and TCP' : ''}]`,
    `${indent}  Meaning:     ${flag.meaning}`,
    `${indent}  gRPC cause:  ${flag.grpcRootCause}`,
    `${indent}  Client sees: ${flag.clientSees}`,
    `${indent}  Settings:    ${flag.settings.length ? flag.settings.join('; ') : 'none of the istio-grpc props; see the checks'}`,
    `${indent}  Check:       ${flag.checks.join('\n' + indent + '               ')}`,
  ];
  return lines.join('\n') + '\n';
}

/** Escapes a table cell for Markdown. */
export function markdownCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** A Markdown table of flags: code, meaning, gRPC cause, settings. */
export function flagsMarkdownTable(flags: readonly ResponseFlagInfo[], notes: ReadonlyMap<string, string> = new Map()): string {
  const rows = flags.map((f) => {
    const note = notes.get(f.code);
    const cause = note ? `${f.grpcRootCause} **Here:** ${note}` : f.grpcRootCause;
    const settings = f.settings.length ? f.settings.map((s) => `\`${s.replace(/ \(.*\)$/, '')}\``).join(', ') : '—';
    return `| \`${f.code}\` ${f.longName} | ${markdownCell(f.meaning)} | ${markdownCell(cause)} | ${settings} |`;
  });
  return ['| Flag | Meaning | Likely cause (gRPC) | istio-grpc settings |', '| --- | --- | --- | --- |', ...rows].join('\n') + '\n';
}

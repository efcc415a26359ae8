import { ANALYZER_CODES } from './analyzer/messages';
import { CodeInfo } from './code-info';
import { POD_SECURITY_CODES } from './pod-security/codes';
import { SCHEMA_CODES } from './schema/codes';

/** Codes of the engine itself: inputs that are not Kubernetes objects at all. */
export const ENGINE_CODES = {
  NOT_AN_OBJECT: { code: 'IGR0001', severity: 'error', title: 'document is not a Kubernetes object (apiVersion, kind and metadata.name are required)' },
  DUPLICATE_OBJECT: { code: 'IGR0002', severity: 'error', title: 'two documents define the same object (apiVersion group, kind, namespace, name)' },
  CHECK_FAILED: { code: 'IGR0003', severity: 'error', title: 'a check could not complete on this object' },
} satisfies Record<string, CodeInfo>;

/**
 * Every code this library reports besides Istio's IST codes. Ranges: IGR0xxx engine, IGR1xxx
 * schema and CEL, IGR3xxx cross-object and gRPC-specific analysis, IGR4xxx Pod Security Standards
 * (restricted) on workloads, IGR5xxx the constructs' warnings about their props. The admission-webhook rules report Istio's IST0106/IST0133, as
 * istioctl analyze does.
 */
export const ALL_CODES: readonly CodeInfo[] = [ENGINE_CODES, SCHEMA_CODES, ANALYZER_CODES, POD_SECURITY_CODES]
  .flatMap((group) => Object.values(group as Record<string, CodeInfo>))
  // Codes are upper-case ASCII: a plain comparison orders them as a collator would, without
  // loading ICU's collation data on start (about 10 ms).
  .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

import { IstioGrpcError } from './errors';

/**
 * Small prop checks shared by every resolver. Each throws an `IstioGrpcError` naming the
 * construct path and field it was given.
 */
export class PropChecker {
  constructor(public readonly construct: string) {}

  /** Throws for `field` with the given reason and fix. */
  public fail(field: string, value: unknown, reason: string, fix: string): never {
    throw new IstioGrpcError({ construct: this.construct, field, value, reason, fix });
  }

  /** A DNS-1123 label: what Kubernetes requires of Service, namespace and port names. */
  public dnsLabel(field: string, value: string, maxLength = 63): string {
    if (typeof value !== 'string' || value.length === 0 || value.length > maxLength || !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(value)) {
      this.fail(field, value, `must be a DNS-1123 label: 1-${maxLength} lowercase letters, digits or '-', starting and ending with a letter or digit`, `use a name like ${JSON.stringify(suggestLabel(value, maxLength))}`);
    }
    return value;
  }

  /** An integer within [min, max]. */
  public integer(field: string, value: number, min: number, max: number): number {
    if (!Number.isInteger(value) || value < min || value > max) {
      this.fail(field, value, `must be a whole number from ${min} to ${max}`, `set ${field} to an integer in that range`);
    }
    return value;
  }

  /** A TCP port number. */
  public port(field: string, value: number): number {
    if (!Number.isInteger(value) || value < 1 || value > 65535) {
      this.fail(field, value, 'a port must be a whole number from 1 to 65535', 'use the port your gRPC server listens on, e.g. 50051');
    }
    return value;
  }

  /** Kubernetes label keys and values (qualified name / label value syntax). */
  public labels(field: string, labels: { [key: string]: string }): { [key: string]: string } {
    if (labels === null || typeof labels !== 'object' || Array.isArray(labels)) {
      this.fail(field, labels, 'must be a map of label keys to values', 'write e.g. { app: "users" }');
    }
    for (const [key, value] of Object.entries(labels)) {
      if (!/^([a-z0-9]([-a-z0-9.]*[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/.test(key)) {
        this.fail(`${field}.${key}`, key, 'is not a valid label key (optional DNS prefix and "/", then up to 63 letters, digits, "-", "_" or ".")', 'use a key like "app" or "example.com/tier"');
      }
      if (typeof value !== 'string' || !/^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/.test(value)) {
        this.fail(`${field}.${key}`, value, 'is not a valid label value (up to 63 letters, digits, "-", "_" or ".", starting and ending alphanumeric)', 'use a value like "v1"');
      }
    }
    return labels;
  }
}

function suggestLabel(value: unknown, maxLength: number): string {
  const cleaned = String(value ?? '').toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, maxLength).replace(/-+$/, '');
  return cleaned || 'my-service';
}

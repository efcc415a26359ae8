/**
 * Certificates for gateway credential tests, generated for these tests only (self-signed, no
 * key kept): one valid from 2000 to 2126, one that expired on 2020-01-01.
 */

/** PEM certificate valid 2000-01-01 to 2126-01-01. */
export const VALID_CERT_PEM = '-----BEGIN CERTIFICATE-----\nMIIBHzCBxgIBAjAKBggqhkjOPQQDAjAbMRkwFwYDVQQDDBBncnBjLmV4YW1wbGUu\nY29tMCAXDTAwMDEwMTAwMDAwMFoYDzIxMjYwMTAxMDAwMDAwWjAbMRkwFwYDVQQD\nDBBncnBjLmV4YW1wbGUuY29tMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEhLQc\nNXm15kl22sfS9x5whjNJslDgpGPP98OQqA8nim1Ey9wngvR4jaV+JIyMSGnlNk2g\nQgwWFLTgb6wKch0c6zAKBggqhkjOPQQDAgNIADBFAiEAqq1oktLCytb3J0whWq5Q\nKZo9C/8g3Civ8IU+F/wqU04CIDN+ZbxTAuEVYaoAI8DzXwrCOAycFJLueOJDBJ7D\nb7VM\n-----END CERTIFICATE-----\n';

/** PEM certificate valid 2019-01-01 to 2020-01-01. */
export const EXPIRED_CERT_PEM = '-----BEGIN CERTIFICATE-----\nMIIBIzCBygIBATAKBggqhkjOPQQDAjAeMRwwGgYDVQQDDBNleHBpcmVkLmV4YW1w\nbGUuY29tMB4XDTE5MDEwMTAwMDAwMFoXDTIwMDEwMTAwMDAwMFowHjEcMBoGA1UE\nAwwTZXhwaXJlZC5leGFtcGxlLmNvbTBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IA\nBIS0HDV5teZJdtrH0vcecIYzSbJQ4KRjz/fDkKgPJ4ptRMvcJ4L0eI2lfiSMjEhp\n5TZNoEIMFhS04G+sCnIdHOswCgYIKoZIzj0EAwIDSAAwRQIgL6/d/w3m/McANPfH\n5CzlILCZFGUMvPo33jY1RgcWkngCIQDQStKZ5IN77YIhkK3Eoa6sS6eLW+xJuLRq\nDzZXlBFfiw==\n-----END CERTIFICATE-----\n';

/** Stands for a private key: Istio's analyzer checks only that one is there. */
export const KEY_PLACEHOLDER = 'private key placeholder';

/** Base64, as a Secret's `data` holds values. */
export function base64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

import { Chart, Testing } from 'cdk8s';
import fc from 'fast-check';
import { Outcome } from './properties';
import { GrpcMeshService, GrpcMeshServiceProps, principalOf } from '../../lib';
import { IstioGrpcError } from '../../lib/core/errors';

/** A caller identity, as Istio derives it from the peer's mTLS certificate. */
export interface Caller {
  readonly namespace: string;
  readonly serviceAccount: string;
}

const principalOfCaller = (c: Caller) => principalOf(c.namespace, c.serviceAccount);

/**
 * Istio's verdict for one request against the ALLOW AuthorizationPolicies selecting the workload
 * (exact paths, principals and namespaces only, which is all the constructs emit): no ALLOW
 * policy allows everything; otherwise some rule must match, a rule matching when each of its
 * `from` and `to` lists has a matching entry, and an entry matching when every field it sets does.
 */
export function istioAllows(policies: readonly any[], path: string, caller: Caller): boolean {
  const allow = policies.filter((p) => (p.spec.action ?? 'ALLOW') === 'ALLOW');
  if (allow.length === 0) return true;
  const principal = principalOfCaller(caller);
  const sourceMatches = (s: any) => (!s.principals || s.principals.includes(principal)) && (!s.namespaces || s.namespaces.includes(caller.namespace));
  const operationMatches = (o: any) => (!o.paths || o.paths.includes(path)) && (!o.notPaths || !o.notPaths.includes(path));
  const ruleMatches = (r: any) => (!r.from || r.from.some((f: any) => sourceMatches(f.source ?? {})))
    && (!r.to || r.to.some((t: any) => operationMatches(t.operation ?? {})));
  return allow.some((p) => (p.spec.rules ?? []).some(ruleMatches));
}

/** Callers given as props: `undefined` when not set. */
interface CallerProps {
  readonly allowedPrincipals?: string[];
  readonly allowedNamespaces?: string[];
}

const restricts = (c: CallerProps) => c.allowedPrincipals !== undefined || c.allowedNamespaces !== undefined;
const admits = (c: CallerProps, caller: Caller) => (c.allowedPrincipals === undefined || c.allowedPrincipals.includes(principalOfCaller(caller)))
  && (c.allowedNamespaces === undefined || c.allowedNamespaces.includes(caller.namespace));

/**
 * What the props mean, written independently of the renderer: a declared method with callers of
 * its own admits those; every other path admits the service-wide callers; with no service-wide
 * callers it is open when nothing is restricted and closed when some method is (denyUnlisted).
 */
export function intendedAllows(props: GrpcMeshServiceProps, path: string, caller: Caller): boolean {
  const method = (props.methods ?? []).find((m) => `/${m.service ?? props.protoService}/${m.name}` === path);
  if (method && restricts(method)) return admits(method, caller);
  if (restricts(props)) return admits(props, caller);
  return !(props.methods ?? []).some(restricts);
}

/** Whether the constructs must refuse the props: an empty caller list, or unlisted methods locked without denyUnlisted. */
export function mustRefuse(props: GrpcMeshServiceProps): boolean {
  const all: CallerProps[] = [props, ...(props.methods ?? [])];
  if (all.some((c) => c.allowedPrincipals?.length === 0 || c.allowedNamespaces?.length === 0)) return true;
  const methodCallers = (props.methods ?? []).some(restricts);
  if (props.denyUnlisted === true) return restricts(props) || !methodCallers;
  return methodCallers && !restricts(props);
}

const NAMESPACES = ['shop', 'web', 'ops'];
const ACCOUNTS = ['checkout', 'frontend'];
const METHODS = ['Charge', 'Refund', 'GetPayment'];
export const POLICY_SERVICE = 'payments.v1.Payments';

/** Every caller identity the generated props can name, plus one they never name. */
export const CALLERS: readonly Caller[] = [...NAMESPACES, 'outside'].flatMap((namespace) => ACCOUNTS.map((serviceAccount) => ({ namespace, serviceAccount })));

/** Paths requests can take: each method, an undeclared method, another service's method of the same name. */
export const PATHS: readonly string[] = [...METHODS, 'Undeclared'].map((m) => `/${POLICY_SERVICE}/${m}`).concat(['/other.v1.Payments/Charge']);

const listArb = <T>(pool: readonly T[]) => fc.option(fc.subarray([...pool], { minLength: 0 }), { nil: undefined, freq: 2 });
const callersArb = fc.record({
  allowedPrincipals: listArb(NAMESPACES.flatMap((ns) => ACCOUNTS.map((sa) => principalOf(ns, sa)))),
  allowedNamespaces: listArb(NAMESPACES),
}, { requiredKeys: [] });

/** Caller restrictions on the service and on some of its methods, including empty lists and denyUnlisted. */
export const policyPropsArb: fc.Arbitrary<GrpcMeshServiceProps> = fc.record({
  callers: callersArb,
  methods: fc.subarray(METHODS).chain((names) => fc.tuple(...names.map((name) => callersArb.map((c) => ({ name, ...c }))))),
  denyUnlisted: fc.constantFrom(undefined, true, false),
}).map(({ callers, methods, denyUnlisted }) => {
  const clean = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
  return clean({ name: 'payments', namespace: 'shop', protoService: POLICY_SERVICE, ...clean(callers), methods: methods.map(clean), denyUnlisted });
});

/**
 * The policy property: the props are refused exactly when they are ambiguous or would fail open,
 * and otherwise Istio's verdict on the synthesized AuthorizationPolicy equals the intended one
 * for every caller and path.
 */
export function policyOutcome(props: GrpcMeshServiceProps): Outcome {
  let objects: any[];
  try {
    const chart: Chart = Testing.chart();
    new GrpcMeshService(chart, 'svc', props);
    objects = Testing.synth(chart);
  } catch (err) {
    if (!(err instanceof IstioGrpcError)) throw err;
    if (!mustRefuse(props)) throw new Error(`refused props the constructs should accept: ${err.message}`);
    return 'rejected';
  }
  if (mustRefuse(props)) throw new Error(`accepted props that are ambiguous or would fail open: ${JSON.stringify(props)}`);
  const policies = objects.filter((o) => o.kind === 'AuthorizationPolicy');
  for (const path of PATHS) {
    for (const caller of CALLERS) {
      const actual = istioAllows(policies, path, caller);
      if (actual !== intendedAllows(props, path, caller)) {
        throw new Error(`${path} from ${principalOfCaller(caller)}: Istio would ${actual ? 'allow' : 'deny'} it, the props say ${actual ? 'deny' : 'allow'}; props ${JSON.stringify(props)}; policies ${JSON.stringify(policies.map((p) => p.spec))}`);
      }
    }
  }
  return 'synthesized';
}

import * as pulumi from '@pulumi/pulumi';

/** What a component registered with the Pulumi engine: one entry per custom resource. */
export interface RegisteredResource {
  readonly type: string;
  readonly name: string;
  readonly inputs: any;
}

/** Every custom resource registered since the mocks were installed or last cleared. */
export const registered: RegisteredResource[] = [];

/** Installs Pulumi mocks that record each custom resource and echo its inputs as its state. */
export function installPulumiMocks(): void {
  void pulumi.runtime.setMocks({
    newResource: (args) => {
      // Components register too; only custom resources become Kubernetes objects.
      if (args.custom) registered.push({ type: args.type, name: args.name, inputs: args.inputs });
      return { id: `${args.name}-id`, state: args.inputs };
    },
    call: (args) => args.inputs,
  }, 'istio-grpc-test', 'test', true);
}

/** The value of an output (mocks resolve everything). */
export function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply((v) => { resolve(v); return v; }));
}

/** Waits until every resource is registered, then returns what was registered as manifests. */
export async function registeredManifests(resources: readonly pulumi.CustomResource[]): Promise<any[]> {
  await Promise.all(resources.map((r) => valueOf(r.urn)));
  return registered.map((r) => r.inputs);
}


import { MeshConfig } from './mesh-config';
import { MeshIndex } from './mesh-index';
import { MessageType } from './messages';
import { KubeObject } from '../../core/kube-object';
import { Severity } from '../finding';

/** What an analyzer gets: every object of the input (valid or not), indexed, and the mesh config. */
export interface AnalysisContext {
  readonly index: MeshIndex;
  readonly mesh: MeshConfig;
  /** Whether the input holds every workload (see ValidateOptions.workloads). */
  readonly workloadsComplete: boolean;
  /**
   * Reports a finding of `message` on `object`; `text` is the specific sentence, `path` dotted
   * from the object root. `level` overrides the message's level (our own codes only).
   */
  report(message: MessageType, object: KubeObject, text: string, path?: string, level?: Severity): void;
}

/** One check of `istioctl analyze` (or one of ours), as Istio lays them out: one per file. */
export interface Analyzer {
  /** `<package>.<Name>`, after Istio's analyzer of the same job (e.g. `gateway.SecretAnalyzer`). */
  readonly name: string;
  /** The kinds it reads; documentation, and the runner skips an analyzer none of whose kinds is present. */
  readonly inputs: readonly string[];
  analyze(ctx: AnalysisContext): void;
}

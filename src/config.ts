import { error, type Diagnostic } from './diagnostics.js';
import { schemaDiagnostics } from './yaml/schema.js';
import { parseYamlSource } from './yaml/source.js';
import type { Exclusion } from './catalog/rules.js';
import { checkEngagement, type Engagement } from './engagement/config.js';

export const CONFIG_FILE = 'soc2-ready.yaml';

export interface Thresholds {
  /** Percent at or above which a criterion, category or the whole assessment is "ready". */
  ready: number;
  /** Percent at or above which it is "partial"; below is "gap". */
  partial: number;
}

/** The system under examination, as management would describe it (printed in the report's scope section). */
export interface SystemDescription {
  services?: string[];
  boundaries?: string;
  components?: Partial<Record<'infrastructure' | 'software' | 'people' | 'procedures' | 'data', string>>;
  /** Principal service commitments and system requirements. */
  commitments?: string[];
}

type Located = { file: string; line?: number; column?: number };

/** A subservice organisation: its criteria stay in scope; carve-out means its controls are assumed (CSOCs). */
export interface Subservice {
  name: string;
  services: string[];
  method: 'carve-out' | 'inclusive';
  criteria: string[];
  /** Complementary subservice organisation controls: what the provider is assumed to operate. */
  csocs: string[];
  /** Ids of the company's own controls that monitor the provider. */
  monitoredBy: string[];
  location?: Located;
  criteriaLocations?: (Located | undefined)[];
  monitoredByLocations?: (Located | undefined)[];
}

export const DEFAULT_THRESHOLDS: Thresholds = { ready: 80, partial: 50 };

export interface Config {
  file?: string;
  organization?: string;
  scope?: string[];
  /** As written: relative to the config file's folder. */
  controls?: string;
  answers?: string;
  system?: SystemDescription;
  subservice: Subservice[];
  /** Complementary user entity controls: what customers are expected to operate. */
  cuecs: string[];
  exclusions: Exclusion[];
  thresholds: Thresholds;
  /** The examination being prepared (Type I or II); absent means a Type I as of today. */
  engagement?: Engagement;
}

export const EMPTY_CONFIG: Config = { subservice: [], cuecs: [], exclusions: [], thresholds: DEFAULT_THRESHOLDS };

/** Parses soc2-ready.yaml. Pure; positions of exclusions are kept for diagnostics. */
export function parseConfig(text: string, file: string): { config: Config; diagnostics: Diagnostic[] } {
  const source = parseYamlSource(text, file, { fast: true });
  const empty = { ...EMPTY_CONFIG, file };
  if (source.diagnostics.length > 0) return { config: empty, diagnostics: source.diagnostics };
  if (source.data === null || source.data === undefined) return { config: empty, diagnostics: [] };
  const diagnostics = schemaDiagnostics('config', source);
  if (diagnostics.length > 0) return { config: empty, diagnostics };
  const raw = source.data as Omit<Config, 'exclusions' | 'thresholds' | 'subservice' | 'cuecs'> & {
    exclusions?: { criterion: string; reason: string }[];
    subservice?: Partial<Subservice>[];
    cuecs?: string[];
    thresholds?: Partial<Thresholds>;
  };
  const thresholds = { ...DEFAULT_THRESHOLDS, ...raw.thresholds };
  if (thresholds.partial > thresholds.ready) {
    diagnostics.push(
      error(
        'schema',
        `thresholds.partial (${thresholds.partial}) must not be above thresholds.ready (${thresholds.ready}).`,
        {
          file,
          ...source.locate(['thresholds']),
        },
      ),
    );
  }
  if (raw.engagement) diagnostics.push(...checkEngagement(raw.engagement, file, source.locate));
  const exclusions = (raw.exclusions ?? []).map((e, i) => ({
    criterion: e.criterion,
    reason: e.reason,
    location: { file, ...source.locate(['exclusions', i, 'criterion']) },
  }));
  const subservice = (raw.subservice ?? []).map((entry, i) => toSubservice(entry, i, source, file));
  return { config: { ...raw, file, subservice, cuecs: raw.cuecs ?? [], exclusions, thresholds }, diagnostics };
}

function toSubservice(
  raw: Partial<Subservice>,
  i: number,
  source: ReturnType<typeof parseYamlSource>,
  file: string,
): Subservice {
  const at = (...path: (string | number)[]) => ({ file, ...source.locate(['subservice', i, ...path]) });
  const criteria = raw.criteria ?? [];
  const monitoredBy = raw.monitoredBy ?? [];
  return {
    name: raw.name!,
    services: raw.services ?? [],
    method: raw.method!,
    criteria,
    csocs: raw.csocs ?? [],
    monitoredBy,
    location: at('name'),
    criteriaLocations: criteria.map((_, k) => at('criteria', k)),
    monitoredByLocations: monitoredBy.map((_, k) => at('monitoredBy', k)),
  };
}

/** Audience age bands used by creators' audience profiles and briefs' target audiences. */
export const AgeBand = {
  UNDER_18: 'UNDER_18',
  AGE_18_24: 'AGE_18_24',
  AGE_25_30: 'AGE_25_30',
  AGE_31_40: 'AGE_31_40',
  AGE_41_50: 'AGE_41_50',
  OVER_50: 'OVER_50',
} as const;
export type AgeBand = (typeof AgeBand)[keyof typeof AgeBand];

/** Who watches a channel, as shares in 0..1 reported by the platform. */
export interface AudienceProfile {
  femaleShare: number;
  maleShare: number;
  ageBands: { band: AgeBand; share: number }[];
  /** Provinces or cities, largest first. */
  topRegions: { region: string; share: number }[];
}

export const EMPTY_AUDIENCE: AudienceProfile = { femaleShare: 0, maleShare: 0, ageBands: [], topRegions: [] };

/**
 * Professional qualifications a person can hold. Since 2022, hosts who speak about health,
 * medicine, finance, law or education must hold the matching one, so briefs and products can
 * require them.
 */
export const CredentialType = {
  PHYSICIAN: 'PHYSICIAN',
  PEDIATRICIAN: 'PEDIATRICIAN',
  DERMATOLOGIST: 'DERMATOLOGIST',
  NUTRITIONIST: 'NUTRITIONIST',
  PHARMACIST: 'PHARMACIST',
  RESEARCHER: 'RESEARCHER',
  COSMETIC_CHEMIST: 'COSMETIC_CHEMIST',
  FINANCIAL_ADVISOR: 'FINANCIAL_ADVISOR',
  LAWYER: 'LAWYER',
  TEACHER: 'TEACHER',
} as const;
export type CredentialType = (typeof CredentialType)[keyof typeof CredentialType];

/**
 * A specialist qualification implies the general one: a pediatrician is a physician. The reverse
 * does not hold, which is why a requirement for PEDIATRICIAN is not met by a PHYSICIAN.
 */
const IMPLIES: Partial<Record<CredentialType, CredentialType[]>> = {
  PEDIATRICIAN: ['PHYSICIAN'],
  DERMATOLOGIST: ['PHYSICIAN'],
};

/** Every credential type a holder of `held` may claim: itself and what it implies. */
export function impliedCredentialTypes(held: Iterable<CredentialType>): Set<CredentialType> {
  const result = new Set<CredentialType>();
  for (const type of held) {
    result.add(type);
    for (const implied of IMPLIES[type] ?? []) result.add(implied);
  }
  return result;
}

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** One tab the IDE opens with: an example operation, its variables, and the headers to send. */
export interface IdeTab {
  query: string;
  variables?: string;
  headers?: string;
}

/** The order the roles' tabs appear in, after the ones anybody can run. */
const ROLE_ORDER = ['everyone', 'brand', 'creator', 'agency', 'trader', 'admin'];

/** Within a role, the order the README's tour takes; an example not named here comes last. */
const TOUR_ORDER = [
  'Viewer',
  'BrowseCreators',
  'BriefCreate',
  'BriefPublish',
  'MatchRecommendations',
  'BriefBids',
  'BidAccept',
  'OpenBriefs',
  'BidSubmit',
  'RecommendedBriefs',
  'CredentialSubmit',
  'AgencyOpportunities',
  'RosterInvite',
  'Traders',
  'CredentialsPendingReview',
  'CredentialVerify',
];

const DEMO_PASSWORD = 'marketplace-demo';

/**
 * Variables that run as they stand against the demo data where they can, and otherwise show what
 * goes where. Keyed by operation name; an operation missing here opens with no variables.
 */
const EXAMPLE_VARIABLES: Record<string, Record<string, unknown>> = {
  LogIn: { email: 'brand.infant@demo.market', password: DEMO_PASSWORD },
  BrowseCreators: { verticalSlug: 'mother-baby', minLevel: 'L3', first: 10 },
  BriefCreate: {
    idempotencyKey: 'brief-dha-1',
    input: {
      brandId: '<Brand id from Viewer>',
      productIds: ['<Product id>'],
      title: 'DHA drops: pediatricians explain',
      description: 'Short videos on why infants need DHA',
      objective: 'SEEDING_CONTENT',
      formats: ['SHORT_VIDEO'],
      platforms: ['DOUYIN', 'XIAOHONGSHU'],
      minCredibilityLevel: 'L3',
      budget: { amount: 5000000, currency: 'CNY' },
      preferredStructures: ['HYBRID'],
      slots: 2,
      deadline: '2026-12-31T12:00:00Z',
    },
  },
  BriefPublish: { id: '<Brief id>' },
  BriefBids: { id: '<Brief id>' },
  BidAccept: { id: '<Bid id>', revision: 1, idempotencyKey: 'accept-1' },
  MatchRecommendations: { briefId: '<Brief id>', first: 10 },
  OpenBriefs: { search: 'DHA', first: 10 },
  BidSubmit: {
    idempotencyKey: 'bid-dha-1',
    input: {
      briefId: '<Brief id>',
      creatorId: '<your Creator id from Viewer>',
      pitch: 'Pediatrician, 12 years in neonatal care',
      terms: {
        fixedFee: { amount: 2000000, currency: 'CNY' },
        commissionBp: 1000,
        deliverables: [{ format: 'SHORT_VIDEO', platform: 'DOUYIN', dueAt: '2026-12-20T00:00:00Z', description: 'One 60 s explainer' }],
      },
    },
  },
  CredentialSubmit: { input: { type: 'NUTRITIONIST', issuer: 'Chinese Nutrition Society', licenseNumber: 'CNS-2024-0192' } },
  AgencyOpportunities: { agencyId: '<Agency id from Viewer>', first: 10 },
  RosterInvite: { agencyId: '<Agency id>', creatorId: '<Creator id>', shareBp: 1500 },
  Traders: { capability: 'SUPPLY_CHAIN', first: 5 },
  RecommendedBriefs: { first: 10 },
  CredentialsPendingReview: { first: 20 },
  CredentialVerify: { id: '<Credential id>', note: 'Licence checked' },
};

/** Which demo account each role's log-in tab signs in as. */
const ROLE_LOGINS: Record<string, string> = {
  brand: 'brand.infant@demo.market',
  creator: 'creator.pediatrician@demo.market',
  agency: 'agency.evergreen@demo.market',
  trader: 'trader.qianfeng@demo.market',
  admin: 'admin@demo.market',
};

interface Example {
  roles: string[];
  operationName: string;
  source: string;
}

/** The checkout's examples/ folder, found from here whether running from src/ or dist/src/. */
export function findExamplesDirectory(start = path.dirname(fileURLToPath(import.meta.url))): string | null {
  for (let directory = start; ; directory = path.dirname(directory)) {
    const candidate = path.join(directory, 'examples');
    if (existsSync(path.join(directory, 'package.json')) && existsSync(candidate)) return candidate;
    if (path.dirname(directory) === directory) return null;
  }
}

/** Reads examples/*.graphql, whose first line says which roles an operation is for (`# role: brand, agency.`). */
export function readExamples(directory: string): Example[] {
  return readdirSync(directory)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .flatMap((file) => {
      const source = readFileSync(path.join(directory, file), 'utf8');
      const roles = /^#\s*role:\s*([^.]+)/.exec(source)?.[1]?.split(',').map((role) => role.trim()) ?? ['everyone'];
      const operationName = /^(?:query|mutation|subscription)\s+(\w+)/m.exec(source)?.[1];
      return operationName ? [{ roles, operationName, source }] : [];
    });
}

/**
 * The IDE's opening tabs: logging in first (with every role's demo login in a comment), then each
 * role's operations in role order; the first role an example names decides where it goes. The
 * page itself sends the token a log-in returns, so the tabs carry no Authorization header.
 */
export function ideTabs(examples: Example[]): IdeTab[] {
  const position = (list: string[], item: string) => (list.includes(item) ? list.indexOf(item) : list.length);
  const logIn = examples.find((example) => example.operationName === 'LogIn');
  const others = examples
    .filter((example) => example !== logIn)
    .sort(
      (a, b) =>
        position(ROLE_ORDER, a.roles[0] ?? 'everyone') - position(ROLE_ORDER, b.roles[0] ?? 'everyone') ||
        position(TOUR_ORDER, a.operationName) - position(TOUR_ORDER, b.operationName),
    );
  const tabs: IdeTab[] = [];
  if (logIn) {
    const logins = Object.entries(ROLE_LOGINS).map(([role, email]) => `#   ${role.padEnd(8)} ${email}`);
    tabs.push({
      query: `# Demo logins (password ${DEMO_PASSWORD}); change the email in the variables below.\n${logins.join('\n')}\n${logIn.source}`,
      variables: JSON.stringify(EXAMPLE_VARIABLES.LogIn, null, 2),
    });
  }
  for (const example of others) {
    const variables = EXAMPLE_VARIABLES[example.operationName];
    tabs.push({ query: example.source, ...(variables ? { variables: JSON.stringify(variables, null, 2) } : {}) });
  }
  return tabs;
}

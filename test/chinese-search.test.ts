import { beforeAll, describe, expect, it } from 'vitest';
import {
  SearchBriefsDocument,
  type SearchBriefsQueryVariables,
  SearchBriefUpdateDocument,
  SearchCreatorProfileDocument,
  SearchCreatorsDocument,
  type SearchCreatorsQueryVariables,
} from './generated/graphql.js';
import { signUp, succeeded } from './support/actors.js';
import { type Brand, createBrand, createBrief } from './support/bids.js';
import { useTestServer } from './support/test-server.js';

// Search as a brand or creator in China would use it: Chinese words without spaces, English
// product words, and both in one query.
const server = useTestServer();

let brand: Brand;
const briefs: Record<string, string> = {};
const creators: Record<string, string> = {};

async function briefTitles(variables: SearchBriefsQueryVariables): Promise<string[]> {
  const result = await server.graphql(SearchBriefsDocument, { first: 20, ...variables });
  expect(result.errors).toBeUndefined();
  return result.data!.briefs.edges.map((edge) => edge.node.title);
}

async function creatorNames(variables: SearchCreatorsQueryVariables): Promise<string[]> {
  const result = await server.graphql(SearchCreatorsDocument, { first: 20, ...variables });
  expect(result.errors).toBeUndefined();
  return result.data!.creators.edges.map((edge) => edge.node.displayName);
}

beforeAll(async () => {
  brand = await createBrand(server);
  const texts: [string, string][] = [
    ['儿科医生讲婴儿DHA', '请儿科医生讲解婴儿藻油DHA的补充时机，宝宝辅食阶段的剂量。'],
    ['宝宝辅食测评', '测评宝宝辅食的营养成分，适合六个月以上婴儿。'],
    ['Ceramide serum for sensitive skin', 'Dermatologists explain barrier repair; 敏感肌修护。'],
    ['玻尿酸软糖种草', '口服玻尿酸软糖的真实体验，不涉及婴幼儿。'],
  ];
  for (const [title, description] of texts) briefs[title] = await createBrief(server, brand, { title, description });

  const profiles: [string, string, string[]][] = [
    ['王医生', '三甲医院儿科医生，讲解婴儿喂养与营养补充。', ['infant-nutrition', 'dha']],
    ['Dr. Lin 林营养师', 'Registered nutritionist, 专注孕期与宝宝营养。', ['nutrition']],
    ['美妆评测小王', '护肤品成分测评，敏感肌护理。', ['skincare']],
  ];
  for (const [displayName, bio, nicheTags] of profiles) {
    const actor = await signUp(server, `creator-${Object.keys(creators).length}`);
    creators[displayName] = succeeded(
      await server.graphql(SearchCreatorProfileDocument, { input: { displayName, bio, nicheTags, kind: 'PROFESSIONAL' } }, { token: actor.token }),
      'creatorProfileCreate',
    ).creator.id;
  }
});

describe('brief search', () => {
  it('finds Chinese words inside Chinese text that has no spaces', async () => {
    expect(await briefTitles({ filter: { search: '婴儿' } })).toEqual(expect.arrayContaining(['儿科医生讲婴儿DHA', '宝宝辅食测评']));
    expect((await briefTitles({ filter: { search: '婴儿' } })).length).toBe(2);
    expect(await briefTitles({ filter: { search: '儿科医生' } })).toEqual(['儿科医生讲婴儿DHA']);
    expect(await briefTitles({ filter: { search: '医生' } })).toEqual(['儿科医生讲婴儿DHA']);
  });

  it('ranks a brief with the word in its title above one with it only in the description', async () => {
    expect(await briefTitles({ filter: { search: '宝宝' } })).toEqual(['宝宝辅食测评', '儿科医生讲婴儿DHA']);
  });

  it('does not match a phrase whose characters appear only apart', async () => {
    // 婴幼儿 holds 婴 and 儿 but not 婴儿.
    expect(await briefTitles({ filter: { search: '婴儿' } })).not.toContain('玻尿酸软糖种草');
    expect(await briefTitles({ filter: { search: '医儿' } })).toEqual([]);
  });

  it('finds an English word in a Chinese text, ignoring case and full-width letters', async () => {
    expect(await briefTitles({ filter: { search: 'DHA' } })).toEqual(['儿科医生讲婴儿DHA']);
    expect(await briefTitles({ filter: { search: 'dha' } })).toEqual(['儿科医生讲婴儿DHA']);
    expect(await briefTitles({ filter: { search: 'ＤＨＡ' } })).toEqual(['儿科医生讲婴儿DHA']);
  });

  it('requires every part of a mixed query', async () => {
    expect(await briefTitles({ filter: { search: 'DHA 宝宝' } })).toEqual(['儿科医生讲婴儿DHA']);
    expect(await briefTitles({ filter: { search: 'serum 敏感肌' } })).toEqual(['Ceramide serum for sensitive skin']);
    expect(await briefTitles({ filter: { search: 'serum 宝宝' } })).toEqual([]);
  });

  it('matches English words by their beginning or by their stem', async () => {
    expect(await briefTitles({ filter: { search: 'dermatolog' } })).toEqual(['Ceramide serum for sensitive skin']);
    expect(await briefTitles({ filter: { search: 'barriers repairing' } })).toEqual(['Ceramide serum for sensitive skin']);
  });

  it('treats query syntax as plain text', async () => {
    expect(await briefTitles({ filter: { search: `serum' | !:* <->` } })).toEqual(['Ceramide serum for sensitive skin']);
    expect(await briefTitles({ filter: { search: '!!! ,,,' } })).toHaveLength(4);
  });

  it('pages through matches best first, forward and back, with the count of all matches', async () => {
    const first = await server.graphql(SearchBriefsDocument, { filter: { search: '宝宝' }, first: 1 });
    const page1 = first.data!.briefs;
    expect(page1.totalCount).toBe(2);
    expect(page1.edges.map((edge) => edge.node.title)).toEqual(['宝宝辅食测评']);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const second = (await server.graphql(SearchBriefsDocument, { filter: { search: '宝宝' }, first: 1, after: page1.pageInfo.endCursor })).data!.briefs;
    expect(second.edges.map((edge) => edge.node.title)).toEqual(['儿科医生讲婴儿DHA']);
    expect(second.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const back = (await server.graphql(SearchBriefsDocument, { filter: { search: '宝宝' }, last: 1, before: second.pageInfo.startCursor })).data!.briefs;
    expect(back.edges.map((edge) => edge.node.title)).toEqual(['宝宝辅食测评']);
    expect(back.pageInfo.hasPreviousPage).toBe(false);
  });

  it('refuses a cursor that is not from a search as a bad argument', async () => {
    const result = await server.graphql(SearchBriefsDocument, { filter: { search: '宝宝' }, first: 1, after: 'bm90LWEtY3Vyc29y' });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.data?.briefs ?? null).toBeNull();
  });

  it('finds a brief by its new words after it is edited', async () => {
    const draft = await createBrief(server, brand, { title: '草稿', description: '占位' }, false);
    succeeded(
      await server.graphql(SearchBriefUpdateDocument, { id: draft, input: { title: '叶酸孕妇科普' } }, { token: brand.owner.token }),
      'briefUpdate',
    );
    const asOwner = await server.graphql(SearchBriefsDocument, { filter: { search: '叶酸', statuses: ['DRAFT'], brandId: brand.brandId }, first: 5 }, { token: brand.owner.token });
    expect(asOwner.data!.briefs.edges.map((edge) => edge.node.id)).toEqual([draft]);
  });
});

describe('creator search', () => {
  it('finds creators by Chinese words in their name, bio or tags, best match first', async () => {
    expect(await creatorNames({ filter: { search: '医生' } })).toEqual(['王医生']);
    expect(await creatorNames({ filter: { search: '宝宝营养' } })).toEqual(['Dr. Lin 林营养师']);
    expect(await creatorNames({ filter: { search: '营养' } })).toEqual(['Dr. Lin 林营养师', '王医生']);
  });

  it('finds creators by English words and tags, and mixed queries', async () => {
    expect(await creatorNames({ filter: { search: 'DHA' } })).toEqual(['王医生']);
    expect(await creatorNames({ filter: { search: 'nutritionist 孕期' } })).toEqual(['Dr. Lin 林营养师']);
    expect(await creatorNames({ filter: { search: 'skincare 敏感肌', kind: 'PROFESSIONAL' } })).toEqual(['美妆评测小王']);
  });

  it('refuses search text over 200 characters with a typed error', async () => {
    const result = await server.graphql(SearchCreatorsDocument, { filter: { search: '婴'.repeat(201) }, first: 5 });
    expect(result.data).toBeNull();
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(result.errors?.[0]?.message).toMatch(/at most 200 characters/);
  });
});

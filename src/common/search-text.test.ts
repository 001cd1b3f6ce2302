import { describe, expect, it } from 'vitest';
import { searchQuerySql, searchTerms, searchWords, stemmedWords } from './search-text.js';

describe('searchWords', () => {
  it('cuts a Han run into overlapping pairs and its last character, in order', () => {
    expect(searchWords('儿科医生')).toBe('儿科 科医 医生 生');
    expect(searchWords('婴')).toBe('婴');
  });

  it('keeps Latin words whole, lower-cased, and full-width letters as their ASCII form', () => {
    expect(searchWords('Vitamin-D3 ＤＨＡ gummies')).toBe('vitamin d3 dha gummies');
  });

  it('ends a Han run at punctuation or at a Latin word, so pairs never span them', () => {
    expect(searchWords('婴儿DHA藻油，宝宝')).toBe('婴儿 儿 dha 藻油 油 宝宝 宝');
  });

  it('drops punctuation and symbols entirely', () => {
    expect(searchWords('... !!! ')).toBe('');
  });
});

describe('stemmedWords', () => {
  it('keeps only the words outside Chinese runs, for English stemming', () => {
    expect(stemmedWords('婴儿DHA藻油 gummies')).toBe('dha gummies');
  });
});

describe('searchTerms', () => {
  it('asks for the pairs of a Chinese phrase one after another', () => {
    expect(searchTerms('儿科医生')).toEqual([{ simple: `'儿科' <-> '科医' <-> '医生'` }]);
  });

  it('matches one Chinese character as a prefix, and a Latin word as a prefix or by its stem', () => {
    expect(searchTerms('糖')).toEqual([{ simple: `'糖':*` }]);
    expect(searchTerms('DHA')).toEqual([{ simple: `'dha':*`, english: `'dha'` }]);
  });

  it('keeps no operator or quote of the user in a term', () => {
    expect(searchTerms(`it's ' | ! <-> & :* (x)`).map((term) => term.simple)).toEqual([`'it':*`, `'s':*`, `'x':*`]);
  });
});

describe('searchQuerySql', () => {
  it('requires every part of a mixed query, each term a parameter', () => {
    expect(searchQuerySql('DHA 婴儿')).toEqual({
      sql: `((to_tsquery('simple', ?) || to_tsquery('english', ?)) && to_tsquery('simple', ?))`,
      params: [`'dha':*`, `'dha'`, `'婴儿'`],
    });
  });

  it('is null when there is no word to look for', () => {
    expect(searchQuerySql(' ,.!? ')).toBeNull();
  });
});

import { raw } from '@mikro-orm/core';
import { FullTextType } from '@mikro-orm/postgresql';
import { searchVectorSql, type WeightedTexts } from '../common/search-text.js';

/**
 * A `tsvector` column written from weighted texts ({ A: title, B: description }) as
 * common/search-text.ts cuts them, for Chinese and English alike. Never read back.
 */
export class SearchVectorType extends FullTextType {
  constructor() {
    super('simple');
  }

  override convertToDatabaseValue(value: unknown, platform: Parameters<FullTextType['convertToDatabaseValue']>[1], context?: Parameters<FullTextType['convertToDatabaseValue']>[2]) {
    if (!value || typeof value !== 'object') return super.convertToDatabaseValue(value as never, platform, context);
    const { sql, params } = searchVectorSql(value as WeightedTexts);
    return raw(sql, params) as never;
  }
}

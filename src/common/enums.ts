/**
 * Domain vocabularies shared by several modules. Each is a const object so that the database
 * (enum columns and arrays), the services and the GraphQL enums all read the same list.
 */

/** Platforms on which creators hold channel accounts and on which briefs run. */
export const Platform = {
  DOUYIN: 'DOUYIN',
  KUAISHOU: 'KUAISHOU',
  TAOBAO_LIVE: 'TAOBAO_LIVE',
  XIAOHONGSHU: 'XIAOHONGSHU',
  BILIBILI: 'BILIBILI',
  WECHAT_CHANNELS: 'WECHAT_CHANNELS',
  WEIBO: 'WEIBO',
} as const;
export type Platform = (typeof Platform)[keyof typeof Platform];

/** The forms content or commerce takes; rate cards price each one. */
export const ContentFormat = {
  SHORT_VIDEO: 'SHORT_VIDEO',
  LONG_VIDEO: 'LONG_VIDEO',
  LIVE_STREAM: 'LIVE_STREAM',
  IMAGE_POST: 'IMAGE_POST',
  ARTICLE: 'ARTICLE',
} as const;
export type ContentFormat = (typeof ContentFormat)[keyof typeof ContentFormat];

export const values = <T extends Record<string, string>>(vocabulary: T): T[keyof T][] =>
  Object.values(vocabulary) as T[keyof T][];

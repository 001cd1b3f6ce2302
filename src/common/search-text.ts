/**
 * Full-text search for a marketplace whose texts are Chinese, English, or both in one sentence.
 *
 * PostgreSQL's parsers cut text at spaces and Chinese has none, so words are cut here, when a row
 * is written, and stored in a `simple` (no stemming, no stop words) text-search vector:
 * - a run of Han characters becomes its overlapping character pairs plus its last character
 *   (儿科医生 → 儿科 科医 医生 生), so any part of a Chinese phrase is found: 医生 in 儿科医生, which
 *   a dictionary segmenter does not promise (`Intl.Segmenter` keeps 儿科医生 as one word and cuts
 *   婴幼儿 into 婴 | 幼儿);
 * - other text is cut into words by `Intl.Segmenter` and lower-cased after NFKC, so full-width
 *   ＤＨＡ and DHA are one word.
 * Other words are also stored as PostgreSQL's English stems, so barriers finds barrier.
 * A query is cut the same way: the pairs of each Chinese run must follow each other (a phrase),
 * other words match as prefixes (vitamin finds vitamins) or by their English stem (gummy finds
 * gummies), and every part must be present.
 */

const HAN_OR_OTHER = /\p{Script=Han}+|[^\p{Script=Han}]+/gu;
const HAN = /^\p{Script=Han}/u;
const WORD_PART = /[\p{L}\p{N}]+/gu;
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** The text in order as Han runs and other words. */
function pieces(text: string): { han: boolean; text: string }[] {
  const result: { han: boolean; text: string }[] = [];
  let han = '';
  const endHanRun = () => {
    if (han) result.push({ han: true, text: han });
    han = '';
  };
  for (const { segment, isWordLike } of segmenter.segment(text.normalize('NFKC'))) {
    if (!isWordLike) {
      endHanRun();
      continue;
    }
    for (const part of segment.match(WORD_PART) ?? []) {
      for (const run of part.match(HAN_OR_OTHER) ?? []) {
        // The segmenter cuts Han runs by its dictionary; neighbouring Han segments join again.
        if (HAN.test(run)) {
          han += run;
        } else {
          endHanRun();
          result.push({ han: false, text: run.toLowerCase() });
        }
      }
    }
  }
  endHanRun();
  return result;
}

function hanPairs(run: string): string[] {
  const chars = [...run];
  return chars.slice(0, -1).map((char, index) => char + chars[index + 1]);
}

/** The words to store for `text`, space-separated, for `to_tsvector('simple', …)`. */
export function searchWords(text: string): string {
  return pieces(text)
    .flatMap((piece) => (piece.han ? [...hanPairs(piece.text), [...piece.text].at(-1)!] : [piece.text]))
    .join(' ');
}

/** The words of `text` outside Chinese runs, for `to_tsvector('english', …)`. */
export function stemmedWords(text: string): string {
  return pieces(text)
    .filter((piece) => !piece.han)
    .map((piece) => piece.text)
    .join(' ');
}

/** A weighted vector's texts: A counts most, then B, then C. */
export type WeightedTexts = Partial<Record<'A' | 'B' | 'C' | 'D', string>>;

/**
 * SQL for the vector of `texts`, with its parameters: each text's words under the `simple`
 * configuration and its other words' English stems, at the text's weight.
 */
export function searchVectorSql(texts: WeightedTexts): { sql: string; params: string[] } {
  const parts: string[] = [];
  const params: string[] = [];
  for (const [weight, text] of Object.entries(texts)) {
    parts.push(`setweight(to_tsvector('simple', ?), '${weight}') || setweight(to_tsvector('english', ?), '${weight}')`);
    params.push(searchWords(text), stemmedWords(text));
  }
  return { sql: parts.join(' || '), params };
}

/**
 * The `to_tsquery('simple', …)` terms for what a user typed, each with the English form of a word
 * outside Chinese runs; empty when it holds no word at all (only punctuation or spaces). Every
 * term is made of letters and digits only, so quoting it is enough to keep the query's operators
 * out of the user's hands.
 */
export function searchTerms(text: string): { simple: string; english?: string }[] {
  return pieces(text).map((piece) => {
    if (!piece.han) return { simple: `'${piece.text}':*`, english: `'${piece.text}'` };
    const pairs = hanPairs(piece.text);
    return { simple: pairs.length ? pairs.map((pair) => `'${pair}'`).join(' <-> ') : `'${piece.text}':*` };
  });
}

/** SQL for the tsquery of `text` with its parameters, or null when it holds no word. */
export function searchQuerySql(text: string): { sql: string; params: string[] } | null {
  const terms = searchTerms(text);
  if (!terms.length) return null;
  // An English stop word's query is empty, and `q || empty` is q: the word still has to be there.
  const sql = terms
    .map((term) => (term.english ? `(to_tsquery('simple', ?) || to_tsquery('english', ?))` : `to_tsquery('simple', ?)`))
    .join(' && ');
  return { sql: `(${sql})`, params: terms.flatMap((term) => (term.english ? [term.simple, term.english] : [term.simple])) };
}

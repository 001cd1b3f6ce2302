import type { Statement } from './ledger.service.js';

const HEADER = ['posted_at', 'entry_id', 'kind', 'memo', 'deal_id', 'currency', 'amount_minor', 'balance_after_minor'];

/** A field as RFC 4180 wants it: quoted when it holds a comma, quote or line break, quotes doubled. */
function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * A statement as CSV, one line per movement, with an opening and a closing line so that a
 * spreadsheet's running sum can be checked against the balances. A memo that starts like a
 * formula is prefixed with a quote mark, so a spreadsheet shows it instead of running it.
 */
export function statementCsv(statement: Statement, dealIdOf: (rowId: string) => string): string {
  const text = (value: string) => field(/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
  const rows = [
    HEADER.join(','),
    ['', '', 'OPENING', '', '', statement.currency, '', String(statement.opening)].join(','),
    ...statement.lines.map((line) =>
      [line.at.toISOString(), line.entryId, line.kind, text(line.memo), line.dealId ? dealIdOf(line.dealId) : '', statement.currency, String(line.amount), String(line.balanceAfter)].join(','),
    ),
    ['', '', 'CLOSING', '', '', statement.currency, '', String(statement.closing)].join(','),
  ];
  return `${rows.join('\r\n')}\r\n`;
}

/** A plain-text table with a header rule, columns padded to their widest cell; `right` columns are numbers. */
export function renderTable(columns: { title: string; right?: boolean }[], rows: string[][]): string {
  const widths = columns.map((column, index) => Math.max(column.title.length, ...rows.map((row) => [...(row[index] ?? '')].length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, index) => {
        const pad = ' '.repeat(widths[index]! - [...cell].length);
        return columns[index]!.right ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  return [line(columns.map((column) => column.title)), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

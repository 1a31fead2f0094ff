import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DataTable, numberColumn, type Column } from './data-table.tsx';

interface Row {
  code: string;
  name: string;
  amount: number;
}

const rows: Row[] = [
  { code: '230201', name: 'Kaeb', amount: 1200 },
  { code: '230202', name: 'Prey Thum', amount: 800 },
];

const columns: Column<Row>[] = [
  { key: 'code', label: 'Code', className: 'code', cell: (row) => row.code },
  { key: 'name', label: 'Name', rowHeader: true, cell: (row) => row.name },
  numberColumn('amount', 'Amount', (row) => `${row.amount}៛`),
  { key: 'actions', label: 'Actions', labelHidden: true, cell: () => <button type="button">Open</button> },
];

// node has no DOMParser: read the markup with regular expressions, which is enough for a table.
const cellsOf = (html: string) => [...html.matchAll(/<(td|th)\b([^>]*)>(.*?)<\/\1>/g)];

describe('DataTable by columns', () => {
  const html = renderToStaticMarkup(
    <DataTable
      caption="Communes"
      columns={columns}
      items={rows}
      rowKey={(row) => row.code}
      rowData={(row) => ({ 'data-code': row.code })}
      rowDetail={(row) => (row.code === '230202' ? <p>form of {row.name}</p> : null)}
    />,
  );

  it('is a stacking table, so that on a phone each row becomes a card', () => {
    expect(html).toContain('class="data-table data-table--stack"');
  });

  it('labels every body cell with its column, which the phone layout prints before the value', () => {
    const body = html.slice(html.indexOf('<tbody>'));
    const labelled = cellsOf(body)
      .filter(([, , attributes]) => !attributes?.includes('colSpan') && !attributes?.includes('colspan'))
      .map(([, , attributes]) => /data-label="([^"]*)"/.exec(attributes ?? '')?.[1] ?? null);
    // Two rows × (code, name, amount, actions); the actions heading is for screen readers only.
    expect(labelled).toEqual(['Code', 'Name', 'Amount', null, 'Code', 'Name', 'Amount', null]);
  });

  it('draws the row heading as a th of the row, figures right-aligned, and the attributes asked for', () => {
    expect(html).toContain('<th scope="row" data-field="name" data-label="Name">Kaeb</th>');
    expect(html).toContain('<td class="number" data-field="amount" data-label="Amount">1200៛</td>');
    expect(html).toContain('<tr data-code="230201">');
    expect(html).toContain('<th scope="col"><span class="visually-hidden">Actions</span></th>');
  });

  it('opens a detail row across the whole table under the row that has one', () => {
    expect(html).toContain(
      '<tr class="data-table__detail"><td colSpan="4"><p>form of Prey Thum</p></td></tr>',
    );
    expect(html.match(/data-table__detail/g)).toHaveLength(1);
  });
});

describe('DataTable with rows drawn by the caller', () => {
  it('does not stack (its rows may span), and keeps the caller’s rows as they are', () => {
    const html = renderToStaticMarkup(
      <DataTable
        caption="Communes"
        headers={['Code', { key: 'amount', label: 'Amount', className: 'number' }]}
        items={rows}
        row={(row) => (
          <tr key={row.code}>
            <td>{row.code}</td>
            <td className="number">{row.amount}</td>
          </tr>
        )}
      />,
    );
    expect(html).toContain('class="data-table"');
    expect(html).not.toContain('data-table--stack');
    expect(html).toContain('<tr><td>230201</td><td class="number">1200</td></tr>');
  });
});

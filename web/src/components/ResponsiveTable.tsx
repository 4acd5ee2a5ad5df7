import { Table } from '@digdir/designsystemet-react';
import { ComponentProps, ComponentRef, RefObject, useLayoutEffect, useRef } from 'react';
import './responsive.css';

/** Copies each column's heading onto its cells, so a narrow screen can show "Heading: value" per row. */
function labelCells(table: HTMLTableElement): void {
  const headings = Array.from(table.tHead?.rows[0]?.cells ?? []).map((cell) => cell.textContent?.trim() ?? '');
  for (const body of Array.from(table.tBodies))
    for (const row of Array.from(body.rows))
      Array.from(row.cells).forEach((cell, i) => {
        const label = headings[i];
        if (label && cell.getAttribute('data-label') !== label) cell.setAttribute('data-label', label);
      });
}

/** For a plain `<table className="stacked-table">`: keeps its cells labelled with their column's heading. */
export function useStackedLabels<T extends HTMLTableElement>(): RefObject<T | null> {
  const ref = useRef<T>(null);
  useLayoutEffect(() => {
    const table = ref.current;
    if (!table) return;
    labelCells(table);
    const observer = new MutationObserver(() => labelCells(table));
    observer.observe(table, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, []);
  return ref;
}

/**
 * A data table that reflows on a phone (WCAG 1.4.10): below 40em each row becomes a card of "heading: value" lines
 * instead of scrolling sideways. Use it as the design system's Table; Table.Head, Table.Row and the cells are unchanged.
 */
export function ResponsiveTable({ className, ...props }: ComponentProps<typeof Table>) {
  const ref = useStackedLabels<ComponentRef<typeof Table>>();
  return <Table ref={ref} className={['stacked-table', className].filter(Boolean).join(' ')} {...props} />;
}

/** A plain `<table>` (the indicator pages' own styling) that reflows like ResponsiveTable on a phone. */
export function StackedTable({ className, ...props }: ComponentProps<'table'>) {
  const ref = useStackedLabels<HTMLTableElement>();
  return <table ref={ref} className={['stacked-table', className].filter(Boolean).join(' ')} {...props} />;
}

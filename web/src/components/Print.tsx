import { Button } from '@digdir/designsystemet-react';
import { useEffect } from 'react';
import { useI18n } from '../i18n/i18n';

const cssString = (text: string) => `"${text.replace(/["\\]/g, '\\$&').replace(/\n/g, ' ')}"`;

/**
 * The printed page's running header: the reference, the print date and "page n of m" in the page margins of every A4
 * sheet (CSS @page margin boxes), so a sheet that comes loose from the file still says what it belongs to.
 */
export function usePrintHeader(reference: string | null | undefined) {
  const { t, formatDate } = useI18n();
  const printedOn = formatDate(new Date().toISOString());
  useEffect(() => {
    if (!reference) return undefined;
    const style = document.createElement('style');
    style.dataset.printHeader = reference;
    style.textContent = `@page {
  @top-left { content: ${cssString(`${t.appName} · ${reference}`)}; font-size: 9pt; }
  @top-right { content: ${cssString(t.print.printedOn(printedOn))}; font-size: 9pt; }
  @bottom-right { content: ${cssString(t.print.page)} " " counter(page) " " ${cssString(t.print.of)} " " counter(pages); font-size: 9pt; }
}`;
    document.head.appendChild(style);
    return () => style.remove();
  }, [reference, printedOn, t]);
}

export function PrintButton() {
  const { t } = useI18n();
  return (
    <Button type="button" variant="tertiary" data-size="sm" className="no-print" onClick={() => window.print()}>
      {t.print.button}
    </Button>
  );
}

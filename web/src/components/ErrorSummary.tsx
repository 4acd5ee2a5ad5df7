import { ErrorSummary, Heading } from '@digdir/designsystemet-react';
import { ComponentRef, useEffect, useRef } from 'react';
import { useI18n } from '../i18n/i18n';

/** One thing to fix: the message shown beside the field, and the id of the field the summary links to (none for an error of the whole form). */
export interface Problem {
  readonly id: string;
  readonly message: string;
}

/**
 * The GOV.UK / Designsystemet pattern: at the top of a failed form, a list of what is wrong linking to each field,
 * focused after the submit so a screen reader hears it and a keyboard user goes on from there.
 */
export function FormErrorSummary({ problems, attempt }: { problems: readonly Problem[]; attempt: number }) {
  const { t } = useI18n();
  const ref = useRef<ComponentRef<typeof ErrorSummary>>(null);
  const shown = attempt > 0 && problems.length > 0;
  useEffect(() => {
    if (shown) ref.current?.focus();
    // Only a new failed submit moves focus, not typing that changes the list.
  }, [attempt]);
  if (!shown) return null;
  return (
    <ErrorSummary ref={ref} key={attempt} data-testid="error-summary">
      <Heading level={2} data-size="xs">
        {t.forms.summaryTitle}
      </Heading>
      <ErrorSummary.List>
        {problems.map((p, i) => (
          <ErrorSummary.Item key={`${i}-${p.id}`}>
            {p.id ? (
              <ErrorSummary.Link
                href={`#${p.id}`}
                onClick={(event) => {
                  const field = document.getElementById(p.id);
                  if (!field) return;
                  event.preventDefault();
                  field.focus();
                  field.scrollIntoView({ block: 'center' });
                }}
              >
                {p.message}
              </ErrorSummary.Link>
            ) : (
              p.message
            )}
          </ErrorSummary.Item>
        ))}
      </ErrorSummary.List>
    </ErrorSummary>
  );
}

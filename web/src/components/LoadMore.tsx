import { Button, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useI18n } from '../i18n/i18n';

interface PageInfo {
  hasNextPage: boolean;
  endCursor?: string | null;
}

/** fetchMore's `updateQuery` for the connection at `field`: the next page's edges after the ones already shown. */
export function appendEdges<K extends string>(field: K) {
  return <T extends { [F in K]: { edges: readonly unknown[] } }>(prev: T, { fetchMoreResult }: { fetchMoreResult: T }): T => ({
    ...prev,
    [field]: { ...fetchMoreResult[field], edges: [...prev[field].edges, ...fetchMoreResult[field].edges] },
  });
}

/** Cursor paging: the next page is appended, and the button says when there is no more. */
export function LoadMore({
  pageInfo,
  fetchMore,
  shown,
}: {
  pageInfo: PageInfo | undefined;
  fetchMore: (after: string) => Promise<unknown>;
  /** Rows on the page: an empty list says only that it is empty. */
  shown?: number;
}) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  if (!pageInfo || shown === 0) return null;
  if (!pageInfo.hasNextPage || !pageInfo.endCursor)
    return (
      <Paragraph data-size="sm" className="muted">
        {t.noMore}
      </Paragraph>
    );
  const cursor = pageInfo.endCursor;
  return (
    <Button
      variant="secondary"
      loading={busy}
      onClick={async () => {
        setBusy(true);
        try {
          await fetchMore(cursor);
        } finally {
          setBusy(false);
        }
      }}
    >
      {busy ? t.loading : t.loadMore}
    </Button>
  );
}

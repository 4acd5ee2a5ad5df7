import { Button, Dialog, Heading, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { useLazyQuery, useMutation } from '@apollo/client/react';
import { useRef, useState } from 'react';
import { SelectField, useForm } from '../components/use-form';
import { apiErrors, FieldErrors, takeField } from '../errors';
import { graphql } from '../gql';
import { useI18n } from '../i18n/i18n';
import { childName, type ChildSummary } from '../children/child-summary';

const MERGE = graphql(`
  mutation MergeChildren($input: MergeChildrenInput!) {
    mergeChildren(input: $input) {
      id
      givenName
      familyName
    }
  }
`);

const SEARCH_CHILDREN = graphql(`
  query MergeCandidates($search: String!) {
    children(search: $search, first: 10) {
      edges {
        node {
          ...ChildSummaryFields
        }
      }
    }
  }
`);

const NO_ERRORS: FieldErrors = { byField: {}, general: [] };

function describe(child: ChildSummary): string {
  const year = child.birthDate?.slice(0, 4);
  return [childName(child), year, child.district?.name].filter(Boolean).join(', ');
}

/**
 * Supervisor: two records of one child become one. The API refuses everyone else; the page offers it only to
 * supervisors, and a dialog says what moves before anything does.
 */
export function MergeChildren({ reportChild, matches }: { reportChild: ChildSummary; matches: readonly ChildSummary[] }) {
  const { t, lang } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const [keptId, setKeptId] = useState('');
  const [duplicateId, setDuplicateId] = useState('');
  const [doneName, setDoneName] = useState('');
  const [merge, { loading, error, reset }] = useMutation(MERGE, {
    refetchQueries: ['ReportIdentity', 'Report'],
    awaitRefetchQueries: true,
  });
  // A duplicate found later is not among the report's matches: the supervisor searches the district's children for it.
  const [searchText, setSearchText] = useState('');
  const [searchChildren, found] = useLazyQuery(SEARCH_CHILDREN, { fetchPolicy: 'network-only' });
  const foundChildren: ChildSummary[] = found.data?.children.edges.map((e) => e.node) ?? [];
  const searchErrors = found.error ? apiErrors(found.error, lang, t.unexpectedError, t.fields) : NO_ERRORS;
  const records = [reportChild, ...matches, ...foundChildren].filter((c, i, all) => all.findIndex((o) => o.id === c.id) === i);
  const label = (child: ChildSummary) =>
    (child.id === reportChild.id ? t.identity.merge.reportChild : t.identity.merge.registered)(describe(child));
  const kept = records.find((c) => c.id === keptId);
  const duplicate = records.find((c) => c.id === duplicateId);
  const form = useForm(
    {
      keptChildId: { id: 'merge-kept', label: t.identity.merge.kept, value: kept ? keptId : '', kind: 'choice', required: true },
      mergedChildId: {
        id: 'merge-duplicate',
        label: t.identity.merge.duplicate,
        value: duplicate ? duplicateId : '',
        kind: 'choice',
        required: true,
      },
    },
    { error },
  );
  // Two steps: the form is checked before the dialog opens, and the merge's own errors reach the same summary.
  const openDialog = form.submit(() => {
    reset();
    dialog.current?.showModal();
  });
  const confirm = () => {
    dialog.current?.close();
    form.submit(async () => {
      const result = await merge({ variables: { input: { keptChildId: keptId, mergedChildId: duplicateId } } });
      if (result.data) setDoneName(childName(result.data.mergeChildren));
    })();
  };

  return (
    <form onSubmit={openDialog} noValidate className="form identity-block" aria-labelledby="merge-title">
      <Heading level={3} data-size="xs" id="merge-title">
        {t.identity.merge.title}
      </Heading>
      <Paragraph>{t.identity.merge.intro}</Paragraph>
      {form.summary}
      <div className="search-form">
        <Textfield
          label={t.identity.merge.search}
          description={t.identity.merge.searchHint}
          type="search"
          autoComplete="off"
          value={searchText}
          onChange={(e) => setSearchText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              if (searchText.trim()) void searchChildren({ variables: { search: searchText.trim() } });
            }
          }}
          error={takeField(searchErrors, 'search') ?? searchErrors.general[0]}
        />
        <Button
          type="button"
          variant="secondary"
          onClick={() => searchText.trim() && void searchChildren({ variables: { search: searchText.trim() } })}
        >
          {t.identity.merge.searchButton}
        </Button>
      </div>
      <Paragraph role="status" data-size="sm">
        {found.data ? t.identity.merge.found(foundChildren.filter((c) => c.id !== reportChild.id).length) : ''}
      </Paragraph>
      <div className="row">
        <SelectField
          field={form.field('keptChildId')}
          value={keptId}
          onChange={(value) => {
            setKeptId(value);
            if (value === duplicateId) setDuplicateId('');
          }}
        >
          {records.map((c) => (
            <Select.Option key={c.id} value={c.id}>
              {label(c)}
            </Select.Option>
          ))}
        </SelectField>
        <SelectField field={form.field('mergedChildId')} value={duplicateId} onChange={setDuplicateId}>
          {records
            .filter((c) => c.id !== keptId)
            .map((c) => (
              <Select.Option key={c.id} value={c.id}>
                {label(c)}
              </Select.Option>
            ))}
        </SelectField>
      </div>
      {doneName && <Paragraph role="status">{t.identity.merge.done(doneName)}</Paragraph>}
      <div>
        <Button type="submit" variant="secondary" loading={loading}>
          {t.identity.merge.open}
        </Button>
      </div>
      <Dialog ref={dialog} closeButton={t.identity.merge.close} aria-labelledby="merge-dialog-title">
        <Dialog.Block>
          <Heading level={2} data-size="sm" id="merge-dialog-title">
            {t.identity.merge.dialogTitle}
          </Heading>
        </Dialog.Block>
        <Dialog.Block>
          {kept && duplicate && (
            <>
              <Paragraph>{t.identity.merge.moves(label(duplicate), label(kept))}</Paragraph>
              <Paragraph>{t.identity.merge.tombstone(label(duplicate))}</Paragraph>
            </>
          )}
          <div className="actions">
            <Button type="button" data-color="danger" onClick={confirm}>
              {t.identity.merge.confirm}
            </Button>
            <Button type="button" variant="secondary" onClick={() => dialog.current?.close()}>
              {t.identity.merge.cancel}
            </Button>
          </div>
        </Dialog.Block>
      </Dialog>
    </form>
  );
}

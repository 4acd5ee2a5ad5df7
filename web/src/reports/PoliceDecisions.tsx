import { Button, Paragraph } from '@digdir/designsystemet-react';
import { useMutation } from '@apollo/client/react';
import { ErrorAlert } from '../components/Status';
import { graphql } from '../gql';
import { useI18n } from '../i18n/i18n';

const UPDATE = graphql(`
  mutation UpdatePoliceInformation($input: UpdatePoliceInformationInput!) {
    updatePoliceInformation(input: $input) {
      id
      guardianContactOnHold
      preInvestigationRunning
    }
  }
`);

/** The two decisions only the police make on their report; both are one-way, and social services are told. */
export function PoliceDecisions(props: {
  reportId: string;
  reference: string;
  guardianContactOnHold: boolean | null | undefined;
  preInvestigationRunning: boolean | null | undefined;
}) {
  const { t } = useI18n();
  const [update, { loading, error }] = useMutation(UPDATE);
  const send = (input: { liftGuardianContactHold?: boolean; endPreInvestigation?: boolean }) =>
    update({ variables: { input: { reportId: props.reportId, ...input } } }).catch(() => undefined);
  if (!props.guardianContactOnHold && !props.preInvestigationRunning) return <Paragraph data-size="sm">–</Paragraph>;
  return (
    <div className="police-decisions">
      {props.guardianContactOnHold && (
        <Button
          type="button"
          variant="secondary"
          data-size="sm"
          loading={loading}
          onClick={() => window.confirm(t.policeDecisions.liftConfirm) && send({ liftGuardianContactHold: true })}
        >
          {t.policeDecisions.lift}
        </Button>
      )}
      {props.preInvestigationRunning && (
        <Button
          type="button"
          variant="secondary"
          data-size="sm"
          loading={loading}
          onClick={() => window.confirm(t.policeDecisions.endConfirm) && send({ endPreInvestigation: true })}
        >
          {t.policeDecisions.end}
        </Button>
      )}
      <ErrorAlert error={error} />
    </div>
  );
}

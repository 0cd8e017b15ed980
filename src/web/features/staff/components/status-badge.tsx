// Status badges with dark fills so white text keeps AA contrast in every colour.
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApplicationStatus, OrganisationStatus } from '../../../../shared/organisations.js';
import { useOrgLabels } from '../../../i18n/org-labels.js';

const APP_COLOURS: Record<ApplicationStatus, string> = {
  submitted: 'blue.9',
  changes_requested: 'violet.9',
  approved: 'teal.9',
  rejected: 'red.9',
};
const ORG_COLOURS: Record<OrganisationStatus, string> = {
  applicant: 'blue.9',
  member: 'teal.9',
  rejected: 'red.9',
  suspended: 'grape.9',
  departed: 'gray.8',
};

export function ApplicationStatusBadge({ status }: { status: ApplicationStatus }) {
  const { t } = useTranslation('staff');
  return (
    <Badge color={APP_COLOURS[status]} variant="filled" tt="none">
      {t(`enums.appStatusOne.${status}`)}
    </Badge>
  );
}

export function OrganisationStatusBadge({ status }: { status: OrganisationStatus }) {
  const labels = useOrgLabels();
  return (
    <Badge color={ORG_COLOURS[status]} variant="filled" tt="none">
      {labels.status(status)}
    </Badge>
  );
}

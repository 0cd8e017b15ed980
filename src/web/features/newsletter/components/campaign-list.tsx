// Staff: campaigns, newest first, with a button to start a new one.
import { Anchor, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { CampaignStatus, CampaignSummary } from '../../../../shared/newsletter.js';
import { ErrorAlert } from '../../../components/ui/error-alert.js';
import { PageLoader } from '../../../components/ui/page-loader.js';
import { useCreateCampaign } from '../api/create-campaign.js';
import { useCampaigns } from '../api/list-campaigns.js';
import { NEWSLETTER_NS } from '../messages.js';

const STATUS_COLOR: Record<CampaignStatus, string> = {
  draft: 'gray.8',
  scheduled: 'blue.9',
  sending: 'indigo.9',
  sent: 'teal.9',
  cancelled: 'red.9',
};

export function CampaignStatusBadge({ status }: { status: CampaignStatus }) {
  const { t } = useTranslation(NEWSLETTER_NS);
  return (
    <Badge color={STATUS_COLOR[status]} variant="filled">
      {t(`status.${status}`)}
    </Badge>
  );
}

export function CampaignList() {
  const { t, i18n } = useTranslation(NEWSLETTER_NS);
  const campaigns = useCampaigns();
  const create = useCreateCampaign();
  const navigate = useNavigate();
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const when = (c: CampaignSummary) => date.format(new Date(c.startedAt ?? c.scheduledAt ?? c.updatedAt));

  const startNew = () =>
    create.mutate(
      { contents: {}, audience: { all: true } },
      { onSuccess: (c) => navigate(`/staff/newsletter/${c.id}`) },
    );

  const items = campaigns.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="md">
      <Button onClick={startNew} loading={create.isPending} w="fit-content">
        {t('staff.new')}
      </Button>
      {create.isError && <ErrorAlert error={create.error} />}
      {campaigns.isPending ? (
        <PageLoader />
      ) : campaigns.isError ? (
        <ErrorAlert error={campaigns.error} />
      ) : items.length === 0 ? (
        <Text>{t('staff.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={320}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('staff.subject')}</Table.Th>
                <Table.Th>{t('staff.status')}</Table.Th>
                <Table.Th visibleFrom="sm">{t('staff.when')}</Table.Th>
                <Table.Th visibleFrom="sm">{t('staff.recipients')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/staff/newsletter/${c.id}`} underline="always">
                      {c.subject || t('staff.untitled')}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <CampaignStatusBadge status={c.status} />
                  </Table.Td>
                  <Table.Td visibleFrom="sm">{when(c)}</Table.Td>
                  <Table.Td visibleFrom="sm">{c.recipientCount ?? '–'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {campaigns.hasNextPage && (
        <Group>
          <Button
            variant="default"
            loading={campaigns.isFetchingNextPage}
            onClick={() => void campaigns.fetchNextPage()}
          >
            {t('staff.more')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

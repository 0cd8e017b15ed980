// One application in full: organisation, contact, modules, decision, history and (once approved) meetings.
import {
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Divider,
  Group,
  Image,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ApplicationDetail } from '../../../../shared/organisations.js';
import { ErrorAlert } from '../../../components/ui/error-alert.js';
import { PageLoader } from '../../../components/ui/page-loader.js';
import { useOrgLabels } from '../../../i18n/org-labels.js';
import { useApplication } from '../api/get-application.js';
import { useOrganisationAudit } from '../api/get-organisation-audit.js';
import { AuditHistory } from './audit-history.js';
import { useFormat } from './format.js';
import { MeetingsPanel } from './meetings-panel.js';
import { ManageModal } from './member-list.js';
import { ReviewActions } from './review-actions.js';
import { ApplicationStatusBadge, OrganisationStatusBadge } from './status-badge.js';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box>
      <Text component="dt" size="sm" fw={600} c="gray.8">
        {label}
      </Text>
      <Text component="dd" m={0} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Box>
  );
}

export function ApplicationReview({ id }: { id: string }) {
  const { t } = useTranslation('staff');
  const app = useApplication(id);
  if (app.isPending) return <PageLoader />;
  if (app.isError)
    return (
      <Stack>
        <Title order={1}>{t('queue.title')}</Title>
        <ErrorAlert error={app.error} />
        <Anchor component={Link} to="/staff/applications">
          {t('review.back')}
        </Anchor>
      </Stack>
    );
  return <ReviewBody app={app.data} />;
}

function ReviewBody({ app }: { app: ApplicationDetail }) {
  const { t, i18n } = useTranslation('staff');
  const labels = useOrgLabels();
  const f = useFormat();
  const o = app.organisation;
  const audit = useOrganisationAudit(o.slug);
  const history = audit.data?.items ?? app.history;
  const [managing, setManaging] = useState(false);
  const canDecide = app.status === 'submitted' || app.status === 'changes_requested';
  const languageName = (code: string) => {
    try {
      return new Intl.DisplayNames([f.lang], { type: 'language' }).of(code) ?? code;
    } catch {
      return code;
    }
  };
  const description = o.description[i18n.language] || o.description.it || Object.values(o.description)[0];

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/staff/applications" size="sm">
        {t('review.back')}
      </Anchor>
      <Group gap="md" wrap="nowrap" align="flex-start">
        {o.logoUrl && (
          <Image
            src={o.logoUrl}
            alt={t('review.logoAlt', { name: o.name })}
            w={72}
            h={72}
            fit="contain"
            radius="sm"
            style={{ flexShrink: 0 }}
          />
        )}
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Title order={1} style={{ overflowWrap: 'anywhere' }}>
            {o.name}
            {o.acronym ? ` (${o.acronym})` : ''}
          </Title>
          <Group gap="xs">
            <ApplicationStatusBadge status={app.status} />
            <Text size="sm" c="gray.8">
              {t('review.submittedAt', { date: f.dateTime(app.submittedAt) })}
            </Text>
            {app.reviewedAt && (
              <Text size="sm" c="gray.8">
                · {t('review.reviewedAt', { date: f.dateTime(app.reviewedAt) })}
              </Text>
            )}
          </Group>
        </Stack>
      </Group>

      {canDecide && (
        <Card withBorder component="section" aria-labelledby="decision-title">
          <Title order={2} size="h4" id="decision-title" mb="sm">
            {t('review.actions')}
          </Title>
          <ReviewActions applicationId={app.id} />
        </Card>
      )}

      {app.reviewNote && (
        <Card withBorder bg="gray.0">
          <Text fw={600}>{t('review.reviewNote')}</Text>
          <Text dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
            {app.reviewNote}
          </Text>
        </Card>
      )}

      <Stack component="section" gap="sm" aria-labelledby="org-title">
        <Title order={2} id="org-title">
          {t('review.organisation')}
        </Title>
        <SimpleGrid component="dl" cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" m={0}>
          <Field label={t('review.fields.kind')}>{labels.kind(o.kind)}</Field>
          <Field label={t('review.fields.legalForm')}>{labels.legalForm(o.legalForm)}</Field>
          <Field label={t('review.fields.status')}>
            <OrganisationStatusBadge status={o.status} />
          </Field>
          <Field label={t('review.fields.taxCode')}>{o.taxCode ?? '—'}</Field>
          <Field label={t('review.fields.runtsNumber')}>{o.runtsNumber ?? '—'}</Field>
          <Field label={t('review.fields.address')}>
            {[o.address, o.postalCode, o.municipality].filter(Boolean).join(', ')}
          </Field>
          <Field label={t('review.fields.province')}>{o.provinceCode}</Field>
          <Field label={t('review.fields.region')}>{o.regionName ?? '—'}</Field>
          <Field label={t('review.fields.email')}>
            <Anchor href={`mailto:${o.email}`}>{o.email}</Anchor>
          </Field>
          <Field label={t('review.fields.phone')}>{o.phone ? <span dir="ltr">{o.phone}</span> : '—'}</Field>
          <Field label={t('review.fields.website')}>
            {o.website ? (
              <Anchor href={o.website} target="_blank" rel="noopener noreferrer">
                {o.website}
              </Anchor>
            ) : (
              '—'
            )}
          </Field>
          <Field label={t('review.fields.visible')}>{o.visible ? t('review.yes') : t('review.no')}</Field>
          <Field label={t('review.fields.languages')}>
            {o.languages.length ? o.languages.map(languageName).join(', ') : '—'}
          </Field>
          <Field label={t('review.fields.fieldsOfActivity')}>
            {o.fieldSlugs.length ? o.fieldSlugs.join(', ') : '—'}
          </Field>
        </SimpleGrid>
        {description && (
          <Box>
            <Text fw={600} c="gray.8" size="sm">
              {t('review.description')}
            </Text>
            <Text dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
              {description}
            </Text>
          </Box>
        )}
        <Group gap="md">
          {o.status === 'member' && (
            <Anchor component={Link} to={`/organisations/${o.slug}`}>
              {t('review.openProfile')}
            </Anchor>
          )}
          {(o.status === 'member' || o.status === 'suspended') && (
            <Button variant="default" size="xs" onClick={() => setManaging(true)}>
              {t(o.status === 'member' ? 'members.suspend' : 'members.reinstate')}
            </Button>
          )}
        </Group>
        <ManageModal
          org={managing ? { slug: o.slug, name: o.name, status: o.status } : null}
          onClose={() => setManaging(false)}
        />
      </Stack>

      <Divider />
      <Stack component="section" gap="sm" aria-labelledby="contact-title">
        <Title order={2} id="contact-title">
          {t('review.contact')}
        </Title>
        <SimpleGrid component="dl" cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" m={0}>
          <Field label={t('review.fields.name')}>{app.contact.name}</Field>
          <Field label={t('review.fields.role')}>{app.contact.role ?? '—'}</Field>
          <Field label={t('review.fields.email')}>
            <Anchor href={`mailto:${app.contact.email}`}>{app.contact.email}</Anchor>
          </Field>
          <Field label={t('review.fields.phone')}>
            {app.contact.phone ? <span dir="ltr">{app.contact.phone}</span> : '—'}
          </Field>
          <Field label={t('review.fields.locale')}>{languageName(app.contact.locale)}</Field>
        </SimpleGrid>
      </Stack>

      <Stack component="section" gap="sm" aria-labelledby="modules-title">
        <Title order={2} id="modules-title">
          {t('review.modules')}
        </Title>
        {app.modules.length === 0 ? (
          <Text c="gray.8">{t('review.noModules')}</Text>
        ) : (
          <Group gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {app.modules.map((m) => (
              <Badge key={m} component="li" variant="outline" color="teal.9" tt="none" size="lg">
                {labels.module(m)}
              </Badge>
            ))}
          </Group>
        )}
        {app.message && (
          <Box>
            <Text fw={600} c="gray.8" size="sm">
              {t('review.message')}
            </Text>
            <Text dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
              {app.message}
            </Text>
          </Box>
        )}
      </Stack>

      {app.status === 'approved' && (
        <>
          <Divider />
          <MeetingsPanel slug={o.slug} />
        </>
      )}

      <Divider />
      <Stack component="section" gap="sm" aria-labelledby="history-title">
        <Title order={2} id="history-title">
          {t('review.history')}
        </Title>
        <AuditHistory items={history} />
      </Stack>
    </Stack>
  );
}

// A directory card: logo, name linking to the public page, kind of body, place and fields of activity.
import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { OrgCard as OrgCardData } from '../../../../shared/organisations.js';
import { useOrgLabels } from '../../../i18n/org-labels.js';
import { OrgLogo } from './org-logo.js';

export function OrgCard({
  org,
  fieldName,
  headingOrder = 2,
}: {
  org: OrgCardData;
  fieldName: (slug: string) => string;
  headingOrder?: 2 | 3;
}) {
  const labels = useOrgLabels();
  const place = [
    org.municipality && (org.provinceCode ? `${org.municipality} (${org.provinceCode})` : org.municipality),
    org.regionName,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <Card withBorder padding="md" radius="md" component="article" h="100%">
      <Group align="flex-start" wrap="nowrap" gap="md">
        <OrgLogo name={org.name} url={org.logoUrl} alt={labels.logoOf(org.name)} />
        <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
          <Title order={headingOrder} fz="lg" lh={1.3}>
            <Anchor
              component={Link}
              to={`/organisations/${org.slug}`}
              c="teal.9"
              style={{ overflowWrap: 'anywhere' }}
            >
              {org.name}
            </Anchor>
            {org.acronym && ' '}
            {org.acronym && (
              <Text span c="gray.7" fz="sm" fw={500} ms={6}>
                {org.acronym}
              </Text>
            )}
          </Title>
          <Text size="sm" c="gray.8">
            {labels.kind(org.kind)}
          </Text>
          {place && (
            <Text size="sm" c="gray.7">
              {place}
            </Text>
          )}
        </Stack>
      </Group>
      {org.summary && (
        <Text size="sm" mt="sm" lineClamp={3} c="gray.9" dir="auto">
          {org.summary}
        </Text>
      )}
      {org.fields.length > 0 && (
        <Group gap={6} mt="sm">
          {org.fields.slice(0, 4).map((f) => (
            <Badge key={f} variant="light" color="gray" c="gray.9" tt="none" fw={500}>
              {fieldName(f)}
            </Badge>
          ))}
          {org.fields.length > 4 && (
            <Text size="xs" c="gray.7">
              +{org.fields.length - 4}
            </Text>
          )}
        </Group>
      )}
    </Card>
  );
}

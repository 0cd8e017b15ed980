// Programmes and topics a subscriber picks, as checkbox groups (usable by keyboard and screen reader alike).
import { Checkbox, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { NewsletterOptions } from '../../../../shared/newsletter.js';
import { NEWSLETTER_NS } from '../messages.js';

type Props = {
  options: NewsletterOptions | undefined;
  programmes: string[];
  topics: string[];
  onProgrammes: (v: string[]) => void;
  onTopics: (v: string[]) => void;
};

export function InterestsFields({ options, programmes, topics, onProgrammes, onTopics }: Props) {
  const { t, i18n } = useTranslation(NEWSLETTER_NS);
  if (!options) return null;
  return (
    <>
      <Text size="sm" c="dimmed">
        {t('subscribe.interestsHint')}
      </Text>
      {options.programmes.length > 0 && (
        <Checkbox.Group label={t('subscribe.programmes')} value={programmes} onChange={onProgrammes}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="xs">
            {options.programmes.map((p) => (
              <Checkbox key={p.slug} value={p.slug} label={p.year ? `${p.name} (${p.year})` : p.name} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
      )}
      <Checkbox.Group label={t('subscribe.topics')} value={topics} onChange={onTopics}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="xs">
          {options.topics.map((f) => (
            <Checkbox
              key={f.slug}
              value={f.slug}
              label={f.names[i18n.language] ?? f.names[options.defaultLocale] ?? f.slug}
            />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
    </>
  );
}

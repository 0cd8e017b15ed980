// A live hint about how hard a new password is to guess; advisory only, the server enforces the minimum.
import { Progress, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN } from '../../../../shared/auth.js';
import { AUTH_NS } from '../messages.js';

export function passwordScore(pw: string): 0 | 1 | 2 | 3 {
  if (pw.length < PASSWORD_MIN) return 0;
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(pw)).length;
  const unique = new Set(pw).size;
  let score = 1;
  if (pw.length >= 14 || classes >= 3) score++;
  if ((pw.length >= 18 && unique >= 8) || (pw.length >= 12 && classes === 4)) score++;
  if (unique < 4) score = 1;
  return score as 1 | 2 | 3;
}

const LABELS = ['weak', 'fair', 'good', 'strong'] as const;
const COLORS = ['red.8', 'orange.9', 'teal.8', 'green.9'] as const;

export function PasswordStrength({ value, id }: { value: string; id?: string }) {
  const { t } = useTranslation(AUTH_NS);
  const fallbackId = useId();
  const score = passwordScore(value);
  return (
    <Stack gap={4} id={id ?? fallbackId}>
      <Text size="sm" c="gray.8">
        {t('strength.hint')}
      </Text>
      {value.length > 0 && (
        <>
          <Progress
            value={((score + 1) / 4) * 100}
            color={COLORS[score]}
            size="sm"
            aria-label={t('strength.label')}
          />
          <Text size="sm" c={COLORS[score]} aria-live="polite">
            {t('strength.label')}: {t(`strength.${LABELS[score]}`)}
          </Text>
        </>
      )}
    </Stack>
  );
}

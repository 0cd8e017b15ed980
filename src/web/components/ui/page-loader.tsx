import { Center, Loader, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';

// The spinner is decoration; the status region says "loading" in words (a label on the spinner's span
// would be an ARIA attribute on an element with no role, which screen readers may ignore).
export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Loader aria-hidden />
      <VisuallyHidden>{t('states.loading')}</VisuallyHidden>
    </Center>
  );
}

// Small labels of the forum: who may enter a space, the kind of a thread.
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SpaceAccess, ThreadKind } from '../../../../shared/forum.js';
import { FORUM_NS } from '../messages.js';

export function AccessBadge({ access }: { access: SpaceAccess }) {
  const { t } = useTranslation(FORUM_NS);
  return access === 'public' ? (
    <Badge variant="outline" color="gray" c="gray.9">
      {t('access.public')}
    </Badge>
  ) : (
    <Badge variant="light" color={access === 'restricted' ? 'grape' : 'blue'} c="dark.9">
      {t(`access.${access}`)}
    </Badge>
  );
}

export function KindBadge({ kind }: { kind: ThreadKind }) {
  const { t } = useTranslation(FORUM_NS);
  const color = kind === 'question' ? 'yellow' : kind === 'deposit' ? 'indigo' : 'teal';
  return (
    <Badge variant="light" color={color} c="dark.9">
      {t(`kinds.${kind}`)}
    </Badge>
  );
}

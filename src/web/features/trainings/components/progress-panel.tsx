// A person's progress in a course: hours attended, completion, the certificate.
import { Anchor, Badge, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MyEnrolment } from '../../../../shared/trainings.js';
import { errorText } from '../../../lib/form-errors.js';
import { useIssueCertificate } from '../api/issue-certificate.js';
import { TRAININGS_NS } from '../messages.js';
import { useCourseFormat } from './format.js';

export function ProgressPanel({ enrolment, threshold }: { enrolment: MyEnrolment; threshold: number }) {
  const { t } = useTranslation(TRAININGS_NS);
  const f = useCourseFormat();
  const issue = useIssueCertificate(enrolment.courseId);
  const p = enrolment.progress;
  const cert = enrolment.certificate;
  return (
    <Stack gap="xs">
      <Text size="sm">
        {t('course.progressText', {
          attended: f.num(p.attendedHours),
          total: f.num(p.totalHours),
          percent: f.percent(p.share),
        })}
      </Text>
      <Progress
        value={Math.min(100, p.share * 100)}
        color={p.complete ? 'teal' : 'blue'}
        aria-label={t('course.progress')}
      />
      {p.complete ? (
        <Group gap="sm">
          <Badge color="teal" variant="light" c="teal.9">
            {t('course.complete')}
          </Badge>
          {cert && !cert.revokedAt ? (
            <>
              <Button component="a" href={cert.pdfUrl} size="xs" variant="filled" color="teal.9" download>
                {t('course.download')}
              </Button>
              <Anchor component={Link} to={cert.verifyPath} size="sm" c="teal.9">
                {t('course.verifyLink')}
              </Anchor>
            </>
          ) : cert?.revokedAt ? (
            <Badge color="red" variant="light" c="red.9">
              {t('staff.revoked')}
            </Badge>
          ) : (
            <Button
              size="xs"
              color="teal.9"
              loading={issue.isPending}
              onClick={() =>
                issue.mutate(enrolment.id, {
                  onError: (err) => notifications.show({ color: 'red', message: errorText(err, t) }),
                })
              }
            >
              {t('course.getCertificate')}
            </Button>
          )}
        </Group>
      ) : (
        <Text size="sm" c="gray.8">
          {t('course.notComplete', { hours: f.num(Math.ceil(p.totalHours * threshold * 4 - 1e-9) / 4) })}
        </Text>
      )}
    </Stack>
  );
}

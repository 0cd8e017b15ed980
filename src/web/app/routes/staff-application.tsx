// Staff: one application, its decision, history and introductory meeting.
import { useParams } from 'react-router';
import { ApplicationReview } from '../../features/staff/components/application-review.js';
import { StaffOnly } from '../../features/staff/components/staff-only.js';

export function Component() {
  const { id = '' } = useParams();
  return (
    <StaffOnly>
      <ApplicationReview id={id} />
    </StaffOnly>
  );
}

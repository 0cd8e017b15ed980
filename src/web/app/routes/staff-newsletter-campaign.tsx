// Staff: one newsletter campaign (editor, sending, progress).
import { useParams } from 'react-router';
import { CampaignPage } from '../../features/newsletter/components/campaign-editor.js';
import { StaffOnly } from '../../features/staff/components/staff-only.js';

export function Component() {
  const { id = '' } = useParams();
  return (
    <StaffOnly>
      <CampaignPage id={id} />
    </StaffOnly>
  );
}

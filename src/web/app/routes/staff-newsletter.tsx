// Staff: newsletter campaigns.
import { CampaignList } from '../../features/newsletter/components/campaign-list.js';
import { NEWSLETTER_NS } from '../../features/newsletter/messages.js';
import { StaffPage } from '../../features/staff/components/staff-only.js';

export function Component() {
  return (
    <StaffPage ns={NEWSLETTER_NS} prefix="staff.">
      <CampaignList />
    </StaffPage>
  );
}

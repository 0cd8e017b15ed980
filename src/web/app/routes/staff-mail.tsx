// Staff: outgoing mail, readable in the app when no SMTP server is configured.
import { OutboxList } from '../../features/admin/components/outbox-list.js';
import { StaffPage } from '../../features/staff/components/staff-only.js';

export function Component() {
  return (
    <StaffPage ns="mail">
      <OutboxList />
    </StaffPage>
  );
}

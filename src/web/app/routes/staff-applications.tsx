// Staff: the queue of applications to join the network.
import { ApplicationQueue } from '../../features/staff/components/application-queue.js';
import { StaffPage } from '../../features/staff/components/staff-only.js';

export function Component() {
  return (
    <StaffPage ns="staff" prefix="queue.">
      <ApplicationQueue />
    </StaffPage>
  );
}

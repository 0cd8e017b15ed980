// Staff: the network at a glance.

import { StaffPage } from '../../features/staff/components/staff-only.js';
import { StatsView } from '../../features/stats/components/stats-view.js';

export function Component() {
  return (
    <StaffPage ns="stats">
      <StatsView />
    </StaffPage>
  );
}

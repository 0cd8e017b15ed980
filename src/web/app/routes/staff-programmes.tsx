// Staff: programmes and editions, and the form to create one.
import { StaffProgrammeList } from '../../features/programmes/components/staff-programme-list.js';
import { StaffPage } from '../../features/staff/components/staff-only.js';

export function Component() {
  return (
    <StaffPage ns="staffProgrammes" prefix="list.">
      <StaffProgrammeList />
    </StaffPage>
  );
}

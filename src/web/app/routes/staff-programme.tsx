// Staff: one programme, its staff and participating organisations.
import { useParams } from 'react-router';
import { StaffProgrammeEditor } from '../../features/programmes/components/staff-programme-editor.js';
import { StaffOnly } from '../../features/staff/components/staff-only.js';

export function Component() {
  const { slug = '' } = useParams();
  return (
    <StaffOnly>
      <StaffProgrammeEditor slug={slug} />
    </StaffOnly>
  );
}

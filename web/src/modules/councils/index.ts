/** Councils at work: the meetings of a unit's organs, their attendance and quorum, decisions and votes. */
import { lazyPage, lazyUnitSection, type WebModule } from '../../lib/web-module.ts';

export const councilsModule: WebModule = {
  name: 'councils',
  routes: [
    lazyPage('councils/meetings/:id', () => import('./meeting-page.tsx').then((m) => m.MeetingPage)),
    lazyPage('councils/units/:code/requests', () =>
      import('./requests-page.tsx').then((m) => m.RequestsPage),
    ),
    lazyPage('councils/units/:code/meetings/new', () =>
      import('./new-meeting-page.tsx').then((m) => m.NewMeetingPage),
    ),
  ],
  unitSections: [
    lazyUnitSection('councils', () => import('./unit-meetings.tsx').then((m) => m.UnitMeetings)),
    lazyUnitSection('councils-forums', () => import('./unit-forums.tsx').then((m) => m.UnitForums)),
  ],
};

import type { PermissionDefinition } from '../../platform/module.ts';

/**
 * Reading the catalogue, the calendar, and following a case by its number are public; filing
 * online needs only an account. Everything else is done by officers at a unit and below it.
 */
export const SERVICES_PERMISSIONS: PermissionDefinition[] = [
  {
    code: 'services.standard.manage',
    descriptionEn:
      'Create and revise service standards owned by units in scope, and say where they are offered',
    descriptionKm: 'បង្កើត និងកែសម្រួលស្តង់ដារសេវានៃអង្គភាពក្នុងដែនសមត្ថកិច្ច និងកំណត់កន្លែងផ្ដល់សេវា',
  },
  {
    code: 'services.calendar.manage',
    descriptionEn: 'Keep the calendar of public holidays used for time limits (national)',
    descriptionKm: 'គ្រប់គ្រងប្រតិទិនថ្ងៃឈប់សម្រាកសាធារណៈ សម្រាប់គណនារយៈពេលផ្ដល់សេវា (ថ្នាក់ជាតិ)',
  },
  {
    code: 'services.application.file',
    descriptionEn: 'File applications at the counter for people who come in person',
    descriptionKm: 'ចុះបញ្ជីពាក្យស្នើសុំនៅបញ្ជរ សម្រាប់អ្នកដែលមកដោយផ្ទាល់',
  },
  {
    code: 'services.application.process',
    descriptionEn:
      'See the applications of units in scope and move them along their status path; record fees',
    descriptionKm: 'មើលពាក្យស្នើសុំនៃអង្គភាពក្នុងដែនសមត្ថកិច្ច ដំណើរការស្ថានភាព និងកត់ត្រាការបង់កម្រៃ',
  },
  {
    code: 'services.complaint.handle',
    descriptionEn: 'Investigate, decide and reply to complaints handled by units in scope (ombudsman office)',
    descriptionKm: 'ស៊ើបអង្កេត សម្រេច និងឆ្លើយតបបណ្ដឹងនៃអង្គភាពក្នុងដែនសមត្ថកិច្ច (ការិយាល័យទទួលបណ្ដឹង)',
  },
  {
    code: 'services.outbox.read',
    descriptionEn: 'See the messages sent to citizens about cases in scope',
    descriptionKm: 'មើលសារដែលបានផ្ញើទៅប្រជាពលរដ្ឋអំពីករណីក្នុងដែនសមត្ថកិច្ច',
  },
];

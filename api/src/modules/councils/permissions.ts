import type { PermissionDefinition } from '../../platform/module.ts';

/** Reading organs, members and functions is public (councils are public bodies); changing them is not. */
export const COUNCILS_PERMISSIONS: PermissionDefinition[] = [
  {
    code: 'councils.organ.manage',
    descriptionEn:
      'Create, change and close the organs of units in scope (councils, boards, committees, offices) and their members; see members’ personal details',
    descriptionKm:
      'បង្កើត កែប្រែ និងបិទស្ថាប័ននៃអង្គភាពក្នុងដែនសមត្ថកិច្ច (ក្រុមប្រឹក្សា គណៈអភិបាល គណៈកម្មការ ការិយាល័យ) និងសមាជិករបស់វា និងមើលព័ត៌មានផ្ទាល់ខ្លួនរបស់សមាជិក',
  },
  {
    code: 'councils.function.manage',
    descriptionEn: 'Keep the register of functions assigned or transferred to SNAs (national)',
    descriptionKm: 'គ្រប់គ្រងបញ្ជីមុខងារដែលបានប្រគល់ ឬផ្ទេរទៅរដ្ឋបាលថ្នាក់ក្រោមជាតិ (ថ្នាក់ជាតិ)',
  },
  {
    code: 'councils.meeting.manage',
    descriptionEn:
      'Convene and record the meetings of organs of units in scope: agenda, attendance, decisions and votes',
    descriptionKm:
      'កោះប្រជុំ និងកត់ត្រាកិច្ចប្រជុំនៃស្ថាប័ននៃអង្គភាពក្នុងដែនសមត្ថកិច្ច៖ របៀបវារៈ វត្តមាន សេចក្ដីសម្រេច និងការបោះឆ្នោត',
  },
];

import type { PermissionDefinition } from '../../platform/module.ts';

/**
 * Reading published budgets is public (a council's approved budget is a public document);
 * preparing, approving and executing them is done by the unit's officers, and importing
 * national data sets (BOOST) is national.
 */
export const BUDGETS_PERMISSIONS: PermissionDefinition[] = [
  {
    code: 'budgets.line.manage',
    descriptionEn:
      'Prepare the budgets of units in scope: create a budget, change its lines while proposed, adjust it',
    descriptionKm: 'រៀបចំថវិកានៃអង្គភាពក្នុងដែនសមត្ថកិច្ច៖ បង្កើតថវិកា កែប្រែបន្ទាត់ថវិកានៅដំណាក់កាលស្នើ និងកែសម្រួលថវិកា',
  },
  {
    code: 'budgets.council_decision.record',
    descriptionEn: 'Record the council’s decision on a budget of a unit in scope, and approve the budget',
    descriptionKm: 'កត់ត្រាសេចក្ដីសម្រេចរបស់ក្រុមប្រឹក្សាលើថវិកានៃអង្គភាពក្នុងដែនសមត្ថកិច្ច និងអនុម័តថវិកា',
  },
  {
    code: 'budgets.actual.record',
    descriptionEn: 'Record the quarterly actuals of approved budgets of units in scope',
    descriptionKm: 'កត់ត្រាការអនុវត្តជាក់ស្ដែងប្រចាំត្រីមាសនៃថវិកាដែលបានអនុម័តនៃអង្គភាពក្នុងដែនសមត្ថកិច្ច',
  },
  {
    code: 'budgets.open_data.import',
    descriptionEn: 'Import budget data sets (BOOST-style CSV) for any unit (national)',
    descriptionKm: 'នាំចូលសំណុំទិន្នន័យថវិកា (CSV ទម្រង់ BOOST) សម្រាប់អង្គភាពណាមួយ (ថ្នាក់ជាតិ)',
  },
];

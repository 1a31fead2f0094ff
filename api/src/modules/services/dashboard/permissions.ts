import type { PermissionDefinition } from '../../../platform/module.ts';

export const READ_DASHBOARD = 'services.dashboard.read';

/** Reading the figures of service delivery; officers, auditors and council members hold it at their units. */
export const DASHBOARD_PERMISSIONS: PermissionDefinition[] = [
  {
    code: READ_DASHBOARD,
    descriptionEn:
      'See the service-delivery dashboard of units in scope (counts, delays, fees, satisfaction) and export it',
    descriptionKm: 'មើលផ្ទាំងព័ត៌មានការផ្ដល់សេវានៃអង្គភាពក្នុងដែនសមត្ថកិច្ច (ចំនួន ការយឺតយ៉ាវ កម្រៃ ការពេញចិត្ត) និងនាំចេញ',
  },
];

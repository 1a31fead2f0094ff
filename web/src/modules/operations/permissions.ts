/** The permission the failed-jobs page and its menu entry need (the API's operations module). */
export const MANAGE_JOBS = 'operations.jobs.manage';

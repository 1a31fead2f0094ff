/** The permissions the results pages and their menu entries need (the API's results module). */
export const ENTER_VALUES = 'results.value.enter';
export const READ_ANALYTICS = 'results.analytics.read';

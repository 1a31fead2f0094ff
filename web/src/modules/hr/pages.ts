/** The hr pages in one lazy chunk: one loader in the home page's code instead of four (its budget is tight). */
export { EstablishmentPage } from './establishment-page.tsx';
export { LeadershipPage } from './leadership-page.tsx';
export { PersonPage } from './person-page.tsx';
export { UnitHr } from './unit-hr.tsx';

import { createBrowserRouter } from 'react-router';
import { Layout } from './layout.tsx';
import { RouteError } from './route-error.tsx';
import { HomePage } from '../portal/home-page.tsx';

// Only the home page is in the first bundle: citizens often arrive on a phone over a slow link.
export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          { index: true, element: <HomePage /> },
          {
            path: 'units',
            lazy: async () => {
              const { UnitsPage } = await import('../modules/gazetteer/units-page.tsx');
              return { Component: UnitsPage };
            },
          },
          {
            path: 'units/changes',
            lazy: async () => {
              const { ChangesPage } = await import('../modules/gazetteer/changes-page.tsx');
              return { Component: ChangesPage };
            },
          },
          {
            path: 'units/:code',
            lazy: async () => {
              const { UnitPage } = await import('../modules/gazetteer/unit-page.tsx');
              return { Component: UnitPage };
            },
          },
          {
            path: 'map',
            lazy: async () => {
              const { MapPage } = await import('../modules/gazetteer/map-page.tsx');
              return { Component: MapPage };
            },
          },
          {
            path: 'transfers',
            lazy: async () => {
              const { TransfersPage } = await import('../modules/transfers/transfers-page.tsx');
              return { Component: TransfersPage };
            },
          },
          {
            path: 'transfers/allocations/:id',
            lazy: async () => {
              const { AllocationPage } = await import('../modules/transfers/allocation-page.tsx');
              return { Component: AllocationPage };
            },
          },
          {
            path: 'transfers/scenario',
            lazy: async () => {
              const { ScenarioPage } = await import('../modules/transfers/scenario-page.tsx');
              return { Component: ScenarioPage };
            },
          },
          {
            path: 'transfers/figures',
            lazy: async () => {
              const { FiguresPage } = await import('../modules/transfers/figures-page.tsx');
              return { Component: FiguresPage };
            },
          },
          {
            path: 'transfers/formulas',
            lazy: async () => {
              const { FormulasPage } = await import('../modules/transfers/formulas-page.tsx');
              return { Component: FormulasPage };
            },
          },
          {
            path: 'transfers/formulas/:id',
            lazy: async () => {
              const { FormulaPage } = await import('../modules/transfers/formula-page.tsx');
              return { Component: FormulaPage };
            },
          },
          // Public services (web/src/modules/services): catalogue, boards, tracking, cases.
          {
            path: 'services',
            lazy: async () => {
              const { ServicesPage } = await import('../modules/services/services-page.tsx');
              return { Component: ServicesPage };
            },
          },
          {
            path: 'services/dashboard',
            lazy: async () => {
              const { DashboardPage } = await import('../modules/services-dashboard/dashboard-page.tsx');
              return { Component: DashboardPage };
            },
          },
          // Officers manage the standards and their offerings (web/src/modules/services-admin).
          {
            path: 'services/manage',
            lazy: async () => {
              const { ManagePage } = await import('../modules/services-admin/manage-page.tsx');
              return { Component: ManagePage };
            },
          },
          {
            path: 'services/manage/new',
            lazy: async () => {
              const { NewStandardPage } = await import('../modules/services-admin/edit-page.tsx');
              return { Component: NewStandardPage };
            },
          },
          {
            path: 'services/manage/:code',
            lazy: async () => {
              const { EditStandardPage } = await import('../modules/services-admin/edit-page.tsx');
              return { Component: EditStandardPage };
            },
          },
          {
            path: 'services/board/:unitCode',
            lazy: async () => {
              const { BoardPage } = await import('../modules/services/board-page.tsx');
              return { Component: BoardPage };
            },
          },
          {
            path: 'services/:code',
            lazy: async () => {
              const { ServicePage } = await import('../modules/services/service-page.tsx');
              return { Component: ServicePage };
            },
          },
          {
            path: 'services/:code/apply',
            lazy: async () => {
              const { ApplyPage } = await import('../modules/services/apply-page.tsx');
              return { Component: ApplyPage };
            },
          },
          {
            path: 'track',
            lazy: async () => {
              const { TrackPage } = await import('../modules/services/track-page.tsx');
              return { Component: TrackPage };
            },
          },
          {
            path: 'my/applications',
            lazy: async () => {
              const { MyApplicationsPage } = await import('../modules/services/my-applications-page.tsx');
              return { Component: MyApplicationsPage };
            },
          },
          {
            path: 'applications',
            lazy: async () => {
              const { ApplicationsPage } = await import('../modules/services/applications-page.tsx');
              return { Component: ApplicationsPage };
            },
          },
          {
            path: 'applications/new',
            lazy: async () => {
              const { CounterPage } = await import('../modules/services/counter-page.tsx');
              return { Component: CounterPage };
            },
          },
          {
            path: 'applications/:number',
            lazy: async () => {
              const { ApplicationPage } = await import('../modules/services/application-page.tsx');
              return { Component: ApplicationPage };
            },
          },
          {
            path: 'complaints',
            lazy: async () => {
              const { ComplaintsPage } = await import('../modules/services/complaints-page.tsx');
              return { Component: ComplaintsPage };
            },
          },
          {
            path: 'complaints/new',
            lazy: async () => {
              const { ComplaintFormPage } = await import('../modules/services/complaint-form-page.tsx');
              return { Component: ComplaintFormPage };
            },
          },
          {
            path: 'complaints/:number',
            lazy: async () => {
              const { ComplaintPage } = await import('../modules/services/complaint-page.tsx');
              return { Component: ComplaintPage };
            },
          },
          {
            path: 'outbox',
            lazy: async () => {
              const { OutboxPage } = await import('../modules/services/outbox-page.tsx');
              return { Component: OutboxPage };
            },
          },
          {
            path: 'services/calendar',
            lazy: async () => {
              const { CalendarPage } = await import('../modules/services-calendar/calendar-page.tsx');
              return { Component: CalendarPage };
            },
          },
          // SNA budgets and open fiscal data (web/src/modules/budgets).
          {
            path: 'budgets/:unitCode/:year',
            lazy: async () => {
              const { BudgetPage } = await import('../modules/budgets/budget-page.tsx');
              return { Component: BudgetPage };
            },
          },
          {
            path: 'budgets/:unitCode/:year/report',
            lazy: async () => {
              const { ReportPage } = await import('../modules/budgets/report-page.tsx');
              return { Component: ReportPage };
            },
          },
          {
            path: 'open-data',
            lazy: async () => {
              const { OpenDataPage } = await import('../modules/budgets/open-data-page.tsx');
              return { Component: OpenDataPage };
            },
          },
          {
            path: 'admin/gazetteer-import',
            lazy: async () => {
              const { ImportPage } = await import('../modules/gazetteer/import-page.tsx');
              return { Component: ImportPage };
            },
          },
          {
            path: 'sign-in',
            lazy: async () => {
              const { SignInPage } = await import('../modules/access/sign-in-page.tsx');
              return { Component: SignInPage };
            },
          },
          {
            path: 'account',
            lazy: async () => {
              const { AccountPage } = await import('../modules/access/account-page.tsx');
              return { Component: AccountPage };
            },
          },
          {
            path: 'account/password',
            lazy: async () => {
              const { ChangePasswordPage } = await import('../modules/access/change-password-page.tsx');
              return { Component: ChangePasswordPage };
            },
          },
          {
            path: 'admin/users',
            lazy: async () => {
              const { UsersPage } = await import('../modules/access/users-page.tsx');
              return { Component: UsersPage };
            },
          },
          {
            path: 'admin/users/new',
            lazy: async () => {
              const { NewUserPage } = await import('../modules/access/new-user-page.tsx');
              return { Component: NewUserPage };
            },
          },
          {
            path: 'admin/users/:id',
            lazy: async () => {
              const { UserPage } = await import('../modules/access/user-page.tsx');
              return { Component: UserPage };
            },
          },
          {
            path: '*',
            lazy: async () => {
              const { NotFoundPage } = await import('../portal/not-found-page.tsx');
              return { Component: NotFoundPage };
            },
          },
        ],
      },
    ],
  },
]);

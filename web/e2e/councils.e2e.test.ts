/**
 * Councils at work, on a desktop and on a phone: a council with five members is made through
 * the API (one per viewport). The commune clerk of sangkat Kaeb (230201) opens the unit page,
 * finds "Meetings and decisions", convenes a meeting with its agenda in one form, records the
 * attendance in one table of radio buttons (four present, one excused: the quorum shows), and
 * records a decision with its tally; the API then holds a held meeting with a passed decision.
 * The meeting page has no serious accessibility problem, nothing is wider than the phone, and
 * nothing breaks the server's CSP. Then, on a council whose meetings the API holds, the clerk
 * writes, circulates and adopts the minutes of one meeting at the next (the text is then frozen),
 * files a citizen's request and answers it (the answer shows in the public list). Last, the clerk
 * approves a budget by picking the council's adopted decision in the budget page's picker (the
 * budget then carries the decision's id), and records the year's public forum on the unit page:
 * a date out of June and July asks for the reason, a question is added with its answer and plan
 * priority; axe and no overflow on each page, on a desktop and a phone (360 px).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { VIEWPORTS } from './support/browser.ts';
import {
  accessibilityReport,
  apiSignIn,
  pagePerTest,
  signInThrough,
  startJourney,
} from './support/journey.ts';
import { repoRoot } from './support/server.ts';
import { ShellPage } from './pages/home.page.ts';
import { BudgetsPage } from './pages/budgets.page.ts';

const UNIT = '230201';
const DAY = '2026-11-20';
/** Each journey makes its records through the API first: on a loaded 2-core machine that takes minutes. */
const JOURNEY_TIMEOUT_MS = 240_000;

const km = JSON.parse(
  readFileSync(join(repoRoot, 'web/src/modules/councils/locales/km.json'), 'utf8'),
) as Record<string, string>;

interface MeetingAnswer {
  status: string;
  quorum: { present: number; membersInOffice: number; met: boolean };
  agenda: { titleKm: string }[];
  decisions: { passed: boolean; votesFor: number; kind: string; titleKm: string }[];
}

const journey = startJourney();

/** The national administrator, through the API: makes the council the clerk works with. */
async function adminSession(): Promise<(method: string, path: string, body?: unknown) => Promise<unknown>> {
  const admin = await apiSignIn(journey.baseUrl, 'admin@sndd.example');
  return (method, path, body) => admin.send(method, path, body);
}

async function makeCouncil(label: string): Promise<number> {
  const call = await adminSession();
  const organ = (await call('POST', `/api/councils/units/${UNIT}/organs`, {
    kind: 'council',
    nameKm: `ក្រុមប្រឹក្សាសាកល្បង ${label}`,
    nameEn: `Journey council ${label}`,
  })) as { id: number };
  const roles = ['chief', 'deputy', 'member', 'member', 'member'];
  for (const [index, role] of roles.entries()) {
    await call('POST', `/api/councils/organs/${organ.id}/members`, {
      nameKm: `សមាជិកសាកល្បង ${index + 1}`,
      nameLatin: `Journey member ${index + 1}`,
      role,
      sex: index % 2 === 0 ? 'female' : 'male',
      startDate: '2026-01-01',
    });
  }
  return organ.id;
}

describe.each(VIEWPORTS)('councils journey on $name', ({ name, ...device }) => {
  let page: Page;
  pagePerTest(journey, device, (opened) => (page = opened));

  it(
    'lets the clerk convene a meeting, record the attendance and a decision with its tally',
    async () => {
      const organId = await makeCouncil(name);
      await signInThrough(page, journey.baseUrl, 'kep.clerk@sndd.example', `/units/${UNIT}`);

      // The unit page's section, and the clerk's way in.
      const section = page.locator('main section.unit-meetings');
      await section.locator('h2').waitFor();
      expect((await section.locator('h2').textContent())?.trim()).toBe(km['councils.unit.title']);
      await section.locator(`a[href="/councils/units/${UNIT}/meetings/new"]`).click();

      // One form: organ, date, place, the agenda.
      const form = page.locator('main form.meeting-form');
      await form.waitFor();
      const shell = new ShellPage(page, journey.baseUrl);
      const formProblems = await shell.seriousAccessibilityProblems();
      if (formProblems.length > 0) console.error(accessibilityReport(formProblems));
      expect(formProblems).toEqual([]);
      await form.locator('select[name="organ"]').selectOption(String(organId));
      await form.locator('input[name="date"]').fill(DAY);
      await form.locator('input[name="place"]').fill('សាលាសង្កាត់កែប');
      await form.locator('input[name="agenda-0-km"]').fill('ថវិកាឆ្នាំ ២០៣១ (សាកល្បង)');
      await form.locator('button[type="submit"]').click();
      await page.waitForURL((url) => /^\/councils\/meetings\/\d+$/.test(url.pathname));
      const meetingId = Number(new URL(page.url()).pathname.split('/').pop());

      // Attendance: one table of radio buttons; everyone present by default, one excused.
      const attendance = page.locator('main form.attendance-form');
      await attendance.waitFor();
      expect(await attendance.locator('tbody tr').count()).toBe(5);
      await attendance.locator('tbody tr').nth(4).locator('input[value="excused"]').check();
      await attendance.locator('input[name="observersFemale"]').fill('6');
      await attendance.locator('input[name="observersMale"]').fill('4');
      await attendance.locator('button[type="submit"]').click();
      await page.locator('main .quorum--met').waitFor();

      // A decision with its tally.
      const decision = page.locator('main form.decision-form');
      await decision.waitFor();
      await decision.locator('select[name="kind"]').selectOption('approve_budget');
      await decision.locator('input[name="titleKm"]').fill('អនុម័តថវិកាឆ្នាំ ២០៣១ (សាកល្បង)');
      await decision.locator('input[name="votes-for"]').fill('4');
      await decision.locator('input[name="votes-against"]').fill('0');
      await decision.locator('input[name="votes-abstain"]').fill('0');
      await decision.locator('button[type="submit"]').click();
      await page.locator('main .decision-card .decision-outcome--passed').waitFor();

      const stored = (await (
        await fetch(`${journey.baseUrl}/api/councils/meetings/${meetingId}`)
      ).json()) as MeetingAnswer;
      expect(stored.status).toBe('held');
      expect(stored.quorum).toMatchObject({ present: 4, membersInOffice: 5, met: true });
      expect(stored.agenda.map((item) => item.titleKm)).toEqual(['ថវិកាឆ្នាំ ២០៣១ (សាកល្បង)']);
      expect(stored.decisions).toHaveLength(1);
      expect(stored.decisions[0]).toMatchObject({ kind: 'approve_budget', passed: true, votesFor: 4 });

      const problems = await shell.seriousAccessibilityProblems();
      if (problems.length > 0) console.error(accessibilityReport(problems));
      expect(problems).toEqual([]);
      // Nothing is wider than the screen (the tables stack on a phone).
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
    },
    JOURNEY_TIMEOUT_MS,
  );

  it(
    'lets the clerk adopt minutes at the next meeting and answer a citizen’s request',
    async () => {
      const organId = await makeCouncil(`${name} 2`);
      const call = await adminSession();
      const members = (
        (await call('GET', `/api/councils/organs/${organId}`)) as { members: { id: number }[] }
      ).members.map((member) => member.id);
      const heldMeeting = async (date: string) => {
        const meeting = (await call('POST', `/api/councils/organs/${organId}/meetings`, {
          kind: 'ordinary',
          date,
          place: 'Sangkat hall',
          agenda: [{ titleKm: 'ថវិកា', titleEn: 'Budget' }],
        })) as { id: number };
        await call('PUT', `/api/councils/meetings/${meeting.id}/attendance`, {
          attendance: members.map((memberId) => ({ memberId, status: 'present' })),
        });
        return meeting.id;
      };
      const first = await heldMeeting('2026-11-02');
      const second = await heldMeeting('2026-11-16');
      await call('POST', `/api/councils/meetings/${first}/decisions`, {
        kind: 'approve_budget',
        titleKm: `អនុម័តថវិកា (សាកល្បង ${name})`,
        titleEn: `Approve the budget (journey ${name})`,
        tally: { for: 5, against: 0, abstain: 0 },
      });

      // Minutes: draft, circulated, adopted at the next meeting; then no form is offered.
      await signInThrough(page, journey.baseUrl, 'kep.clerk@sndd.example', `/councils/meetings/${first}`);
      const minutes = page.locator('main section.minutes');
      await minutes.locator('textarea[name="minutesTextKm"]').fill('កំណត់ហេតុនៃកិច្ចប្រជុំ (សាកល្បង)');
      await minutes.locator('form button[type="submit"]').first().click();
      await minutes.locator('.minutes-status--draft').waitFor();
      await minutes.getByRole('button', { name: km['councils.minutes.circulate'] }).click();
      await minutes.locator('.minutes-status--circulated').waitFor();
      await minutes.locator('select[name="adoptAt"]').selectOption(String(second));
      await minutes.getByRole('button', { name: km['councils.minutes.adopt'] }).click();
      await minutes.locator('.minutes-status--adopted').waitFor();
      expect(await minutes.locator('textarea').count()).toBe(0);
      const adopted = (await (
        await fetch(`${journey.baseUrl}/api/councils/meetings/${first}/minutes`)
      ).json()) as { status: string; adoptedAtMeetingId: number };
      expect(adopted).toMatchObject({ status: 'adopted', adoptedAtMeetingId: second });

      // A citizen's request, filed and answered on the council's requests page.
      await page.goto(`${journey.baseUrl}/councils/units/${UNIT}/requests`, { waitUntil: 'load' });
      const form = page.locator('main form.request-form');
      await form.locator('textarea[name="textKm"]').fill(`សូមជួសជុលផ្លូវភូមិ (សាកល្បង ${name})`);
      await form
        .locator('input[name="phone"]')
        .fill(name.startsWith('phone') ? '012 444 101' : '012 444 202');
      await form.locator('select[name="sex"]').selectOption('female');
      await form.locator('button[type="submit"]').click();
      const number = (await form.locator('[data-field="request-number"]').textContent())?.trim() ?? '';
      expect(number).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
      const card = page.locator(`main .requests-to-handle li[data-number="${number}"]`);
      await card.locator('textarea[name="answerKm"]').fill('ក្រុមប្រឹក្សានឹងជួសជុលផ្លូវនៅខែក្រោយ');
      await card.locator('form.answer-request-form button[type="submit"]').click();
      await page.locator(`main .answered-requests li[data-number="${number}"]`).waitFor();
      const tracked = (await (await fetch(`${journey.baseUrl}/api/councils/requests/${number}`)).json()) as {
        status: string;
        answerKm: string;
      };
      expect(tracked).toMatchObject({ status: 'answered', answerKm: 'ក្រុមប្រឹក្សានឹងជួសជុលផ្លូវនៅខែក្រោយ' });

      const problems = await new ShellPage(page, journey.baseUrl).seriousAccessibilityProblems();
      if (problems.length > 0) console.error(accessibilityReport(problems));
      expect(problems).toEqual([]);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
    },
    JOURNEY_TIMEOUT_MS,
  );

  it(
    'lets the clerk approve a budget by picking the adopted decision, and record the public forum',
    async () => {
      const organId = await makeCouncil(`${name} 3`);
      const call = await adminSession();
      const members = (
        (await call('GET', `/api/councils/organs/${organId}`)) as { members: { id: number }[] }
      ).members.map((member) => member.id);
      const meeting = (await call('POST', `/api/councils/organs/${organId}/meetings`, {
        kind: 'ordinary',
        date: '2026-11-25',
        place: 'Sangkat hall',
        agenda: [{ titleKm: 'ថវិកា', titleEn: 'Budget' }],
      })) as { id: number };
      await call('PUT', `/api/councils/meetings/${meeting.id}/attendance`, {
        attendance: members.map((memberId) => ({ memberId, status: 'present' })),
      });
      const decision = (await call('POST', `/api/councils/meetings/${meeting.id}/decisions`, {
        kind: 'approve_budget',
        titleKm: `អនុម័តថវិកា (សាកល្បង ${name} 3)`,
        titleEn: `Approve the budget (journey ${name} 3)`,
        tally: { for: 5, against: 0, abstain: 0 },
      })) as { id: number; reference: string };
      const year = name.startsWith('phone') ? 2038 : 2037;
      const budget = (await call('POST', `/api/budgets/units/${UNIT}/years/${year}`, {})) as { id: number };
      await call('POST', `/api/budgets/${budget.id}/lines`, {
        economicCode: '71',
        fundSourceCode: 'own_source',
        amount: 2_000_000,
        descriptionEn: 'Fees (journey)',
      });

      // The budget page: the picker lists the council's passed budget decisions; approve with one.
      await signInThrough(page, journey.baseUrl, 'kep.clerk@sndd.example', `/budgets/${UNIT}/${year}`);
      const budgets = new BudgetsPage(page, journey.baseUrl);
      await budgets.waitForPhase('proposed');
      await budgets.pickDecision(decision.id);
      await budgets.approve();
      await budgets.waitForPhase('approved');
      const stored = (await (
        await fetch(`${journey.baseUrl}/api/budgets/units/${UNIT}/years/${year}`)
      ).json()) as { councilDecision: { decisionId: number | null; number: string } };
      expect(stored.councilDecision).toMatchObject({ decisionId: decision.id, number: decision.reference });
      const budgetProblems = await budgets.seriousAccessibilityProblems();
      if (budgetProblems.length > 0) console.error(accessibilityReport(budgetProblems));
      expect(budgetProblems).toEqual([]);
      expect(
        await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        ),
      ).toBeLessThanOrEqual(0);

      // The annual public forum, on the unit page: held in August, so the reason is asked for.
      await page.goto(`${journey.baseUrl}/units/${UNIT}`, { waitUntil: 'load' });
      const forums = page.locator('main section.unit-forums');
      await forums.locator('h2').waitFor();
      expect((await forums.locator('h2').textContent())?.trim()).toBe(km['councils.forum.title']);
      const forumYear = name.startsWith('phone') ? 2024 : 2023;
      const form = forums.locator('form.forum-form');
      await form.locator('input[name="forumDate"]').fill(`${forumYear}-08-14`);
      await form.locator('[data-field="forum-window-warning"]').waitFor();
      await form.locator('input[name="forumPlace"]').fill('សាលាសង្កាត់កែប');
      await form.locator('input[name="attendanceFemale"]').fill('42');
      await form.locator('input[name="attendanceMale"]').fill('35');
      await form.locator('textarea[name="lateReasonKm"]').fill('ទឹកជំនន់នៅខែកក្កដា (សាកល្បង)');
      await form.locator('button[type="submit"]').click();
      await form.locator('.success-message').waitFor();
      const listed = (await (
        await fetch(`${journey.baseUrl}/api/councils/units/${UNIT}/forums?year=${forumYear}`)
      ).json()) as { items: { id: number; inWindow: boolean; attendanceFemale: number }[] };
      const forum = listed.items[0]!;
      expect(forum).toMatchObject({ inWindow: false, attendanceFemale: 42 });
      // Its row says it was held out of the window; opening it shows its questions.
      const row = forums.locator(`tr[data-forum="${forum.id}"]`);
      expect((await row.locator('[data-field="forum-late"]').textContent())?.trim()).toBe(
        km['councils.forum.outsideWindow'],
      );
      await row.locator('button.link-button').click();
      const detail = forums.locator(`.forum-detail[data-forum-detail="${forum.id}"]`);
      await detail.locator('h3').waitFor();
      const question = detail.locator('form.forum-question-form');
      await question.locator('textarea[name="questionKm"]').fill('តើពេលណាផ្លូវភូមិនឹងត្រូវជួសជុល? (សាកល្បង)');
      await question.locator('select[name="askedBySex"]').selectOption('female');
      await question.locator('textarea[name="answerKm"]').fill('ផ្លូវនេះមាននៅក្នុងផែនការឆ្នាំក្រោយ');
      await question.locator('input[name="planPriorityRef"]').fill('P-2025-03');
      await question.locator('button[type="submit"]').click();
      await detail.locator('table.forum-questions tbody tr').filter({ hasText: 'P-2025-03' }).waitFor();
      const questions = (await (
        await fetch(`${journey.baseUrl}/api/councils/forums/${forum.id}/questions`)
      ).json()) as { items: { askedBySex: string; planPriorityRef: string; answerKm: string }[] };
      expect(questions.items).toEqual([
        expect.objectContaining({
          askedBySex: 'female',
          planPriorityRef: 'P-2025-03',
          answerKm: 'ផ្លូវនេះមាននៅក្នុងផែនការឆ្នាំក្រោយ',
        }),
      ]);

      const problems = await budgets.seriousAccessibilityProblems();
      if (problems.length > 0) console.error(accessibilityReport(problems));
      expect(problems).toEqual([]);
      expect(
        await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        ),
      ).toBeLessThanOrEqual(0);
    },
    JOURNEY_TIMEOUT_MS,
  );
});

/**
 * The demo calendar: Cambodian public holidays for 2026 and 2027.
 *
 * NOT OFFICIAL. The Royal Government sets each year's holidays by sub-decree (អនុក្រឹត្យ), usually
 * in the second half of the year before. The sub-decrees for 2026 and 2027 could not be
 * consulted when this list was written, so it is an example (is_example = true): the
 * fixed-date holidays follow the recent sub-decrees (e.g. No. 166 អនក្រ.បក of 12 August 2022
 * for 2023, with 29 December, Peace Day, added from 2024), and the lunar holidays (Visak
 * Bochea, Royal Ploughing, Pchum Ben, Water Festival) are approximate. A national officer
 * replaces each year with the sub-decree's list (PUT /api/services/calendar/{year}).
 */
import type { HolidayInput } from './calendar.service.ts';

export const DEMO_HOLIDAY_SOURCE =
  'Example: fixed dates as in recent sub-decrees on public holidays; lunar dates approximate. Replace with the sub-decree for the year.';

const fixed = (year: number): HolidayInput[] => [
  { date: `${year}-01-01`, nameKm: 'ទិវាចូលឆ្នាំសកល', nameEn: 'International New Year Day' },
  { date: `${year}-01-07`, nameKm: 'ទិវាជ័យជម្នះលើរបបប្រល័យពូជសាសន៍', nameEn: 'Victory over Genocide Day' },
  { date: `${year}-03-08`, nameKm: 'ទិវានារីអន្តរជាតិ', nameEn: 'International Women’s Day' },
  { date: `${year}-04-14`, nameKm: 'ពិធីបុណ្យចូលឆ្នាំថ្មី ប្រពៃណីជាតិ', nameEn: 'Khmer New Year' },
  { date: `${year}-04-15`, nameKm: 'ពិធីបុណ្យចូលឆ្នាំថ្មី ប្រពៃណីជាតិ', nameEn: 'Khmer New Year' },
  { date: `${year}-04-16`, nameKm: 'ពិធីបុណ្យចូលឆ្នាំថ្មី ប្រពៃណីជាតិ', nameEn: 'Khmer New Year' },
  { date: `${year}-05-01`, nameKm: 'ទិវាពលកម្មអន្តរជាតិ', nameEn: 'International Labour Day' },
  { date: `${year}-05-14`, nameKm: 'ព្រះរាជពិធីបុណ្យចម្រើនព្រះជន្ម ព្រះមហាក្សត្រ', nameEn: 'King’s Birthday' },
  {
    date: `${year}-06-18`,
    nameKm: 'ព្រះរាជពិធីបុណ្យចម្រើនព្រះជន្ម សម្ដេចព្រះមហាក្សត្រី ព្រះវររាជមាតា',
    nameEn: 'Queen Mother’s Birthday',
  },
  { date: `${year}-09-24`, nameKm: 'ទិវាប្រកាសរដ្ឋធម្មនុញ្ញ', nameEn: 'Constitution Day' },
  {
    date: `${year}-10-15`,
    nameKm: 'ទិវាប្រារព្ធពិធីគោរពព្រះវិញ្ញាណក្ខន្ធ ព្រះបរមរតនកោដ្ឋ',
    nameEn: 'Commemoration Day of the King Father',
  },
  { date: `${year}-10-29`, nameKm: 'ព្រះរាជពិធីគ្រងព្រះបរមរាជសម្បត្តិ', nameEn: 'King’s Coronation Day' },
  { date: `${year}-11-09`, nameKm: 'ពិធីបុណ្យឯករាជ្យជាតិ', nameEn: 'Independence Day' },
  { date: `${year}-12-29`, nameKm: 'ទិវាសន្តិភាពនៅកម្ពុជា', nameEn: 'Peace Day in Cambodia' },
];

const lunar = (
  visak: string,
  ploughing: string,
  pchumBen: [string, string, string],
  waterFestival: [string, string, string],
): HolidayInput[] => [
  { date: visak, nameKm: 'ពិធីបុណ្យវិសាខបូជា', nameEn: 'Visak Bochea Day' },
  { date: ploughing, nameKm: 'ព្រះរាជពិធីច្រត់ព្រះនង្គ័ល', nameEn: 'Royal Ploughing Ceremony' },
  ...pchumBen.map((date) => ({ date, nameKm: 'ពិធីបុណ្យភ្ផុំបិណ្ឌ', nameEn: 'Pchum Ben' })),
  ...waterFestival.map((date) => ({
    date,
    nameKm: 'ព្រះរាជពិធីបុណ្យអុំទូក បណ្ដែតប្រទីប និងសំពះព្រះខែ អកអំបុក',
    nameEn: 'Water Festival',
  })),
];

export const DEMO_HOLIDAYS: Record<number, HolidayInput[]> = {
  2026: [
    ...fixed(2026),
    ...lunar(
      '2026-05-31',
      '2026-06-04',
      ['2026-10-09', '2026-10-10', '2026-10-11'],
      ['2026-11-23', '2026-11-24', '2026-11-25'],
    ),
  ].sort((a, b) => a.date.localeCompare(b.date)),
  2027: [
    ...fixed(2027),
    ...lunar(
      '2027-05-20',
      '2027-05-24',
      ['2027-09-28', '2027-09-29', '2027-09-30'],
      ['2027-11-12', '2027-11-13', '2027-11-14'],
    ),
  ].sort((a, b) => a.date.localeCompare(b.date)),
};

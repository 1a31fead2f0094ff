/**
 * Whether a person's assignments reach a unit: the one rule of every "may this person do this
 * here" question of the pages (the API decides; the pages only offer). NCDD codes nest by
 * prefix: 230201 is within 2302, which is within 23; a national assignment (null) reaches
 * every unit and the national level itself.
 */

/**
 * `units`: where the person holds the permission (null: nationally), as session.unitsWhere
 * gives them. `unitCode`: the unit asked about, null for the national level.
 */
export function holdsAt(units: readonly (string | null)[], unitCode: string | null): boolean {
  if (units.includes(null)) return true;
  if (unitCode === null) return false;
  return units.some((unit) => unit !== null && unitCode.startsWith(unit));
}

/** What every transfers route shares: its OpenAPI tag and the national access rule. */
export const tags = ['transfers'];

/** National work: a permission held by an assignment with no unit (the whole country). */
export const national = (permission: string) => ({ permission, unit: () => null });

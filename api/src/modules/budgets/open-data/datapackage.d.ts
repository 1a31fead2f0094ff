/**
 * The few parts of the `datapackage` npm package (Frictionless Data, JavaScript) the tests use;
 * it ships no types. See fdp-validator.test.ts.
 */
declare module 'datapackage' {
  export function validate(descriptor: object | string): Promise<{ valid: boolean; errors: Error[] }>;
  export class Profile {
    static load(profile: string): Promise<Profile>;
    validate(descriptor: object): { valid: boolean; errors: Error[] };
  }
  export class Resource {
    readonly name: string;
    read(options?: { keyed?: boolean; cast?: boolean }): Promise<Record<string, unknown>[]>;
  }
  export class Package {
    static load(
      descriptor: object | string,
      options?: { basePath?: string; strict?: boolean },
    ): Promise<Package>;
    readonly valid: boolean;
    readonly errors: Error[];
    readonly resources: Resource[];
  }
}

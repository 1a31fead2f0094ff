/**
 * Route schemas are compiled when a route is first used, not while the app starts: compiling
 * the validators (ajv) and response serializers (fast-json-stringify) of every route was most
 * of a later start's time (a second or more on the 2-core machine). Once the server listens,
 * what is left is compiled in the background, a few routes per turn of the event loop, so a
 * broken schema is still reported within seconds of a start (an error line naming the route),
 * and the first request to a route rarely pays for it. Tests that `inject` compile what they use.
 *
 * The functions handed to Fastify behave as the compiled ones: a validator exposes `errors`
 * and `schemaEnv` (Fastify passes the request's part as context when it sees `schemaEnv`, which
 * puts `/body/...` in the error paths), a serializer returns the serialised text.
 */
import SerializerSelector from '@fastify/fast-json-stringify-compiler';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';

type CompilersFactory = NonNullable<
  NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']
>;
type BuildValidator = NonNullable<CompilersFactory['buildValidator']>;
type BuildSerializer = NonNullable<CompilersFactory['buildSerializer']>;
type ValidatorCompiler = ReturnType<BuildValidator>;
type SerializerCompiler = ReturnType<BuildSerializer>;

/** What a lazily compiled schema says of itself when compiled in the background. */
interface Pending {
  where: string;
  compile: () => void;
}

export interface LazySchemaCompilers {
  buildValidator: BuildValidator;
  buildSerializer: BuildSerializer;
  /** Compiles every schema not compiled yet, a few per turn of the event loop; how many. */
  compileRest(onError: (where: string, error: unknown) => void): Promise<number>;
}

/** Route schemas compiled on first use (see above); `buildValidator` is the app's own. */
export function lazySchemaCompilers(buildValidator: BuildValidator): LazySchemaCompilers {
  const pending = new Set<Pending>();
  const buildSerializer: BuildSerializer = SerializerSelector();

  const lazyValidator =
    (compiler: ValidatorCompiler): ValidatorCompiler =>
    (route) => {
      type Compiled = ReturnType<ValidatorCompiler> & { errors?: unknown; schemaEnv?: unknown };
      let compiled: Compiled | undefined;
      const entry: Pending = {
        where: `${route.method} ${route.url} ${route.httpPart ?? ''}`.trim(),
        compile: () => {
          compiled ??= compiler(route) as Compiled;
          pending.delete(entry);
        },
      };
      const compiledNow = (): Compiled => {
        entry.compile();
        return compiled!;
      };
      const validate = function (this: unknown, ...args: unknown[]) {
        const inner = compiledNow();
        const result = (inner as (...values: unknown[]) => unknown).apply(this, args);
        validate.errors = inner.errors;
        return result;
      } as ((...args: unknown[]) => unknown) & { errors?: unknown; schemaEnv?: unknown };
      Object.defineProperty(validate, 'schemaEnv', { get: () => compiledNow().schemaEnv });
      pending.add(entry);
      return validate as unknown as ReturnType<ValidatorCompiler>;
    };

  const lazySerializer =
    (compiler: SerializerCompiler): SerializerCompiler =>
    (route) => {
      let compiled: ((data: unknown) => string) | undefined;
      const entry: Pending = {
        where: `${route.method} ${route.url} ${route.httpStatus}`,
        compile: () => {
          compiled ??= compiler(route) as (data: unknown) => string;
          pending.delete(entry);
        },
      };
      pending.add(entry);
      return (data: unknown) => {
        entry.compile();
        return compiled!(data);
      };
    };

  return {
    buildValidator: (externalSchemas, options) => lazyValidator(buildValidator(externalSchemas, options)),
    buildSerializer: (externalSchemas, options) => lazySerializer(buildSerializer(externalSchemas, options)),
    async compileRest(onError) {
      let count = 0;
      while (pending.size > 0) {
        // A few at a time: requests arriving meanwhile are served between the turns.
        for (const entry of [...pending].slice(0, 8)) {
          try {
            entry.compile();
            count += 1;
          } catch (error) {
            pending.delete(entry);
            onError(entry.where, error);
          }
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
      return count;
    },
  };
}

/** After the server listens, compiles the rest of the route schemas in the background. */
export function compileRestWhenListening(app: FastifyInstance, compilers: LazySchemaCompilers): void {
  app.addHook('onListen', (done) => {
    done();
    setImmediate(() => {
      const started = performance.now();
      void compilers
        .compileRest((where, error) =>
          app.log.error({ err: error }, `the schema of route ${where} does not compile`),
        )
        .then((count) =>
          app.log.debug(
            `${count} route schemas compiled in the background in ${Math.round(performance.now() - started)} ms`,
          ),
        );
    });
  });
}

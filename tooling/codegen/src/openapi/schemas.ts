import { zodToOpenAPIRegistry, type OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import type { ZodType } from 'zod';

/** One definition the generator consumes (the package does not export the type by name). */
export type OpenApiDefinition = ConstructorParameters<typeof OpenApiGeneratorV31>[0][number];

type InternalMetadata = { _internal?: Record<string, unknown> } & Record<string, unknown>;

/**
 * Names every model as an OpenAPI component and returns the definitions that put them in
 * `components.schemas`.
 *
 * Why not `registry.register(name, schema)`: that calls `schema.openapi(name)`, which (a) only exists on
 * schemas built after `extendZodWithOpenApi` ran — zod 4 copies prototype methods onto each instance when
 * it is constructed, so it depends on import order — and (b) registers a *clone*. Every other model that
 * embeds the original (`SiteJobResults.data` → `SiteData`) would then inline it instead of `$ref`-ing it.
 * Tagging the original instances with their `refId` in zod-to-openapi's metadata registry gives one
 * component per model and a `$ref` at every use.
 */
export function schemaDefinitions(models: Readonly<Record<string, ZodType>>): OpenApiDefinition[] {
  return Object.entries(models).map(([name, schema]) => {
    const current = (zodToOpenAPIRegistry.get(schema as never) ?? {}) as InternalMetadata;
    const refId = current._internal?.['refId'];
    if (refId !== undefined && refId !== name) {
      throw new Error(`schema registered twice, as ${String(refId)} and ${name}`);
    }
    zodToOpenAPIRegistry.add(schema as never, { ...current, _internal: { ...current._internal, refId: name } } as never);
    return { type: 'schema', schema };
  });
}
